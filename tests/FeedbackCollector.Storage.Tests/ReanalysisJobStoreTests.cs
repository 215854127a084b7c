using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Themes;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Storage.Tests;

/// <summary>
/// Re-analysis jobs in the taxonomy table: one plan wins, a batch is counted in its job exactly once (done or failed), and
/// of starts at once for a version only one runs.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReanalysisJobStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);
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

    private static IReadOnlyList<IReadOnlyList<string>> Batches(int count, int size) =>
        Enumerable.Range(0, count).Select(b => (IReadOnlyList<string>)Enumerable.Range(0, size).Select(i => $"0A0AA{b:D2}{i:D3}").ToList()).ToList();

    [Fact]
    public async Task Batches_finished_side_by_side_and_again_are_each_counted_once()
    {
        var store = _sp.GetRequiredService<ITaxonomyStore>();
        await store.AddJobAsync(new ReanalysisJob("20260314093000-0a1b2c3d", "2.0.0", "Officer", At));
        var queued = (await store.FindJobAsync("20260314093000-0a1b2c3d"))!;
        Assert.Equal((ReanalysisState.Queued, 0), (queued.State, queued.Total));

        var planned = await store.PlanJobAsync(queued, Batches(12, 3), At);
        Assert.Equal((ReanalysisState.Running, 36, 12, 0), (planned.State, planned.Total, planned.Batches, planned.Done));
        // A second attempt to plan from the same read loses, and leaves the first plan's batches alone.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.PlanJobAsync(queued, Batches(2, 1), At));
        Assert.Equal(Enumerable.Range(0, 12), await store.ListOpenBatchesAsync(planned));
        var batch = (await store.FindBatchAsync(planned, 11))!;
        Assert.Equal(["0A0AA11000", "0A0AA11001", "0A0AA11002"], batch.Ids);
        Assert.Null(await store.FindBatchAsync(planned, 12));

        // Every batch completed twice, all at once: each counts once.
        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => store.CompleteBatchAsync(planned, i % 12, At.AddMinutes(1)))));
        Assert.Equal(12, results.Count(r => r));
        var done = (await store.FindJobAsync(planned.Id))!;
        Assert.Equal((ReanalysisState.Done, 36, 36), (done.State, done.Total, done.Done));
        Assert.Empty(await store.ListOpenBatchesAsync(done));
        Assert.False(await store.CompleteBatchAsync(done, 3, At.AddMinutes(2)));
    }

    [Fact]
    public async Task A_job_with_nothing_to_do_is_done_when_planned_and_a_deleted_job_is_gone()
    {
        var store = _sp.GetRequiredService<ITaxonomyStore>();
        await store.AddJobAsync(new ReanalysisJob("20260314093000-00000001", "2.0.0", "Officer", At));
        var planned = await store.PlanJobAsync((await store.FindJobAsync("20260314093000-00000001"))!, [], At);
        Assert.Equal((ReanalysisState.Done, 0), (planned.State, planned.Total));
        await store.DeleteJobAsync(planned.Id);
        Assert.Null(await store.FindJobAsync(planned.Id));
        await store.DeleteJobAsync(planned.Id); // nothing to delete: no error
    }

    [Fact]
    public async Task A_failed_batch_fails_the_job_once_and_done_after_a_requeue_it_completes_it()
    {
        var store = _sp.GetRequiredService<ITaxonomyStore>();
        await store.AddJobAsync(new ReanalysisJob("20260314093000-0000fa11", "2.0.0", "Officer", At));
        var planned = await store.PlanJobAsync((await store.FindJobAsync("20260314093000-0000fa11"))!, Batches(3, 2), At);
        Assert.True(await store.CompleteBatchAsync(planned, 0, At));

        // Failed on its last attempt, twice at once (two hosts' last deliveries): counted once.
        var failed = await Task.WhenAll(Task.Run(() => store.FailAsync(planned, 1, At)), Task.Run(() => store.FailAsync(planned, 1, At)));
        Assert.Equal(1, failed.Count(f => f));
        Assert.True((await store.FindBatchAsync(planned, 1))!.Failed);
        var job = (await store.FindJobAsync(planned.Id))!;
        Assert.Equal((ReanalysisState.Failed, 2, 1, 2), (job.State, job.Done, job.FailedBatches, job.FailedResponses));
        Assert.False(await store.FailAsync(planned, 0, At)); // a done batch is not a failure
        Assert.False(await store.FailAsync(planned, null, At)); // nor is a listing of a job planned already

        // Another batch finishing keeps the job failed; the failed one, requeued and done, makes it done.
        Assert.True(await store.CompleteBatchAsync(planned, 2, At));
        Assert.Equal(ReanalysisState.Failed, (await store.FindJobAsync(planned.Id))!.State);
        Assert.True(await store.CompleteBatchAsync(planned, 1, At));
        job = (await store.FindJobAsync(planned.Id))!;
        Assert.Equal((ReanalysisState.Done, 6, 0, 0), (job.State, job.Done, job.FailedBatches, job.FailedResponses));
        Assert.False((await store.FindBatchAsync(planned, 1))!.Failed);
    }

    [Fact]
    public async Task A_listing_that_failed_fails_the_queued_job_and_a_later_plan_runs_it()
    {
        var store = _sp.GetRequiredService<ITaxonomyStore>();
        await store.AddJobAsync(new ReanalysisJob("20260314093000-0000fa12", "2.0.0", "Officer", At));
        var queued = (await store.FindJobAsync("20260314093000-0000fa12"))!;
        Assert.True(await store.FailAsync(queued, null, At));
        var failed = (await store.FindJobAsync(queued.Id))!;
        Assert.Equal((ReanalysisState.Failed, null), (failed.State, failed.Plan));
        Assert.False(await store.FailAsync(failed, null, At));
        var planned = await store.PlanJobAsync(failed, Batches(1, 2), At);
        Assert.Equal((ReanalysisState.Running, 2), (planned.State, (await store.FindJobAsync(queued.Id))!.Total));
    }

    [Fact]
    public async Task Of_starts_at_once_for_a_version_one_runs_and_a_finished_failed_or_other_version_job_does_not_stop_a_new_one()
    {
        var store = _sp.GetRequiredService<ITaxonomyStore>();
        var starts = Enumerable.Range(1, 6).Select(i => new ReanalysisJob($"20260314093000-0000000{i}", "2.0.0", "Officer " + i, At)).ToList();
        var results = await Task.WhenAll(starts.Select(j => Task.Run(() => store.AddJobUnlessRunningAsync(j))));
        Assert.Equal(1, results.Count(r => r is null));
        var winner = starts[Array.FindIndex(results, r => r is null)];
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(winner.Id, r!.Id));
        var stored = 0;
        foreach (var j in starts)
        {
            stored += await store.FindJobAsync(j.Id) is null ? 0 : 1;
        }
        Assert.Equal(1, stored); // the refused starts stored nothing

        // Another version is not stopped by it.
        var other = new ReanalysisJob("20260314093100-0000000a", "3.0.0", "Officer", At);
        Assert.Null(await store.AddJobUnlessRunningAsync(other));
        // The 3.0.0 job failed: a new one for 3.0.0 starts.
        Assert.True(await store.FailAsync((await store.FindJobAsync(other.Id))!, null, At));
        Assert.Null(await store.AddJobUnlessRunningAsync(new ReanalysisJob("20260314093200-0000000b", "3.0.0", "Officer", At)));
        // Running, it stops the next; done, it does not.
        var running = await store.PlanJobAsync((await store.FindJobAsync("20260314093200-0000000b"))!, Batches(1, 1), At);
        Assert.Equal(running.Id, (await store.AddJobUnlessRunningAsync(new ReanalysisJob("20260314093300-0000000c", "3.0.0", "Officer", At)))!.Id);
        Assert.True(await store.CompleteBatchAsync(running, 0, At));
        Assert.Null(await store.AddJobUnlessRunningAsync(new ReanalysisJob("20260314093400-0000000d", "3.0.0", "Officer", At)));
    }
}
