using Azure;
using Azure.Data.Tables;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>
/// Concerns in one partition (they are rare, and the safeguarding lead lists them all), row key = response id.
/// Holds no response text, except the redacted text kept when a response is withdrawn. Updates are conditional on the ETag.
/// </summary>
public sealed class TableConcernRepository : IConcernRepository
{
    /// <summary>The one partition key.</summary>
    public const string Partition = "concern";

    private readonly TableClient _table;

    /// <summary>Uses the concerns table named by <paramref name="names"/>.</summary>
    public TableConcernRepository(TableServiceClient tables, IOptions<StorageNamesOptions> names)
    {
        _table = tables.GetTableClient(names.Value.ConcernsTable);
    }

    /// <inheritdoc />
    public Task<bool> TryAddAsync(ConcernRecord concern, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("add concern", ct =>
        {
            ArgumentNullException.ThrowIfNull(concern);
            return StorageFaults.TryAddEntityAsync(_table, ToEntity(concern), ct);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ConcernRecord?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("find concern", async ct =>
        {
            if (!ResponseId.TryNormalize(id, out var normal))
            {
                return null;
            }
            var got = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, normal, cancellationToken: ct).ConfigureAwait(false);
            return got.HasValue ? ToRecord(got.Value!) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ConcernRecord> UpdateAsync(ConcernRecord concern, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("update concern", async ct =>
        {
            ArgumentNullException.ThrowIfNull(concern);
            if (string.IsNullOrEmpty(concern.ETag))
            {
                throw new ArgumentException("An update needs the ETag of the concern as read.", nameof(concern));
            }
            try
            {
                var response = await _table.UpdateEntityAsync(ToEntity(concern), new ETag(concern.ETag), TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return concern with { ETag = response.Headers.ETag?.ToString() };
            }
            catch (RequestFailedException ex) when (StorageFaults.IsPreconditionFailed(ex) || StorageFaults.IsNotFound(ex))
            {
                throw new ConcurrencyConflictException(ex.Status == 404
                    ? $"Concern {concern.Id} no longer exists."
                    : $"Concern {concern.Id} was changed since it was read.");
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ConcernRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync<IReadOnlyList<ConcernRecord>>("list concerns", async ct =>
        {
            var list = new List<ConcernRecord>();
            await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct).ConfigureAwait(false))
            {
                list.Add(ToRecord(e));
            }
            // Row keys are response ids, not times: order here, newest raised first.
            list.Sort(static (a, b) => b.RaisedUtc.CompareTo(a.RaisedUtc) is var c and not 0 ? c : string.CompareOrdinal(b.Id, a.Id));
            return list;
        }, cancellationToken);

    private static TableEntity ToEntity(ConcernRecord c)
    {
        var e = new TableEntity(Partition, c.Id)
        {
            ["SurveyCode"] = c.SurveyCode,
            ["Category"] = FeedbackJson.WireName(c.Category),
            ["ReceivedUtc"] = c.ReceivedUtc,
            ["RaisedUtc"] = c.RaisedUtc,
        };
        TableColumns.SetOptional(e, "Venue", c.Venue);
        TableColumns.SetOptional(e, "AlertQueuedUtc", c.AlertQueuedUtc);
        TableColumns.SetOptional(e, "AlertDeliveredUtc", c.AlertDeliveredUtc);
        TableColumns.SetOptional(e, "ReviewedBy", c.ReviewedBy);
        TableColumns.SetOptional(e, "ReviewedUtc", c.ReviewedUtc);
        TableColumns.SetChunked(e, "ReviewNote", c.ReviewNote);
        if (c.AlertAttempts > 0)
        {
            e["AlertAttempts"] = c.AlertAttempts;
        }
        TableColumns.SetOptional(e, "WithdrawnUtc", c.WithdrawnUtc);
        TableColumns.SetChunked(e, "KeptText", c.KeptText);
        return e;
    }

    private static ConcernRecord ToRecord(TableEntity e) => new()
    {
        Id = e.RowKey,
        SurveyCode = TableColumns.Required(e, "SurveyCode"),
        Venue = e.GetString("Venue"),
        Category = TableColumns.GetWire<ConcernCategory>(e, "Category"),
        ReceivedUtc = e.GetDateTimeOffset("ReceivedUtc") ?? throw new InvalidDataException($"Concern {e.RowKey} has no ReceivedUtc."),
        RaisedUtc = e.GetDateTimeOffset("RaisedUtc") ?? throw new InvalidDataException($"Concern {e.RowKey} has no RaisedUtc."),
        AlertQueuedUtc = e.GetDateTimeOffset("AlertQueuedUtc"),
        AlertDeliveredUtc = e.GetDateTimeOffset("AlertDeliveredUtc"),
        ReviewedBy = e.GetString("ReviewedBy"),
        ReviewedUtc = e.GetDateTimeOffset("ReviewedUtc"),
        ReviewNote = TableColumns.GetChunked(e, "ReviewNote"),
        AlertAttempts = e.GetInt32("AlertAttempts") ?? 0,
        WithdrawnUtc = e.GetDateTimeOffset("WithdrawnUtc"),
        KeptText = TableColumns.GetChunked(e, "KeptText"),
        ETag = e.ETag.ToString(),
    };
}
