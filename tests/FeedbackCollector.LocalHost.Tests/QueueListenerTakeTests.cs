using FeedbackCollector.LocalHost;

namespace FeedbackCollector.LocalHost.Tests;

/// <summary>How many queue messages the local host takes while it answers people (no storage: unit tests).</summary>
public class QueueListenerTakeTests
{
    [Fact]
    public void A_busy_host_takes_two_messages_at_a_time_and_the_full_batch_once_people_are_answered()
    {
        var o = new LocalQueueOptions();
        Assert.Equal(2, o.BusyConcurrency);
        Assert.Equal(16, QueueListener.Take(16, inFlight: 0, httpInFlight: o.BusyHttpRequests - 1, o));
        Assert.Equal(16, QueueListener.Take(16, inFlight: 5, httpInFlight: 0, o));
        Assert.Equal(2, QueueListener.Take(16, inFlight: 0, httpInFlight: o.BusyHttpRequests, o));
        Assert.Equal(1, QueueListener.Take(16, inFlight: 1, httpInFlight: 40, o));
        Assert.Equal(0, QueueListener.Take(16, inFlight: 2, httpInFlight: 40, o));
        // Messages already in hand beyond the limit (taken before the burst) are not added to.
        Assert.Equal(0, QueueListener.Take(16, inFlight: 9, httpInFlight: 40, o));

        var off = new LocalQueueOptions { BusyConcurrency = 0 };
        Assert.Equal(16, QueueListener.Take(16, inFlight: 9, httpInFlight: 40, off));
        var three = new LocalQueueOptions { BusyConcurrency = 3, BusyHttpRequests = 1 };
        Assert.Equal(2, QueueListener.Take(16, inFlight: 1, httpInFlight: 1, three));
        Assert.Equal(2, QueueListener.Take(2, inFlight: 0, httpInFlight: 1, three));
    }
}
