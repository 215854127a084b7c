using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Themes;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /api/reanalyse/{job}: how far a re-analysis job has come (officer).</summary>
public sealed class GetReanalysis(ReanalysisHandler handler, StaffGate gate, ILogger<GetReanalysis> logger)
{
    /// <summary>Returns the job's progress.</summary>
    [Function(nameof(GetReanalysis))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reanalyse/{job}")] HttpRequest req,
        string job) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            if (denied is not null)
            {
                return denied;
            }
            req.HttpContext.Response.Headers.CacheControl = "no-store";
            return HttpIo.From(await handler.GetAsync(job, ct));
        });
}
