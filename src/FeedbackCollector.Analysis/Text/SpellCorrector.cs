using System.Runtime.InteropServices;

namespace FeedbackCollector.Analysis.Text;

/// <summary>
/// Corrects a misspelt word to a domain word one edit away (insertion, deletion, substitution or swap of two
/// neighbouring letters), by symmetric deletion: both the word and the targets are indexed by their one-letter
/// deletions. Only used for words that are in no dictionary, so a real word is never changed.
/// </summary>
internal sealed class SpellCorrector
{
    /// <summary>Shortest word that is corrected: shorter words have too many neighbours.</summary>
    public const int MinLength = 5;

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;

    // The deletion index without a string or a list per deletion (it is built at every start-up): each deletion is
    // (target, position), chained in insertion order under a 64-bit hash of the deleted word, and compared exactly
    // when looked up, so a hash shared by two deletions only costs a comparison.
    private readonly List<string> _targets = [];
    private readonly Dictionary<ulong, (int Head, int Tail)> _chains = new();
    private readonly List<Deletion> _deletions = [];

    /// <summary>Builds the index over <paramref name="targets"/> (words to correct towards).</summary>
    public SpellCorrector(IEnumerable<string> targets)
    {
        _exactLookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var t in targets)
        {
            if (t.Length < MinLength - 1 || !_exact.TryAdd(t, t))
            {
                continue;
            }
            var target = _targets.Count;
            _targets.Add(t);
            for (var i = 0; i < t.Length; i++)
            {
                ref var chain = ref CollectionsMarshal.GetValueRefOrAddDefault(_chains, DeletionHash(t, i), out var exists);
                if (!exists)
                {
                    chain = (_deletions.Count, _deletions.Count);
                    _deletions.Add(new Deletion(target, i, -1));
                    continue;
                }
                // A target makes the same deletion once ("llama" without either l is "lama").
                if (Holds(chain.Head, t.AsSpan(0, i), t.AsSpan(i + 1), target))
                {
                    continue;
                }
                CollectionsMarshal.AsSpan(_deletions)[chain.Tail] = _deletions[chain.Tail] with { Next = _deletions.Count };
                chain.Tail = _deletions.Count;
                _deletions.Add(new Deletion(target, i, -1));
            }
        }
    }

    /// <summary>Number of target words.</summary>
    public int Count => _exact.Count;

    /// <summary>The target one edit from <paramref name="word"/>, or null. Ties go to the target sharing the first letter, then the first found.</summary>
    public string? Correct(string word)
    {
        if (word.Length < MinLength)
        {
            return null;
        }
        string? best = null;
        var bestScore = -1;
        // A target with one letter more: the word is one of its deletions.
        foreach (var t in Deleting(word, [], -1))
        {
            Consider(t);
        }
        Span<char> buf = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            word.AsSpan(0, i).CopyTo(buf);
            word.AsSpan(i + 1).CopyTo(buf[i..]);
            var d = buf[..(word.Length - 1)];
            // A target with one letter fewer.
            if (_exactLookup.TryGetValue(d, out var shorter))
            {
                Consider(shorter);
            }
            // Same length: substitution or swap (checked exactly below).
            foreach (var t in Deleting(d, [], word.Length))
            {
                Consider(t);
            }
        }
        return best;

        void Consider(string t)
        {
            if (!IsOneEdit(word, t))
            {
                return;
            }
            var score = (t[0] == word[0] ? 2 : 0) + (t[^1] == word[^1] ? 1 : 0);
            if (score > bestScore)
            {
                bestScore = score;
                best = t;
            }
        }
    }

    /// <summary>
    /// The targets (of length <paramref name="length"/>, or any when negative) that become <paramref name="left"/> +
    /// <paramref name="right"/> with one letter deleted, in the order they were indexed.
    /// </summary>
    private List<string> Deleting(ReadOnlySpan<char> left, ReadOnlySpan<char> right, int length)
    {
        var found = new List<string>();
        if (!_chains.TryGetValue(Hash(left, right), out var chain))
        {
            return found;
        }
        for (var e = chain.Head; e >= 0; e = _deletions[e].Next)
        {
            var (target, at, _) = _deletions[e];
            var t = _targets[target];
            if ((length < 0 || t.Length == length) && IsDeletion(t, at, left, right))
            {
                found.Add(t);
            }
        }
        return found;
    }

    /// <summary>True when the chain from <paramref name="head"/> holds <paramref name="target"/>'s deletion equal to left + right.</summary>
    private bool Holds(int head, ReadOnlySpan<char> left, ReadOnlySpan<char> right, int target)
    {
        for (var e = head; e >= 0; e = _deletions[e].Next)
        {
            var d = _deletions[e];
            if (d.Target == target && IsDeletion(_targets[target], d.At, left, right))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="t"/> without its letter at <paramref name="at"/> is left + right.</summary>
    private static bool IsDeletion(string t, int at, ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (t.Length - 1 != left.Length + right.Length)
        {
            return false;
        }
        Span<char> deleted = t.Length <= 128 ? stackalloc char[t.Length - 1] : new char[t.Length - 1];
        t.AsSpan(0, at).CopyTo(deleted);
        t.AsSpan(at + 1).CopyTo(deleted[at..]);
        return deleted[..left.Length].SequenceEqual(left) && deleted[left.Length..].SequenceEqual(right);
    }

    private static ulong DeletionHash(string t, int at) => Hash(t.AsSpan(0, at), t.AsSpan(at + 1));

    /// <summary>64-bit FNV-1a of the characters of left then right.</summary>
    private static ulong Hash(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var hash = 14695981039346656037ul;
        foreach (var c in left)
        {
            hash = unchecked((hash ^ c) * 1099511628211ul);
        }
        foreach (var c in right)
        {
            hash = unchecked((hash ^ c) * 1099511628211ul);
        }
        return hash;
    }

    /// <summary>One deletion: the target, the position of the deleted letter, and the next deletion in its chain (-1: none).</summary>
    private readonly record struct Deletion(int Target, int At, int Next);

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are exactly one edit apart (Damerau, adjacent swap).</summary>
    internal static bool IsOneEdit(string a, string b)
    {
        if (a == b)
        {
            return false;
        }
        var la = a.Length;
        var lb = b.Length;
        if (Math.Abs(la - lb) > 1)
        {
            return false;
        }
        var i = 0;
        while (i < la && i < lb && a[i] == b[i])
        {
            i++;
        }
        if (la == lb)
        {
            // Substitution at i, or swap of i and i+1.
            if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1)))
            {
                return true;
            }
            return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }
        return la > lb ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }
}
