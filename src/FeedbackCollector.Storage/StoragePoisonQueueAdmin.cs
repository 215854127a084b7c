using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Storage;

/// <summary>
/// Looks at and requeues messages that the Functions host moved to <c>{queue}-poison</c> after too many failures.
/// Requeue sends the body to the main queue first and deletes it from the poison queue second, so a crash in between
/// duplicates a message rather than losing it (processing is idempotent).
/// </summary>
public sealed class StoragePoisonQueueAdmin(QueueServiceClient queues) : IPoisonQueueAdmin
{
    /// <summary>The most messages the service returns per peek or receive.</summary>
    public const int MaxBatch = 32;

    // Long enough to send and delete a batch; a message not deleted (a crash) reappears in the poison queue after it.
    private static readonly TimeSpan Invisible = TimeSpan.FromSeconds(60);

    /// <summary>The poison queue of <paramref name="queueName"/>.</summary>
    public static string PoisonQueueName(string queueName) => queueName + "-poison";

    /// <inheritdoc />
    /// <remarks>The service peeks at most <see cref="MaxBatch"/> messages; a larger <paramref name="max"/> gives that many.</remarks>
    public Task<IReadOnlyList<PoisonMessage>> PeekAsync(string queueName, int max, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync<IReadOnlyList<PoisonMessage>>("peek poison queue", async ct =>
        {
            ArgumentException.ThrowIfNullOrEmpty(queueName);
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
            var poison = queues.GetQueueClient(PoisonQueueName(queueName));
            try
            {
                var peeked = await poison.PeekMessagesAsync(Math.Min(max, MaxBatch), ct).ConfigureAwait(false);
                return peeked.Value.Select(m => new PoisonMessage(m.MessageId, m.Body.ToString(), m.InsertedOn, m.DequeueCount)).ToList();
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == "QueueNotFound")
            {
                return [];
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<int> RequeueAsync(string queueName, int max, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("requeue poison messages", async ct =>
        {
            ArgumentException.ThrowIfNullOrEmpty(queueName);
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
            var main = queues.GetQueueClient(queueName);
            var poison = queues.GetQueueClient(PoisonQueueName(queueName));
            var moved = 0;
            while (moved < max)
            {
                Response<QueueMessage[]> batch;
                try
                {
                    batch = await poison.ReceiveMessagesAsync(Math.Min(max - moved, MaxBatch), Invisible, ct).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.ErrorCode == "QueueNotFound")
                {
                    break;
                }
                if (batch.Value.Length == 0)
                {
                    break;
                }
                foreach (var message in batch.Value)
                {
                    try
                    {
                        await main.SendMessageAsync(message.Body, cancellationToken: ct).ConfigureAwait(false);
                    }
                    catch (RequestFailedException ex) when (ex.ErrorCode == "QueueNotFound")
                    {
                        // The app has not created its queues yet (or someone deleted the main queue): create it.
                        await main.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
                        await main.SendMessageAsync(message.Body, cancellationToken: ct).ConfigureAwait(false);
                    }
                    try
                    {
                        await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct).ConfigureAwait(false);
                    }
                    catch (RequestFailedException ex) when (ex.Status == 404)
                    {
                        // Its invisibility ran out and someone else took it: it was still sent, at worst twice.
                    }
                    moved++;
                }
            }
            return moved;
        }, cancellationToken);
}
