using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>POST /api/actions: records "You said, we did" against a theme and quarter (officer).</summary>
public sealed class RecordAction(ActionsHandler handler, StaffGate gate, ILogger<RecordAction> logger)
{
    /// <summary>Records an action.</summary>
    [Function(nameof(RecordAction))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/actions")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (auth, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            if (denied is not null)
            {
                return denied;
            }
            var (body, error) = await HttpIo.ReadJsonAsync(req, ct);
            return error ?? HttpIo.From(await handler.RecordAsync(body, auth.Label ?? "officer", ct));
        });
}
