using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /api/surveys/{code}: a survey's definition, for respondents (anonymous).</summary>
public sealed class GetSurvey(SurveyAdminHandler handler, ILogger<GetSurvey> logger)
{
    /// <summary>Returns an open or closed survey; drafts are not found.</summary>
    [Function(nameof(GetSurvey))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/surveys/{code}")] HttpRequest req,
        string code) =>
        HttpIo.GuardAsync(req, logger, async ct => HttpIo.From(await handler.GetPublicAsync(code, ct)));
}
