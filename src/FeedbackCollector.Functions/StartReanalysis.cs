using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Themes;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>POST /api/reanalyse: starts a background job re-analysing every stored response analysed with another taxonomy version; 202 with the job (officer).</summary>
public sealed class StartReanalysis(ReanalysisHandler handler, StaffGate gate, ILogger<StartReanalysis> logger)
{
    /// <summary>Starts a re-analysis job.</summary>
    [Function(nameof(StartReanalysis))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reanalyse")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (auth, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            return denied ?? HttpIo.From(await handler.StartAsync(auth.Label ?? "officer", ct));
        });
}
