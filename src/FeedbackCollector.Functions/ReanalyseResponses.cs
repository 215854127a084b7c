using FeedbackCollector.Core.Themes;
using Microsoft.Azure.Functions.Worker;

namespace FeedbackCollector.Functions;

/// <summary>
/// Queue trigger: works a re-analysis job started in the console, in the background. A job id lists its responses into
/// batches and queues them; a job id with a batch number re-analyses that batch. Retries and poison as host.json says.
/// </summary>
public sealed class ReanalyseResponses(ReanalysisHandler handler)
{
    /// <summary>Handles one re-analysis message.</summary>
    [Function(nameof(ReanalyseResponses))]
    public Task Run([QueueTrigger("%AnalysisQueueName%-jobs", Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
