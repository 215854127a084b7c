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
    private readonly Dictionary<string, List<string>> _deletes = new(StringComparer.Ordinal);

    /// <summary>Builds the index over <paramref name="targets"/> (words to correct towards).</summary>
    public SpellCorrector(IEnumerable<string> targets)
    {
        foreach (var t in targets)
        {
            if (t.Length < MinLength - 1 || !_exact.TryAdd(t, t))
            {
                continue;
            }
            for (var i = 0; i < t.Length; i++)
            {
                var d = string.Concat(t.AsSpan(0, i), t.AsSpan(i + 1));
                if (!_deletes.TryGetValue(d, out var list))
                {
                    _deletes[d] = list = new List<string>(1);
                }
                if (!list.Contains(t))
                {
                    list.Add(t);
                }
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
        if (_deletes.TryGetValue(word, out var longer))
        {
            foreach (var t in longer)
            {
                Consider(t);
            }
        }
        Span<char> buf = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            word.AsSpan(0, i).CopyTo(buf);
            word.AsSpan(i + 1).CopyTo(buf[i..]);
            var d = new string(buf[..(word.Length - 1)]);
            // A target with one letter fewer.
            if (_exact.TryGetValue(d, out var shorter))
            {
                Consider(shorter);
            }
            // Same length: substitution or swap (checked exactly below).
            if (_deletes.TryGetValue(d, out var same))
            {
                foreach (var t in same)
                {
                    if (t.Length == word.Length)
                    {
                        Consider(t);
                    }
                }
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
