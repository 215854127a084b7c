using System.Collections.Frozen;
using FeedbackCollector.Analysis.Text;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// Whether a word is in the British word list (<see cref="EnglishDictionary"/>), which the analyzer's vocabulary loads anyway,
/// or is text-speak. An ASCII word is answered by the redaction lexicon's flat table, which holds both lists' words
/// (<see cref="Lexicon.Kinds"/>); other words by the lists' own sets here.
/// </summary>
internal static class EnglishWords
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishSet = EnglishDictionary.All.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Text-speak the normaliser expands ("tmrw", "gr8"): words, not names of places.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TextSpeak =
        NormalizationData.Replacements.Select(r => r.From).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>An English word or text-speak.</summary>
    public static bool IsWordOrTextSpeak(ReadOnlySpan<char> word) => (Lexicon.Kinds(word) & (WordKinds.English | WordKinds.TextSpeak)) != 0;

    /// <summary>
    /// For a word with a letter outside ASCII, whether it is an English word without its accents ("naïve", "rôle"): the
    /// list is written without accents. False for an ASCII word. Allocates only for a word outside ASCII.
    /// </summary>
    public static bool ContainsWithoutAccents(ReadOnlySpan<char> word)
    {
        if (System.Text.Ascii.IsValid(word))
        {
            return false;
        }

        // Decompose first, so that a precomposed "ï" and a combining "i\u0308" both lose their mark; compare with the
        // decomposed length, which is what the marks were dropped from.
        var decomposed = word.ToString().Normalize(System.Text.NormalizationForm.FormD);
        var plain = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }

        return plain.Length != decomposed.Length && Contains(plain.ToString());
    }

    /// <summary>True when <paramref name="word"/>, lower-cased, is an English word. Words longer than 32 characters are not.</summary>
    public static bool Contains(ReadOnlySpan<char> word) => (Lexicon.Kinds(word) & WordKinds.English) != 0;

    /// <summary>
    /// What the lists' own sets say of <paramref name="word"/>: <see cref="WordKinds.English"/> when it is an English word
    /// lower-cased (none longer than 32 characters), <see cref="WordKinds.TextSpeak"/> when it is text-speak ignoring case.
    /// The reference the lexicon's ASCII table agrees with, and the answer for the words that table does not take.
    /// </summary>
    public static WordKinds KindsFromLists(ReadOnlySpan<char> word)
    {
        var kinds = TextSpeak.Contains(word) ? WordKinds.TextSpeak : WordKinds.None;
        if (word.IsEmpty || word.Length > 32)
        {
            return kinds;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return EnglishSet.Contains(lower) ? kinds | WordKinds.English : kinds;
    }
}
