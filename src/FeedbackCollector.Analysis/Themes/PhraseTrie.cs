using FeedbackCollector.Analysis.Text;

namespace FeedbackCollector.Analysis.Themes;

/// <summary>A phrase found in a text: which phrase (payload) and which tokens.</summary>
internal readonly record struct PhraseHit(int Payload, int StartToken, int EndToken);

/// <summary>
/// A trie of multi-word patterns over vocabulary ids, matched token by token. A token may carry several ids (the
/// word and its stems), so matching branches; a gap element skips up to two tokens. Patterns do not cross sentences.
/// </summary>
internal sealed class PhraseTrie
{
    /// <summary>The element id of a gap.</summary>
    public const int GapKey = -2;

    /// <summary>Most tokens a gap may skip.</summary>
    public const int MaxGap = 2;

    private readonly Dictionary<long, int> _edges = [];
    private readonly List<int[]?> _terminals = [null];
    private readonly List<bool> _hasGap = [false];

    /// <summary>Number of nodes.</summary>
    public int NodeCount => _terminals.Count;

    /// <summary>Adds a pattern (a sequence of vocabulary ids or <see cref="GapKey"/>) with its payload.</summary>
    public void Add(IReadOnlyList<int> keys, int payload)
    {
        var node = 0;
        foreach (var k in keys)
        {
            var edge = EdgeKey(node, k);
            if (!_edges.TryGetValue(edge, out var child))
            {
                child = _terminals.Count;
                _terminals.Add(null);
                _hasGap.Add(false);
                _edges[edge] = child;
                if (k == GapKey)
                {
                    _hasGap[node] = true;
                }
            }
            node = child;
        }
        var existing = _terminals[node];
        if (existing is null)
        {
            _terminals[node] = [payload];
        }
        else if (Array.IndexOf(existing, payload) < 0)
        {
            _terminals[node] = [.. existing, payload];
        }
    }

    private static long EdgeKey(int node, int key) => ((long)node << 32) | (uint)key;

    /// <summary>Adds to <paramref name="hits"/> every pattern that starts at token <paramref name="start"/>.</summary>
    public void MatchAt(ReadOnlySpan<Token> tokens, int start, List<PhraseHit> hits)
    {
        if (tokens[start].Word.Keys.Length == 0)
        {
            return;
        }
        Walk(tokens, 0, start, tokens[start].Sentence, start, hits);
    }

    /// <summary>Every match in the text, in order of start.</summary>
    public void MatchAll(ReadOnlySpan<Token> tokens, List<PhraseHit> hits)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            MatchAt(tokens, i, hits);
        }
    }

    private void Walk(ReadOnlySpan<Token> tokens, int node, int j, int sentence, int start, List<PhraseHit> hits)
    {
        if (j >= tokens.Length || tokens[j].Sentence != sentence)
        {
            return;
        }
        var keys = tokens[j].Word.Keys;
        for (var k = 0; k < keys.Length; k++)
        {
            if (!_edges.TryGetValue(EdgeKey(node, keys[k]), out var child))
            {
                continue;
            }
            if (_terminals[child] is { } payloads)
            {
                foreach (var p in payloads)
                {
                    hits.Add(new PhraseHit(p, start, j + 1));
                }
            }
            Walk(tokens, child, j + 1, sentence, start, hits);
            if (_hasGap[child] && _edges.TryGetValue(EdgeKey(child, GapKey), out var gapNode))
            {
                // "never * listen": the next word may follow at once or after one or two others.
                for (var skip = 0; skip <= MaxGap; skip++)
                {
                    Walk(tokens, gapNode, j + 1 + skip, sentence, start, hits);
                }
            }
        }
    }
}
