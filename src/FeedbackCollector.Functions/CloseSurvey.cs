using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>POST /api/surveys/{code}/close: closes a survey to responses (officer).</summary>
public sealed class CloseSurvey(SurveyAdminHandler handler, StaffGate gate, ILogger<CloseSurvey> logger)
{
    /// <summary>Sets the survey's status to close.</summary>
    [Function(nameof(CloseSurvey))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/surveys/{code}/close")] HttpRequest req,
        string code) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            return denied ?? HttpIo.From(await handler.SetStatusAsync(code, SurveyStatus.Closed, ct));
        });
}
