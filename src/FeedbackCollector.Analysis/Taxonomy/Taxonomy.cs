using System.Text;
using System.Text.Json;
using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis;

/// <summary>
/// The theme taxonomy: themes with human labels and the phrases that signal them. A JSON data file that an officer
/// can edit without recompiling (see docs/analyzer.md); the shipped one is embedded and also copied next to the
/// program as <c>Taxonomy/taxonomy.v1.json</c>.
/// </summary>
public sealed class Taxonomy
{
    /// <summary>Name of the shipped taxonomy file.</summary>
    public const string DefaultFileName = "taxonomy.v1.json";

    private const string ResourceName = "FeedbackCollector.Analysis.Taxonomy.taxonomy.v1.json";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private Taxonomy(string version, string? description, IReadOnlyList<TaxonomyTheme> themes, string source)
    {
        Version = version;
        Description = description;
        Themes = themes;
        Source = source;
    }

    /// <summary>The taxonomy's version, recorded with every result (so results can be re-analysed when it changes).</summary>
    public string Version { get; }

    /// <summary>Free description.</summary>
    public string? Description { get; }

    /// <summary>The themes, in file order.</summary>
    public IReadOnlyList<TaxonomyTheme> Themes { get; }

    /// <summary>Where it was loaded from (a path or <c>embedded:taxonomy.v1.json</c>).</summary>
    public string Source { get; }

    /// <summary>The theme with id <paramref name="id"/>, or null.</summary>
    public TaxonomyTheme? Find(string id) => Themes.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    /// <summary>Loads and validates a taxonomy file.</summary>
    /// <exception cref="TaxonomyException">The file is not valid JSON or not a valid taxonomy; the message lists every problem.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Taxonomy Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = File.ReadAllBytes(path);
        return Parse(bytes, path);
    }

    /// <summary>The taxonomy shipped inside this assembly.</summary>
    public static Taxonomy LoadDefault()
    {
        using var stream = typeof(Taxonomy).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return Parse(ms.ToArray(), "embedded:" + DefaultFileName);
    }

    /// <summary>Parses and validates taxonomy JSON text.</summary>
    /// <exception cref="TaxonomyException">Not valid JSON or not a valid taxonomy.</exception>
    public static Taxonomy Parse(string json, string source = "taxonomy") => Parse(Encoding.UTF8.GetBytes(json), source);

    /// <summary>Parses and validates taxonomy JSON (UTF-8).</summary>
    /// <exception cref="TaxonomyException">Not valid JSON or not a valid taxonomy.</exception>
    public static Taxonomy Parse(ReadOnlyMemory<byte> utf8Json, string source = "taxonomy")
    {
        var json = utf8Json;
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"line {line + 1}, position {ex.BytePositionInLine + 1}" : "unknown position";
            throw new TaxonomyException(source, [$"not valid JSON at {where}: {FirstSentence(ex.Message)}"]);
        }
        using (doc)
        {
            var errors = new List<string>();
            var taxonomy = Read(doc.RootElement, source, errors);
            if (errors.Count > 0 || taxonomy is null)
            {
                throw new TaxonomyException(source, errors);
            }
            return taxonomy;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static Taxonomy? Read(JsonElement root, string source, List<string> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("the top level must be an object with \"version\" and \"themes\".");
            return null;
        }
        var version = OptionalString(root, "version", "the taxonomy", errors);
        if (string.IsNullOrWhiteSpace(version))
        {
            errors.Add("\"version\" is missing or empty (for example \"1.0.0\").");
        }
        var description = OptionalString(root, "description", "the taxonomy", errors);
        var defaultThreshold = OptionalNumber(root, "defaultThreshold", "the taxonomy", errors) ?? 0.5;
        if (defaultThreshold is <= 0 or > 1)
        {
            errors.Add($"\"defaultThreshold\" is {defaultThreshold}; it must be above 0 and at most 1.");
        }
        var defaultWeight = OptionalNumber(root, "defaultWeight", "the taxonomy", errors) ?? 0.8;
        if (defaultWeight is <= 0 or > 1)
        {
            errors.Add($"\"defaultWeight\" is {defaultWeight}; it must be above 0 and at most 1.");
        }
        foreach (var p in root.EnumerateObject())
        {
            if (p.Name is not ("version" or "description" or "defaultThreshold" or "defaultWeight" or "themes" or "$schema" or "notes"))
            {
                errors.Add($"unknown property \"{p.Name}\" at the top level.");
            }
        }
        if (!root.TryGetProperty("themes", out var themesElement) || themesElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add("\"themes\" is missing or is not an array.");
            return null;
        }
        var themes = new List<TaxonomyTheme>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var t in themesElement.EnumerateArray())
        {
            index++;
            var theme = ReadTheme(t, index, defaultThreshold, defaultWeight, errors);
            if (theme is null)
            {
                continue;
            }
            if (!ids.Add(theme.Id))
            {
                errors.Add($"theme #{index}: the id \"{theme.Id}\" is used twice; ids must be unique.");
                continue;
            }
            themes.Add(theme);
        }
        if (index == 0)
        {
            errors.Add("\"themes\" is empty.");
        }
        return errors.Count == 0 ? new Taxonomy(version!, description, themes, source) : null;
    }

    private static TaxonomyTheme? ReadTheme(JsonElement t, int index, double defaultThreshold, double defaultWeight, List<string> errors)
    {
        if (t.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"theme #{index} is not an object.");
            return null;
        }
        var id = OptionalString(t, "id", $"theme #{index}", errors);
        var where = id is null ? $"theme #{index}" : $"theme \"{id}\"";
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add($"theme #{index}: \"id\" is missing.");
            return null;
        }
        if (!IsValidId(id))
        {
            errors.Add($"{where}: the id must be lower-case words joined by hyphens (for example \"early-help\").");
        }
        var label = OptionalString(t, "label", where, errors);
        if (string.IsNullOrWhiteSpace(label))
        {
            errors.Add($"{where}: \"label\" is missing or empty.");
        }
        var description = OptionalString(t, "description", where, errors);
        var threshold = OptionalNumber(t, "threshold", where, errors) ?? defaultThreshold;
        if (threshold is <= 0 or > 1)
        {
            errors.Add($"{where}: \"threshold\" is {threshold}; it must be above 0 and at most 1.");
        }
        var weight = OptionalNumber(t, "defaultWeight", where, errors) ?? defaultWeight;
        if (weight is <= 0 or > 1)
        {
            errors.Add($"{where}: \"defaultWeight\" is {weight}; it must be above 0 and at most 1.");
        }
        foreach (var p in t.EnumerateObject())
        {
            if (p.Name is not ("id" or "label" or "description" or "threshold" or "defaultWeight" or "phrases" or "notes"))
            {
                errors.Add($"{where}: unknown property \"{p.Name}\".");
            }
        }
        var phrases = new List<TaxonomyPhrase>();
        if (!t.TryGetProperty("phrases", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{where}: \"phrases\" is missing or is not an array.");
        }
        else
        {
            var n = 0;
            foreach (var p in list.EnumerateArray())
            {
                n++;
                var phrase = ReadPhrase(p, $"{where}, phrase #{n}", weight, errors);
                if (phrase is not null)
                {
                    phrases.Add(phrase);
                }
            }
            if (n == 0)
            {
                errors.Add($"{where}: has no phrases; a theme needs at least one.");
            }
        }
        return new TaxonomyTheme(id, label ?? id, description, threshold, phrases);
    }

    private static TaxonomyPhrase? ReadPhrase(JsonElement p, string where, double defaultWeight, List<string> errors)
    {
        if (p.ValueKind == JsonValueKind.String)
        {
            var text = p.GetString()!;
            return CheckPattern(text, where, errors) ? new TaxonomyPhrase(text, defaultWeight, [], [], []) : null;
        }
        if (p.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{where}: must be a string or an object with \"text\".");
            return null;
        }
        var body = OptionalString(p, "text", where, errors);
        if (body is null)
        {
            errors.Add($"{where}: \"text\" is missing.");
            return null;
        }
        where = $"{where} (\"{body}\")";
        var weight = OptionalNumber(p, "weight", where, errors) ?? defaultWeight;
        var ok = CheckPattern(body, where, errors);
        if (weight is <= 0 or > 1 || double.IsNaN(weight))
        {
            errors.Add($"{where}: \"weight\" is {weight}; it must be above 0 and at most 1.");
            ok = false;
        }
        var requires = StringList(p, "requires", where, errors);
        var unless = StringList(p, "unless", where, errors);
        foreach (var r in requires.Concat(unless))
        {
            ok &= CheckPattern(r, where, errors, singleWord: true);
        }
        var audiences = new List<Audience>();
        foreach (var a in StringList(p, "audiences", where, errors))
        {
            if (FeedbackCollector.Core.FeedbackJson.TryParseWireName<Audience>(a, out var audience) && audience != Audience.Unknown)
            {
                audiences.Add(audience);
            }
            else
            {
                errors.Add($"{where}: unknown audience \"{a}\" (use child, parent, practitioner or forum-notes).");
                ok = false;
            }
        }
        foreach (var prop in p.EnumerateObject())
        {
            if (prop.Name is not ("text" or "weight" or "requires" or "unless" or "audiences" or "notes"))
            {
                errors.Add($"{where}: unknown property \"{prop.Name}\".");
                ok = false;
            }
        }
        return ok ? new TaxonomyPhrase(body, weight, requires, unless, audiences) : null;
    }

    /// <summary>Checks the syntax of a phrase: words, stems (<c>listen*</c>, at least 3 letters) and gaps (<c>*</c> between words).</summary>
    private static bool CheckPattern(string text, string where, List<string> errors, bool singleWord = false)
    {
        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            errors.Add($"{where}: the phrase is empty.");
            return false;
        }
        if (singleWord && parts.Length > 1)
        {
            errors.Add($"{where}: \"{text}\" in requires/unless must be one word or stem.");
            return false;
        }
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part == "*")
            {
                if (i == 0 || i == parts.Length - 1 || parts[i - 1] == "*")
                {
                    errors.Add($"{where}: \"{text}\": a gap \"*\" must stand between two words.");
                    return false;
                }
                continue;
            }
            var stem = part.EndsWith('*');
            var body = stem ? part[..^1] : part;
            if (body.Contains('*'))
            {
                errors.Add($"{where}: \"{text}\": \"*\" may only end a word (a stem such as listen*) or stand alone as a gap.");
                return false;
            }
            var letters = body.Count(char.IsLetterOrDigit);
            if (letters == 0)
            {
                errors.Add($"{where}: \"{text}\": \"{part}\" has no letters.");
                return false;
            }
            if (stem && letters < 3)
            {
                errors.Add($"{where}: \"{text}\": the stem \"{part}\" is too short; a stem needs at least 3 letters.");
                return false;
            }
        }
        return true;
    }

    private static bool IsValidId(string id)
    {
        if (id.Length == 0 || id[0] == '-' || id[^1] == '-' || id.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }
        return true;
    }

    private static string? OptionalString(JsonElement e, string name, string where, List<string> errors)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{where}: \"{name}\" must be a string.");
            return null;
        }
        return v.GetString();
    }

    private static double? OptionalNumber(JsonElement e, string name, string where, List<string> errors)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Number)
        {
            errors.Add($"{where}: \"{name}\" must be a number.");
            return double.NaN;
        }
        return v.GetDouble();
    }

    private static List<string> StringList(JsonElement e, string name, string where, List<string> errors)
    {
        var result = new List<string>();
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return result;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{where}: \"{name}\" must be an array of strings.");
            return result;
        }
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                result.Add(item.GetString()!.Trim());
            }
            else
            {
                errors.Add($"{where}: \"{name}\" must hold non-empty strings only.");
            }
        }
        return result;
    }
}

/// <summary>A theme of the taxonomy.</summary>
/// <param name="Id">Stable id (kebab-case), used in results and digests.</param>
/// <param name="Label">Human label, shown to officers.</param>
/// <param name="Description">What the theme covers.</param>
/// <param name="Threshold">Confidence at which the theme is assigned, in (0,1].</param>
/// <param name="Phrases">The phrases that signal it.</param>
public sealed record TaxonomyTheme(string Id, string Label, string? Description, double Threshold, IReadOnlyList<TaxonomyPhrase> Phrases);

/// <summary>A phrase that signals a theme.</summary>
/// <param name="Text">Words, stems (<c>listen*</c>) and gaps (<c>*</c>: up to two any words), for example <c>never * listen*</c>.</param>
/// <param name="Weight">How strongly it signals the theme, in (0,1]; several phrases combine as 1 - (1-w1)(1-w2)...</param>
/// <param name="Requires">When not empty, the phrase counts only if one of these words or stems is in the same sentence.</param>
/// <param name="Unless">The phrase does not count if one of these words or stems is in the same sentence.</param>
/// <param name="Audiences">When not empty, the phrase counts only for these audiences (or when the audience is unknown).</param>
public sealed record TaxonomyPhrase(string Text, double Weight, IReadOnlyList<string> Requires, IReadOnlyList<string> Unless, IReadOnlyList<Audience> Audiences);

/// <summary>A taxonomy that cannot be used, with every problem found.</summary>
public sealed class TaxonomyException(string source, IReadOnlyList<string> errors)
    : Exception($"Taxonomy {source} is not valid:{Environment.NewLine}  - " + string.Join(Environment.NewLine + "  - ", errors))
{
    /// <summary>Where the taxonomy came from (a path, or <c>embedded:taxonomy.v1.json</c>).</summary>
    public string TaxonomySource { get; } = source;

    /// <summary>Each problem, in file order.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
