using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Core.Notes;

/// <summary>What storing a batch of points or imported answers did.</summary>
/// <param name="Total">Items in the batch.</param>
/// <param name="Stored">Stored by this call.</param>
/// <param name="AlreadyStored">Found already stored by an earlier, unfinished attempt.</param>
/// <param name="Queued">Put on the analysis queue by this call.</param>
/// <param name="Failure">What failed, when storage failed part-way; null when the batch completed.</param>
public sealed record IngestReport(int Total, int Stored, int AlreadyStored, int Queued, string? Failure)
{
    /// <summary>True when every item is stored and queued.</summary>
    public bool Complete => Failure is null;
}

/// <summary>
/// Stores responses whose ids are derived from their source (so a second attempt finds them instead of duplicating
/// them), then queues every stored id for analysis. When storage fails part-way, whatever was stored is still queued,
/// and the report says how far it got: nothing is lost silently, and the same upload again finishes the job.
/// </summary>
internal static class ResponseIngest
{
    /// <summary>A response to store, and the seed its id is derived from.</summary>
    internal sealed record Item(SurveyResponse Response, byte[] Seed);

    public static async Task<IngestReport> StoreAndQueueAsync(
        IReadOnlyList<Item> items, IResponseRepository responses, IQueueSender queue, string queueName, CancellationToken cancellationToken)
    {
        var ids = new List<string>(items.Count);
        int stored = 0, already = 0;
        string? failure = null;
        foreach (var item in items)
        {
            try
            {
                var (id, isNew) = await StoreOneAsync(item, responses, cancellationToken);
                ids.Add(id);
                if (isNew)
                {
                    stored++;
                }
                else
                {
                    already++;
                }
            }
            catch (StorageUnavailableException ex)
            {
                failure = $"Storage failed after {ids.Count} of {items.Count} items were stored: {ex.Message}";
                break;
            }
        }
        var queued = 0;
        foreach (var id in ids)
        {
            try
            {
                await queue.SendAsync(queueName, id, cancellationToken);
                queued++;
            }
            catch (StorageUnavailableException ex)
            {
                failure = (failure is null ? "" : failure + " ") + $"The analysis queue failed after {queued} of {ids.Count} stored items were queued: {ex.Message}";
                break;
            }
        }
        return new IngestReport(items.Count, stored, already, queued, failure);
    }

    private static async Task<(string Id, bool IsNew)> StoreOneAsync(Item item, IResponseRepository responses, CancellationToken cancellationToken)
    {
        var seed = item.Seed;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var candidate = item.Response with { Id = ResponseId.Derive(item.Response.ReceivedUtc, seed) };
            if (await responses.TryAddAsync(candidate, cancellationToken))
            {
                return (candidate.Id, true);
            }
            var existing = await responses.FindAsync(candidate.Id, cancellationToken);
            // The id is derived from the file's hash and the item's position, so a response there with the same channel, survey
            // and position is this item, stored by an earlier attempt (whose session details may have been typed differently).
            if (existing is not null && existing.Channel == candidate.Channel && existing.SurveyCode == candidate.SurveyCode
                && existing.Provenance?.Line == candidate.Provenance?.Line)
            {
                return (candidate.Id, false);
            }
            // A different response holds this id (ids are only 35 bits): derive the next one, the same way every time.
            seed = [.. seed, (byte)(attempt + 1)];
        }
        throw new StorageUnavailableException("Could not find a free response id.");
    }
}
