using FeedbackCollector.Analysis.Text;
using FeedbackCollector.Analysis.Themes;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The faster structures of the theme and sentiment scoring path against the plain ones they replace: the stamped set
/// of feature hashes against a HashSet, and the one-pass negation of the word features against its definition; and the
/// shipped models, read a block at a time, against the bytes shipped.
/// </summary>
public class ThemeScoringSpeedPathTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_stamped_set_agrees_with_a_hash_set_across_texts_and_growth(int seed)
    {
        var random = new Random(seed);
        var stamped = new FeatureHashSet();
        var reference = new HashSet<uint>();
        for (var text = 0; text < 300; text++)
        {
            stamped.Clear();
            reference.Clear();
            // Mostly small texts, a few long enough to make the table grow; hashes drawn from a small range repeat.
            var count = text % 50 == 7 ? 3000 : random.Next(0, 120);
            for (var i = 0; i < count; i++)
            {
                var hash = random.Next(3) == 0 ? (uint)random.Next(0, 64) << 26 : (uint)random.Next(0, 400);
                Assert.Equal(reference.Add(hash), stamped.Add(hash));
            }
            Assert.Equal(reference.Count, stamped.Count);
            foreach (var hash in reference)
            {
                Assert.True(stamped.Contains(hash));
            }
            Assert.False(stamped.Contains(uint.MaxValue));
        }
    }

    [Fact]
    public void Negated_word_features_follow_the_definition_of_negation()
    {
        string[] texts =
        [
            "they never listen to me they just talk to my mum",
            "not bad actually, she really helped but the school did nothing",
            "nobody ever listens and no one cares, dont even ask",
            "i dont think they really want to help. never again",
            "it isnt fair but they dont care, never, not once",
            "no no no not listening not helping not caring at all",
            "not because they dont but because they never would",
            "never",
            "",
        ];
        var vocabulary = new Vocabulary();
        vocabulary.Freeze();
        var tokenizer = new Tokenizer(vocabulary);
        var buffer = new TokenBuffer();
        var negatedSomewhere = 0;
        foreach (var text in texts)
        {
            tokenizer.Tokenize(text, buffer, scoreLanguages: false);
            var tokens = buffer.Span;
            var features = new List<Feature>();
            TextFeatures.AddWords(tokens, features, []);

            // The n| features expected: each negated token's, the first time its hash comes.
            var expected = new List<(uint Hash, int Token)>();
            var possible = new HashSet<uint>();
            for (var i = 0; i < tokens.Length; i++)
            {
                var hash = TextFeatures.Hash('n', tokens[i].Word.Is(WordFlags.Number) ? "#" : tokens[i].Word.Text);
                possible.Add(hash);
                if (TextFeatures.Negated(tokens, i) && !expected.Exists(e => e.Hash == hash))
                {
                    expected.Add((hash, i));
                    negatedSomewhere++;
                }
            }
            var actual = features.Where(f => possible.Contains(f.Hash)).Select(f => (f.Hash, f.StartToken)).ToList();
            Assert.Equal(expected, actual);
        }
        Assert.True(negatedSomewhere >= 10);
    }

    [Fact]
    public void The_shipped_models_read_in_blocks_write_back_the_very_bytes_shipped()
    {
        using var stream = typeof(AnalyzerModels).Assembly.GetManifestResourceStream("FeedbackCollector.Analysis.Themes.analyzer-model.bin");
        Assert.NotNull(stream);
        using var shipped = new MemoryStream();
        stream.CopyTo(shipped);
        Assert.Equal(shipped.ToArray(), AnalyzerModels.Default!.ToBytes());
    }

    [Theory]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(9)]
    [InlineData(4)]
    public void Each_rows_evidence_classes_are_those_whose_weight_is_not_below_the_minimum(int classCount)
    {
        var random = new Random(classCount);
        const int Rows = 500;
        float[] values = [0.25f, 0.2499999f, 0.2500001f, -1f, 3f, float.NaN, 0f];
        var weights = Enumerable.Range(0, Rows * classCount)
            .Select(_ => random.Next(3) == 0 ? values[random.Next(values.Length)] : (float)(random.NextDouble() - 0.3))
            .ToArray();
        var model = new LinearModel(
            [.. Enumerable.Range(0, classCount).Select(k => "c" + k)],
            [.. Enumerable.Range(1, Rows).Select(r => (uint)r * 2654435761u)],
            weights,
            new float[classCount]);
        var masks = model.ClassesAtLeast(0.25f);
        Assert.NotNull(masks);
        for (var r = 0; r < Rows; r++)
        {
            var expected = 0;
            for (var k = 0; k < classCount; k++)
            {
                if (!(weights[(r * classCount) + k] < 0.25f))
                {
                    expected |= 1 << k;
                }
            }
            Assert.Equal(expected, masks[r]);
        }
        Assert.Null(new LinearModel([.. Enumerable.Range(0, 17).Select(k => "c" + k)], [], [], new float[17]).ClassesAtLeast(0.25f));
    }
}
