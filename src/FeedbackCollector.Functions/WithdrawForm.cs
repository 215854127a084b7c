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

/// <summary>POST /s/{code}/withdraw: deletes the answers of a receipt code (plain form post). Rate-limited, so codes cannot be guessed.</summary>
public sealed class WithdrawForm(WithdrawResponseHandler handler, RateLimiter limiter, IOptions<SurveyWebOptions> options, ILogger<WithdrawForm> logger)
{
    /// <summary>Withdraws a response.</summary>
    [Function(nameof(WithdrawForm))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "s/{code}/withdraw")] HttpRequest req,
        string code)
    {
        var (form, problem) = await WebIo.ReadFormAsync(req, req.HttpContext.RequestAborted);
        var text = WebIo.Text(req, WebIo.First(form, "lang"));
        return await WebIo.GuardPageAsync(req, logger, text, async ct =>
        {
            if (!SurveyRules.IsValidCode(code))
            {
                return WebIo.Page(req, SurveyPages.Message(StatusCodes.Status404NotFound, text, "notFoundTitle", "notFoundBody"));
            }
            if (problem != WebIo.FormProblem.None)
            {
                return WebIo.Page(req, SurveyPages.Withdraw(code, text, null, "withdrawInvalid", problem == WebIo.FormProblem.TooLarge ? 413 : 415));
            }
            var decision = limiter.TryAcquire(WebIo.ClientAddress(req, options.Value), null, "withdraw");
            if (!decision.Allowed)
            {
                return WebIo.Page(req, SurveyPages.Message(StatusCodes.Status429TooManyRequests, text, "tooManyTitle", "tooManyBody", null, decision.RetryAfterSeconds));
            }
            var receipt = WebIo.First(form, "receipt");
            var outcome = await handler.WithdrawAsync(receipt, ct);
            return outcome.Kind switch
            {
                OutcomeKind.Ok when outcome.Value is WithdrawalReceipt w => WebIo.Page(req, SurveyPages.Withdrawn(code, text, w.ConcernKept)),
                OutcomeKind.NotFound => WebIo.Page(req, SurveyPages.Withdraw(code, text, receipt, "withdrawNotFound", StatusCodes.Status404NotFound)),
                _ => WebIo.Page(req, SurveyPages.Withdraw(code, text, receipt, "withdrawInvalid", StatusCodes.Status400BadRequest)),
            };
        });
    }
}
