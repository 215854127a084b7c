using System.Collections.Frozen;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>Street-name words: which are safe in lower case, and which words cannot name a street.</summary>
internal static class StreetWords
{
    private static readonly string[] SuffixList = PiiPatterns.StreetSuffixes.Split('|');

    private static readonly int LongestSuffix = SuffixList.Max(s => s.Length);

    /// <summary>
    /// The street words as <see cref="Key"/>s in a small open-addressing table (0 is an empty slot): a word of the text is
    /// packed while it is scanned and looked up with one multiply, where a set of strings would copy and hash it again.
    /// </summary>
    private static readonly ulong[] SuffixKeys = BuildSuffixKeys();

    private const int SuffixTableBits = 8;

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

        // (c | 0x20) - 'a' is below 26 exactly for an ASCII letter, and is then the letter's place in the alphabet.
        var i = 0;
        while (i < text.Length)
        {
            while ((uint)i < (uint)text.Length && (uint)((text[i] | 0x20) - 'a') > 'z' - 'a')
            {
                i++;
            }

            var start = i;
            var key = 0ul;
            while ((uint)i < (uint)text.Length && (uint)((text[i] | 0x20) - 'a') is var letter && letter <= 'z' - 'a')
            {
                key = (key << 5) | (letter + 1);
                i++;
            }

            if (i > start && i - start <= LongestSuffix && IsSuffixKey(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A lower-case word of at most twelve ASCII letters as a number: five bits a letter (1 to 26), the first highest, so
    /// that two words have the same key only when they are the same word. The street words are all such words.
    /// </summary>
    internal static ulong Key(ReadOnlySpan<char> word)
    {
        var key = 0ul;
        foreach (var c in word)
        {
            key = (key << 5) | (uint)((c | 0x20) - 'a' + 1);
        }

        return key;
    }

    private static bool IsSuffixKey(ulong key)
    {
        var table = SuffixKeys;
        var mask = table.Length - 1;
        var at = (int)((key * 0x9E3779B97F4A7C15ul) >> (64 - SuffixTableBits));
        while (table[at] != 0)
        {
            if (table[at] == key)
            {
                return true;
            }

            at = (at + 1) & mask;
        }

        return false;
    }

    private static ulong[] BuildSuffixKeys()
    {
        var table = new ulong[1 << SuffixTableBits];
        foreach (var word in SuffixList)
        {
            if (word.Length > 12 || !System.Text.Ascii.IsValid(word) || word.AsSpan().ContainsAnyExceptInRange('a', 'z'))
            {
                throw new InvalidOperationException($"The street word '{word}' is not a lower-case ASCII word of at most 12 letters.");
            }

            var key = Key(word);
            var at = (int)((key * 0x9E3779B97F4A7C15ul) >> (64 - SuffixTableBits));
            while (table[at] != 0 && table[at] != key)
            {
                at = (at + 1) & (table.Length - 1);
            }

            table[at] = key;
        }

        return table;
    }

    /// <summary>Whether <paramref name="word"/> is one of the street words, exactly (for tests: the table against the list).</summary>
    internal static bool IsSuffixWord(ReadOnlySpan<char> word) =>
        word.Length <= LongestSuffix && !word.ContainsAnyExceptInRange('a', 'z') && IsSuffixKey(Key(word));

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

    /// <summary>Words of distance or time before "walk", "way" or "drive": "at 5 min walk", "live at 2 mile drive".</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotStreetNames = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "min", "mins", "minute", "minutes", "sec", "secs", "hour", "hours", "hr", "hrs", "mile", "miles", "short", "long", "quick", "little", "bit",
        "half", "whole", "same", "other", "wrong", "right", "only", "one", "each", "every", "any", "no").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the words between a house number and a lower-case street word that is also an ordinary word ("way", "walk",
    /// "view") can be the street's name: "9 larch way" yes, "5 min walk" or "3 half way" no.
    /// </summary>
    public static bool NamesWeakStreet(ReadOnlySpan<char> words)
    {
        foreach (var range in words.Split(' '))
        {
            var w = words[range].Trim();
            if (!w.IsEmpty && NotStreetNames.Contains(w))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Words before a street word that say it is no name ("on main road", "lives on a busy road"): adjectives of size,
    /// age or traffic, and where it is.
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlainAdjectives = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "main", "high", "same", "next", "back", "busy", "quiet", "new", "old", "long", "big", "small", "little", "nice", "posh", "rough", "dead",
        "private", "public", "country", "side", "end", "top", "bottom", "other", "wrong", "right", "village", "memory", "easy", "one", "way",
        "this", "that", "different", "local", "nearby", "near", "own", "first", "second", "last", "whole", "half", "steep", "dark").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words of living or of a home right before "on" or "off": "lives on", "the care home on", "my nans on".</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HomeWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "live", "lives", "lived", "living", "stay", "stays", "stayed", "staying", "home", "house", "flat", "nans", "nan's", "nan’s", "nanas",
        "grans", "gran's", "gran’s", "dads", "dad's", "dad’s", "mums", "mum's", "mum’s", "aunties", "auntie's", "auntie’s").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the preposition at <paramref name="at"/> is "on" or "off" right after a word of living or a home ("lives on",
    /// "the care home on", "at my nans on").
    /// </summary>
    public static bool IsHomeBefore(string text, int at)
    {
        if (!(text.AsSpan(at).StartsWith("on ", StringComparison.OrdinalIgnoreCase) || text.AsSpan(at).StartsWith("off ", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var e = at;
        while (e > 0 && text[e - 1] == ' ')
        {
            e--;
        }

        var s = e;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] is '\'' or '’'))
        {
            s--;
        }

        return e > s && HomeWords.Contains(text.AsSpan(s, e - s));
    }

    /// <summary>
    /// Whether a match of <see cref="PiiPatterns.NamedStreet"/> names a street: some word before the street word is not a
    /// function word ("The St" is no street), and "St" before a capitalised word is a saint ("The St John Ambulance people",
    /// "Visited St Anne"), not a street.
    /// </summary>
    public static bool IsNamedStreet(string text, int index, int length)
    {
        var match = text.AsSpan(index, length);
        var dotted = match[^1] == '.';
        match = match.TrimEnd('.');
        var lastSpace = match.LastIndexOfAny(' ', '\t', '\n');
        if (lastSpace < 0)
        {
            return false;
        }

        var suffix = match[(lastSpace + 1)..];
        if (suffix is "St" && !dotted)
        {
            var p = index + length;
            while (p < text.Length && text[p] == ' ')
            {
                p++;
            }

            if (p > index + length && p < text.Length && char.IsUpper(text[p]))
            {
                return false;
            }
        }

        foreach (var range in match[..lastSpace].Split(' '))
        {
            var w = match[range].Trim();
            if (!w.IsEmpty && (Lexicon.Lookup(w) & WordFlags.Function) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every word before the street word is a function word or describes the street: "a busy", "main", "the next".</summary>
    public static bool AllDescribing(ReadOnlySpan<char> words)
    {
        foreach (var range in words.Split(' '))
        {
            var w = words[range].Trim();
            if (!w.IsEmpty && !PlainAdjectives.Contains(w) && (Lexicon.Lookup(w) & WordFlags.Function) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="word"/> describes a street rather than naming it ("main", "busy", "next").</summary>
    public static bool IsPlainAdjective(ReadOnlySpan<char> word) => PlainAdjectives.Contains(word);

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
