using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ConcernRepositoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Raised = new(2026, 2, 10, 14, 31, 0, TimeSpan.Zero);
    private StorageScope _scope = null!;
    private ServiceProvider _sp = null!;
    private IConcernRepository _repo = null!;

    public async Task InitializeAsync()
    {
        _scope = azurite.NewScope();
        _sp = await TestData.CreatedServicesAsync(_scope);
        _repo = _sp.GetRequiredService<IConcernRepository>();
    }

    public async Task DisposeAsync()
    {
        await _sp.DisposeAsync();
        await _scope.DisposeAsync();
    }

    private static ConcernRecord Concern(DateTimeOffset raised, string? id = null) => new()
    {
        Id = id ?? ResponseId.New(raised),
        SurveyCode = "club",
        Venue = "oak-youth",
        Category = ConcernCategory.ImmediateDanger,
        ReceivedUtc = raised.AddSeconds(-30),
        RaisedUtc = raised,
    };

    [Fact]
    public async Task Add_find_and_refuse_a_second_raise()
    {
        var c = Concern(Raised);
        Assert.True(await _repo.TryAddAsync(c));
        Assert.False(await _repo.TryAddAsync(c with { Category = ConcernCategory.SelfHarm }));
        var found = await _repo.FindAsync(c.Id);
        Assert.NotNull(found);
        Assert.Equal(c with { ETag = found.ETag }, found);
        Assert.False(string.IsNullOrEmpty(found.ETag));
        Assert.Null(await _repo.FindAsync(ResponseId.New(Raised)));
    }

    [Fact]
    public async Task Update_is_conditional_on_the_etag()
    {
        var c = Concern(Raised);
        await _repo.TryAddAsync(c);
        var read = (await _repo.FindAsync(c.Id))!;
        var queued = await _repo.UpdateAsync(read with { AlertQueuedUtc = Raised.AddSeconds(1) });
        var reviewed = await _repo.UpdateAsync(queued with { ReviewedBy = "Safeguarding lead", ReviewedUtc = Raised.AddHours(1), ReviewNote = "Called the school." });

        var found = (await _repo.FindAsync(c.Id))!;
        Assert.Equal(Raised.AddSeconds(1), found.AlertQueuedUtc);
        Assert.Equal("Safeguarding lead", found.ReviewedBy);
        Assert.Equal("Called the school.", found.ReviewNote);
        Assert.Equal(reviewed.ETag, found.ETag);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _repo.UpdateAsync(read with { AlertDeliveredUtc = Raised }));
        Assert.Null((await _repo.FindAsync(c.Id))!.AlertDeliveredUtc);
    }

    [Fact]
    public async Task List_is_newest_first()
    {
        var older = Concern(Raised);
        var newest = Concern(Raised.AddDays(3));
        var middle = Concern(Raised.AddDays(1));
        foreach (var c in new[] { older, newest, middle })
        {
            await _repo.TryAddAsync(c);
        }
        Assert.Equal([newest.Id, middle.Id, older.Id], (await _repo.ListAsync()).Select(c => c.Id));
    }
}
