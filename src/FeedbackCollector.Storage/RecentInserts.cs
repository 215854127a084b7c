using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Storage;

/// <summary>
/// The responses this instance inserted moments ago, each with the ETag the insert returned, taken once by the analysis
/// that follows, so it need not read back what it has just written. The ETag guards the write that uses it: if the
/// response changed or was deleted since, that write fails (412 or 404) and the store reads it again. Bounded in count
/// and age; an entry not taken in time simply costs the read it would have cost anyway.
/// </summary>
internal sealed class RecentInserts(int capacity, TimeSpan maxAge, TimeProvider time)
{
    private readonly Dictionary<string, (SurveyResponse Response, string ETag, long At)> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();
    private readonly long _maxAgeTicks = (long)(maxAge.TotalSeconds * time.TimestampFrequency);

    /// <summary>Entries held now (for tests).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Remembers <paramref name="response"/>, just inserted at <paramref name="etag"/>.</summary>
    public void Put(SurveyResponse response, string etag)
    {
        var now = time.GetTimestamp();
        lock (_lock)
        {
            while (_order.Count >= capacity && _order.TryDequeue(out var oldest))
            {
                _entries.Remove(oldest);
            }
            if (_entries.TryAdd(response.Id, (response, etag, now)))
            {
                _order.Enqueue(response.Id);
            }
        }
    }

    /// <summary>Takes (and forgets) the response <paramref name="id"/> if it was inserted here within the age limit.</summary>
    public bool TryTake(string id, out SurveyResponse response, out string etag)
    {
        var now = time.GetTimestamp();
        lock (_lock)
        {
            // Ids stay in the order queue after being taken; they drop out of it as newer inserts push them out.
            if (_entries.Remove(id, out var entry) && now - entry.At <= _maxAgeTicks)
            {
                (response, etag) = (entry.Response, entry.ETag);
                return true;
            }
        }
        response = null!;
        etag = null!;
        return false;
    }
}
