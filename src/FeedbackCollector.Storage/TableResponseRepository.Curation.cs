using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Storage;

/// <summary>
/// Officers' theme corrections, stored on the response's own entity beside the analysis (<c>CorrectionJson</c>, chunked,
/// with a plain <c>Corrected</c> flag to filter on), and the look-up of analyses made with another taxonomy version.
/// </summary>
public sealed partial class TableResponseRepository : IResponseCurationStore
{
    private const string Correction = "CorrectionJson";
    private const string CorrectedFlag = "Corrected";

    /// <inheritdoc />
    public Task<bool> SaveCorrectionAsync(string id, ThemeCorrection? correction, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("save theme correction", async ct =>
        {
            if (!ResponseId.TryNormalize(id, out var normal))
            {
                return false;
            }
            // Read, change, replace with the ETag, as for the analysis: a concurrent re-analysis is kept, not overwritten.
            for (var attempt = 1; ; attempt++)
            {
                var got = await _table.GetEntityIfExistsAsync<TableEntity>(ResponseId.PartitionOf(normal), normal, cancellationToken: ct).ConfigureAwait(false);
                if (!got.HasValue)
                {
                    return false;
                }
                var entity = got.Value!;
                TableColumns.SetChunked(entity, Correction, correction is null ? null : TableColumns.ToJson(correction));
                entity[CorrectedFlag] = correction is not null;
                try
                {
                    await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                    return true;
                }
                catch (RequestFailedException ex) when (StorageFaults.IsNotFound(ex))
                {
                    return false;
                }
                catch (RequestFailedException ex) when (StorageFaults.IsPreconditionFailed(ex))
                {
                    if (attempt == SaveAttempts)
                    {
                        throw new ConcurrencyConflictException($"Response {normal} kept changing while its correction was saved.");
                    }
                }
            }
        }, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<SurveyResponse> ListCorrectedAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken = default) =>
        ScanAsync(fromUtc, toUtc, $"{CorrectedFlag} eq true", null,
            e => e.GetBoolean(CorrectedFlag) == true ? ToResponse(e) : null, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StaleAnalysis> ListStaleAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, string taxonomyVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(taxonomyVersion);
        // Entities not yet analysed have no TaxonomyVersion; they are skipped here whatever the service does with "ne" on a missing property.
        return ScanAsync(fromUtc, toUtc, TableClient.CreateQueryFilter($"TaxonomyVersion ne {taxonomyVersion}"), ["RowKey", "ReceivedUtc", "TaxonomyVersion"],
            e => e.GetString("TaxonomyVersion") is { } v && v != taxonomyVersion && e.GetDateTimeOffset("ReceivedUtc") is { } received
                ? new StaleAnalysis(e.RowKey, received, v)
                : null,
            cancellationToken);
    }

    /// <summary>Queries the partitions of the period in parallel with an extra filter, yielding what <paramref name="map"/> keeps.</summary>
    private async IAsyncEnumerable<T> ScanAsync<T>(DateTimeOffset fromUtc, DateTimeOffset toUtc, string extraFilter, IEnumerable<string>? select,
        Func<TableEntity, T?> map, [EnumeratorCancellation] CancellationToken cancellationToken) where T : class
    {
        var now = _time.GetUtcNow();
        var (from, to) = Clamp(fromUtc, toUtc, now);
        var partitions = PartitionsOf(from, to, now);
        if (partitions.Count == 0)
        {
            yield break;
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = System.Threading.Channels.Channel.CreateBounded<T>(new BoundedChannelOptions(512) { SingleReader = true, SingleWriter = false });
        var producer = Task.Run(async () =>
        {
            try
            {
                var options = new ParallelOptions { MaxDegreeOfParallelism = ListConcurrency, CancellationToken = cts.Token };
                await Parallel.ForEachAsync(partitions, options, async (partition, ct) =>
                {
                    var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and ReceivedUtc ge {from} and ReceivedUtc lt {to}") + " and " + extraFilter;
                    try
                    {
                        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: select, cancellationToken: ct).ConfigureAwait(false))
                        {
                            if (map(e) is { } item)
                            {
                                await channel.Writer.WriteAsync(item, ct).ConfigureAwait(false);
                            }
                        }
                    }
                    catch (Exception ex) when (StorageFaults.IsUnavailable(ex, ct))
                    {
                        throw StorageFaults.Unavailable("scan responses", ex);
                    }
                }).ConfigureAwait(false);
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, CancellationToken.None);
        await foreach (var item in ChannelDrain.DrainAsync(channel.Reader, producer, cts, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
