using System.Collections.Frozen;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>Street-name words: which are safe in lower case, and which words cannot name a street.</summary>
internal static class StreetWords
{
    private static readonly string[] SuffixList = PiiPatterns.StreetSuffixes.Split('|');

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Suffixes =
        SuffixList.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestSuffix = SuffixList.Max(s => s.Length);

    /// <summary>
    /// Whether the text can hold the street word that ends <see cref="PiiPatterns.NumberedAddress"/>,
    /// <see cref="PiiPatterns.UnitAddress"/> and <see cref="PiiPatterns.CuedAddress"/>: each needs one of
    /// <see cref="PiiPatterns.StreetSuffixes"/> after white space and before a word boundary, so a whole run of ASCII
    /// letters, in any case. Most texts with a number or a living cue have none ("4 social workers", "got moved
    /// placement"), and this keeps the three regexes off them. The Kelvin sign and the long s match 'k' and 's' under
    /// the patterns' case-insensitivity, so a text with either is let through.
    /// </summary>
    public static bool MayHoldSuffix(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny('\u212A', '\u017F') >= 0)
        {
            return true;
        }

        Span<char> lower = stackalloc char[LongestSuffix];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (length <= LongestSuffix)
            {
                for (var k = 0; k < length; k++)
                {
                    lower[k] = (char)(text[start + k] | 0x20);
                }

                if (Suffixes.Contains(lower[..length]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Suffixes that are a street even in lower case ("14 high st"); "close", "way", "park" need a capital.</summary>
    public static bool IsStrongSuffix(ReadOnlySpan<char> suffix)
    {
        Span<char> lower = stackalloc char[Math.Min(suffix.Length, 16)];
        if (suffix.Length > 16)
        {
            return false;
        }

        suffix.ToLowerInvariant(lower);
        return lower switch
        {
            "street" or "st" or "road" or "rd" or "avenue" or "ave" or "lane" or "ln" or "crescent" or "cres" or "terrace" or "tce"
                or "gardens" or "gdns" or "grove" or "mews" or "boulevard" or "close" or "drive" => true,
            _ => false,
        };
    }

    /// <summary>True when every word before the suffix is a function or common word ("3 times a day", "2 big roads").</summary>
    public static bool AllFunctionWords(ReadOnlySpan<char> words)
    {
        foreach (var range in words.Split(' '))
        {
            var w = words[range].Trim();
            if (w.IsEmpty)
            {
                continue;
            }

            var flags = Lexicon.Lookup(w);
            if ((flags & (WordFlags.Function | WordFlags.Service)) == 0 && !IsPlural(flags, w))
            {
                return false;
            }
        }

        return true;
    }

    // "2 dogs", "3 friends": a number then a plural common word is a count, not a house number.
    private static bool IsPlural(WordFlags flags, ReadOnlySpan<char> w) =>
        (flags & WordFlags.Common) != 0 && w.Length > 3 && (w[^1] == 's' || w[^1] == 'S');
}
