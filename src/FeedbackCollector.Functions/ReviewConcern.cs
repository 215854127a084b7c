using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>
/// POST /api/concerns/{id}/review <c>{"note": "..."}</c>: records who reviewed a concern (the key's label) and when
/// (safeguarding role). 404 unknown; 409 already reviewed (a review is an audit record and is never overwritten).
/// </summary>
public sealed class ReviewConcern(ConcernReviewHandler handler, StaffGate gate, ILogger<ReviewConcern> logger)
{
    /// <summary>Reviews a concern.</summary>
    [Function(nameof(ReviewConcern))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/concerns/{id}/review")] HttpRequest req,
        string id) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (auth, denied) = await gate.CheckAsync(req, ct, StaffRole.Safeguarding);
            if (denied is not null)
            {
                return denied;
            }
            var (body, error) = await HttpIo.ReadJsonAsync(req, ct);
            return error ?? HttpIo.From(await handler.ReviewAsync(id, body, auth.Label!, ct));
        });
}
