using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /api/surveys/{code}/responses?from=&amp;to=: a survey's responses with their analysis (officer); takes the filters of <see cref="ListAllResponses"/>.</summary>
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
            return denied ?? HttpIo.From(await handler.ListAsync(code, ListAllResponses.Filters(req), ct));
        });
}
