using System.Buffers;
using System.Collections.Frozen;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// A house number and a street name with no street word ("22 kingsway", "9 hollins", "14 Ashfield") where the text says it
/// is a place: after "at" ("at 9 hollins tonight"), after "moved to", after "my address is", or after a comma in a sentence
/// about where someone lives or stays ("im at my dads this week, 22 kingsway"). The word must be one no word list knows
/// (not English, not text-speak, not a unit): "the 22 bus", "at 9 tonight", "at 3 tmrw", "at 5 oclock", "year 9" stay.
/// Hand scanning from each run of digits; no regex.
/// </summary>
internal static class HouseNumberFinder
{
    /// <summary>Where someone lives or stays, in the sentence before a comma: "im at my dads this week, 22 kingsway".</summary>
    private static readonly SearchValues<string> LivingCues = SearchValues.Create(
        ["live", "stay", "moved", "address", "addy", " at my ", " at our ", " at his ", " at her ", "im at", "i'm at", "i’m at", "round at"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Verbs of moving before "to": "moved to 3 Bramley".</summary>
    private static readonly string[] MovingVerbs = ["moved", "move", "moving", "moves", "go", "going", "went", "come", "coming", "back", "round", "over"];

    /// <summary>Units and times that no list knows: "at 5 oclock", "on 2 meds".</summary>
    private static readonly FrozenSet<string> NotStreets = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "oclock", "meds", "mins", "secs", "mths", "wks", "hrz", "tmrw", "tomoz", "tomo", "nite", "yrs");

    public static void Find(string text, List<Candidate> found)
    {
        var span = text.AsSpan();
        var at = span.IndexOfAnyInRange('0', '9');
        while (at >= 0)
        {
            var end = at;
            while (end < span.Length && char.IsAsciiDigit(span[end]))
            {
                end++;
            }

            TryAt(text, at, end, found);
            var next = end < span.Length ? span[end..].IndexOfAnyInRange('0', '9') : -1;
            at = next < 0 ? -1 : end + next;
        }
    }

    private static void TryAt(string text, int start, int end, List<Candidate> found)
    {
        // One to three digits standing alone ("22", "9", "22a"), then a space and a word of four letters or more.
        if (end - start > 3 || (start > 0 && text[start - 1] is not (' ' or ',')))
        {
            return;
        }

        var p = end;
        if (p + 1 < text.Length && char.IsAsciiLetter(text[p]) && text[p + 1] == ' ' && (text[p] | 0x20) is >= 'a' and <= 'h')
        {
            p++;
        }

        if (p >= text.Length || text[p] != ' ')
        {
            return;
        }

        var ws = p + 1;
        var we = LettersEnd(text, ws);

        if (we - ws == 3 && text.AsSpan(ws, 3).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            TryTheStreet(text, start, we, found);
            return;
        }

        if (we - ws < 4 || we - ws > 20 || RunsOn(text, we))
        {
            return;
        }

        var word = text.AsSpan(ws, we - ws);
        if (Lexicon.Lookup(word) != WordFlags.None || !Context(text, start, word, we))
        {
            return;
        }

        if (EnglishWords.IsWordOrTextSpeak(word) || NotStreets.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return;
        }

        found.Add(Candidate.Of(PiiType.Address, start, we));
    }

    /// <summary>
    /// "my address is 9 the crescent", "moved to 4 the grove": a number, "the" and a street word that is a street even in
    /// lower case, after the same cues as a bare street name except "at" (a time: "at 6 the lane is dark").
    /// </summary>
    private static void TryTheStreet(string text, int start, int theEnd, List<Candidate> found)
    {
        if (theEnd >= text.Length || text[theEnd] != ' ')
        {
            return;
        }

        var ws = theEnd + 1;
        var we = LettersEnd(text, ws);

        if (we == ws || RunsOn(text, we))
        {
            return;
        }

        var word = text.AsSpan(ws, we - ws);
        // Not after "at": "at 6 the lane is dark" is a time.
        var q = start;
        while (q > 0 && text[q - 1] == ' ')
        {
            q--;
        }

        if (word.Length < 4 || !StreetWords.IsStrongSuffix(word) || WordBefore(text, q, out _).Equals("at", StringComparison.OrdinalIgnoreCase)
            || !Context(text, start, "x", we))
        {
            return;
        }

        found.Add(Candidate.Of(PiiType.Address, start, we));
    }

    /// <summary>Verbs and words of living or staying right before "at" or "on": "lives at 9 larch way", "they live on 12 mill row".</summary>
    private static readonly string[] LivingBefore =
        ["live", "lives", "living", "lived", "stay", "stays", "staying", "stayed", "stopping", "im", "i'm", "i’m", "round", "based"];

    /// <summary>
    /// Whether the house number at <paramref name="start"/> stands where the text says someone lives or stays, strongly
    /// enough to take a street word that is also an ordinary word ("way", "walk", "row", "view", "green") in lower case:
    /// "im at 9 larch way", "she lives at 4 holly walk", "we moved to 3 park view", "my address is 7 birch croft", "im at
    /// my nans this week, 8 oak fold". Plain "at" is not enough ("at 3 the way was shut"; the caller rejects a street of
    /// function words anyway): it needs a living word before it or in the sentence.
    /// </summary>
    public static bool IsLivingPlace(string text, int start)
    {
        var q = start - 1;
        while (q >= 0 && text[q] == ' ')
        {
            q--;
        }

        if (q < 0)
        {
            return false;
        }

        var from = text.AsSpan(0, q + 1).LastIndexOfAny(".!?\n") + 1;
        var sentence = text.AsSpan(from, q + 1 - from);
        if (text[q] == ',')
        {
            return sentence.IndexOfAny(LivingCues) >= 0;
        }

        var prev = WordBefore(text, q + 1, out var prevStart);
        if (prev.Equals("at", StringComparison.OrdinalIgnoreCase) || prev.Equals("on", StringComparison.OrdinalIgnoreCase))
        {
            var verb = WordBefore(text, prevStart, out _);
            foreach (var v in LivingBefore)
            {
                if (verb.Equals(v, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return prev.Equals("at", StringComparison.OrdinalIgnoreCase) && sentence.IndexOfAny(LivingCues) >= 0;
        }

        return Context(text, start, "x", start);
    }

    /// <summary>Where the run of ASCII letters from <paramref name="from"/> ends.</summary>
    private static int LettersEnd(string text, int from)
    {
        var end = from;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>True when the word ending at <paramref name="end"/> runs on (a digit, another letter, an apostrophe or a hyphen).</summary>
    private static bool RunsOn(string text, int end) =>
        end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '\'' or '’' or '-');

    /// <summary>What comes before the number says it is a place.</summary>
    private static bool Context(string text, int start, ReadOnlySpan<char> word, int wordEnd)
    {
        var q = start - 1;
        while (q >= 0 && text[q] == ' ')
        {
            q--;
        }

        if (q < 0)
        {
            return false;
        }

        if (text[q] == ',')
        {
            // "im at my dads this week, 22 kingsway": a sentence about where someone lives or stays.
            var from = text.AsSpan(0, q).LastIndexOfAny(".!?\n") + 1;
            return text.AsSpan(from, q - from).IndexOfAny(LivingCues) >= 0;
        }

        var prev = WordBefore(text, q + 1, out var prevStart);
        if (prev.Equals("at", StringComparison.OrdinalIgnoreCase))
        {
            // "at 9 hollins tonight", "staying at 31 Westbourne": written as a name, or the end of the clause follows.
            return char.IsUpper(word[0]) || ClauseEndsAfter(text, wordEnd);
        }

        if (prev.Equals("to", StringComparison.OrdinalIgnoreCase) || prev.Equals("into", StringComparison.OrdinalIgnoreCase))
        {
            var verb = WordBefore(text, prevStart, out _);
            foreach (var v in MovingVerbs)
            {
                if (verb.Equals(v, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        // "my address is 47 kingsway", "address: 47 kingsway".
        if (prev.Equals("is", StringComparison.OrdinalIgnoreCase))
        {
            prev = WordBefore(text, prevStart, out _);
        }

        return prev.Equals("address", StringComparison.OrdinalIgnoreCase) || prev.Equals("addy", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The word that ends at <paramref name="end"/> (past spaces and a colon before it).</summary>
    private static ReadOnlySpan<char> WordBefore(string text, int end, out int start)
    {
        var q = end - 1;
        while (q >= 0 && text[q] is ' ' or ':')
        {
            q--;
        }

        var e = q + 1;
        while (q >= 0 && (char.IsLetter(text[q]) || text[q] is '\'' or '’'))
        {
            q--;
        }

        start = q + 1;
        return text.AsSpan(start, e - start);
    }

    /// <summary>Nothing, punctuation or a function word ("tonight", "with", "till") after the word.</summary>
    private static bool ClauseEndsAfter(string text, int p)
    {
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        if (p >= text.Length || !char.IsLetter(text[p]))
        {
            return true;
        }

        var e = p;
        while (e < text.Length && char.IsLetter(text[e]))
        {
            e++;
        }

        return (Lexicon.Lookup(text.AsSpan(p, e - p)) & WordFlags.Function) != 0;
    }
}
