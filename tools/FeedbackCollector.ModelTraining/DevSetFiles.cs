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
}
