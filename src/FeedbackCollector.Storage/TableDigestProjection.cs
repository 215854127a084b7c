using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>
/// The digest projection in Table storage: one table per quarter and shard (<c>{TablePrefix}digest2026q3s07</c>), 16
/// shards by a stable hash of the response id; partition key = the id's partition, row key = the id; the entry as one
/// JSON column (chunked when long) beside <c>ReceivedUtc</c> for the period filter. Writes are upserts and deletes by
/// key, so they are idempotent and need no ordering. Reading a period queries every shard of each quarter it overlaps
/// in parallel: each query scans one small table, which is what makes the digest fast on Azurite (whose table query
/// filters and sorts the whole table for every page) and keeps it cheap on Azure. A quarter's tables are created on
/// their first write, remembered for the life of the process.
/// </summary>
public sealed class TableDigestProjection : IDigestProjection
{
    /// <summary>Tables per quarter.</summary>
    public const int Shards = 16;

    /// <summary>
    /// Shard queries in flight at once when listing: enough to keep the service busy while pages are parsed here; more
    /// only queue up at Azurite (one thread), where a page waiting behind many others can exceed the request timeout.
    /// </summary>
    public const int ListConcurrency = 4;

    /// <summary>Ends the row key of a withdrawal mark ('~' sorts after every letter and digit of a response id).</summary>
    public const string WithdrawnSuffix = "~";

    private const string WithdrawnColumn = "Withdrawn";

    /// <summary>Most entries one transaction of <see cref="UpsertManyAsync"/> writes: the Table service's limit.</summary>
    public const int MaxBatch = 100;

    private const string EntryColumn = "Entry";
    private const string Received = "ReceivedUtc";

    private readonly TableServiceClient _tables;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _created = new(StringComparer.Ordinal);

    /// <summary>Uses the tables named from <see cref="StorageNamesOptions.TablePrefix"/>.</summary>
    public TableDigestProjection(TableServiceClient tables, IOptions<StorageNamesOptions> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _tables = tables;
        _prefix = names.Value.TablePrefix;
    }

    /// <summary><c>{prefix}digest2026q3s07</c>: the table of shard <paramref name="shard"/> of <paramref name="quarter"/>.</summary>
    public static string TableName(string prefix, Quarter quarter, int shard) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}digest{quarter.Year}q{quarter.Number}s{shard:00}");

    /// <summary>The shard of a (normalised) response id: FNV-1a of its characters, so it never changes between versions.</summary>
    public static int ShardOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var h = 2166136261u;
        foreach (var c in id)
        {
            h = (h ^ c) * 16777619u;
        }
        return (int)(h % Shards);
    }

    /// <inheritdoc />
    public Task UpsertAsync(SurveyResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var entity = ToEntity(response);
        var name = TableOf(entity.RowKey);
        return StorageFaults.RunAsync("write digest projection", async ct =>
        {
            var table = await TableAsync(name, ct).ConfigureAwait(false);
            try
            {
                await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (StorageFaults.IsNotFound(ex))
            {
                // The table was deleted after this process created it: create it again, once.
                _created.TryRemove(name, out _);
                table = await TableAsync(name, ct).ConfigureAwait(false);
                await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Writes the entries of many responses, one transaction per table and partition of up to <see cref="MaxBatch"/>
    /// (rebuilding a period, seeding a benchmark). Returns how many were written.
    /// </summary>
    public async Task<int> UpsertManyAsync(IReadOnlyCollection<SurveyResponse> responses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var batches = responses.Select(ToEntity)
            .GroupBy(e => (Table: TableOf(e.RowKey), e.PartitionKey))
            .SelectMany(g => g.DistinctBy(e => e.RowKey, StringComparer.Ordinal).Chunk(MaxBatch).Select(c => (g.Key.Table, Entities: c)))
            .ToList();
        var written = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (b, ct) =>
        {
            await StorageFaults.RunAsync("write digest projection", async inner =>
            {
                var table = await TableAsync(b.Table, inner).ConfigureAwait(false);
                await table.SubmitTransactionAsync(b.Entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), inner)
                    .ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
            Interlocked.Add(ref written, b.Entities.Length);
        }).ConfigureAwait(false);
        return written;
    }

    /// <summary>
    /// Removes the entry of the response <paramref name="id"/> and leaves a withdrawal mark beside it (row key = the id
    /// and <see cref="WithdrawnSuffix"/>, sorting right after the entry): an analysis that saved just before the withdrawal
    /// may still write the entry afterwards, and <see cref="ListAsync"/> never lists an entry that has a mark. The mark
    /// holds no text. Nothing else when there was no entry; writing the mark again changes nothing.
    /// </summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("delete from digest projection", async ct =>
        {
            if (!ResponseId.TryNormalize(id, out var normal) || !ResponseId.CanEncode(ResponseId.QuarterOf(normal)))
            {
                return;
            }
            var table = await TableAsync(TableOf(normal), ct).ConfigureAwait(false);
            var mark = new TableEntity(ResponseId.PartitionOf(normal), normal + WithdrawnSuffix) { [WithdrawnColumn] = true };
            await table.UpsertEntityAsync(mark, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            await DeleteEntryAsync(table, ResponseId.PartitionOf(normal), normal, ct).ConfigureAwait(false);
        }, cancellationToken);

    private static async Task DeleteEntryAsync(TableClient table, string partition, string id, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, id, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (StorageFaults.IsNotFound(ex))
        {
            // No entry: nothing to delete.
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DigestEntry> ListAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var tables = Quarter.Overlapping(fromUtc, toUtc).Where(ResponseId.CanEncode)
            .SelectMany(q => Enumerable.Range(0, Shards).Select(s => TableName(_prefix, q, s))).ToList();
        if (tables.Count == 0)
        {
            yield break;
        }
        // The Table service accepts dates from 1601 on: an open-ended period is bounded by the quarters it reads anyway.
        var from = fromUtc < Quarter.Epoch.Start ? Quarter.Epoch.Start : fromUtc;
        var to = toUtc > Quarter.FromIndex((32 * 32) - 1).End ? Quarter.FromIndex((32 * 32) - 1).End : toUtc;
        // Withdrawal marks carry no date: they are read with every period of their quarter.
        var filter = TableClient.CreateQueryFilter($"(ReceivedUtc ge {from} and ReceivedUtc lt {to}) or Withdrawn eq {true}");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = System.Threading.Channels.Channel.CreateBounded<DigestEntry>(new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = false });
        var producer = ProduceAsync(tables, filter, channel.Writer, cts.Token);
        await foreach (var entry in ChannelDrain.DrainAsync(channel.Reader, producer, cts, cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    private async Task ProduceAsync(List<string> tables, string filter, ChannelWriter<DigestEntry> writer, CancellationToken cancellationToken)
    {
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = ListConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(tables, options, async (name, ct) =>
            {
                try
                {
                    // Rows come in key order, so a withdrawal mark follows its response's entry: hold each entry back by one row.
                    var table = _tables.GetTableClient(name);
                    TableEntity? held = null;
                    await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct).ConfigureAwait(false))
                    {
                        if (e.RowKey.EndsWith(WithdrawnSuffix, StringComparison.Ordinal))
                        {
                            if (held is not null && held.RowKey.Length + 1 == e.RowKey.Length && e.RowKey.StartsWith(held.RowKey, StringComparison.Ordinal))
                            {
                                // Written by an analysis that raced the withdrawal: never listed, and removed now.
                                await DeleteEntryAsync(table, held.PartitionKey, held.RowKey, ct).ConfigureAwait(false);
                                held = null;
                            }
                            continue;
                        }
                        if (held is not null)
                        {
                            await writer.WriteAsync(ToEntry(held), ct).ConfigureAwait(false);
                        }
                        held = e;
                    }
                    if (held is not null)
                    {
                        await writer.WriteAsync(ToEntry(held), ct).ConfigureAwait(false);
                    }
                }
                catch (RequestFailedException ex) when (StorageFaults.IsNotFound(ex))
                {
                    // No table: nothing of this quarter's shard was ever written.
                }
                catch (Exception ex) when (StorageFaults.IsUnavailable(ex, ct))
                {
                    throw StorageFaults.Unavailable("read digest projection", ex);
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private string TableOf(string id) => TableName(_prefix, ResponseId.QuarterOf(id), ShardOf(id));

    private async Task<TableClient> TableAsync(string name, CancellationToken cancellationToken)
    {
        var table = _tables.GetTableClient(name);
        // One creation per table and process, however many first writes arrive at once; a failed one is tried again by the next write.
        var creating = _created.GetOrAdd(name, _ => new Lazy<Task>(() => table.CreateIfNotExistsAsync(CancellationToken.None)));
        try
        {
            await creating.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (creating.Value.IsFaulted || creating.Value.IsCanceled)
        {
            _created.TryRemove(KeyValuePair.Create(name, creating));
            throw;
        }
        return table;
    }

    private static TableEntity ToEntity(SurveyResponse response)
    {
        if (!ResponseId.TryNormalize(response.Id, out var id) || id != response.Id)
        {
            throw new ArgumentException("The response id must be a normalised response id.", nameof(response));
        }
        var e = new TableEntity(ResponseId.PartitionOf(id), id) { [Received] = response.ReceivedUtc };
        TableColumns.SetChunked(e, EntryColumn, TableColumns.ToJson(DigestEntry.From(response)));
        return e;
    }

    private static DigestEntry ToEntry(TableEntity e) =>
        TableColumns.FromJson<DigestEntry>(TableColumns.GetChunked(e, EntryColumn))
        ?? throw new InvalidDataException($"Digest projection entry {e.RowKey} has no {EntryColumn}.");
}
