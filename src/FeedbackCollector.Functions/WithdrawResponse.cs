using System.Text.Json;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Functions.Http;
using FeedbackCollector.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Functions;

/// <summary>POST /api/responses/{receipt}/withdraw: the respondent withdraws their answers with the receipt code (anonymous, rate-limited).</summary>
public sealed class WithdrawResponse(WithdrawResponseHandler handler, RateLimiter limiter, IOptions<SurveyWebOptions> options, ILogger<WithdrawResponse> logger)
{
    /// <summary>200 <c>{"receipt","withdrawn","concernKept"}</c>; 400 not a receipt; 404 none; 429 too many tries.</summary>
    [Function(nameof(WithdrawResponse))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/responses/{receipt}/withdraw")] HttpRequest req,
        string receipt) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var decision = limiter.TryAcquire(WebIo.ClientAddress(req, options.Value), null, "withdraw");
            return decision.Allowed ? HttpIo.From(await handler.WithdrawAsync(receipt, ct)) : WebIo.TooMany(req, decision);
        });
}
