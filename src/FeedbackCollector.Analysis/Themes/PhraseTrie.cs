using System.Runtime.CompilerServices;
using FeedbackCollector.Analysis.Text;

namespace FeedbackCollector.Analysis.Themes;

/// <summary>A phrase found in a text: which phrase (payload) and which tokens.</summary>
internal readonly record struct PhraseHit(int Payload, int StartToken, int EndToken);

/// <summary>
/// A trie of multi-word patterns over vocabulary ids, matched token by token. A token may carry several ids (the
/// word and its stems), so matching branches; a gap element skips up to two tokens. Patterns do not cross sentences.
/// </summary>
/// <remarks>
/// Every token of every text is looked up from the root, so the root's children are an array indexed by vocabulary id
/// (no hashing); deeper edges sit in one open-addressing table whose slots hold the (node, id) key and the child side by
/// side, so a probe reads one cache line (a <see cref="Dictionary{TKey,TValue}"/> reads its bucket, then its entry).
/// </remarks>
internal sealed class PhraseTrie
{
    /// <summary>The element id of a gap.</summary>
    public const int GapKey = -2;

    /// <summary>Most tokens a gap may skip.</summary>
    public const int MaxGap = 2;

    /// <summary>Child of the root by vocabulary id; 0 (the root itself) where there is none.</summary>
    private int[] _rootChildren = [];

    private readonly EdgeTable _edges = new();
    private int[]?[] _terminals = new int[]?[16];
    private bool[] _hasGap = new bool[16];
    private int _nodeCount = 1;

    /// <summary>Number of nodes.</summary>
    public int NodeCount => _nodeCount;

    /// <summary>Adds a pattern (a sequence of vocabulary ids or <see cref="GapKey"/>) with its payload.</summary>
    public void Add(IReadOnlyList<int> keys, int payload)
    {
        var node = 0;
        foreach (var k in keys)
        {
            var child = Child(node, k);
            if (child == 0)
            {
                child = NewNode();
                if (node == 0 && k >= 0)
                {
                    if (k >= _rootChildren.Length)
                    {
                        Array.Resize(ref _rootChildren, Math.Max(k + 1, _rootChildren.Length * 2));
                    }
                    _rootChildren[k] = child;
                }
                else
                {
                    _edges.Add(EdgeKey(node, k), child);
                }
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

    private int NewNode()
    {
        if (_nodeCount == _terminals.Length)
        {
            Array.Resize(ref _terminals, _nodeCount * 2);
            Array.Resize(ref _hasGap, _nodeCount * 2);
        }
        return _nodeCount++;
    }

    private static long EdgeKey(int node, int key) => ((long)node << 32) | (uint)key;

    /// <summary>The child of <paramref name="node"/> along <paramref name="key"/>, or 0 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Child(int node, int key)
    {
        if (node == 0 && key >= 0)
        {
            var root = _rootChildren;
            return (uint)key < (uint)root.Length ? root[key] : 0;
        }
        return _edges.Find(EdgeKey(node, key));
    }

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
            // The root's step taken here, as Walk takes it: most words start no pattern, and then no call is made.
            var keys = tokens[i].Word.Keys;
            for (var k = 0; k < keys.Length; k++)
            {
                var child = Child(0, keys[k]);
                if (child != 0)
                {
                    Step(tokens, child, i, tokens[i].Sentence, i, hits);
                }
            }
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
            var child = Child(node, keys[k]);
            if (child != 0)
            {
                Step(tokens, child, j, sentence, start, hits);
            }
        }
    }

    /// <summary>Token <paramref name="j"/> has led to <paramref name="child"/>: its patterns end here or go on.</summary>
    private void Step(ReadOnlySpan<Token> tokens, int child, int j, int sentence, int start, List<PhraseHit> hits)
    {
        if (_terminals[child] is { } payloads)
        {
            foreach (var p in payloads)
            {
                hits.Add(new PhraseHit(p, start, j + 1));
            }
        }
        Walk(tokens, child, j + 1, sentence, start, hits);
        if (_hasGap[child] && _edges.Find(EdgeKey(child, GapKey)) is var gapNode and not 0)
        {
            // "never * listen": the next word may follow at once or after one or two others.
            for (var skip = 0; skip <= MaxGap; skip++)
            {
                Walk(tokens, gapNode, j + 1 + skip, sentence, start, hits);
            }
        }
    }

    /// <summary>
    /// Open-addressing (linear probing) map from an edge key to a child node, at most half full; a slot's key and value
    /// sit together. Value 0 marks an empty slot (node 0 is the root, never a child).
    /// </summary>
    internal sealed class EdgeTable
    {
        private Slot[] _slots = new Slot[16];
        private int _count;
        private int _shift = 64 - 4;

        /// <summary>Number of edges.</summary>
        public int Count => _count;

        /// <summary>The value stored for <paramref name="key"/>, or 0.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Find(long key)
        {
            var slots = _slots;
            var mask = slots.Length - 1;
            var at = Home(key, _shift);
            while (true)
            {
                ref readonly var s = ref slots[at];
                if (s.Value == 0)
                {
                    return 0;
                }
                if (s.Key == key)
                {
                    return s.Value;
                }
                at = (at + 1) & mask;
            }
        }

        /// <summary>Stores <paramref name="value"/> (not 0) for <paramref name="key"/>, replacing any value it had.</summary>
        public void Add(long key, int value)
        {
            ArgumentOutOfRangeException.ThrowIfZero(value);
            if ((_count + 1) * 2 > _slots.Length)
            {
                var old = _slots;
                _slots = new Slot[old.Length * 2];
                _shift--;
                _count = 0;
                foreach (var s in old)
                {
                    if (s.Value != 0)
                    {
                        Put(s.Key, s.Value);
                    }
                }
            }
            Put(key, value);
        }

        private void Put(long key, int value)
        {
            var mask = _slots.Length - 1;
            var at = Home(key, _shift);
            while (_slots[at].Value != 0 && _slots[at].Key != key)
            {
                at = (at + 1) & mask;
            }
            if (_slots[at].Value == 0)
            {
                _count++;
            }
            _slots[at] = new Slot(key, value);
        }

        // Fibonacci hashing: the multiply spreads node and id bits over the top bits the shift keeps.
        private static int Home(long key, int shift) => (int)(unchecked((ulong)key * 0x9E3779B97F4A7C15UL) >> shift);

        private readonly record struct Slot(long Key, int Value);
    }
}
