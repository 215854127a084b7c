namespace FeedbackCollector.Core.Notes;

/// <summary>Where an upload stands.</summary>
public enum UploadStatus
{
    /// <summary>Claimed; its points are being stored. An upload of the same file resumes it.</summary>
    InProgress,
    /// <summary>Every point stored and queued.</summary>
    Completed,
}

/// <summary>
/// One uploaded file (session notes or an import), keyed by the SHA-256 of its bytes so that the same file uploaded
/// twice is counted once. Holds no text of the file.
/// </summary>
public sealed record UploadRecord
{
    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public required string Hash { get; init; }

    /// <summary><c>notes</c> or <c>import</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The forum's name, or the imported file's name.</summary>
    public required string Source { get; init; }

    /// <summary>The session date (<c>yyyy-MM-dd</c>), or the import batch.</summary>
    public required string Session { get; init; }

    /// <summary>How many points (or answers) the file holds.</summary>
    public required int Points { get; init; }

    /// <summary>In progress or completed.</summary>
    public UploadStatus Status { get; init; } = UploadStatus.InProgress;

    /// <summary>When first claimed.</summary>
    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>When completed.</summary>
    public DateTimeOffset? CompletedUtc { get; init; }

    /// <summary>Who uploaded it (the staff key's label, or the CLI user).</summary>
    public string? UploadedBy { get; init; }

    /// <summary>Storage concurrency token.</summary>
    public string? ETag { get; init; }
}

/// <summary>The record of uploaded files, by content hash.</summary>
public interface IUploadLedger
{
    /// <summary>Claims a new upload; false when a record with this hash exists.</summary>
    Task<bool> TryAddAsync(UploadRecord record, CancellationToken cancellationToken = default);

    /// <summary>The record with this hash, or null.</summary>
    Task<UploadRecord?> FindAsync(string hash, CancellationToken cancellationToken = default);

    /// <summary>Replaces a record if its ETag still matches; returns it with the new ETag.</summary>
    /// <exception cref="Storage.ConcurrencyConflictException">It changed since it was read.</exception>
    Task<UploadRecord> UpdateAsync(UploadRecord record, CancellationToken cancellationToken = default);
}
