namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// Names told by the coordination they stand in, read after the first pass has marked the names it is sure of: "summer
/// and april are my sisters", "Summer and Kai (sibs)", "grace and jack (both Y8)", "me, will and jack went", "Hope and her
/// mum came", "my worker will is the best". Ordinary words in the same shapes stay: "summer and winter are my favourite",
/// "hope and help", "may and june", "in May and Grace said".
/// </summary>
internal static partial class NameFinder
{
    private const int MaxListMembers = 6;

    /// <summary>Marks the names that lists, "X and her mum" and "will is" give away; cheap when the text has no "and", comma or "will".</summary>
    private static void LinkCoordinations(string text, List<Token> tokens, Span<bool> isName, bool shouting)
    {
        Span<int> members = stackalloc int[MaxListMembers];
        for (var s = 0; s < tokens.Count; s++)
        {
            var t = tokens[s];
            if (t.Is(CueWord.Will) && !isName[s] && WillIsAPerson(text, tokens, s))
            {
                isName[s] = true;
                continue;
            }

            if (!isName[s] && !t.Capitalised && t.Has(WordFlags.WordName) && PronounRefersBack(text, tokens, s))
            {
                isName[s] = true;
                continue;
            }

            // Flags first: most words are known words that no list, pair or clause rule reads.
            if (!(t.Is(CueWord.Me) || t.Has(WordFlags.Name | WordFlags.WordName | WordFlags.Calendar) || !Known(t))
                || !ClauseStart(text, tokens, s) || !(t.Is(CueWord.Me) || IsListCandidate(text, t, shouting)))
            {
                continue;
            }

            var count = ListFrom(text, tokens, s, shouting, members);
            if (count < 2)
            {
                if (!isName[s] && !t.Is(CueWord.Me) && HerRelationAfter(tokens, s) && !DigitNext(text, t))
                {
                    // "Hope and her mum came", "Summer and his dad": a word-name with a pronoun's family after "and".
                    isName[s] = true;
                }
                else if (!isName[s] && t.Capitalised && !shouting && !t.Has(WordFlags.Calendar) && t.BaseLength == t.Length
                    && (SpeakerLabel(text, tokens, s) || PersonBracketAfter(text, t, relationOnly: true)))
                {
                    // "- Jade: SWs keep changing" (a speaker in forum notes), "Mo (father) turned up", "Me and Dot (his nan)".
                    isName[s] = true;
                }
                else if (!isName[s] && !t.Capitalised && t.Has(WordFlags.WordName) && SubjectWithPlace(text, tokens, s))
                {
                    // "rich from the youth club sorted me a trial", "ruby at the drop in gave me a card".
                    isName[s] = true;
                }
                else if (!isName[s] && !t.Capitalised && t.Has(WordFlags.WordName) && !t.Has(WordFlags.Calendar) && !IsDescribingName(t)
                    && ThinkingVerbAfter(text, tokens, s))
                {
                    // "- jack thinks youth workers should...", "rich reckons": only a person thinks or reckons.
                    isName[s] = true;
                }

                continue;
            }

            var last = members[count - 1];
            var hasMe = false;
            var hasName = false;
            var allCalendar = true;
            for (var k = 0; k < count; k++)
            {
                var m = tokens[members[k]];
                hasMe |= m.Is(CueWord.Me) || m.Is(CueWord.I);
                hasName |= isName[members[k]] && !m.Has(WordFlags.Calendar);
                allCalendar &= m.Has(WordFlags.Calendar) || m.Is(CueWord.Me) || m.Is(CueWord.I);
            }

            var person = PluralPersonPredicate(text, tokens, last) || PersonBracketAfter(text, tokens[last], relationOnly: false);
            if (person || hasMe || (hasName && !allCalendar))
            {
                for (var k = 0; k < count; k++)
                {
                    var at = members[k];
                    var m = tokens[at];
                    if (isName[at] || m.Is(CueWord.Me) || m.Is(CueWord.I) || (m.Has(WordFlags.Calendar) && DigitNext(text, m)))
                    {
                        continue;
                    }

                    // Beside a sure name, without a person's predicate, bracket or "me", only a capitalised word joins it ("Summer,
                    // Autumn and Ruby"): a lower-case one may be a verb or a word ("Thank you, Sarah and hope to see you soon").
                    isName[at] = person || hasMe || (m.Capitalised && !shouting);
                }
            }

            s = last;
        }
    }

    /// <summary>
    /// The members of a list starting at <paramref name="s"/>, joined by "and", "n", "&amp;" or commas ("me, will and jack",
    /// "Summer, Autumn and Ruby"), into <paramref name="members"/>; returns how many, and fewer than 2 unless an "and", "n" or
    /// "&amp;" joins the last two (a comma alone lists anything: "hope, help, advice").
    /// </summary>
    private static int ListFrom(string text, List<Token> tokens, int s, bool shouting, Span<int> members)
    {
        var count = 0;
        var m = s;
        var closed = false;
        members[count++] = m;
        while (count < members.Length && m + 1 < tokens.Count && tokens[m].BaseLength == tokens[m].Length)
        {
            var gap = text.AsSpan(tokens[m].End, tokens[m + 1].Start - tokens[m].End).Trim(' ');
            int next;
            bool and;
            if (gap.IsEmpty && tokens[m + 1].Joined && (tokens[m + 1].Is(CueWord.And) || tokens[m + 1].Is(CueWord.N)))
            {
                next = m + 2;
                and = true;
            }
            else if (gap is "&")
            {
                next = m + 1;
                and = true;
            }
            else if (gap is ",")
            {
                // "me, will, and jack": an Oxford comma before "and".
                and = tokens[m + 1].Is(CueWord.And) && m + 2 < tokens.Count && tokens[m + 2].Joined;
                next = and ? m + 2 : m + 1;
            }
            else
            {
                break;
            }

            if (next >= tokens.Count || (and && !tokens[next].Joined && !(gap is "&")))
            {
                break;
            }

            var t = tokens[next];
            if (!(t.Is(CueWord.Me) || t.Is(CueWord.I) || IsListCandidate(text, t, shouting)))
            {
                break;
            }

            members[count++] = next;
            m = next;
            if (and)
            {
                closed = true;
                break;
            }
        }

        return closed ? count : 1;
    }

    /// <summary>A word that could be a name in a list: a name, word-name or month; a capitalised word no list knows; a lower-case one that is no English word.</summary>
    private static bool IsListCandidate(string text, Token t, bool shouting)
    {
        if (t.NeverName || t.BaseLength < 2 || t.Acronym)
        {
            return false;
        }

        if (t.Has(WordFlags.Name | WordFlags.WordName | WordFlags.Calendar))
        {
            return true;
        }

        return !Known(t) && LooksLikeName(text, t, capitalised: t.Capitalised && !shouting)
            && (t.Capitalised && !shouting ? !EnglishWords.Contains(text.AsSpan(t.Start, t.BaseLength)) : !EnglishWords.IsWordOrTextSpeak(text.AsSpan(t.Start, t.BaseLength)));
    }

    /// <summary>The start of the text, a sentence or a line, or right after a comma, dash or semicolon: where a subject can start.</summary>
    private static bool ClauseStart(string text, List<Token> tokens, int i)
    {
        if (i == 0 || tokens[i].SentenceStart)
        {
            return true;
        }

        var gap = text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End);
        return gap.ContainsAny(",;–") || gap.Trim(' ') is "-";
    }

    /// <summary>"... are my sisters", "... were both our foster carers": after the list, "are"/"were" (perhaps "both") and a role or relation.</summary>
    private static bool PluralPersonPredicate(string text, List<Token> tokens, int last)
    {
        var j = last + 1;
        if (j >= tokens.Count || !tokens[j].Joined || !(tokens[j].Is(CueWord.Are) || tokens[j].Is(CueWord.Were)))
        {
            return false;
        }

        var subject = tokens[last];
        if (PersonPredicate(text, tokens, j, strict: true, plural: true, subject))
        {
            return true;
        }

        return j + 1 < tokens.Count && tokens[j + 1].Joined && IsWord(text, tokens[j + 1], "both")
            && PersonPredicate(text, tokens, j + 1, strict: true, plural: true, subject);
    }

    /// <summary>
    /// A bracket right after the list that says who they are: a relation or role ("(sibs)", "(sisters)", "(his nan)"), "both",
    /// a year group or an age ("(both Y8)", "(14 and 12)").
    /// </summary>
    private static bool PersonBracketAfter(string text, Token last, bool relationOnly)
    {
        var p = last.End;
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        if (p >= text.Length || text[p] != '(')
        {
            return false;
        }

        var close = text.AsSpan(p + 1, Math.Min(32, text.Length - p - 1)).IndexOf(')');
        if (close <= 0)
        {
            return false;
        }

        var inside = text.AsSpan(p + 1, close);
        foreach (var range in inside.Split(' '))
        {
            var w = inside[range].Trim(",;.");
            if (w.IsEmpty)
            {
                continue;
            }

            if (relationOnly)
            {
                if (IsBracketRelation(w))
                {
                    return true;
                }

                continue;
            }

            if (char.IsAsciiDigit(w[0]))
            {
                // An age: one or two digits ("14", "7,"), not a count with a unit or a percentage.
                if (w.Length <= 2 && (w.Length == 1 || char.IsAsciiDigit(w[1])))
                {
                    return true;
                }

                continue;
            }

            if ((w[0] is 'Y' or 'y') && w.Length is 2 or 3 && char.IsAsciiDigit(w[1]))
            {
                return true;
            }

            if (w.Equals("both", StringComparison.OrdinalIgnoreCase) || w.Equals("sibs", StringComparison.OrdinalIgnoreCase)
                || w.Equals("siblings", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (IsBracketRelation(w))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A relation or role, or its plural, or a parent or family word the lexicon has no flag for ("father", "rep", "mum").</summary>
    private static bool IsBracketRelation(ReadOnlySpan<char> w)
    {
        var flags = Lexicon.Lookup(w);
        if ((flags & (WordFlags.Role | WordFlags.Relation)) != 0
            || (w.Length > 3 && (w[^1] is 's' or 'S') && (Lexicon.Lookup(w[..^1]) & (WordFlags.Role | WordFlags.Relation)) != 0))
        {
            return true;
        }

        foreach (var person in BracketPersons)
        {
            if (w.Equals(person, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] BracketPersons =
        ["father", "mother", "mum", "dad", "mam", "mom", "nana", "gran", "grandma", "nanna", "granny", "aunt", "auntie", "aunty", "uncle", "rep", "chair",
         "sibling", "siblings", "sib", "sibs", "stepmum", "stepfather", "stepmother", "grandmother", "grandfather"];

    /// <summary>
    /// "- Jade: SWs keep changing", "Kit: 'Kooth saved me'": a name or word-name alone at the start of a line (after a bullet at
    /// most) and right before a colon: a speaker in forum notes. Not "Action:", "Attendees:", "CiCC:".
    /// </summary>
    private static bool SpeakerLabel(string text, List<Token> tokens, int i)
    {
        var t = tokens[i];
        if (!t.Has(WordFlags.Name | WordFlags.WordName))
        {
            // A word no list knows is as often a heading or a group's acronym ("Attendees:", "CiCC:") as a speaker.
            return false;
        }

        var after = t.End;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        if (after >= text.Length || text[after] != ':')
        {
            return false;
        }

        for (var q = t.Start - 1; q >= 0 && text[q] != '\n'; q--)
        {
            if (text[q] is not (' ' or '-' or '*' or '•' or '–'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"Hope and her mum", "will and his dad": "and", then "his"/"her"/"their", then a parent, relation or role, all joined.</summary>
    private static bool HerRelationAfter(List<Token> tokens, int i)
    {
        var t = tokens[i];
        if (t.BaseLength != t.Length || i + 3 >= tokens.Count || !t.Has(WordFlags.WordName | WordFlags.Calendar))
        {
            return false;
        }

        var a = tokens[i + 1];
        var p = tokens[i + 2];
        var r = tokens[i + 3];
        return a.Joined && p.Joined && r.Joined && a.Is(CueWord.And) && (p.Is(CueWord.Her) || p.Is(CueWord.His) || p.Is(CueWord.Their))
            && (IsParent(r) || r.Has(WordFlags.Relation | WordFlags.Role));
    }

    /// <summary>"jack thinks", "rich reckons", "mo wanted": a verb of thinking or wanting that only a person does.</summary>
    private static bool ThinkingVerbAfter(string text, List<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Count || !tokens[i + 1].Joined)
        {
            return false;
        }

        return IsOneOf(text, tokens[i + 1], ThinkingVerbs);
    }

    private static readonly string[] ThinkingVerbs = ["thinks", "reckons", "reckoned", "wants", "wanted", "thought"];

    /// <summary>
    /// "my worker will is the best", "Will is now 17", "will is really kind": "will" cannot be the modal before "is" or "was",
    /// so after a role or relation it is the name, and starting a clause when capitalised or before what is said of a person.
    /// Not "free will is", "the will was read", "will is not enough".
    /// </summary>
    private static bool WillIsAPerson(string text, List<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Count || !tokens[i + 1].Joined || !(tokens[i + 1].Is(CueWord.Is) || tokens[i + 1].Is(CueWord.Was)))
        {
            return false;
        }

        if (tokens[i].BaseLength != tokens[i].Length)
        {
            return false;
        }

        if (i > 0 && tokens[i].Joined && tokens[i - 1].Has(WordFlags.Role | WordFlags.Relation))
        {
            return true;
        }

        // Starting a clause, "Will is now 17" with a capital; in lower case only before what is said of a person ("will is
        // the best, he ...", "will is really kind"), since "will is not enough" is the noun.
        return ClauseStart(text, tokens, i)
            && ((tokens[i].Capitalised && tokens[i].SentenceStart) || PersonPredicate(text, tokens, i + 1, strict: false, plural: false, tokens[i])
                || BestAtClauseEnd(text, tokens, i + 2));
    }

    /// <summary>"the best" closing the clause ("will is the best, he never judges me"), not "the best thing".</summary>
    private static bool BestAtClauseEnd(string text, List<Token> tokens, int k)
    {
        if (k + 1 >= tokens.Count || !tokens[k].Joined || !tokens[k].Is(CueWord.The) || !tokens[k + 1].Joined || !tokens[k + 1].Is(CueWord.Best))
        {
            return false;
        }

        return k + 2 >= tokens.Count || !tokens[k + 2].Joined;
    }

    /// <summary>
    /// A lower-case word-name where a person stands (starting a clause, or after a verb that takes a person; not after "with":
    /// "comes back with cash and two phones, he's 14")
    /// that "he" or "she" takes up later in the sentence: "text jade but she takes ages", "i told jade something and she
    /// told my sw", "mo is safe, he sorted the football", ", dean always turns up when he says". Not the modals and verbs
    /// "will", "may", "hope", "mark", a month, or a word that describes ("rich", "frank": "to be frank, she ...").
    /// </summary>
    private static bool PronounRefersBack(string text, List<Token> tokens, int i)
    {
        var t = tokens[i];
        if (t.Has(WordFlags.Calendar) || t.Is(CueWord.Will) || t.Is(CueWord.May) || t.Is(CueWord.Hope) || t.Is(CueWord.Mark)
            || IsDescribingName(t) || t.BaseLength != t.Length)
        {
            return false;
        }

        var slot = ClauseStart(text, tokens, i);
        if (!slot && t.Joined)
        {
            var p = tokens[i - 1];
            slot = (p.Has(WordFlags.ContactVerb) && !(i >= 2 && tokens[i - 2].Joined && IsDeterminer(tokens[i - 2])))
                || p.Is(CueWord.Told) || p.Is(CueWord.Asked);
        }

        if (!slot)
        {
            return false;
        }

        for (var k = i + 2; k < tokens.Count && k <= i + 8 && !tokens[k].SentenceStart; k++)
        {
            if (tokens[k].Is(CueWord.He) || tokens[k].Is(CueWord.She) || tokens[k].Is(CueWord.Hes) || tokens[k].Is(CueWord.Shes))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A lower-case word-name starting a clause, then "at", "from" or "in" and at most four words of place, then the clause's
    /// verb: a past or finite verb ("rich from the youth club sorted me", "ruby at the drop in gave me a card", "may from the
    /// leaving care team helped me"), or "is"/"was" + "the only" or a role or relation ("grace at young carers is the only
    /// adult who asks"; not a trait: "grace at the end was nice", "bill from the council is huge"). Not "will", "hope",
    /// "faith", "mark" ("faith in the system failed", "will from now on be"), and "may" only before "from".
    /// </summary>
    private static bool SubjectWithPlace(string text, List<Token> tokens, int i)
    {
        var t = tokens[i];
        if (t.BaseLength != t.Length || i + 3 >= tokens.Count || t.Is(CueWord.Will) || t.Is(CueWord.Hope) || t.Is(CueWord.Faith)
            || t.Is(CueWord.Mark))
        {
            return false;
        }

        var n = tokens[i + 1];
        if (!n.Joined || !(n.Is(CueWord.At) || n.Is(CueWord.From) || n.Is(CueWord.In)) || (t.Is(CueWord.May) && !n.Is(CueWord.From))
            || (t.Has(WordFlags.Calendar) && !t.Is(CueWord.May)))
        {
            return false;
        }

        for (var k = i + 3; k < tokens.Count && k <= i + 6 && tokens[k].Joined; k++)
        {
            var v = tokens[k];
            if (v.Is(CueWord.Is) || v.Is(CueWord.Was))
            {
                return (k + 2 < tokens.Count && tokens[k + 1].Joined && tokens[k + 1].Is(CueWord.The) && IsWord(text, tokens[k + 2], "only"))
                    || PersonPredicate(text, tokens, k, strict: true, plural: false, t);
            }

            if (v.Has(WordFlags.Function | WordFlags.Service) || v.Acronym)
            {
                continue;
            }

            if (v.IsAnyOf(CueWords.FirstFinite, CueWords.LastFinite) || v.IsAnyOf(CueWords.FirstAction, CueWords.LastAction)
                || (v.Has(WordFlags.SaidVerb) && !v.Is(CueWord.From)) || (v.Has(WordFlags.PersonVerb) && !EndsWithIng(text, v))
                || (v.BaseLength > 4 && text.AsSpan(v.Start, v.BaseLength).EndsWith("ed", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWord(string text, Token t, string word) =>
        t.Length == word.Length && text.AsSpan(t.Start, t.Length).Equals(word, StringComparison.OrdinalIgnoreCase);
}
