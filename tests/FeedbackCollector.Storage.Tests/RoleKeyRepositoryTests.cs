using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;
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
}
