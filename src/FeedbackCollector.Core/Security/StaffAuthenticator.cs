using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Core.Security;

/// <summary>Outcome of checking a staff key.</summary>
public enum AuthStatus
{
    /// <summary>The key is valid and has one of the required roles.</summary>
    Allowed,
    /// <summary>No key, an unknown or revoked key, or a wrong secret: 401.</summary>
    Unauthenticated,
    /// <summary>A valid key without a required role: 403.</summary>
    Forbidden,
}

/// <summary>The result of an authentication, with who it was when allowed.</summary>
public sealed record AuthResult(AuthStatus Status, StaffRole? Role = null, string? Label = null);

/// <summary>Checks role keys presented in the <see cref="RoleKeys.Header"/> header.</summary>
public sealed class StaffAuthenticator(IRoleKeyRepository keys)
{
    /// <summary>Checks <paramref name="presentedKey"/> against the stored keys and the roles allowed.</summary>
    public async Task<AuthResult> AuthenticateAsync(string? presentedKey, IReadOnlyCollection<StaffRole> allowed, CancellationToken cancellationToken = default)
    {
        if (!RoleKeys.TryParse(presentedKey, out var keyId, out var secret))
        {
            return new AuthResult(AuthStatus.Unauthenticated);
        }
        var record = await keys.FindAsync(keyId, cancellationToken);
        if (record is null || record.RevokedUtc is not null || !RoleKeys.Verify(record, secret))
        {
            return new AuthResult(AuthStatus.Unauthenticated);
        }
        return allowed.Contains(record.Role)
            ? new AuthResult(AuthStatus.Allowed, record.Role, record.Label)
            : new AuthResult(AuthStatus.Forbidden, record.Role, record.Label);
    }
}
