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
        StorageFaults.RunAsync("send message", async ct =>
        {
            ArgumentException.ThrowIfNullOrEmpty(queueName);
            ArgumentNullException.ThrowIfNull(message);
            var queue = _clients.GetOrAdd(queueName, queues.GetQueueClient);
            try
            {
                await queue.SendMessageAsync(message, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == "QueueNotFound")
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
                await queue.SendMessageAsync(message, ct).ConfigureAwait(false);
            }
        }, cancellationToken);
}
