using System.Text.Json;
using Azure.Storage.Queues;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Functions;
using FeedbackCollector.Storage;
using FeedbackCollector.TestSupport;
using Microsoft.Azure.Functions.Worker;

namespace FeedbackCollector.LocalHost.Tests;

/// <summary>
/// The analysis queue's two message formats on a real queue: what the app's own sender puts there is what the
/// listener (and the Functions trigger, bound as plain text) hands the handler.
/// </summary>
[Collection("azurite")]
public sealed class AnalysisMessageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_message_of_several_ids_and_an_old_single_id_message_sent_by_the_app_are_analysed_and_a_malformed_one_is_poisoned()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var responses = host.Get<IResponseRepository>();
        var ids = new List<string>();
        foreach (var text in new[] { "the youth club shut", "nobody at school listens", "more buses in the evening" })
        {
            var r = new SurveyResponse
            {
                Id = ResponseId.New(DateTimeOffset.UtcNow), SurveyCode = "young-people", Audience = Audience.Child, ReceivedUtc = DateTimeOffset.UtcNow,
                FreeText = [new FreeTextAnswer("one-thing", text)],
            };
            Assert.True(await responses.TryAddAsync(r));
            ids.Add(r.Id);
        }
        var sender = host.Get<IQueueSender>();
        const string malformed = """{"ids":["not a response id"]}""";

        await sender.SendAsync(scope.Names.AnalysisQueueName, AnalysisMessage.Format(ids[..2]));
        await sender.SendAsync(scope.Names.AnalysisQueueName, ids[2]);
        await sender.SendAsync(scope.Names.AnalysisQueueName, malformed);

        await RunningHost.WaitForAsync(async () =>
        {
            foreach (var id in ids)
            {
                if ((await responses.FindAsync(id))?.Analysis is null)
                {
                    return false;
                }
            }
            return true;
        }, TimeSpan.FromSeconds(20), "the three responses to be analysed");
        foreach (var id in ids)
        {
            var analysis = (await responses.FindAsync(id))!.Analysis!;
            Assert.Equal("one-thing", Assert.Single(analysis.Texts).QuestionId);
        }

        // The JSON message reaches the poison queue unchanged after host.json's tries, for a person to read and requeue.
        var admin = host.Get<IPoisonQueueAdmin>();
        IReadOnlyList<PoisonMessage> poisoned = [];
        await RunningHost.WaitForAsync(async () => (poisoned = await admin.PeekAsync(scope.Names.AnalysisQueueName, 10)).Count == 1,
            TimeSpan.FromSeconds(60), "the malformed message to reach the poison queue");
        Assert.Equal(malformed, poisoned[0].Body);
    }

    [Fact]
    public void The_functions_trigger_reads_the_message_as_the_plain_text_the_app_sends()
    {
        // host.json (both hosts) says plain text, and the app's queue clients send plain text.
        var hostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));
        Assert.Equal("none", hostJson.MessageEncoding);
        Assert.Equal(QueueMessageEncoding.None, StorageClientFactory.QueueOptions().MessageEncoding);
        // The trigger binds the message as a string, so {"ids":[...]} reaches the handler as text, not deserialised.
        var run = typeof(AnalyzeResponse).GetMethod(nameof(AnalyzeResponse.Run))!;
        var message = run.GetParameters().Single(p => p.GetCustomAttributes(typeof(QueueTriggerAttribute), false).Length == 1);
        Assert.Equal(typeof(string), message.ParameterType);
        // What the handler parses is what the sender formats, JSON included.
        var ids = new[] { ResponseId.New(DateTimeOffset.UtcNow), ResponseId.New(DateTimeOffset.UtcNow) };
        var text = AnalysisMessage.Format(ids);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(text).RootElement.ValueKind);
        Assert.Equal(ids, AnalysisMessage.Parse(text));
    }
}
