namespace FeedbackCollector.Core.Themes;

/// <summary>A theme's id and label.</summary>
public sealed record ThemeLabel(string Id, string Label);

/// <summary>The result of checking taxonomy JSON: its version and themes when valid, otherwise every problem.</summary>
/// <param name="Version">The taxonomy's version, when it could be read.</param>
/// <param name="Themes">The themes, when valid.</param>
/// <param name="Errors">Every problem, in plain words; empty when valid.</param>
public sealed record TaxonomyCheck(string? Version, IReadOnlyList<ThemeLabel> Themes, IReadOnlyList<string> Errors)
{
    /// <summary>True when the JSON is a valid taxonomy.</summary>
    public bool IsValid => Errors.Count == 0 && Version is not null;
}

/// <summary>Where the taxonomy in use came from.</summary>
public enum TaxonomySource
{
    /// <summary>The one shipped with the analyzer.</summary>
    BuiltIn,
    /// <summary>The file named by the Analysis:TaxonomyPath setting.</summary>
    File,
    /// <summary>A version an officer saved in the console.</summary>
    Stored,
}

/// <summary>The taxonomy the analyzer uses now.</summary>
/// <param name="Version">Its version, recorded with every analysis.</param>
/// <param name="Json">Its JSON text.</param>
/// <param name="Themes">Its themes.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="SavedBy">For a stored version: who saved it.</param>
/// <param name="SavedUtc">For a stored version: when.</param>
public sealed record ActiveTaxonomy(string Version, string Json, IReadOnlyList<ThemeLabel> Themes, TaxonomySource Source, string? SavedBy = null, DateTimeOffset? SavedUtc = null);

/// <summary>
/// The analyzer's taxonomy at run time. The host implements it over the analyzer it composes; core handlers use it to
/// check an edited taxonomy, to know the themes, and to make the analyzer pick up a version saved by any instance.
/// </summary>
public interface ITaxonomyRuntime
{
    /// <summary>The taxonomy in use now.</summary>
    ActiveTaxonomy Current { get; }

    /// <summary>Checks taxonomy JSON without using it.</summary>
    TaxonomyCheck Check(string json);

    /// <summary>
    /// Loads the stored taxonomy when it changed, and from then on analyses with it. Without <paramref name="force"/> the
    /// store is asked at most every few seconds. True when the version in use changed.
    /// </summary>
    Task<bool> RefreshAsync(bool force, CancellationToken cancellationToken = default);
}

/// <summary>A saved version of the taxonomy.</summary>
/// <param name="Version">Its version (unique among saved versions).</param>
/// <param name="Json">Its JSON text.</param>
/// <param name="SavedBy">Who saved it (the staff key's label).</param>
/// <param name="SavedUtc">When.</param>
/// <param name="ETag">Storage concurrency token of the current-version record, when read from it.</param>
public sealed record StoredTaxonomy(string Version, string Json, string SavedBy, DateTimeOffset SavedUtc, string? ETag = null);

/// <summary>A saved version, without its text.</summary>
public sealed record StoredTaxonomyInfo(string Version, string SavedBy, DateTimeOffset SavedUtc);

/// <summary>Where a re-analysis job stands.</summary>
public enum ReanalysisState
{
    /// <summary>Started; the background function has not yet listed its responses.</summary>
    Queued,
    /// <summary>Its responses are listed in batches, and the batches are being re-analysed.</summary>
    Running,
    /// <summary>Every batch is re-analysed.</summary>
    Done,
    /// <summary>
    /// A message of the job failed on its last attempt and went to the poison queue: its responses could not be listed,
    /// or a batch could not be re-analysed. The other batches go on; a failed batch requeued that then succeeds is
    /// counted, and the job runs (or is done) again once no batch is failed.
    /// </summary>
    Failed,
}

/// <summary>
/// A request to re-analyse the stored responses whose analysis used another taxonomy version. It is worked in the
/// background: one queue message lists the responses into batches, then one message per batch re-analyses them.
/// </summary>
/// <param name="Id">The job id.</param>
/// <param name="TaxonomyVersion">The version the responses are being brought to.</param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="CreatedUtc">When.</param>
public sealed record ReanalysisJob(string Id, string TaxonomyVersion, string CreatedBy, DateTimeOffset CreatedUtc)
{
    /// <summary>Where it stands.</summary>
    public ReanalysisState State { get; init; } = ReanalysisState.Queued;

    /// <summary>How many responses it re-analyses (known once listed).</summary>
    public int Total { get; init; }

    /// <summary>How many of them are re-analysed: the sum of the sizes of the batches done.</summary>
    public int Done { get; init; }

    /// <summary>How many batches the responses were split into (known once listed).</summary>
    public int Batches { get; init; }

    /// <summary>
    /// The token of the listing whose batches count, set when the job is planned. Batches of an earlier attempt that
    /// lost the race to plan are stored under another token and never read.
    /// </summary>
    public string? Plan { get; init; }

    /// <summary>When it last made progress.</summary>
    public DateTimeOffset? UpdatedUtc { get; init; }

    /// <summary>How many of its batches failed on their last attempt and are not done (each counted once).</summary>
    public int FailedBatches { get; init; }

    /// <summary>How many responses those failed batches hold.</summary>
    public int FailedResponses { get; init; }

    /// <summary>Storage concurrency token, when read from storage.</summary>
    public string? ETag { get; init; }
}

/// <summary>One batch of a re-analysis job: the response ids it re-analyses, and whether it is done.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Number">The batch number, from 0.</param>
/// <param name="Ids">The response ids.</param>
/// <param name="Done">True once re-analysed and counted in the job.</param>
/// <param name="ETag">Storage concurrency token, when read from storage.</param>
/// <param name="Failed">True while it is counted as failed in the job (its last attempt failed; not done since).</param>
public sealed record ReanalysisBatch(string JobId, int Number, IReadOnlyList<string> Ids, bool Done, string? ETag = null, bool Failed = false);

/// <summary>Edited taxonomy versions, the current one, and re-analysis jobs.</summary>
public interface ITaxonomyStore
{
    /// <summary>The current saved taxonomy with the ETag of the current-version record, or null when none was ever saved.</summary>
    Task<StoredTaxonomy?> GetCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>Only the current saved version (a cheap check), or null when none was ever saved.</summary>
    Task<string?> GetCurrentVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="taxonomy"/> as a new version and makes it current, provided the current record still has
    /// <paramref name="expectedETag"/> (null: none was saved yet). Returns it with the new ETag.
    /// </summary>
    /// <exception cref="Storage.ConcurrencyConflictException">The version exists already, or the current one changed meanwhile.</exception>
    Task<StoredTaxonomy> SaveAsync(StoredTaxonomy taxonomy, string? expectedETag, CancellationToken cancellationToken = default);

    /// <summary>True when <paramref name="version"/> was ever saved.</summary>
    Task<bool> VersionExistsAsync(string version, CancellationToken cancellationToken = default);

    /// <summary>Every saved version, newest first.</summary>
    Task<IReadOnlyList<StoredTaxonomyInfo>> ListVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a new re-analysis job.</summary>
    Task AddJobAsync(ReanalysisJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new job unless a job for the same taxonomy version is queued or running (a failed, done or superseded one
    /// does not stop it), checked and stored in one transaction so two starts at once cannot both succeed. Returns null
    /// when stored, otherwise the job that stopped it.
    /// </summary>
    Task<ReanalysisJob?> AddJobUnlessRunningAsync(ReanalysisJob job, CancellationToken cancellationToken = default);

    /// <summary>Removes a job that was never queued (its message could not be sent); nothing when there is none.</summary>
    Task DeleteJobAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The job with this id (with its ETag), or null.</summary>
    Task<ReanalysisJob?> FindJobAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the batches of a queued job under a new plan token, then marks the job running with that plan and its
    /// totals (done at once when there are no batches), provided the job still has its ETag. Returns the job as stored.
    /// </summary>
    /// <exception cref="Storage.ConcurrencyConflictException">The job changed meanwhile (another attempt planned it).</exception>
    Task<ReanalysisJob> PlanJobAsync(ReanalysisJob job, IReadOnlyList<IReadOnlyList<string>> batches, DateTimeOffset nowUtc, CancellationToken cancellationToken = default);

    /// <summary>Batch <paramref name="number"/> of the job's plan, or null.</summary>
    Task<ReanalysisBatch?> FindBatchAsync(ReanalysisJob job, int number, CancellationToken cancellationToken = default);

    /// <summary>The numbers of the batches of the job's plan not yet done.</summary>
    Task<IReadOnlyList<int>> ListOpenBatchesAsync(ReanalysisJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction, marks the batch done and adds its size to the job's count (the job is done when the count
    /// reaches its total), so a batch is counted once however often it is delivered. False when it was already done.
    /// A batch counted as failed (requeued from the poison queue) is no longer counted so; the job is failed while any
    /// batch is, otherwise running or done.
    /// </summary>
    Task<bool> CompleteBatchAsync(ReanalysisJob job, int number, DateTimeOffset nowUtc, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that a message of the job failed on its last attempt. With <paramref name="number"/>, in one transaction
    /// marks that batch failed and adds it to the job's failed batches and responses, and makes the job failed; false
    /// when the batch is done or counted as failed already (so it is counted once). Without it, the listing failed: a
    /// queued job becomes failed (false when it is not queued any more).
    /// </summary>
    Task<bool> FailAsync(ReanalysisJob job, int? number, DateTimeOffset nowUtc, CancellationToken cancellationToken = default);
}
