using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Functions.Http;
using FeedbackCollector.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Functions;

/// <summary>GET /s/{code}/poster?v={venue}&amp;lang={lang}: a printable A4 poster with the QR code, the short link and one line of invitation.</summary>
public sealed class SurveyPoster(SurveyCache surveys, IOptions<SurveyWebOptions> options, ILogger<SurveyPoster> logger)
{
    /// <summary>The poster page.</summary>
    [Function(nameof(SurveyPoster))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "s/{code}/poster")] HttpRequest req,
        string code)
    {
        var text = WebIo.Text(req);
        return WebIo.GuardPageAsync(req, logger, text, async ct =>
        {
            var survey = await SurveyPage.FindAsync(surveys, code, ct);
            if (survey is null)
            {
                return WebIo.Page(req, SurveyPages.Message(StatusCodes.Status404NotFound, text, "notFoundTitle", "notFoundBody"));
            }
            var venue = SurveyForm.Venue(req.Query["v"].FirstOrDefault());
            var baseUrl = WebIo.BaseUrl(req, options.Value);
            var qr = SurveyLinks.Svg(SurveyLinks.Survey(baseUrl, survey.Code, venue, fromQr: true), "QR code: " + survey.Title);
            return WebIo.Page(req, SurveyPages.Poster(survey, text, SurveyLinks.Survey(baseUrl, survey.Code, venue), qr, venue));
        });
    }
}
