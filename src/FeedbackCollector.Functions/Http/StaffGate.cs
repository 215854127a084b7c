using FeedbackCollector.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FeedbackCollector.Functions.Http;

/// <summary>Checks the role key of a staff request: 401 without a valid key, 403 with the wrong role.</summary>
public sealed class StaffGate(StaffAuthenticator authenticator)
{
    /// <summary>Null when allowed (with who), otherwise the 401/403 answer.</summary>
    public async Task<(AuthResult Auth, IActionResult? Denied)> CheckAsync(HttpRequest req, CancellationToken cancellationToken, params StaffRole[] allowed)
    {
        var auth = await authenticator.AuthenticateAsync(req.Headers[RoleKeys.Header].FirstOrDefault(), allowed, cancellationToken);
        return auth.Status switch
        {
            AuthStatus.Allowed => (auth, null),
            AuthStatus.Forbidden => (auth, HttpIo.Problem(StatusCodes.Status403Forbidden, "Forbidden",
                $"This needs the {string.Join(" or ", allowed.Select(r => Core.FeedbackJson.WireName(r)))} role.")),
            _ => (auth, HttpIo.Problem(StatusCodes.Status401Unauthorized, "Unauthorized",
                $"Send a valid staff key in the {RoleKeys.Header} header.")),
        };
    }
}
