using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>POST /api/digests: builds and stores the digest of <c>{"from":"2026-01-01","to":"2026-03-31"}</c>, both days included (officer).</summary>
public sealed class GenerateDigest(DigestHandler handler, StaffGate gate, ILogger<GenerateDigest> logger)
{
    /// <summary>Generates a digest.</summary>
    [Function(nameof(GenerateDigest))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/digests")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            if (denied is not null)
            {
                return denied;
            }
            var (body, error) = await HttpIo.ReadJsonAsync(req, ct);
            return error ?? HttpIo.From(await handler.GenerateAsync(body, ct));
        });
}
