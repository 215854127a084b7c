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

    private readonly TaxonomyTheme[] _themes;
    private readonly CompiledPhrase[] _phrases;
    private readonly PhraseTrie _trie = new();

    /// <summary>Compiles <paramref name="taxonomy"/>, registering its words in <paramref name="vocabulary"/>.</summary>
    public ThemeMatcher(Taxonomy taxonomy, Vocabulary vocabulary)
    {
        _themes = [.. taxonomy.Themes];
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
    }

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

    /// <summary>Scores the themes of a text from its hits (see <see cref="FindHits"/>).</summary>
    public List<ThemeMatch> Score(string text, ReadOnlySpan<Token> tokens, List<PhraseHit> hits)
    {
        var result = new List<ThemeMatch>();
        if (hits.Count == 0)
        {
            return result;
        }
        // Group by theme; most texts touch only a few themes, so a small scan beats a dictionary.
        Span<bool> done = stackalloc bool[_themes.Length];
        for (var h = 0; h < hits.Count; h++)
        {
            var theme = _phrases[hits[h].Payload].Theme;
            if (done[theme])
            {
                continue;
            }
            done[theme] = true;
            var miss = 1.0;
            List<string>? evidence = null;
            for (var g = h; g < hits.Count; g++)
            {
                var hit = hits[g];
                var p = _phrases[hit.Payload];
                if (p.Theme != theme || IsInsideAnother(hits, g, theme) || SeenBefore(hits, g, theme))
                {
                    continue;
                }
                miss *= 1 - p.Weight;
                var start = tokens[hit.StartToken].Start;
                var end = tokens[hit.EndToken - 1].End;
                var words = text.Substring(start, end - start);
                evidence ??= new List<string>(2);
                if (evidence.Count < MaxEvidence && !evidence.Contains(words, StringComparer.OrdinalIgnoreCase))
                {
                    evidence.Add(words);
                }
            }
            var confidence = Math.Round(1 - miss, 3);
            if (evidence is not null && confidence >= _themes[theme].Threshold - 1e-9)
            {
                result.Add(new ThemeMatch(_themes[theme].Id, _themes[theme].Label, confidence, evidence));
            }
        }
        // Most confident first; ties keep taxonomy order.
        result.Sort((a, b) =>
        {
            var c = b.Confidence.CompareTo(a.Confidence);
            return c != 0 ? c : IndexOf(a.ThemeId).CompareTo(IndexOf(b.ThemeId));
        });
        return result;
    }

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

    /// <summary>A hit lying inside a longer hit of the same theme adds nothing ("waiting" inside "waiting list").</summary>
    private bool IsInsideAnother(List<PhraseHit> hits, int index, int theme)
    {
        var a = hits[index];
        for (var i = 0; i < hits.Count; i++)
        {
            if (i == index)
            {
                continue;
            }
            var b = hits[i];
            if (_phrases[b.Payload].Theme == theme && b.StartToken <= a.StartToken && b.EndToken >= a.EndToken
                && (b.EndToken - b.StartToken > a.EndToken - a.StartToken || (b.EndToken - b.StartToken == a.EndToken - a.StartToken && i < index && b.Payload != a.Payload)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The same phrase matched again counts once.</summary>
    private static bool SeenBefore(List<PhraseHit> hits, int index, int theme)
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

    private sealed record CompiledPhrase(int Theme, string Text, double Weight, int[]? Requires, int[]? Unless, Audience[]? Audiences, int Words);
}
