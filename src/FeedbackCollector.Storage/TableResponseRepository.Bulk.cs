using Azure;
using Azure.Data.Tables;
using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Storage;

/// <summary>
/// Storing many new responses at once: one entity-group transaction per partition instead of a request per response.
/// Used to seed large data sets (the digest benchmark's quarter of 100,000 responses) in minutes rather than an hour.
/// </summary>
public sealed partial class TableResponseRepository
{
    /// <summary>Most responses one <see cref="TryAddBatchAsync"/> stores: the Table service's limit for one transaction.</summary>
    public const int MaxBatch = 100;

    /// <summary>
    /// Stores up to <see cref="MaxBatch"/> new responses of one partition (<see cref="ResponseId.PartitionOf"/>) in one
    /// transaction: all of them, or none when any id is already taken (false).
    /// </summary>
    /// <exception cref="ArgumentException">Empty, too many, an id that is not normalised, or ids of more than one partition.</exception>
    public Task<bool> TryAddBatchAsync(IReadOnlyList<SurveyResponse> responses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responses);
        if (responses.Count is 0 or > MaxBatch)
        {
            throw new ArgumentException($"A batch holds 1 to {MaxBatch} responses.", nameof(responses));
        }
        string? partition = null;
        foreach (var r in responses)
        {
            if (!ResponseId.TryNormalize(r.Id, out var id) || id != r.Id)
            {
                throw new ArgumentException("Every response id must be a normalised response id.", nameof(responses));
            }
            var p = ResponseId.PartitionOf(id);
            if (partition is not null && p != partition)
            {
                throw new ArgumentException("The responses of one batch must share a partition.", nameof(responses));
            }
            partition = p;
        }
        return StorageFaults.RunAsync("add responses", async ct =>
        {
            var actions = new List<TableTransactionAction>(responses.Count);
            foreach (var r in responses)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(r)));
            }
            try
            {
                await _table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (StorageFaults.IsConflict(ex))
            {
                return false;
            }
        }, cancellationToken);
    }
}
