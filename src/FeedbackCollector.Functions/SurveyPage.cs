using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Functions.Http;
using FeedbackCollector.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /s/{code}?v={venue}&amp;lang={lang}: the survey page (the short link and the QR code's target).</summary>
public sealed class SurveyPage(SurveyCache surveys, ILogger<SurveyPage> logger)
{
    /// <summary>Renders the form for an open survey; 404 for unknown or draft surveys, 410 once closed.</summary>
    [Function(nameof(SurveyPage))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "s/{code}")] HttpRequest req,
        string code)
    {
        var text = WebIo.Text(req);
        return WebIo.GuardPageAsync(req, logger, text, async ct =>
        {
            var survey = await FindAsync(surveys, code, ct);
            if (survey is null)
            {
                return WebIo.Page(req, SurveyPages.Message(StatusCodes.Status404NotFound, text, "notFoundTitle", "notFoundBody"));
            }
            if (survey.Status == SurveyStatus.Closed)
            {
                return WebIo.Page(req, SurveyPages.Message(StatusCodes.Status410Gone, text, "closedTitle", "closedBody"));
            }
            var state = new FormState
            {
                Key = FormState.NewKey(),
                Venue = SurveyForm.Venue(req.Query["v"].FirstOrDefault()),
                Channel = SurveyForm.Channel(req.Query["c"].FirstOrDefault()),
            };
            return WebIo.Page(req, SurveyPages.Survey(survey, text, state));
        });
    }

    /// <summary>
    /// An open or closed survey (drafts are not public), or null. A built-in survey (forum session notes) has no page,
    /// form, poster or QR code: its points come only through a facilitator's upload.
    /// </summary>
    internal static async Task<Survey?> FindAsync(SurveyCache surveys, string code, CancellationToken ct) =>
        SurveyRules.IsValidCode(code) && !BuiltInSurveys.IsBuiltIn(code) && await surveys.FindAsync(code, ct) is { Status: not SurveyStatus.Draft } s ? s : null;
}
