using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>POST /api/surveys: creates a survey from a JSON definition (officer).</summary>
public sealed class CreateSurvey(SurveyAdminHandler handler, StaffGate gate, ILogger<CreateSurvey> logger)
{
    /// <summary>Creates a survey.</summary>
    [Function(nameof(CreateSurvey))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/surveys")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            if (denied is not null)
            {
                return denied;
            }
            var (body, error) = await HttpIo.ReadJsonAsync(req, ct);
            return error ?? HttpIo.From(await handler.CreateAsync(body, ct));
        });
}
