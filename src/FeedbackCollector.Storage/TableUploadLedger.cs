using Azure;
using Azure.Data.Tables;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>
/// The uploads ledger: partition = the first two hex digits of the content hash (256 partitions, so uploads spread),
/// row key = the whole hash. Holds no text of the file. Updates are conditional on the ETag.
/// </summary>
public sealed class TableUploadLedger : IUploadLedger
{
    private readonly TableClient _table;

    /// <summary>Uses the uploads table named by <paramref name="names"/>.</summary>
    public TableUploadLedger(TableServiceClient tables, IOptions<StorageNamesOptions> names)
    {
        _table = tables.GetTableClient(names.Value.UploadsTable);
    }

    /// <inheritdoc />
    public Task<bool> TryAddAsync(UploadRecord record, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("add upload", ct =>
        {
            ArgumentNullException.ThrowIfNull(record);
            return StorageFaults.TryAddEntityAsync(_table, ToEntity(record), ct);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<UploadRecord?> FindAsync(string hash, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("find upload", async ct =>
        {
            if (hash is not { Length: 64 } || !hash.All(char.IsAsciiHexDigitLower))
            {
                return null;
            }
            var got = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(hash), hash, cancellationToken: ct).ConfigureAwait(false);
            return got.HasValue ? ToRecord(got.Value!) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<UploadRecord> UpdateAsync(UploadRecord record, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("update upload", async ct =>
        {
            ArgumentNullException.ThrowIfNull(record);
            if (string.IsNullOrEmpty(record.ETag))
            {
                throw new ArgumentException("An update needs the ETag of the record as read.", nameof(record));
            }
            try
            {
                var response = await _table.UpdateEntityAsync(ToEntity(record), new ETag(record.ETag), TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return record with { ETag = response.Headers.ETag?.ToString() };
            }
            catch (RequestFailedException ex) when (StorageFaults.IsPreconditionFailed(ex) || StorageFaults.IsNotFound(ex))
            {
                throw new ConcurrencyConflictException($"Upload {record.Hash[..16]} was changed since it was read.");
            }
        }, cancellationToken);

    private static string PartitionOf(string hash) => hash[..2];

    private static TableEntity ToEntity(UploadRecord r)
    {
        var e = new TableEntity(PartitionOf(r.Hash), r.Hash)
        {
            ["Kind"] = r.Kind,
            ["Source"] = r.Source,
            ["Session"] = r.Session,
            ["Points"] = r.Points,
            ["Status"] = FeedbackJson.WireName(r.Status),
            ["StartedUtc"] = r.StartedUtc,
        };
        TableColumns.SetOptional(e, "CompletedUtc", r.CompletedUtc);
        TableColumns.SetOptional(e, "UploadedBy", r.UploadedBy);
        return e;
    }

    private static UploadRecord ToRecord(TableEntity e) => new()
    {
        Hash = e.RowKey,
        Kind = TableColumns.Required(e, "Kind"),
        Source = TableColumns.Required(e, "Source"),
        Session = TableColumns.Required(e, "Session"),
        Points = e.GetInt32("Points") ?? 0,
        Status = TableColumns.GetWire<UploadStatus>(e, "Status"),
        StartedUtc = e.GetDateTimeOffset("StartedUtc") ?? throw new InvalidDataException($"Upload {e.RowKey} has no StartedUtc."),
        CompletedUtc = e.GetDateTimeOffset("CompletedUtc"),
        UploadedBy = e.GetString("UploadedBy"),
        ETag = e.ETag.ToString(),
    };
}
