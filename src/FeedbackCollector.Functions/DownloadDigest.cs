using FeedbackCollector.Core;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>
/// GET /api/digests/{period}/{file}: one file of a stored digest with its content type — digest.html, digest.md,
/// themes.csv, comments.csv or digest.json (officer).
/// </summary>
public sealed class DownloadDigest(DigestHandler handler, StaffGate gate, ILogger<DownloadDigest> logger)
{
    /// <summary>Sends a digest file.</summary>
    [Function(nameof(DownloadDigest))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digests/{period}/{file}")] HttpRequest req,
        string period,
        string file) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            if (denied is not null)
            {
                return denied;
            }
            var outcome = await handler.DownloadAsync(period, file, ct);
            if (outcome is not { Kind: OutcomeKind.Ok, Value: DigestDownload d })
            {
                return HttpIo.From(outcome);
            }
            // The HTML page is self-contained: forbid it everything it does not need, so a digest can never run script.
            req.HttpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
            req.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return new FileContentResult(d.Content, d.ContentType) { FileDownloadName = d.Name.EndsWith(".html", StringComparison.Ordinal) ? null : $"{period}-{d.Name}" };
        });
}
