using FeedbackCollector.Core.Responses;
using FeedbackCollector.Functions.Http;
using FeedbackCollector.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Functions;

/// <summary>
/// POST /api/surveys/{code}/responses: an anonymous response; 202 with a receipt (and <c>needsHelp</c>) once stored and
/// queued. An <c>Idempotency-Key</c> header makes a repeat store once and answer the same receipt. Rate-limited: 429
/// with Retry-After.
/// </summary>
public sealed class SubmitResponse(SubmitResponseHandler handler, RateLimiter limiter, IOptions<SurveyWebOptions> options, ILogger<SubmitResponse> logger)
{
    /// <summary>The idempotency header.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Stores and queues a response.</summary>
    [Function(nameof(SubmitResponse))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/surveys/{code}/responses")] HttpRequest req,
        string code) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (body, error) = await HttpIo.ReadJsonAsync(req, ct);
            if (error is not null)
            {
                return error;
            }
            var key = req.Headers[IdempotencyHeader].FirstOrDefault();
            var decision = limiter.TryAcquire(WebIo.ClientAddress(req, options.Value), key);
            if (!decision.Allowed)
            {
                return WebIo.TooMany(req, decision);
            }
            return HttpIo.From(await handler.HandleAsync(code, body, key, ct));
        });
}
