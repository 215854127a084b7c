using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /api/concerns: possible safeguarding disclosures, open first, with survey, venue, time, category and redacted text (safeguarding role).</summary>
public sealed class ListConcerns(ConcernReviewHandler handler, StaffGate gate, ILogger<ListConcerns> logger)
{
    /// <summary>Lists concerns.</summary>
    [Function(nameof(ListConcerns))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/concerns")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Safeguarding);
            return denied ?? HttpIo.From(await handler.ListAsync(ct));
        });
}
