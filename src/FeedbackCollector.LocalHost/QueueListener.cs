using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.LocalHost;

/// <summary>How the local host leases queue messages.</summary>
public sealed class LocalQueueOptions
{
    /// <summary>
    /// How long a received message stays invisible while it is processed. If this host dies mid-message, the message
    /// returns after this time and is processed again (the handlers are idempotent).
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Shortest wait between polls of an empty queue; doubles up to host.json's maxPollingInterval.</summary>
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a stopping host waits for messages in hand before cancelling them.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>HTTP requests in flight at or above which the host counts as busy answering people (see <see cref="BusyConcurrency"/>).</summary>
    public int BusyHttpRequests { get; set; } = 4;

    /// <summary>
    /// While the host is busy with HTTP requests, at most this many messages of a queue are processed at once (0: no
    /// limit but host.json's). In Azure, Functions serves HTTP and queues on instances it scales apart; on one machine
    /// both share the cores and the storage emulator, so a burst of submissions is answered first and the queue, whose
    /// messages wait safely, keeps going two messages at a time (up to 32 responses each, as submissions share messages)
    /// and catches up at host.json's full batch size after the burst. Measured with <c>bench/load.sh</c> on a quiet machine
    /// (docs/load.md), 3,000 submissions: off, 387 a second with p99 244 ms; 1, 509 and 191 ms; 2, 508 and 154 ms, every
    /// response analysed (209 a second with 2).
    /// </summary>
    public int BusyConcurrency { get; set; } = 2;

    /// <summary>Problems, empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (Lease < TimeSpan.FromSeconds(1) || Lease > TimeSpan.FromDays(7))
        {
            yield return "LocalHost:Queues:Lease: from 1 second to 7 days (the queue service's limits for a message's invisibility).";
        }
        if (MinPollingInterval <= TimeSpan.Zero)
        {
            yield return "LocalHost:Queues:MinPollingInterval: more than zero.";
        }
        if (DrainTimeout < TimeSpan.Zero)
        {
            yield return "LocalHost:Queues:DrainTimeout: zero or more.";
        }
        if (BusyHttpRequests < 1)
        {
            yield return "LocalHost:Queues:BusyHttpRequests: 1 or more.";
        }
        if (BusyConcurrency < 0)
        {
            yield return "LocalHost:Queues:BusyConcurrency: 0 (off) or more.";
        }
    }
}

/// <summary>Counts the HTTP requests the local host is serving, so queue listeners can give way to them.</summary>
public sealed class HttpActivity
{
    private int _inFlight;

    /// <summary>Requests being served now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>A request started.</summary>
    public void Enter() => Interlocked.Increment(ref _inFlight);

    /// <summary>A request ended.</summary>
    public void Exit() => Interlocked.Decrement(ref _inFlight);
}

/// <summary>
/// Listens on a queue for a queue-triggered function with the Functions host's rules from host.json: batches of
/// batchSize fetched again when in-flight work falls to newBatchThreshold, back-off to maxPollingInterval when idle,
/// a failed message made visible again after visibilityTimeout, and after maxDequeueCount tries moved to
/// <c>{queue}-poison</c>. While many HTTP requests are in flight, fewer messages are taken at once
/// (<see cref="LocalQueueOptions.BusyConcurrency"/>).
/// </summary>
public sealed partial class QueueListener(
    FunctionDescriptor function,
    HostJson hostJson,
    QueueServiceClient queues,
    IServiceProvider services,
    LocalQueueOptions options,
    HttpActivity http,
    ILogger<QueueListener> logger) : BackgroundService
{
    private readonly CancellationTokenSource _drainCancel = new();

    /// <summary>The poison queue's name for <paramref name="queueName"/>, as the Functions host names it.</summary>
    public static string PoisonQueueName(string queueName) => queueName + "-poison";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = queues.GetQueueClient(function.QueueName);
        var poison = queues.GetQueueClient(PoisonQueueName(function.QueueName!));
        await EnsureQueuesAsync(queue, poison, stoppingToken);
        LogListening(logger, function.Name, function.QueueName!);

        var inFlight = new List<Task>();
        var delay = options.MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            if (inFlight.Count > hostJson.NewBatchThreshold)
            {
                await Task.WhenAny(inFlight);
                continue;
            }
            var take = Take(hostJson.BatchSize, inFlight.Count, http.InFlight, options);
            if (take == 0)
            {
                await Task.WhenAny(inFlight);
                continue;
            }
            QueueMessage[] batch;
            try
            {
                batch = (await queue.ReceiveMessagesAsync(take, options.Lease, stoppingToken)).Value;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            // Any storage fault, including the SDK's "retry failed" aggregate of timeouts when the emulator is swamped: a
            // listener that threw would stop the whole host.
            catch (Exception ex) when (ex is Azure.RequestFailedException or StorageUnavailableException || Storage.StorageFaults.IsUnavailable(ex, stoppingToken))
            {
                LogReceiveFailed(logger, ex, function.QueueName!);
                await Delay(hostJson.MaxPollingInterval, stoppingToken);
                continue;
            }
            if (batch.Length == 0)
            {
                await Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, hostJson.MaxPollingInterval.Ticks));
                continue;
            }
            delay = options.MinPollingInterval;
            foreach (var m in batch)
            {
                inFlight.Add(ProcessAsync(queue, poison, m));
            }
        }

        // Stopping: finish the messages in hand, so a restart does not wait for their lease to expire.
        _drainCancel.CancelAfter(options.DrainTimeout);
        await Task.WhenAll(inFlight);
        LogStopped(logger, function.Name);
    }

    /// <summary>
    /// How many messages to receive now: host.json's batch size, or while <paramref name="httpInFlight"/> requests make the
    /// host busy, only what may run at once under <see cref="LocalQueueOptions.BusyConcurrency"/> beside the
    /// <paramref name="inFlight"/> messages in hand (so no message waits out its lease in hand). 0: wait for one to finish.
    /// </summary>
    internal static int Take(int batchSize, int inFlight, int httpInFlight, LocalQueueOptions options)
    {
        if (options.BusyConcurrency == 0 || httpInFlight < options.BusyHttpRequests)
        {
            return batchSize;
        }
        return Math.Clamp(options.BusyConcurrency - inFlight, 0, batchSize);
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message)
    {
        await Task.Yield();
        try
        {
            if (message.DequeueCount > hostJson.MaxDequeueCount)
            {
                // Already tried too often (an earlier host died mid-message): straight to poison, as the Functions host does.
                await MoveToPoisonAsync(queue, poison, message);
                return;
            }
            try
            {
                await FunctionInvoker.InvokeQueueAsync(function, services, Decode(message), message.DequeueCount, _drainCancel.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_drainCancel.IsCancellationRequested)
            {
                LogFailed(logger, ex, function.Name, message.MessageId, message.DequeueCount);
                if (message.DequeueCount >= hostJson.MaxDequeueCount)
                {
                    await MoveToPoisonAsync(queue, poison, message);
                }
                else
                {
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: hostJson.VisibilityTimeout);
                }
                return;
            }
            await DeleteAsync(queue, message);
        }
        catch (OperationCanceledException) when (_drainCancel.IsCancellationRequested)
        {
            // Left in the queue: it becomes visible again when its lease ends.
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException || Storage.StorageFaults.IsUnavailable(ex, _drainCancel.Token))
        {
            // Could not settle the message: it becomes visible again when its lease ends and is retried.
            LogSettleFailed(logger, ex, message.MessageId);
        }
    }

    private string Decode(QueueMessage message) =>
        string.Equals(hostJson.MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(message.Body.ToString()))
            : message.Body.ToString();

    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message)
    {
        // Copy first, then delete: a crash in between duplicates the message rather than losing it.
        await poison.SendMessageAsync(message.Body);
        await DeleteAsync(queue, message);
        LogPoisoned(logger, message.MessageId, poison.Name, message.DequeueCount);
    }

    private async Task DeleteAsync(QueueClient queue, QueueMessage message)
    {
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: the client retries a delete whose answer timed out, and the first try had deleted it. A message
            // received again by someone else answers 400 (pop receipt mismatch), not 404, so nothing is hidden here.
            LogAlreadyDeleted(logger, message.MessageId);
        }
    }

    private async Task EnsureQueuesAsync(QueueClient queue, QueueClient poison, CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException || Storage.StorageFaults.IsUnavailable(ex, stoppingToken))
            {
                LogReceiveFailed(logger, ex, queue.Name);
                await Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), stoppingToken);
            }
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, token);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _drainCancel.Dispose();
        base.Dispose();
    }

    [LoggerMessage(LogLevel.Information, "Function {Function} listening on queue {Queue}")]
    private static partial void LogListening(ILogger logger, string function, string queue);

    [LoggerMessage(LogLevel.Information, "Function {Function} stopped listening")]
    private static partial void LogStopped(ILogger logger, string function);

    [LoggerMessage(LogLevel.Warning, "Function {Function} failed on message {MessageId} (try {DequeueCount})")]
    private static partial void LogFailed(ILogger logger, Exception ex, string function, string messageId, long dequeueCount);

    [LoggerMessage(LogLevel.Error, "Message {MessageId} moved to {PoisonQueue} after {DequeueCount} tries")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string poisonQueue, long dequeueCount);

    [LoggerMessage(LogLevel.Warning, "Could not read queue {Queue}; retrying")]
    private static partial void LogReceiveFailed(ILogger logger, Exception ex, string queue);

    [LoggerMessage(LogLevel.Debug, "Message {MessageId} was already deleted (a retried delete)")]
    private static partial void LogAlreadyDeleted(ILogger logger, string messageId);

    [LoggerMessage(LogLevel.Warning, "Could not settle message {MessageId}; it returns when its lease ends")]
    private static partial void LogSettleFailed(ILogger logger, Exception ex, string messageId);
}
