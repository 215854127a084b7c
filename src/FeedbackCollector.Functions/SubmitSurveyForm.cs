using FeedbackCollector.Core;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Functions.Http;
using FeedbackCollector.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Functions;

/// <summary>
/// POST /s/{code}: the survey form's plain post (works with JavaScript off). Checked by the same handler and rules as
/// the JSON API; answers the thank-you page with the receipt (help first when the text is worrying), or the form again
/// with each problem beside its question.
/// </summary>
public sealed partial class SubmitSurveyForm(
    SurveyCache surveys,
    SubmitResponseHandler handler,
    RateLimiter limiter,
    IOptions<SurveyWebOptions> options,
    ILogger<SubmitSurveyForm> logger)
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "k", "v", "c", "lang", SurveyForm.Honeypot };

    /// <summary>Stores and queues a response from the form.</summary>
    [Function(nameof(SubmitSurveyForm))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "s/{code}")] HttpRequest req,
        string code)
    {
        var (form, problem) = await WebIo.ReadFormAsync(req, req.HttpContext.RequestAborted);
        var text = WebIo.Text(req, WebIo.First(form, "lang"));
        return await WebIo.GuardPageAsync(req, logger, text, async ct =>
        {
            if (problem != WebIo.FormProblem.None)
            {
                return WebIo.Page(req, SurveyPages.Message(problem == WebIo.FormProblem.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status415UnsupportedMediaType,
                    text, "errorsTitle", problem == WebIo.FormProblem.TooLarge ? "tooLargeBody" : "badFormBody", code));
            }
            var survey = await SurveyPage.FindAsync(surveys, code, ct);
            if (survey is null)
            {
                return WebIo.Page(req, SurveyPages.Message(StatusCodes.Status404NotFound, text, "notFoundTitle", "notFoundBody"));
            }
            if (survey.Status == SurveyStatus.Closed)
            {
                return WebIo.Page(req, SurveyPages.Message(StatusCodes.Status409Conflict, text, "closedTitle", "closedBody"));
            }
            if (!string.IsNullOrEmpty(WebIo.First(form, SurveyForm.Honeypot)) || form.Keys.Any(k => !Known.Contains(k) && !k.StartsWith("a.", StringComparison.Ordinal)))
            {
                // A robot filled the hidden field, or the form was tampered with: nothing is stored.
                LogRefusedForm(logger, survey.Code);
                return WebIo.Page(req, SurveyPages.Message(StatusCodes.Status400BadRequest, text, "errorsTitle", "badFormBody", code));
            }
            var key = WebIo.First(form, "k");
            key = ResponseId.IsValidIdempotencyKey(key) ? key : null;
            var decision = limiter.TryAcquire(WebIo.ClientAddress(req, options.Value), key);
            if (!decision.Allowed)
            {
                LogLimited(logger, survey.Code, decision.Scope!);
                return WebIo.Page(req, SurveyPages.Message(StatusCodes.Status429TooManyRequests, text, "tooManyTitle", "tooManyBody", code, decision.RetryAfterSeconds));
            }
            var venue = SurveyForm.Venue(WebIo.First(form, "v"));
            var channel = SurveyForm.Channel(WebIo.First(form, "c"));
            var body = System.Text.Json.JsonSerializer.SerializeToElement(SurveyForm.ToSubmission(survey, form, venue, channel));
            var outcome = await handler.HandleAsync(survey.Code, body, key, ct);
            switch (outcome.Kind)
            {
                case OutcomeKind.Accepted when outcome.Value is SubmissionReceipt receipt:
                    return WebIo.Page(req, SurveyPages.Thanks(survey, text, receipt.Receipt, receipt.NeedsHelp));
                case OutcomeKind.Invalid:
                    var state = new FormState { Key = key ?? FormState.NewKey(), Venue = venue, Channel = channel, Values = SurveyForm.Values(survey, form) };
                    state = SurveyForm.TryMapErrors(survey, outcome.Errors ?? new Dictionary<string, string>(), out var errors)
                        ? state with { Errors = errors }
                        : state with { Errors = errors, Problem = "badFormBody" };
                    return WebIo.Page(req, SurveyPages.Survey(survey, text, state, StatusCodes.Status400BadRequest));
                case OutcomeKind.Conflict:
                    return WebIo.Page(req, SurveyPages.Message(StatusCodes.Status409Conflict, text, "errorsTitle", "alreadySent", code));
                default:
                    return WebIo.Page(req, SurveyPages.Message(StatusCodes.Status404NotFound, text, "notFoundTitle", "notFoundBody"));
            }
        });
    }

    [LoggerMessage(LogLevel.Warning, "Refused a form post to survey {SurveyCode}: honeypot filled or unknown fields; nothing stored")]
    private static partial void LogRefusedForm(ILogger logger, string surveyCode);

    [LoggerMessage(LogLevel.Warning, "Rate limit ({Scope}) refused a form post to survey {SurveyCode}")]
    private static partial void LogLimited(ILogger logger, string surveyCode, string scope);
}
