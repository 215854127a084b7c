using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace FeedbackCollector.Core.Tests;

/// <summary>
/// Group commit of analysis-queue messages. Each send the fake queue receives stays in flight until the test completes
/// it, so what waits and what shares a message is seen step by step. A send started by <c>EnqueueAsync</c> on an idle
/// coalescer starts before it returns; one started after a send completes may start a moment later (on the pool).
/// </summary>
public sealed class AnalysisQueueCoalescerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Mock<IQueueSender> _queue = new(MockBehavior.Strict);
    private readonly List<Send> _sends = [];

    public AnalysisQueueCoalescerTests()
    {
        _queue.Setup(q => q.SendAsync("analysis", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string _, string message, CancellationToken _) =>
            {
                var send = new Send(message, new TaskCompletionSource());
                lock (_sends)
                {
                    _sends.Add(send);
                }
                return send.Done.Task;
            });
    }

    private sealed record Send(string Message, TaskCompletionSource Done)
    {
        public IReadOnlyList<string> Ids => AnalysisMessage.Parse(Message);
    }

    /// <summary>The send number <paramref name="index"/> (from 0), waiting for it to start.</summary>
    private async Task<Send> SentAsync(int index)
    {
        var until = DateTime.UtcNow + Timeout;
        while (true)
        {
            lock (_sends)
            {
                if (_sends.Count > index)
                {
                    return _sends[index];
                }
            }
            Assert.True(DateTime.UtcNow < until, $"Send {index} did not start.");
            await Task.Delay(1);
        }
    }

    private AnalysisQueueCoalescer Coalescer(int maxIds = 32, int maxSends = 4) => new(_queue.Object, Options.Create(new StorageNamesOptions()),
        Options.Create(new AnalysisQueueOptions { MaxIdsPerMessage = maxIds, MaxConcurrentSends = maxSends }), NullLogger<AnalysisQueueCoalescer>.Instance);

    private static string[] Ids(int n)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < n)
        {
            ids.Add(ResponseId.New(DateTimeOffset.UtcNow));
        }
        return [.. ids];
    }

    [Fact]
    public async Task A_lone_id_is_sent_at_once_alone_as_the_bare_id_and_acknowledged_only_once_sent()
    {
        var coalescer = Coalescer();
        var id = Ids(1)[0];

        var queued = coalescer.EnqueueAsync(id);

        // No timer: the send started before EnqueueAsync returned.
        var send = Assert.Single(_sends);
        Assert.Equal(id, send.Message);
        Assert.False(queued.IsCompleted);
        send.Done.SetResult();
        await queued.WaitAsync(Timeout);

        // Idle again: the next lone id goes at once too.
        var nextId = Ids(1)[0];
        var next = coalescer.EnqueueAsync(nextId);
        Assert.Equal(nextId, (await SentAsync(1)).Message);
        (await SentAsync(1)).Done.SetResult();
        await next.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Ids_queued_while_a_send_is_in_flight_share_the_next_message_and_wait_for_it()
    {
        var coalescer = Coalescer();
        var ids = Ids(11);
        var first = coalescer.EnqueueAsync(ids[0]);
        var rest = ids[1..].Select(id => coalescer.EnqueueAsync(id)).ToArray();

        Assert.Single(_sends);
        Assert.All(rest, t => Assert.False(t.IsCompleted));
        _sends[0].Done.SetResult();
        await first.WaitAsync(Timeout);

        Assert.Equal(2, _sends.Count);
        Assert.StartsWith("{\"ids\":[", (await SentAsync(1)).Message, StringComparison.Ordinal);
        Assert.Equal(ids[1..], (await SentAsync(1)).Ids);
        // Acknowledged only once the message carrying them is sent.
        Assert.All(rest, t => Assert.False(t.IsCompleted));
        (await SentAsync(1)).Done.SetResult();
        await Task.WhenAll(rest).WaitAsync(Timeout);
        Assert.Equal(2, _sends.Count);
    }

    [Fact]
    public async Task A_message_carries_at_most_max_ids_in_arrival_order_and_each_id_waits_for_its_own_message()
    {
        var coalescer = Coalescer(maxIds: 4, maxSends: 1);
        var ids = Ids(11);
        var tasks = ids.Select(id => coalescer.EnqueueAsync(id)).ToArray();
        // One send at most: ten ids wait although full messages could be made of them.
        Assert.Single(_sends);

        _sends[0].Done.SetResult();
        Assert.Equal(ids[1..5], (await SentAsync(1)).Ids);
        Assert.All(tasks[1..], t => Assert.False(t.IsCompleted));

        (await SentAsync(1)).Done.SetResult();
        Assert.Equal(ids[5..9], (await SentAsync(2)).Ids);
        await Task.WhenAll(tasks[..5]).WaitAsync(Timeout);
        Assert.All(tasks[5..], t => Assert.False(t.IsCompleted));

        (await SentAsync(2)).Done.SetResult();
        Assert.Equal(ids[9..], (await SentAsync(3)).Ids);
        Assert.All(tasks[9..], t => Assert.False(t.IsCompleted));

        (await SentAsync(3)).Done.SetResult();
        await Task.WhenAll(tasks).WaitAsync(Timeout);
        Assert.Equal(4, _sends.Count);
        Assert.Equal(ids, _sends.SelectMany(s => s.Ids));
    }

    [Fact]
    public async Task A_second_send_starts_only_while_a_full_message_waits()
    {
        var coalescer = Coalescer(maxIds: 2, maxSends: 2);
        var ids = Ids(5);
        var a = coalescer.EnqueueAsync(ids[0]);
        var b = coalescer.EnqueueAsync(ids[1]);
        Assert.Single(_sends);
        var c = coalescer.EnqueueAsync(ids[2]);
        // Two wait: a full message, so a second send starts now instead of after the first.
        Assert.Equal(2, _sends.Count);
        Assert.Equal(ids[1..3], (await SentAsync(1)).Ids);
        var d = coalescer.EnqueueAsync(ids[3]);
        var e = coalescer.EnqueueAsync(ids[4]);
        // Both senders busy: these two wait.
        Assert.Equal(2, _sends.Count);

        (await SentAsync(1)).Done.SetResult();
        await Task.WhenAll(b, c).WaitAsync(Timeout);
        Assert.Equal(ids[3..], (await SentAsync(2)).Ids);
        Assert.False(a.IsCompleted);
        _sends[0].Done.SetResult();
        (await SentAsync(2)).Done.SetResult();
        await Task.WhenAll(a, d, e).WaitAsync(Timeout);
        Assert.Equal(3, _sends.Count);
    }

    [Fact]
    public async Task A_failed_send_fails_every_id_in_its_message_and_no_other()
    {
        var coalescer = Coalescer();
        var ids = Ids(5);
        var first = coalescer.EnqueueAsync(ids[0]);
        var batch = ids[1..4].Select(id => coalescer.EnqueueAsync(id)).ToArray();

        _sends[0].Done.SetResult();
        var fault = new StorageUnavailableException("queue down");
        (await SentAsync(1)).Done.SetException(fault);

        await first.WaitAsync(Timeout);
        foreach (var t in batch)
        {
            Assert.Same(fault, await Assert.ThrowsAsync<StorageUnavailableException>(() => t.WaitAsync(Timeout)));
        }
        // The coalescer goes on: the next id is sent at once.
        var after = coalescer.EnqueueAsync(ids[4]);
        Assert.Equal(ids[4], (await SentAsync(2)).Message);
        (await SentAsync(2)).Done.SetResult();
        await after.WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_send_that_throws_at_once_fails_its_ids()
    {
        var queue = new Mock<IQueueSender>();
        queue.Setup(q => q.SendAsync("analysis", It.IsAny<string>(), It.IsAny<CancellationToken>())).Throws(new StorageUnavailableException("no queue"));
        var coalescer = new AnalysisQueueCoalescer(queue.Object, Options.Create(new StorageNamesOptions()), Options.Create(new AnalysisQueueOptions()),
            NullLogger<AnalysisQueueCoalescer>.Instance);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => coalescer.EnqueueAsync(Ids(1)[0]).WaitAsync(Timeout));
    }

    [Fact]
    public async Task An_id_cancelled_while_it_waits_is_not_sent()
    {
        var coalescer = Coalescer();
        var ids = Ids(3);
        var first = coalescer.EnqueueAsync(ids[0]);
        using var cancel = new CancellationTokenSource();
        var cancelled = coalescer.EnqueueAsync(ids[1], cancel.Token);
        var kept = coalescer.EnqueueAsync(ids[2]);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Timeout));
        _sends[0].Done.SetResult();
        Assert.Equal(ids[2], (await SentAsync(1)).Message);
        (await SentAsync(1)).Done.SetResult();
        await Task.WhenAll(first, kept).WaitAsync(Timeout);
        Assert.Equal(2, _sends.Count);
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Empty(new AnalysisQueueOptions().Validate());
        Assert.Single(new AnalysisQueueOptions { MaxIdsPerMessage = 0 }.Validate());
        Assert.Single(new AnalysisQueueOptions { MaxIdsPerMessage = 257 }.Validate());
        Assert.Single(new AnalysisQueueOptions { MaxConcurrentSends = 0 }.Validate());
    }
}
