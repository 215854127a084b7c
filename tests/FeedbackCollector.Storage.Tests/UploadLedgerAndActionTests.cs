using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class UploadLedgerAndActionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 2, 10, 14, 31, 0, TimeSpan.Zero);
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

    private static UploadRecord Upload(string hash) => new()
    {
        Hash = hash,
        Kind = "notes",
        Source = "Northside Youth Forum 😀",
        Session = "2026-02-09",
        Points = 14,
        StartedUtc = At,
        UploadedBy = "Facilitator north",
    };

    [Fact]
    public async Task The_ledger_claims_once_and_updates_on_the_etag()
    {
        var ledger = _sp.GetRequiredService<IUploadLedger>();
        var hash = new string('a', 63) + "1";
        Assert.True(await ledger.TryAddAsync(Upload(hash)));
        Assert.False(await ledger.TryAddAsync(Upload(hash) with { Points = 99 }));

        var read = (await ledger.FindAsync(hash))!;
        Assert.Equal(Upload(hash) with { ETag = read.ETag }, read);
        var done = await ledger.UpdateAsync(read with { Status = UploadStatus.Completed, CompletedUtc = At.AddMinutes(1) });
        Assert.Equal(UploadStatus.Completed, (await ledger.FindAsync(hash))!.Status);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => ledger.UpdateAsync(read with { Points = 1 }));
        Assert.NotEqual(read.ETag, done.ETag);
        Assert.Null(await ledger.FindAsync(new string('b', 64)));
        Assert.Null(await ledger.FindAsync("not-a-hash"));
    }

    [Fact]
    public async Task Actions_are_listed_by_quarter()
    {
        var actions = _sp.GetRequiredService<IActionRepository>();
        var a = new ActionRecord
        {
            Id = "0123456789abcdef", Quarter = new Quarter(2026, 1), ThemeId = "listen-to-me", YouSaid = "Nobody listens — \"ever\"",
            WeDid = "Young people sit on the board", RecordedBy = "Officer", RecordedUtc = At,
        };
        await actions.AddAsync(a);
        await actions.AddAsync(a with { Id = "fedcba9876543210", Quarter = new Quarter(2026, 2) });
        Assert.Equal([a], await actions.ListAsync(new Quarter(2026, 1)));
        Assert.Empty(await actions.ListAsync(new Quarter(2025, 4)));
    }

    [Fact]
    public async Task A_points_provenance_keeps_its_heading()
    {
        var responses = _sp.GetRequiredService<IResponseRepository>();
        var r = TestData.Response(At) with { Provenance = new Provenance("Northside Youth Forum", "2026-02-09", 7) { Context = "Transport" } };
        Assert.True(await responses.TryAddAsync(r));
        var back = await responses.FindAsync(r.Id);
        Assert.Equal("Transport", back!.Provenance!.Context);
        Assert.Equal(r.Provenance, back.Provenance);
    }
}
