using FeedbackCollector.Core.Responses;
using Microsoft.Azure.Functions.Worker;

namespace FeedbackCollector.Functions;

/// <summary>
/// Queue trigger: analyses the responses the message names (one id, or <c>{"ids":[...]}</c> from submissions that
/// shared a message; see <see cref="AnalysisMessage"/>). Retries and poison as host.json says.
/// </summary>
public sealed class AnalyzeResponse(AnalyzeResponseHandler handler)
{
    /// <summary>Analyses the responses of one message.</summary>
    [Function(nameof(AnalyzeResponse))]
    public Task Run([QueueTrigger("%AnalysisQueueName%", Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
