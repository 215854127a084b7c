using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Surveys;

namespace FeedbackCollector.Core.Storage;

/// <summary>Storage could not be reached or answered with a fault. Maps to 503 with Retry-After; nothing was acknowledged.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Someone else changed the item since it was read (optimistic concurrency). Maps to 409.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>Survey definitions.</summary>
public interface ISurveyRepository
{
    /// <summary>The survey with this code, or null.</summary>
    Task<Survey?> FindAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Every survey, by code.</summary>
    Task<IReadOnlyList<Survey>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a survey; false when its code is taken. Returns the stored survey with its ETag.</summary>
    Task<Survey?> TryAddAsync(Survey survey, CancellationToken cancellationToken = default);

    /// <summary>Replaces a survey if its <see cref="Survey.ETag"/> still matches; returns it with the new ETag.</summary>
    /// <exception cref="ConcurrencyConflictException">It changed since it was read, or was deleted.</exception>
    Task<Survey> UpdateAsync(Survey survey, CancellationToken cancellationToken = default);
}

/// <summary>Which responses to read.</summary>
/// <param name="FromUtc">Received at or after.</param>
/// <param name="ToUtc">Received before.</param>
/// <param name="SurveyCode">Only this survey, when set.</param>
public sealed record ResponseQuery(DateTimeOffset FromUtc, DateTimeOffset ToUtc, string? SurveyCode = null);

/// <summary>A response with the store's opaque version of it (an ETag and what the store needs to write it back), or no version.</summary>
/// <param name="Response">The response.</param>
/// <param name="Version">The version it was read at; null when the store keeps none.</param>
public sealed record VersionedResponse(SurveyResponse Response, string? Version);

/// <summary>Responses and their analyses.</summary>
public interface IResponseRepository
{
    /// <summary>Stores a new response; false when the id is already taken (the caller makes a new id).</summary>
    Task<bool> TryAddAsync(SurveyResponse response, CancellationToken cancellationToken = default);

    /// <summary>The response with this (normalised) id, or null.</summary>
    Task<SurveyResponse?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Stores the analysis of a response. False when the response no longer exists (withdrawn).</summary>
    Task<bool> SaveAnalysisAsync(string id, ResponseAnalysis analysis, CancellationToken cancellationToken = default);

    /// <summary>
    /// The response with this id and the version it was read at (for <see cref="SaveAnalysisAsync(string, ResponseAnalysis, string?, CancellationToken)"/>),
    /// or null. A store without versions answers with <see cref="FindAsync"/> and no version. A store may answer from what
    /// it wrote itself moments ago, at the version it wrote: the save at that version fails if the response changed since.
    /// </summary>
    async Task<VersionedResponse?> FindVersionedAsync(string id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken).ConfigureAwait(false) is { } response ? new VersionedResponse(response, null) : null;

    /// <summary>
    /// Stores the analysis of a response read at <paramref name="readVersion"/>: when the response is still at that
    /// version the store may save it with one write and no second read; when it changed or the version is null, as
    /// <see cref="SaveAnalysisAsync(string, ResponseAnalysis, CancellationToken)"/>. Only the analysis changes: never an
    /// officer's correction, and a withdrawn response is not brought back. False when the response no longer exists.
    /// </summary>
    Task<bool> SaveAnalysisAsync(string id, ResponseAnalysis analysis, string? readVersion, CancellationToken cancellationToken = default) =>
        SaveAnalysisAsync(id, analysis, cancellationToken);

    /// <summary>Responses received in the period, in no particular order.</summary>
    IAsyncEnumerable<SurveyResponse> ListAsync(ResponseQuery query, CancellationToken cancellationToken = default);

    /// <summary>Deletes a response; false when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}

/// <summary>Sends messages to a storage queue. Messages carry ids, never text.</summary>
public interface IQueueSender
{
    /// <summary>Sends <paramref name="message"/> to the queue named <paramref name="queueName"/>.</summary>
    Task SendAsync(string queueName, string message, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="message"/>, invisible to receivers for <paramref name="visibilityDelay"/> (at most 7 days).</summary>
    Task SendAsync(string queueName, string message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default);
}

/// <summary>A message in a poison queue.</summary>
public sealed record PoisonMessage(string MessageId, string Body, DateTimeOffset? InsertedUtc, long DequeueCount);

/// <summary>Looks at and requeues messages that failed too often.</summary>
public interface IPoisonQueueAdmin
{
    /// <summary>Peeks at up to <paramref name="max"/> messages of <c>{queueName}-poison</c> without taking them.</summary>
    Task<IReadOnlyList<PoisonMessage>> PeekAsync(string queueName, int max, CancellationToken cancellationToken = default);

    /// <summary>Moves up to <paramref name="max"/> poison messages back to <paramref name="queueName"/>; returns how many moved.</summary>
    Task<int> RequeueAsync(string queueName, int max, CancellationToken cancellationToken = default);
}

/// <summary>A stored file (a digest in some format).</summary>
public sealed record ArchivedFile(string Path, string ContentType, long Length, DateTimeOffset? LastModifiedUtc);

/// <summary>Digests written to Blob storage by period.</summary>
public interface IDigestArchive
{
    /// <summary>Writes (or overwrites) the file at <paramref name="path"/>.</summary>
    Task SaveAsync(string path, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Files whose path starts with <paramref name="prefix"/>.</summary>
    Task<IReadOnlyList<ArchivedFile>> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>The file's bytes, or null when there is none.</summary>
    Task<(ArchivedFile File, byte[] Content)?> ReadAsync(string path, CancellationToken cancellationToken = default);
}

/// <summary>Staff role keys, stored as salted hashes.</summary>
public interface IRoleKeyRepository
{
    /// <summary>Stores a new key record; false when the key id is taken.</summary>
    Task<bool> TryAddAsync(RoleKeyRecord record, CancellationToken cancellationToken = default);

    /// <summary>The record with this key id, or null.</summary>
    Task<RoleKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Every key record.</summary>
    Task<IReadOnlyList<RoleKeyRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks a key revoked; false when there is no such key.</summary>
    Task<bool> RevokeAsync(string keyId, DateTimeOffset revokedUtc, CancellationToken cancellationToken = default);
}

/// <summary>Answers whether storage is reachable.</summary>
public interface IStorageHealth
{
    /// <summary>Null when tables, queues and blobs all answer; otherwise which did not.</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken = default);
}
