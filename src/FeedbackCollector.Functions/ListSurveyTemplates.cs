using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /api/survey-templates: the default surveys, as definitions to create a survey from (officer).</summary>
public sealed class ListSurveyTemplates(StaffGate gate, ILogger<ListSurveyTemplates> logger)
{
    /// <summary>Lists the default surveys.</summary>
    [Function(nameof(ListSurveyTemplates))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/survey-templates")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            return denied ?? HttpIo.Json(DefaultSurveys.All(), StatusCodes.Status200OK);
        });
}
