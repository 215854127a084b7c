using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>
/// PUT /api/responses/{id}/themes <c>{"answers": {"question-id": ["theme-id"]}}</c>: an officer's correction of a response's
/// themes, stored beside the analysis with who and when; it wins over the analyzer in every digest (officer).
/// </summary>
public sealed class CorrectResponseThemes(ThemeCorrectionHandler handler, StaffGate gate, ILogger<CorrectResponseThemes> logger)
{
    /// <summary>Stores (or with no answers removes) the correction.</summary>
    [Function(nameof(CorrectResponseThemes))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/responses/{id}/themes")] HttpRequest req,
        string id) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (auth, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            if (denied is not null)
            {
                return denied;
            }
            var (body, error) = await HttpIo.ReadJsonAsync(req, ct);
            return error ?? HttpIo.From(await handler.CorrectAsync(id, body, auth.Label ?? "officer", ct));
        });
}
