using System.Collections.Concurrent;
using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Core.Surveys;

/// <summary>
/// Keeps recently read surveys for a few seconds so each submission does not cost a table read. Changes made through
/// this process evict at once; other instances see them within <see cref="Ttl"/>.
/// </summary>
public sealed class SurveyCache(ISurveyRepository surveys, TimeProvider time)
{
    /// <summary>How long a survey is reused.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (Survey? Survey, DateTimeOffset Expires)> _items = new(StringComparer.Ordinal);

    /// <summary>The survey, from cache when fresh.</summary>
    public async Task<Survey?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_items.TryGetValue(code, out var hit) && hit.Expires > now)
        {
            return hit.Survey;
        }
        var survey = await surveys.FindAsync(code, cancellationToken);
        // Unknown codes are cached too, so a flood of bad links does not become a flood of reads; bounded below.
        if (_items.Count > 10_000)
        {
            _items.Clear();
        }
        _items[code] = (survey, now + Ttl);
        return survey;
    }

    /// <summary>Forgets a survey after it changed.</summary>
    public void Evict(string code) => _items.TryRemove(code, out _);
}
