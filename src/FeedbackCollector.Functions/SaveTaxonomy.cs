using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Themes;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>
/// PUT /api/taxonomy: saves an edited taxonomy (the JSON document, with a new version) and makes the analyzer use it;
/// If-Match names the version the edit started from (officer).
/// </summary>
public sealed class SaveTaxonomy(TaxonomyHandler handler, StaffGate gate, ILogger<SaveTaxonomy> logger)
{
    /// <summary>Saves the taxonomy.</summary>
    [Function(nameof(SaveTaxonomy))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/taxonomy")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (auth, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            if (denied is not null)
            {
                return denied;
            }
            var (json, error) = await HttpBodies.ReadJsonTextAsync(req, TaxonomyHandler.MaxBytes, ct);
            return error ?? HttpIo.From(await handler.SaveAsync(json, req.Headers.IfMatch.FirstOrDefault(), auth.Label ?? "officer", ct));
        });
}
