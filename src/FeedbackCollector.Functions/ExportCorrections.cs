using FeedbackCollector.Core;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>
/// GET /api/corrections/export?from=&amp;to=: officers' theme corrections as labelled data (JSON Lines in the analyzer's
/// development-set format, redacted text only), to grow the dev set (officer).
/// </summary>
public sealed class ExportCorrections(ThemeCorrectionHandler handler, StaffGate gate, ILogger<ExportCorrections> logger)
{
    /// <summary>Downloads the corrections.</summary>
    [Function(nameof(ExportCorrections))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/corrections/export")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            if (denied is not null)
            {
                return denied;
            }
            var outcome = await handler.ExportAsync(req.Query["from"].FirstOrDefault(), req.Query["to"].FirstOrDefault(), ct);
            return outcome is { Kind: OutcomeKind.Ok, Value: FileAnswer file } ? HttpBodies.File(req, file) : HttpIo.From(outcome);
        });
}
