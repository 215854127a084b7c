using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Functions.Http;
using FeedbackCollector.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FeedbackCollector.Functions;

/// <summary>GET /s/{code}/withdraw: the page where a receipt code takes answers back.</summary>
public sealed class WithdrawPage
{
    /// <summary>Renders the withdraw form.</summary>
    [Function(nameof(WithdrawPage))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "s/{code}/withdraw")] HttpRequest req,
        string code)
    {
        var text = WebIo.Text(req);
        return SurveyRules.IsValidCode(code)
            ? WebIo.Page(req, SurveyPages.Withdraw(code, text))
            : WebIo.Page(req, SurveyPages.Message(StatusCodes.Status404NotFound, text, "notFoundTitle", "notFoundBody"));
    }
}
