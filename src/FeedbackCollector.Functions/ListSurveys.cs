using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /api/surveys: every survey (officer).</summary>
public sealed class ListSurveys(SurveyAdminHandler handler, StaffGate gate, ILogger<ListSurveys> logger)
{
    /// <summary>Lists surveys.</summary>
    [Function(nameof(ListSurveys))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/surveys")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            return denied ?? HttpIo.From(await handler.ListAsync(ct));
        });
}
