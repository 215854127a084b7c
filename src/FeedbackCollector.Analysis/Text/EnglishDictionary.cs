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
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, false, 1 << 16);
        var set = new HashSet<string>(70_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }
        return set;
    }
}
