using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /api/actions?period=2026-Q3: the "You said, we did" actions of a quarter, default this one (officer).</summary>
public sealed class ListActions(ActionsHandler handler, StaffGate gate, ILogger<ListActions> logger)
{
    /// <summary>Lists actions.</summary>
    [Function(nameof(ListActions))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/actions")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            return denied ?? HttpIo.From(await handler.ListAsync(req.Query["period"].FirstOrDefault(), ct));
        });
}
