using FeedbackCollector.Core;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /api/me: the role(s), label and pages of the presented staff key or App Service sign-in (any staff role), so the console shows only what the role may do.</summary>
public sealed class GetMe(StaffGate gate, ILogger<GetMe> logger)
{
    /// <summary>What each role may do, as the console names its pages.</summary>
    public static IReadOnlyDictionary<StaffRole, string[]> Pages { get; } = new Dictionary<StaffRole, string[]>
    {
        [StaffRole.Officer] = ["surveys", "responses", "digests", "taxonomy"],
        [StaffRole.Facilitator] = ["notes"],
        [StaffRole.Safeguarding] = ["concerns"],
    };

    /// <summary>Says who the key belongs to.</summary>
    [Function(nameof(GetMe))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/me")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (auth, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer, StaffRole.Facilitator, StaffRole.Safeguarding);
            if (denied is not null)
            {
                return denied;
            }
            var role = auth.Role!.Value;
            req.HttpContext.Response.Headers.CacheControl = "no-store";
            // A person signed in through App Service may hold several roles: they see the pages of each.
            var pages = auth.Roles.SelectMany(r => Pages[r]).Distinct(StringComparer.Ordinal).ToArray();
            return HttpIo.Json(new
            {
                role = FeedbackJson.WireName(role),
                roles = auth.Roles.Select(r => FeedbackJson.WireName(r)).ToArray(),
                label = auth.Label,
                pages,
                via = auth.Method == AuthMethod.AppService ? "app-service" : "key",
            }, StatusCodes.Status200OK);
        });
}
