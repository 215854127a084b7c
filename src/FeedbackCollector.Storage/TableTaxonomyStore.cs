using System.Globalization;
using Azure;
using Azure.Data.Tables;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Themes;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>
/// The taxonomy table: every saved version (partition <c>version</c>, row key = version), the current one (partition
/// <c>current</c>, one row holding a copy of its text so one read loads it, guarded by its ETag), and re-analysis jobs
/// (partition <c>job</c>). The taxonomy text is a chunked JSON column.
/// </summary>
public sealed class TableTaxonomyStore : ITaxonomyStore
{
    private const string VersionPartition = "version";
    private const string CurrentPartition = "current";
    private const string CurrentRow = "taxonomy";
    private const string JobPartition = "job";
    private const string Json = "Json";

    private readonly TableClient _table;

    /// <summary>Uses the taxonomy table named by <paramref name="names"/>.</summary>
    public TableTaxonomyStore(TableServiceClient tables, IOptions<StorageNamesOptions> names)
    {
        _table = tables.GetTableClient(names.Value.TaxonomyTable);
    }

    /// <inheritdoc />
    public Task<StoredTaxonomy?> GetCurrentAsync(CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("read taxonomy", async ct =>
        {
            var got = await _table.GetEntityIfExistsAsync<TableEntity>(CurrentPartition, CurrentRow, cancellationToken: ct).ConfigureAwait(false);
            if (!got.HasValue)
            {
                return null;
            }
            var e = got.Value!;
            return new StoredTaxonomy(TableColumns.Required(e, "Version"), TableColumns.GetChunked(e, Json) ?? "", TableColumns.Required(e, "SavedBy"),
                e.GetDateTimeOffset("SavedUtc") ?? DateTimeOffset.MinValue, e.ETag.ToString());
        }, cancellationToken);

    /// <inheritdoc />
    public Task<string?> GetCurrentVersionAsync(CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("read taxonomy version", async ct =>
        {
            var got = await _table.GetEntityIfExistsAsync<TableEntity>(CurrentPartition, CurrentRow, ["Version"], ct).ConfigureAwait(false);
            return got.HasValue ? got.Value!.GetString("Version") : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<StoredTaxonomy> SaveAsync(StoredTaxonomy taxonomy, string? expectedETag, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("save taxonomy", async ct =>
        {
            ArgumentNullException.ThrowIfNull(taxonomy);
            CheckKey(taxonomy.Version);
            var version = Entity(VersionPartition, taxonomy.Version, taxonomy);
            try
            {
                await _table.AddEntityAsync(version, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (StorageFaults.IsConflict(ex))
            {
                throw new ConcurrencyConflictException($"Taxonomy version {taxonomy.Version} exists already.");
            }
            var current = Entity(CurrentPartition, CurrentRow, taxonomy);
            try
            {
                var response = expectedETag is null
                    ? await _table.AddEntityAsync(current, ct).ConfigureAwait(false)
                    : await _table.UpdateEntityAsync(current, new ETag(expectedETag), TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return taxonomy with { ETag = response.Headers.ETag?.ToString() };
            }
            catch (RequestFailedException ex) when (StorageFaults.IsConflict(ex) || StorageFaults.IsPreconditionFailed(ex) || StorageFaults.IsNotFound(ex))
            {
                // The version row stays as history; it was never current, and its version cannot be used again.
                throw new ConcurrencyConflictException("The current taxonomy changed while this version was saved.");
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> VersionExistsAsync(string version, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("find taxonomy version", async ct =>
        {
            CheckKey(version);
            var got = await _table.GetEntityIfExistsAsync<TableEntity>(VersionPartition, version, ["RowKey"], ct).ConfigureAwait(false);
            return got.HasValue;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredTaxonomyInfo>> ListVersionsAsync(CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync<IReadOnlyList<StoredTaxonomyInfo>>("list taxonomy versions", async ct =>
        {
            var list = new List<StoredTaxonomyInfo>();
            await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {VersionPartition}"),
                               select: ["RowKey", "SavedBy", "SavedUtc"], cancellationToken: ct).ConfigureAwait(false))
            {
                list.Add(new StoredTaxonomyInfo(e.RowKey, e.GetString("SavedBy") ?? "", e.GetDateTimeOffset("SavedUtc") ?? DateTimeOffset.MinValue));
            }
            list.Sort((a, b) => b.SavedUtc.CompareTo(a.SavedUtc));
            return list;
        }, cancellationToken);

    /// <inheritdoc />
    public Task AddJobAsync(ReanalysisJob job, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("add re-analysis job", async ct =>
        {
            ArgumentNullException.ThrowIfNull(job);
            CheckKey(job.Id);
            var e = new TableEntity(JobPartition, job.Id)
            {
                ["TaxonomyVersion"] = job.TaxonomyVersion,
                ["Total"] = job.Total,
                ["FromUtc"] = job.FromUtc,
                ["ToUtc"] = job.ToUtc,
                ["CreatedBy"] = job.CreatedBy,
                ["CreatedUtc"] = job.CreatedUtc,
            };
            await _table.AddEntityAsync(e, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ReanalysisJob?> FindJobAsync(string id, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("find re-analysis job", async ct =>
        {
            CheckKey(id);
            var got = await _table.GetEntityIfExistsAsync<TableEntity>(JobPartition, id, cancellationToken: ct).ConfigureAwait(false);
            if (!got.HasValue)
            {
                return null;
            }
            var e = got.Value!;
            return new ReanalysisJob(e.RowKey, TableColumns.Required(e, "TaxonomyVersion"), e.GetInt32("Total") ?? 0,
                e.GetDateTimeOffset("FromUtc") ?? DateTimeOffset.MinValue, e.GetDateTimeOffset("ToUtc") ?? DateTimeOffset.MinValue,
                e.GetString("CreatedBy") ?? "", e.GetDateTimeOffset("CreatedUtc") ?? DateTimeOffset.MinValue);
        }, cancellationToken);

    private static TableEntity Entity(string partition, string row, StoredTaxonomy t)
    {
        var e = new TableEntity(partition, row)
        {
            ["Version"] = t.Version,
            ["SavedBy"] = t.SavedBy,
            ["SavedUtc"] = t.SavedUtc,
        };
        TableColumns.SetChunked(e, Json, t.Json);
        return e;
    }

    // Row keys may not hold '/', '\', '#', '?' or control characters; the handlers allow far less than that.
    private static void CheckKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > 255 || key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{key}' cannot be a table key."), nameof(key));
        }
    }
}
