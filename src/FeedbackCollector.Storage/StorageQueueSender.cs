using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Queues;
using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Storage;

/// <summary>
/// Sends plain-text messages (the service client is created with <see cref="QueueMessageEncoding.None"/>, matching
/// host.json). A queue missing because start-up creation has not run yet is created and the send tried once more.
/// </summary>
public sealed class StorageQueueSender(QueueServiceClient queues) : IQueueSender
{
    private readonly ConcurrentDictionary<string, QueueClient> _clients = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task SendAsync(string queueName, string message, CancellationToken cancellationToken = default) =>
        SendCoreAsync(queueName, message, null, cancellationToken);

    /// <inheritdoc />
    public Task SendAsync(string queueName, string message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default)
    {
        if (visibilityDelay < TimeSpan.Zero || visibilityDelay > TimeSpan.FromDays(6))
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityDelay), "A message can be delayed 0 to 6 days (it lives 7).");
        }
        return SendCoreAsync(queueName, message, visibilityDelay, cancellationToken);
    }

    private Task SendCoreAsync(string queueName, string message, TimeSpan? visibilityDelay, CancellationToken cancellationToken) =>
        StorageFaults.RunAsync("send message", async ct =>
        {
            ArgumentException.ThrowIfNullOrEmpty(queueName);
            ArgumentNullException.ThrowIfNull(message);
            var queue = _clients.GetOrAdd(queueName, queues.GetQueueClient);
            try
            {
                await queue.SendMessageAsync(message, visibilityDelay, null, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == "QueueNotFound")
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
                await queue.SendMessageAsync(message, visibilityDelay, null, ct).ConfigureAwait(false);
            }
        }, cancellationToken);
}
