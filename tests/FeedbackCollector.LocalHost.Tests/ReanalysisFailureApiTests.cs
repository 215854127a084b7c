using System.Net;
using System.Text.Json.Nodes;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Themes;
using FeedbackCollector.Storage;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.LocalHost.Tests;

/// <summary>
/// A re-analysis batch that fails until host.json's maxDequeueCount sends it to the poison queue: the job shows failed
/// through the progress API (not running for ever), a second start is refused only while a job runs, and the batch
/// requeued from the poison queue finishes the job. On the local host over Azurite.
/// </summary>
[Collection("azurite")]
public sealed class ReanalysisFailureApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_poisoned_batch_fails_the_job_visibly_and_requeued_it_completes_the_job()
    {
        Assert.Equal(new ReanalysisOptions().MaxDequeueCount, HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json")).MaxDequeueCount);

        await using var scope = azurite.NewScope();
        var failing = new FailingBatchStore();
        await using var host = await RunningHost.StartAsync(scope, new Dictionary<string, string?> { ["Reanalysis:BatchSize"] = "2" }, services =>
        {
            services.AddSingleton<TableTaxonomyStore>();
            services.AddSingleton<ITaxonomyStore>(sp => failing.Over(sp.GetRequiredService<TableTaxonomyStore>()));
        });
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        await host.CreateOpenSurveyAsync(officer);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await ConsoleApiTests.SubmitAsync(host, $"we need a zebra crossing by the park {i}"));
        }
        await ConsoleApiTests.WaitAnalysedAsync(host, [.. ids]);
        var current = await ConsoleApiTests.GetJsonAsync(host, "/api/taxonomy", officer);
        var edited = JsonNode.Parse(current.GetProperty("taxonomy").GetRawText())!.AsObject();
        edited["themes"]!.AsArray().First(t => t!["id"]!.GetValue<string>() == "feeling-safe")!["phrases"]!.AsArray().Add("zebra crossing");
        edited["version"] = "1.0.1-poison";
        var (saved, _) = await ConsoleApiTests.SendJsonAsync(host, HttpMethod.Put, "/api/taxonomy", officer, edited.ToJsonString(), current.GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.OK, saved);

        failing.Failing = true;
        var (started, job) = await ConsoleApiTests.SendJsonAsync(host, HttpMethod.Post, "/api/reanalyse", officer, "{}");
        Assert.Equal(HttpStatusCode.Accepted, started);
        var jobId = job.GetProperty("id").GetString()!;

        // While it runs (batch 1 takes five attempts, two seconds apart, to fail), a second start is refused and changes nothing.
        var (again, problem) = await ConsoleApiTests.SendJsonAsync(host, HttpMethod.Post, "/api/reanalyse", officer, "{}");
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("already", problem.GetProperty("detail").GetString());
        Assert.Contains(jobId, problem.GetProperty("detail").GetString());

        var progress = default(System.Text.Json.JsonElement);
        await RunningHost.WaitForAsync(async () =>
        {
            progress = await ConsoleApiTests.GetJsonAsync(host, $"/api/reanalyse/{jobId}", officer);
            return progress.GetProperty("status").GetString() == "failed";
        }, TimeSpan.FromSeconds(90), "the job to show failed");
        // The job is marked before the host moves the message, so the poison queue may lag the status by a moment.
        var poison = host.Get<IPoisonQueueAdmin>();
        IReadOnlyList<PoisonMessage> poisoned = [];
        await RunningHost.WaitForAsync(async () => (poisoned = await poison.PeekAsync(scope.Names.ReanalysisQueueName, 10)).Count > 0,
            TimeSpan.FromSeconds(30), "the batch's message to be poisoned");
        // Only batch 1 (twice, when a slow host's lease ran out on the job's message and its batches were queued again).
        Assert.All(poisoned, m => Assert.Equal(jobId + ".1", m.Body));
        // The other batches went on: 3 of 5 re-analysed, the failed batch's 2 named, once.
        await RunningHost.WaitForAsync(async () =>
        {
            progress = await ConsoleApiTests.GetJsonAsync(host, $"/api/reanalyse/{jobId}", officer);
            return progress.GetProperty("done").GetInt32() == 3;
        }, TimeSpan.FromSeconds(30), "the other batches to be counted");
        Assert.Equal(("failed", 5, 2), (progress.GetProperty("status").GetString(), progress.GetProperty("total").GetInt32(), progress.GetProperty("failed").GetInt32()));
        var failure = progress.GetProperty("failure").GetString()!;
        Assert.StartsWith("A batch of 2 responses could not be re-analysed after 5 attempts", failure);
        Assert.Contains($"feedback poison requeue --queue {scope.Names.ReanalysisQueueName}", failure);
        Assert.Equal((1, 2), ((await host.Get<ITaxonomyStore>().FindJobAsync(jobId))!.FailedBatches, (await host.Get<ITaxonomyStore>().FindJobAsync(jobId))!.FailedResponses));
        Assert.True(failing.Attempts >= 5, $"batch 1 was tried {failing.Attempts} times");

        // The cause fixed, the batch requeued from the poison queue: the job completes, counted once.
        failing.Failing = false;
        Assert.True(await poison.RequeueAsync(scope.Names.ReanalysisQueueName, 10) >= 1);
        var done = await ConsoleApiTests.WaitJobDoneAsync(host, officer, jobId);
        Assert.Equal((5, 5, 0, 0), (done.GetProperty("total").GetInt32(), done.GetProperty("done").GetInt32(), done.GetProperty("remaining").GetInt32(), done.GetProperty("failed").GetInt32()));
        Assert.False(done.TryGetProperty("failure", out _)); // no failure once done (nulls are left out)

        // With none running, a new start is accepted (nothing is left to re-analyse, so it is done at once).
        var (third, next) = await ConsoleApiTests.SendJsonAsync(host, HttpMethod.Post, "/api/reanalyse", officer, "{}");
        Assert.Equal(HttpStatusCode.Accepted, third);
        var nextDone = await ConsoleApiTests.WaitJobDoneAsync(host, officer, next.GetProperty("id").GetString()!);
        Assert.Equal(0, nextDone.GetProperty("total").GetInt32());
    }

    /// <summary>The real store, except that reading batch 1 of a job fails while <see cref="Failing"/> is set.</summary>
    private sealed class FailingBatchStore
    {
        private int _attempts;
        private volatile bool _failing;

        public bool Failing { get => _failing; set => _failing = value; }

        public int Attempts => Volatile.Read(ref _attempts);

        public ITaxonomyStore Over(ITaxonomyStore inner) => new Store(inner, this);

        private sealed class Store(ITaxonomyStore inner, FailingBatchStore owner) : ITaxonomyStore
        {
            public Task<ReanalysisBatch?> FindBatchAsync(ReanalysisJob job, int number, CancellationToken cancellationToken = default)
            {
                if (owner.Failing && number == 1)
                {
                    Interlocked.Increment(ref owner._attempts);
                    throw new InvalidOperationException("batch 1 cannot be read (test)");
                }
                return inner.FindBatchAsync(job, number, cancellationToken);
            }

            public Task<StoredTaxonomy?> GetCurrentAsync(CancellationToken cancellationToken = default) => inner.GetCurrentAsync(cancellationToken);
            public Task<string?> GetCurrentVersionAsync(CancellationToken cancellationToken = default) => inner.GetCurrentVersionAsync(cancellationToken);
            public Task<StoredTaxonomy> SaveAsync(StoredTaxonomy taxonomy, string? expectedETag, CancellationToken cancellationToken = default) => inner.SaveAsync(taxonomy, expectedETag, cancellationToken);
            public Task<bool> VersionExistsAsync(string version, CancellationToken cancellationToken = default) => inner.VersionExistsAsync(version, cancellationToken);
            public Task<IReadOnlyList<StoredTaxonomyInfo>> ListVersionsAsync(CancellationToken cancellationToken = default) => inner.ListVersionsAsync(cancellationToken);
            public Task AddJobAsync(ReanalysisJob job, CancellationToken cancellationToken = default) => inner.AddJobAsync(job, cancellationToken);
            public Task<ReanalysisJob?> AddJobUnlessRunningAsync(ReanalysisJob job, CancellationToken cancellationToken = default) => inner.AddJobUnlessRunningAsync(job, cancellationToken);
            public Task DeleteJobAsync(string id, CancellationToken cancellationToken = default) => inner.DeleteJobAsync(id, cancellationToken);
            public Task<ReanalysisJob?> FindJobAsync(string id, CancellationToken cancellationToken = default) => inner.FindJobAsync(id, cancellationToken);
            public Task<ReanalysisJob> PlanJobAsync(ReanalysisJob job, IReadOnlyList<IReadOnlyList<string>> batches, DateTimeOffset nowUtc, CancellationToken cancellationToken = default) => inner.PlanJobAsync(job, batches, nowUtc, cancellationToken);
            public Task<IReadOnlyList<int>> ListOpenBatchesAsync(ReanalysisJob job, CancellationToken cancellationToken = default) => inner.ListOpenBatchesAsync(job, cancellationToken);
            public Task<bool> CompleteBatchAsync(ReanalysisJob job, int number, DateTimeOffset nowUtc, CancellationToken cancellationToken = default) => inner.CompleteBatchAsync(job, number, nowUtc, cancellationToken);
            public Task<bool> FailAsync(ReanalysisJob job, int? number, DateTimeOffset nowUtc, CancellationToken cancellationToken = default) => inner.FailAsync(job, number, nowUtc, cancellationToken);
        }
    }
}
