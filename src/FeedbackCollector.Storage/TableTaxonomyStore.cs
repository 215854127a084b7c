using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Themes;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>
/// The taxonomy table: every saved version (partition <c>version</c>, row key = version), the current one (partition
/// <c>current</c>, one row holding a copy of its text so one read loads it, guarded by its ETag), and re-analysis jobs
/// (partition <c>job</c>): a job's row, keyed by its id, and the rows of its batches, keyed <c>{job}.{plan}.{n}</c> in the
/// same partition so that a batch is marked done and counted in its job in one transaction. The taxonomy text is a
/// chunked JSON column.
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
            await _table.AddEntityAsync(JobEntity(job), ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ReanalysisJob?> AddJobUnlessRunningAsync(ReanalysisJob job, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("start re-analysis job", async ct =>
        {
            ArgumentNullException.ThrowIfNull(job);
            CheckKey(job.Id);
            // The latest job's id is kept in a row of the jobs' partition, replaced in the same transaction that adds a job:
            // of two starts at once, the second's transaction fails on the row's ETag, reads again and sees the first.
            for (var attempt = 1; ; attempt++)
            {
                var latest = await _table.GetEntityIfExistsAsync<TableEntity>(JobPartition, LatestRow, cancellationToken: ct).ConfigureAwait(false);
                if (latest.HasValue && latest.Value!.GetString("JobId") is { Length: > 0 } latestId)
                {
                    var found = await _table.GetEntityIfExistsAsync<TableEntity>(JobPartition, latestId, cancellationToken: ct).ConfigureAwait(false);
                    if (found.HasValue && ToJob(found.Value!) is { State: ReanalysisState.Queued or ReanalysisState.Running } running
                        && running.TaxonomyVersion == job.TaxonomyVersion)
                    {
                        return running;
                    }
                }
                var pointer = new TableEntity(JobPartition, LatestRow) { ["JobId"] = job.Id };
                var actions = new[]
                {
                    new TableTransactionAction(TableTransactionActionType.Add, JobEntity(job)),
                    latest.HasValue
                        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, pointer, latest.Value!.ETag)
                        : new TableTransactionAction(TableTransactionActionType.Add, pointer),
                };
                try
                {
                    await _table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                    return null;
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < 5)
                {
                    // Another start won the race: read again.
                }
            }
        }, cancellationToken);

    private static TableEntity JobEntity(ReanalysisJob job) => new(JobPartition, job.Id)
    {
        ["TaxonomyVersion"] = job.TaxonomyVersion,
        ["CreatedBy"] = job.CreatedBy,
        ["CreatedUtc"] = job.CreatedUtc,
        ["State"] = job.State.ToString(),
        ["Total"] = job.Total,
        ["Done"] = job.Done,
        ["Batches"] = job.Batches,
        ["UpdatedUtc"] = job.UpdatedUtc ?? job.CreatedUtc,
    };

    /// <inheritdoc />
    public Task DeleteJobAsync(string id, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("delete re-analysis job", async ct =>
        {
            CheckKey(id);
            await _table.DeleteEntityAsync(JobPartition, id, ETag.All, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ReanalysisJob?> FindJobAsync(string id, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("find re-analysis job", async ct =>
        {
            CheckKey(id);
            var got = await _table.GetEntityIfExistsAsync<TableEntity>(JobPartition, id, cancellationToken: ct).ConfigureAwait(false);
            return got.HasValue ? ToJob(got.Value!) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ReanalysisJob> PlanJobAsync(ReanalysisJob job, IReadOnlyList<IReadOnlyList<string>> batches, DateTimeOffset nowUtc, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("plan re-analysis job", async ct =>
        {
            ArgumentNullException.ThrowIfNull(job);
            ArgumentNullException.ThrowIfNull(batches);
            if (job.ETag is null)
            {
                throw new ArgumentException("Plan a job read from storage (with its ETag).", nameof(job));
            }
            // A fresh token per attempt: an attempt that loses the race below leaves rows nobody reads, never rows that
            // overwrite the winner's (which may be done already).
            var plan = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            var rows = batches.Select((ids, n) => new TableEntity(JobPartition, BatchKey(job.Id, plan, n))
            {
                ["Ids"] = string.Join(',', ids),
                ["Size"] = ids.Count,
                ["Done"] = false,
            }).ToList();
            foreach (var chunk in rows.Chunk(100))
            {
                await _table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), ct).ConfigureAwait(false);
            }
            var total = batches.Sum(b => b.Count);
            var planned = job with
            {
                State = total == 0 ? ReanalysisState.Done : ReanalysisState.Running,
                Plan = plan,
                Total = total,
                Done = 0,
                Batches = batches.Count,
                UpdatedUtc = nowUtc,
            };
            var update = new TableEntity(JobPartition, job.Id)
            {
                ["State"] = planned.State.ToString(),
                ["Plan"] = plan,
                ["Total"] = total,
                ["Done"] = 0,
                ["Batches"] = batches.Count,
                ["UpdatedUtc"] = nowUtc,
            };
            try
            {
                var response = await _table.UpdateEntityAsync(update, new ETag(job.ETag), TableUpdateMode.Merge, ct).ConfigureAwait(false);
                return planned with { ETag = response.Headers.ETag?.ToString() };
            }
            catch (RequestFailedException ex) when (StorageFaults.IsPreconditionFailed(ex) || StorageFaults.IsNotFound(ex))
            {
                foreach (var chunk in rows.Chunk(100))
                {
                    await _table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), ct).ConfigureAwait(false);
                }
                throw new ConcurrencyConflictException($"Re-analysis job {job.Id} was planned by another attempt.");
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ReanalysisBatch?> FindBatchAsync(ReanalysisJob job, int number, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("find re-analysis batch", async ct =>
        {
            ArgumentNullException.ThrowIfNull(job);
            if (job.Plan is null || number < 0)
            {
                return null;
            }
            var got = await _table.GetEntityIfExistsAsync<TableEntity>(JobPartition, BatchKey(job.Id, job.Plan, number), cancellationToken: ct).ConfigureAwait(false);
            if (!got.HasValue)
            {
                return null;
            }
            var e = got.Value!;
            var ids = e.GetString("Ids") is { Length: > 0 } list ? list.Split(',') : [];
            return new ReanalysisBatch(job.Id, number, ids, e.GetBoolean("Done") == true, e.ETag.ToString(), e.GetBoolean("Failed") == true);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<int>> ListOpenBatchesAsync(ReanalysisJob job, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync<IReadOnlyList<int>>("list re-analysis batches", async ct =>
        {
            ArgumentNullException.ThrowIfNull(job);
            if (job.Plan is null)
            {
                return [];
            }
            // Batch keys are "{job}.{plan}.{n:D6}"; '/' follows '.', so this range holds exactly the plan's batches.
            var prefix = job.Id + "." + job.Plan + ".";
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {JobPartition} and RowKey gt {prefix} and RowKey lt {job.Id + "." + job.Plan + "/"} and Done eq false");
            var open = new List<int>();
            await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Done"], cancellationToken: ct).ConfigureAwait(false))
            {
                if (e.GetBoolean("Done") != true && int.TryParse(e.RowKey.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    open.Add(n);
                }
            }
            open.Sort();
            return open;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> CompleteBatchAsync(ReanalysisJob job, int number, DateTimeOffset nowUtc, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("complete re-analysis batch", async ct =>
        {
            ArgumentNullException.ThrowIfNull(job);
            if (job.Plan is null)
            {
                return false;
            }
            var batchKey = BatchKey(job.Id, job.Plan, number);
            // Batches of one job finish side by side and all add to the job's count: on a clash, read both again and retry.
            for (var attempt = 1; ; attempt++)
            {
                var batch = await _table.GetEntityIfExistsAsync<TableEntity>(JobPartition, batchKey, ["Size", "Done", "Failed"], ct).ConfigureAwait(false);
                var current = await _table.GetEntityIfExistsAsync<TableEntity>(JobPartition, job.Id, cancellationToken: ct).ConfigureAwait(false);
                if (!batch.HasValue || batch.Value!.GetBoolean("Done") == true || !current.HasValue)
                {
                    return false;
                }
                var stored = ToJob(current.Value!);
                var size = batch.Value!.GetInt32("Size") ?? 0;
                var done = stored.Done + size;
                // A batch that failed and was requeued from the poison queue is no longer a failure once done.
                var wasFailed = batch.Value!.GetBoolean("Failed") == true;
                var failedBatches = Math.Max(0, stored.FailedBatches - (wasFailed ? 1 : 0));
                var failedResponses = Math.Max(0, stored.FailedResponses - (wasFailed ? size : 0));
                var state = done >= stored.Total ? ReanalysisState.Done : failedBatches > 0 ? ReanalysisState.Failed : ReanalysisState.Running;
                var actions = new[]
                {
                    new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                        new TableEntity(JobPartition, batchKey) { ["Done"] = true, ["Failed"] = false, ["DoneUtc"] = nowUtc }, batch.Value!.ETag),
                    new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                        new TableEntity(JobPartition, job.Id)
                        {
                            ["Done"] = done,
                            ["State"] = state.ToString(),
                            ["FailedBatches"] = failedBatches,
                            ["FailedResponses"] = failedResponses,
                            ["UpdatedUtc"] = nowUtc,
                        }, current.Value!.ETag),
                };
                try
                {
                    await _table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                    return true;
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 412 && attempt < CompleteAttempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50 + (attempt * 10))), ct).ConfigureAwait(false);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 412)
                {
                    throw new ConcurrencyConflictException($"Re-analysis job {job.Id} kept changing while batch {number} was counted.");
                }
            }
        }, cancellationToken);

    private const int CompleteAttempts = 50;

    /// <inheritdoc />
    public Task<bool> FailAsync(ReanalysisJob job, int? number, DateTimeOffset nowUtc, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("fail re-analysis job", async ct =>
        {
            ArgumentNullException.ThrowIfNull(job);
            for (var attempt = 1; ; attempt++)
            {
                var current = await _table.GetEntityIfExistsAsync<TableEntity>(JobPartition, job.Id, cancellationToken: ct).ConfigureAwait(false);
                if (!current.HasValue)
                {
                    return false;
                }
                var stored = ToJob(current.Value!);
                TableTransactionAction[] actions;
                if (number is not { } n)
                {
                    if (stored.State != ReanalysisState.Queued)
                    {
                        return false;
                    }
                    actions =
                    [
                        new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                            new TableEntity(JobPartition, job.Id) { ["State"] = nameof(ReanalysisState.Failed), ["UpdatedUtc"] = nowUtc }, current.Value!.ETag),
                    ];
                }
                else
                {
                    if (stored.Plan is null)
                    {
                        return false;
                    }
                    var batchKey = BatchKey(job.Id, stored.Plan, n);
                    var batch = await _table.GetEntityIfExistsAsync<TableEntity>(JobPartition, batchKey, ["Size", "Done", "Failed"], ct).ConfigureAwait(false);
                    if (!batch.HasValue || batch.Value!.GetBoolean("Done") == true || batch.Value!.GetBoolean("Failed") == true)
                    {
                        return false;
                    }
                    actions =
                    [
                        new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                            new TableEntity(JobPartition, batchKey) { ["Failed"] = true, ["FailedUtc"] = nowUtc }, batch.Value!.ETag),
                        new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                            new TableEntity(JobPartition, job.Id)
                            {
                                ["State"] = nameof(ReanalysisState.Failed),
                                ["FailedBatches"] = stored.FailedBatches + 1,
                                ["FailedResponses"] = stored.FailedResponses + (batch.Value!.GetInt32("Size") ?? 0),
                                ["UpdatedUtc"] = nowUtc,
                            }, current.Value!.ETag),
                    ];
                }
                try
                {
                    await _table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                    return true;
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 412 && attempt < CompleteAttempts)
                {
                    // Other batches of the job finished meanwhile: read both again.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50 + (attempt * 10))), ct).ConfigureAwait(false);
                }
            }
        }, cancellationToken);

    // The row naming the latest job; job ids are digits and a dash, so it is no job's key and in no plan's range.
    private const string LatestRow = "latest";

    private static string BatchKey(string jobId, string plan, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{jobId}.{plan}.{number:D6}");

    private static ReanalysisJob ToJob(TableEntity e) =>
        new(e.RowKey, TableColumns.Required(e, "TaxonomyVersion"), e.GetString("CreatedBy") ?? "", e.GetDateTimeOffset("CreatedUtc") ?? DateTimeOffset.MinValue)
        {
            // Jobs stored before jobs ran in the background have no state; they were queued whole at once.
            State = Enum.TryParse<ReanalysisState>(e.GetString("State"), out var state) ? state : ReanalysisState.Done,
            Plan = e.GetString("Plan"),
            Total = e.GetInt32("Total") ?? 0,
            Done = e.GetInt32("Done") ?? e.GetInt32("Total") ?? 0,
            Batches = e.GetInt32("Batches") ?? 0,
            FailedBatches = e.GetInt32("FailedBatches") ?? 0,
            FailedResponses = e.GetInt32("FailedResponses") ?? 0,
            UpdatedUtc = e.GetDateTimeOffset("UpdatedUtc"),
            ETag = e.ETag.ToString(),
        };

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
