using FeedbackCollector.Core.Responses;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>POST /api/surveys/{code}/responses: an anonymous response; 202 with a receipt once stored and queued.</summary>
public sealed class SubmitResponse(SubmitResponseHandler handler, ILogger<SubmitResponse> logger)
{
    /// <summary>Stores and queues a response.</summary>
    [Function(nameof(SubmitResponse))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/surveys/{code}/responses")] HttpRequest req,
        string code) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (body, error) = await HttpIo.ReadJsonAsync(req, ct);
            return error ?? HttpIo.From(await handler.HandleAsync(code, body, ct));
        });
}
