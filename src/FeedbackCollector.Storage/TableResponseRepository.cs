using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Channel = FeedbackCollector.Core.Responses.Channel;
using Azure;
using Azure.Data.Tables;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>
/// Responses, partitioned by the id's own prefix (quarter + bucket, <see cref="ResponseId.PartitionOf"/>), row key = id.
/// Answers, free text, provenance and analysis are JSON columns (chunked when long); themes, sentiment,
/// concern flag and analyzer are also plain columns so they can be filtered on. Listing a period queries the 32
/// partitions of each overlapping quarter in parallel, with the date range and survey filtered by the service.
/// </summary>
public sealed partial class TableResponseRepository : IResponseRepository
{
    /// <summary>Partition queries in flight at once when listing.</summary>
    public const int ListConcurrency = 8;

    private const string Analysis = "AnalysisJson";
    private const string FreeText = "FreeTextJson";
    private const string Answers = "AnswersJson";
    private const int SaveAttempts = 4;
    private const string FirstAnalysisPrefix = "new:";
    private const string AnalysedPrefix = "re:";

    /// <summary>Inserted responses remembered for the analysis that follows (see <see cref="RecentInserts"/>).</summary>
    internal const int RecentCapacity = 4_096;

    /// <summary>Characters of free text the remembered responses hold at most (about 8 MB).</summary>
    internal const long RecentMaxChars = 4_000_000;

    /// <summary>How long an inserted response is remembered: the analysis normally follows within a second or two.</summary>
    internal static readonly TimeSpan RecentMaxAge = TimeSpan.FromMinutes(2);

    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly RecentInserts _recent;

    /// <summary>Uses the responses table named by <paramref name="names"/>; <paramref name="time"/> bounds listings (system clock when null).</summary>
    public TableResponseRepository(TableServiceClient tables, IOptions<StorageNamesOptions> names, TimeProvider? time = null)
    {
        _table = tables.GetTableClient(names.Value.ResponsesTable);
        _time = time ?? TimeProvider.System;
        _recent = new RecentInserts(RecentCapacity, RecentMaxChars, RecentMaxAge, _time);
    }

    /// <summary>Inserted responses not yet taken by an analysis (for tests).</summary>
    internal int RecentCount => _recent.Count;

    /// <inheritdoc />
    public Task<bool> TryAddAsync(SurveyResponse response, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("add response", async ct =>
        {
            ArgumentNullException.ThrowIfNull(response);
            if (!ResponseId.TryNormalize(response.Id, out var id) || id != response.Id)
            {
                throw new ArgumentException("The response id must be a normalised response id.", nameof(response));
            }
            try
            {
                var added = await _table.AddEntityAsync(ToEntity(response), ct).ConfigureAwait(false);
                if (added.Headers.ETag is { } etag)
                {
                    _recent.Put(response, etag.ToString());
                }
                return true;
            }
            catch (RequestFailedException ex) when (StorageFaults.IsConflict(ex))
            {
                return false;
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<SurveyResponse?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("find response", async ct =>
        {
            if (!ResponseId.TryNormalize(id, out var normal))
            {
                return null;
            }
            var got = await _table.GetEntityIfExistsAsync<TableEntity>(ResponseId.PartitionOf(normal), normal, cancellationToken: ct).ConfigureAwait(false);
            return got.HasValue ? ToResponse(got.Value!) : null;
        }, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// The version is the entity's ETag, marked as a first analysis when the entity had none: only then can
    /// <see cref="SaveAnalysisAsync(string, ResponseAnalysis, string?, CancellationToken)"/> merge, since a merge cannot drop
    /// the chunks or columns of an earlier, longer analysis.
    /// </remarks>
    public Task<VersionedResponse?> FindVersionedAsync(string id, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("find response", async ct =>
        {
            if (!ResponseId.TryNormalize(id, out var normal))
            {
                return null;
            }
            if (_recent.TryTake(normal, out var inserted, out var insertedETag))
            {
                // Inserted here moments ago and never analysed: the save merges at this ETag, so a change or a withdrawal
                // made since (on any instance) fails it and the save reads the entity again.
                return new VersionedResponse(inserted, FirstAnalysisPrefix + insertedETag);
            }
            var got = await _table.GetEntityIfExistsAsync<TableEntity>(ResponseId.PartitionOf(normal), normal, cancellationToken: ct).ConfigureAwait(false);
            if (!got.HasValue)
            {
                return null;
            }
            var e = got.Value!;
            var version = (e.ContainsKey(Analysis) ? AnalysedPrefix : FirstAnalysisPrefix) + e.ETag.ToString();
            return new VersionedResponse(ToResponse(e), version);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> SaveAnalysisAsync(string id, ResponseAnalysis analysis, CancellationToken cancellationToken = default) =>
        SaveAnalysisAsync(id, analysis, null, cancellationToken);

    /// <inheritdoc />
    public Task<bool> SaveAnalysisAsync(string id, ResponseAnalysis analysis, string? readVersion, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("save analysis", async ct =>
        {
            ArgumentNullException.ThrowIfNull(analysis);
            if (!ResponseId.TryNormalize(id, out var normal))
            {
                return false;
            }
            if (readVersion is not null && readVersion.StartsWith(FirstAnalysisPrefix, StringComparison.Ordinal))
            {
                // A first analysis of an entity unchanged since it was read: merge only the analysis columns, guarded by
                // that read's ETag. One write, no second read; a correction made meanwhile changed the ETag (412, then the
                // path below), and a withdrawn response is not there to merge into (404), so it is not brought back.
                var change = new TableEntity(ResponseId.PartitionOf(normal), normal);
                SetAnalysis(change, analysis);
                try
                {
                    await _table.UpdateEntityAsync(change, new ETag(readVersion[FirstAnalysisPrefix.Length..]), TableUpdateMode.Merge, ct).ConfigureAwait(false);
                    return true;
                }
                catch (RequestFailedException ex) when (StorageFaults.IsNotFound(ex))
                {
                    return false;
                }
                catch (RequestFailedException ex) when (StorageFaults.IsPreconditionFailed(ex))
                {
                    // Changed since it was read: read it again and replace, below.
                }
            }
            // Read, change, replace with the ETag: a replace (unlike a merge) drops chunks of a longer earlier analysis.
            for (var attempt = 1; ; attempt++)
            {
                var got = await _table.GetEntityIfExistsAsync<TableEntity>(ResponseId.PartitionOf(normal), normal, cancellationToken: ct).ConfigureAwait(false);
                if (!got.HasValue)
                {
                    return false;
                }
                var entity = got.Value!;
                SetAnalysis(entity, analysis);
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
                        throw new ConcurrencyConflictException($"Response {normal} kept changing while its analysis was saved.");
                    }
                }
            }
        }, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<SurveyResponse> ListAsync(ResponseQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = _time.GetUtcNow();
        var (from, to) = Clamp(query.FromUtc, query.ToUtc, now);
        var partitions = PartitionsOf(from, to, now);
        if (partitions.Count == 0)
        {
            yield break;
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = System.Threading.Channels.Channel.CreateBounded<SurveyResponse>(new BoundedChannelOptions(512) { SingleReader = true, SingleWriter = false });
        var producer = ProduceAsync(partitions, from, to, query.SurveyCode, channel.Writer, cts.Token);
        await foreach (var response in ChannelDrain.DrainAsync(channel.Reader, producer, cts, cancellationToken).ConfigureAwait(false))
        {
            yield return response;
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("delete response", async ct =>
        {
            if (!ResponseId.TryNormalize(id, out var normal))
            {
                return false;
            }
            try
            {
                // The SDK answers a missing entity with 404 rather than an exception.
                var response = await _table.DeleteEntityAsync(ResponseId.PartitionOf(normal), normal, ETag.All, ct).ConfigureAwait(false);
                return response.Status != 404;
            }
            catch (RequestFailedException ex) when (StorageFaults.IsNotFound(ex))
            {
                return false;
            }
        }, cancellationToken);

    /// <summary>
    /// The partitions that can hold responses received in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) when it is
    /// <paramref name="nowUtc"/>: 32 per quarter, so the range is first clamped to the quarters that can hold responses.
    /// </summary>
    internal static IReadOnlyList<string> PartitionsOf(DateTimeOffset fromUtc, DateTimeOffset toUtc, DateTimeOffset nowUtc)
    {
        var (from, to) = Clamp(fromUtc, toUtc, nowUtc);
        return Quarter.Overlapping(from, to).SelectMany(ResponseId.Partitions).ToList();
    }

    // Clamp to the quarters that can hold ids: none before the epoch, none after the next quarter (ids are made when a
    // response is received; the spare quarter absorbs clock skew). An open-ended query thus costs a few hundred partition
    // queries instead of 32,768, keeps Quarter arithmetic inside DateTimeOffset's range and the filter's dates inside what
    // the Table service accepts (from 1601).
    private static (DateTimeOffset From, DateTimeOffset To) Clamp(DateTimeOffset fromUtc, DateTimeOffset toUtc, DateTimeOffset nowUtc)
    {
        var first = Quarter.Epoch.Start;
        var next = Quarter.Of(nowUtc).Next;
        var last = ResponseId.CanEncode(next) ? next.End : Quarter.FromIndex((32 * 32) - 1).End;
        return (fromUtc < first ? first : fromUtc, toUtc > last ? last : toUtc);
    }

    private async Task ProduceAsync(IReadOnlyList<string> partitions, DateTimeOffset from, DateTimeOffset to, string? surveyCode,
        ChannelWriter<SurveyResponse> writer, CancellationToken cancellationToken)
    {
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = ListConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(partitions, options, async (partition, ct) =>
            {
                var filter = surveyCode is { } code
                    ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and ReceivedUtc ge {from} and ReceivedUtc lt {to} and SurveyCode eq {code}")
                    : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and ReceivedUtc ge {from} and ReceivedUtc lt {to}");
                try
                {
                    // No $select: every column but a few small denormalised ones is needed, and naming each possible
                    // chunk would make the service return a null for every chunk an entity lacks.
                    await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct).ConfigureAwait(false))
                    {
                        await writer.WriteAsync(ToResponse(e), ct).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (StorageFaults.IsUnavailable(ex, ct))
                {
                    throw StorageFaults.Unavailable("list responses", ex);
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private static TableEntity ToEntity(SurveyResponse r)
    {
        var e = new TableEntity(ResponseId.PartitionOf(r.Id), r.Id)
        {
            ["SurveyCode"] = r.SurveyCode,
            ["Audience"] = FeedbackJson.WireName(r.Audience),
            ["ReceivedUtc"] = r.ReceivedUtc,
            ["Channel"] = FeedbackJson.WireName(r.Channel),
        };
        TableColumns.SetChunked(e, Answers, TableColumns.ToJson(r.Answers));
        TableColumns.SetOptional(e, "Venue", r.Venue);
        TableColumns.SetChunked(e, FreeText, TableColumns.ToJson(r.FreeText));
        TableColumns.SetOptional(e, "ProvenanceJson", r.Provenance is null ? null : TableColumns.ToJson(r.Provenance));
        if (r.Analysis is not null)
        {
            SetAnalysis(e, r.Analysis);
        }
        else
        {
            // Until the analysis is stored (SetAnalysis clears it): the digest finds responses still waiting by this.
            e[PendingColumn] = true;
        }
        return e;
    }

    private static void SetAnalysis(TableEntity e, ResponseAnalysis a)
    {
        TableColumns.SetChunked(e, Analysis, TableColumns.ToJson(a));
        e["Themes"] = string.Join(',', a.ThemeIds);
        e["Sentiment"] = FeedbackJson.WireName(OverallSentiment(a));
        e["ConcernFlagged"] = a.ConcernFlagged;
        e["AnalyzerName"] = a.Analyzer.Name;
        e["AnalyzerVersion"] = a.Analyzer.Version;
        e["TaxonomyVersion"] = a.Analyzer.TaxonomyVersion;
        e["AnalysedUtc"] = a.AnalysedUtc;
        e[PendingColumn] = false;
    }

    /// <summary>One label for the whole response: the answers' label when they agree, mixed when positive meets negative.</summary>
    internal static SentimentLabel OverallSentiment(ResponseAnalysis a)
    {
        bool positive = false, negative = false;
        foreach (var t in a.Texts)
        {
            switch (t.Result.Sentiment.Label)
            {
                case SentimentLabel.Positive:
                    positive = true;
                    break;
                case SentimentLabel.Negative:
                    negative = true;
                    break;
                case SentimentLabel.Mixed:
                    positive = negative = true;
                    break;
            }
        }
        return (positive, negative) switch
        {
            (true, true) => SentimentLabel.Mixed,
            (true, false) => SentimentLabel.Positive,
            (false, true) => SentimentLabel.Negative,
            _ => SentimentLabel.Neutral,
        };
    }

    private static SurveyResponse ToResponse(TableEntity e) => new()
    {
        Id = e.RowKey,
        SurveyCode = TableColumns.Required(e, "SurveyCode"),
        Audience = TableColumns.GetWire<Audience>(e, "Audience"),
        ReceivedUtc = e.GetDateTimeOffset("ReceivedUtc") ?? throw new InvalidDataException($"Response {e.RowKey} has no ReceivedUtc."),
        Venue = e.GetString("Venue"),
        Channel = TableColumns.GetWire<Channel>(e, "Channel"),
        Answers = TableColumns.FromJson<IReadOnlyDictionary<string, IReadOnlyList<string>>>(TableColumns.GetChunked(e, Answers))
                  ?? new Dictionary<string, IReadOnlyList<string>>(),
        FreeText = TableColumns.FromJson<IReadOnlyList<FreeTextAnswer>>(TableColumns.GetChunked(e, FreeText)) ?? [],
        Provenance = TableColumns.FromJson<Provenance>(e.GetString("ProvenanceJson")),
        Analysis = TableColumns.FromJson<ResponseAnalysis>(TableColumns.GetChunked(e, Analysis)),
        Correction = TableColumns.FromJson<ThemeCorrection>(TableColumns.GetChunked(e, Correction)),
    };
}
