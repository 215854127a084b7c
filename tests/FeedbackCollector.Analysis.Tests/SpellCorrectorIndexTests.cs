using FeedbackCollector.Analysis.Text;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>The spelling corrector's compact deletion index against the plain one it replaced (a list per deletion).</summary>
public class SpellCorrectorIndexTests
{
    [Fact]
    public void Random_targets_and_words_get_the_same_correction_as_the_plain_index()
    {
        var random = new Random(11);
        // A small alphabet makes many words one edit apart, many ties and many shared deletions ("llama", "lama").
        string Word(int min, int max)
        {
            var chars = new char[random.Next(min, max + 1)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('a' + random.Next(4));
            }
            return new string(chars);
        }

        var targets = Enumerable.Range(0, 3_000).Select(_ => Word(3, 8)).ToList();
        var compact = new SpellCorrector(targets);
        var plain = new ReferenceCorrector(targets);
        Assert.Equal(plain.Count, compact.Count);
        var corrected = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var word = Word(4, 9);
            var expected = plain.Correct(word);
            Assert.Equal(expected, compact.Correct(word));
            corrected += expected is null ? 0 : 1;
        }
        Assert.InRange(corrected, 1_000, 19_000);
    }

    [Fact]
    public void The_real_vocabulary_corrects_as_before()
    {
        var targets = new[] { "listening", "placement", "threshold", "caseload", "councelling", "counselling", "social", "worker", "llama", "lama" };
        var compact = new SpellCorrector(targets);
        var plain = new ReferenceCorrector(targets);
        foreach (var w in new[] { "lisening", "placemnet", "threshhold", "caseloda", "counseling", "socail", "wroker", "llamma", "lamas", "zzzzzz" })
        {
            Assert.Equal(plain.Correct(w), compact.Correct(w));
        }
        Assert.Equal("listening", compact.Correct("lisening"));
        Assert.Null(compact.Correct("zzzzzz"));
    }

    /// <summary>The index as it was: a string and a list per deletion.</summary>
    private sealed class ReferenceCorrector
    {
        private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _deletes = new(StringComparer.Ordinal);

        /// <summary>Builds the index over <paramref name="targets"/> (words to correct towards).</summary>
        public ReferenceCorrector(IEnumerable<string> targets)
        {
            foreach (var t in targets)
            {
                if (t.Length < SpellCorrector.MinLength - 1 || !_exact.TryAdd(t, t))
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
            if (word.Length < SpellCorrector.MinLength)
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
                if (!SpellCorrector.IsOneEdit(word, t))
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
    }
}
