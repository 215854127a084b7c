using FeedbackCollector.Analysis.Text;
using FeedbackCollector.Analysis.Themes;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The lookup structures on the scoring path against plain reference implementations on random data: the linear
/// model's open-addressing feature table and vector scoring, and the phrase trie's root array and edge table.
/// </summary>
public class ScoringStructureTests
{
    [Theory]
    [InlineData(15, 5000, 1)]
    [InlineData(4, 3000, 2)]
    [InlineData(1, 10, 3)]
    [InlineData(7, 700, 4)]
    [InlineData(16, 900, 5)]
    [InlineData(19, 400, 6)]
    [InlineData(3, 0, 7)]
    public void The_model_finds_every_row_and_no_other_and_scores_like_the_plain_sum(int classCount, int rowCount, int seed)
    {
        var random = new Random(seed);
        var features = new HashSet<uint>();
        while (features.Count < rowCount)
        {
            // Keys that collide in their low and high bits as well as random ones, and 0 itself.
            features.Add(features.Count % 5 == 0 ? (uint)features.Count << 20 : (uint)random.NextInt64(0, uint.MaxValue + 1L));
        }
        var keys = features.ToArray();
        var weights = Enumerable.Range(0, rowCount * classCount).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var bias = Enumerable.Range(0, classCount).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var model = new LinearModel([.. Enumerable.Range(0, classCount).Select(k => "c" + k)], keys, weights, bias);
        var reference = new Dictionary<uint, int>();
        for (var r = 0; r < keys.Length; r++)
        {
            reference[keys[r]] = r;
        }

        for (var r = 0; r < keys.Length; r++)
        {
            Assert.Equal(r, model.RowOf(keys[r]));
        }
        for (var i = 0; i < 20_000; i++)
        {
            var probe = (uint)random.NextInt64(0, uint.MaxValue + 1L);
            Assert.Equal(reference.TryGetValue(probe, out var row) ? row : -1, model.RowOf(probe));
        }

        for (var text = 0; text < 200; text++)
        {
            var list = new List<Feature>();
            for (var f = random.Next(0, 60); f > 0; f--)
            {
                var hash = keys.Length > 0 && random.Next(2) == 0 ? keys[random.Next(keys.Length)] : (uint)random.NextInt64(0, uint.MaxValue + 1L);
                list.Add(new Feature(hash, random.Next(3) == 0 ? (float)random.NextDouble() * 2 : 1f, 0, 1));
            }
            var expected = (float[])bias.Clone();
            var expectedRows = new int[list.Count];
            for (var f = 0; f < list.Count; f++)
            {
                expectedRows[f] = reference.TryGetValue(list[f].Hash, out var r) ? r : -1;
                if (expectedRows[f] >= 0)
                {
                    for (var k = 0; k < classCount; k++)
                    {
                        expected[k] += weights[(expectedRows[f] * classCount) + k] * list[f].Value;
                    }
                }
            }
            var logits = new float[classCount];
            var rows = new int[list.Count];
            model.Score(list, logits, rows);
            // Bit for bit: the shipped scores must not move by a rounding.
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), logits.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(expectedRows, rows);

            // Rows are optional (the sentiment model asks for none) and may be shorter than the features.
            var logits2 = new float[classCount];
            model.Score(list, logits2, Span<int>.Empty);
            Assert.Equal(logits, logits2);
        }
    }

    [Fact]
    public void The_model_reads_back_what_it_wrote_and_weights_are_per_row_and_class()
    {
        var model = new LinearModel(["a", "b", "c"], [7u, 0u, 123456789u], [1, 2, 3, 4, 5, 6, 7, 8, 9], [0.5f, -0.5f, 0]);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.Write(writer);
        }
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = LinearModel.Read(reader);
        Assert.Equal(model.Classes, read.Classes);
        Assert.Equal(model.Features, read.Features);
        Assert.Equal(1, read.RowOf(0u));
        Assert.Equal(6f, read.Weight(1, 2));
        Assert.Equal(7f, read.Weight(2, 0));
        var logits = new float[3];
        read.Score([new Feature(0u, 1f, 0, 1), new Feature(99u, 1f, 1, 2), new Feature(123456789u, 0.5f, 2, 3)], logits, new int[3]);
        Assert.Equal([0.5f + 4 + 3.5f, -0.5f + 5 + 4, 0 + 6 + 4.5f], logits);
    }

    [Fact]
    public void The_edge_table_agrees_with_a_dictionary_on_random_keys_misses_included()
    {
        var random = new Random(11);
        var table = new PhraseTrie.EdgeTable();
        var reference = new Dictionary<long, int>();
        for (var i = 0; i < 30_000; i++)
        {
            // Small node numbers and ids, as a trie has, plus a few wide keys and replaced values.
            var key = i % 7 == 0 ? random.NextInt64() : ((long)random.Next(0, 3000) << 32) | (uint)random.Next(-2, 5000);
            var value = random.Next(1, int.MaxValue);
            table.Add(key, value);
            reference[key] = value;
            if (i % 1000 == 0)
            {
                Assert.Equal(reference.Count, table.Count);
            }
        }
        Assert.Equal(reference.Count, table.Count);
        foreach (var (key, value) in reference)
        {
            Assert.Equal(value, table.Find(key));
        }
        for (var i = 0; i < 50_000; i++)
        {
            var key = i % 2 == 0 ? random.NextInt64() : ((long)random.Next(0, 4000) << 32) | (uint)random.Next(-2, 6000);
            Assert.Equal(reference.TryGetValue(key, out var v) ? v : 0, table.Find(key));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Add(5, 0));
    }

    [Fact]
    public void The_trie_finds_what_a_naive_matcher_finds_on_random_patterns_and_texts()
    {
        var random = new Random(5);
        const int Ids = 40;
        var patterns = new List<int[]>();
        var trie = new PhraseTrie();
        for (var p = 0; p < 300; p++)
        {
            var length = random.Next(1, 5);
            var keys = new int[length];
            for (var k = 0; k < length; k++)
            {
                // Gaps only inside a pattern and one at a time, as patterns are written ("never * listen").
                keys[k] = k > 0 && k < length - 1 && keys[k - 1] != PhraseTrie.GapKey && random.Next(6) == 0 ? PhraseTrie.GapKey : random.Next(0, Ids);
            }
            trie.Add(keys, patterns.Count);
            patterns.Add(keys);
        }
        // Words with one to three ids (a word and its stems), a few with none.
        var words = Enumerable.Range(0, 60).Select(w =>
        {
            var word = new NormWord("w" + w);
            word.Keys = w < 5 ? [] : [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(0, Ids + 10)).Distinct()];
            return word;
        }).ToArray();

        for (var text = 0; text < 500; text++)
        {
            var tokens = new Token[random.Next(0, 25)];
            var sentence = 0;
            for (var t = 0; t < tokens.Length; t++)
            {
                sentence += random.Next(8) == 0 ? 1 : 0;
                tokens[t] = new Token { Start = t, Length = 1, Word = words[random.Next(words.Length)], Sentence = sentence };
            }
            var hits = new List<PhraseHit>();
            trie.MatchAll(tokens, hits);
            var expected = new List<PhraseHit>();
            for (var start = 0; start < tokens.Length; start++)
            {
                for (var p = 0; p < patterns.Count; p++)
                {
                    foreach (var end in NaiveEnds(tokens, patterns[p], 0, start, tokens[start].Sentence))
                    {
                        expected.Add(new PhraseHit(p, start, end));
                    }
                }
            }
            Assert.Equal(Sorted(expected), Sorted(hits));
        }
    }

    /// <summary>Where a pattern can end when its element <paramref name="e"/> is matched from token <paramref name="j"/>.</summary>
    private static IEnumerable<int> NaiveEnds(Token[] tokens, int[] pattern, int e, int j, int sentence)
    {
        if (e == pattern.Length)
        {
            yield return j;
            yield break;
        }
        if (pattern[e] == PhraseTrie.GapKey)
        {
            for (var skip = 0; skip <= PhraseTrie.MaxGap; skip++)
            {
                foreach (var end in NaiveEnds(tokens, pattern, e + 1, j + skip, sentence))
                {
                    yield return end;
                }
            }
            yield break;
        }
        if (j >= tokens.Length || tokens[j].Sentence != sentence || Array.IndexOf(tokens[j].Word.Keys, pattern[e]) < 0)
        {
            yield break;
        }
        foreach (var end in NaiveEnds(tokens, pattern, e + 1, j + 1, sentence))
        {
            yield return end;
        }
    }

    // A hit may be found twice (two routes through a gap); the set of hits is what counts downstream.
    private static List<PhraseHit> Sorted(List<PhraseHit> hits) =>
        [.. hits.Distinct().OrderBy(h => h.StartToken).ThenBy(h => h.EndToken).ThenBy(h => h.Payload)];
}
