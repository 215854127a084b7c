using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>
/// The digest projection as append-blob logs: per quarter and shard (16, by a stable hash of the response id) a folder
/// <c>2026q1/s07/</c> of the container <see cref="StorageNamesOptions.DigestProjectionContainer"/>, holding numbered logs
/// (<c>000001.log</c>, JSON lines, see <see cref="DigestLog"/>) and at most one current compacted log
/// (<c>000004-000003.compact</c>: generation, last log folded in). Every write is one append of one record: the entry of a
/// response, or its withdrawal. The last entry written for a response wins; a withdrawal is sticky, so an entry an analysis
/// writes after the withdrawal is never listed. Reading a period downloads each shard's blobs (a few large streams, where
/// a table query made the emulator filter and serialise every entity and the client parse it) and folds the records.
/// </summary>
/// <remarks>
/// <para>Order: appends to one blob are ordered by the service. A writer leaves a log only when it cannot take another
/// append (sealed by a compaction, 50,000 blocks, deleted), and then opens the newest log or creates the next number, so
/// every record in a higher-numbered log was written after every record of a lower one.</para>
/// <para>Compaction (after a withdrawal, when a log reaches <see cref="CompactAtBlocks"/> blocks, when a read finds the text
/// of a withdrawn response, and by <see cref="CompactAsync"/>)
/// runs under a lease on the shard's <c>lock</c> blob: it seals the logs not yet folded, folds them into a new compacted log
/// whose header names every blob it replaces with its ETag, then deletes those. Readers skip exactly the blobs a header
/// names, so a log created again under an old name (another ETag) is still read. Withdrawn responses keep only their
/// withdrawal record (no text).</para>
/// <para>Blob operations only (append, seal, lease, list, read, write, delete): identity-based connections with the Blob
/// data roles work, no SAS needed; the container is created on first use.</para>
/// </remarks>
public sealed class BlobDigestProjection : IDigestProjection
{
    /// <summary>Shards per quarter.</summary>
    public const int Shards = 16;

    /// <summary>Shards read at once when listing: each is a couple of downloads, parsed here while others download.</summary>
    public const int ListConcurrency = 8;

    /// <summary>The most entries one grouped append of <see cref="UpsertAsync"/> carries.</summary>
    public const int GroupRecords = 256;

    /// <summary>Bytes of records <see cref="UpsertManyAsync"/> puts in one append (the service takes 4 MiB a block on every version).</summary>
    public const int BulkBlockBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Blocks in a log at which the write that reaches them compacts the shard. Reading a log costs per block (the emulator
    /// streams each block separately: 6,000 one-entry blocks took ten times as long to download as the same bytes in one),
    /// so a shard is at most one compacted blob and a log of this many blocks.
    /// </summary>
    public const int CompactAtBlocks = 1_000;

    /// <summary>Blocks at which a write compacts its shard: <see cref="CompactAtBlocks"/>, fewer in tests.</summary>
    internal int CompactAt { get; init; } = CompactAtBlocks;

    /// <summary>How long a compaction waits for another one of the same shard to finish before leaving it to that one.</summary>
    public static readonly TimeSpan CompactionWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private const string LogSuffix = ".log";
    private const string CompactedSuffix = ".compact";
    private const string LockName = "lock";

    private readonly BlobContainerClient _container;
    // The log each shard's writes go to, per process: a write lists the shard only when its log cannot take it.
    private readonly ConcurrentDictionary<string, string> _current = new(StringComparer.Ordinal);
    // Per shard, the group commit of single entries (a handful of quarters' shards per process, so never pruned).
    private readonly ConcurrentDictionary<string, GroupCommit<byte[]>> _writers = new(StringComparer.Ordinal);

    /// <summary>Uses the container named by <see cref="StorageNamesOptions.DigestProjectionContainer"/>.</summary>
    public BlobDigestProjection(BlobServiceClient blobs, IOptions<StorageNamesOptions> names)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(names);
        _container = blobs.GetBlobContainerClient(names.Value.DigestProjectionContainer);
    }

    /// <summary><c>2026q1/s07/</c>: the folder of shard <paramref name="shard"/> of <paramref name="quarter"/>.</summary>
    public static string ShardFolder(Quarter quarter, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{quarter.Year}q{quarter.Number}/s{shard:00}/");

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

    /// <summary>The folder holding the records of response <paramref name="id"/> (normalised).</summary>
    public static string FolderOf(string id) => ShardFolder(ResponseId.QuarterOf(id), ShardOf(id));

    /// <summary>
    /// Writes the entry of <paramref name="response"/>. Entries written to one shard while an append to it is in flight go
    /// together in the next append (group commit, <see cref="GroupCommit{T}"/>): one request for what the analyses of a
    /// busy moment wrote, where each append costs the service the same whatever it carries. Completes once the append
    /// carrying this entry succeeded.
    /// </summary>
    public Task UpsertAsync(SurveyResponse response, CancellationToken cancellationToken = default)
    {
        var id = CheckId(response);
        var record = DigestLog.Upsert(DigestEntry.From(response));
        var folder = FolderOf(id);
        var writer = _writers.GetOrAdd(folder, f => new GroupCommit<byte[]>(
            records => StorageFaults.RunAsync("write digest projection", ct => AppendGroupAsync(f, records, ct), CancellationToken.None),
            GroupRecords, size: static r => r.Length, maxSize: BulkBlockBytes));
        return writer.AddAsync(record, cancellationToken);
    }

    private async Task AppendGroupAsync(string folder, IReadOnlyList<byte[]> records, CancellationToken cancellationToken)
    {
        // The group commit bounds a group by BulkBlockBytes, so this is one append.
        foreach (var block in Blocks(records))
        {
            if (await AppendAsync(folder, block, cancellationToken).ConfigureAwait(false) >= CompactAt)
            {
                // Not waiting: if another compaction of the shard runs, it seals this log anyway.
                await CompactShardAsync(folder, cancellationToken, wait: false).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Writes the entries of many responses (rebuilding a period, seeding a benchmark): per shard, the records in appends of
    /// up to <see cref="BulkBlockBytes"/>, shards in parallel. Returns how many were written.
    /// </summary>
    public async Task<int> UpsertManyAsync(IReadOnlyCollection<SurveyResponse> responses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var byFolder = new Dictionary<string, List<byte[]>>(StringComparer.Ordinal);
        foreach (var r in responses)
        {
            var id = CheckId(r);
            var folder = FolderOf(id);
            if (!byFolder.TryGetValue(folder, out var list))
            {
                byFolder[folder] = list = [];
            }
            list.Add(DigestLog.Upsert(DigestEntry.From(r)));
        }
        await Parallel.ForEachAsync(byFolder, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (pair, ct) =>
        {
            foreach (var block in Blocks(pair.Value))
            {
                await StorageFaults.RunAsync("write digest projection", inner => AppendAsync(pair.Key, block, inner), ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return responses.Count;
    }

    /// <summary>Records joined into blocks of at most <see cref="BulkBlockBytes"/> (a longer record is a block of its own).</summary>
    private static IEnumerable<byte[]> Blocks(IReadOnlyList<byte[]> records)
    {
        if (records.Count == 1)
        {
            // The common lone entry: no copy.
            yield return records[0];
            yield break;
        }
        using var block = new MemoryStream();
        foreach (var rec in records)
        {
            if (block.Length > 0 && block.Length + rec.Length > BulkBlockBytes)
            {
                yield return block.ToArray();
                block.SetLength(0);
            }
            block.Write(rec);
        }
        if (block.Length > 0)
        {
            yield return block.ToArray();
        }
    }

    /// <summary>
    /// Writes the withdrawal of response <paramref name="id"/> (sticky: no entry written before or after it is listed again),
    /// then compacts its shard so the entry's text is gone from storage. Nothing for an id that is not a response id.
    /// </summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("delete from digest projection", async ct =>
        {
            if (!ResponseId.TryNormalize(id, out var normal) || !ResponseId.CanEncode(ResponseId.QuarterOf(normal)))
            {
                return;
            }
            var folder = FolderOf(normal);
            await AppendAsync(folder, DigestLog.Withdrawal(normal), ct).ConfigureAwait(false);
            await CompactShardAsync(folder, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Compacts every shard of the quarters [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) overlaps: one log each, superseded and withdrawn text dropped.</summary>
    public Task CompactAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("compact digest projection", ct =>
            Parallel.ForEachAsync(Folders(fromUtc, toUtc), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
                async (folder, inner) => await CompactShardAsync(folder, inner).ConfigureAwait(false)), cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<DigestEntry> ListAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folders = Folders(fromUtc, toUtc);
        if (folders.Count == 0)
        {
            yield break;
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = System.Threading.Channels.Channel.CreateBounded<DigestEntry>(new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = false });
        var producer = ProduceAsync(folders, fromUtc, toUtc, channel.Writer, cts.Token);
        await foreach (var entry in ChannelDrain.DrainAsync(channel.Reader, producer, cts, cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    private static List<string> Folders(DateTimeOffset fromUtc, DateTimeOffset toUtc) =>
        Quarter.Overlapping(fromUtc, toUtc).Where(ResponseId.CanEncode)
            .SelectMany(q => Enumerable.Range(0, Shards).Select(s => ShardFolder(q, s))).ToList();

    private async Task ProduceAsync(List<string> folders, DateTimeOffset fromUtc, DateTimeOffset toUtc, ChannelWriter<DigestEntry> writer, CancellationToken cancellationToken)
    {
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = ListConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(folders, options, async (folder, ct) =>
            {
                try
                {
                    var state = await ReadShardAsync(folder, ct).ConfigureAwait(false);
                    if (state.WithdrawnText > 0)
                    {
                        // An entry an analysis wrote after the withdrawal, or one a failed compaction left: never listed, and removed now.
                        await CompactShardAsync(folder, ct).ConfigureAwait(false);
                    }
                    foreach (var (id, json) in state.Live())
                    {
                        var entry = JsonSerializer.Deserialize<DigestEntry>(json.Span, FeedbackJson.Options)
                                    ?? throw new InvalidDataException($"Digest projection entry {id} is empty.");
                        if (entry.ReceivedUtc >= fromUtc && entry.ReceivedUtc < toUtc)
                        {
                            await writer.WriteAsync(entry, ct).ConfigureAwait(false);
                        }
                    }
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

    /// <summary>The folded state of a shard: its current compacted log, then every log that compacted log does not replace, in order.</summary>
    internal async Task<DigestLogState> ReadShardAsync(string folder, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var listing = await ListShardAsync(folder, cancellationToken).ConfigureAwait(false);
            try
            {
                var state = new DigestLogState();
                var covers = new HashSet<LogBlobVersion>();
                if (listing.Compacted is { } c)
                {
                    var content = await DownloadAsync(c.Version.Name, cancellationToken).ConfigureAwait(false);
                    covers.UnionWith(DigestLog.Covers(content.Span));
                    state.Add(content);
                }
                foreach (var log in listing.Logs)
                {
                    if (!covers.Contains(log.Version))
                    {
                        state.Add(await DownloadAsync(log.Version.Name, cancellationToken).ConfigureAwait(false));
                    }
                }
                return state;
            }
            catch (RequestFailedException ex) when (StorageFaults.IsNotFound(ex) && attempt < 5)
            {
                // A compaction replaced a blob between the listing and its download: list again.
            }
        }
    }

    private async Task<ReadOnlyMemory<byte>> DownloadAsync(string name, CancellationToken cancellationToken) =>
        (await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToMemory();

    /// <summary>
    /// Appends <paramref name="block"/> (whole records) to the shard's current log, moving to a newer log when it is closed.
    /// Returns the log's block count after the append.
    /// </summary>
    private async Task<int> AppendAsync(string folder, byte[] block, CancellationToken cancellationToken)
    {
        var closed = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 12; attempt++)
        {
            if (!_current.TryGetValue(folder, out var name))
            {
                try
                {
                    name = await OpenLogAsync(folder, closed, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.ErrorCode == "ContainerNotFound")
                {
                    await _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (name is null)
                {
                    continue;
                }
            }
            try
            {
                using var stream = new MemoryStream(block, writable: false);
                var appended = await _container.GetAppendBlobClient(name).AppendBlockAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                _current[folder] = name;
                return appended.Value.BlobCommittedBlockCount;
            }
            catch (RequestFailedException ex) when (IsClosed(ex))
            {
                // Sealed by a compaction, full (50,000 blocks), or deleted after a compaction: go on in a newer log.
                _current.TryRemove(KeyValuePair.Create(folder, name));
                if (ex.ErrorCode == "ContainerNotFound")
                {
                    await _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    closed.Add(name);
                }
            }
        }
        throw new InvalidOperationException($"The digest projection's shard {folder} had no log that took a write after 12 attempts.");
    }

    /// <summary>A log cannot take the append: gone, sealed, or full.</summary>
    internal static bool IsClosed(RequestFailedException ex) =>
        ex.Status == 404 || ex.ErrorCode is "BlobIsSealed" or "BlockCountExceedsLimit";

    /// <summary>
    /// The log to append to: the newest one not known to be closed, or a new one numbered after every log and compacted log
    /// seen. Null when a new log turned out not to be the newest (another writer went past it meanwhile): it is sealed, try again.
    /// </summary>
    private async Task<string?> OpenLogAsync(string folder, HashSet<string> closed, CancellationToken cancellationToken)
    {
        var listing = await ListShardAsync(folder, cancellationToken).ConfigureAwait(false);
        var newest = listing.Logs.LastOrDefault(l => !closed.Contains(l.Version.Name));
        if (newest.Version.Name is not null)
        {
            return newest.Version.Name;
        }
        var seq = listing.MaxSeq + 1;
        var name = LogName(folder, seq);
        var blob = _container.GetAppendBlobClient(name);
        var created = await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (created is null)
        {
            return name;
        }
        // Created by this writer: from a listing that may be stale, so make sure nothing newer exists already; a log numbered
        // below a newer one would put this write before records written earlier. Rare: once per new log.
        var after = await ListShardAsync(folder, cancellationToken).ConfigureAwait(false);
        if (after.MaxSeq > seq || after.Logs.Any(l => l.Seq == seq && l.Version.Name != name))
        {
            await SealAsync(name, cancellationToken).ConfigureAwait(false);
            closed.Add(name);
            return null;
        }
        return name;
    }

    /// <summary>
    /// Folds the shard's logs into a new compacted log and deletes what it replaces. Only one compaction of a shard runs at a
    /// time (a lease on its lock blob); when another one holds it past <see cref="CompactionWait"/>, this one leaves it to
    /// that one and returns false.
    /// </summary>
    internal async Task<bool> CompactShardAsync(string folder, CancellationToken cancellationToken, bool wait = true)
    {
        var lease = await AcquireLockAsync(folder, wait, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return false;
        }
        try
        {
            var listing = await ListShardAsync(folder, cancellationToken).ConfigureAwait(false);
            var state = new DigestLogState();
            var kept = new List<LogBlobVersion>();
            var covers = new HashSet<LogBlobVersion>();
            if (listing.Compacted is { } c)
            {
                var content = await DownloadAsync(c.Version.Name, cancellationToken).ConfigureAwait(false);
                covers.UnionWith(DigestLog.Covers(content.Span));
                state.Add(content);
                kept.Add(c.Version);
            }
            var open = listing.Logs.Where(l => !covers.Contains(l.Version)).ToList();
            if (open.Count == 0 && listing.Older.Count == 0)
            {
                return true;
            }
            // Sealed first, so no append lands in a log after it is read; then listed again for the sealed ETags.
            foreach (var log in open)
            {
                await SealAsync(log.Version.Name, cancellationToken).ConfigureAwait(false);
            }
            var sealedNow = (await ListShardAsync(folder, cancellationToken).ConfigureAwait(false)).Logs.ToDictionary(l => l.Version.Name, StringComparer.Ordinal);
            var lastSeq = listing.Compacted?.Seq ?? 0;
            foreach (var log in open)
            {
                if (!sealedNow.TryGetValue(log.Version.Name, out var s))
                {
                    continue;
                }
                state.Add(await DownloadAsync(s.Version.Name, cancellationToken).ConfigureAwait(false));
                kept.Add(s.Version);
                lastSeq = Math.Max(lastSeq, s.Seq);
            }
            // Blobs the previous compacted log replaced but a failure left behind stay named, so readers keep skipping them.
            kept.AddRange(covers.Where(v => sealedNow.TryGetValue(v.Name, out var s) && s.Version == v));
            var generation = (listing.Compacted?.Generation ?? 0) + 1;
            var compacted = state.Compacted(DigestLog.Header(kept));
            await _container.GetBlobClient(CompactedName(folder, generation, lastSeq))
                .UploadAsync(BinaryData.FromBytes(compacted), overwrite: true, cancellationToken).ConfigureAwait(false);
            foreach (var v in kept.Concat(listing.Older.Select(o => o.Version)))
            {
                await DeleteIfUnchangedAsync(v, cancellationToken).ConfigureAwait(false);
            }
            return true;
        }
        finally
        {
            try
            {
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // The lease runs out by itself.
            }
        }
    }

    private async Task DeleteIfUnchangedAsync(LogBlobVersion version, CancellationToken cancellationToken)
    {
        try
        {
            await _container.GetBlobClient(version.Name).DeleteAsync(DeleteSnapshotsOption.None,
                new BlobRequestConditions { IfMatch = new ETag(Quoted(version.ETag)) }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone already, or created again since (another ETag): not this compaction's to delete.
        }
    }

    private async Task SealAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await _container.GetAppendBlobClient(name).SealAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 || ex.ErrorCode == "BlobIsSealed")
        {
            // Gone or sealed already: nothing more can be appended either way.
        }
    }

    private async Task<BlobLeaseClient?> AcquireLockAsync(string folder, bool wait, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(folder + LockName);
        var lease = blob.GetBlobLeaseClient();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
                return lease;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                if (ex.ErrorCode == "ContainerNotFound")
                {
                    await _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                try
                {
                    await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (RequestFailedException e) when (e.Status is 409 or 412)
                {
                    // Created by another writer meanwhile.
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && wait && waited.Elapsed < CompactionWait)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                return null;
            }
        }
    }

    /// <summary>The shard's logs (in number order), its current compacted log and any older ones; empty when the container is missing.</summary>
    private async Task<ShardListing> ListShardAsync(string folder, CancellationToken cancellationToken)
    {
        var logs = new List<LogBlob>();
        var compacted = new List<CompactedBlob>();
        try
        {
            await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = folder }, cancellationToken).ConfigureAwait(false))
            {
                var local = item.Name.AsSpan(folder.Length);
                var version = new LogBlobVersion(item.Name, Unquoted(item.Properties.ETag?.ToString() ?? ""));
                if (local.EndsWith(LogSuffix) && int.TryParse(local[..^LogSuffix.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
                {
                    logs.Add(new LogBlob(version, seq));
                }
                else if (local.EndsWith(CompactedSuffix) && local.Length == 13 + CompactedSuffix.Length
                         && int.TryParse(local[..6], NumberStyles.None, CultureInfo.InvariantCulture, out var gen)
                         && int.TryParse(local[7..13], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
                {
                    compacted.Add(new CompactedBlob(version, gen, last));
                }
            }
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == "ContainerNotFound")
        {
            return new ShardListing([], null, [], 0);
        }
        logs.Sort((a, b) => a.Seq != b.Seq ? a.Seq.CompareTo(b.Seq) : string.CompareOrdinal(a.Version.Name, b.Version.Name));
        compacted.Sort((a, b) => a.Generation.CompareTo(b.Generation));
        var current = compacted.Count > 0 ? compacted[^1] : (CompactedBlob?)null;
        var maxSeq = Math.Max(logs.Count > 0 ? logs[^1].Seq : 0, compacted.Count > 0 ? compacted.Max(c => c.Seq) : 0);
        return new ShardListing(logs, current, compacted.Count > 1 ? compacted[..^1] : [], maxSeq);
    }

    private static string LogName(string folder, int seq) => string.Create(CultureInfo.InvariantCulture, $"{folder}{seq:000000}{LogSuffix}");

    private static string CompactedName(string folder, int generation, int lastSeq) =>
        string.Create(CultureInfo.InvariantCulture, $"{folder}{generation:000000}-{lastSeq:000000}{CompactedSuffix}");

    // Listings give ETags bare and response headers quoted: compared bare.
    private static string Unquoted(string etag) => etag.Trim('"');

    private static string Quoted(string etag) => "\"" + etag + "\"";

    private static string CheckId(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!ResponseId.TryNormalize(response.Id, out var id) || id != response.Id || !ResponseId.CanEncode(ResponseId.QuarterOf(id)))
        {
            throw new ArgumentException("The response id must be a normalised response id.", nameof(response));
        }
        return id;
    }

    private readonly record struct LogBlob(LogBlobVersion Version, int Seq);

    private readonly record struct CompactedBlob(LogBlobVersion Version, int Generation, int Seq);

    private sealed record ShardListing(List<LogBlob> Logs, CompactedBlob? Compacted, List<CompactedBlob> Older, int MaxSeq);
}
