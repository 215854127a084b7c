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

/// <summary>A request to re-analyse stored responses whose analysis used an older taxonomy.</summary>
/// <param name="Id">The job id.</param>
/// <param name="TaxonomyVersion">The version the responses are being brought to.</param>
/// <param name="Total">How many responses were queued.</param>
/// <param name="FromUtc">Earliest receipt time among them.</param>
/// <param name="ToUtc">Just after the latest receipt time among them.</param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="CreatedUtc">When.</param>
public sealed record ReanalysisJob(string Id, string TaxonomyVersion, int Total, DateTimeOffset FromUtc, DateTimeOffset ToUtc, string CreatedBy, DateTimeOffset CreatedUtc);

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

    /// <summary>The job with this id, or null.</summary>
    Task<ReanalysisJob?> FindJobAsync(string id, CancellationToken cancellationToken = default);
}
