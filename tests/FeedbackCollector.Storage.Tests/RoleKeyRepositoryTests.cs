using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;
using Moq;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class RoleKeyRepositoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private StorageScope _scope = null!;
    private ServiceProvider _sp = null!;
    private IRoleKeyRepository _repo = null!;

    public async Task InitializeAsync()
    {
        _scope = azurite.NewScope();
        _sp = await TestData.CreatedServicesAsync(_scope);
        _repo = _sp.GetRequiredService<IRoleKeyRepository>();
    }

    public async Task DisposeAsync()
    {
        await _sp.DisposeAsync();
        await _scope.DisposeAsync();
    }

    [Fact]
    public async Task Issued_keys_are_stored_as_hashes_and_verify_after_a_round_trip()
    {
        var (key, record) = RoleKeys.Issue(StaffRole.Safeguarding, "Safeguarding lead, north", Now);
        Assert.True(await _repo.TryAddAsync(record));
        Assert.False(await _repo.TryAddAsync(record with { Label = "Other" }));

        var found = await _repo.FindAsync(record.KeyId);
        Assert.Equal(record, found);
        Assert.True(RoleKeys.TryParse(key, out var id, out var secret));
        Assert.True(RoleKeys.Verify(found!, secret));
        Assert.Equal(record.KeyId, id);
        Assert.Null(await _repo.FindAsync("000000000000"));
        Assert.Null(await _repo.FindAsync("not-a-key-id"));

        var (_, second) = RoleKeys.Issue(StaffRole.Officer, "Participation officer", Now);
        await _repo.TryAddAsync(second);
        Assert.Equal(new[] { record.KeyId, second.KeyId }.Order(StringComparer.Ordinal), (await _repo.ListAsync()).Select(r => r.KeyId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Revoke_marks_once_and_keeps_the_first_time()
    {
        var (_, record) = RoleKeys.Issue(StaffRole.Officer, "Officer", Now);
        await _repo.TryAddAsync(record);
        Assert.True(await _repo.RevokeAsync(record.KeyId, Now.AddDays(1)));
        Assert.True(await _repo.RevokeAsync(record.KeyId, Now.AddDays(2)));
        Assert.Equal(Now.AddDays(1), (await _repo.FindAsync(record.KeyId))!.RevokedUtc);
        Assert.False(await _repo.RevokeAsync("abcdefabcdef", Now));
        Assert.Equal(record.Hash, (await _repo.FindAsync(record.KeyId))!.Hash);
    }

    [Fact]
    public async Task The_app_reads_a_key_at_most_once_per_ttl_and_a_revocation_elsewhere_takes_effect_within_it()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var table = _sp.GetRequiredService<TableRoleKeyRepository>();
        var reads = 0;
        var counting = new Mock<IRoleKeyRepository>();
        counting.Setup(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string id, CancellationToken ct) => { reads++; return table.FindAsync(id, ct); });
        counting.Setup(r => r.RevokeAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((string id, DateTimeOffset at, CancellationToken ct) => table.RevokeAsync(id, at, ct));
        var app = new CachedRoleKeyRepository(counting.Object, time);
        // The command line writes to the table directly, from another process.
        var cli = new TableRoleKeyRepository(_sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>(), Microsoft.Extensions.Options.Options.Create(_scope.Names));
        var (_, record) = RoleKeys.Issue(StaffRole.Officer, "Officer", Now);
        Assert.True(await cli.TryAddAsync(record));

        for (var i = 0; i < 50; i++)
        {
            Assert.Null((await app.FindAsync(record.KeyId))!.RevokedUtc);
        }
        Assert.Equal(1, reads);
        Assert.Null(await app.FindAsync("abcdefabcdef"));
        Assert.Null(await app.FindAsync("abcdefabcdef"));
        Assert.Equal(2, reads);

        Assert.True(await cli.RevokeAsync(record.KeyId, Now));
        time.Advance(CachedRoleKeyRepository.Ttl - TimeSpan.FromMilliseconds(1));
        Assert.Null((await app.FindAsync(record.KeyId))!.RevokedUtc);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.NotNull((await app.FindAsync(record.KeyId))!.RevokedUtc);

        // Revoked through the app itself: refused on the next request, without waiting.
        var (_, other) = RoleKeys.Issue(StaffRole.Officer, "Other officer", Now);
        Assert.True(await cli.TryAddAsync(other));
        Assert.Null((await app.FindAsync(other.KeyId))!.RevokedUtc);
        Assert.True(await app.RevokeAsync(other.KeyId, Now));
        Assert.NotNull((await app.FindAsync(other.KeyId))!.RevokedUtc);
        Assert.Equal(CachedRoleKeyRepository.Ttl, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void The_app_checks_keys_through_the_cache()
    {
        Assert.IsType<CachedRoleKeyRepository>(_repo);
    }
}
