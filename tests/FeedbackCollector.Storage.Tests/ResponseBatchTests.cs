using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Storage.Tests;

/// <summary>Storing a partition's new responses in one transaction (seeding large data sets).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ResponseBatchTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Received = new(2026, 2, 10, 14, 30, 15, TimeSpan.Zero);
    private StorageScope _scope = null!;
    private ServiceProvider _sp = null!;
    private TableResponseRepository _repo = null!;

    public async Task InitializeAsync()
    {
        _scope = azurite.NewScope();
        _sp = await TestData.CreatedServicesAsync(_scope);
        _repo = (TableResponseRepository)_sp.GetRequiredService<IResponseRepository>();
    }

    public async Task DisposeAsync()
    {
        await _sp.DisposeAsync();
        await _scope.DisposeAsync();
    }

    /// <summary>Responses whose random ids fall in one partition.</summary>
    private static List<SurveyResponse> OnePartition(int count)
    {
        var all = Enumerable.Range(0, count * 64).Select(i => TestData.Response(Received.AddSeconds(i)))
            .GroupBy(r => ResponseId.PartitionOf(r.Id)).OrderByDescending(g => g.Count()).First().Take(count).ToList();
        Assert.Equal(count, all.Count);
        return all;
    }

    [Fact]
    public async Task A_batch_is_stored_whole_and_reads_back_like_single_adds()
    {
        var batch = OnePartition(20);
        Assert.True(await _repo.TryAddBatchAsync(batch));

        var listed = await _repo.ListAsync(new ResponseQuery(Received.AddDays(-1), Received.AddDays(30))).ToListAsync();
        Assert.Equal(batch.Select(r => r.Id).Order(StringComparer.Ordinal), listed.Select(r => r.Id).Order(StringComparer.Ordinal));
        var one = await _repo.FindAsync(batch[3].Id);
        Assert.NotNull(one);
        Assert.Equal(batch[3].SurveyCode, one.SurveyCode);
        Assert.Equal(batch[3].ReceivedUtc, one.ReceivedUtc);
        Assert.Equal(batch[3].FreeText, one.FreeText);
    }

    [Fact]
    public async Task A_batch_with_a_taken_id_stores_nothing()
    {
        var batch = OnePartition(10);
        Assert.True(await _repo.TryAddAsync(batch[7]));

        Assert.False(await _repo.TryAddBatchAsync(batch));
        var listed = await _repo.ListAsync(new ResponseQuery(Received.AddDays(-1), Received.AddDays(30))).ToListAsync();
        Assert.Equal([batch[7].Id], listed.Select(r => r.Id));
    }

    [Fact]
    public async Task Bad_batches_are_refused_before_storage()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _repo.TryAddBatchAsync([]));
        var mixed = Enumerable.Range(0, 200).Select(i => TestData.Response(Received.AddSeconds(i))).ToList();
        Assert.True(mixed.Select(r => ResponseId.PartitionOf(r.Id)).Distinct().Count() > 1);
        await Assert.ThrowsAsync<ArgumentException>(() => _repo.TryAddBatchAsync(mixed.Take(TableResponseRepository.MaxBatch + 1).ToList()));
        await Assert.ThrowsAsync<ArgumentException>(() => _repo.TryAddBatchAsync(mixed.Take(50).ToList()));
        await Assert.ThrowsAsync<ArgumentException>(() => _repo.TryAddBatchAsync([mixed[0] with { Id = mixed[0].Id.ToLowerInvariant() }]));
    }
}
