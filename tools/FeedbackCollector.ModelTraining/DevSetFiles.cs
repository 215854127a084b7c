/// <summary>The labelled sets both trainers read when no <c>--data</c> is given.</summary>
internal static class DevSetFiles
{
    /// <summary>Where the labelled sets are, relative to the repository root (the trainer is run from there).</summary>
    public const string Directory = "tests/FeedbackCollector.Analysis.Tests/DevSet/";

    /// <summary>
    /// Every <c>*.jsonl</c> in <see cref="Directory"/>, in ordinal order so a retrain reads them in the same order and
    /// writes the same bytes. Every file, because more independently written data moved the untouched sets where
    /// hand-picked subsets did not (docs/analyzer.md, "Themes: more data" and "Concerns: more data", seventh session).
    /// </summary>
    public static IEnumerable<string> All() => System.IO.Directory.GetFiles(Directory, "*.jsonl").Order(StringComparer.Ordinal);

    /// <summary>
    /// Sets whose sentiment labels are placeholders by their README entry ("negative" for a disclosure, "neutral" for
    /// anything else, or "neutral" throughout): the sentiment model neither trains nor is scored on them.
    /// </summary>
    public static readonly string[] SentimentPlaceholders =
    [
        "concerns-train-2.jsonl", "concerns-train-3.jsonl", "concerns-train-4.jsonl", "concerns-train-5.jsonl",
        "concerns-train-6.jsonl", "redaction-context.jsonl",
    ];

    /// <summary>True when the file at <paramref name="path"/> is one of <see cref="SentimentPlaceholders"/>.</summary>
    public static bool HasPlaceholderSentiment(string path) => SentimentPlaceholders.Contains(Path.GetFileName(path), StringComparer.Ordinal);
}
