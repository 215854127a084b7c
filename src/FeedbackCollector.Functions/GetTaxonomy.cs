using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Themes;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>GET /api/taxonomy: the theme taxonomy in use (version, themes, phrases, saved versions) (officer).</summary>
public sealed class GetTaxonomy(TaxonomyHandler handler, StaffGate gate, ILogger<GetTaxonomy> logger)
{
    /// <summary>Returns the taxonomy.</summary>
    [Function(nameof(GetTaxonomy))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/taxonomy")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            return denied ?? HttpIo.From(await handler.GetAsync(ct));
        });
}
