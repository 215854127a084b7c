using FeedbackCollector.Core.Analysis;
using L = FeedbackCollector.Analysis.Concerns.ConcernLexicon;

namespace FeedbackCollector.Analysis.Concerns;

/// <summary>
/// Runs <see cref="SignalRules"/> over <see cref="ConcernTokens"/>, and holds the context checks shared by every
/// candidate, signal or phrase rule: laughter or a trivial cause with no distress ("maths homework is torture i
/// literally want to die", "ill kill myself 😂"), a hypothetical ("i would tell my teacher if someone was hurting me"),
/// harm that is past and resolved ("when i was little but im safe with my adoptive parents now"), a topic that is
/// the name of a talk ("the self-harm talk"), and a negated act ("i dont self harm").
/// </summary>
internal static class SignalMatcher
{
    private static readonly string[] LaughEmoji = ["😂", "🤣", "💀", "😆", "😹", "😅"];

    /// <summary>The first unsuppressed match of <paramref name="rule"/>: its first and last word.</summary>
    public static bool Find(SignalRule rule, ReadOnlySpan<char> text, ConcernTokens t, Audience audience, int startAt, out int first, out int last)
    {
        first = last = -1;
        if (rule.NotFor == audience)
        {
            return false;
        }

        foreach (var need in rule.Need)
        {
            if ((t.All & need) == 0)
            {
                return false;
            }
        }

        // Every position must be possible somewhere in the text: most rules stop here, at a few bit tests.
        foreach (var e in rule.Elements)
        {
            if ((t.All & e.Mask) != 0)
            {
                continue;
            }

            var present = false;
            foreach (var w in e.Words)
            {
                if (t.HasLiteral(w))
                {
                    present = true;
                    break;
                }
            }

            if (!present)
            {
                return false;
            }
        }

        var e0 = rule.Elements[0];
        for (var i = startAt; i < t.Count; i++)
        {
            var m = Element(e0, t, i);
            if (m == 0)
            {
                continue;
            }

            var lastStart = i;
            if (!Rest(rule, 1, m == 2 ? t.PhraseEnd[i] + 1 : i + 1, t, t.Sentence[i], ref lastStart, out var end))
            {
                continue;
            }

            var sentenceMask = t.SentenceMask[t.Sentence[i]];
            var needed = (sentenceMask & rule.Forbid) == 0;
            foreach (var need in rule.Need)
            {
                needed &= (sentenceMask & need) != 0;
            }

            if (!needed)
            {
                continue;
            }

            if (rule.Negation && Negated(t, i, lastStart))
            {
                continue;
            }

            if (rule.NotNext.Length > 0 && end + 1 < t.Count && t.Sentence[end + 1] == t.Sentence[i])
            {
                var next = text[t.Start[end + 1]..t.End[end + 1]];
                var excluded = false;
                foreach (var w in rule.NotNext)
                {
                    excluded |= next.SequenceEqual(w);
                }

                if (excluded)
                {
                    continue;
                }
            }

            first = i;
            last = end;
            return true;
        }

        return false;
    }

    private static bool Rest(SignalRule rule, int k, int pos, ConcernTokens t, int sentence, ref int lastStart, out int end)
    {
        if (k == rule.Elements.Length)
        {
            end = pos - 1;
            return true;
        }

        var e = rule.Elements[k];
        for (var j = pos; j <= pos + e.Gap && j < t.Count && t.Sentence[j] == sentence; j++)
        {
            var m = Element(e, t, j);
            if (m != 0)
            {
                var saved = lastStart;
                lastStart = j;
                if (Rest(rule, k + 1, m == 2 ? t.PhraseEnd[j] + 1 : j + 1, t, sentence, ref lastStart, out end))
                {
                    return true;
                }

                lastStart = saved;
            }
        }

        end = -1;
        return false;
    }

    /// <summary>0: no; 1: the word matches; 2: a phrase starting here matches.</summary>
    private static int Element(SignalElement e, ConcernTokens t, int i)
    {
        if ((t.WordMask[i] & e.Mask) != 0)
        {
            return 1;
        }

        var lit = t.Literal[i];
        if (lit >= 0 && e.HasWord(lit))
        {
            return 1;
        }

        return (t.PhraseMask[i] & e.Mask) != 0 ? 2 : 0;
    }

    /// <summary>A negation in the two words before the match or between its first and last position.</summary>
    internal static bool Negated(ConcernTokens t, int first, int lastStart)
    {
        var sentence = t.Sentence[first];
        for (var k = Math.Max(0, first - 2); k < lastStart; k++)
        {
            if (k != first && t.Sentence[k] == sentence && (t.WordMask[k] & L.Negation) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words [first, last] that hold normalised [from, to).</summary>
    public static (int First, int Last) WordsOf(ConcernTokens t, int from, int to)
    {
        int first = -1, last = -1;
        for (var k = 0; k < t.Count; k++)
        {
            if (first < 0 && t.End[k] > from)
            {
                first = k;
            }

            if (t.Start[k] < to)
            {
                last = k;
            }
        }

        return first < 0 || last < first ? (-1, -1) : (first, last);
    }

    /// <summary>Context that undoes a candidate of any rule: see the class summary.</summary>
    public static bool Suppressed(ConcernCategory category, ReadOnlySpan<char> text, string original, ConcernTokens t, int first, int last, Audience audience)
    {
        if (first < 0)
        {
            return false;
        }

        var sentence = t.Sentence[first];
        var mask = t.SentenceMask[sentence];
        var laugh = (mask & L.Laugh) != 0 || HasLaughEmoji(original);
        var trivial = (mask & L.Trivial) != 0;
        var distress = (mask & L.Distress) != 0;

        // Hyperbole: "school is so boring i wanna die lol", "my brother hits me with pillows lol".
        if (category == ConcernCategory.SelfHarm && !distress && (laugh || (trivial && !HasClass(t, first, last, L.Body | L.InjurySelf))))
        {
            return true;
        }

        if (category != ConcernCategory.SelfHarm && laugh && trivial)
        {
            return true;
        }

        // "my teacher is gonna kill me i forgot my homework": a threat over a trivial cause.
        if (category is ConcernCategory.ImmediateDanger or ConcernCategory.AbuseNeglect && trivial && !distress && HasWord(text, t, first, last, "kill", "murder"))
        {
            return true;
        }

        // A laughing threat with no distress: "if my mum sees my report shes gonna kill me lol", "the bus driver is gonna
        // kill us going that fast lol" (tenth session; "lol im actually scared" and "tonight lol" keep the flag).
        if (category != ConcernCategory.SelfHarm && laugh && !distress && (mask & (L.Weapon | L.Imminent)) == 0 && HasWord(text, t, first, last, "kill", "murder", "strangle", "end"))
        {
            return true;
        }

        // Resolved now: "the bullies said theyd batter me but i told a teacher and it stopped".
        if ((mask & L.ResolvedNow) != 0)
        {
            return true;
        }

        // A practitioner threatened during a visit is a staff-safety matter, not a child's disclosure.
        if (audience == Audience.Practitioner && category != ConcernCategory.SelfHarm && IsWord(text, t, last, "me"))
        {
            return true;
        }

        // Peer bullying in a school place (session 5): "a year 11 shoved me into the lockers" is bullying, not abuse. Only
        // with no family member, partner, trusted adult or grown man in the sentence, and only for the school's own places,
        // not the word "school", so "he hit me so hard i couldnt go to school" still counts.
        // Not for hunger (session 7): "i steal food from the canteen cos theres nothing at home" is neglect, not a peer.
        if (category == ConcernCategory.AbuseNeglect && (mask & (L.Family | L.Partner | L.Trust)) == 0 && SchoolPlaceWithoutAdult(text, t, sentence)
            && !HasWord(text, t, first, last, "food", "eat", "leftovers", "hungry", "starving", "meal", "meals", "dinner", "dinners", "breakfast"))
        {
            return true;
        }

        // Peers a year apart (session 5): "my 17 year old has a girlfriend who is 18" is not an adult with a child. Only when
        // the adult's age is 18 or 19 and every child age in the sentence is 16 or 17.
        if (category == ConcernCategory.Exploitation && (mask & L.AdultAge) != 0 && (mask & L.ChildAge) != 0 && NearPeerAges(text, t, sentence, first, last))
        {
            return true;
        }

        // Awareness talk ("we learned how to spot when someone is being groomed") about no one in particular.
        if ((mask & L.Awareness) != 0 && !FirstPersonSingular(text, t, sentence))
        {
            return true;
        }

        // Hypotheticals: "if someone was hurting me", "what do i do if", role play and scenarios.
        if ((mask & L.Hypothetical) != 0 || Hypothetical(text, t, last))
        {
            return true;
        }

        // Past harm that is resolved: "used to ... havent for over a year", "years ago ... the refuge was amazing".
        if (category != ConcernCategory.ImmediateDanger && (t.All & L.PastMark) != 0 && (t.All & L.Resolved) != 0)
        {
            return true;
        }

        // A topic that names a talk or a service: "the self-harm talk at school", "knife crime".
        if (last - first <= 2 && last + 1 < t.Count && t.Sentence[last + 1] == sentence && (t.WordMask[last + 1] & L.Education) != 0)
        {
            return true;
        }

        // Ordinary life in concern words (ninth session): kinds that were the rules' most frequent out-of-fold false alarms.
        if (OrdinaryUse(category, text, t, first, last, sentence, mask))
        {
            return true;
        }

        // "i dont self harm", "i never cut myself": a negation just before the act.
        if (category == ConcernCategory.SelfHarm)
        {
            for (var k = Math.Max(0, first - 2); k <= last; k++)
            {
                if (t.Sentence[k] == sentence && (t.WordMask[k] & L.Negation) != 0 && k + 1 <= last + 1 && k + 1 < t.Count
                    && (IsWord(text, t, k + 1, "self", "selfharm", "cut", "hurt", "harm") || (k + 2 < t.Count && IsWord(text, t, k + 2, "self", "selfharm", "cut"))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Concern words in ordinary use (ninth session), each kind checked on the words of the candidate and its neighbours:
    /// "whats the point telling them anything" (futility about a service, not about living); a worker who "left without
    /// saying goodbye"; "i get panic attacks"; "our post goes missing"; "threatening us with fines" over attendance;
    /// "they keep taking my dinner money" (a peer's robbery, not exploitation); feeling unsafe in a public place ("on the
    /// bus", "around police", "going out at night") with no family member or partner in the sentence; drugs sold in the
    /// area by people the sentence does not tie to the writer or a child ("people sell weed near the shops").
    /// </summary>
    private static bool OrdinaryUse(ConcernCategory category, ReadOnlySpan<char> text, ConcernTokens t, int first, int last, int sentence, ulong mask)
    {
        var end = t.SentenceEnd(sentence);
        for (var k = first; k <= last; k++)
        {
            // "whats the point (of|in) telling/asking/ringing ...": about telling a service, said of workers who leave.
            if (category == ConcernCategory.SelfHarm && IsWord(text, t, k, "point"))
            {
                var n = k + 1 < end && IsWord(text, t, k + 1, "of", "in") ? k + 2 : k + 1;
                if (n < end && IsWord(text, t, n, "telling", "tellin", "tell", "asking", "ask", "ringing", "ring", "calling", "reporting", "complaining", "explaining", "saying"))
                {
                    return true;
                }
            }

            // "left without (even) saying goodbye", "didnt say goodbye": a goodbye not said is a worker's ending.
            if (IsWord(text, t, k, "goodbye", "bye") && k >= 2 && IsWord(text, t, k - 1, "saying", "say", "said")
                && (IsWord(text, t, k - 2, "without", "didnt", "never", "not") || (k >= 3 && IsWord(text, t, k - 2, "even") && IsWord(text, t, k - 3, "without", "didnt", "never"))))
            {
                return true;
            }

            // "i get panic attacks", "an anxiety attack": a symptom, not an assault.
            if (IsWord(text, t, k, "attack", "attacks") && k > 0 && IsWord(text, t, k - 1, "panic", "anxiety", "asthma", "heart"))
            {
                return true;
            }

            // "our post goes missing", "the letters went missing for two months": things, not a child.
            if (IsWord(text, t, k, "missing") && k >= 2 && IsWord(text, t, k - 1, "go", "goes", "going", "went", "gone", "gets", "got", "keeps") && ThingGoesMissing(text, t, k))
            {
                return true;
            }

            // "threatening us with fines", "threatened with prosecution over attendance": the school's or the council's enforcement.
            if (category != ConcernCategory.SelfHarm && IsWord(text, t, k, "threaten", "threatens", "threatened", "threatening")
                && HasWord(text, t, k + 1, Math.Min(end - 1, k + 5), "fine", "fines", "fined", "fining", "prosecution", "prosecuted", "prosecute", "attendance", "exclusion", "detention"))
            {
                return true;
            }

            // "dad wont let me go to the party", "mum wont let me out after dark": a parent's rule about going out.
            if (IsWord(text, t, k, "let") && k + 2 < end && IsWord(text, t, k + 1, "me", "us") && ParentsRule(text, t, k + 2, end))
            {
                return true;
            }

            // "we finally have a plan in place", "a plan that reflects what he needs": a support plan, not a suicide plan.
            if (category == ConcernCategory.SelfHarm && IsWord(text, t, k, "plan") && k + 1 < end
                && (IsWord(text, t, k + 1, "that", "which") || (k + 2 < end && IsWord(text, t, k + 1, "in") && IsWord(text, t, k + 2, "place"))))
            {
                return true;
            }

            // "they keep taking my dinner money": a peer's robbery.
            if (category == ConcernCategory.Exploitation && IsWord(text, t, k, "money") && k > 0 && IsWord(text, t, k - 1, "dinner", "lunch", "bus", "pocket"))
            {
                return true;
            }
        }

        // "he whacked me with a pillow", "hit me with pillows": play between children, not an assault (the words after the act).
        if (category is ConcernCategory.AbuseNeglect or ConcernCategory.DomesticAbuse)
        {
            for (var k = first; k + 1 < end && k <= last + 3; k++)
            {
                if (IsWord(text, t, k, "with")
                    && (IsWord(text, t, k + 1, "pillow", "pillows", "snowballs", "snowball") || (k + 2 < end && IsWord(text, t, k + 1, "a", "his", "her", "my") && IsWord(text, t, k + 2, "pillow", "snowball"))))
                {
                    return true;
                }
            }
        }

        // "a bruise from netball", "bruised from falling off his scooter": an accident named as the bruise's cause.
        if (category == ConcernCategory.AbuseNeglect && HasWord(text, t, first, last, "bruise", "bruises", "bruised", "bruising"))
        {
            for (var k = last + 1; k < end && k <= last + 5; k++)
            {
                if ((t.WordMask[k] & L.Accident) != 0 || IsWord(text, t, k, "fell", "falling", "fall", "slipped", "tripped"))
                {
                    return true;
                }
            }
        }

        // "kicked me out of school", "i got kicked off the list", "security kick us out": excluded, not assaulted; not
        // when home, a parent or the night is in the sentence ("mum kicked me out", "kicked out at 2am").
        if (category == ConcernCategory.AbuseNeglect && last + 1 < end && IsWord(text, t, last, "kicked", "kick", "kicks", "kicking", "me", "us", "i")
            && (IsWord(text, t, last + 1, "out", "off") || (last + 2 < end && IsWord(text, t, last + 1, "me", "us") && IsWord(text, t, last + 2, "out", "off")))
            && (mask & (L.Family | L.Partner | L.Home)) == 0
            && !SentenceHas(text, t, sentence, "night", "tonight", "street", "streets", "sleep", "slept", "sleeping", "homeless", "b&b", "hostel", "sofa", "2am", "3am", "midnight", "nowhere", "carer", "carers", "placement", "foster"))
        {
            return true;
        }

        // "i feel like i cant breathe before school": panic told by the writer, with no one else, no call for help and no
        // neck or throat in the sentence (tenth session).
        if (category == ConcernCategory.ImmediateDanger && HasWord(text, t, first, last, "breathe", "breath") && first > 0 && IsWord(text, t, first - 1, "i")
            && (mask & (L.Family | L.Partner | L.Male | L.Pronoun | L.Imminent)) == 0
            && !SentenceHas(text, t, sentence, "help", "pls", "please", "plz", "neck", "throat", "choking", "choked", "strangling", "strangled", "hands", "pillow", "999", "ambulance", "he", "she", "they", "him"))
        {
            return true;
        }

        // "left a note for mum saying i went to the park": a note about where someone has gone, not a goodbye.
        if (category is ConcernCategory.ImmediateDanger or ConcernCategory.SelfHarm && HasWord(text, t, first, last, "note"))
        {
            for (var k = last + 1; k + 1 < end && k <= last + 8; k++)
            {
                if (IsWord(text, t, k, "went", "gone", "going", "back") && IsWord(text, t, k + 1, "to", "out", "by", "at", "for", "home", "later"))
                {
                    return true;
                }
            }
        }

        // "drunk adults in the park make them feel unsafe": a public place said to feel unsafe, the words at the end of the
        // sentence (the check below reads the words after "unsafe"); not with family, a partner, a trusted adult or home.
        if (category == ConcernCategory.AbuseNeglect && IsWord(text, t, last, "safe", "unsafe") && (mask & (L.Family | L.Partner | L.Trust)) == 0
            && SentenceHas(text, t, sentence, "park", "parks", "bus", "buses", "station", "underpass", "town", "estate", "street", "streets", "centre", "stop", "tram", "train", "area", "areas", "underpasses", "subway")
            && !SentenceHas(text, t, sentence, "home", "house", "flat", "room", "bedroom", "bed", "mum", "dad", "mums", "dads", "placement", "carers", "him", "he", "she", "her", "family", "me", "my", "i"))
        {
            return true;
        }

        // Figures of speech of parents and practitioners: "battered by paperwork", "threw us under the bus".
        if (category is ConcernCategory.AbuseNeglect or ConcernCategory.DomesticAbuse)
        {
            for (var k = last + 1; k + 1 < end && k <= last + 3; k++)
            {
                if ((IsWord(text, t, k, "by") && IsWord(text, t, k + 1, "paperwork", "forms", "emails", "questions", "meetings", "calls", "admin", "work", "exams", "deadlines"))
                    || (k + 2 < end && IsWord(text, t, k, "under") && IsWord(text, t, k + 1, "the") && IsWord(text, t, k + 2, "bus")))
                {
                    return true;
                }
            }
        }

        // "im gonna kill my brother he ate my chocolate": the writer's own threat to a sibling or a mate.
        if (category is ConcernCategory.ImmediateDanger or ConcernCategory.AbuseNeglect)
        {
            for (var k = first; k <= last && k + 2 < end; k++)
            {
                if (IsWord(text, t, k, "kill", "murder", "strangle") && IsWord(text, t, k + 1, "my")
                    && IsWord(text, t, k + 2, "brother", "sister", "bro", "sis", "mate", "mates", "friend", "cousin")
                    && HasWord(text, t, Math.Max(t.SentenceStart[sentence], k - 3), k - 1, "im", "ill", "i", "gonna", "gna"))
                {
                    return true;
                }
            }
        }

        if (category == ConcernCategory.Exploitation && ExploitationLookAlike(text, t, first, last, sentence, end))
        {
            return true;
        }

        // Unsafe in a public place: "we dont feel safe on the bus", "feel unsafe at the station", "around police", "going out at night".
        if (category == ConcernCategory.AbuseNeglect && (mask & (L.Family | L.Partner | L.Male | L.Trust)) == 0 && IsWord(text, t, last, "safe", "unsafe") && last + 1 < end)
        {
            if (IsWord(text, t, last + 1, "on", "at", "in", "near", "by", "around", "round", "going", "walking", "online", "outside", "after", "when", "travelling", "using")
                && !HasWord(text, t, last + 1, Math.Min(end - 1, last + 4), "home", "house", "flat", "room", "bedroom", "bed", "mums", "dads", "mum", "dad", "nans", "placement", "carers", "own", "him", "her", "them", "he", "she", "with", "family"))
            {
                return true;
            }
        }

        // Drugs sold in the area by people not tied to the writer or a child: "people sell weed near the shops".
        if (category == ConcernCategory.Exploitation && HasWord(text, t, first, last, "sell", "sells", "selling", "deal", "deals", "dealing")
            && !SentenceHas(text, t, sentence, "me", "us", "i", "im", "ive", "him", "her", "son", "daughter", "brother", "sister", "child", "made", "make", "makes", "asked", "asking", "offered", "recruit", "recruited", "recruiting", "groomed"))
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// Exploitation words in ordinary use (tenth session): thanks ("she got me through year 11, i owe her", "i owe him
    /// one"); a group that "offered to run a session"; peers posting or sharing pictures of a child to mock them ("girls in
    /// my year keep posting pics of me on snap") with no adult, no "he", no nudes and nothing asked of the child.
    /// </summary>
    private static bool ExploitationLookAlike(ReadOnlySpan<char> text, ConcernTokens t, int first, int last, int sentence, int end)
    {
        // "i owe her", "i owe him so much", "i owe her everything": thanks, not a debt ("they owe him", "i owe him", "i owe
        // them" and "owe him money" stay: a debt to a man or a gang is how exploitation is told).
        if (last >= 2 && IsWord(text, t, last, "her", "him") && IsWord(text, t, last - 1, "owe") && IsWord(text, t, last - 2, "i", "we")
            && ((last + 1 >= end && IsWord(text, t, last, "her")) || (last + 1 < end && IsWord(text, t, last + 1, "so", "everything", "loads", "lots", "big", "my", "massively"))))
        {
            return true;
        }

        // "offered to run a session", "asked us to run groups for them": running an activity.
        for (var k = first; k <= last + 1 && k < end; k++)
        {
            if (IsWord(text, t, k, "run", "running", "ran", "runs")
                && HasWord(text, t, k + 1, Math.Min(end - 1, k + 3), "session", "sessions", "group", "groups", "stall", "stalls", "workshop", "workshops", "meeting", "meetings", "club", "clubs", "event", "events", "course", "courses", "activity", "activities"))
            {
                return true;
            }
        }

        // Peers posting pictures to mock a child: bullying, not exploitation.
        if (HasWord(text, t, first, Math.Min(end - 1, last + 2), "pics", "pictures", "photos", "pic", "picture", "photo", "screenshots", "screenshotting", "screenshot", "posting", "filming", "filmed")
            && SentenceHas(text, t, sentence, "posting", "post", "posts", "posted", "sharing", "share", "shares", "shared", "edited", "screenshotting", "screenshot", "story", "chat", "tiktok", "insta", "snap", "laugh", "fun", "mean", "names")
            && !SentenceHas(text, t, sentence, "nudes", "nude", "naked", "topless", "underwear", "bra", "send", "sent", "sending", "asked", "asking", "asks", "man", "men", "older", "adult", "adults", "he", "him", "his", "hes", "threatening", "threatened", "threatens", "money", "pay", "paid", "meet", "private", "body", "drop", "offering", "offered", "offer", "deliver", "carry", "hold"))
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// A thing is what goes missing: within five words before "missing" a word for post, papers or belongings, with no
    /// person who could be the one missing ("he", "my son", a child's word) between it and "missing".
    /// </summary>
    private static bool ThingGoesMissing(ReadOnlySpan<char> text, ConcernTokens t, int missing)
    {
        var start = Math.Max(t.SentenceStart[t.Sentence[missing]], missing - 6);
        for (var k = missing - 2; k >= start; k--)
        {
            if ((t.WordMask[k] & L.Kid) != 0 || IsWord(text, t, k, "he", "she", "i", "they", "we", "hes", "shes", "im", "theyre"))
            {
                return false;
            }

            if (IsWord(text, t, k, "post", "letters", "letter", "mail", "parcel", "parcels", "forms", "paperwork", "files", "records", "emails", "money", "stuff", "things", "homework", "it", "appointments", "documents", "keys", "phone"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After "let me": "go to/on" a party, the park, a trip, the xbox, or "out" after dark or late: the rules of an
    /// ordinary home. "wont let me go to school", "wont let me out of the house" and "wont let me leave" are not.
    /// </summary>
    private static bool ParentsRule(ReadOnlySpan<char> text, ConcernTokens t, int k, int end)
    {
        if (IsWord(text, t, k, "go") && k + 1 < end && IsWord(text, t, k + 1, "to", "on"))
        {
            return HasWord(text, t, k + 2, Math.Min(end - 1, k + 3), "party", "parties", "park", "trip", "trips", "xbox", "ps5", "playstation", "sleepover", "sleepovers", "prom", "cinema", "disco",
                "festival", "concert", "town", "fair", "beach", "shops", "gym", "game", "games", "phone", "tiktok", "snapchat", "holiday");
        }

        return IsWord(text, t, k, "out") && k + 1 < end && IsWord(text, t, k + 1, "after", "past", "late", "till", "until", "on");
    }

    private static bool Hypothetical(ReadOnlySpan<char> text, ConcernTokens t, int last)
    {
        var s = t.Sentence[last];
        for (var k = t.SentenceStart[s]; k < last; k++)
        {
            if (!IsWord(text, t, k, "if"))
            {
                continue;
            }

            if (k + 1 < t.Count && IsWord(text, t, k + 1, "someone", "somebody", "anyone", "anybody", "a", "an", "your", "ever", "you", "u"))
            {
                return true;
            }

            // "better off if i wasnt here", "if i tell he will hurt me": the writer's own conditionals are real.
            if (k + 1 < t.Count && IsWord(text, t, k + 1, "i", "im", "id", "ive"))
            {
                continue;
            }

            for (var b = Math.Max(t.SentenceStart[s], k - 4); b < k; b++)
            {
                if (IsWord(text, t, b, "what", "how", "would", "should", "could", "wud", "who", "id", "where", "info", "know"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"if i tell", "if i say anything", "if she leaves": a threat's condition is telling or leaving.</summary>
    internal static bool ConditionalThreat(ReadOnlySpan<char> text, ConcernTokens t, int sentence)
    {
        var end = t.SentenceEnd(sentence);
        for (var k = t.SentenceStart[sentence]; k < end; k++)
        {
            if (!IsWord(text, t, k, "if"))
            {
                continue;
            }

            for (var j = k + 1; j <= k + 3 && j < end; j++)
            {
                if (IsWord(text, t, j, "tell", "told", "tells", "telling", "say", "snitch", "grass", "grassed", "snitched", "leave", "leaves", "left"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A row told as a habit: "when he gets angry", "when they argue", "whenever", "every time he drinks".</summary>
    internal static bool HabitualRow(ReadOnlySpan<char> text, ConcernTokens t, int sentence)
    {
        var end = t.SentenceEnd(sentence);
        var when = false;
        var cause = false;
        for (var k = t.SentenceStart[sentence]; k < end; k++)
        {
            if (IsWord(text, t, k, "whenever") || (IsWord(text, t, k, "every") && k + 1 < end && IsWord(text, t, k + 1, "time")))
            {
                return true;
            }

            when |= IsWord(text, t, k, "when");
            cause |= IsWord(text, t, k, "angry", "argue", "argues", "arguing", "drunk", "drinking", "drinks", "mad", "temper", "row", "rows", "fight", "fighting", "pub", "kicks", "off", "drink");
        }

        return when && cause;
    }

    /// <summary>A grandmother named in the sentence ("nan", "gran").</summary>
    internal static bool HasNan(ReadOnlySpan<char> text, ConcernTokens t, int sentence) =>
        SentenceHas(text, t, sentence, "nan", "nana", "nanna", "gran", "granny", "grandma");

    /// <summary>Whether a word of sentence <paramref name="sentence"/> is one of <paramref name="words"/>.</summary>
    internal static bool SentenceHas(ReadOnlySpan<char> text, ConcernTokens t, int sentence, params ReadOnlySpan<string> words) =>
        HasWord(text, t, t.SentenceStart[sentence], t.SentenceEnd(sentence) - 1, words);

    private static bool NearPeerAges(ReadOnlySpan<char> text, ConcernTokens t, int sentence, int first, int last)
    {
        var adultInMatch = false;
        var peer = false;
        for (var k = t.SentenceStart[sentence]; k < t.SentenceEnd(sentence); k++)
        {
            if (!int.TryParse(text[t.Start[k]..t.End[k]], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                continue;
            }

            if (n is >= 5 and <= 15 or >= 20 and <= 69)
            {
                return false;
            }

            adultInMatch |= n is 18 or 19 && k >= first && k <= last;
            peer |= n is 16 or 17;
        }

        return adultInMatch && peer;
    }

    private static bool SchoolPlaceWithoutAdult(ReadOnlySpan<char> text, ConcernTokens t, int sentence)
    {
        var place = false;
        for (var k = t.SentenceStart[sentence]; k < t.SentenceEnd(sentence); k++)
        {
            if (IsWord(text, t, k, "man", "men", "adult", "adults", "stranger", "staff", "bloke"))
            {
                return false;
            }

            place |= IsWord(text, t, k, "lockers", "locker", "corridor", "corridors", "playground", "classroom", "canteen", "changing");
        }

        return place;
    }

    private static bool FirstPersonSingular(ReadOnlySpan<char> text, ConcernTokens t, int sentence)
    {
        for (var k = t.SentenceStart[sentence]; k < t.SentenceEnd(sentence); k++)
        {
            if (IsWord(text, t, k, "i", "im", "me", "my", "myself", "ive", "id"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasClass(ConcernTokens t, int first, int last, ulong cls)
    {
        for (var k = first; k <= last; k++)
        {
            if ((t.Mask(k) & cls) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLaughEmoji(string original)
    {
        foreach (var e in LaughEmoji)
        {
            if (original.Contains(e, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasWord(ReadOnlySpan<char> text, ConcernTokens t, int first, int last, params ReadOnlySpan<string> words)
    {
        for (var k = first; k <= last; k++)
        {
            if (IsWord(text, t, k, words))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsWord(ReadOnlySpan<char> text, ConcernTokens t, int k, params ReadOnlySpan<string> words)
    {
        var w = text[t.Start[k]..t.End[k]];
        foreach (var x in words)
        {
            if (w.SequenceEqual(x))
            {
                return true;
            }
        }

        return false;
    }
}
