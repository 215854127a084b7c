using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Core.Concerns;

/// <summary>Delivers a concern alert to the partnership's safeguarding contact.</summary>
public interface IConcernNotifier
{
    /// <summary>Delivers the alert; throws when it could not (the message is then retried by the queue).</summary>
    Task NotifyAsync(ConcernRecord concern, CancellationToken cancellationToken);
}

/// <summary>
/// Handles a message of the alerts queue: delivers the alert for a concern once. The queue's own retries are seconds
/// apart, too fast for a webhook that is down for hours, so a failed delivery is counted on the concern and the message
/// is sent again to the alerts queue, invisible for a growing delay (<see cref="AlertOptions.RetryDelay"/>, up to a
/// day). Only after <see cref="AlertOptions.MaxDeliveryAttempts"/> failures does it throw, so the queue's retries end in
/// the poison queue, where a person sees it. An alert is never dropped, and the concern is listed open to the
/// safeguarding role all along.
/// </summary>
public sealed partial class ConcernAlertHandler(
    IConcernRepository concerns,
    IConcernNotifier notifier,
    IQueueSender queue,
    IOptions<StorageNamesOptions> names,
    IOptions<AlertOptions> options,
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
        try
        {
            await notifier.NotifyAsync(concern, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await ScheduleRetryAsync(concern, ex, cancellationToken);
            return;
        }
        // Retried against a reviewer writing the same row: a lost stamp would show a delivered alert as undelivered.
        var delivered = time.GetUtcNow();
        await concerns.ChangeAsync(id, c => c.AlertDeliveredUtc is null ? c with { AlertDeliveredUtc = delivered } : null, cancellationToken);
        LogDelivered(logger, id, concern.AlertAttempts + 1);
    }

    private async Task ScheduleRetryAsync(ConcernRecord concern, Exception failure, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var failures = concern.AlertAttempts + 1;
        if (failures >= o.MaxDeliveryAttempts)
        {
            LogGivingUp(logger, failure, concern.Id, failures);
            // The queue's own retries follow, then the poison queue: a person requeues it once the webhook is mended.
            throw new InvalidOperationException($"The alert for concern {concern.Id} failed {failures} times; leaving it to the poison queue.", failure);
        }
        await concerns.ChangeAsync(concern.Id, c => c.AlertAttempts < failures ? c with { AlertAttempts = failures } : null, cancellationToken);
        var delay = o.RetryDelay(failures);
        // Sent before this message is settled: if the send fails this throws, and the queue retries this message instead.
        await queue.SendAsync(names.Value.AlertsQueueName, concern.Id, delay, cancellationToken);
        LogRetrying(logger, failure, concern.Id, failures, delay.TotalSeconds);
    }

    [LoggerMessage(LogLevel.Information, "Concern alert {ConcernId} delivered on attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, string concernId, int attempt);

    [LoggerMessage(LogLevel.Warning, "Concern alert {ConcernId} failed (attempt {Attempt}); trying again in {DelaySeconds} s")]
    private static partial void LogRetrying(ILogger logger, Exception ex, string concernId, int attempt, double delaySeconds);

    [LoggerMessage(LogLevel.Critical, "Concern alert {ConcernId} failed {Attempts} times; it goes to the poison queue. Mend the webhook and run 'feedback poison requeue --queue alerts'")]
    private static partial void LogGivingUp(ILogger logger, Exception ex, string concernId, int attempts);
}
