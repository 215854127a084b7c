using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using Moq;

namespace FeedbackCollector.Core.Tests;

public class RoleKeysTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_a_salted_hash_is_stored()
    {
        var (key, record) = RoleKeys.Issue(StaffRole.Officer, "Participation officer", Now);
        Assert.True(RoleKeys.TryParse(key, out var id, out var secret));
        Assert.Equal(record.KeyId, id);
        Assert.DoesNotContain(secret, record.Hash + record.Salt);
        Assert.True(RoleKeys.Verify(record, secret));
        Assert.False(RoleKeys.Verify(record, secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
        var (_, other) = RoleKeys.Issue(StaffRole.Officer, "x", Now);
        Assert.NotEqual(record.Salt, other.Salt);
    }

    [Fact]
    public async Task Missing_wrong_revoked_and_wrong_role_keys()
    {
        var (key, record) = RoleKeys.Issue(StaffRole.Facilitator, "Forum lead", Now);
        var (revokedKey, revoked) = RoleKeys.Issue(StaffRole.Officer, "Left", Now);
        var repo = new Mock<IRoleKeyRepository>();
        repo.Setup(r => r.FindAsync(record.KeyId, It.IsAny<CancellationToken>())).ReturnsAsync(record);
        repo.Setup(r => r.FindAsync(revoked.KeyId, It.IsAny<CancellationToken>())).ReturnsAsync(revoked with { RevokedUtc = Now });
        var auth = new StaffAuthenticator(repo.Object);

        Assert.Equal(AuthStatus.Unauthenticated, (await auth.AuthenticateAsync(null, [StaffRole.Officer])).Status);
        Assert.Equal(AuthStatus.Unauthenticated, (await auth.AuthenticateAsync("nonsense", [StaffRole.Officer])).Status);
        Assert.Equal(AuthStatus.Unauthenticated, (await auth.AuthenticateAsync(key + "x", [StaffRole.Facilitator])).Status);
        Assert.Equal(AuthStatus.Unauthenticated, (await auth.AuthenticateAsync(revokedKey, [StaffRole.Officer])).Status);
        Assert.Equal(AuthStatus.Forbidden, (await auth.AuthenticateAsync(key, [StaffRole.Officer])).Status);
        var ok = await auth.AuthenticateAsync(key, [StaffRole.Facilitator, StaffRole.Officer]);
        Assert.Equal(AuthStatus.Allowed, ok.Status);
        Assert.Equal("Forum lead", ok.Label);
    }
}
