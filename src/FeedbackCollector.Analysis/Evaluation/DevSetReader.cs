using System.Text.Json;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Evaluation;

/// <summary>A line of a labelled JSONL set that cannot be read; the message names the source and the line.</summary>
public sealed class DevSetFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="line"/> (1-based) of <paramref name="source"/>.</summary>
    public DevSetFormatException(string source, int line, string problem, Exception? inner = null)
        : base($"{source} line {line}: {problem}", inner)
    {
        Source = source;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file name or other label of the input.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line number.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}

/// <summary>
/// Reads labelled items in the dev-set JSONL format, one object a line:
/// <c>{"id","audience","text","language","themes":[],"sentiment","concern":null|"self-harm"...,"pii":[{"type","text"}]}</c>.
/// Blank lines are skipped; anything else that is wrong is a <see cref="DevSetFormatException"/> naming the line.
/// </summary>
public static class DevSetReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Reads every item from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<LabelledItem> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var items = new List<LabelledItem>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var item = ParseLine(line, source, lineNumber);
            if (!ids.TryAdd(item.Id, lineNumber))
            {
                throw new DevSetFormatException(source, lineNumber, $"id '{item.Id}' was already used on line {ids[item.Id]}.");
            }
            items.Add(item);
        }
        return items;
    }

    /// <summary>Reads a JSONL file.</summary>
    public static IReadOnlyList<LabelledItem> ReadFile(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Read(reader, Path.GetFileName(path));
    }

    private static LabelledItem ParseLine(string line, string source, int n)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line, Options);
        }
        catch (JsonException ex)
        {
            throw new DevSetFormatException(source, n, "not valid JSON: " + ex.Message, ex);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DevSetFormatException(source, n, "expected a JSON object.");
            }
            var id = RequiredString(root, "id", source, n);
            if (id.Length == 0)
            {
                throw new DevSetFormatException(source, n, "'id' is empty.");
            }
            var audience = RequiredEnum<Audience>(root, "audience", source, n);
            var text = RequiredString(root, "text", source, n);
            var language = RequiredString(root, "language", source, n);
            if (language.Length == 0)
            {
                throw new DevSetFormatException(source, n, "'language' is empty.");
            }
            var sentiment = RequiredEnum<SentimentLabel>(root, "sentiment", source, n);

            ConcernCategory? concern = null;
            if (!root.TryGetProperty("concern", out var c))
            {
                throw new DevSetFormatException(source, n, "'concern' is missing (use null for none).");
            }
            if (c.ValueKind != JsonValueKind.Null)
            {
                concern = ParseEnum<ConcernCategory>(c, "concern", source, n);
            }

            var themes = new List<string>();
            foreach (var t in RequiredArray(root, "themes", source, n))
            {
                if (t.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(t.GetString()))
                {
                    throw new DevSetFormatException(source, n, "'themes' must hold non-empty strings.");
                }
                var theme = t.GetString()!;
                if (themes.Contains(theme, StringComparer.Ordinal))
                {
                    throw new DevSetFormatException(source, n, $"theme '{theme}' is listed twice.");
                }
                themes.Add(theme);
            }

            var pii = new List<LabelledPii>();
            foreach (var p in RequiredArray(root, "pii", source, n))
            {
                if (p.ValueKind != JsonValueKind.Object)
                {
                    throw new DevSetFormatException(source, n, "'pii' must hold objects like {\"type\":\"name\",\"text\":\"Sarah\"}.");
                }
                var type = RequiredEnum<PiiType>(p, "type", source, n, "pii.type");
                var piiText = RequiredString(p, "text", source, n, "pii.text");
                if (piiText.Length == 0)
                {
                    throw new DevSetFormatException(source, n, "'pii.text' is empty.");
                }
                pii.Add(new LabelledPii(type, piiText));
            }

            return new LabelledItem(id, audience, text, language, themes, sentiment, concern, pii);
        }
    }

    private static string RequiredString(JsonElement obj, string name, string source, int n, string? display = null)
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            throw new DevSetFormatException(source, n, $"'{display ?? name}' is missing.");
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            throw new DevSetFormatException(source, n, $"'{display ?? name}' must be a string.");
        }
        return v.GetString()!;
    }

    private static JsonElement.ArrayEnumerator RequiredArray(JsonElement obj, string name, string source, int n)
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            throw new DevSetFormatException(source, n, $"'{name}' is missing (use [] for none).");
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new DevSetFormatException(source, n, $"'{name}' must be an array.");
        }
        return v.EnumerateArray();
    }

    private static TEnum RequiredEnum<TEnum>(JsonElement obj, string name, string source, int n, string? display = null)
        where TEnum : struct, Enum
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            throw new DevSetFormatException(source, n, $"'{display ?? name}' is missing.");
        }
        return ParseEnum<TEnum>(v, display ?? name, source, n);
    }

    private static TEnum ParseEnum<TEnum>(JsonElement v, string name, string source, int n) where TEnum : struct, Enum
    {
        var wire = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        // Audience.Unknown is the contract's "not said"; a labelled item always says who wrote it.
        if (WireNames.TryParse<TEnum>(wire, out var value) && !(value is Audience.Unknown))
        {
            return value;
        }
        var allowed = WireNames.All<TEnum>().Where(w => w != "unknown");
        throw new DevSetFormatException(source, n,
            $"'{name}' must be one of {string.Join(", ", allowed)} (was {(wire is null ? v.GetRawText() : "'" + wire + "'")}).");
    }
}
