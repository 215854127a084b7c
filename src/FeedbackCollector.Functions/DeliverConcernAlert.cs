using FeedbackCollector.Core.Concerns;
using Microsoft.Azure.Functions.Worker;

namespace FeedbackCollector.Functions;

/// <summary>Queue trigger: delivers the alert for a concern to the safeguarding contact. Retries and poison as host.json says.</summary>
public sealed class DeliverConcernAlert(ConcernAlertHandler handler)
{
    /// <summary>Delivers one alert.</summary>
    [Function(nameof(DeliverConcernAlert))]
    public Task Run([QueueTrigger("%AlertsQueueName%", Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
