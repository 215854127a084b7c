using FeedbackCollector.Core.Storage;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /api/health: 200 when tables, queues and blobs answer, otherwise 503.</summary>
public sealed class Health(IStorageHealth storage, ILogger<Health> logger)
{
    /// <summary>Checks storage.</summary>
    [Function(nameof(Health))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var problem = await storage.CheckAsync(ct);
            if (problem is null)
            {
                return HttpIo.Json(new { status = "ok" }, StatusCodes.Status200OK);
            }
            req.HttpContext.Response.Headers.RetryAfter = HttpIo.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return HttpIo.Problem(StatusCodes.Status503ServiceUnavailable, "Storage unavailable", problem);
        });
}
