using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Core.Responses;

/// <summary>How submissions share analysis-queue messages. Section <c>AnalysisQueue</c>.</summary>
public sealed class AnalysisQueueOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "AnalysisQueue";

    /// <summary>
    /// The most response ids one message carries. 1 sends every id alone, in the original format: use it while instances
    /// that only read single-id messages may still take messages off the queue (a rolling upgrade).
    /// </summary>
    public int MaxIdsPerMessage { get; set; } = 32;

    /// <summary>
    /// The most messages in flight at once. A second send starts only while a full message's worth of ids waits, so at
    /// ordinary load one send is in flight and the ids arriving meanwhile share the next message.
    /// </summary>
    public int MaxConcurrentSends { get; set; } = 4;

    /// <summary>Problems, empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxIdsPerMessage is < 1 or > 256)
        {
            yield return "AnalysisQueue:MaxIdsPerMessage: 1 to 256 response ids per message.";
        }
        if (MaxConcurrentSends is < 1 or > 64)
        {
            yield return "AnalysisQueue:MaxConcurrentSends: 1 to 64.";
        }
    }
}

/// <summary>
/// Queues response ids for analysis with group commit: ids queued while a send is in flight wait and then go together in
/// one message (<see cref="AnalysisMessage"/>), up to <see cref="AnalysisQueueOptions.MaxIdsPerMessage"/>. There is no
/// timer: an id queued when nothing is being sent goes at once, alone, so a lone submitter waits for one send as before;
/// under load each message carries the ids that arrived during the previous send. Every storage queue operation costs
/// the same whatever the message holds (and the emulator's cost grows with the messages held), so fewer messages are
/// what lets the queue keep pace. <see cref="EnqueueAsync"/> completes only once the message carrying its id is sent,
/// and fails with the send's fault when that message could not be sent, for every id in it: nothing is acknowledged
/// that was not queued.
/// </summary>
public sealed partial class AnalysisQueueCoalescer(
    IQueueSender queue,
    IOptions<StorageNamesOptions> names,
    IOptions<AnalysisQueueOptions> options,
    ILogger<AnalysisQueueCoalescer> logger)
{
    private readonly Lock _gate = new();
    // Ids waiting for a send, oldest first. Guarded by _gate.
    private readonly LinkedList<Waiter> _pending = new();
    // Sends in flight (each a loop that drains _pending). Guarded by _gate.
    private int _senders;

    /// <summary>
    /// Queues <paramref name="id"/> (a normalised response id) for analysis; completes once a message carrying it is on
    /// the queue. Cancelling while the id still waits takes it out (it is not sent); cancelling once its message is being
    /// sent stops the wait only (the message may still arrive, and its analysis finds nothing when the caller has removed
    /// the response).
    /// </summary>
    /// <exception cref="StorageUnavailableException">The message carrying the id could not be sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public Task EnqueueAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        cancellationToken.ThrowIfCancellationRequested();
        var o = options.Value;
        var waiter = new Waiter(id);
        bool startSender;
        lock (_gate)
        {
            waiter.Node = _pending.AddLast(waiter);
            // One sender when idle; another only while a full message waits behind the ones in flight.
            startSender = _senders == 0 || (_senders < o.MaxConcurrentSends && _pending.Count >= o.MaxIdsPerMessage);
            if (startSender)
            {
                _senders++;
            }
        }
        if (startSender)
        {
            // Runs synchronously up to the first send: an id queued on an idle coalescer is sent at once.
            _ = SendLoopAsync();
        }
        return cancellationToken.CanBeCanceled ? WaitAsync(waiter, cancellationToken) : waiter.Done.Task;
    }

    private async Task WaitAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        try
        {
            await waiter.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !waiter.Done.Task.IsCompleted)
        {
            lock (_gate)
            {
                if (waiter.Node?.List is not null)
                {
                    // Not taken by a sender yet: it will not be sent.
                    _pending.Remove(waiter.Node);
                    waiter.Node = null;
                }
            }
            throw;
        }
    }

    private async Task SendLoopAsync()
    {
        var queueName = names.Value.AnalysisQueueName;
        var max = options.Value.MaxIdsPerMessage;
        while (true)
        {
            List<Waiter> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _senders--;
                    return;
                }
                batch = new List<Waiter>(Math.Min(max, _pending.Count));
                while (batch.Count < max && _pending.First is { } first)
                {
                    _pending.RemoveFirst();
                    first.Value.Node = null;
                    batch.Add(first.Value);
                }
            }
            try
            {
                var ids = new List<string>(batch.Count);
                var seen = new HashSet<string>(batch.Count, StringComparer.Ordinal);
                foreach (var w in batch)
                {
                    if (seen.Add(w.Id))
                    {
                        ids.Add(w.Id);
                    }
                }
                // Not any one submitter's token: the message serves them all, and the storage client bounds its time.
                await queue.SendAsync(queueName, AnalysisMessage.Format(ids), CancellationToken.None).ConfigureAwait(false);
                if (ids.Count > 1)
                {
                    LogSent(logger, ids.Count);
                }
                foreach (var w in batch)
                {
                    w.Done.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                // Every id in the message fails alike: each caller answers as for its own failed send.
                foreach (var w in batch)
                {
                    w.Done.TrySetException(ex);
                }
            }
        }
    }

    private sealed class Waiter(string id)
    {
        public string Id { get; } = id;

        // Continuations run on the pool, not inline in the send loop, so the next message is not held up by responses.
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Its place in the pending list while it waits there; null once taken. Guarded by the coalescer's lock.
        public LinkedListNode<Waiter>? Node { get; set; }
    }

    [LoggerMessage(LogLevel.Debug, "Queued {Count} response ids for analysis in one message")]
    private static partial void LogSent(ILogger logger, int count);
}
