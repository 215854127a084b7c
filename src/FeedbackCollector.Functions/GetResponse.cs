using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /api/responses/{id}: one response with its analysis (officer).</summary>
public sealed class GetResponse(ResponseQueryHandler handler, StaffGate gate, ILogger<GetResponse> logger)
{
    /// <summary>Returns a response.</summary>
    [Function(nameof(GetResponse))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/responses/{id}")] HttpRequest req,
        string id) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            return denied ?? HttpIo.From(await handler.GetAsync(id, ct));
        });
}
