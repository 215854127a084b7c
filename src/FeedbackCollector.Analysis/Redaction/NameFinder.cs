using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// Finds person names by scanning words once: a first-name gazetteer, context cues ("my name is", "Mr", "my sw",
/// "X said", "X from school") and a capitalised surname after a first name. Names that are also words
/// ("will", "grace") need a cue or a capital mid-sentence; months and seasons that are names need a cue.
/// </summary>
internal static class NameFinder
{
    [ThreadStatic]
    private static List<Token>? tokenBuffer;

    public static void Find(string text, List<Candidate> found)
    {
        var tokens = tokenBuffer ??= new List<Token>(64);
        tokens.Clear();
        var shouting = Tokenize(text, tokens);

        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.NeverName || t.BaseLength < 2)
            {
                continue;
            }

            if (!IsName(text, tokens, i, shouting))
            {
                continue;
            }

            // Run on over a surname (or two): "Sarah Jones", "Mohammed Ali Khan", "sarah o'neill".
            var end = t.BaseEnd;
            var last = i;
            while (last + 1 < tokens.Count && last - i < 2 && IsSurname(text, tokens[last + 1], t, shouting))
            {
                last++;
                end = tokens[last].BaseEnd;
            }

            found.Add(Candidate.Of(PiiType.Name, t.Start, end));
            i = last;
        }
    }

    private static bool IsName(string text, List<Token> tokens, int i, bool shouting)
    {
        var t = tokens[i];
        var cap = t.Capitalised && !shouting;
        var midCap = cap && !t.SentenceStart;
        var cue = CueBefore(text, tokens, i, cap);

        if (t.Has(WordFlags.Calendar))
        {
            // "in May", "this Summer": a date; "my friend April", "April Jones": a person.
            return cue == Cue.Strong || (cue == Cue.Weak && cap) || (cap && NextIsSurname(text, tokens, i, shouting, strict: true));
        }

        if (t.Has(WordFlags.WordName))
        {
            if (cue == Cue.Strong)
            {
                return true;
            }

            if (!cap && !(t.Capitalised && shouting))
            {
                return false;
            }

            return midCap || cue == Cue.Weak || CueAfter(text, tokens, i) || NextIsSurname(text, tokens, i, shouting, strict: true);
        }

        if (t.Has(WordFlags.Name))
        {
            return true;
        }

        // Not a known first name: only a cue makes it one.
        if (cue == Cue.Strong)
        {
            return cap ? !t.Has(WordFlags.Function) : LooksLikeName(text, t);
        }

        if (cap && !t.Has(WordFlags.Common))
        {
            return cue == Cue.Weak || CueAfter(text, tokens, i);
        }

        // A capitalised common word right after a role or family word is a name too ("my sw Dave", "my teacher Brown").
        if (midCap && cue == Cue.Weak && i > 0 && (IsRoleWord(text, tokens[i - 1]) || IsRelationWord(text, tokens[i - 1])))
        {
            return true;
        }

        return false;
    }

    private enum Cue
    {
        None,
        Weak,
        Strong,
    }

    /// <summary>What comes just before token <paramref name="i"/>: "my name is", "called", "Mr", "my sw (is)", "my friend".</summary>
    private static Cue CueBefore(string text, List<Token> tokens, int i, bool cap)
    {
        if (i == 0 || tokens[i].SentenceStart && !PrevEndsWith(text, tokens, i, ':'))
        {
            return Cue.None;
        }

        var p1 = tokens[i - 1];
        var p2 = i >= 2 ? tokens[i - 2] : default;
        var has2 = i >= 2;

        if (p1.Is(text, "mr") || p1.Is(text, "mrs") || p1.Is(text, "ms") || p1.Is(text, "mx") || p1.Is(text, "dr")
            || p1.Is(text, "mister") || p1.Is(text, "prof") || p1.Is(text, "auntie") || p1.Is(text, "aunty") || p1.Is(text, "uncle"))
        {
            return Cue.Strong;
        }

        if (p1.Is(text, "miss") || p1.Is(text, "sir"))
        {
            return cap ? Cue.Strong : Cue.None;
        }

        if (p1.Is(text, "called") || p1.Is(text, "named") || p1.Is(text, "name's") || p1.Is(text, "names")
            || p1.Is(text, "aka") || (p1.Is(text, "as") && has2 && p2.Is(text, "known"))
            || (p1.Is(text, "me") && has2 && p2.Is(text, "call")))
        {
            return Cue.Strong;
        }

        if (p1.Is(text, "name") && PrevEndsWith(text, tokens, i, ':'))
        {
            return Cue.Strong;
        }

        if ((p1.Is(text, "is") || p1.Is(text, "was") || p1.Is(text, "its") || p1.Is(text, "it's")) && has2)
        {
            // "my name is", "my sw is", "my social worker was", "her name's".
            if (p2.Is(text, "name") || IsRoleWord(text, p2))
            {
                return Cue.Strong;
            }
        }

        if (IsRoleWord(text, p1))
        {
            // "my sw Sarah", "youth worker Dave": weak, because "my sw will call" must keep "will".
            return Cue.Weak;
        }

        if (IsRelationWord(text, p1))
        {
            return Cue.Weak;
        }

        if (p1.Is(text, "told") || p1.Is(text, "asked")
            || p1.Is(text, "thanks") || p1.Is(text, "thank") || p1.Is(text, "love") || p1.Is(text, "hi") || p1.Is(text, "dear"))
        {
            // Only weak: a capitalised unknown word after these is a name more often than not ("I told Kayden").
            return Cue.Weak;
        }

        return Cue.None;
    }

    /// <summary>What comes just after: "X said", "X told me", "X from school", "X is my sw".</summary>
    private static bool CueAfter(string text, List<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Count || tokens[i + 1].SentenceStart)
        {
            return false;
        }

        var n1 = tokens[i + 1];

        // "Olu's mum", "Kayden's house": a possessive before a family or place word.
        if (tokens[i].BaseLength < tokens[i].Length && (IsRelationWord(text, n1) || IsRoleWord(text, n1) || n1.Is(text, "mum")
            || n1.Is(text, "dad") || n1.Is(text, "mam") || n1.Is(text, "mom") || n1.Is(text, "house") || n1.Is(text, "family")
            || n1.Is(text, "parents") || n1.Is(text, "carer") || n1.Is(text, "birthday") || n1.Is(text, "phone") || n1.Is(text, "room")))
        {
            return true;
        }

        if (n1.Is(text, "said") || n1.Is(text, "says") || n1.Is(text, "told") || n1.Is(text, "tells") || n1.Is(text, "texted")
            || n1.Is(text, "messaged") || n1.Is(text, "rang") || n1.Is(text, "phoned") || n1.Is(text, "asked") || n1.Is(text, "helped")
            || n1.Is(text, "listened") || n1.Is(text, "from") || n1.Is(text, "and") && i + 2 < tokens.Count && tokens[i + 2].Is(text, "me"))
        {
            return true;
        }

        if ((n1.Is(text, "is") || n1.Is(text, "was")) && i + 3 < tokens.Count && tokens[i + 2].Is(text, "my")
            && (IsRoleWord(text, tokens[i + 3]) || IsRelationWord(text, tokens[i + 3])))
        {
            return true;
        }

        return false;
    }

    private static bool NextIsSurname(string text, List<Token> tokens, int i, bool shouting, bool strict) =>
        i + 1 < tokens.Count && IsSurname(text, tokens[i + 1], tokens[i], shouting)
        && (!strict || !tokens[i + 1].Has(WordFlags.Common | WordFlags.WordName | WordFlags.Calendar));

    private static bool IsSurname(string text, Token next, Token first, bool shouting)
    {
        if (!next.Joined || next.NeverName || next.Has(WordFlags.Calendar) || next.BaseLength < 2)
        {
            return false;
        }

        if (next.Capitalised && !shouting)
        {
            return true;
        }

        // Lower case: only a word the lexicon does not know and that does not look like a verb or adverb.
        return !first.Capitalised && next.Flags == WordFlags.None && LooksLikeName(text, next);
    }

    private static bool IsRoleWord(string text, Token t) =>
        t.Is(text, "sw") || t.Is(text, "worker") || t.Is(text, "keyworker") || t.Is(text, "teacher") || t.Is(text, "counsellor")
        || t.Is(text, "counselor") || t.Is(text, "mentor") || t.Is(text, "therapist") || t.Is(text, "nurse") || t.Is(text, "coach")
        || t.Is(text, "tutor") || t.Is(text, "carer") || t.Is(text, "officer") || t.Is(text, "pa") || t.Is(text, "iro")
        || t.Is(text, "advocate") || t.Is(text, "doctor") || t.Is(text, "head") || t.Is(text, "headteacher") || t.Is(text, "manager");

    private static bool IsRelationWord(string text, Token t) =>
        t.Is(text, "friend") || t.Is(text, "mate") || t.Is(text, "bestie") || t.Is(text, "bff") || t.Is(text, "bf") || t.Is(text, "gf")
        || t.Is(text, "boyfriend") || t.Is(text, "girlfriend") || t.Is(text, "brother") || t.Is(text, "sister") || t.Is(text, "cousin")
        || t.Is(text, "bro") || t.Is(text, "sis") || t.Is(text, "stepdad") || t.Is(text, "stepmum") || t.Is(text, "partner")
        || t.Is(text, "son") || t.Is(text, "daughter") || t.Is(text, "nan") || t.Is(text, "grandad") || t.Is(text, "boy") || t.Is(text, "girl");

    /// <summary>An unknown lower-case word that could be a name: not a verb or adverb by its ending.</summary>
    private static bool LooksLikeName(string text, Token t)
    {
        if (t.Has(WordFlags.Common | WordFlags.Function | WordFlags.Service) || t.BaseLength < 2)
        {
            return false;
        }

        var w = text.AsSpan(t.Start, t.BaseLength);
        return !(w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ed", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("ly", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ful", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("less", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ous", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("ive", StringComparison.OrdinalIgnoreCase) || w.EndsWith("able", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("ish", StringComparison.OrdinalIgnoreCase) || w.EndsWith("est", StringComparison.OrdinalIgnoreCase));
    }

    private static bool PrevEndsWith(string text, List<Token> tokens, int i, char c)
    {
        var from = i == 0 ? 0 : tokens[i - 1].End;
        return text.AsSpan(from, tokens[i].Start - from).Contains(c);
    }

    /// <summary>Splits into word tokens. Returns true when the text is written in capitals, so capitals mean nothing.</summary>
    private static bool Tokenize(string text, List<Token> tokens)
    {
        int upper = 0, lower = 0;
        var prevEnd = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            i++;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetter(c))
                {
                    i++;
                }
                else if ((c == '\'' || c == '’' || c == '-') && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    i += 2;
                }
                else
                {
                    break;
                }
            }

            var length = i - start;
            var baseLength = length;
            if (length > 3 && (text[i - 2] == '\'' || text[i - 2] == '’') && (text[i - 1] == 's' || text[i - 1] == 'S'))
            {
                baseLength -= 2;
            }

            var sentenceStart = true;
            var joined = false;
            if (tokens.Count > 0)
            {
                var gap = text.AsSpan(prevEnd, start - prevEnd);
                sentenceStart = gap.IndexOfAny(".!?\n\r:\"“”•*(") >= 0;
                joined = gap.Length > 0 && !gap.ContainsAnyExcept(' ', '-');
            }

            var capitalised = char.IsUpper(text[start]);
            if (length > 1)
            {
                if (!text.AsSpan(start, length).ContainsAnyInRange('a', 'z'))
                {
                    upper++;
                }
                else
                {
                    lower++;
                }
            }

            var flags = Lexicon.Lookup(text.AsSpan(start, baseLength));
            tokens.Add(new Token(start, length, baseLength, flags, capitalised, sentenceStart, joined));
            prevEnd = i;
        }

        // Written in capitals ("MY NAME IS SARAH"): capitals carry no signal.
        return upper >= 3 && upper > 2 * lower;
    }
}
