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

/// <summary>How a staff request proved who it came from.</summary>
public enum AuthMethod
{
    /// <summary>A role key in the <see cref="RoleKeys.Header"/> header.</summary>
    Key,
    /// <summary>App Service authentication's principal header (see <see cref="AppServicePrincipals"/>).</summary>
    AppService,
}

/// <summary>The result of an authentication, with who it was when allowed.</summary>
/// <param name="Status">Allowed, unauthenticated or forbidden.</param>
/// <param name="Role">The role acted in: the first allowed role held, or when forbidden the first role held.</param>
/// <param name="Label">Who: the key's label, or the signed-in person's name.</param>
public sealed record AuthResult(AuthStatus Status, StaffRole? Role = null, string? Label = null)
{
    /// <summary>Every role held (a key has one; a signed-in person may hold several).</summary>
    public IReadOnlyList<StaffRole> Roles { get; init; } = Role is { } r ? [r] : [];

    /// <summary>How the caller was identified.</summary>
    public AuthMethod Method { get; init; } = AuthMethod.Key;
}

/// <summary>
/// Checks role keys presented in the <see cref="RoleKeys.Header"/> header and, when switched on, the principal App
/// Service authentication puts in <see cref="AppServicePrincipals.Header"/>.
/// </summary>
public sealed class StaffAuthenticator(IRoleKeyRepository keys, Microsoft.Extensions.Options.IOptions<AppServiceAuthOptions>? appService = null)
{
    /// <summary>True when App Service authentication's principal header is read (off by default).</summary>
    public bool AppServiceEnabled => appService?.Value.Enabled == true;

    /// <summary>
    /// Checks an App Service principal header. Unauthenticated when the option is off or the header cannot be read;
    /// forbidden when the person holds none of <paramref name="allowed"/>.
    /// </summary>
    public AuthResult AuthenticatePrincipal(string? principalHeader, string? nameHeader, IReadOnlyCollection<StaffRole> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (!AppServiceEnabled || !AppServicePrincipals.TryRead(principalHeader, nameHeader, appService!.Value, out var principal))
        {
            return new AuthResult(AuthStatus.Unauthenticated);
        }
        var acting = principal.Roles.Where(allowed.Contains).Cast<StaffRole?>().FirstOrDefault();
        return acting is { } role
            ? new AuthResult(AuthStatus.Allowed, role, principal.Name) { Roles = principal.Roles, Method = AuthMethod.AppService }
            : new AuthResult(AuthStatus.Forbidden, principal.Roles.Count > 0 ? principal.Roles[0] : null, principal.Name) { Roles = principal.Roles, Method = AuthMethod.AppService };
    }

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
