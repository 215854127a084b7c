using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Themes;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Storage.Tests;

/// <summary>Re-analysis jobs in the taxonomy table: one plan wins, and a batch is counted in its job exactly once.</summary>
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
}
