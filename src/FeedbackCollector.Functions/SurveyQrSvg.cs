using FeedbackCollector.Functions.Http;
using FeedbackCollector.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using FeedbackCollector.Core.Surveys;

namespace FeedbackCollector.Functions;

/// <summary>GET /s/{code}/qr.svg?v={venue}: the survey's QR code (to <c>/s/{code}?v={venue}&amp;c=qr</c>) as SVG.</summary>
public sealed class SurveyQrSvg(SurveyCache surveys, IOptions<SurveyWebOptions> options, ILogger<SurveyQrSvg> logger)
{
    /// <summary>The SVG; 404 for an unknown survey, 400 for a bad venue code.</summary>
    [Function(nameof(SurveyQrSvg))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "s/{code}/qr.svg")] HttpRequest req,
        string code) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (url, error) = await QrTarget.ResolveAsync(req, surveys, options.Value, code, ct);
            if (error is not null)
            {
                return error;
            }
            var svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + SurveyLinks.Svg(url!, "QR code: " + url);
            req.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
            req.HttpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
            return new ContentResult { StatusCode = 200, ContentType = "image/svg+xml; charset=utf-8", Content = svg };
        });
}

/// <summary>Shared by the QR and poster functions: the survey's QR target, or the problem answer.</summary>
internal static class QrTarget
{
    internal static async Task<(string? Url, IActionResult? Error)> ResolveAsync(HttpRequest req, SurveyCache surveys, SurveyWebOptions options, string code, CancellationToken ct)
    {
        if (await SurveyPage.FindAsync(surveys, code, ct) is null)
        {
            return (null, HttpIo.Problem(StatusCodes.Status404NotFound, "Not found", $"There is no survey '{code}'."));
        }
        var venue = req.Query["v"].FirstOrDefault();
        if (venue is not null && !Core.Responses.VenueCode.IsValid(venue))
        {
            return (null, HttpIo.Problem(StatusCodes.Status400BadRequest, "Invalid request", "A venue is 1 to 40 characters: lower-case letters, digits and hyphens.",
                new Dictionary<string, string> { ["v"] = "A venue is 1 to 40 characters: lower-case letters, digits and hyphens." }));
        }
        return (SurveyLinks.Survey(WebIo.BaseUrl(req, options), code, venue, fromQr: true), null);
    }
}
