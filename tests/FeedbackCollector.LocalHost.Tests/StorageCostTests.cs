using System.Collections.Concurrent;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Storage;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FeedbackCollector.LocalHost.Tests;

/// <summary>
/// The storage requests one response costs, counted at the host's own clients: a figure that does not depend on how
/// busy the machine is, and the one the load test's throughput rests on (Azurite serves every request on one core).
/// </summary>
[Collection("azurite")]
public sealed class StorageCostTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Responses = 24;

    [Fact]
    public async Task A_response_costs_five_storage_requests_from_submission_to_stored_analysis_and_officer_reads_no_key_lookups()
    {
        await using var scope = azurite.NewScope();
        var names = scope.Names;
        var counter = new CountingPolicy(names.DigestProjectionContainer, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [names.ResponsesTable] = "responses", [names.RoleKeysTable] = "rolekeys", [names.SurveysTable] = "surveys", [names.TaxonomyTable] = "taxonomy",
            [names.ConcernsTable] = "concerns", [names.AnalysisQueueName] = "analysis", [names.AlertsQueueName] = "alerts",
            [names.AnalysisQueueName + "-poison"] = "analysis-poison", [names.AlertsQueueName + "-poison"] = "alerts-poison",
        });
        await using var host = await RunningHost.StartAsync(scope, services: s => s.AddSingleton(new StoragePipelinePolicy(counter)));
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        await host.CreateOpenSurveyAsync(officer);
        // An uncounted client to watch for the analyses.
        var watch = new TableServiceClient(scope.ConnectionString).GetTableClient(scope.Names.ResponsesTable);

        counter.Reset();
        var ids = new List<string>();
        for (var i = 0; i < Responses; i++)
        {
            using var res = await host.SendAsync(HttpMethod.Post, "/api/surveys/young-people/responses", content: RunningHost.Json(
                $$"""{"answers":{"listened":{{(i % 5) + 1}},"one-thing":"my social worker never listens to me ({{i}})"},"channel":"web"}"""));
            Assert.Equal(HttpStatusCode.Accepted, res.StatusCode);
            ids.Add((await RunningHost.ReadJsonAsync(res)).GetProperty("id").GetString()!);
        }
        await WaitUntilAnalysedAsync(watch, ids, TimeSpan.FromSeconds(30));
        // The message is deleted just after the analysis is stored.
        await RunningHost.WaitForAsync(() => Task.FromResult(counter.Count("DELETE analysis/messages/{id}") >= Responses), TimeSpan.FromSeconds(10), "the messages to be deleted");
        var analysis = counter.Snapshot();

        // Officers reading each response: one read each, the key checked against the cache.
        foreach (var id in ids)
        {
            using var r = await host.SendAsync(HttpMethod.Get, $"/api/responses/{id}", officer);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        var all = counter.Snapshot();
        // Every analysed response has its digest projection entry, however the appends were shared.
        var now = DateTimeOffset.UtcNow;
        var projected = new List<string>();
        await foreach (var e in host.Get<IDigestProjection>().ListAsync(now.AddDays(-1), now.AddDays(1)))
        {
            projected.Add(e.Id);
        }
        Assert.Equal(ids.Order(StringComparer.Ordinal), projected.Order(StringComparer.Ordinal));

        foreach (var (kind, n) in all.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{(double)n / Responses,7:F3}  {kind}");
        }
        // Submission one at a time: one insert and one message each (a lone submission's id is sent at once, alone; see the
        // concurrent test below for shared messages). Analysis: no read (the instance that inserted the response remembers
        // it, at the insert's ETag), one merge at that ETag, one append of the entry to the digest projection's log, one
        // delete of the message. Receives are batched (up to host.json's batchSize a request) and polls
        // of the empty queue depend on time, so they are not counted; nor is opening each shard's log (a listing, the log's
        // creation and a second listing, once per shard and process, not per response).
        Assert.Equal(Responses, analysis.GetValueOrDefault("POST responses"));
        Assert.Equal(Responses, analysis.GetValueOrDefault("POST analysis/messages"));
        Assert.Equal(0, analysis.GetValueOrDefault("GET responses(entity)"));
        Assert.Equal(Responses, analysis.GetValueOrDefault("MERGE responses(entity)"));
        Assert.Equal(0, analysis.GetValueOrDefault("PUT responses(entity)"));
        // At most one append a response: two analyses of one shard that overlap share one (the entries are checked below).
        Assert.InRange(analysis.GetValueOrDefault("PUT projection?comp=appendblock"), Responses / 2, Responses);
        Assert.InRange(analysis.Where(p => p.Key.Contains(" projection", StringComparison.Ordinal) && p.Key != "PUT projection?comp=appendblock").Sum(p => p.Value),
            0, 3 * 16);
        Assert.DoesNotContain(analysis.Keys, k => k.Contains("digest", StringComparison.Ordinal));
        Assert.Equal(Responses, analysis.GetValueOrDefault("DELETE analysis/messages/{id}"));
        // The survey comes from the cache (one read at most per cache period), the taxonomy check is time-based.
        Assert.InRange(analysis.GetValueOrDefault("GET surveys(entity)"), 0, 2);
        Assert.Equal(Responses, all.GetValueOrDefault("GET responses(entity)") - analysis.GetValueOrDefault("GET responses(entity)"));
        Assert.InRange(all.GetValueOrDefault("GET rolekeys(entity)"), 0, 1);
    }

    [Fact]
    public async Task Concurrent_submissions_share_queue_messages_so_a_response_costs_fewer_requests_and_every_one_is_analysed()
    {
        // 64 submissions, 16 at a time: enough overlap to share messages, few enough for a busy machine's Azurite.
        const int concurrent = 64;
        using var inFlight = new SemaphoreSlim(16);
        await using var scope = azurite.NewScope();
        var names = scope.Names;
        var counter = new CountingPolicy(names.DigestProjectionContainer, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [names.ResponsesTable] = "responses", [names.AnalysisQueueName] = "analysis", [names.AlertsQueueName] = "alerts",
        });
        await using var host = await RunningHost.StartAsync(scope, services: s => s.AddSingleton(new StoragePipelinePolicy(counter)));
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        await host.CreateOpenSurveyAsync(officer);
        var watch = new TableServiceClient(scope.ConnectionString).GetTableClient(scope.Names.ResponsesTable);

        counter.Reset();
        var ids = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(async i =>
        {
            await inFlight.WaitAsync();
            using var res = await host.SendAsync(HttpMethod.Post, "/api/surveys/young-people/responses", content: RunningHost.Json(
                $$"""{"answers":{"listened":{{(i % 5) + 1}},"one-thing":"the youth club shut and there is nowhere to go ({{i}})"},"channel":"web"}"""));
            inFlight.Release();
            Assert.Equal(HttpStatusCode.Accepted, res.StatusCode);
            return (await RunningHost.ReadJsonAsync(res)).GetProperty("id").GetString()!;
        }));
        var messages = counter.Count("POST analysis/messages");
        await WaitUntilAnalysedAsync(watch, ids, TimeSpan.FromSeconds(60));
        await RunningHost.WaitForAsync(() => Task.FromResult(counter.Count("DELETE analysis/messages/{id}") >= messages), TimeSpan.FromSeconds(10), "the messages to be deleted");
        var counts = counter.Snapshot();
        foreach (var (kind, n) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{(double)n / concurrent,7:F3}  {kind}");
        }
        output.WriteLine($"{concurrent} concurrent submissions in {messages} analysis messages");

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        // Every id rode in a message (at most 32 a message), and fewer messages than responses were sent.
        Assert.InRange(messages, (concurrent + 31) / 32, concurrent - 1);
        Assert.Equal(messages, counts.GetValueOrDefault("DELETE analysis/messages/{id}"));
        // The table side: per response one insert and one merge (no read: this instance inserted it). The projection's
        // entries share appends too: at most one a response, fewer when analyses of one shard overlap.
        Assert.Equal(concurrent, counts.GetValueOrDefault("POST responses"));
        Assert.Equal(0, counts.GetValueOrDefault("GET responses(entity)"));
        Assert.Equal(concurrent, counts.GetValueOrDefault("MERGE responses(entity)"));
        Assert.InRange(counts.GetValueOrDefault("PUT projection?comp=appendblock"), 1, concurrent);
    }

    /// <summary>Waits until every response in <paramref name="ids"/> has its analysis stored, read with an uncounted client.</summary>
    private static Task WaitUntilAnalysedAsync(TableClient watch, IReadOnlyCollection<string> ids, TimeSpan timeout) =>
        RunningHost.WaitForAsync(async () =>
        {
            foreach (var id in ids)
            {
                var e = await watch.GetEntityIfExistsAsync<TableEntity>(ResponseId.PartitionOf(id), id, ["AnalysedUtc"]);
                if (!e.HasValue || e.Value!.GetDateTimeOffset("AnalysedUtc") is null)
                {
                    return false;
                }
            }
            return true;
        }, timeout, "every response to be analysed");

    /// <summary>Counts requests by method and resource kind: a table's entity or collection, a queue's messages, the projection's blob operations.</summary>
    private sealed class CountingPolicy(string projectionContainer, IReadOnlyDictionary<string, string> labels) : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

        public void Reset() => _counts.Clear();

        public int Count(string kind) => _counts.GetValueOrDefault(kind);

        public Dictionary<string, int> Snapshot() => new(_counts, StringComparer.Ordinal);

        public override void OnSendingRequest(HttpMessage message)
        {
            var method = message.Request.Method.Method;
            var path = message.Request.Uri.Path;
            // /{account}/{name}[(keys)][/messages[/{id}]]
            var parts = path.Trim('/').Split('/');
            var name = parts.Length > 1 ? parts[1] : "";
            var paren = name.IndexOf('(', StringComparison.Ordinal);
            var entity = paren >= 0;
            name = entity ? name[..paren] : name;
            if (name == projectionContainer)
            {
                // The digest projection's blobs (one folder per quarter and shard): counted together, by operation.
                var query = System.Web.HttpUtility.ParseQueryString(message.Request.Uri.Query);
                var op = query["comp"] is { } comp ? "?comp=" + comp : "";
                _counts.AddOrUpdate($"{method} projection{op}", 1, (_, n) => n + 1);
                return;
            }
            // Table and queue names are unique to the test; count them by their role.
            name = labels.GetValueOrDefault(name, name);
            var kind = entity ? $"{name}(entity)" : parts.Length > 3 ? $"{name}/messages/{{id}}" : parts.Length > 2 ? $"{name}/{parts[2]}" : name;
            _counts.AddOrUpdate($"{(method == "PATCH" ? "MERGE" : method)} {kind}", 1, (_, n) => n + 1);
        }

    }
}
