using FeedbackCollector.Core.Responses;
using Microsoft.Azure.Functions.Worker;

namespace FeedbackCollector.Functions;

/// <summary>Queue trigger: analyses the response whose id is the message. Retries and poison as host.json says.</summary>
public sealed class AnalyzeResponse(AnalyzeResponseHandler handler)
{
    /// <summary>Analyses one response.</summary>
    [Function(nameof(AnalyzeResponse))]
    public Task Run([QueueTrigger("%AnalysisQueueName%", Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
