using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Core.Digests;

/// <summary>What a rebuild of the digest projection did.</summary>
/// <param name="Responses">Responses read from the responses table (each given an entry).</param>
/// <param name="Removed">Entries removed because their response is no longer stored (withdrawn).</param>
public sealed record DigestProjectionRebuild(int Responses, int Removed);

/// <summary>
/// Rebuilds the digest projection of a period from the responses table: an entry for every stored response (analysed or
/// not), and no entry for a response that is gone. For data stored before the projection existed, or after a write of
/// it failed for good (a message in the poison queue, a failed withdrawal). Idempotent; safe while the app runs.
/// </summary>
public sealed class DigestProjectionRebuilder(IResponseRepository responses, IDigestProjection projection)
{
    /// <summary>Responses written per call of <see cref="IDigestProjection.UpsertManyAsync"/>.</summary>
    public const int Chunk = 2_000;

    /// <summary>Rebuilds the entries of responses received in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public async Task<DigestProjectionRebuild> RebuildAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken = default)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new List<Responses.SurveyResponse>(Chunk);
        await foreach (var r in responses.ListAsync(new ResponseQuery(fromUtc, toUtc), cancellationToken).ConfigureAwait(false))
        {
            stored.Add(r.Id);
            buffer.Add(r);
            if (buffer.Count == Chunk)
            {
                await projection.UpsertManyAsync(buffer, cancellationToken).ConfigureAwait(false);
                buffer.Clear();
            }
        }
        if (buffer.Count > 0)
        {
            await projection.UpsertManyAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        var orphans = new List<string>();
        await foreach (var e in projection.ListAsync(fromUtc, toUtc, cancellationToken).ConfigureAwait(false))
        {
            if (!stored.Contains(e.Id))
            {
                orphans.Add(e.Id);
            }
        }
        foreach (var id in orphans)
        {
            await projection.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        }
        // The rewritten entries replace the ones before them: let the store drop what they replaced.
        await projection.CompactAsync(fromUtc, toUtc, cancellationToken).ConfigureAwait(false);
        return new DigestProjectionRebuild(stored.Count, orphans.Count);
    }
}
