using System.Collections.Frozen;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// Places, countries, languages and nationalities (<c>Redaction/places.txt</c>), and the days of the week: what the name
/// model reads as "a place" or "a day" ("moved from Bradford to Keighley", "an interpreter for Somali", "open on Sundays"),
/// loaded on first use.
/// </summary>
internal static class PlaceWords
{
    private static readonly Lazy<FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>> Places = new(Load);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Days =
        new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekday", "weekend" }
            .SelectMany(d => new[] { d, d + "s" })
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A place, country, language or nationality, ignoring case.</summary>
    public static bool IsPlace(ReadOnlySpan<char> word) => Places.Value.Contains(word);

    /// <summary>A day of the week or its plural ("Fridays"), ignoring case.</summary>
    public static bool IsDay(ReadOnlySpan<char> word) => Days.Contains(word);

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Load()
    {
        const string Name = "FeedbackCollector.Analysis.Redaction.places.txt";
        using var stream = typeof(PlaceWords).Assembly.GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"Embedded word list {Name} is missing.");
        using var reader = new StreamReader(stream);
        var words = new List<string>(1024);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
