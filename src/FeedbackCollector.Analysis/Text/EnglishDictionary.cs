using System.Reflection;

namespace FeedbackCollector.Analysis.Text;

/// <summary>
/// A British English word list (from SCOWL via Debian's wbritish; see Resources/english-words.LICENSE.txt), embedded.
/// Used to tell a real word from a misspelling, so that a correct but rare word is never "corrected".
/// </summary>
internal static class EnglishDictionary
{
    private const string ResourceName = "FeedbackCollector.Analysis.Resources.english-words.txt";

    private static readonly Lazy<HashSet<string>> Words = new(Load);

    /// <summary>The words, lower case.</summary>
    public static HashSet<string> All => Words.Value;

    private static HashSet<string> Load()
    {
        using var stream = typeof(EnglishDictionary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        // Read whole and cut into lines without a StreamReader: this is a start-up cost of every run (63,000 words).
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var rest = bytes.AsSpan();
        var set = new HashSet<string>(70_000, StringComparer.Ordinal);
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }
            if (!line.IsEmpty)
            {
                set.Add(System.Text.Encoding.UTF8.GetString(line));
            }
        }
        return set;
    }
}
