using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Core.Concerns;

/// <summary>
/// A possible safeguarding disclosure raised from a response. Its id is the response id, so raising it twice stores it once.
/// Holds no response text while the response exists: the text stays with the response and is shown only to the
/// safeguarding role. When the respondent withdraws the response, the redacted free text is kept here
/// (<see cref="KeptText"/>) so that a disclosure is never lost; everything else of the response is deleted.
/// </summary>
public sealed record ConcernRecord
{
    /// <summary>The response id.</summary>
    public required string Id { get; init; }

    /// <summary>The survey answered.</summary>
    public required string SurveyCode { get; init; }

    /// <summary>Where the response came from, when known.</summary>
    public string? Venue { get; init; }

    /// <summary>The leading category.</summary>
    public required ConcernCategory Category { get; init; }

    /// <summary>When the response was received.</summary>
    public required DateTimeOffset ReceivedUtc { get; init; }

    /// <summary>When the concern was raised.</summary>
    public required DateTimeOffset RaisedUtc { get; init; }

    /// <summary>When the alert was put on the alerts queue; null until then.</summary>
    public DateTimeOffset? AlertQueuedUtc { get; init; }

    /// <summary>When the alert was delivered; null until then.</summary>
    public DateTimeOffset? AlertDeliveredUtc { get; init; }

    /// <summary>Failed delivery attempts so far (the alert is retried with a growing delay, then poisoned).</summary>
    public int AlertAttempts { get; init; }

    /// <summary>When the respondent withdrew the response; null while it exists.</summary>
    public DateTimeOffset? WithdrawnUtc { get; init; }

    /// <summary>The redacted free-text answers (JSON array of <see cref="ConcernText"/>), kept only once the response was withdrawn; null otherwise.</summary>
    public string? KeptText { get; init; }

    /// <summary>Who reviewed it (the staff key's label), when reviewed.</summary>
    public string? ReviewedBy { get; init; }

    /// <summary>When reviewed.</summary>
    public DateTimeOffset? ReviewedUtc { get; init; }

    /// <summary>The reviewer's note.</summary>
    public string? ReviewNote { get; init; }

    /// <summary>Storage concurrency token.</summary>
    public string? ETag { get; init; }
}

/// <summary>Concerns raised from responses.</summary>
public interface IConcernRepository
{
    /// <summary>Stores a new concern; false when one with this id exists.</summary>
    Task<bool> TryAddAsync(ConcernRecord concern, CancellationToken cancellationToken = default);

    /// <summary>The concern with this id, or null.</summary>
    Task<ConcernRecord?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces a concern if its ETag still matches; returns it with the new ETag.</summary>
    /// <exception cref="Storage.ConcurrencyConflictException">It changed since it was read.</exception>
    Task<ConcernRecord> UpdateAsync(ConcernRecord concern, CancellationToken cancellationToken = default);

    /// <summary>Every concern, newest first (open and reviewed).</summary>
    Task<IReadOnlyList<ConcernRecord>> ListAsync(CancellationToken cancellationToken = default);
}
