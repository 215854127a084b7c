using FeedbackCollector.Analysis;
using FeedbackCollector.AzureLanguage;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Themes;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions.Themes;

/// <summary>
/// The product's local analyzer, rebuilt whenever an officer saves a new taxonomy version on any instance. It starts with
/// the configured taxonomy (Analysis:TaxonomyPath, else the shipped one); a version saved in the console wins over it.
/// The store is asked for the current version at most every <see cref="CheckInterval"/> (one small read), and at once when
/// a handler forces it. A swap is atomic: a batch is analysed wholly with one taxonomy.
/// </summary>
public sealed partial class ReloadableAnalyzer : ITextAnalyzer, ITaxonomyRuntime, IDisposable
{
    /// <summary>Longest time an instance keeps using a taxonomy after another was saved, unless forced to look.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    private readonly ITaxonomyStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<ReloadableAnalyzer> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    // Redaction and concern rules do not depend on the taxonomy: built once, shared by every version.
    private readonly PiiRedactor _redactor = new();
    private readonly ConcernDetector _concerns = new();
    private readonly State _configured;
    private volatile State _state;
    private long _lastCheckTicks = long.MinValue;

    /// <summary>Starts with the taxonomy <paramref name="options"/> configure; later versions come from <paramref name="store"/>.</summary>
    /// <exception cref="TaxonomyException">The configured taxonomy file is not valid.</exception>
    public ReloadableAnalyzer(AnalysisOptions options, ITaxonomyStore store, TimeProvider time, ILogger<ReloadableAnalyzer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _time = time;
        _logger = logger;
        _configured = string.IsNullOrWhiteSpace(options.TaxonomyPath)
            ? Build(BuiltInJson(), "embedded:" + Taxonomy.DefaultFileName, TaxonomySource.BuiltIn, null, null)
            : Build(File.ReadAllText(options.TaxonomyPath), options.TaxonomyPath, TaxonomySource.File, null, null);
        _state = _configured;
    }

    /// <inheritdoc />
    public AnalyzerInfo Info => _state.Analyzer.Info;

    /// <inheritdoc />
    public ActiveTaxonomy Current => _state.Active;

    /// <inheritdoc />
    public async Task<IReadOnlyList<AnalysisResult>> AnalyzeAsync(IReadOnlyList<AnalysisRequest> batch, CancellationToken cancellationToken = default)
    {
        try
        {
            await RefreshAsync(force: false, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            // Analysing with the taxonomy in hand beats failing: the result records which version it used.
            LogRefreshFailed(_logger, ex);
        }
        return await _state.Analyzer.AnalyzeAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public TaxonomyCheck Check(string json)
    {
        try
        {
            var t = Taxonomy.Parse(json, "the edited taxonomy");
            return new TaxonomyCheck(t.Version, Labels(t), []);
        }
        catch (TaxonomyException ex)
        {
            return new TaxonomyCheck(null, [], ex.Errors);
        }
    }

    /// <inheritdoc />
    public async Task<bool> RefreshAsync(bool force, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow().UtcTicks;
        if (!force && now - Interlocked.Read(ref _lastCheckTicks) < CheckInterval.Ticks)
        {
            return false;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!force && now - Interlocked.Read(ref _lastCheckTicks) < CheckInterval.Ticks)
            {
                return false;
            }
            var version = await _store.GetCurrentVersionAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _lastCheckTicks, now);
            var before = _state;
            if (version is null)
            {
                _state = _configured;
                return before.Active.Version != _configured.Active.Version;
            }
            if (before.Active.Source == TaxonomySource.Stored && version == before.Active.Version)
            {
                return false;
            }
            var stored = await _store.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return false;
            }
            try
            {
                _state = Build(stored.Json, "stored:" + stored.Version, TaxonomySource.Stored, stored.SavedBy, stored.SavedUtc);
            }
            catch (TaxonomyException ex)
            {
                // Saved versions are checked before they are saved; keep analysing with the one in hand if one is not.
                LogStoredInvalid(_logger, ex, stored.Version);
                return false;
            }
            LogSwapped(_logger, before.Active.Version, _state.Active.Version);
            return before.Active.Version != _state.Active.Version;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>The shipped taxonomy's JSON text, as embedded in the analyzer.</summary>
    public static string BuiltInJson()
    {
        var assembly = typeof(Taxonomy).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + Taxonomy.DefaultFileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private State Build(string json, string source, TaxonomySource kind, string? savedBy, DateTimeOffset? savedUtc)
    {
        var taxonomy = Taxonomy.Parse(json, source);
        var analyzer = new LocalAnalyzer(taxonomy, _redactor, _concerns);
        return new State(analyzer, new ActiveTaxonomy(taxonomy.Version, json, Labels(taxonomy), kind, savedBy, savedUtc));
    }

    private static List<ThemeLabel> Labels(Taxonomy t) => t.Themes.Select(x => new ThemeLabel(x.Id, x.Label)).ToList();

    private sealed record State(LocalAnalyzer Analyzer, ActiveTaxonomy Active);

    [LoggerMessage(LogLevel.Information, "Taxonomy {Previous} replaced by saved version {Version}")]
    private static partial void LogSwapped(ILogger logger, string previous, string version);

    [LoggerMessage(LogLevel.Error, "Saved taxonomy version {Version} is not valid; the taxonomy in use is kept")]
    private static partial void LogStoredInvalid(ILogger logger, Exception ex, string version);

    [LoggerMessage(LogLevel.Warning, "Could not check for a new taxonomy version; analysing with the one in use")]
    private static partial void LogRefreshFailed(ILogger logger, Exception ex);
}
