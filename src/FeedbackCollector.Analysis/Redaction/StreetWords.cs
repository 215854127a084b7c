namespace FeedbackCollector.Analysis.Redaction;

/// <summary>Street-name words: which are safe in lower case, and which words cannot name a street.</summary>
internal static class StreetWords
{
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
