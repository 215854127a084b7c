using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Storage;

/// <summary>
/// Responses waiting for analysis, for the digest: a response is stored with <c>Pending = true</c> and its analysis sets
/// it to false in the same write, so finding them costs one query (a partition range and a filter) that
/// returns only the few still waiting, instead of reading the quarter.
/// </summary>
public sealed partial class TableResponseRepository : IPendingResponseSource
{
    /// <summary>The column that is true until the response's analysis is stored.</summary>
    internal const string PendingColumn = "Pending";

    /// <inheritdoc />
    /// <remarks>Responses stored before the column existed are not found here: <c>feedback projection</c> gives them an entry.</remarks>
    public async IAsyncEnumerable<SurveyResponse> ListPendingAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (from, to) = Clamp(fromUtc, toUtc, _time.GetUtcNow());
        var partitions = Quarter.Overlapping(from, to).SelectMany(ResponseId.Partitions).ToList();
        if (partitions.Count > 0)
        {
            var first = partitions.Min(StringComparer.Ordinal)!;
            var last = partitions.Max(StringComparer.Ordinal)!;
            // One query for every quarter of the period (the emulator scans the whole table once per query): the range
            // spans the quarters' partitions, and the dates leave out any other quarter's that fall inside it.
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey ge {first} and PartitionKey le {last} and Pending eq {true} and ReceivedUtc ge {from} and ReceivedUtc lt {to}");
            // Few, so read whole inside the fault translation rather than streamed.
            var waiting = await StorageFaults.RunAsync("list pending responses", async ct =>
            {
                var list = new List<SurveyResponse>();
                await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct).ConfigureAwait(false))
                {
                    list.Add(ToResponse(e));
                }
                return list;
            }, cancellationToken).ConfigureAwait(false);
            foreach (var r in waiting)
            {
                yield return r;
            }
        }
    }
}
