using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// Finds person names by scanning words once: a first-name gazetteer, context cues ("my name is", "Mr", "my sw",
/// "X said", "X from school", "thanks X") and a capitalised surname after a first name. Names that are also
/// words ("will", "grace") need a cue or a capital mid-sentence; months and seasons that are names need a cue.
/// A title is part of the name ("Mr Patel"), so it is redacted with it.
/// </summary>
internal static partial class NameFinder
{
    /// <summary>Punctuation between two words that starts a new sentence, line or quotation.</summary>
    private static readonly System.Buffers.SearchValues<char> SentenceBreaks = System.Buffers.SearchValues.Create(".!?\n\r:\"“”•*(");

    [ThreadStatic]
    private static List<Token>? tokenBuffer;

    [ThreadStatic]
    private static List<int>? nameBuffer;

    /// <summary>
    /// Adds the names in <paramref name="text"/> to <paramref name="found"/>: the rules' names, then the words
    /// <paramref name="model"/> marks among those the rules left alone. With <paramref name="examples"/>, each word the
    /// model would score is also added there with its features (training).
    /// </summary>
    public static void Find(string text, List<Candidate> found, NameModel? model, List<NameExample>? examples = null)
    {
        var tokens = tokenBuffer ??= new List<Token>(64);
        var names = nameBuffer ??= new List<int>(8);
        tokens.Clear();
        names.Clear();
        var shouting = Tokenize(text, tokens);

        // Phone numbers and emails are found before names: a word-name right next to one is a person ("jade 07700 900643").
        var contacts = HasContact(found) ? found : null;

        // Token index -> true when the token starts or continues a name; filled in one pass, then linked "X and Y".
        Span<bool> isName = tokens.Count <= 256 ? stackalloc bool[tokens.Count] : new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.NeverName && t.BaseLength >= 2 && IsName(text, tokens, i, shouting, contacts))
            {
                isName[i] = true;
            }
            else if (i > 0 && !shouting && t.Capitalised && t.Joined && t.BaseLength >= 3 && IsRankBefore(text, tokens[i - 1])
                && LooksLikeName(text, t, capitalised: true) && (t.Has(WordFlags.Name) || (!Known(t) && !t.WordOrTextSpeak)))
            {
                isName[i] = true;
            }
        }

        // "Will and Grace", "tash and jo", "rose n ivy": a word-name or unknown capitalised word joined by "and" to a name is one too.
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (!(tokens[i + 1].Is(CueWord.And) || tokens[i + 1].Is(CueWord.N)) || !tokens[i + 1].Joined || !tokens[i + 2].Joined)
            {
                continue;
            }

            if (isName[i] && !isName[i + 2] && CouldBeCoordinatedName(tokens[i + 2], shouting))
            {
                isName[i + 2] = true;
            }
            else if (isName[i + 2] && !isName[i] && CouldBeCoordinatedName(tokens[i], shouting))
            {
                isName[i] = true;
            }
        }

        LinkCoordinations(text, tokens, isName, shouting);
        LinkLists(text, tokens, isName, shouting);
        Propagate(text, tokens, isName, shouting);
        if (model is not null || examples is not null)
        {
            AddModelNames(text, tokens, isName, shouting, model, examples);
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!isName[i])
            {
                continue;
            }

            var t = tokens[i];
            var start = t.Start;

            // Keep the title with the name: "Mr Patel", "Dr. Okafor"; and a capitalised unknown first name before a
            // known one: "Nikki Fraser".
            if (i > 0 && IsTitle(text, tokens[i - 1]) && TitleGap(text, tokens[i - 1], t))
            {
                start = tokens[i - 1].Start;
            }
            else if (i > 0 && tokens[i].Joined && tokens[i - 1].Capitalised && !shouting
                && !Known(tokens[i - 1]) && tokens[i - 1].BaseLength == tokens[i - 1].Length && t.Capitalised
                && !IsAcronym(text, tokens[i - 1]) && !isName[i - 1])
            {
                start = tokens[i - 1].Start;
            }

            // Run on over a surname (or two): "Sarah Jones", "Mohammed Ali Khan", "sarah o'neill".
            var end = t.BaseEnd;
            var last = i;
            while (last + 1 < tokens.Count && last - i < 2 && ((isName[last + 1] && tokens[last + 1].Joined) || IsSurname(text, tokens[last + 1], tokens[last], shouting)))
            {
                last++;
                end = tokens[last].BaseEnd;
                if (tokens[last].BaseLength < tokens[last].Length)
                {
                    break;
                }
            }

            found.Add(Candidate.Of(PiiType.Name, start, end));
            i = last;
        }
    }

    /// <summary>
    /// The learned recall layer: every candidate word the rules did not mark (<see cref="NameFeatures.IsCandidate"/>) is
    /// scored against the rules' names only, so that training and scoring see the same features; the words the model
    /// marks then join the rules' names and run on with them into one span ("my carers [name] and des").
    /// </summary>
    private static void AddModelNames(string text, List<Token> tokens, Span<bool> isName, bool shouting, NameModel? model, List<NameExample>? examples)
    {
        var n = tokens.Count;
        if (n < 3)
        {
            // One or two words give the model no context to read ("café").
            return;
        }

        // Most texts hold no word the model would score: every word is a name the rules found, a cue word or an ordinary
        // English word that the veto leaves to the rules. Such a text needs neither the word hashes nor the loop below.
        var first = 0;
        while (first < n && !Scored(text, tokens, isName, first, shouting))
        {
            first++;
        }

        if (first == n)
        {
            return;
        }

        var textKnown = NameFeatures.TextKnown(tokens);
        if (textKnown == 0 && n >= 4)
        {
            // Most words unknown to the lexicon are another language ("Questa è la mia scuola"), not a list of names.
            return;
        }

        Span<uint> words = n <= 256 ? stackalloc uint[n] : new uint[n];
        Span<bool> added = n <= 256 ? stackalloc bool[n] : new bool[n];
        added.Clear();
        NameFeatures.WordHashes(text, tokens, words);
        for (var i = first; i < n; i++)
        {
            if (i > first && !Scored(text, tokens, isName, i, shouting))
            {
                continue;
            }

            if (examples is not null)
            {
                var sink = new NameExampleSink(new List<int>(32));
                NameFeatures.Extract(text, tokens, i, isName, words, shouting, textKnown, ref sink);
                examples.Add(new NameExample(tokens[i].Start, tokens[i].BaseEnd, [.. sink.Buckets]));
            }

            added[i] = model is not null && model.IsName(text, tokens, i, isName, words, shouting, textKnown);
        }

        for (var i = 0; i < n; i++)
        {
            isName[i] |= added[i];
        }
    }

    /// <summary>Whether the model scores token <paramref name="i"/>: not a name the rules found, a candidate, and not vetoed.</summary>
    private static bool Scored(string text, List<Token> tokens, ReadOnlySpan<bool> isName, int i, bool shouting) =>
        !isName[i] && MayReachModel(tokens[i], shouting) && NameFeatures.IsCandidate(text, tokens[i], shouting) && !RulesVeto(text, tokens, i, shouting);

    /// <summary>
    /// False for a word that <see cref="NameFeatures.IsCandidate"/> or <see cref="RulesVeto"/> surely turns away, by its
    /// flags alone: shorter than two letters, never a name, an acronym (unless the text shouts), or an English word or
    /// text-speak that no list holds as a name, month or season. A cheap exact pre-check: true says nothing.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool MayReachModel(Token t, bool shouting) =>
        t.BaseLength >= 2 && !t.NeverName && (shouting || !t.Acronym)
        && (t.Has(WordFlags.Name | WordFlags.WordName | WordFlags.Calendar) || !t.WordOrTextSpeak);

    /// <summary>
    /// What the rules know is not a name, whatever the model says: a contraction; a word after "St"; an ordinary English word no list holds
    /// as a name; a month or season; a word-name in lower case or starting a sentence; and the checks
    /// <see cref="Propagate"/> makes: "Will", "May", "Hope" or "Mark" before a pronoun or determiner ("Will you"), a
    /// word-name after a determiner, a subject pronoun or "to" ("the Grace period").
    /// </summary>
    private static bool RulesVeto(string text, List<Token> tokens, int i, bool shouting)
    {
        var t = tokens[i];
        var word = text.AsSpan(t.Start, t.BaseLength);
        if (PlaceBefore(text, tokens, i) || ComputerBefore(text, tokens, i))
        {
            return true;
        }

        if (IsContraction(word) || t.Is(CueWord.St) || t.Is(CueWord.Saint)
            || (i > 0 && t.Joined && (tokens[i - 1].Is(CueWord.St) || tokens[i - 1].Is(CueWord.Saint))))
        {
            // "doesn't"; "St" itself and the word after it ("St Paul's Cathedral", "St George's Day", "St Anne church"):
            // a place or a day (the rules' own check).
            return true;
        }

        if (!t.Has(WordFlags.WordName | WordFlags.Calendar))
        {
            // An ordinary English word that no list holds as a name ("Autistic", "(sisters)", "café"), or a compound of them
            // ("no-one", "six-week"), text-speak, a lower-case English word + "s" ("theres"), or a mixed-case acronym ("CiCC")
            // is left to the rules.
            // The token carries what the English and text-speak lists say of it (one lookup with its flags).
            return !t.Has(WordFlags.Name) && (t.WordOrTextSpeak || EnglishWords.ContainsWithoutAccents(word) || EnglishCompound(word)
                || MixedAcronym(word) || (!t.Capitalised && word.Length > 3 && word[^1] == 's' && EnglishWords.Contains(word[..^1])));
        }

        // Months and seasons ("May, June and July"), word-names in lower case ("the gas bill", "hope and faith got me
        // through") or starting a sentence ("Hope is all i have", "Will do"; an opening bracket is no sentence start here:
        // "the worker (Faith)") are the rules' to judge: their cues say more there than any weight.
        var start = i == 0 || (t.SentenceStart && PrevNonSpace(text, t.Start) != '(');
        if (t.Has(WordFlags.Calendar) || start || !t.Capitalised || shouting)
        {
            return true;
        }

        var hasPrev = i > 0 && t.Joined;
        var hasNext = i + 1 < tokens.Count && tokens[i + 1].Joined;
        var modal = t.Is(CueWord.Will) || t.Is(CueWord.May) || t.Is(CueWord.Hope) || t.Is(CueWord.Mark);
        return (hasNext && modal && tokens[i + 1].Has(WordFlags.VerbObject))
            || (hasPrev && (IsDeterminer(tokens[i - 1]) || IsSubjectPronoun(tokens[i - 1]) || tokens[i - 1].Is(CueWord.To)));
    }

    /// <summary>"no-one", "cross-border": a hyphenated word whose every part is an English word.</summary>
    private static bool EnglishCompound(ReadOnlySpan<char> word)
    {
        if (!word.Contains('-'))
        {
            return false;
        }

        foreach (var range in word.Split('-'))
        {
            if (!EnglishWords.Contains(word[range]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"CiCC", "SENDIASS"-like mixed case: three capitals or more, or a capital after the first letter at the end ("McDonald" is not).</summary>
    private static bool MixedAcronym(ReadOnlySpan<char> word)
    {
        var upper = 0;
        foreach (var c in word)
        {
            upper += char.IsUpper(c) ? 1 : 0;
        }

        return upper >= 3 || (upper >= 2 && char.IsUpper(word[^1]));
    }

    /// <summary>"doesn't", "they're", "we'll": an apostrophe with one or two letters after it, not "O'Neill".</summary>
    private static bool IsContraction(ReadOnlySpan<char> word)
    {
        var at = word.LastIndexOfAny('\'', '’');
        return at >= 2 && word.Length - at - 1 <= 2;
    }

    private static char PrevNonSpace(string text, int at)
    {
        for (var k = at - 1; k >= 0; k--)
        {
            if (text[k] != ' ')
            {
                return text[k];
            }
        }

        return '\0';
    }

    /// <summary>
    /// "Grace &amp; Hope", and capitalised lists "Jo, Mark and now Priya": a word-name or unknown capitalised word next to a
    /// name across "&amp;" or a comma is one too. Months are not ("May, June and July").
    /// </summary>
    private static void LinkLists(string text, List<Token> tokens, Span<bool> isName, bool shouting)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (isName[i] == isName[i + 1])
            {
                continue;
            }

            var a = tokens[i];
            var b = tokens[i + 1];
            var gap = text.AsSpan(a.End, b.Start - a.End).Trim(' ');
            if (!(gap is "&" || (gap is "," && a.Capitalised && b.Capitalised && !shouting)))
            {
                continue;
            }

            if (isName[i] && CouldBeCoordinatedName(b, shouting))
            {
                isName[i + 1] = true;
            }
            else if (isName[i + 1] && CouldBeCoordinatedName(a, shouting))
            {
                isName[i] = true;
            }
        }
    }

    /// <summary>
    /// A word found as a name once is a name again in the same text ("My niece Ruby ... Ruby doesn't see her dad"): written
    /// with a capital (not "Will you", "May I", "Mark my words"), or in lower case when it was found in lower case too, and
    /// not as a verb or after a determiner ("mark ... mark my words", "grace ... a grace period", "i hope").
    /// </summary>
    private static void Propagate(string text, List<Token> tokens, Span<bool> isName, bool shouting)
    {
        if (!isName.Contains(true))
        {
            return;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (isName[i] || t.NeverName || t.BaseLength < 2 || t.Acronym)
            {
                continue;
            }

            var cap = t.Capitalised && !shouting;
            if (!t.Has(WordFlags.WordName | WordFlags.Calendar) && !(cap && !Known(t)))
            {
                continue;
            }

            var hasPrev = i > 0 && t.Joined;
            var hasNext = i + 1 < tokens.Count && tokens[i + 1].Joined;
            var modal = t.Is(CueWord.Will) || t.Is(CueWord.May) || t.Is(CueWord.Hope) || t.Is(CueWord.Mark);
            if ((hasNext && modal && tokens[i + 1].Has(WordFlags.VerbObject))
                || (hasPrev && (IsDeterminer(tokens[i - 1]) || IsSubjectPronoun(tokens[i - 1]) || tokens[i - 1].Is(CueWord.To)))
                || (t.Has(WordFlags.Calendar) && (DigitNext(text, t) || (hasPrev && tokens[i - 1].Has(WordFlags.Function))))
                || (!cap && modal))
            {
                continue;
            }

            var word = text.AsSpan(t.Start, t.BaseLength);
            for (var j = 0; j < tokens.Count; j++)
            {
                if (isName[j] && tokens[j].BaseLength == t.BaseLength && (cap || !tokens[j].Capitalised)
                    && text.AsSpan(tokens[j].Start, tokens[j].BaseLength).Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    isName[i] = true;
                    break;
                }
            }
        }
    }

    private static bool CouldBeCoordinatedName(Token t, bool shouting) =>
        !t.NeverName && !t.Has(WordFlags.Calendar) && t.BaseLength >= 2
        && (t.Has(WordFlags.Name | WordFlags.WordName) || (t.Capitalised && !shouting && !Known(t)));

    private static bool IsName(string text, List<Token> tokens, int i, bool shouting, List<Candidate>? contacts)
    {
        var t = tokens[i];
        var cap = t.Capitalised && !shouting;
        var midCap = cap && !t.SentenceStart;

        // An acronym ("YP", "DSL", "CSC") is never a name, whatever cue precedes it.
        if (!shouting && IsAcronym(text, t))
        {
            return t.Has(WordFlags.Name) && t.BaseLength > 3;
        }

        // "St Thomas hospital", "st johns ambulance", "St James park": a name after "St" or "Saint" names a place (a school
        // among them is the school finder's).
        if (i > 0 && t.Joined && (tokens[i - 1].Is(CueWord.St) || tokens[i - 1].Is(CueWord.Saint)))
        {
            return false;
        }

        // Italian "la mia assistente sociale", "Mia madre": "my", not the name Mia.
        if (t.Is(CueWord.Mia) && IsItalianMia(text, tokens, i))
        {
            return false;
        }

        // Cheap exits first; cues are only read for words that could still be names.
        if (t.Has(WordFlags.Name) && !t.Has(WordFlags.WordName | WordFlags.Calendar))
        {
            return true;
        }

        if (!cap && !t.Has(WordFlags.WordName | WordFlags.Calendar) && Known(t))
        {
            return false;
        }

        var cue = CueBefore(text, tokens, i, cap);

        if (t.Has(WordFlags.Calendar))
        {
            // "in May", "this Summer": a date; "my friend April", "April Jones", "Summer said": a person.
            // "Autumn keeps cancelling on me": only a person's verb or role, not "is"/"came" + a trait ("Summer is the worst time",
            // "Summer came early", "May has been busy"); "May has been our social worker", "May, the duty sw, took the call".
            // In lower case only as the object of a contact verb ("tell may to ring me"; not "the call may be recorded", "ring
            // may 5th") or after "my"/"our" + a role or relation ("my sister april"; not "my sw may ring", "hot girl summer").
            return cue == Cue.Strong || (cap && (cue == Cue.Weak || CueAfter(text, tokens, i) || NextIsSurname(text, tokens, i, shouting, strict: true)
                || DoesWhatAPersonDoes(text, tokens, i, strict: true)))
                || (contacts is not null && NextToContact(text, tokens, i, contacts))
                || (t.SentenceStart && Apposition(text, tokens, i))
                || (!cap && !DigitNext(text, t) && (ContactObject(tokens, i) || (cue == Cue.Weak && !t.Is(CueWord.May) && AfterPossessiveRole(tokens, i))))
                || (!cap && t.SentenceStart && i + 1 < tokens.Count && tokens[i + 1].Joined && (tokens[i + 1].Is(CueWord.Is) || tokens[i + 1].Is(CueWord.Was))
                    && PersonPredicate(text, tokens, i + 1, strict: true, plural: false, t))
                || (cap && t.SentenceStart && !DigitNext(text, t) && BracketOrAge(text, tokens, i, age: false));
        }

        if (t.Has(WordFlags.WordName))
        {
            if (cue == Cue.Strong || (!cap && IsVocative(text, tokens, i)) || IsSelfIntroduction(text, tokens, i)
                || (contacts is not null && NextToContact(text, tokens, i, contacts)) || Apposition(text, tokens, i))
            {
                return true;
            }

            if (!cap)
            {
                return AfterPersonCue(tokens, i, cue) || (!IsDescribingName(t) && ((t.SentenceStart && LowerCaseDoer(text, tokens, i))
                    || LowerCaseInContext(text, tokens, i)))
                    || (IsDescribingName(t) && t.SentenceStart && i + 1 < tokens.Count && tokens[i + 1].Joined
                        && (tokens[i + 1].Is(CueWord.Said) || tokens[i + 1].Is(CueWord.Says) || tokens[i + 1].Is(CueWord.Told)));
            }

            return midCap || cue == Cue.Weak || CueAfter(text, tokens, i) || NextIsSurname(text, tokens, i, shouting, strict: false)
                || DoesWhatAPersonDoes(text, tokens, i, strict: false) || ActionItem(text, tokens, i)
                || ((t.SentenceStart || PrevEndsWith(text, tokens, i, ',')) && BracketOrAge(text, tokens, i, age: true));
        }

        if (t.Has(WordFlags.Name))
        {
            return true;
        }

        // "the Nurse Practitioner", "our Youth Worker Lead": a role written with a capital mid-sentence, then a capitalised
        // ordinary word, is a job title ("my sw Dave" keeps its lower-case role).
        if (cap && i > 0 && t.Joined && tokens[i - 1].Capitalised && !tokens[i - 1].SentenceStart && IsRoleWord(text, tokens[i - 1])
            && t.English)
        {
            return false;
        }

        // Not a known first name: only a cue makes it one.
        if (cue == Cue.Strong)
        {
            return cap ? !t.Has(WordFlags.Function) && LooksLikeName(text, t, capitalised: true)
                : LooksLikeName(text, t, capitalised: false, afterTitle: i > 0 && IsTitle(text, tokens[i - 1]));
        }

        if (cap && !t.Has(WordFlags.Common) && LooksLikeName(text, t, capitalised: true))
        {
            // "Skye never rings back", "Tiegan is the best worker": a person's verb or role, not a trait ("Yoga is really
            // helpful") and not a plural ("Adults never listened").
            return cue == Cue.Weak || CueAfter(text, tokens, i)
                || (!EndsWithS(text, t) && DoesWhatAPersonDoes(text, tokens, i, strict: true)) || ActionItem(text, tokens, i)
                || ((t.SentenceStart || PrevEndsWith(text, tokens, i, ',')) && BracketOrAge(text, tokens, i, age: true))
                || (IsSelfIntroduction(text, tokens, i) && UnknownIntroduced(text, tokens, i));
        }

        // A capitalised common word right after a role or family word is a name too ("my sw Dave", "my teacher Brown").
        return midCap && cue == Cue.Weak && i > 0 && (IsRoleWord(text, tokens[i - 1]) || IsRelationWord(text, tokens[i - 1]));
    }

    /// <summary>Flags that say how a word is used around a name, not what it is: a word with only these is still unknown.</summary>
    private const WordFlags ContextOnly = WordFlags.PersonVerb | WordFlags.PersonTrait | WordFlags.Frequency | WordFlags.VerbObject | WordFlags.ContactVerb;

    /// <summary>The lexicon knows what the word is (a name, a common word, a function word...).</summary>
    private static bool Known(Token t) => (t.Flags & ~ContextOnly) != 0;

    /// <summary>
    /// A word-name followed by what only a person does or is: "Grace never rings back", "Autumn keeps cancelling",
    /// "Hope is the best worker", "Mark is really kind", "Faith is a good friend", "Jade is my best friend". Not "Hope is all i have", "Joy is hard",
    /// "Will you call", "Rose by 10%", "Will calls be answered?". "has"/"had been" counts as "is" ("May has been our social worker",
    /// "Will has always been there for me"), and "has" + a person's verb as the verb ("Joy has rung me"). With <paramref name="strict"/>
    /// not a trait or state ("Yoga is really helpful", "May has been busy") nor a verb that things do too ("Football always helps").
    /// </summary>
    private static bool DoesWhatAPersonDoes(string text, List<Token> tokens, int i, bool strict)
    {
        var j = PastAdverbs(tokens, i + 1, out var adverbs);

        if (j >= tokens.Count || !tokens[j].Joined)
        {
            return false;
        }

        var v = tokens[j];
        if (v.Has(WordFlags.PersonVerb))
        {
            // "Will calls be answered?" is a question, not Will calling; "-ing" only after "keeps", "still", "always".
            if (tokens[i].Is(CueWord.Will) && j + 1 < tokens.Count && tokens[j + 1].Is(CueWord.Be))
            {
                return false;
            }

            return adverbs > 0 || !text.AsSpan(v.Start, v.BaseLength).EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        }

        // "Jade always helps", "Bill never turns up", "Amber came round": verbs that things do too need an adverb or "round".
        if (v.IsAnyOf(CueWords.FirstAction, CueWords.LastAction) && !strict)
        {
            return adverbs > 0 || (j + 1 < tokens.Count && tokens[j + 1].Joined && tokens[j + 1].Is(CueWord.Round));
        }

        if (v.Is(CueWord.Has) || v.Is(CueWord.Had))
        {
            var k = PastAdverbs(tokens, j + 1, out _);
            if (k >= tokens.Count || !tokens[k].Joined)
            {
                return false;
            }

            return tokens[k].Is(CueWord.Been) ? PersonPredicate(text, tokens, k, strict, plural: false, tokens[i])
                : tokens[k].Has(WordFlags.PersonVerb) && !EndsWithIng(text, tokens[k]);
        }

        return (v.Is(CueWord.Is) || v.Is(CueWord.Was)) && PersonPredicate(text, tokens, j, strict, plural: false, tokens[i]);
    }

    /// <summary>
    /// The first token from <paramref name="from"/> on that is not one of at most two frequency adverbs joined to it
    /// ("never", "always": "grace never rings back"); <paramref name="adverbs"/> is how many were passed.
    /// </summary>
    private static int PastAdverbs(List<Token> tokens, int from, out int adverbs)
    {
        var j = from;
        while (j < tokens.Count && tokens[j].Joined && tokens[j].Has(WordFlags.Frequency) && j - from < 2)
        {
            j++;
        }

        adverbs = j - from;
        return j;
    }

    /// <summary>
    /// What follows "is"/"was" (or "are"/"were", <paramref name="plural"/>) at token <paramref name="j"/> when the subject
    /// is a person: a trait ("really kind"; not "kind of") or a state ("scared", "crying"), unless <paramref name="strict"/>;
    /// "the best" + a role, or "a"/"the"/"my"/"our"/"his"/"her"/"their" + a role or relation ("my best mate", "my mates", "our
    /// social worker"); "there for" + a person ("always there for me"), but not for <paramref name="subject"/> hope or faith.
    /// </summary>
    private static bool PersonPredicate(string text, List<Token> tokens, int j, bool strict, bool plural, Token subject)
    {
        var k = PastAdverbs(tokens, j + 1, out _);

        if (k >= tokens.Count || !tokens[k].Joined)
        {
            return false;
        }

        var w = tokens[k];
        if (!strict && w.IsAnyOf(CueWords.FirstState, CueWords.LastState))
        {
            return true;
        }

        if (w.Has(WordFlags.PersonTrait) && !strict)
        {
            // "Hope is kind of all i have".
            return k + 1 >= tokens.Count || !tokens[k + 1].Is(CueWord.Of);
        }

        // "Will is always there for me" (not "hope is always there for me", which reads as the feeling).
        if (w.Is(CueWord.There) && k + 2 < tokens.Count && tokens[k + 1].Joined && tokens[k + 1].Is(CueWord.For) && tokens[k + 2].Joined
            && tokens[k + 2].Has(WordFlags.VerbObject))
        {
            return !subject.Is(CueWord.Hope) && !subject.Is(CueWord.Faith);
        }

        // "the best worker", "the best youth worker", "a good friend", "an amazing mentor", "our social worker", "the team manager".
        var from = w.Is(CueWord.The) ? (k + 1 < tokens.Count && IsSuperlative(text, tokens[k + 1]) ? k + 2 : k + 1)
            : w.Is(CueWord.A) || w.Is(CueWord.An) || IsPossessive(w) ? k + 1 : -1;
        for (var r = from; r >= 0 && r < tokens.Count && r <= from + 2 && tokens[r].Joined; r++)
        {
            if (tokens[r].Has(WordFlags.Role | WordFlags.Relation) || (plural && IsPluralPerson(text, tokens[r])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"mates", "friends", "teachers": a role or relation word with a plural "s".</summary>
    private static bool IsPluralPerson(string text, Token t) =>
        t.BaseLength > 3 && EndsWithS(text, t) && (Lexicon.Lookup(text.AsSpan(t.Start, t.BaseLength - 1)) & (WordFlags.Role | WordFlags.Relation)) != 0;

    /// <summary>
    /// A lower-case word-name told by its clause: "me and bill", "me n jade"; a possessive at a home ("staying at grace's
    /// tonight", "will's mum"); before a place or group ("will from the youth club", "mark in my class", "grace at the front
    /// desk", "sam from camhs") at the start of a sentence or after "and", "with", "like", "about"; starting a sentence before
    /// a person's predicate ("rose is scared", "hope was the best worker", "ruby is my best mate", "mark keeps copying"), or
    /// before "and" + another name and what people do ("jade and rose keep posting", "mark and jade bully me", "ruby and
    /// faith are my mates"). Not "will they", "hope is all i have", "rose by", "the bill's", "hope keeps me going",
    /// "hope from the start", "will from now on", "hope and faith got me through".
    /// </summary>
    private static bool LowerCaseInContext(string text, List<Token> tokens, int i)
    {
        var t = tokens[i];
        var hasPrev = i > 0 && t.Joined;
        var p1 = hasPrev ? tokens[i - 1] : default;
        var hasNext = i + 1 < tokens.Count && tokens[i + 1].Joined;
        var n1 = hasNext ? tokens[i + 1] : default;

        if (hasPrev && i >= 2 && (p1.Is(CueWord.And) || p1.Is(CueWord.N)) && p1.Joined && tokens[i - 2].Is(CueWord.Me))
        {
            return true;
        }

        if (t.BaseLength < t.Length)
        {
            if (hasPrev && IsDeterminer(p1))
            {
                return false;
            }

            // "at grace's this weekend", "round jade's till sunday": a function word after it, not a noun ("at mark's request").
            return (hasNext && IsHomeOrFamily(text, n1))
                || (hasPrev && (p1.Is(CueWord.At) || p1.Is(CueWord.Round) || p1.Is(CueWord.To))
                    && (!hasNext || n1.Is(CueWord.Tonight) || n1.Is(CueWord.Last) || n1.Is(CueWord.For) || n1.Is(CueWord.On) || n1.Is(CueWord.And)
                        || n1.Has(WordFlags.Function)));
        }

        if (!hasNext)
        {
            return false;
        }

        // "thank you to grace at the family hub", "youth worker will at the hub".
        var subject = t.SentenceStart || (hasPrev && (p1.Is(CueWord.And) || p1.Is(CueWord.With) || p1.Is(CueWord.Like) || p1.Is(CueWord.About)
            || p1.Is(CueWord.To) || p1.Has(WordFlags.Role | WordFlags.Relation)));
        if (subject && (n1.Is(CueWord.From) || n1.Is(CueWord.In) || n1.Is(CueWord.At)) && PlaceAfter(text, tokens, i + 2))
        {
            return true;
        }

        // "my foster mum hope is the kindest person": after "mum" or "dad", "hope is" cannot be a verb.
        if (hasPrev && IsParent(p1) && (n1.Is(CueWord.Is) || n1.Is(CueWord.Was))
            && !t.Is(CueWord.Will))
        {
            return true;
        }

        if (!t.SentenceStart)
        {
            return false;
        }

        // "jade says shes staying", "mark said", "jack and me both waited".
        if (n1.Is(CueWord.Says) || n1.Is(CueWord.Said) || n1.Is(CueWord.Told)
            || (n1.Is(CueWord.And) && i + 2 < tokens.Count && tokens[i + 2].Joined && tokens[i + 2].Is(CueWord.Me)))
        {
            return true;
        }

        if (n1.Is(CueWord.Is) || n1.Is(CueWord.Was))
        {
            return PersonPredicate(text, tokens, i + 1, strict: false, plural: false, t);
        }

        if ((n1.Is(CueWord.Keeps) || n1.Is(CueWord.Kept)) && i + 2 < tokens.Count && tokens[i + 2].Joined && EndsWithIng(text, tokens[i + 2]))
        {
            return true;
        }

        // "jade and rose keep posting": the pair is the subject; the pass that links "X and Y" marks the second.
        if (!n1.Is(CueWord.And) || i + 3 >= tokens.Count || !tokens[i + 2].Joined || tokens[i + 2].Capitalised
            || !tokens[i + 2].Has(WordFlags.Name | WordFlags.WordName) || tokens[i + 2].Has(WordFlags.Calendar) || IsDescribingName(tokens[i + 2]))
        {
            return false;
        }

        var j = PastAdverbs(tokens, i + 3, out _);

        if (j >= tokens.Count || !tokens[j].Joined)
        {
            return false;
        }

        var v = tokens[j];
        if (v.Is(CueWord.Keep))
        {
            return j + 1 < tokens.Count && tokens[j + 1].Joined && EndsWithIng(text, tokens[j + 1]);
        }

        if (v.IsAnyOf(CueWords.FirstGroupVerb, CueWords.LastGroupVerb))
        {
            return true;
        }

        if (v.Is(CueWord.Are) || v.Is(CueWord.Were))
        {
            return PersonPredicate(text, tokens, j, strict: false, plural: true, t);
        }

        return v.Has(WordFlags.PersonVerb) && !EndsWithS(text, v) && !EndsWithIng(text, v);
    }

    /// <summary>
    /// A place or group from token <paramref name="k"/> on: an optional "the"/"my"/"our", then within two words a place
    /// ("youth club", "class", "year", "front desk") or a service ("camhs").
    /// </summary>
    private static bool PlaceAfter(string text, List<Token> tokens, int k)
    {
        if (k < tokens.Count && tokens[k].Joined && (tokens[k].Is(CueWord.The) || tokens[k].Is(CueWord.My) || tokens[k].Is(CueWord.Our)))
        {
            k++;
        }

        for (var r = k; r < tokens.Count && r <= k + 1 && tokens[r].Joined; r++)
        {
            var w = tokens[r];
            if (w.IsAnyOf(CueWord.Youth, CueWord.School) || w.IsAnyOf(CueWords.FirstPlace, CueWords.LastPlace) || w.Has(WordFlags.Service))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithIng(string text, Token t) =>
        t.BaseLength > 4 && text.AsSpan(t.Start, t.BaseLength).EndsWith("ing", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Olu's mum", "Kayden's house": a family or home word after a possessive.</summary>
    private static bool IsHomeOrFamily(string text, Token n1) =>
        IsRelationWord(text, n1) || IsRoleWord(text, n1) || IsParent(n1) || n1.Is(CueWord.House) || n1.Is(CueWord.Family)
            || n1.Is(CueWord.Parents) || n1.Is(CueWord.Carer) || n1.Is(CueWord.Birthday) || n1.Is(CueWord.Phone) || n1.Is(CueWord.Room)
            || n1.Is(CueWord.Dob) || n1.Is(CueWord.Idea) || n1.Is(CueWord.Ideas);

    /// <summary>"mum", "dad", "mam", "mom".</summary>
    private static bool IsParent(Token t) => t.Is(CueWord.Mum) || t.Is(CueWord.Dad) || t.Is(CueWord.Mam) || t.Is(CueWord.Mom);

    /// <summary>
    /// A lower-case word-name starting a sentence with a person's verb after it that cannot be a plural noun: past tense,
    /// after an adverb, or before "me"/"us"/"my": "grace never rings back", "mark texted me". Not "hope texts get answered".
    /// </summary>
    private static bool LowerCaseDoer(string text, List<Token> tokens, int i)
    {
        var j = PastAdverbs(tokens, i + 1, out var adverbs);

        if (j >= tokens.Count || !tokens[j].Joined || !tokens[j].Has(WordFlags.PersonVerb))
        {
            return false;
        }

        var verb = text.AsSpan(tokens[j].Start, tokens[j].BaseLength);
        var next = j + 1 < tokens.Count && tokens[j + 1].Joined ? tokens[j + 1] : default;
        if (tokens[i].Is(CueWord.Will) && next.Is(CueWord.Be))
        {
            return false;
        }

        var ing = verb.EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        return adverbs > 0 ? true : !ing && (verb[^1] is not ('s' or 'S') || next.Has(WordFlags.VerbObject));
    }

    /// <summary>"best", "worst", "nicest", "kindest".</summary>
    private static bool IsSuperlative(string text, Token t) =>
        t.Is(CueWord.Best) || t.Is(CueWord.Worst) || (t.BaseLength > 4 && text.AsSpan(t.Start, t.BaseLength).EndsWith("est", StringComparison.OrdinalIgnoreCase));

    private static bool EndsWithS(string text, Token t) => text[t.Start + t.BaseLength - 1] is 's' or 'S';

    /// <summary>
    /// A lower-case word-name after a person cue: "my sw jade", "my mate rose" (a role or relation word right before);
    /// "talk to rose at the youth club", "ask for mark", "tell joy" (a verb that takes a person, at the end of the clause or
    /// before "at", "from", "on", "about", "and"). Not when the word reads as a verb or modal: "my sw will ring", "my mum hope
    /// you're ok", "the price rose by", "my teacher mark my work".
    /// </summary>
    private static bool AfterPersonCue(List<Token> tokens, int i, Cue cue)
    {
        var t = tokens[i];
        if (i == 0 || !t.Joined || IsDescribingName(t))
        {
            return false;
        }

        var p1 = tokens[i - 1];
        if (cue == Cue.Weak && p1.Has(WordFlags.Role | WordFlags.Relation))
        {
            // "my sw will ring": after a role "will" is the modal; after "told" or "ask" it cannot be. "my teacher mark my work".
            // "i told my sw will about it": "will" before "about", "from", "and" or the end cannot be the modal ("will at least").
            var hasNext = i + 1 < tokens.Count && tokens[i + 1].Joined;
            var n = hasNext ? tokens[i + 1] : default;
            return t.Is(CueWord.Will)
                ? !hasNext || n.Is(CueWord.About) || n.Is(CueWord.From) || n.Is(CueWord.And)
                : !(hasNext && n.Has(WordFlags.VerbObject));
        }

        return ContactObject(tokens, i);
    }

    /// <summary>
    /// The object of a verb that takes a person: "talk to rose at the youth club", "ask for mark", "tell joy", "tell may to
    /// ring me", "ask will if he can", at the end of the clause or before "at", "from", "on", "about", "and", "please", "to",
    /// "if". Not after a determiner ("the phone bill", "my text may not arrive"), nor before a verb ("phone may die").
    /// </summary>
    private static bool ContactObject(List<Token> tokens, int i)
    {
        var t = tokens[i];
        if (i == 0 || !t.Joined || IsDescribingName(t))
        {
            return false;
        }

        var hasNext = i + 1 < tokens.Count && tokens[i + 1].Joined;
        var next = hasNext ? tokens[i + 1] : default;
        var clause = hasNext && !t.Is(CueWord.Will) && !t.Is(CueWord.May)
            && (next.Is(CueWord.I) || next.Is(CueWord.He) || next.Is(CueWord.She) || next.Is(CueWord.We) || next.Is(CueWord.They)
                || next.Is(CueWord.Shes) || next.Is(CueWord.Hes) || next.Is(CueWord.Im));
        if (hasNext && next.Has(WordFlags.VerbObject) && !next.Is(CueWord.To) && !clause && !IsPossessive(next))
        {
            return false;
        }

        // "the phone bill", "her text will": a contact word after a determiner is a noun, not a verb taking a person.
        var p1 = tokens[i - 1];
        var direct = p1.Has(WordFlags.ContactVerb) && !(i >= 2 && p1.Joined && IsDeterminer(tokens[i - 2]));
        var verb = direct
            || ((p1.Is(CueWord.To) || p1.Is(CueWord.For) || p1.Is(CueWord.With)) && i >= 2 && p1.Joined && tokens[i - 2].Has(WordFlags.ContactVerb));
        // "tell grace i said hi", "ring joy shes my keyworker", "tell will my old sw i said thanks"; not "ask will i be moved",
        // "ask may i leave".
        return verb && (!hasNext || next.Is(CueWord.At) || next.Is(CueWord.From) || next.Is(CueWord.On) || next.Is(CueWord.About)
            || next.Is(CueWord.And) || next.Is(CueWord.Please) || (direct && (next.Is(CueWord.To) || next.Is(CueWord.If)))
            || (direct && clause)
            || (direct && !t.Is(CueWord.May) && IsPossessive(next) && RoleWithin(tokens, i + 2)));
    }

    /// <summary>A role or relation word joined at <paramref name="from"/> or one word later: "(my) sw", "(my) old sw".</summary>
    private static bool RoleWithin(List<Token> tokens, int from)
    {
        for (var m = from; m < tokens.Count && m <= from + 1 && tokens[m].Joined; m++)
        {
            if (tokens[m].Has(WordFlags.Role | WordFlags.Relation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Action: Will to send the minutes", "Actions: Tamsin to ring school": a name before "to" in an action point.</summary>
    private static bool ActionItem(string text, List<Token> tokens, int i) =>
        i > 0 && (tokens[i - 1].Is(CueWord.Action) || tokens[i - 1].Is(CueWord.Actions)) && PrevEndsWith(text, tokens, i, ':')
        && i + 1 < tokens.Count && tokens[i + 1].Joined && tokens[i + 1].Is(CueWord.To);

    /// <summary>
    /// A bracket with what case notes say of a child after the name: an age, a year group or a date of birth ("Hope (Y9)",
    /// "Marley (DOB ...)", "Grace (CLA, 14)", "(Ruby 7, Archie 5)"); with <paramref name="age"/> also an age after a comma or
    /// alone ("YP (Will, 15)", "Ruby 7,"). Not a count or a percentage.
    /// </summary>
    private static bool BracketOrAge(string text, List<Token> tokens, int i, bool age)
    {
        var p = tokens[i].End;
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        if (p < text.Length && text[p] == '(')
        {
            p++;
            var close = text.AsSpan(p, Math.Min(40, text.Length - p)).IndexOf(')');
            if (close < 0)
            {
                return false;
            }

            var inside = text.AsSpan(p, close).Trim(' ');
            if (inside.IsEmpty)
            {
                return false;
            }

            if (char.IsAsciiDigit(inside[0]) && (inside.Length == 1 || !char.IsAsciiDigit(inside[^1]) || inside.Length <= 2 || inside[1] is ',' or ' '))
            {
                return inside.Length <= 2 || inside[1..].IndexOfAny('%', ':', '.') < 0;
            }

            if ((inside[0] is 'Y' or 'y') && inside.Length >= 2 && (char.IsAsciiDigit(inside[1]) || inside.StartsWith("yr", StringComparison.OrdinalIgnoreCase)
                || inside.StartsWith("year", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            if (inside.StartsWith("dob", StringComparison.OrdinalIgnoreCase) || inside.StartsWith("d.o.b", StringComparison.OrdinalIgnoreCase)
                || inside.StartsWith("age", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // "(CLA, placed 80 miles away)", "(CIN)", "(LAC)": a status acronym in capitals.
            var word = inside;
            var end = word.IndexOfAny(", ");
            if (end > 0)
            {
                word = word[..end];
            }

            return word.Length is >= 2 and <= 4 && !word.ContainsAnyExceptInRange('A', 'Z')
                && (Lexicon.Lookup(word) & WordFlags.Service) != 0;
        }

        if (!age)
        {
            return false;
        }

        // "Will, 15)" / "Ruby 7," / "Jade, 16 said": one or two digits, then a comma, a bracket or the end.
        if (p < text.Length && text[p] == ',')
        {
            p++;
            while (p < text.Length && text[p] == ' ')
            {
                p++;
            }
        }

        var d = p;
        while (d < text.Length && char.IsAsciiDigit(text[d]))
        {
            d++;
        }

        return d - p is 1 or 2 && (d == text.Length || text[d] is ',' or ')');
    }

    /// <summary>
    /// "miss"/"sir" before a lower-case word: a title when the word is a surname no list knows ("miss kaur", "miss o'connor"),
    /// or a word-name or English word followed by what a person does ("miss hunter is the only one"), or after a verb that
    /// takes a person ("i told miss khan"). Not the verb: "i miss home", "dont miss it", "going to miss lessons", "i miss pakistan".
    /// </summary>
    private static Cue LowerMissCue(string text, List<Token> tokens, int i)
    {
        var t = tokens[i];
        var contact = false;
        if (i >= 2 && tokens[i - 1].Joined)
        {
            var p2 = tokens[i - 2];
            contact = p2.Has(WordFlags.ContactVerb) || p2.Is(CueWord.Told) || p2.Is(CueWord.Asked)
                || (p2.Is(CueWord.To) && i >= 3 && p2.Joined && tokens[i - 3].Has(WordFlags.ContactVerb));
            var conjunction = p2.Is(CueWord.And) || p2.Is(CueWord.With) || p2.Is(CueWord.From) || p2.Is(CueWord.For) || p2.Is(CueWord.At);
            if (!contact && !conjunction && p2.Has(WordFlags.Function | WordFlags.Frequency))
            {
                return Cue.None;
            }
        }

        if (t.Has(WordFlags.Calendar) || (Known(t) && !t.Has(WordFlags.WordName)))
        {
            return Cue.None;
        }

        var person = i + 1 < tokens.Count && FiniteVerb(text, tokens, i + 1);
        if (t.Has(WordFlags.WordName))
        {
            return person || contact ? Cue.Strong : Cue.None;
        }

        return person || contact || !t.English ? Cue.Strong : Cue.None;
    }

    /// <summary>"my sister april", "our sw summer": a calendar word right after "my"/"our"/"his"/"her"/"their" + a role or relation.</summary>
    private static bool AfterPossessiveRole(List<Token> tokens, int i) =>
        i >= 2 && tokens[i].Joined && tokens[i - 1].Joined && tokens[i - 1].Has(WordFlags.Role | WordFlags.Relation) && IsPossessive(tokens[i - 2])
        && !(i + 1 < tokens.Count && tokens[i + 1].Joined && tokens[i + 1].Has(WordFlags.VerbObject));

    /// <summary>"my", "our", "his", "her", "their", "your".</summary>
    private static bool IsPossessive(Token t) =>
        t.Is(CueWord.My) || t.Is(CueWord.Our) || t.Is(CueWord.His) || t.Is(CueWord.Her) || t.Is(CueWord.Their) || t.Is(CueWord.Your);

    /// <summary>"i", "you", "he", "she", "we", "they", "it": before one, "will" and "may" are verbs ("you may, my friend, ...").</summary>
    private static bool IsSubjectPronoun(Token t) =>
        t.Is(CueWord.I) || t.Is(CueWord.You) || t.Is(CueWord.He) || t.Is(CueWord.She) || t.Is(CueWord.We) || t.Is(CueWord.They) || t.Is(CueWord.It);

    /// <summary>A digit is the next thing after the word ("may 5th", "june 2024"): a date.</summary>
    private static bool DigitNext(string text, Token t)
    {
        var p = t.End;
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        return p < text.Length && char.IsAsciiDigit(text[p]);
    }

    /// <summary>
    /// A word-name followed by a role in commas, dashes or brackets ("Bill, the team manager, promised", "Mark (stepdad) can be
    /// reached", "will - my sw - is leaving"), or, starting a sentence, by "my"/"our"/"the" + a role and then a verb that cannot
    /// follow a verb's object ("grace my sw gave me her number", "may my old sw rang me"; not "will my sw ring me back?", "may my
    /// sw come?", and never "hope", which takes a clause: "hope my sw is ok"). Not after a determiner or a subject pronoun ("the
    /// bill", "you may, my friend, ...").
    /// </summary>
    private static bool Apposition(string text, List<Token> tokens, int i)
    {
        var t = tokens[i];
        if (i + 2 >= tokens.Count)
        {
            return false;
        }

        if (i > 0 && t.Joined && (IsDeterminer(tokens[i - 1]) || IsSubjectPronoun(tokens[i - 1])))
        {
            return false;
        }

        var n1 = tokens[i + 1];
        var gap = text.AsSpan(t.End, n1.Start - t.End).Trim(' ');
        var bracket = gap is "(";
        var comma = gap is "," or "-" or "–";
        if (!bracket && !comma && !gap.IsEmpty)
        {
            return false;
        }

        var r = i + 1;
        var determiner = IsPossessive(n1) || n1.Is(CueWord.The) || n1.Is(CueWord.A) || n1.Is(CueWord.An);
        if (determiner)
        {
            r++;
        }
        else if (gap.IsEmpty)
        {
            return false;
        }

        // The role or relation ends the phrase: "the team manager", "our family support worker", "my old sw", "stepdad".
        var end = -1;
        for (var m = r; m < tokens.Count && m <= r + 2 && (m == i + 1 || tokens[m].Joined); m++)
        {
            if (tokens[m].Has(WordFlags.Role | WordFlags.Relation) || tokens[m].IsAnyOf(CueWords.FirstPersonNoun, CueWords.LastPersonNoun)
                || IsPluralPerson(text, tokens[m]))
            {
                end = m;
            }
        }

        if (end < 0)
        {
            return false;
        }

        var after = end + 1 < tokens.Count ? text.AsSpan(tokens[end].End, tokens[end + 1].Start - tokens[end].End) : text.AsSpan(tokens[end].End);
        if (bracket)
        {
            return after.Contains(')');
        }

        if (comma)
        {
            // "Bill, the team manager, promised"; "king, the man from the hostel, said": the apposition closes within four words.
            for (var k = end; k < tokens.Count && k <= end + 4; k++)
            {
                var gapAfter = k + 1 < tokens.Count ? text.AsSpan(tokens[k].End, tokens[k + 1].Start - tokens[k].End) : text.AsSpan(tokens[k].End);
                if (gapAfter.IsEmpty || gapAfter.ContainsAny(",)-–"))
                {
                    return true;
                }

                if (gapAfter.ContainsAny(".!?:;\n"))
                {
                    return false;
                }
            }

            return false;
        }

        // "grace my sw gave me her number": the sentence's subject, then its verb.
        return t.SentenceStart && !t.Is(CueWord.Hope) && !n1.Is(CueWord.A) && !n1.Is(CueWord.An) && after.Trim(' ').IsEmpty && end + 1 < tokens.Count
            && FiniteVerb(text, tokens, end + 1);
    }

    /// <summary>
    /// A verb that agrees with a subject and cannot be a bare infinitive, perhaps after "never"/"always": "gave", "is", "has",
    /// "rang", "said", "helped", "turned", "gets"; not "ring", "come", "be".
    /// </summary>
    private static bool FiniteVerb(string text, List<Token> tokens, int from)
    {
        var j = PastAdverbs(tokens, from, out _);
        if (j >= tokens.Count || !tokens[j].Joined)
        {
            return false;
        }

        var v = tokens[j];
        return v.Is(CueWord.Is) || v.Is(CueWord.Was) || v.Is(CueWord.Has) || v.Is(CueWord.Had) || v.IsAnyOf(CueWords.FirstFinite, CueWords.LastFinite)
            || v.IsAnyOf(CueWords.FirstAction, CueWords.LastAction) || (v.Has(WordFlags.SaidVerb) && !v.Is(CueWord.From))
            || (v.Has(WordFlags.PersonVerb) && !EndsWithIng(text, v))
            || (v.BaseLength > 4 && text.AsSpan(v.Start, v.BaseLength).EndsWith("ed", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Italian words around "mia" (my): "la mia", "una mia", "della mia"; "mia madre", "mia assistente sociale".</summary>
    private static readonly string[] ItalianBefore = ["la", "una", "alla", "della", "nella", "dalla", "sulla", "colla", "per", "e", "è", "di", "con", "questa", "sono", "ma", "che", "non"];

    private static readonly string[] ItalianAfter =
        ["madre", "mamma", "sorella", "amica", "nonna", "zia", "figlia", "famiglia", "scuola", "casa", "vita", "insegnante", "assistente",
         "classe", "cugina", "maestra", "professoressa", "psicologa", "migliore", "prima", "città", "stanza", "camera", "opinione", "storia"];

    /// <summary>"mia" between Italian words: "la mia assistente sociale", "Mia madre è malata". Read only for the token "mia".</summary>
    private static bool IsItalianMia(string text, List<Token> tokens, int i)
    {
        if (i > 0 && tokens[i].Joined && IsOneOf(text, tokens[i - 1], ItalianBefore))
        {
            return true;
        }

        return i + 1 < tokens.Count && tokens[i + 1].Joined && IsOneOf(text, tokens[i + 1], ItalianAfter);
    }

    private static bool IsOneOf(string text, Token t, string[] words)
    {
        var w = text.AsSpan(t.Start, t.Length);
        foreach (var word in words)
        {
            if (w.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDeterminer(Token t) => t.Is(CueWord.The) || t.Is(CueWord.A) || t.Is(CueWord.An) || t.Is(CueWord.My) || t.Is(CueWord.Your)
        || t.Is(CueWord.His) || t.Is(CueWord.Her) || t.Is(CueWord.Our) || t.Is(CueWord.Their) || t.Is(CueWord.This) || t.Is(CueWord.That);

    /// <summary>True when a phone number or email has been found in the text.</summary>
    private static bool HasContact(List<Candidate> found)
    {
        foreach (var c in found)
        {
            if (c.Type is PiiType.Phone or PiiType.Email)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A word-name right before a phone number or email ("jade 07700 900643", "call bill on ...", "faith at f.w@x.com",
    /// "rose's number is ..."), or right after one at the end of a clause ("07700 900643 jade"). Not after "the", "a",
    /// "my", "your": "the bill 0800 ...".
    /// </summary>
    private static bool NextToContact(string text, List<Token> tokens, int i, List<Candidate> contacts)
    {
        var t = tokens[i];
        if (i > 0 && t.Joined && IsDeterminer(tokens[i - 1]))
        {
            return false;
        }

        // The contact that starts after this word, past at most four joining words ("on", "number is", "can be reached on").
        var after = t.End;
        var k = i + 1;
        while (k < tokens.Count && k - i <= 4 && IsContactJoiner(tokens[k]))
        {
            after = tokens[k].End;
            k++;
        }

        var endOfClause = i + 1 >= tokens.Count || !tokens[i + 1].Joined || tokens[i + 1].Is(CueWord.And);
        foreach (var c in contacts)
        {
            if (c.Type is not (PiiType.Phone or PiiType.Email))
            {
                continue;
            }

            if (c.Start >= t.End && OnlySeparators(text, after, c.Start))
            {
                return true;
            }

            if (c.End <= t.Start && endOfClause && OnlySeparators(text, c.End, t.Start))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsContactJoiner(Token t) => t.Joined && (t.Is(CueWord.On) || t.Is(CueWord.At) || t.Is(CueWord.Is) || t.Is(CueWord.Number)
        || t.Is(CueWord.No) || t.Is(CueWord.Mob) || t.Is(CueWord.Mobile) || t.Is(CueWord.Tel) || t.Is(CueWord.Phone) || t.Is(CueWord.Email)
        || t.Is(CueWord.Can) || t.Is(CueWord.Be) || t.Is(CueWord.Reached) || t.Is(CueWord.Contacted));

    /// <summary>Nothing but a few spaces, commas, colons, dashes or brackets between <paramref name="from"/> and <paramref name="to"/>.</summary>
    private static bool OnlySeparators(string text, int from, int to)
    {
        if (to < from || to - from > 4)
        {
            return false;
        }

        for (var p = from; p < to; p++)
        {
            if (text[p] is not (' ' or ',' or ':' or '-' or '(' or ')'))
            {
                return false;
            }
        }

        return true;
    }

    private enum Cue
    {
        None,
        Weak,
        Strong,
    }

    // Names that are also words describing a person or a service (see word-names.txt): "lovely", "happy" ... "misty".
    private static bool IsDescribingName(Token t) => t.IsAnyOf(CueWords.FirstDescribing, CueWords.LastDescribing);

    /// <summary>What comes just before token <paramref name="i"/>: "my name is", "called", "Mr", "my sw (is)", "my friend".</summary>
    private static Cue CueBefore(string text, List<Token> tokens, int i, bool cap)
    {
        if (i >= 2 && cap && tokens[i - 1].Is(CueWord.Name) && PrevEndsWith(text, tokens, i, ',')
            && text.AsSpan(tokens[i - 2].Start, tokens[i - 2].Length).Equals("maiden", StringComparison.OrdinalIgnoreCase))
        {
            // "her maiden name, Fitzgerald, on all letters": a capitalised word that could be a name, across the comma.
            var t = tokens[i];
            return LooksLikeName(text, t, capitalised: true)
                && (t.Has(WordFlags.Name) || (!Known(t) && !t.WordOrTextSpeak))
                ? Cue.Strong : Cue.None;
        }

        if (i == 0 || !tokens[i].Joined && !PrevEndsWith(text, tokens, i, ':') && !(PrevEndsWith(text, tokens, i, '.') && IsTitle(text, tokens[i - 1])))
        {
            return Cue.None;
        }

        var p1 = tokens[i - 1];
        var has2 = i >= 2;
        var p2 = has2 ? tokens[i - 2] : default;

        if (IsTitle(text, p1))
        {
            return p1.Is(CueWord.Miss) || p1.Is(CueWord.Sir) ? (cap ? Cue.Strong : LowerMissCue(text, tokens, i)) : Cue.Strong;
        }

        if (p1.Is(CueWord.Auntie) || p1.Is(CueWord.Aunty) || p1.Is(CueWord.Uncle) || p1.Is(CueWord.Nanna) || p1.Is(CueWord.Grandma)
            || p1.Is(CueWord.Grandad))
        {
            return Cue.Weak;
        }

        if (p1.Is(CueWord.Called) || p1.Is(CueWord.Named) || p1.Is(CueWord.NamePossessive) || p1.Is(CueWord.Aka)
            || (p1.Is(CueWord.Names) && has2 && (p2.Is(CueWord.My) || p2.Is(CueWord.Her) || p2.Is(CueWord.His) || p2.Is(CueWord.Their)))
            || (p1.Is(CueWord.As) && has2 && p2.Is(CueWord.Known))
            || (p1.Is(CueWord.Me) && has2 && p2.Is(CueWord.Call)))
        {
            return Cue.Strong;
        }

        if (p1.Is(CueWord.Name) && PrevEndsWith(text, tokens, i, ':'))
        {
            return Cue.Strong;
        }

        if ((p1.Is(CueWord.Is) || p1.Is(CueWord.Was) || p1.Is(CueWord.Its) || p1.Is(CueWord.ItIs)) && has2)
        {
            // "my name is", "my sw is", "my social worker was", "her name's".
            if (p2.Is(CueWord.Name))
            {
                return Cue.Strong;
            }
            if (IsRoleWord(text, p2))
            {
                // "my worker was lovely": after a role, a lower-case name that is also a describing word (lovely,
                // happy) is far more often praise than a name, so it needs a capital to count as one ("my sw is will" stays a name).
                return cap || !IsDescribingName(tokens[i]) ? Cue.Strong : Cue.None;
            }
        }

        if (IsRoleWord(text, p1) || IsRelationWord(text, p1))
        {
            // "my sw Sarah", "youth worker Dave": weak, because "my sw will call" must keep "will".
            return Cue.Weak;
        }

        if ((p1.Is(CueWord.And) || p1.Is(CueWord.N) || p1.Is(CueWord.Ampersand)) && has2 && (p2.Is(CueWord.Me) || p2.Is(CueWord.I)))
        {
            // "me and Tyreese".
            return Cue.Weak;
        }

        if (p1.Is(CueWord.Told) || p1.Is(CueWord.Asked) || p1.Is(CueWord.Thanks) || p1.Is(CueWord.Thank) || p1.Is(CueWord.Love)
            || p1.Is(CueWord.Hi) || p1.Is(CueWord.Dear) || p1.Is(CueWord.With) && has2 && (p2.Is(CueWord.Spoke) || p2.Is(CueWord.Met)))
        {
            // Only weak: a capitalised unknown word after these is a name more often than not ("I told Kayden").
            return Cue.Weak;
        }

        return Cue.None;
    }

    /// <summary>
    /// A police rank written as a title, before a capitalised surname: "PC Lowe", "Sgt Okafor". Case-sensitive ("my pc lowe
    /// battery" stays), and only before a word no list knows or a known name. Not "Nurse" ("Nurse Practitioner" is a job).
    /// </summary>
    private static bool IsRankBefore(string text, Token t)
    {
        if (t.End - t.Start > 5)
        {
            return false;
        }

        var w = text.AsSpan(t.Start, t.End - t.Start);
        return w is "PC" or "PCSO" or "DC" or "DS" or "Sgt";
    }

    /// <summary>"Mr Patel", "Mr. Patel", "Dr.Okafor".</summary>
    private static bool TitleGap(string text, Token title, Token name)
    {
        var gap = text.AsSpan(title.End, name.Start - title.End);
        return gap is " " or "." or ". ";
    }

    private static bool IsTitle(string text, Token t) => t.Has(WordFlags.Title);

    /// <summary>"thanks grace for...", "big thanks to mo", "hi jo,": a word-name addressed directly.</summary>
    private static bool IsVocative(string text, List<Token> tokens, int i)
    {
        if (i == 0)
        {
            return false;
        }

        var p1 = tokens[i - 1];
        var greeting = p1.Has(WordFlags.Greeting) || (p1.Is(CueWord.You) || p1.Is(CueWord.U))
            && i >= 2 && tokens[i - 2].Is(CueWord.Thank)
            || p1.Is(CueWord.To) && i >= 2 && (tokens[i - 2].Is(CueWord.Thanks) || tokens[i - 2].Is(CueWord.Shoutout) || tokens[i - 2].Is(CueWord.Out));
        if (!greeting || !tokens[i].Joined)
        {
            return false;
        }

        // Followed by the end, a comma or "for"/"at"/"from": "thanks grace for asking", "thanks to mo at the youth centre".
        if (i + 1 >= tokens.Count || !tokens[i + 1].Joined)
        {
            return true;
        }

        var n1 = tokens[i + 1];
        return n1.Is(CueWord.For) || n1.Is(CueWord.At) || n1.Is(CueWord.From) || n1.Is(CueWord.And) || n1.Is(CueWord.X) || n1.Is(CueWord.Xx)
            || n1.Is(CueWord.You);
    }

    /// <summary>
    /// "I'm Siobhan, mum of two": a capitalised word no list knows, after "I'm", is a name when it is no English word, does
    /// not read as a nationality or language ("I'm Bengali", "I'm Polish", "I'm Congolese") and no "and" follows.
    /// </summary>
    private static bool UnknownIntroduced(string text, List<Token> tokens, int i)
    {
        var w = text.AsSpan(tokens[i].Start, tokens[i].BaseLength);
        return !(i + 1 < tokens.Count && tokens[i + 1].Joined && tokens[i + 1].Is(CueWord.And))
            && !w.EndsWith("ian", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("ese", StringComparison.OrdinalIgnoreCase)
            && !w.EndsWith("ish", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("ali", StringComparison.OrdinalIgnoreCase)
            && !w.EndsWith("ani", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("shi", StringComparison.OrdinalIgnoreCase)
            && !tokens[i].English;
    }

    /// <summary>"its lily, my insta is...", "im grace from...": a writer giving a word-name as their own.</summary>
    private static bool IsSelfIntroduction(string text, List<Token> tokens, int i)
    {
        if (i == 0 || !tokens[i].Joined)
        {
            return false;
        }

        var p1 = tokens[i - 1];
        var intro = p1.Is(CueWord.Its) || p1.Is(CueWord.ItIs) || p1.Is(CueWord.Im) || p1.Is(CueWord.IAm)
            || (p1.Is(CueWord.Is) && i >= 2 && tokens[i - 2].Is(CueWord.This))
            || (p1.Is(CueWord.Am) && i >= 2 && tokens[i - 2].Is(CueWord.I));
        if (!intro || tokens[i].Has(WordFlags.Calendar))
        {
            return false;
        }

        // "its sunny and", "im happy", "if im lucky": a describing word, unless written as a name or "from" follows.
        if (IsDescribingName(tokens[i]) && !tokens[i].Capitalised
            && !(i + 1 < tokens.Count && tokens[i + 1].Joined && tokens[i + 1].Is(CueWord.From)))
        {
            return false;
        }

        if (i + 1 >= tokens.Count || !tokens[i + 1].Joined)
        {
            return true;
        }

        var n1 = tokens[i + 1];
        return n1.Is(CueWord.From) || n1.Is(CueWord.And) || n1.Is(CueWord.Here);
    }

    /// <summary>What comes just after: "X said", "X told me", "X from school", "X at the youth club", "X is my sw".</summary>
    private static bool CueAfter(string text, List<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Count || !tokens[i + 1].Joined)
        {
            return false;
        }

        var n1 = tokens[i + 1];

        // "Olu's mum", "Kayden's house": a possessive before a family or place word.
        if (tokens[i].BaseLength < tokens[i].Length && IsHomeOrFamily(text, n1))
        {
            return true;
        }

        if (n1.Has(WordFlags.SaidVerb) || n1.Is(CueWord.And) && i + 2 < tokens.Count && tokens[i + 2].Is(CueWord.Me))
        {
            return true;
        }

        if (n1.Is(CueWord.At) && i + 3 < tokens.Count && tokens[i + 2].Is(CueWord.The) && (tokens[i + 3].Is(CueWord.Youth)
            || tokens[i + 3].Is(CueWord.Club) || tokens[i + 3].Is(CueWord.Centre) || tokens[i + 3].Is(CueWord.Center) || tokens[i + 3].Is(CueWord.Clinic)
            || tokens[i + 3].Is(CueWord.Hub) || tokens[i + 3].Is(CueWord.Family) || tokens[i + 3].Is(CueWord.Project) || tokens[i + 3].Is(CueWord.School)))
        {
            return true;
        }

        if ((n1.Is(CueWord.Is) || n1.Is(CueWord.Was)) && i + 3 < tokens.Count && tokens[i + 2].Is(CueWord.My)
            && (IsRoleWord(text, tokens[i + 3]) || IsRelationWord(text, tokens[i + 3])))
        {
            return true;
        }

        return false;
    }

    private static bool NextIsSurname(string text, List<Token> tokens, int i, bool shouting, bool strict) =>
        i + 1 < tokens.Count && IsSurname(text, tokens[i + 1], tokens[i], shouting)
        && (!strict || !tokens[i + 1].Has(WordFlags.Common | WordFlags.WordName | WordFlags.Calendar))
        && !tokens[i + 1].Has(WordFlags.Calendar | WordFlags.Function);

    private static bool IsSurname(string text, Token next, Token first, bool shouting)
    {
        if (!next.Joined || next.NeverName || next.Has(WordFlags.Calendar) || next.BaseLength < 2 || first.BaseLength < first.Length)
        {
            return false;
        }

        if (next.Capitalised && !shouting)
        {
            return !IsAcronym(text, next);
        }

        // Lower case: only a word the lexicon does not know and that does not look like a verb or adverb.
        // Not a word that says what the name does ("ruby thinks", "jade rings").
        return !first.Capitalised && !Known(next) && !next.Has(ContextOnly) && LooksLikeName(text, next, capitalised: false);
    }

    private static bool IsAcronym(string text, Token t) => t.Acronym;

    private static bool IsRoleWord(string text, Token t) => t.Has(WordFlags.Role);

    private static bool IsRelationWord(string text, Token t) => t.Has(WordFlags.Relation);

    /// <summary>An unknown word that could be a name: not a verb or adverb by its ending, not a common word.</summary>
    private static bool LooksLikeName(string text, Token t, bool capitalised, bool afterTitle = false)
    {
        if (t.Has(WordFlags.Function | WordFlags.Service) || (!capitalised && t.Has(WordFlags.Common)) || t.BaseLength < 2)
        {
            return false;
        }

        var w = text.AsSpan(t.Start, t.BaseLength);
        if (w.EndsWith("ly", StringComparison.OrdinalIgnoreCase) && !t.Has(WordFlags.Name))
        {
            return false;
        }

        return !(w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ed", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("ful", StringComparison.OrdinalIgnoreCase) || w.EndsWith("less", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("ous", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ive", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("able", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ish", StringComparison.OrdinalIgnoreCase)
            || (w.EndsWith("est", StringComparison.OrdinalIgnoreCase) && !capitalised)
            || (w.EndsWith("es", StringComparison.OrdinalIgnoreCase) && w.Length > 4 && !capitalised && !afterTitle)
            || w.Contains('-') && !capitalised);
    }

    private static bool PrevEndsWith(string text, List<Token> tokens, int i, char c)
    {
        var from = i == 0 ? 0 : tokens[i - 1].End;
        return text.AsSpan(from, tokens[i].Start - from).Contains(c);
    }

    /// <summary>Splits into word tokens. Returns true when the text is written in capitals, so capitals mean nothing.</summary>
    internal static bool Tokenize(string text, List<Token> tokens)
    {
        int upper = 0, lower = 0;
        var prevEnd = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            i = WordEnd(text, i, out var lowerSeen, out var hyphen);

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
                if (start - prevEnd == 1 && text[prevEnd] == ' ')
                {
                    // Most words follow one space.
                    joined = true;
                    sentenceStart = false;
                }
                else
                {
                    var gap = text.AsSpan(prevEnd, start - prevEnd);
                    sentenceStart = gap.ContainsAny(SentenceBreaks);
                    joined = gap.Length > 0 && !gap.ContainsAnyExcept(' ', '-');
                }
            }

            var capitalised = char.IsUpper(text[start]);
            var acronym = false;
            if (length > 1)
            {
                if (!lowerSeen)
                {
                    upper++;
                    acronym = true;
                }
                else
                {
                    lower++;
                }
            }

            // One lookup gives the flags and the cue word; a possessive ("name's") is looked up whole as well.
            var word = text.AsSpan(start, baseLength);
            var entry = Lexicon.LookupEntry(word, out var kinds);
            var flags = entry.Flags;
            if (flags == WordFlags.None && hyphen)
            {
                flags = HyphenatedFlags(word);
            }

            var fullCue = baseLength == length ? entry.Cue : Lexicon.LookupEntry(text.AsSpan(start, length)).Cue;
            tokens.Add(new Token(start, length, baseLength, flags, capitalised, sentenceStart, joined, acronym, entry.Cue, fullCue, kinds));
            prevEnd = i;
        }

        // Written in capitals ("MY NAME IS SARAH"): capitals carry no signal.
        return upper >= 3 && upper > 2 * lower;
    }

    /// <summary>
    /// Where the word starting with the letter at <paramref name="i"/> ends: letters, with inner apostrophes or hyphens
    /// before a letter. Also whether it holds a lower-case ASCII letter (else it is an acronym) and a hyphen. Apart from
    /// <see cref="Tokenize"/>, so that its loop over the letters keeps its few variables in registers.
    /// </summary>
    private static int WordEnd(string text, int i, out bool lowerSeen, out bool hyphen)
    {
        // An ASCII letter is lower case when it has the 0x20 bit: OR-ing them together tells whether any is.
        var bits = 0;
        var other = false;
        hyphen = false;
        while (i < text.Length)
        {
            var c = text[i];
            if ((uint)((c | 0x20) - 'a') <= 'z' - 'a')
            {
                bits |= c;
                i++;
            }
            else if (c >= 128 && char.IsLetter(c))
            {
                i++;
            }
            else if ((c == '\'' || c == '’' || c == '-') && i + 1 < text.Length && IsLetter(text[i + 1]))
            {
                hyphen |= c == '-';
                other |= char.IsAsciiLetterLower(text[i + 1]);
                i += 2;
            }
            else
            {
                break;
            }
        }

        lowerSeen = other || (bits & 0x20) != 0;
        return i;
    }

    /// <summary><see cref="char.IsLetter(char)"/>, with ASCII decided without the table.</summary>
    private static bool IsLetter(char c) => c < 128 ? char.IsAsciiLetter(c) : char.IsLetter(c);

    /// <summary>"Lily-Rose" and "Ellie-Mae" are names; "step-down" and "drop-in" are words.</summary>
    private static WordFlags HyphenatedFlags(ReadOnlySpan<char> word)
    {
        var allNames = true;
        foreach (var range in word.Split('-'))
        {
            var part = Lexicon.Lookup(word[range]);
            if ((part & (WordFlags.Name | WordFlags.WordName)) == 0)
            {
                allNames = false;
            }

            if ((part & (WordFlags.Function | WordFlags.Service)) != 0 || ((part & WordFlags.Common) != 0 && (part & (WordFlags.Name | WordFlags.WordName)) == 0))
            {
                return WordFlags.Common;
            }
        }

        return allNames ? WordFlags.Name : WordFlags.None;
    }
}
