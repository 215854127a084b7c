using Azure.Storage.Queues;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class QueueTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageScope _scope = null!;
    private ServiceProvider _sp = null!;

    public async Task InitializeAsync()
    {
        _scope = azurite.NewScope();
        _sp = await TestData.CreatedServicesAsync(_scope);
    }

    public async Task DisposeAsync()
    {
        await _sp.DisposeAsync();
        await _scope.DisposeAsync();
    }

    private QueueClient Raw(string name) =>
        // Base64 on the reading side too would hide a mismatch; read the bytes exactly as stored.
        new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }).GetQueueClient(name);

    [Fact]
    public async Task The_sender_writes_the_plain_id_that_the_functions_trigger_expects()
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        await _sp.GetRequiredService<IQueueSender>().SendAsync(_scope.Names.AnalysisQueueName, id);
        var message = Assert.Single((await Raw(_scope.Names.AnalysisQueueName).ReceiveMessagesAsync(32)).Value);
        Assert.Equal(id, message.Body.ToString());
        Assert.NotEqual(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(id)), message.Body.ToString());
    }

    [Fact]
    public async Task The_sender_creates_a_queue_that_does_not_exist_yet()
    {
        var name = AzuriteFixture.NewQueueName();
        try
        {
            await _sp.GetRequiredService<IQueueSender>().SendAsync(name, "hello");
            Assert.Equal("hello", Assert.Single((await Raw(name).ReceiveMessagesAsync(32)).Value).Body.ToString());
        }
        finally
        {
            await azurite.DeleteQueuesAsync(name);
        }
    }

    [Fact]
    public async Task Poison_messages_are_peeked_without_taking_them()
    {
        var poison = Raw(_scope.Names.AnalysisQueueName + "-poison");
        foreach (var body in new[] { "AAA", "BBB", "CCC" })
        {
            await poison.SendMessageAsync(body);
        }
        var admin = _sp.GetRequiredService<IPoisonQueueAdmin>();
        var peeked = await admin.PeekAsync(_scope.Names.AnalysisQueueName, 2);
        Assert.Equal(["AAA", "BBB"], peeked.Select(p => p.Body));
        Assert.All(peeked, p => Assert.False(string.IsNullOrEmpty(p.MessageId)));
        Assert.All(peeked, p => Assert.NotNull(p.InsertedUtc));
        Assert.Equal(3, (await admin.PeekAsync(_scope.Names.AnalysisQueueName, 100)).Count);
        Assert.Equal(3, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty(await admin.PeekAsync(AzuriteFixture.NewQueueName(), 5));
    }

    [Fact]
    public async Task Requeue_moves_up_to_max_to_the_main_queue()
    {
        var name = _scope.Names.AnalysisQueueName;
        var poison = Raw(name + "-poison");
        for (var i = 0; i < 40; i++)
        {
            await poison.SendMessageAsync($"id{i:00}");
        }
        var admin = _sp.GetRequiredService<IPoisonQueueAdmin>();
        Assert.Equal(35, await admin.RequeueAsync(name, 35));
        Assert.Equal(5, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(35, (await Raw(name).GetPropertiesAsync()).Value.ApproximateMessagesCount);

        Assert.Equal(5, await admin.RequeueAsync(name, 100));
        Assert.Equal(0, await admin.RequeueAsync(name, 100));
        var bodies = new List<string>();
        for (var batch = await Raw(name).ReceiveMessagesAsync(32); batch.Value.Length > 0; batch = await Raw(name).ReceiveMessagesAsync(32))
        {
            bodies.AddRange(batch.Value.Select(m => m.Body.ToString()));
        }
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"id{i:00}"), bodies.Order());
        Assert.Equal(0, await admin.RequeueAsync(AzuriteFixture.NewQueueName(), 5));
    }
}
