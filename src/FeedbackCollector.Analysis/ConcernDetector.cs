using System.Text;
using FeedbackCollector.Analysis.Concerns;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis;

/// <summary>
/// Flags possible safeguarding disclosures in redacted text: self-harm, abuse or neglect, exploitation, domestic
/// abuse and immediate danger. Recall first: phrases shaped like a disclosure flag whatever the audience (unless
/// negated, "my dad never hits me", or a practitioner's process talk); bare topic words ("self harm",
/// "county lines") flag only when tied to a person and not in awareness, service or process talk.
/// Beside the rules a trained recall backstop (<see cref="ConcernModel"/>) reads the same words: a text the rules pass
/// over is flagged when the model's probability reaches its cross-validated threshold, with the model's category and
/// the words that weighed most as evidence.
/// Thread-safe; works on a per-thread normalised buffer so that a call allocates only its result.
/// </summary>
public sealed class ConcernDetector : IConcernDetector
{
    private const int MaxEvidence = 160;

    /// <summary>Categories in the order that decides which one leads: danger now first.</summary>
    private static readonly ConcernCategory[] Severity =
        [ConcernCategory.ImmediateDanger, ConcernCategory.SelfHarm, ConcernCategory.Exploitation, ConcernCategory.DomesticAbuse, ConcernCategory.AbuseNeglect];

    /// <summary>By category (its enum value): its place in <see cref="Severity"/>. A look-up, because the slot is asked
    /// for each of ~160 signal rules on every text and <see cref="Array.IndexOf{T}(T[], T)"/> over an enum showed in the profile.</summary>
    private static readonly int[] SlotByCategory = BuildSlots();

    private static readonly ConcernRule[] Rules = ConcernRules.All;

    /// <summary>By rule: the bits of the word sets of its <see cref="ConcernRule.Requires"/>, all of which the text must hold.</summary>
    private static readonly ulong[] Needs = ConcernAnchors.Needs;

    private readonly ConcernModel? _model;

    /// <summary>The rules and the shipped concern model.</summary>
    public ConcernDetector()
        : this(ConcernModel.Default)
    {
    }

    /// <summary>The rules and <paramref name="model"/> (the rules alone when null).</summary>
    internal ConcernDetector(ConcernModel? model)
    {
        _model = model;
    }

    /// <inheritdoc />
    public ConcernResult Detect(string redactedText, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(redactedText);
        if (redactedText.Length < 2)
        {
            return ConcernResult.None;
        }

        var normal = ConcernText.For(redactedText);
        var text = normal.Text;
        var tokens = ConcernTokens.For(text);

        Span<int> from = stackalloc int[Severity.Length];
        Span<int> to = stackalloc int[Severity.Length];
        from.Fill(-1);
        var any = false;

        // Phrase rules: each word's anchor id (remembered with its classes) decides which can match at all.
        Span<bool> active = stackalloc bool[Rules.Length];
        if (Activate(tokens, active, out var present))
        {
            for (var i = 0; i < Rules.Length; i++)
            {
                var rule = Rules[i];
                if (!active[i] || (present & Needs[i]) != Needs[i] || from[SlotOf(rule.Category)] >= 0)
                {
                    continue;
                }

                if (Find(rule, text, tokens, redactedText, audience, out var start, out var end))
                {
                    any |= Record(Recategorise(rule.Category, text, tokens, start, end, audience), start, end, from, to);
                }
            }
        }

        // Signal rules: word classes by order and distance, for phrasings the phrase rules have never seen. The gate
        // rules out, in one pass, those that lack a word for one of their positions (nearly all of them, on most texts).
        var signalRules = SignalRules.All;
        Span<int> possible = stackalloc int[signalRules.Length];
        var possibleCount = SignalGate.PossibleRules(tokens, possible);
        foreach (var r in possible[..possibleCount])
        {
            var rule = signalRules[r];
            if (from[SlotOf(rule.Category)] >= 0)
            {
                continue;
            }

            var startAt = 0;
            while (SignalMatcher.Find(rule, text, tokens, audience, startAt, out var first, out var last))
            {
                if (!SignalMatcher.Suppressed(rule.Category, text, redactedText, tokens, first, last, audience)
                    && !(audience == Audience.Practitioner && (tokens.SentenceMask[tokens.Sentence[first]] & (ConcernLexicon.Education | ConcernLexicon.Awareness)) != 0
                        && PractitionerProcessTalk(text, tokens.Start[first], tokens.End[last] - tokens.Start[first])))
                {
                    var start = tokens.Start[first];
                    var end = tokens.End[last];
                    var category = Recategorise(rule.Category, text, tokens, start, end, audience);
                    if (category == ConcernCategory.SelfHarm && rule.Spec.Contains("@Body", StringComparison.Ordinal) && ActorBefore(tokens, first))
                    {
                        category = ConcernCategory.AbuseNeglect;
                    }

                    any |= Record(category, start, end, from, to);
                    break;
                }

                startAt = first + 1;
            }
        }

        if (!any)
        {
            // The backstop: the rules found nothing, so the model reads the same words. Harm told as past and resolved
            // is not a disclosure (the dev set's convention), which the model's words alone cannot tell.
            if (_model is not null && _model.TryFlag(text, tokens, audience, out var hit) && !BackstopVetoed(text, tokens, hit.Category))
            {
                var (start, end) = normal.Original(hit.EvidenceStart, hit.EvidenceEnd);
                if (end > start)
                {
                    return new ConcernResult(true, hit.Category, [hit.Category], redactedText.Substring(start, Math.Min(end - start, MaxEvidence)));
                }
            }

            return ConcernResult.None;
        }

        var categories = new List<ConcernCategory>(2);
        var evidence = new StringBuilder(64);
        for (var slot = 0; slot < Severity.Length; slot++)
        {
            if (from[slot] < 0)
            {
                continue;
            }

            categories.Add(Severity[slot]);
            var (start, end) = normal.Original(from[slot], to[slot]);
            if (evidence.Length < MaxEvidence && end > start)
            {
                if (evidence.Length > 0)
                {
                    evidence.Append("; ");
                }

                evidence.Append(redactedText, start, Math.Min(end - start, MaxEvidence));
            }
        }

        return new ConcernResult(true, categories[0], categories, evidence.ToString());
    }

    /// <summary>
    /// What the rules know the model's flag of <paramref name="category"/> is not, whatever its probability: harm told as
    /// past and resolved (<see cref="PastAndResolved"/>), a family chore read as exploitation (<see cref="FamilyChore"/>).
    /// The detector and the trainer's cross-validation both ask this, so the CV curve is the detector's.
    /// </summary>
    internal static bool BackstopVetoed(ReadOnlySpan<char> text, ConcernTokens tokens, ConcernCategory category) =>
        PastAndResolved(text, tokens) || (category == ConcernCategory.Exploitation && FamilyChore(text, tokens));

    /// <summary>
    /// Harm told as past and resolved, which the model's flag does not raise (the dev set's convention; the cross-validation
    /// of the trainer applies the same check): a past mark and a resolution from the lexicon anywhere in the text, as the
    /// rules' own check ("when i was 13 ... the police caught him"), or the older regex ("used to ... havent for a year").
    /// </summary>
    internal static bool PastAndResolved(ReadOnlySpan<char> text, ConcernTokens tokens) =>
        ((tokens.All & ConcernLexicon.PastMark) != 0 && (tokens.All & ConcernLexicon.Resolved) != 0) || ConcernPatterns.PastResolved().IsMatch(text);

    /// <summary>
    /// Carrying, holding or looking after things for a brother, sister or child, with no sign of exploitation in the text
    /// (no older person or men, no pressure, payment or gift, no images or apps, no secret, fear, threat or weapon, no
    /// drugs, parcels or money): "i carry my little brothers bag for him cos hes only 5". The model's words alone read the
    /// carrying as county lines; its exploitation flag is not raised here (the trainer's cross-validation applies the same check).
    /// </summary>
    internal static bool FamilyChore(ReadOnlySpan<char> text, ConcernTokens tokens)
    {
        const ulong exploitation = ConcernLexicon.Older | ConcernLexicon.Male | ConcernLexicon.Coerce | ConcernLexicon.Image | ConcernLexicon.Online
            | ConcernLexicon.Gift | ConcernLexicon.Burner | ConcernLexicon.Secret | ConcernLexicon.Fear | ConcernLexicon.Threat | ConcernLexicon.Weapon
            | ConcernLexicon.Partner;
        if ((tokens.All & ConcernLexicon.Carry) == 0 || (tokens.All & ConcernLexicon.Kid) == 0 || (tokens.All & exploitation) != 0)
        {
            return false;
        }

        for (var k = 0; k < tokens.Count; k++)
        {
            var w = text[tokens.Start[k]..tokens.End[k]];
            // "money", "cash" and "owe" are Coerce words, so they never reach here.
            if (w is "drugs" or "weed" or "gear" or "package" or "packages" or "parcel" or "parcels" or "knife" or "knives" or "gun" or "guns"
                or "stuff" or "towns" or "town" or "line" or "lines")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Marks the rules one of whose anchors is in the text and collects the required word sets it holds.</summary>
    private static bool Activate(ConcernTokens tokens, Span<bool> active, out ulong present)
    {
        var any = false;
        present = 0;
        var anchors = tokens.Anchor;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (anchors[k] >= 0)
            {
                var entry = ConcernAnchors.Entries[anchors[k]];
                foreach (var r in entry.Rules)
                {
                    active[r] = true;
                }

                any |= entry.Rules.Length > 0;
                present |= entry.Sets;
            }
        }

        return any;
    }

    private static bool Find(ConcernRule rule, ReadOnlySpan<char> text, ConcernTokens tokens, string original, Audience audience, out int from, out int to)
    {
        foreach (var m in rule.Pattern.EnumerateMatches(text))
        {
            var counts = rule.Topic
                ? TopicCounts(text, m.Index, m.Length, audience)
                : !IsSuppressed(rule.Category, text, m.Index, m.Length, audience);
            if (counts)
            {
                var (first, last) = SignalMatcher.WordsOf(tokens, m.Index, m.Index + m.Length);
                if (SignalMatcher.Suppressed(rule.Category, text, original, tokens, first, last, audience))
                {
                    continue;
                }

                (from, to) = (m.Index, m.Index + m.Length);
                return true;
            }
        }

        (from, to) = (0, 0);
        return false;
    }

    private static int SlotOf(ConcernCategory category) => SlotByCategory[(int)category];

    private static int[] BuildSlots()
    {
        var size = 0;
        foreach (var category in Severity)
        {
            size = Math.Max(size, (int)category + 1);
        }

        var slots = new int[size];
        for (var slot = 0; slot < Severity.Length; slot++)
        {
            slots[(int)Severity[slot]] = slot;
        }

        return slots;
    }

    /// <summary>Keeps the first evidence of each category; true when it was new.</summary>
    private static bool Record(ConcernCategory category, int start, int end, Span<int> from, Span<int> to)
    {
        var slot = SlotOf(category);
        if (from[slot] >= 0)
        {
            return false;
        }

        from[slot] = start;
        to[slot] = end;
        return true;
    }

    /// <summary>
    /// A parent who is hurt by a partner ("he pushed me") discloses domestic abuse, not child abuse; "her dad hits her"
    /// is a girl hurt by her father, so child abuse, not domestic abuse.
    /// </summary>
    private static ConcernCategory Recategorise(ConcernCategory category, ReadOnlySpan<char> text, ConcernTokens tokens, int start, int end, Audience audience)
    {
        var match = text[start..end];

        // Session 6, as a category fix that keeps the flag: a threat that keeps a secret ("says hell hurt me if i tell") is
        // abuse, and a weapon waved at mum or nan "when he gets angry" is domestic abuse, unless a word of now is in the
        // sentence ("tonight", "rn"); "throws me against the wall" is the child hurt, not things smashed between adults.
        if (category is ConcernCategory.ImmediateDanger or ConcernCategory.DomesticAbuse)
        {
            var (first, last) = SignalMatcher.WordsOf(tokens, start, end);
            if (first >= 0)
            {
                var sentence = tokens.Sentence[first];
                var mask = tokens.SentenceMask[sentence];
                if (category == ConcernCategory.ImmediateDanger && (mask & ConcernLexicon.Imminent) == 0)
                {
                    var mum = (mask & ConcernLexicon.Mum) != 0 || SignalMatcher.HasNan(text, tokens, sentence);
                    if (mum && SignalMatcher.HabitualRow(text, tokens, sentence))
                    {
                        return ConcernCategory.DomesticAbuse;
                    }

                    if (SignalMatcher.ConditionalThreat(text, tokens, sentence))
                    {
                        return mum ? ConcernCategory.DomesticAbuse : ConcernCategory.AbuseNeglect;
                    }

                    // Session 7: a rape told afterwards ("i was raped last year") is abuse; a note written and not acted on
                    // is self-harm; a gang's phone handed over with a threat is exploitation. Danger now needs a word of now.
                    if (match.EndsWith("raped", StringComparison.Ordinal) && !SignalMatcher.SentenceHas(text, tokens, sentence, "just", "been", "happened", "help"))
                    {
                        return ConcernCategory.AbuseNeglect;
                    }

                    if (match.StartsWith("written a note", StringComparison.Ordinal) || match.StartsWith("wrote a note", StringComparison.Ordinal))
                    {
                        return ConcernCategory.SelfHarm;
                    }

                    if ((mask & ConcernLexicon.Burner) != 0 || GangPhone(text, tokens, sentence))
                    {
                        return ConcernCategory.Exploitation;
                    }

                    // "wont let her go out" said of mum's partner is coercive control, not danger now.
                    if ((mask & ConcernLexicon.Partner) != 0 && match.EndsWith(" go") && match.Contains("let ", StringComparison.Ordinal)
                        && last + 1 < tokens.Count && SignalMatcher.IsWord(text, tokens, last + 1, "out", "on"))
                    {
                        return ConcernCategory.DomesticAbuse;
                    }
                }

                if (category == ConcernCategory.DomesticAbuse && (tokens.WordMask[first] & ConcernLexicon.Smash) != 0 && ChildHit(text, tokens, first))
                {
                    return ConcernCategory.AbuseNeglect;
                }
            }
        }

        if (category == ConcernCategory.AbuseNeglect && audience == Audience.Parent && (match.EndsWith(" me") || match.EndsWith("me") && match.Length > 3 && match[^3] == ' '))
        {
            return ConcernCategory.DomesticAbuse;
        }

        if (category == ConcernCategory.DomesticAbuse && match.EndsWith(" her"))
        {
            var (first, _) = SignalMatcher.WordsOf(tokens, start, end);
            var herFirst = match.StartsWith("her ") ? first + 1 : text[..start].EndsWith("her ") ? first : -1;
            if (herFirst >= 0 && herFirst < tokens.Count && (tokens.WordMask[herFirst] & ConcernLexicon.Partner) == 0)
            {
                return ConcernCategory.AbuseNeglect;
            }
        }

        return category;
    }

    /// <summary>"they gave my son a phone": a phone handed over in the sentence.</summary>
    private static bool GangPhone(ReadOnlySpan<char> text, ConcernTokens tokens, int sentence)
    {
        var gave = false;
        for (var k = tokens.SentenceStart[sentence]; k < tokens.SentenceEnd(sentence); k++)
        {
            if (SignalMatcher.IsWord(text, tokens, k, "gave", "given", "give", "gives", "handed", "hands"))
            {
                gave = true;
            }
            else if (gave && SignalMatcher.IsWord(text, tokens, k, "phone", "phones"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"throws me against the wall", "throws stuff at me": the thrown-at is the child.</summary>
    private static bool ChildHit(ReadOnlySpan<char> text, ConcernTokens tokens, int smash)
    {
        var sentence = tokens.Sentence[smash];
        if (smash + 1 < tokens.Count && tokens.Sentence[smash + 1] == sentence && SignalMatcher.IsWord(text, tokens, smash + 1, "me", "him", "us"))
        {
            return true;
        }

        for (var k = smash + 1; k <= smash + 3 && k + 1 < tokens.Count && tokens.Sentence[k + 1] == sentence; k++)
        {
            if (SignalMatcher.IsWord(text, tokens, k, "at") && SignalMatcher.IsWord(text, tokens, k + 1, "me", "him", "us"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Someone other than the writer just before a self-harm-shaped act ("mum hit my legs"): that is abuse.</summary>
    private static bool ActorBefore(ConcernTokens tokens, int first)
    {
        for (var k = tokens.SentenceStart[tokens.Sentence[first]]; k < first; k++)
        {
            if ((tokens.WordMask[k] & (ConcernLexicon.Family | ConcernLexicon.Partner | ConcernLexicon.Male | ConcernLexicon.Trust)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A practitioner's training or process talk that does not describe a specific child.</summary>
    private static bool PractitionerProcessTalk(ReadOnlySpan<char> text, int index, int length)
    {
        var sentence = SentenceAround(text, index, length);
        return ConcernPatterns.Awareness().IsMatch(sentence) && !ConcernPatterns.SpecificChild().IsMatch(sentence);
    }

    /// <summary>
    /// Negated ("he never hits me"), figurative ("it hit me", "mum will kill me if she finds out lol"), past harm with
    /// recovery ("I used to self harm but haven't for a year") or a practitioner's process talk.
    /// </summary>
    private static bool IsSuppressed(ConcernCategory category, ReadOnlySpan<char> text, int index, int length, Audience audience)
    {
        var sentenceOfMatch = SentenceAround(text, index, length);
        if (IsPastWithRecovery(text, index, length, sentenceOfMatch))
        {
            return true;
        }

        if (category == ConcernCategory.ImmediateDanger && ConcernPatterns.JokingThreat().IsMatch(sentenceOfMatch))
        {
            return true;
        }

        if (category is ConcernCategory.AbuseNeglect or ConcernCategory.DomesticAbuse)
        {
            var from = Math.Max(0, index - 40);
            var before = text[from..index];

            // The negation may also open the phrase itself: "my dad never hits me" matches from "hits me".
            if (ConcernPatterns.NegatedBefore().IsMatch(before) || ConcernPatterns.FigurativeSubject().IsMatch(before))
            {
                return true;
            }
        }

        // "Her dad hits her": the victim is the child whose parent it is, so that is child abuse, not domestic abuse.
        if (category == ConcernCategory.DomesticAbuse && text.Slice(index, length).Trim().StartsWith("her ") && text.Slice(index, length).EndsWith(" her"))
        {
            return true;
        }

        // Exercises in a session ("what would you do if a friend told you they were being abused") are hypothetical.
        if (audience is Audience.Practitioner or Audience.ForumNotes && ConcernPatterns.Hypothetical().IsMatch(sentenceOfMatch))
        {
            return true;
        }

        // A practitioner's training or process talk ("training on what to do when a child says they want to die") is
        // not a disclosure; a practitioner describing a specific child is.
        if (audience is Audience.Practitioner)
        {
            return ConcernPatterns.Awareness().IsMatch(sentenceOfMatch) && !ConcernPatterns.SpecificChild().IsMatch(sentenceOfMatch);
        }

        return false;
    }

    /// <summary>A bare topic word counts when its sentence ties it to a person and is not awareness or process talk.</summary>
    private static bool TopicCounts(ReadOnlySpan<char> text, int index, int length, Audience audience)
    {
        var sentence = SentenceAround(text, index, length);
        if (ConcernPatterns.Awareness().IsMatch(sentence) || ConcernPatterns.Hypothetical().IsMatch(sentence)
            || IsPastWithRecovery(text, index, length, sentence))
        {
            return false;
        }

        return audience == Audience.Practitioner
            ? ConcernPatterns.SpecificChild().IsMatch(sentence)
            : ConcernPatterns.PersonalAnchor().IsMatch(sentence);
    }

    /// <summary>"I used to self harm but I've been clean for 8 months": harm in the past with recovery since.</summary>
    private static bool IsPastWithRecovery(ReadOnlySpan<char> text, int index, int length, ReadOnlySpan<char> sentence)
    {
        var lead = text[Math.Max(0, index - 24)..index];
        var match = text.Slice(index, length);
        var usedTo = lead.EndsWith(" used to ") || lead.EndsWith(" used to") || match.StartsWith(" used to") || match.StartsWith("used to");
        return usedTo && ConcernPatterns.Recovery().IsMatch(sentence);
    }

    private static ReadOnlySpan<char> SentenceAround(ReadOnlySpan<char> text, int index, int length)
    {
        var start = text[..index].LastIndexOf('.') + 1;
        var endAt = text[(index + length)..].IndexOf('.');
        var end = endAt < 0 ? text.Length : index + length + endAt;
        return text[start..end];
    }

}
