using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /api/digests: the stored digests, newest period first, with their files (officer).</summary>
public sealed class ListDigests(DigestHandler handler, StaffGate gate, ILogger<ListDigests> logger)
{
    /// <summary>Lists digests.</summary>
    [Function(nameof(ListDigests))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digests")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            return denied ?? HttpIo.From(await handler.ListAsync(ct));
        });
}
