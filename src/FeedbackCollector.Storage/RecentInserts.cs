using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Storage;

/// <summary>
/// The responses this instance inserted moments ago, each with the ETag the insert returned, taken once by the analysis
/// that follows, so it need not read back what it has just written. The ETag guards the write that uses it: if the
/// response changed or was deleted since, that write fails (412 or 404) and the store reads it again. Bounded in count
/// in count, in the characters of free text held, and in age; an entry not taken in time simply costs the read it would
/// have cost anyway.
/// </summary>
internal sealed class RecentInserts(int capacity, long maxChars, TimeSpan maxAge, TimeProvider time)
{
    private readonly Dictionary<string, (SurveyResponse Response, string ETag, long At, long Chars)> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();
    private readonly long _maxAgeTicks = (long)(maxAge.TotalSeconds * time.TimestampFrequency);
    // Characters of free text held by the entries. Guarded by _lock.
    private long _chars;

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
        // The answers' own size is bounded by the survey; free text is what can be long.
        var chars = 256L;
        foreach (var f in response.FreeText)
        {
            chars += f.Text.Length;
        }
        if (chars > maxChars)
        {
            return;
        }
        lock (_lock)
        {
            while ((_order.Count >= capacity || _chars + chars > maxChars) && _order.TryDequeue(out var oldest))
            {
                if (_entries.Remove(oldest, out var gone))
                {
                    _chars -= gone.Chars;
                }
            }
            if (_entries.TryAdd(response.Id, (response, etag, now, chars)))
            {
                _order.Enqueue(response.Id);
                _chars += chars;
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
            if (_entries.Remove(id, out var entry))
            {
                _chars -= entry.Chars;
                if (now - entry.At <= _maxAgeTicks)
                {
                    (response, etag) = (entry.Response, entry.ETag);
                    return true;
                }
            }
        }
        response = null!;
        etag = null!;
        return false;
    }
}
