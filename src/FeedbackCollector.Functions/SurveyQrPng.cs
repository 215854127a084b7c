using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Functions.Http;
using FeedbackCollector.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Functions;

/// <summary>GET /s/{code}/qr.png?v={venue}: the survey's QR code as PNG.</summary>
public sealed class SurveyQrPng(SurveyCache surveys, IOptions<SurveyWebOptions> options, ILogger<SurveyQrPng> logger)
{
    /// <summary>The PNG; 404 for an unknown survey, 400 for a bad venue code.</summary>
    [Function(nameof(SurveyQrPng))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "s/{code}/qr.png")] HttpRequest req,
        string code) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (url, error) = await QrTarget.ResolveAsync(req, surveys, options.Value, code, ct);
            if (error is not null)
            {
                return error;
            }
            req.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return new FileContentResult(SurveyLinks.Png(url!), "image/png");
        });
}
