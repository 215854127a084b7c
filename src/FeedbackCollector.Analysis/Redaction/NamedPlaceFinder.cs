using System.Buffers;
using System.Collections.Frozen;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// Where a child lives or is seen, told by a place's own name rather than a street: a GP surgery ("the Elms surgery", "Elm
/// Tree Surgery", "Ashgrove Medical Centre"), a children's home ("Beechwood children's home"), an estate ("the Meadowbank
/// estate", "Meadow Well estate"), and a named house or lodge where someone lives or is placed ("staff at Maple Lodge",
/// "moved into Fernlea House"). Typed <see cref="PiiType.Address"/> with the place word, as the labelled sets write them.
/// Not a kind of surgery or estate ("heart surgery", "the council estate", "an estate agent"), a service named House without
/// a living cue ("Hope House respite unit"), nor a known town ("the Northowram children's home" keeps its town out only when
/// the place list knows it).
/// </summary>
internal static class NamedPlaceFinder
{
    /// <summary>Every kind needs one of these words; most texts have none, and the scan is skipped.</summary>
    private static readonly SearchValues<string> Keywords = SearchValues.Create(
        ["surgery", "medical centre", "medical center", "medical practice", "health centre", "health center", "estate", "children", "house", "lodge"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>A house or lodge is a home only where the text speaks of living, staying, a placement or care staff.</summary>
    private static readonly SearchValues<string> LivingCues = SearchValues.Create(
        ["live", "living", "stay", "placed", "placement", "moved", "move", "staff", "care", "carers", "key worker", "keyworker", "room"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Words that say what kind of surgery, estate, home or house it is, not which: "heart surgery", "the council estate", "Safe House".</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Generic = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "gp", "gps", "gp's", "doctor", "doctors", "doctor's", "doctors'", "dental", "dentist", "dentists", "vet", "vets", "vet's", "local", "village",
        "town", "city", "new", "old", "main", "heart", "eye", "knee", "hip", "brain", "spinal", "plastic", "cosmetic", "keyhole", "minor", "major",
        "emergency", "day", "weight", "loss", "back", "open", "baby", "council", "housing", "industrial", "trading", "business", "retail", "real",
        "whole", "big", "same", "private", "social", "country", "family", "nhs", "mental", "health", "care", "residential", "secure", "children's",
        "childrens", "children’s", "small", "large", "nearest", "nearby", "practice", "medical", "urgent", "walk", "walk-in", "safe", "trap", "halfway",
        "white", "full", "foster", "youth", "guest", "boarding", "play", "wendy", "glass", "public", "semi", "respite", "nursing", "care-home",
        "our", "my", "their", "his", "her", "your", "the", "a", "an", "this", "that", "every", "each", "other", "another", "nice", "lovely", "rough",
        "posh", "quiet", "busy", "dodgy", "bad", "good", "best", "worst", "whole", "entire", "next", "last", "first", "second", "surgery", "estate",
        "house", "home", "lodge", "mum's", "dad's", "nan's", "mums", "dads", "nans", "grans", "gran's", "after", "before", "for", "had", "have",
        "having", "need", "needs", "needed", "waiting", "wait", "no", "any", "some", "more", "less", "own", "shared", "supported", "short",
        "long", "term", "temporary", "temp", "therapeutic", "specialist", "independent", "mainstream", "registered", "unregistered",
        "summer", "winter", "spring", "autumn", "christmas", "party", "mental-health", "detention", "respite", "council-run", "in-house").GetAlternateLookup<ReadOnlySpan<char>>();

    private enum Kind
    {
        Surgery,
        Estate,
        ChildrensHome,
        House,
    }

    /// <summary>Adds the named surgeries, children's homes, estates and lived-in houses of <paramref name="text"/> to <paramref name="found"/>.</summary>
    public static void Find(string text, List<Candidate> found)
    {
        var span = text.AsSpan();
        var at = span.IndexOfAny(Keywords);
        if (at < 0)
        {
            return;
        }

        var living = -1;
        var i = at;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]) || (i > 0 && char.IsLetter(text[i - 1])))
            {
                i++;
                continue;
            }

            var end = WordEnd(text, i);
            var word = span[i..end];
            if (TryKeyword(text, i, end, word, out var kind, out var keywordEnd))
            {
                if (kind == Kind.House)
                {
                    if (living < 0)
                    {
                        living = span.IndexOfAny(LivingCues) >= 0 ? 1 : 0;
                    }

                    if (living == 0)
                    {
                        i = end;
                        continue;
                    }
                }

                var start = NameBefore(text, i, kind);
                if (start >= 0)
                {
                    found.Add(Candidate.Of(PiiType.Address, start, keywordEnd));
                }
            }

            i = end;
        }
    }

    private static bool TryKeyword(string text, int start, int end, ReadOnlySpan<char> word, out Kind kind, out int keywordEnd)
    {
        kind = Kind.Surgery;
        keywordEnd = end;
        if (word.Equals("surgery", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (word.Equals("medical", StringComparison.OrdinalIgnoreCase) || word.Equals("health", StringComparison.OrdinalIgnoreCase))
        {
            // "Ashgrove Medical Centre", "Park Lane Health Centre", "the Beeches medical practice".
            var next = NextWord(text, end, out var nextEnd);
            if (next.Equals("centre", StringComparison.OrdinalIgnoreCase) || next.Equals("center", StringComparison.OrdinalIgnoreCase)
                || (word.Equals("medical", StringComparison.OrdinalIgnoreCase) && next.Equals("practice", StringComparison.OrdinalIgnoreCase)))
            {
                keywordEnd = nextEnd;
                return true;
            }

            return false;
        }

        if (word.Equals("estate", StringComparison.OrdinalIgnoreCase))
        {
            // "an estate agent", "the estate's": not a named estate.
            var next = NextWord(text, end, out _);
            kind = Kind.Estate;
            return !next.StartsWith("agent", StringComparison.OrdinalIgnoreCase) && !next.Equals("agents", StringComparison.OrdinalIgnoreCase);
        }

        if ((word.Equals("children's", StringComparison.OrdinalIgnoreCase) || word.Equals("childrens", StringComparison.OrdinalIgnoreCase)
            || word.Equals("children’s", StringComparison.OrdinalIgnoreCase)))
        {
            var next = NextWord(text, end, out var nextEnd);
            if (next.Equals("home", StringComparison.OrdinalIgnoreCase))
            {
                kind = Kind.ChildrensHome;
                keywordEnd = nextEnd;
                return true;
            }

            return false;
        }

        // A house or lodge by name is written with capitals: "Fernlea House", "Maple Lodge" (not "my nans house").
        if (word is "House" or "Lodge")
        {
            kind = Kind.House;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Where the place's name starts: one or two name-like words right before the place word at <paramref name="keyword"/>,
    /// or -1. A house or lodge also needs "at", "in", "to", "into" or "from" before its name ("staff at Maple Lodge").
    /// </summary>
    private static int NameBefore(string text, int keyword, Kind kind)
    {
        var w1 = WordBefore(text, keyword, out var s1);
        if (w1.IsEmpty || !NameLike(text, w1, s1, kind))
        {
            return -1;
        }

        var start = s1;
        var w2 = WordBefore(text, s1, out var s2);
        if (!w2.IsEmpty && char.IsUpper(w2[0]) && NameLike(text, w2, s2, kind) && !AfterSentenceBreak(text, s2))
        {
            // "Elm Tree Surgery", "Meadow Well estate": a two-word name, each word capitalised.
            start = s2;
        }

        if (kind == Kind.House)
        {
            var p = WordBefore(text, start, out _);
            if (!(p.Equals("at", StringComparison.OrdinalIgnoreCase) || p.Equals("in", StringComparison.OrdinalIgnoreCase)
                || p.Equals("to", StringComparison.OrdinalIgnoreCase) || p.Equals("into", StringComparison.OrdinalIgnoreCase)
                || p.Equals("from", StringComparison.OrdinalIgnoreCase)))
            {
                return -1;
            }
        }

        return start;
    }

    /// <summary>
    /// A word that can be part of a place's name: capitalised and no word that says what kind of place it is, no acronym and no
    /// known town; for a surgery or an estate also a lower-case word that no list knows ("the pennywell estate").
    /// </summary>
    private static bool NameLike(string text, ReadOnlySpan<char> w, int start, Kind kind)
    {
        if (w.Length < 3 || Generic.Contains(w) || (Lexicon.Lookup(w) & (WordFlags.Function | WordFlags.Service)) != 0)
        {
            return false;
        }

        if (!char.IsUpper(w[0]))
        {
            return kind is Kind.Surgery or Kind.Estate && Lexicon.Lookup(w) == WordFlags.None && !EnglishWords.IsWordOrTextSpeak(w)
                && !PlaceWords.IsPlace(w) && !w.ContainsAny('\'', '’');
        }

        if (!w[1..].ContainsAnyInRange('a', 'z') || PlaceWords.IsPlace(w) || PlaceWords.IsDay(w))
        {
            return false;
        }

        // A capitalised English word at the start of a sentence may only be capitalised for that ("Local estate is rough").
        return !AfterSentenceBreak(text, start) || !EnglishWords.Contains(w);
    }

    private static bool AfterSentenceBreak(string text, int start)
    {
        var q = start - 1;
        while (q >= 0 && text[q] == ' ')
        {
            q--;
        }

        return q < 0 || text[q] is '.' or '!' or '?' or '\n' or ':' or '-' or '"' or '(';
    }

    private static int WordEnd(string text, int i)
    {
        var end = i;
        while (end < text.Length && (char.IsLetter(text[end]) || ((text[end] is '\'' or '’' or '-') && end + 1 < text.Length && char.IsLetter(text[end + 1]))))
        {
            end++;
        }

        return end;
    }

    /// <summary>The word after one space at <paramref name="end"/>, or empty.</summary>
    private static ReadOnlySpan<char> NextWord(string text, int end, out int nextEnd)
    {
        nextEnd = end;
        if (end + 1 >= text.Length || text[end] != ' ' || !char.IsLetter(text[end + 1]))
        {
            return default;
        }

        nextEnd = WordEnd(text, end + 1);
        return text.AsSpan(end + 1, nextEnd - end - 1);
    }

    /// <summary>The word that ends one space before <paramref name="at"/>, or empty (punctuation between breaks the name).</summary>
    private static ReadOnlySpan<char> WordBefore(string text, int at, out int start)
    {
        start = at;
        if (at < 2 || text[at - 1] != ' ' || !char.IsLetter(text[at - 2]))
        {
            return default;
        }

        var s = at - 2;
        while (s > 0 && (char.IsLetter(text[s - 1]) || ((text[s - 1] is '\'' or '’' or '-') && s - 2 >= 0 && char.IsLetter(text[s - 2]))))
        {
            s--;
        }

        start = s;
        return text.AsSpan(s, at - 1 - s);
    }
}
