using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>
/// GET /api/responses?survey=&amp;venue=&amp;audience=&amp;theme=&amp;sentiment=&amp;from=&amp;to=&amp;corrected=: responses of every
/// survey (and session notes) with their analysis and corrections, filtered (officer).
/// </summary>
public sealed class ListAllResponses(ResponseQueryHandler handler, StaffGate gate, ILogger<ListAllResponses> logger)
{
    /// <summary>Lists responses that pass the filters (default period: this quarter).</summary>
    [Function(nameof(ListAllResponses))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/responses")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Officer);
            return denied ?? HttpIo.From(await handler.ListAsync(Filters(req), ct));
        });

    /// <summary>The filters of the query string.</summary>
    public static ResponseFilterText Filters(HttpRequest req)
    {
        string? Q(string name) => req.Query[name].FirstOrDefault();
        return new ResponseFilterText(Q("survey"), Q("venue"), Q("audience"), Q("theme"), Q("sentiment"), Q("from"), Q("to"), Q("corrected"));
    }
}
