using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /api/surveys/{code}/responses?from=&amp;to=: responses with their analysis (officer).</summary>
public sealed class ListResponses(ResponseQueryHandler handler, StaffGate gate, ILogger<ListResponses> logger)
{
    /// <summary>Lists a survey's responses in a period (default: this quarter).</summary>
    [Function(nameof(ListResponses))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/surveys/{code}/responses")] HttpRequest req,
        string code) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            return denied ?? HttpIo.From(await handler.ListAsync(code, req.Query["from"].FirstOrDefault(), req.Query["to"].FirstOrDefault(), ct));
        });
}
