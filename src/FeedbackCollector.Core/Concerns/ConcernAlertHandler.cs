using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Core.Concerns;

/// <summary>Delivers a concern alert to the partnership's safeguarding contact.</summary>
public interface IConcernNotifier
{
    /// <summary>Delivers the alert; throws when it could not (the message is then retried by the queue).</summary>
    Task NotifyAsync(ConcernRecord concern, CancellationToken cancellationToken);
}

/// <summary>
/// Handles a message of the alerts queue: delivers the alert for a concern once. A failed delivery throws, so the queue
/// retries it and, after too many tries, keeps it in the poison queue: an alert is never dropped.
/// </summary>
public sealed partial class ConcernAlertHandler(
    IConcernRepository concerns,
    IConcernNotifier notifier,
    TimeProvider time,
    ILogger<ConcernAlertHandler> logger)
{
    /// <summary>Processes one alerts-queue message (a concern id).</summary>
    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        if (!Responses.ResponseId.TryNormalize(message?.Trim(), out var id))
        {
            throw new FormatException("An alert message must be a concern id.");
        }
        var concern = await concerns.FindAsync(id, cancellationToken)
                      ?? throw new InvalidOperationException($"Concern {id} is not stored yet; retrying.");
        if (concern.AlertDeliveredUtc is not null)
        {
            return;
        }
        await notifier.NotifyAsync(concern, cancellationToken);
        try
        {
            await concerns.UpdateAsync(concern with { AlertDeliveredUtc = time.GetUtcNow() }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Reviewed meanwhile; the alert went out, and a repeat delivery is harmless.
        }
        LogDelivered(logger, id);
    }

    [LoggerMessage(LogLevel.Information, "Concern alert {ConcernId} delivered")]
    private static partial void LogDelivered(ILogger logger, string concernId);
}
