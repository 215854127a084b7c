using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FeedbackCollector.Analysis;
using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Cli.Commands;

/// <summary>
/// <c>feedback evaluate</c>: runs the analyzer over a labelled set (the dev set by default) and prints how good it is:
/// per-theme precision/recall/F1, macro-F1, sentiment accuracy and confusion, concern recall/precision, redaction
/// recall and false-redaction rate, language accuracy; optionally misclassified examples to tune with.
/// </summary>
[CliFlags("json")]
public sealed class EvaluateCommand : ICliCommand
{
    /// <summary>Where the dev set lives inside the repository.</summary>
    internal const string DevSetRelativePath = "tests/FeedbackCollector.Analysis.Tests/DevSet/devset.jsonl";

    private const int BatchSize = 256;
    private const int MaxShownTextLength = 160;

    // Source-generated metadata (EvaluationJsonContext) and one enum converter per enum of the report, instead of
    // reflection, so that the native (AOT) build writes the same document as the JIT build.
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        TypeInfoResolver = EvaluationJsonContext.Default,
        Converters =
        {
            new JsonStringEnumConverter<SentimentLabel>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<ConcernCategory>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<PiiType>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<EvaluationErrorKind>(JsonNamingPolicy.KebabCaseLower),
        },
    };

    private readonly Func<string?, ITextAnalyzer> _createAnalyzer;
    private readonly Func<string?> _findDefaultInput;

    /// <summary>Creates the command with the real analyzer, <see cref="LocalAnalyzer.CreateDefault"/>.</summary>
    public EvaluateCommand()
        : this(LocalAnalyzer.CreateDefault)
    {
    }

    /// <summary>Creates the command with the given analyzer factory (called with the <c>--taxonomy</c> path or null).</summary>
    internal EvaluateCommand(Func<string?, ITextAnalyzer> createAnalyzer, Func<string?>? findDefaultInput = null)
    {
        _createAnalyzer = createAnalyzer;
        _findDefaultInput = findDefaultInput ?? (() => FindDefaultDevSet([Directory.GetCurrentDirectory(), AppContext.BaseDirectory], File.Exists));
    }

    /// <inheritdoc />
    public string Name => "evaluate";

    /// <inheritdoc />
    public string Summary => "Score the analyzer against a labelled set (the dev set by default).";

    /// <inheritdoc />
    public string Usage => """
        Usage: feedback evaluate [--input PATH] [--taxonomy PATH] [--json] [--errors N]

          --input PATH     Labelled JSONL (one {"id","audience","text","language","themes","sentiment","concern","pii"}
                           a line); '-' reads standard input. Default: the repository's dev set
                           (tests/FeedbackCollector.Analysis.Tests/DevSet/devset.jsonl), found from the current
                           directory or the program's directory.
          --taxonomy PATH  Theme taxonomy for the analyzer. Default: the built-in one.
          --json           Print the figures as JSON instead of a table.
          --errors N       Also show up to N misclassified examples of each kind (missed or extra theme, sentiment,
                           missed concern, false alarm, wrong category, personal data left, false redaction, language).

        Exit codes: 0 scored, 1 input or analyzer problem, 2 usage error.
        """;

    /// <inheritdoc />
    public async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        var input = args.Get("input");
        var taxonomy = args.Get("taxonomy");
        var json = args.Has("json");
        var errorsText = args.Get("errors");
        args.RejectUnknown();
        if (args.Positionals.Count > 0)
        {
            throw new CliUsageException("Unexpected argument: " + args.Positionals[0]);
        }
        var errorLimit = 0;
        if (errorsText is not null && (!int.TryParse(errorsText, NumberStyles.None, CultureInfo.InvariantCulture, out errorLimit) || errorLimit < 0))
        {
            throw new CliUsageException("--errors must be a whole number of 0 or more.");
        }

        IReadOnlyList<LabelledItem> items;
        string source;
        try
        {
            if (input == "-")
            {
                source = "standard input";
                items = DevSetReader.Read(console.In, "standard input");
            }
            else
            {
                var path = input ?? _findDefaultInput();
                if (path is null)
                {
                    await console.Error.WriteLineAsync($"No --input given and the dev set ({DevSetRelativePath}) was not found above the current directory or the program's directory.");
                    return 1;
                }
                source = path;
                items = DevSetReader.ReadFile(path);
            }
        }
        catch (DevSetFormatException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"Cannot read {input}: {ex.Message}");
            return 1;
        }

        ITextAnalyzer analyzer;
        try
        {
            analyzer = _createAnalyzer(taxonomy);
        }
        catch (Exception ex) when (ex is TaxonomyException or IOException or UnauthorizedAccessException or InvalidDataException or JsonException or FormatException or ArgumentException)
        {
            await console.Error.WriteLineAsync($"Cannot create the analyzer{(taxonomy is null ? "" : " with taxonomy " + taxonomy)}: {ex.Message}");
            return 1;
        }

        var stopwatch = Stopwatch.StartNew();
        var results = new List<AnalysisResult>(items.Count);
        for (var start = 0; start < items.Count; start += BatchSize)
        {
            var batch = new AnalysisRequest[Math.Min(BatchSize, items.Count - start)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = items[start + i].ToRequest();
            }
            var batchResults = await analyzer.AnalyzeAsync(batch, cancellationToken);
            if (batchResults.Count != batch.Length)
            {
                await console.Error.WriteLineAsync($"The analyzer returned {batchResults.Count} results for {batch.Length} texts.");
                return 1;
            }
            results.AddRange(batchResults);
        }
        stopwatch.Stop();

        EvaluationReport report;
        IReadOnlyList<EvaluationError> errors;
        try
        {
            // The local analyzer's taxonomy gives every theme, in its order, even those neither labelled nor found.
            report = Evaluator.Evaluate(items, results, (analyzer as LocalAnalyzer)?.Taxonomy.Themes.Select(t => t.Id));
            errors = errorLimit > 0 ? Evaluator.FindErrors(items, results) : [];
        }
        catch (ArgumentException ex)
        {
            // The analyzer broke its contract (results out of order or with other ids).
            await console.Error.WriteLineAsync("The analyzer's results do not match the requests: " + ex.Message);
            return 1;
        }

        var shownErrors = errors.GroupBy(e => e.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Take(errorLimit).ToList());
        var errorTotals = errors.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
        if (json)
        {
            var output = new EvaluationOutput(source, analyzer.Info, Math.Round(stopwatch.Elapsed.TotalMilliseconds, 1), report,
                errorLimit > 0 ? shownErrors.Values.SelectMany(e => e).ToList() : null);
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(output, (JsonTypeInfo<EvaluationOutput>)JsonOptions.GetTypeInfo(typeof(EvaluationOutput))));
        }
        else
        {
            await console.Out.WriteAsync(FormatTable(source, analyzer.Info, stopwatch.Elapsed, report));
            if (errorLimit > 0)
            {
                await console.Out.WriteAsync(FormatErrors(shownErrors, errorTotals));
            }
        }
        return 0;
    }

    /// <summary>
    /// Finds <see cref="DevSetRelativePath"/> in the first of <paramref name="startDirectories"/> or any of their parents
    /// that has it; null when none has.
    /// </summary>
    internal static string? FindDefaultDevSet(IEnumerable<string> startDirectories, Func<string, bool> fileExists)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = Path.GetFullPath(start); dir is not null; dir = Path.GetDirectoryName(dir))
            {
                var candidate = Path.Combine(dir, DevSetRelativePath.Replace('/', Path.DirectorySeparatorChar));
                if (fileExists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>The table printed without <c>--json</c>.</summary>
    internal static string FormatTable(string source, AnalyzerInfo info, TimeSpan elapsed, EvaluationReport r)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var perSecond = elapsed.TotalSeconds > 0 ? r.Items / elapsed.TotalSeconds : 0;
        sb.AppendLine(inv, $"Evaluated {r.Items} items from {source}");
        sb.AppendLine(inv, $"Analyzer {info.Name} {info.Version}, taxonomy {info.TaxonomyVersion}; {elapsed.TotalMilliseconds:0} ms ({perSecond:0} items/s)");
        sb.AppendLine();

        var width = Math.Max(18, r.Themes.Count == 0 ? 0 : r.Themes.Max(t => t.ThemeId.Length));
        sb.AppendLine(inv, $"{"Theme".PadRight(width)}  {"Prec",6}  {"Recall",6}  {"F1",6}  {"Support",7}  {"TP",4}  {"FP",4}  {"FN",4}");
        foreach (var t in r.Themes)
        {
            sb.AppendLine(inv, $"{t.ThemeId.PadRight(width)}  {F(t.Precision),6}  {F(t.Recall),6}  {F(t.F1),6}  {t.Support,7}  {t.TruePositives,4}  {t.FalsePositives,4}  {t.FalseNegatives,4}");
        }
        sb.AppendLine(inv, $"{"macro-F1".PadRight(width)}  {"",6}  {"",6}  {F(r.MacroF1),6}  (over {r.Themes.Count(t => t.Support > 0)} themes with support)");
        sb.AppendLine();

        var s = r.Sentiment;
        sb.AppendLine(inv, $"Sentiment accuracy {F(s.Accuracy)} ({s.Correct}/{s.Total})");
        var labels = Enum.GetValues<SentimentLabel>();
        sb.Append("  labelled \\ predicted");
        foreach (var l in labels)
        {
            sb.Append(inv, $"  {WireNames.Of(l),8}");
        }
        sb.AppendLine();
        foreach (var expected in labels)
        {
            sb.Append(inv, $"  {WireNames.Of(expected),-20}");
            foreach (var actual in labels)
            {
                sb.Append(inv, $"  {s.Confusion[expected][actual],8}");
            }
            sb.AppendLine();
        }
        sb.AppendLine();

        var c = r.Concern;
        sb.AppendLine(inv, $"Concern recall {F(c.Recall)} ({c.TruePositives}/{c.Support}), precision {F(c.Precision)} ({c.TruePositives}/{c.TruePositives + c.FalsePositives}), category accuracy {F(c.CategoryAccuracy)} ({c.CategoryCorrect}/{c.TruePositives})");
        foreach (var cat in c.PerCategory)
        {
            sb.AppendLine(inv, $"  {WireNames.Of(cat.Category),-18} recall {F(cat.Recall)} ({cat.Flagged}/{cat.Labelled}), category right {cat.CategoryCorrect}");
        }
        sb.AppendLine();

        var red = r.Redaction;
        sb.AppendLine(inv, $"Redaction recall {F(red.Recall)} ({red.Removed}/{red.Labelled}), false-redaction rate {F(red.FalseRedactionRate)} ({red.CleanTextsAltered}/{red.CleanTexts} texts without personal data altered)");
        foreach (var p in red.PerType)
        {
            sb.AppendLine(inv, $"  {WireNames.Of(p.Type),-18} recall {F(p.Recall)} ({p.Removed}/{p.Labelled})");
        }
        sb.AppendLine();

        sb.AppendLine(inv, $"Language accuracy {F(r.Language.Accuracy)} ({r.Language.Correct}/{r.Language.Total})");
        return sb.ToString();
    }

    /// <summary>The misclassified examples printed with <c>--errors N</c>.</summary>
    internal static string FormatErrors(IReadOnlyDictionary<EvaluationErrorKind, List<EvaluationError>> shown, IReadOnlyDictionary<EvaluationErrorKind, int> totals)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        if (shown.Count == 0)
        {
            sb.AppendLine();
            sb.AppendLine("No misclassified examples.");
            return sb.ToString();
        }
        foreach (var (kind, list) in shown)
        {
            sb.AppendLine();
            sb.AppendLine(inv, $"{Describe(kind)}: {totals[kind]} (showing {list.Count})");
            foreach (var e in list)
            {
                sb.AppendLine(inv, $"  {e.Id,-7} expected {e.Expected} | got {Shorten(e.Actual)}");
                sb.AppendLine(inv, $"          {Shorten(e.Text)}");
            }
        }
        return sb.ToString();
    }

    private static string Describe(EvaluationErrorKind kind) => kind switch
    {
        EvaluationErrorKind.ThemeMissed => "Theme missed",
        EvaluationErrorKind.ThemeExtra => "Theme found but not labelled",
        EvaluationErrorKind.Sentiment => "Sentiment wrong",
        EvaluationErrorKind.ConcernMissed => "Concern missed",
        EvaluationErrorKind.ConcernFalseAlarm => "Concern false alarm",
        EvaluationErrorKind.ConcernCategory => "Concern with the wrong category",
        EvaluationErrorKind.PiiMissed => "Personal data left in",
        EvaluationErrorKind.FalseRedaction => "Text without personal data altered",
        EvaluationErrorKind.Language => "Language wrong",
        _ => kind.ToString(),
    };

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= MaxShownTextLength ? oneLine : oneLine[..(MaxShownTextLength - 1)] + "…";
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    /// <summary>The <c>--json</c> document.</summary>
    internal sealed record EvaluationOutput(string Input, AnalyzerInfo Analyzer, double ElapsedMs, EvaluationReport Report, IReadOnlyList<EvaluationError>? Errors);
}

/// <summary>JSON metadata of the <c>evaluate --json</c> document, generated at compile time.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EvaluateCommand.EvaluationOutput))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
