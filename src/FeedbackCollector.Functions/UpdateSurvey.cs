using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>PUT /api/surveys/{code}: replaces a survey's definition (officer); If-Match guards against lost edits.</summary>
public sealed class UpdateSurvey(SurveyAdminHandler handler, StaffGate gate, ILogger<UpdateSurvey> logger)
{
    /// <summary>Updates a survey.</summary>
    [Function(nameof(UpdateSurvey))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/surveys/{code}")] HttpRequest req,
        string code) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            if (denied is not null)
            {
                return denied;
            }
            var (body, error) = await HttpIo.ReadJsonAsync(req, ct);
            return error ?? HttpIo.From(await handler.UpdateAsync(code, body, req.Headers.IfMatch.FirstOrDefault(), ct));
        });
}
