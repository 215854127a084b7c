using FeedbackCollector.Core.Themes;
using Microsoft.Azure.Functions.Worker;

namespace FeedbackCollector.Functions;

/// <summary>
/// Queue trigger: works a re-analysis job started in the console, in the background. A job id lists its responses into
/// batches and queues them; a job id with a batch number re-analyses that batch. Retries and poison as host.json says;
/// the trigger's <c>dequeueCount</c> lets the handler mark the job failed when the last attempt fails.
/// </summary>
public sealed class ReanalyseResponses(ReanalysisHandler handler)
{
    /// <summary>Handles one re-analysis message.</summary>
    /// <param name="message">The message text.</param>
    /// <param name="dequeueCount">How many times the message was delivered, this time included (trigger metadata, bound by name).</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    [Function(nameof(ReanalyseResponses))]
    public Task Run([QueueTrigger("%AnalysisQueueName%-jobs", Connection = "Storage")] string message, long dequeueCount, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, dequeueCount, cancellationToken);
}
