using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FeedbackCollector.Analysis.Text;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Themes;

/// <summary>
/// Finds the taxonomy's themes in a tokenised text: every phrase match (with its context rules) adds evidence, a
/// theme's confidence combines its distinct phrases as 1 - (1-w1)(1-w2)..., and a theme is assigned at its threshold.
/// </summary>
internal sealed class ThemeMatcher
{
    private const int MaxEvidence = 5;

    /// <summary>Most words the model adds as evidence.</summary>
    private const int ModelEvidence = 3;

    /// <summary>A word counts as evidence when it adds at least this much to the theme's log-odds.</summary>
    private const float MinEvidenceWeight = 0.25f;

    [ThreadStatic]
    private static ModelScratch? _scratch;

    private readonly LinearModel? _model;
    private readonly int[] _modelClass;

    private readonly TaxonomyTheme[] _themes;
    private readonly CompiledPhrase[] _phrases;

    /// <summary>The theme of each phrase, by payload: read for every pair of hits, so kept apart from the records.</summary>
    private readonly int[] _phraseTheme;

    /// <summary>The hash of each theme's rule feature (<c>r|id</c>), computed once instead of per text.</summary>
    private readonly uint[] _ruleHashes;

    /// <summary>
    /// Per theme, a logit below which the model's probability is surely under the theme's threshold (the exact
    /// bound less a wide margin), so that most themes are passed over without computing a sigmoid; negative infinity
    /// when there is no such bound.
    /// </summary>
    private readonly float[] _logitCutoff;

    /// <summary>
    /// Per model row, the classes for which the row's weight reaches <see cref="MinEvidenceWeight"/> (null for a model
    /// of more than 16 classes): a word feature weighs its weight (its value is 1), so most can be passed over as
    /// evidence once per text instead of once per theme found.
    /// </summary>
    private readonly ushort[]? _evidenceClasses;

    private readonly PhraseTrie _trie = new();

    /// <summary>
    /// Compiles <paramref name="taxonomy"/>, registering its words in <paramref name="vocabulary"/>, with the shipped
    /// theme model.
    /// </summary>
    public ThemeMatcher(Taxonomy taxonomy, Vocabulary vocabulary)
        : this(taxonomy, vocabulary, AnalyzerModels.Default?.Themes)
    {
    }

    /// <summary>Compiles <paramref name="taxonomy"/> with <paramref name="model"/> (null: phrases alone decide).</summary>
    internal ThemeMatcher(Taxonomy taxonomy, Vocabulary vocabulary, LinearModel? model)
    {
        _themes = [.. taxonomy.Themes];
        _model = model;
        _modelClass = new int[_themes.Length];
        for (var t = 0; t < _themes.Length; t++)
        {
            _modelClass[t] = model?.IndexOf(_themes[t].Id) ?? -1;
        }
        var phrases = new List<CompiledPhrase>();
        for (var t = 0; t < _themes.Length; t++)
        {
            foreach (var p in _themes[t].Phrases)
            {
                var keys = Compile(p.Text, vocabulary);
                if (keys.Count == 0)
                {
                    continue;
                }
                var compiled = new CompiledPhrase(
                    t,
                    p.Text,
                    p.Weight,
                    p.Requires.Count == 0 ? null : [.. p.Requires.SelectMany(r => Compile(r, vocabulary))],
                    p.Unless.Count == 0 ? null : [.. p.Unless.SelectMany(r => Compile(r, vocabulary))],
                    p.Audiences.Count == 0 ? null : [.. p.Audiences],
                    keys.Count(k => k != PhraseTrie.GapKey));
                _trie.Add(keys, phrases.Count);
                phrases.Add(compiled);
            }
        }
        _phrases = [.. phrases];
        _phraseTheme = [.. phrases.Select(p => p.Theme)];
        _ruleHashes = [.. _themes.Select(t => TextFeatures.Hash('r', t.Id))];
        _logitCutoff = [.. _themes.Select(t => LogitCutoff(t.Threshold - 1e-9))];
        _evidenceClasses = model?.ClassesAtLeast(MinEvidenceWeight);
    }

    /// <summary>
    /// A float logit x with x &lt; the result has Sigmoid(x) &lt; <paramref name="floor"/>: the logit of the floor
    /// less 1e-3, far more than the rounding of either side; negative infinity (never true) outside (0, 1).
    /// </summary>
    private static float LogitCutoff(double floor) =>
        floor is > 0 and < 1 ? (float)(Math.Log(floor / (1 - floor)) - 1e-3) : float.NegativeInfinity;

    /// <summary>Number of compiled phrases.</summary>
    public int PhraseCount => _phrases.Length;

    /// <summary>Compiles a pattern into vocabulary ids (gaps as <see cref="PhraseTrie.GapKey"/>).</summary>
    internal static List<int> Compile(string pattern, Vocabulary vocabulary)
    {
        var keys = new List<int>();
        foreach (var e in vocabulary.ParsePattern(pattern))
        {
            keys.Add(e.Kind == PatternElementKind.Gap ? PhraseTrie.GapKey : vocabulary.Register(e));
        }
        while (keys.Count > 0 && keys[^1] == PhraseTrie.GapKey)
        {
            keys.RemoveAt(keys.Count - 1);
        }
        return keys;
    }

    /// <summary>Finds the phrase hits that count for this text and audience (context rules applied).</summary>
    public void FindHits(ReadOnlySpan<Token> tokens, Audience audience, List<PhraseHit> hits)
    {
        hits.Clear();
        _trie.MatchAll(tokens, hits);
        var kept = 0;
        for (var h = 0; h < hits.Count; h++)
        {
            var hit = hits[h];
            var p = _phrases[hit.Payload];
            if (p.Audiences is { } only && audience != Audience.Unknown && Array.IndexOf(only, audience) < 0)
            {
                continue;
            }
            var sentence = tokens[hit.StartToken].Sentence;
            if (p.Requires is { } req && !SentenceHas(tokens, sentence, req))
            {
                continue;
            }
            if (p.Unless is { } unless && SentenceHas(tokens, sentence, unless))
            {
                continue;
            }
            hits[kept++] = hit;
        }
        hits.RemoveRange(kept, hits.Count - kept);
    }

    /// <summary>The theme index of a hit.</summary>
    public int ThemeOf(in PhraseHit hit) => _phrases[hit.Payload].Theme;

    /// <summary>The number of words (gaps excluded) in a hit's phrase.</summary>
    public int WordsOf(in PhraseHit hit) => _phrases[hit.Payload].Words;

    /// <summary>
    /// Scores the themes of a text from its hits (see <see cref="FindHits"/>). With a trained model, a theme the model
    /// knows is decided by the model (its words plus every theme's rule confidence) and its confidence is the model's
    /// probability; a theme the model does not know (one an officer added) is decided by its phrases alone. Either
    /// way a theme needs evidence: the phrases that matched, then the words that pushed the model most.
    /// </summary>
    public List<ThemeMatch> Score(string text, ReadOnlySpan<Token> tokens, List<PhraseHit> hits) => Score(text, tokens, hits, null);

    /// <summary>
    /// As <see cref="Score(string, ReadOnlySpan{Token}, List{PhraseHit})"/>, taking the word features from
    /// <paramref name="words"/> (built there once per text and shared with the sentiment model) when given.
    /// </summary>
    public List<ThemeMatch> Score(string text, ReadOnlySpan<Token> tokens, List<PhraseHit> hits, WordFeatures? words)
    {
        var result = new List<ThemeMatch>();
        Span<double> confidence = stackalloc double[_themes.Length];
        // Which hits count (not inside a longer hit of their theme, not a repeat), decided once for the confidences
        // and every theme's evidence.
        Span<bool> counted = hits.Count <= 256 ? stackalloc bool[hits.Count] : new bool[hits.Count];
        MarkCounted(hits, counted);
        RuleConfidences(hits, counted, confidence);
        if (_model is null)
        {
            if (hits.Count == 0)
            {
                return result;
            }
            for (var t = 0; t < _themes.Length; t++)
            {
                if (confidence[t] > 0 && confidence[t] >= _themes[t].Threshold - 1e-9)
                {
                    result.Add(new ThemeMatch(_themes[t].Id, _themes[t].Label, Math.Round(confidence[t], 3), RuleEvidence(text, tokens, hits, counted, t, [])));
                }
            }
        }
        else
        {
            var scratch = _scratch ??= new ModelScratch();
            if (words is null)
            {
                BuildFeatures(tokens, confidence, scratch.Features, scratch.Seen);
            }
            else
            {
                scratch.Features.Clear();
                scratch.Features.AddRange(words.Of(tokens));
                AddRuleFeatures(confidence, scratch.Features);
            }
            Span<float> logits = stackalloc float[_model.ClassCount];
            var rows = scratch.Rows(scratch.Features.Count);
            _model.Score(scratch.Features, logits, rows);
            var candidates = -1;
            for (var t = 0; t < _themes.Length; t++)
            {
                var m = _modelClass[t];
                if (m >= 0 && logits[m] < _logitCutoff[t])
                {
                    continue;
                }
                var p = m < 0 ? confidence[t] : Sigmoid(logits[m]);
                if (p <= 0 || p < _themes[t].Threshold - 1e-9)
                {
                    continue;
                }
                var evidence = RuleEvidence(text, tokens, hits, counted, t, []);
                if (m >= 0)
                {
                    if (candidates < 0)
                    {
                        candidates = CollectCandidates(scratch, rows);
                    }
                    AddModelEvidence(text, tokens, scratch.Features, rows, scratch.Candidates(candidates), m, evidence);
                }
                if (evidence.Count > 0)
                {
                    result.Add(new ThemeMatch(_themes[t].Id, _themes[t].Label, Math.Round(p, 3), evidence));
                }
            }
        }
        // Most confident first; ties keep taxonomy order. (One match needs no sort, nor the comparison's closure.)
        if (result.Count > 1)
        {
            result.Sort((a, b) =>
            {
                var c = b.Confidence.CompareTo(a.Confidence);
                return c != 0 ? c : IndexOf(a.ThemeId).CompareTo(IndexOf(b.ThemeId));
            });
        }
        return result;
    }

    /// <summary>Each theme's confidence from its phrases alone: 1 - (1-w1)(1-w2)... over its distinct phrases.</summary>
    internal void RuleConfidences(List<PhraseHit> hits, Span<double> confidence)
    {
        Span<bool> counted = hits.Count <= 256 ? stackalloc bool[hits.Count] : new bool[hits.Count];
        MarkCounted(hits, counted);
        RuleConfidences(hits, counted, confidence);
    }

    /// <summary>As <see cref="RuleConfidences(List{PhraseHit}, Span{double})"/>, with the hits that count already marked.</summary>
    private void RuleConfidences(List<PhraseHit> hits, ReadOnlySpan<bool> counted, Span<double> confidence)
    {
        confidence.Fill(1.0);
        for (var h = 0; h < hits.Count; h++)
        {
            if (!counted[h])
            {
                continue;
            }
            var p = _phrases[hits[h].Payload];
            confidence[p.Theme] *= 1 - p.Weight;
        }
        for (var t = 0; t < confidence.Length; t++)
        {
            confidence[t] = 1 - confidence[t];
        }
    }

    /// <summary>
    /// The features the theme model reads: the words of the text and, for each theme, its rule confidence. The same
    /// code serves training and scoring, so the two cannot drift apart.
    /// </summary>
    internal void BuildFeatures(ReadOnlySpan<Token> tokens, ReadOnlySpan<double> confidence, List<Feature> features, HashSet<uint> seen)
    {
        features.Clear();
        seen.Clear();
        TextFeatures.AddWords(tokens, features, seen);
        AddRuleFeatures(confidence, features);
    }

    /// <summary>The whole-text features after the words: each theme's rule confidence.</summary>
    private void AddRuleFeatures(ReadOnlySpan<double> confidence, List<Feature> features)
    {
        for (var t = 0; t < _themes.Length; t++)
        {
            var value = (float)confidence[t];
            if (value != 0)
            {
                features.Add(new Feature(_ruleHashes[t], value, -1, -1));
            }
        }
    }

    /// <summary>The text of the theme's phrase hits as written (at most <see cref="MaxEvidence"/>).</summary>
    private List<string> RuleEvidence(string text, ReadOnlySpan<Token> tokens, List<PhraseHit> hits, ReadOnlySpan<bool> counted, int theme, List<string> evidence)
    {
        for (var g = 0; g < hits.Count; g++)
        {
            var hit = hits[g];
            if (!counted[g] || _phraseTheme[hit.Payload] != theme)
            {
                continue;
            }
            var start = tokens[hit.StartToken].Start;
            var end = tokens[hit.EndToken - 1].End;
            var words = text.Substring(start, end - start);
            if (evidence.Count < MaxEvidence && !evidence.Contains(words, StringComparer.OrdinalIgnoreCase))
            {
                evidence.Add(words);
            }
        }
        return evidence;
    }

    /// <summary>Adds the words that raised the model's score for class <paramref name="cls"/> most (up to three).</summary>
    /// <remarks>
    /// Reads the <paramref name="candidates"/> (see <see cref="CollectCandidates"/>), in feature order, so the order of
    /// ties is that of the features.
    /// </remarks>
    private void AddModelEvidence(string text, ReadOnlySpan<Token> tokens, List<Feature> features, Span<int> rows, ReadOnlySpan<Candidate> candidates, int cls, List<string> evidence)
    {
        Span<int> best = stackalloc int[ModelEvidence];
        Span<float> bestValue = stackalloc float[ModelEvidence];
        var count = 0;
        var list = CollectionsMarshal.AsSpan(features);
        var weights = _model!.ClassWeights(cls, out var stride);
        foreach (var candidate in candidates)
        {
            if ((candidate.Classes & (1 << cls)) == 0)
            {
                continue;
            }
            var f = candidate.Feature;
            var row = rows[f];
            // The weight first: most features weigh too little to be evidence, and then their words need no reading;
            // nor do they when the list is full of better ones (the same test as below).
            var c = weights[row * stride] * list[f].Value;
            if (c < MinEvidenceWeight || (count == ModelEvidence && bestValue[ModelEvidence - 1] >= c) || !Telling(tokens, list[f]))
            {
                continue;
            }
            // Insert into the small sorted list of the best contributions.
            var at = count < ModelEvidence ? count++ : ModelEvidence - 1;
            if (at == ModelEvidence - 1 && count == ModelEvidence && bestValue[at] >= c)
            {
                continue;
            }
            while (at > 0 && bestValue[at - 1] < c)
            {
                best[at] = best[at - 1];
                bestValue[at] = bestValue[at - 1];
                at--;
            }
            best[at] = f;
            bestValue[at] = c;
        }
        for (var i = 0; i < count && evidence.Count < MaxEvidence; i++)
        {
            var feature = features[best[i]];
            var start = tokens[feature.StartToken].Start;
            var end = tokens[feature.EndToken - 1].End;
            var words = text.Substring(start, end - start);
            var covered = false;
            foreach (var e in evidence)
            {
                if (e.Contains(words, StringComparison.OrdinalIgnoreCase) || words.Contains(e, StringComparison.OrdinalIgnoreCase))
                {
                    covered = true;
                    break;
                }
            }
            if (!covered)
            {
                evidence.Add(words);
            }
        }
    }

    /// <summary>
    /// The features that may be evidence for some class, in feature order, into the scratch; returns how many. A
    /// feature the model knows, made of words, and (when its value is 1) weighing at least the minimum for a class:
    /// the classes it may be evidence for are its bits (all of them when that cannot be told in advance).
    /// </summary>
    private int CollectCandidates(ModelScratch scratch, ReadOnlySpan<int> rows)
    {
        var list = CollectionsMarshal.AsSpan(scratch.Features);
        var n = Math.Min(list.Length, rows.Length);
        var into = scratch.CandidateSpace(n);
        var masks = _evidenceClasses;
        var count = 0;
        for (var f = 0; f < n; f++)
        {
            var row = rows[f];
            if (row < 0 || list[f].StartToken < 0)
            {
                continue;
            }
            var classes = masks is not null && list[f].Value == 1f ? masks[row] : -1;
            if (classes != 0)
            {
                into[count++] = new Candidate(f, classes);
            }
        }
        return count;
    }

    /// <summary>
    /// False for a feature made only of stop words or placeholders ("and we", "[name]"): it may carry weight, but it
    /// tells an officer nothing about why the theme was found.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Telling(ReadOnlySpan<Token> tokens, in Feature feature)
    {
        for (var i = feature.StartToken; i < feature.EndToken; i++)
        {
            if (!tokens[i].Word.Is(WordFlags.Stop | WordFlags.Placeholder))
            {
                return true;
            }
        }
        return false;
    }

    private static double Sigmoid(float x) => 1.0 / (1.0 + Math.Exp(-x));

    private int IndexOf(string id)
    {
        for (var i = 0; i < _themes.Length; i++)
        {
            if (_themes[i].Id == id)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Marks the hits that count for their theme: not inside a longer hit of the same theme, not the same phrase again.
    /// </summary>
    private void MarkCounted(List<PhraseHit> hits, Span<bool> counted)
    {
        var list = CollectionsMarshal.AsSpan(hits);
        for (var h = 0; h < list.Length; h++)
        {
            counted[h] = !IsInsideAnother(list, h, _phraseTheme[list[h].Payload]) && !SeenBefore(list, h);
        }
    }

    /// <summary>A hit lying inside a longer hit of the same theme adds nothing ("waiting" inside "waiting list").</summary>
    private bool IsInsideAnother(ReadOnlySpan<PhraseHit> hits, int index, int theme)
    {
        var a = hits[index];
        for (var i = 0; i < hits.Length; i++)
        {
            if (i == index)
            {
                continue;
            }
            var b = hits[i];
            if (_phraseTheme[b.Payload] == theme && b.StartToken <= a.StartToken && b.EndToken >= a.EndToken
                && (b.EndToken - b.StartToken > a.EndToken - a.StartToken || (b.EndToken - b.StartToken == a.EndToken - a.StartToken && i < index && b.Payload != a.Payload)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The same phrase matched again counts once.</summary>
    private static bool SeenBefore(ReadOnlySpan<PhraseHit> hits, int index)
    {
        var payload = hits[index].Payload;
        for (var i = 0; i < index; i++)
        {
            if (hits[i].Payload == payload)
            {
                return true;
            }
        }
        return false;
    }

    private static bool SentenceHas(ReadOnlySpan<Token> tokens, int sentence, int[] keys)
    {
        foreach (ref readonly var t in tokens)
        {
            if (t.Sentence != sentence)
            {
                continue;
            }
            foreach (var k in t.Word.Keys)
            {
                if (Array.IndexOf(keys, k) >= 0)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The theme ids, in taxonomy order.</summary>
    internal IEnumerable<string> ThemeIds => _themes.Select(t => t.Id);

    /// <summary>Per-thread working memory for the model.</summary>
    private sealed class ModelScratch
    {
        private int[] _rows = new int[256];

        public List<Feature> Features { get; } = new(256);

        public HashSet<uint> Seen { get; } = new(256);

        private Candidate[] _candidates = new Candidate[256];

        /// <summary>Room for <paramref name="count"/> candidates.</summary>
        public Span<Candidate> CandidateSpace(int count)
        {
            if (_candidates.Length < count)
            {
                _candidates = new Candidate[count * 2];
            }
            return _candidates;
        }

        public ReadOnlySpan<Candidate> Candidates(int count) => _candidates.AsSpan(0, count);

        public Span<int> Rows(int count)
        {
            if (_rows.Length < count)
            {
                _rows = new int[count * 2];
            }
            return _rows.AsSpan(0, count);
        }
    }

    /// <summary>A feature that may be evidence, and the classes it may be evidence for (bit k: class k).</summary>
    private readonly record struct Candidate(int Feature, int Classes);

    private sealed record CompiledPhrase(int Theme, string Text, double Weight, int[]? Requires, int[]? Unless, Audience[]? Audiences, int Words);
}
