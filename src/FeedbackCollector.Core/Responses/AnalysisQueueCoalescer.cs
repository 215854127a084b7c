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
/// Queues response ids for analysis with group commit (<see cref="GroupCommit{T}"/>): ids queued while a send is in flight
/// wait and then go together in one message (<see cref="AnalysisMessage"/>), up to
/// <see cref="AnalysisQueueOptions.MaxIdsPerMessage"/>. There is no timer: an id queued when nothing is being sent goes at
/// once, alone. Every storage queue operation costs the same whatever the message holds (and the emulator's cost grows with
/// the messages held), so fewer messages are what lets the queue keep pace. <see cref="EnqueueAsync"/> completes only once
/// the message carrying its id is sent, and fails with the send's fault when that message could not be sent, for every id
/// in it: nothing is acknowledged that was not queued.
/// </summary>
public sealed partial class AnalysisQueueCoalescer
{
    private readonly IQueueSender _queue;
    private readonly string _queueName;
    private readonly ILogger<AnalysisQueueCoalescer> _logger;
    private readonly GroupCommit<string> _messages;

    /// <summary>Sends to the analysis queue named by <paramref name="names"/>, grouped as <paramref name="options"/> say.</summary>
    public AnalysisQueueCoalescer(IQueueSender queue, IOptions<StorageNamesOptions> names, IOptions<AnalysisQueueOptions> options, ILogger<AnalysisQueueCoalescer> logger)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(options);
        (_queue, _queueName, _logger) = (queue, names.Value.AnalysisQueueName, logger);
        _messages = new GroupCommit<string>(SendAsync, options.Value.MaxIdsPerMessage, options.Value.MaxConcurrentSends);
    }

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
        return _messages.AddAsync(id, cancellationToken);
    }

    private async Task SendAsync(IReadOnlyList<string> batch)
    {
        var ids = batch.Distinct(StringComparer.Ordinal).ToList();
        // Not any one submitter's token: the message serves them all, and the storage client bounds its time.
        await _queue.SendAsync(_queueName, AnalysisMessage.Format(ids), CancellationToken.None).ConfigureAwait(false);
        if (ids.Count > 1)
        {
            LogSent(_logger, ids.Count);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Queued {Count} response ids for analysis in one message")]
    private static partial void LogSent(ILogger logger, int count);
}
