using System.Collections.Frozen;
using FeedbackCollector.Analysis.Text;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// Whether a word is in the British word list (<see cref="EnglishDictionary"/>), which the analyzer's vocabulary loads anyway.
/// The redactor asks only on rare paths (a word after a house number or a platform cue), so the list is loaded on first use.
/// </summary>
internal static class EnglishWords
{
    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? lookup;

    /// <summary>Text-speak the normaliser expands ("tmrw", "gr8"): words, not names of places.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TextSpeak =
        NormalizationData.Replacements.Select(r => r.From).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>An English word or text-speak.</summary>
    public static bool IsWordOrTextSpeak(ReadOnlySpan<char> word) => TextSpeak.Contains(word) || Contains(word);

    /// <summary>
    /// <see cref="Contains"/>, and for a word with accents also the word without them ("café", "naïve"): the list is
    /// written without accents. Allocates only for a word outside ASCII.
    /// </summary>
    public static bool ContainsIgnoringAccents(ReadOnlySpan<char> word)
    {
        if (Contains(word))
        {
            return true;
        }

        if (System.Text.Ascii.IsValid(word))
        {
            return false;
        }

        var plain = new System.Text.StringBuilder(word.Length);
        foreach (var c in word.ToString().Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }

        return plain.Length != word.Length && Contains(plain.ToString());
    }

    /// <summary>True when <paramref name="word"/>, lower-cased, is an English word. Words longer than 32 characters are not.</summary>
    public static bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > 32)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        lookup ??= EnglishDictionary.All.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Value.Contains(lower);
    }
}
