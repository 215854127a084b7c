using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Core.Storage;

/// <summary>
/// The digest projection: derived data, one <see cref="DigestEntry"/> per response, kept by quarter so the digest of a
/// period reads only what it needs instead of querying the responses table. Written after the responses table whenever
/// something the digest reads changes (analysis saved, themes corrected), and before it when a response is withdrawn (so a failure
/// never leaves a withdrawn response in a digest); every write is idempotent,
/// so a retried step simply writes again. <c>feedback projection</c> rebuilds a period from the responses table.
/// </summary>
public interface IDigestProjection
{
    /// <summary>Writes (or replaces) the entry of <paramref name="response"/>.</summary>
    Task UpsertAsync(SurveyResponse response, CancellationToken cancellationToken = default);

    /// <summary>Writes the entries of many responses (a rebuild); an adapter may group them into fewer requests. Returns how many.</summary>
    async Task<int> UpsertManyAsync(IReadOnlyCollection<SurveyResponse> responses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responses);
        foreach (var r in responses)
        {
            await UpsertAsync(r, cancellationToken).ConfigureAwait(false);
        }
        return responses.Count;
    }

    /// <summary>Removes the entry of the response <paramref name="id"/> (withdrawn); nothing when there is none.</summary>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tidies the storage of the quarters [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) overlaps after many writes (a
    /// rebuild): an adapter that keeps a history of writes drops what later writes replaced. Changes nothing that
    /// <see cref="ListAsync"/> returns; an adapter that keeps no history has nothing to do.
    /// </summary>
    Task CompactAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>The entries of responses received in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), in no particular order.</summary>
    IAsyncEnumerable<DigestEntry> ListAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken = default);
}

/// <summary>
/// Responses stored but not analysed yet. They have no projection entry (the entry is written with the analysis, so a
/// submission costs no extra request), and the digest counts them (totals, closed answers) like the responses table does.
/// </summary>
public interface IPendingResponseSource
{
    /// <summary>Responses received in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) that have no analysis, in no particular order.</summary>
    IAsyncEnumerable<SurveyResponse> ListPendingAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken = default);
}
