using FeedbackCollector.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FeedbackCollector.Functions.Http;

/// <summary>
/// Checks who a staff request comes from: 401 without a valid key (or App Service sign-in, when switched on), 403 with
/// the wrong role. A role key wins when both are present.
/// </summary>
public sealed class StaffGate(StaffAuthenticator authenticator)
{
    /// <summary>Null when allowed (with who), otherwise the 401/403 answer.</summary>
    public async Task<(AuthResult Auth, IActionResult? Denied)> CheckAsync(HttpRequest req, CancellationToken cancellationToken, params StaffRole[] allowed)
    {
        var key = req.Headers[RoleKeys.Header].FirstOrDefault();
        var roles = string.Join(" or ", allowed.Select(r => Core.FeedbackJson.WireName(r)));
        if (string.IsNullOrEmpty(key) && authenticator.AppServiceEnabled && req.Headers.ContainsKey(AppServicePrincipals.Header))
        {
            if (!req.Headers.ContainsKey(AppServicePrincipals.ConsoleHeader))
            {
                // The App Service cookie rides along with any request the browser makes, even one a page on another site
                // starts; the console's own header cannot, so without it the request is refused before anything is read.
                return (new AuthResult(AuthStatus.Forbidden), HttpIo.Problem(StatusCodes.Status403Forbidden, "Forbidden",
                    $"Requests signed in through App Service must come from the console (with the {AppServicePrincipals.ConsoleHeader} header)."));
            }
            var principal = authenticator.AuthenticatePrincipal(req.Headers[AppServicePrincipals.Header].FirstOrDefault(),
                req.Headers[AppServicePrincipals.NameHeader].FirstOrDefault(), allowed);
            return principal.Status switch
            {
                AuthStatus.Allowed => (principal, null),
                AuthStatus.Forbidden => (principal, HttpIo.Problem(StatusCodes.Status403Forbidden, "Forbidden", principal.Roles.Count == 0
                    ? $"You are signed in as {principal.Label}, but your account has no FeedbackCollector role. Ask your administrator to assign one (this needs the {roles} role)."
                    : $"This needs the {roles} role.")),
                _ => (principal, HttpIo.Problem(StatusCodes.Status401Unauthorized, "Unauthorized",
                    "The App Service sign-in could not be read. Sign in again.")),
            };
        }
        var auth = await authenticator.AuthenticateAsync(key, allowed, cancellationToken);
        return auth.Status switch
        {
            AuthStatus.Allowed => (auth, null),
            AuthStatus.Forbidden => (auth, HttpIo.Problem(StatusCodes.Status403Forbidden, "Forbidden", $"This needs the {roles} role.")),
            _ => (auth, HttpIo.Problem(StatusCodes.Status401Unauthorized, "Unauthorized",
                $"Send a valid staff key in the {RoleKeys.Header} header.")),
        };
    }
}
