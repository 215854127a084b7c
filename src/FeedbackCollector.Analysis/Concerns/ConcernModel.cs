using System.Buffers.Binary;
using System.Text;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Concerns;

/// <summary>What the concern model found in a text it flags: the category its head chose and the words that weighed most.</summary>
/// <param name="Probability">The model's probability that the text is a disclosure.</param>
/// <param name="Category">The category head's choice.</param>
/// <param name="EvidenceStart">Start of the evidence in the normalised text.</param>
/// <param name="EvidenceEnd">End of the evidence in the normalised text.</param>
internal readonly record struct ConcernModelHit(float Probability, ConcernCategory Category, int EvidenceStart, int EvidenceEnd);

/// <summary>
/// The trained recall backstop beside the concern rules: a logistic regression over <see cref="ConcernFeatures"/>
/// (hashed words, word starts, word pairs, lexicon classes, audience) that says whether a text is a disclosure, and a
/// softmax head over the five categories trained on disclosures only. A text's score is the larger of the whole
/// text's and its best sentence's (so one disclosure sentence buried in a long complaint is not drowned), when the
/// model was trained that way. Plain arithmetic over a dense table: one array read per feature, nothing allocated.
/// Shipped embedded as <c>Concerns/concern-model.bin</c>; rebuilt by <c>tools/FeedbackCollector.ModelTraining --concerns</c>.
/// </summary>
internal sealed class ConcernModel
{
    /// <summary>Categories in the order of the category head's columns.</summary>
    public static readonly ConcernCategory[] Categories =
        [ConcernCategory.SelfHarm, ConcernCategory.AbuseNeglect, ConcernCategory.Exploitation, ConcernCategory.DomesticAbuse, ConcernCategory.ImmediateDanger];

    private const string Magic = "FCCM";
    private const string ResourceName = "FeedbackCollector.Analysis.Concerns.concern-model.bin";
    private const int EvidenceWords = 8;

    private static readonly Lazy<ConcernModel?> Embedded = new(LoadEmbedded);

    [ThreadStatic]
    private static float[]? contributions;

    private readonly float[] _flag;
    private readonly float[] _categories;
    private readonly float _flagBias;
    private readonly float[] _categoryBias;
    private readonly float _logitThreshold;

    /// <summary>Creates a model from dense tables (<paramref name="flag"/>: one weight a bucket; <paramref name="categories"/>: five a bucket).</summary>
    public ConcernModel(float[] flag, float flagBias, float[] categories, float[] categoryBias, float threshold, bool bestSentence)
    {
        if (flag.Length != ConcernFeatures.Buckets || categories.Length != ConcernFeatures.Buckets * Categories.Length || categoryBias.Length != Categories.Length)
        {
            throw new ArgumentException("The weights do not fit the feature table.");
        }

        if (threshold is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold is a probability strictly between 0 and 1.");
        }

        _flag = flag;
        _flagBias = flagBias;
        _categories = categories;
        _categoryBias = categoryBias;
        Threshold = threshold;
        BestSentence = bestSentence;
        _logitThreshold = MathF.Log(threshold / (1 - threshold));
    }

    /// <summary>The shipped model, or null when the assembly carries none.</summary>
    public static ConcernModel? Default => Embedded.Value;

    /// <summary>Probability at or above which a text is flagged (chosen by cross-validation for recall).</summary>
    public float Threshold { get; }

    /// <summary>Whether a text scores as the better of the whole text and its best sentence (else the whole text).</summary>
    public bool BestSentence { get; }

    /// <summary>The disclosure logit of a text whose tokens the rules have built. Allocates nothing.</summary>
    public float Logit(ReadOnlySpan<char> text, ConcernTokens tokens, Audience audience)
    {
        var scorer = new FlagScorer(_flag, tokens.Sentence);
        ConcernFeatures.Extract(text, tokens, audience, ref scorer);
        var whole = _flagBias + scorer.Global + scorer.Whole;
        return BestSentence ? MathF.Max(whole, _flagBias + scorer.Global + scorer.BestSentence) : whole;
    }

    /// <summary>The disclosure probability of a text.</summary>
    public float Probability(ReadOnlySpan<char> text, ConcernTokens tokens, Audience audience) => Sigmoid(Logit(text, tokens, audience));

    /// <summary>
    /// Flags the text when the model's probability reaches <see cref="Threshold"/>: then the category head's choice
    /// and the span of at most eight words of one sentence whose weights add up most.
    /// </summary>
    public bool TryFlag(ReadOnlySpan<char> text, ConcernTokens tokens, Audience audience, out ConcernModelHit hit)
    {
        var logit = Logit(text, tokens, audience);
        if (logit < _logitThreshold || tokens.Count == 0)
        {
            hit = default;
            return false;
        }

        var buffer = contributions;
        if (buffer is null || buffer.Length < tokens.Count)
        {
            contributions = buffer = new float[Math.Max(64, tokens.Count * 2)];
        }

        var detail = new DetailScorer(_flag, _categories, buffer);
        buffer.AsSpan(0, tokens.Count).Clear();
        ConcernFeatures.Extract(text, tokens, audience, ref detail);
        var (first, last) = BestWindow(buffer.AsSpan(0, tokens.Count), tokens);
        hit = new ConcernModelHit(Sigmoid(logit), Categories[detail.Best(_categoryBias)], tokens.Start[first], tokens.End[last]);
        return true;
    }

    /// <summary>The category head's probabilities for a text (for training reports and tests).</summary>
    public float[] CategoryProbabilities(ReadOnlySpan<char> text, ConcernTokens tokens, Audience audience)
    {
        var detail = new DetailScorer(_flag, _categories, new float[Math.Max(1, tokens.Count)]);
        ConcernFeatures.Extract(text, tokens, audience, ref detail);
        return detail.Softmax(_categoryBias);
    }

    /// <summary>The words [first, last] of one sentence, at most eight, whose contributions add up most.</summary>
    private static (int First, int Last) BestWindow(ReadOnlySpan<float> weight, ConcernTokens tokens)
    {
        var best = float.NegativeInfinity;
        var (bestFirst, bestLast) = (0, 0);
        for (var i = 0; i < weight.Length; i++)
        {
            if (weight[i] <= 0)
            {
                continue;
            }

            var sum = 0f;
            for (var j = i; j < weight.Length && j < i + EvidenceWords && tokens.Sentence[j] == tokens.Sentence[i]; j++)
            {
                sum += weight[j];
                if (weight[j] > 0 && sum > best)
                {
                    (best, bestFirst, bestLast) = (sum, i, j);
                }
            }
        }

        return (bestFirst, bestLast);
    }

    private static float Sigmoid(float x) => 1 / (1 + MathF.Exp(-x));

    /// <summary>Serialises the model: magic, feature version, table bits, threshold, mode, biases, then the non-zero buckets.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var c = Categories.Length;
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(ConcernFeatures.Version);
            writer.Write(ConcernFeatures.Bits);
            writer.Write(Threshold);
            writer.Write(BestSentence);
            writer.Write(_flagBias);
            foreach (var b in _categoryBias)
            {
                writer.Write(b);
            }

            var rows = new List<int>();
            for (var r = 0; r < ConcernFeatures.Buckets; r++)
            {
                var any = _flag[r] != 0;
                for (var k = 0; k < c && !any; k++)
                {
                    any = _categories[(r * c) + k] != 0;
                }

                if (any)
                {
                    rows.Add(r);
                }
            }

            writer.Write(rows.Count);
            foreach (var r in rows)
            {
                writer.Write(r);
                writer.Write(_flag[r]);
                for (var k = 0; k < c; k++)
                {
                    writer.Write(_categories[(r * c) + k]);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads a model written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">Not a concern model, or one made for other features.</exception>
    public static ConcernModel Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic)
        {
            throw new InvalidDataException("Not a concern model file.");
        }

        var version = reader.ReadInt32();
        var bits = reader.ReadInt32();
        if (version != ConcernFeatures.Version || bits != ConcernFeatures.Bits)
        {
            throw new InvalidDataException($"The concern model was trained for feature version {version} with {bits} bits; this analyzer reads version {ConcernFeatures.Version} with {ConcernFeatures.Bits}.");
        }

        var threshold = reader.ReadSingle();
        var bestSentence = reader.ReadBoolean();
        var c = Categories.Length;
        var flagBias = reader.ReadSingle();
        var categoryBias = new float[c];
        for (var k = 0; k < c; k++)
        {
            categoryBias[k] = reader.ReadSingle();
        }

        var count = reader.ReadInt32();
        if (count < 0 || count > ConcernFeatures.Buckets)
        {
            throw new InvalidDataException($"A concern model with {count} rows is not valid.");
        }

        var flag = new float[ConcernFeatures.Buckets];
        var categories = new float[ConcernFeatures.Buckets * c];

        // The rows in one read, then decoded from the bytes (little-endian, as BinaryReader reads them): value by value
        // through the reader they were ~13 % of the command line's start-up.
        var rowBytes = 4 * (2 + c);
        var rows = reader.ReadBytes(count * rowBytes).AsSpan();
        for (var i = 0; i < count; i++)
        {
            if (rows.Length < (i + 1) * rowBytes)
            {
                throw new EndOfStreamException("The concern model ends inside its rows.");
            }

            var row = rows.Slice(i * rowBytes, rowBytes);
            var r = BinaryPrimitives.ReadInt32LittleEndian(row);
            if (r < 0 || r >= ConcernFeatures.Buckets)
            {
                throw new InvalidDataException($"Bucket {r} is outside the table.");
            }

            flag[r] = BinaryPrimitives.ReadSingleLittleEndian(row[4..]);
            for (var k = 0; k < c; k++)
            {
                categories[(r * c) + k] = BinaryPrimitives.ReadSingleLittleEndian(row[(8 + (4 * k))..]);
            }
        }

        return new ConcernModel(flag, flagBias, categories, categoryBias, threshold, bestSentence);
    }

    private static ConcernModel? LoadEmbedded()
    {
        using var stream = typeof(ConcernModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Read(stream);
    }

    /// <summary>The hot path: sums the disclosure weights of the whole text and of each sentence.</summary>
    private struct FlagScorer(float[] weights, int[] sentenceOf) : IConcernFeatureSink
    {
        private int _sentence = -1;
        private float _sentenceSum;
        private float _best = float.NegativeInfinity;

        public float Global;
        public float Whole;

        public readonly float BestSentence => MathF.Max(_best, _sentence < 0 ? 0 : _sentenceSum);

        public void Add(int bucket, int first, int last)
        {
            var w = weights[bucket];
            if (first < 0)
            {
                Global += w;
                return;
            }

            Whole += w;
            var s = sentenceOf[first];
            if (s != _sentence)
            {
                if (_sentence >= 0)
                {
                    _best = MathF.Max(_best, _sentenceSum);
                }

                _sentence = s;
                _sentenceSum = 0;
            }

            _sentenceSum += w;
        }
    }

    /// <summary>The cold path, for a flagged text: category sums and each word's share of the disclosure weight.</summary>
    private struct DetailScorer(float[] flag, float[] categories, float[] perWord) : IConcernFeatureSink
    {
        private float _c0, _c1, _c2, _c3, _c4;

        public void Add(int bucket, int first, int last)
        {
            var row = bucket * 5;
            _c0 += categories[row];
            _c1 += categories[row + 1];
            _c2 += categories[row + 2];
            _c3 += categories[row + 3];
            _c4 += categories[row + 4];
            if (first < 0)
            {
                return;
            }

            var share = flag[bucket] / (last - first + 1);
            for (var k = first; k <= last; k++)
            {
                perWord[k] += share;
            }
        }

        public readonly int Best(float[] bias)
        {
            Span<float> z = [_c0 + bias[0], _c1 + bias[1], _c2 + bias[2], _c3 + bias[3], _c4 + bias[4]];
            var best = 0;
            for (var k = 1; k < z.Length; k++)
            {
                if (z[k] > z[best])
                {
                    best = k;
                }
            }

            return best;
        }

        public readonly float[] Softmax(float[] bias)
        {
            float[] z = [_c0 + bias[0], _c1 + bias[1], _c2 + bias[2], _c3 + bias[3], _c4 + bias[4]];
            var max = z.Max();
            var sum = 0f;
            for (var k = 0; k < z.Length; k++)
            {
                z[k] = MathF.Exp(z[k] - max);
                sum += z[k];
            }

            for (var k = 0; k < z.Length; k++)
            {
                z[k] /= sum;
            }

            return z;
        }
    }
}
