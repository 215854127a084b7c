using System.Text.Json;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Core.Themes;

/// <summary>
/// The theme taxonomy as officers see and edit it. Every saved edit is a new version (its version string must be new), so
/// each analysis keeps saying which taxonomy it used, and responses analysed with an older one can be re-analysed.
/// </summary>
public sealed partial class TaxonomyHandler(ITaxonomyRuntime runtime, ITaxonomyStore store, TimeProvider time, ILogger<TaxonomyHandler> logger)
{
    /// <summary>Largest taxonomy accepted (1 MB; the shipped one is about 80 KB).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Longest version string.</summary>
    public const int MaxVersionLength = 40;

    private static readonly JsonDocumentOptions ReadOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The taxonomy in use: version, where it came from, its themes, its full JSON, and the saved versions.</summary>
    public async Task<Outcome> GetAsync(CancellationToken cancellationToken)
    {
        await runtime.RefreshAsync(force: true, cancellationToken);
        var versions = await store.ListVersionsAsync(cancellationToken);
        return Outcome.Ok(View(runtime.Current, versions));
    }

    /// <summary>
    /// Saves an edited taxonomy as a new version and makes the analyzer use it. <paramref name="ifMatch"/> is the version the
    /// edit started from: when someone saved another version meanwhile, the answer is 409 and nothing is saved.
    /// </summary>
    public async Task<Outcome> SaveAsync(string json, string? ifMatch, string savedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var check = runtime.Check(json);
        if (!check.IsValid)
        {
            var errors = new Dictionary<string, string>();
            for (var i = 0; i < check.Errors.Count && i < 50; i++)
            {
                errors[$"taxonomy[{i}]"] = check.Errors[i];
            }
            return Outcome.Invalid(errors, $"The taxonomy has {check.Errors.Count} problem(s); nothing was saved.");
        }
        var version = check.Version!.Trim();
        if (version.Length > MaxVersionLength || !version.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+'))
        {
            return Outcome.Invalid("version", $"A version is 1 to {MaxVersionLength} letters, digits, '.', '-', '_' or '+' (for example 1.1.0).");
        }

        await runtime.RefreshAsync(force: true, cancellationToken);
        var current = runtime.Current;
        var unquoted = ifMatch?.Trim().Trim('"');
        if (!string.IsNullOrEmpty(unquoted) && unquoted != "*" && unquoted != current.Version)
        {
            return Outcome.Conflict($"The taxonomy was changed meanwhile{By(current)}: version {current.Version} is now in use. Reload it and make your edit again.");
        }
        if (version == current.Version || await store.VersionExistsAsync(version, cancellationToken))
        {
            return Outcome.Invalid("version", $"Version {version} exists already. Give the edited taxonomy a new version (for example {NextVersion(current.Version)}), so every analysis keeps saying which themes it used.");
        }

        var stored = await store.GetCurrentAsync(cancellationToken);
        try
        {
            await store.SaveAsync(new StoredTaxonomy(version, json, savedBy, time.GetUtcNow()), stored?.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return Outcome.Conflict("Someone saved the taxonomy at the same moment; nothing of yours was made current. Reload it and make your edit again.");
        }
        await runtime.RefreshAsync(force: true, cancellationToken);
        LogSaved(logger, version, check.Themes.Count);
        var versions = await store.ListVersionsAsync(cancellationToken);
        return Outcome.Ok(View(runtime.Current, versions));
    }

    /// <summary>A suggested next version: the last number of <paramref name="version"/> plus one (<c>1.0.0</c> → <c>1.0.1</c>).</summary>
    public static string NextVersion(string version)
    {
        var end = version.Length;
        var start = end;
        while (start > 0 && char.IsAsciiDigit(version[start - 1]))
        {
            start--;
        }
        return start == end || end - start > 9
            ? version + ".1"
            : version[..start] + (int.Parse(version.AsSpan(start), System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string By(ActiveTaxonomy t) => t.SavedBy is null ? "" : $" by {t.SavedBy}";

    private static object View(ActiveTaxonomy t, IReadOnlyList<StoredTaxonomyInfo> versions)
    {
        using var doc = JsonDocument.Parse(t.Json, ReadOptions);
        return new
        {
            version = t.Version,
            source = FeedbackJson.WireName(t.Source),
            savedBy = t.SavedBy,
            savedUtc = t.SavedUtc,
            nextVersion = NextVersion(t.Version),
            themes = t.Themes,
            taxonomy = doc.RootElement.Clone(),
            versions,
        };
    }

    [LoggerMessage(LogLevel.Information, "Taxonomy version {Version} saved with {Themes} themes and now in use")]
    private static partial void LogSaved(ILogger logger, string version, int themes);
}
