using System.Runtime.CompilerServices;
using FeedbackCollector.Analysis.Text;
using FeedbackCollector.Analysis.Themes;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Sentiment;

/// <summary>
/// Lexicon sentiment with the rules that matter in this feedback: negation within the clause ("they never listen",
/// "didnt help"), intensifiers and dampeners, capitals and stretched letters, contrast ("ok but slow": what follows
/// "but" weighs more), wished-for positives ("they should listen"), emoji, and multi-word complaint and gratitude
/// patterns ("still waiting", "thank you").
/// </summary>
internal sealed class SentimentScorer
{
    /// <summary>How far back (tokens) a negator reaches.</summary>
    private const int NegationWindow = 3;

    /// <summary>How far back a wish ("should", "more") reaches.</summary>
    private const int IrrealisWindow = 4;

    private const float BeforeContrast = 0.5f;
    private const float AfterContrast = 1.5f;

    /// <summary>Weight of situations (see <see cref="SentimentLexicon.Situations"/>) in a text that clearly praises.</summary>
    private const float SituationsNextToPraise = 0.3f;

    [ThreadStatic]
    private static ModelScratch? _modelScratch;

    private readonly LinearModel? _model;
    private readonly SentimentLabel[] _modelLabels = [];
    private readonly PhraseTrie _phrases = new();
    private readonly float[] _phraseValence;
    private readonly bool[] _phraseSituational;

    /// <summary>
    /// Indexed by word key: true when some lexicon phrase starts with that key. Most tokens start none, and looking
    /// this up is cheaper than asking the trie (which finds nothing from the root for any other key).
    /// </summary>
    private readonly bool[] _startsPhrase;

    /// <summary>Builds the scorer with the shipped model, registering its phrase words in <paramref name="vocabulary"/>.</summary>
    public SentimentScorer(Vocabulary vocabulary)
        : this(vocabulary, AnalyzerModels.Default?.Sentiment)
    {
    }

    /// <summary>Builds the scorer with <paramref name="model"/> (null: the lexicon alone decides).</summary>
    internal SentimentScorer(Vocabulary vocabulary, LinearModel? model)
    {
        if (model is not null)
        {
            _model = model;
            _modelLabels = [.. model.Classes.Select(ThemeAwareSentiment.Parse)];
        }
        var valence = new List<float>();
        var situational = new List<bool>();
        var firstKeys = new List<int>();
        foreach (var (list, isSituation) in new[] { (SentimentLexicon.Phrases, false), (SentimentLexicon.SituationPhrases, true) })
        {
            foreach (var (pattern, v) in list)
            {
                var keys = ThemeMatcher.Compile(pattern, vocabulary);
                _phrases.Add(keys, valence.Count);
                if (keys.Count > 0 && keys[0] >= 0)
                {
                    firstKeys.Add(keys[0]);
                }
                valence.Add(v);
                situational.Add(isSituation);
            }
        }
        _phraseValence = [.. valence];
        _phraseSituational = [.. situational];
        _startsPhrase = new bool[firstKeys.Count == 0 ? 0 : firstKeys.Max() + 1];
        foreach (var k in firstKeys)
        {
            _startsPhrase[k] = true;
        }
        // Single words of the lexicon need ids only so that spelling correction can reach them.
        foreach (var (pattern, _) in SentimentLexicon.Words.Concat(SentimentLexicon.Situations))
        {
            ThemeMatcher.Compile(pattern, vocabulary);
        }
    }

    /// <summary>Scores a tokenised text by the lexicon rules alone.</summary>
    public SentimentResult Score(ReadOnlySpan<Token> tokens, List<PhraseHit> scratch)
    {
        var m = Mass(tokens, scratch);
        return ToResult(m.Pos, m.Neg, m.RawPos, m.RawNeg);
    }

    /// <summary>
    /// Scores a tokenised text whose themes are known. With a trained model the label is the model's (its words, the
    /// lexicon's masses and label, and the themes found); without one, the lexicon decides and a text about a problem
    /// theme with no good word in it is a complaint told as a fact.
    /// </summary>
    public SentimentResult Score(ReadOnlySpan<Token> tokens, List<PhraseHit> scratch, IReadOnlyList<ThemeMatch> themes) => Score(tokens, scratch, themes, null, Audience.Unknown);

    /// <summary>
    /// As <see cref="Score(ReadOnlySpan{Token}, List{PhraseHit}, IReadOnlyList{ThemeMatch})"/>, taking the word features
    /// from <paramref name="words"/> (shared with the theme model) when given, for a text written by <paramref name="audience"/>.
    /// </summary>
    public SentimentResult Score(ReadOnlySpan<Token> tokens, List<PhraseHit> scratch, IReadOnlyList<ThemeMatch> themes, WordFeatures? words, Audience audience)
    {
        var m = Mass(tokens, scratch);
        var rule = ToResult(m.Pos, m.Neg, m.RawPos, m.RawNeg);
        if (_model is null)
        {
            return ThemeAwareSentiment.LeanOnProblemThemes(rule, themes);
        }
        var model = _modelScratch ??= new ModelScratch();
        if (words is null)
        {
            BuildFeatures(tokens, m, rule, themes, audience, model.Features, model.Seen);
        }
        else
        {
            model.Features.Clear();
            model.Features.AddRange(words.Of(tokens));
            AddWholeFeatures(m, rule, themes, audience, model.Features);
        }
        Span<float> logits = stackalloc float[_model.ClassCount];
        Span<int> rows = stackalloc int[0];
        _model.Score(model.Features, logits, rows);
        return ThemeAwareSentiment.FromLogits(logits, _modelLabels);
    }

    /// <summary>The features the sentiment model reads; the same code serves training and scoring.</summary>
    internal static void BuildFeatures(ReadOnlySpan<Token> tokens, SentimentMass m, SentimentResult rule, IReadOnlyList<ThemeMatch> themes, Audience audience, List<Feature> features, HashSet<uint> seen)
    {
        features.Clear();
        seen.Clear();
        TextFeatures.AddWords(tokens, features, seen);
        AddWholeFeatures(m, rule, themes, audience, features);
    }

    /// <summary>The whole-text features after the words: the lexicon's masses and label, and the themes found.</summary>
    private static void AddWholeFeatures(SentimentMass m, SentimentResult rule, IReadOnlyList<ThemeMatch> themes, Audience audience, List<Feature> features)
    {
        // Who writes changes what a plain statement means: a practitioner's or forum note reporting harm is a fact,
        // a child's line about the same harm is their experience.
        var who = (int)audience >= 0 && (int)audience < AudienceHashes.Length ? (int)audience : 0;
        AddCue(features, AudienceHashes[who], 1f);
        AddCue(features, AudienceByLabelHashes[(who * LabelNames.Count) + (int)rule.Label], 1f);
        var cues = m.Cues;
        AddCue(features, RequestCue, (cues & Cue.Request) != 0 ? 1f : 0f);
        AddCue(features, BareRequestCue, (cues & Cue.Request) != 0 && m.RawPos < 1f && m.NegativeParts == 0 ? 1f : 0f);
        AddCue(features, SarcasmCue, (cues & Cue.Sarcasm) != 0 ? 1f : 0f);
        AddCue(features, GrudgingCue, (cues & Cue.Grudging) != 0 ? 1f : 0f);
        AddCue(features, ReportCue, (cues & Cue.Report) != 0 ? 1f : 0f);
        AddCue(features, NoFirstPersonCue, (cues & Cue.FirstPerson) == 0 ? 1f : 0f);
        AddCue(features, BothPartsCue, m.PositiveParts > 0 && m.NegativeParts > 0 ? 1f : 0f);
        AddCue(features, LastPartCue, m.LastPart);
        AddCue(features, NegatedBadCue, Math.Min(m.NegatedBad, 6f) / 3f);
        TextFeatures.AddWhole(features, 's', "pos", Math.Min(m.Pos, 6f) / 3f);
        TextFeatures.AddWhole(features, 's', "neg", Math.Min(m.Neg, 6f) / 3f);
        TextFeatures.AddWhole(features, 's', "rawpos", Math.Min(m.RawPos, 6f) / 3f);
        TextFeatures.AddWhole(features, 's', "rawneg", Math.Min(m.RawNeg, 6f) / 3f);
        TextFeatures.AddWhole(features, 's', "sit", Math.Min(m.Sit, 6f) / 3f);
        TextFeatures.AddWhole(features, 'l', ThemeAwareSentiment.Name(rule.Label), 1f);
        TextFeatures.AddWhole(features, 's', "none", m.RawPos + m.RawNeg == 0 ? 1f : 0f);
        foreach (var t in themes)
        {
            TextFeatures.AddWhole(features, 't', t.ThemeId, 1f);
        }
    }

    // The cue features' hashes, computed once (each is TextFeatures.Hash('q', its name)).
    private static readonly uint RequestCue = TextFeatures.Hash('q', "request");
    private static readonly uint BareRequestCue = TextFeatures.Hash('q', "request-bare");
    private static readonly uint SarcasmCue = TextFeatures.Hash('q', "sarcasm");
    private static readonly uint GrudgingCue = TextFeatures.Hash('q', "grudging");
    private static readonly uint ReportCue = TextFeatures.Hash('q', "report");
    private static readonly uint NoFirstPersonCue = TextFeatures.Hash('q', "no-first-person");
    private static readonly uint BothPartsCue = TextFeatures.Hash('q', "both-parts");
    private static readonly uint LastPartCue = TextFeatures.Hash('q', "last-part");
    private static readonly uint NegatedBadCue = TextFeatures.Hash('q', "negated-bad");

    /// <summary>Adds a whole-text cue feature by its precomputed hash (nothing when the value is 0).</summary>
    private static void AddCue(List<Feature> features, uint hash, float value)
    {
        if (value != 0)
        {
            features.Add(new Feature(hash, value, -1, -1));
        }
    }

    // The features spell audiences and labels by their wire names ("forum-notes", "negative"), in enum order, so that
    // an audience or label value indexes them directly.
    private static readonly IReadOnlyList<string> LabelNames = WireNames.All<SentimentLabel>();

    /// <summary>The hashes of the audience features (<c>a|child</c>...), in <see cref="Audience"/> order.</summary>
    private static readonly uint[] AudienceHashes = [.. WireNames.All<Audience>().Select(a => TextFeatures.Hash('a', a))];

    /// <summary>
    /// The hashes of each audience with each lexicon label (<c>a|practitioner|negative</c>), by audience * labels + label.
    /// </summary>
    private static readonly uint[] AudienceByLabelHashes =
        [.. WireNames.All<Audience>().SelectMany(a => LabelNames.Select(l => TextFeatures.Hash('a', string.Concat(a, "|", l))))];

    /// <summary>True when one of the word's keys starts a lexicon phrase (the trie can only match from such a word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool StartsPhrase(NormWord word)
    {
        var starts = _startsPhrase;
        foreach (var k in word.Keys)
        {
            if ((uint)k < (uint)starts.Length && starts[k])
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The lexicon's positive and negative mass of a text (see <see cref="Score(ReadOnlySpan{Token}, List{PhraseHit})"/>).</summary>
    internal SentimentMass Mass(ReadOnlySpan<Token> tokens, List<PhraseHit> scratch)
    {
        // Judgements (pos, neg) and situations (sit) are kept apart until the end; "raw" sums ignore contrast
        // re-weighting and are used to see whether a text is clearly both positive and negative.
        float pos = 0, neg = 0, sit = 0, rawPos = 0, rawNeg = 0, rawSit = 0;
        float sentPos = 0, sentNeg = 0, sentSit = 0;
        // Parts (clauses, and the sides of a contrast word): how many lean each way, and which way the last one leans,
        // for the model to see praise and complaint side by side ("nice. always late", "rubbish until she came").
        float part = 0, negatedBad = 0;
        int posParts = 0, negParts = 0, lastPart = 0;
        var clause = -1;
        var sentence = -1;
        var after = 1f;
        var i = 0;
        while (i < tokens.Length)
        {
            ref readonly var t = ref tokens[i];
            if (t.Clause != clause)
            {
                ClosePart(ref part, ref posParts, ref negParts, ref lastPart);
                clause = t.Clause;
            }
            if (t.Sentence != sentence)
            {
                pos += sentPos;
                neg += sentNeg;
                sit += sentSit;
                sentPos = sentNeg = sentSit = 0;
                sentence = t.Sentence;
                after = 1f;
            }
            var word = t.Word;
            if (word.Is(WordFlags.Contrast) && i + 1 < tokens.Length && tokens[i + 1].Sentence == sentence)
            {
                // "ok but slow": what came before weighs less, what follows more.
                ClosePart(ref part, ref posParts, ref negParts, ref lastPart);
                sentPos *= BeforeContrast;
                sentNeg *= BeforeContrast;
                sentSit *= BeforeContrast;
                after = AfterContrast;
                i++;
                continue;
            }

            // The longest lexicon phrase starting here wins over its words.
            float v;
            bool situation;
            var next = i + 1;
            scratch.Clear();
            if (StartsPhrase(word))
            {
                _phrases.MatchAt(tokens, i, scratch);
            }
            var isPhrase = scratch.Count > 0;
            if (isPhrase)
            {
                var best = scratch[0];
                foreach (var h in scratch)
                {
                    if (h.EndToken > best.EndToken)
                    {
                        best = h;
                    }
                }
                v = _phraseValence[best.Payload];
                situation = _phraseSituational[best.Payload];
                next = best.EndToken;
            }
            else
            {
                v = word.Valence;
                situation = word.Is(WordFlags.Situational);
            }
            if (v != 0)
            {
                if (!word.Is(WordFlags.Emoji))
                {
                    v *= Modifiers(tokens, i, t);
                    if (!isPhrase || !word.Is(WordFlags.Negator))
                    {
                        // A negator turns a good word a few words on ("never really listen"), but only a bad word
                        // right after it ("not bad"; not "dont act on bullying").
                        var negation = Negated(tokens, i, v > 0 ? NegationWindow : 2);
                        if (negation != 0)
                        {
                            negatedBad += v < 0 ? -v : 0;
                            v = v > 0 ? -v * negation : -v * 0.5f;
                            situation = false;
                        }
                    }
                    if (v > 0 && Wished(tokens, i))
                    {
                        v = -0.6f * v; // "they should listen more" is a complaint
                    }
                }
                if (!situation || v > 0)
                {
                    part += v;
                }
                if (v > 0)
                {
                    rawPos += v;
                    sentPos += v * after;
                }
                else if (situation)
                {
                    rawSit -= v;
                    sentSit -= v * after;
                }
                else
                {
                    rawNeg -= v;
                    sentNeg -= v * after;
                }
            }
            i = next;
        }
        pos += sentPos;
        neg += sentNeg;
        sit += sentSit;
        ClosePart(ref part, ref posParts, ref negParts, ref lastPart);
        var cues = SentimentCues.Read(tokens);
        if ((cues & Cue.Sarcasm) != 0)
        {
            // "thanks i guess 🙄", "great, thanks for nothing": the praise is taken back.
            neg += pos;
            rawNeg += rawPos;
            pos = 0;
            rawPos = 0;
        }
        // Hard situations next to clear praise are what the thanks is about ("she helped me stop self-harming").
        var sitWeight = rawPos >= 1.5f && rawPos > rawNeg ? SituationsNextToPraise : 1f;
        return new SentimentMass(pos, neg + (sit * sitWeight), rawPos, rawNeg + (rawSit * sitWeight), rawSit)
        {
            PositiveParts = posParts,
            NegativeParts = negParts,
            LastPart = lastPart,
            NegatedBad = negatedBad,
            Cues = cues,
        };
    }

    /// <summary>A part's net judgement at least this strong says which way it leans.</summary>
    private const float PartLean = 0.8f;

    private static void ClosePart(ref float part, ref int posParts, ref int negParts, ref int lastPart)
    {
        if (part >= PartLean)
        {
            posParts++;
            lastPart = 1;
        }
        else if (part <= -PartLean)
        {
            negParts++;
            lastPart = -1;
        }
        part = 0;
    }

    private static float Modifiers(ReadOnlySpan<Token> tokens, int i, in Token t)
    {
        var f = 1f;
        if ((t.Flags & TokenFlags.AllCaps) != 0)
        {
            f *= 1.3f;
        }
        if ((t.Flags & TokenFlags.Elongated) != 0)
        {
            f *= 1.2f;
        }
        for (var k = i - 1; k >= 0 && k >= i - 2 && tokens[k].Clause == t.Clause; k--)
        {
            var w = tokens[k].Word;
            if (w.Is(WordFlags.Modifier))
            {
                var m = w.Modifier;
                if ((tokens[k].Flags & TokenFlags.Elongated) != 0 && m > 1)
                {
                    m += 0.1f;
                }
                f *= m;
            }
            else if (!w.Is(WordFlags.Stop))
            {
                break;
            }
        }
        return f;
    }

    /// <summary>The negation factor from a negator shortly before token <paramref name="i"/> in its clause, or 0.</summary>
    private static float Negated(ReadOnlySpan<Token> tokens, int i, int window)
    {
        var clause = tokens[i].Clause;
        for (var k = i - 1; k >= 0 && k >= i - window; k--)
        {
            ref readonly var t = ref tokens[k];
            if (t.Clause != clause || t.Word.Is(WordFlags.Contrast))
            {
                return 0;
            }
            if (t.Word.Is(WordFlags.Negator))
            {
                return t.Word.Text is "never" or "nobody" or "nothing" or "none" ? 1f : 0.8f;
            }
        }
        return 0;
    }

    private static bool Wished(ReadOnlySpan<Token> tokens, int i)
    {
        var clause = tokens[i].Clause;
        for (var k = i - 1; k >= 0 && k >= i - IrrealisWindow; k--)
        {
            ref readonly var t = ref tokens[k];
            if (t.Clause != clause || t.Word.Is(WordFlags.Contrast))
            {
                return false;
            }
            if (t.Word.Is(WordFlags.Irrealis))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Turns positive and negative mass into a label and three scores summing to 1.</summary>
    internal static SentimentResult ToResult(float pos, float neg, float rawPos, float rawNeg)
    {
        const float k = 1.2f; // neutral mass: a single mild word does not make a text positive
        var total = pos + neg + k;
        var p = Math.Round(pos / total, 3);
        var n = Math.Round(neg / total, 3);
        var neutral = Math.Round(1 - p - n, 3);
        SentimentLabel label;
        // Mixed is judged on the words as said, before "but" re-weights them: "nice but always late" is both.
        var hi = Math.Max(rawPos, rawNeg);
        var lo = Math.Min(rawPos, rawNeg);
        if (lo >= 1f && lo >= 0.45f * hi)
        {
            label = SentimentLabel.Mixed;
        }
        else if (pos - neg >= 0.6f)
        {
            label = SentimentLabel.Positive;
        }
        else if (neg - pos >= 0.6f)
        {
            label = SentimentLabel.Negative;
        }
        else if (lo >= 0.8f)
        {
            label = SentimentLabel.Mixed;
        }
        else
        {
            label = SentimentLabel.Neutral;
        }
        return new SentimentResult(label, p, neutral, n);
    }

    /// <summary>Per-thread working memory for the model.</summary>
    private sealed class ModelScratch
    {
        public List<Feature> Features { get; } = new(256);

        public HashSet<uint> Seen { get; } = new(256);
    }
}

/// <summary>The lexicon's sums for a text: judgements (contrast-weighted and as said) and hard situations.</summary>
internal readonly record struct SentimentMass(float Pos, float Neg, float RawPos, float RawNeg, float Sit)
{
    /// <summary>Clauses (and sides of a contrast word) whose judgement leans positive.</summary>
    public int PositiveParts { get; init; }

    /// <summary>Clauses (and sides of a contrast word) whose judgement leans negative.</summary>
    public int NegativeParts { get; init; }

    /// <summary>Which way the last leaning part leans: 1, -1, or 0 when none leans.</summary>
    public int LastPart { get; init; }

    /// <summary>Weight of bad words said under negation ("no complaints", "not bad", "never judged").</summary>
    public float NegatedBad { get; init; }

    /// <summary>How the text is said (see <see cref="SentimentCues"/>).</summary>
    public Cue Cues { get; init; }
}
