using System.Buffers.Binary;
using System.Text;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// The learned recall layer for person names beside the <see cref="NameFinder"/> rules: a logistic regression over
/// <see cref="NameFeatures"/> that scores each word the rules left alone and marks it a name when its probability
/// reaches <see cref="Threshold"/> (chosen by cross-validation for the false-redaction rate). The rules stay; the model
/// only adds. A word that is also an ordinary word ("jack", "Summer", "Frank") is held to its own threshold
/// (<see cref="WordThreshold"/>): most of the clean texts the model would change hold one. Plain arithmetic over a
/// dense table: one array read per feature, nothing allocated. Shipped embedded as
/// <c>Redaction/name-model.bin</c>; rebuilt by <c>tools/FeedbackCollector.ModelTraining --names</c>.
/// </summary>
internal sealed class NameModel
{
    private const string Magic = "FCNM";
    private const string ResourceName = "FeedbackCollector.Analysis.Redaction.name-model.bin";

    private static readonly Lazy<NameModel?> Embedded = new(LoadEmbedded);

    private readonly float[] _weights;
    private readonly float _bias;
    private readonly float _logitThreshold;
    private readonly float _wordLogitThreshold;

    /// <summary>Creates a model from a dense table of one weight a bucket, with the thresholds for unknown words and for ordinary words.</summary>
    public NameModel(float[] weights, float bias, float threshold, float wordThreshold)
    {
        if (weights.Length != NameFeatures.Buckets)
        {
            throw new ArgumentException("The weights do not fit the feature table.", nameof(weights));
        }

        if (threshold is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold is a probability strictly between 0 and 1.");
        }

        if (wordThreshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(wordThreshold), wordThreshold, "The threshold is a probability above 0, at most 1 (1: never).");
        }

        _weights = weights;
        _bias = bias;
        Threshold = threshold;
        WordThreshold = wordThreshold;
        _logitThreshold = Logit(threshold);
        _wordLogitThreshold = Logit(wordThreshold);
    }

    /// <summary>The shipped model, or null when the assembly carries none.</summary>
    public static NameModel? Default => Embedded.Value;

    /// <summary>Probability at or above which a word no list knows as an ordinary word is marked a name.</summary>
    public float Threshold { get; }

    /// <summary>Probability at or above which a word that is also an ordinary word is marked a name (1: never).</summary>
    public float WordThreshold { get; }

    /// <summary>The same weights with other thresholds (cross-validation tries several).</summary>
    public NameModel WithThresholds(float threshold, float wordThreshold) => new(_weights, _bias, threshold, wordThreshold);

    /// <summary>The name logit of candidate token <paramref name="i"/>. Allocates nothing.</summary>
    public float Logit(string text, List<Token> tokens, int i, ReadOnlySpan<bool> isName, ReadOnlySpan<uint> words, bool shouting, uint textKnown) =>
        Score(text, tokens, i, isName, words, shouting, textKnown, out _);

    /// <summary>Whether candidate token <paramref name="i"/> scores at or above its threshold (<see cref="Threshold"/> or <see cref="WordThreshold"/>).</summary>
    public bool IsName(string text, List<Token> tokens, int i, ReadOnlySpan<bool> isName, ReadOnlySpan<uint> words, bool shouting, uint textKnown) =>
        Score(text, tokens, i, isName, words, shouting, textKnown, out var word) >= (word ? _wordLogitThreshold : _logitThreshold);

    private float Score(string text, List<Token> tokens, int i, ReadOnlySpan<bool> isName, ReadOnlySpan<uint> words, bool shouting, uint textKnown, out bool word)
    {
        var scorer = new Scorer(_weights);
        word = NameFeatures.Extract(text, tokens, i, isName, words, shouting, textKnown, ref scorer);
        return _bias + scorer.Sum;
    }

    private static float Logit(float p) => p >= 1 ? float.PositiveInfinity : MathF.Log(p / (1 - p));

    /// <summary>Serialises the model: magic, feature version, table bits, the two thresholds, bias, then the non-zero buckets.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(NameFeatures.Version);
            writer.Write(NameFeatures.Bits);
            writer.Write(Threshold);
            writer.Write(WordThreshold);
            writer.Write(_bias);
            var rows = 0;
            foreach (var w in _weights)
            {
                rows += w != 0 ? 1 : 0;
            }

            writer.Write(rows);
            for (var r = 0; r < _weights.Length; r++)
            {
                if (_weights[r] != 0)
                {
                    writer.Write(r);
                    writer.Write(_weights[r]);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads a model written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">Not a name model, or one made for other features.</exception>
    public static NameModel Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic)
        {
            throw new InvalidDataException("Not a name model file.");
        }

        var version = reader.ReadInt32();
        var bits = reader.ReadInt32();
        if (version != NameFeatures.Version || bits != NameFeatures.Bits)
        {
            throw new InvalidDataException($"The name model was trained for feature version {version} with {bits} bits; this analyzer reads version {NameFeatures.Version} with {NameFeatures.Bits}.");
        }

        var threshold = reader.ReadSingle();
        var wordThreshold = reader.ReadSingle();
        var bias = reader.ReadSingle();
        var count = reader.ReadInt32();
        if (count < 0 || count > NameFeatures.Buckets)
        {
            throw new InvalidDataException($"A name model with {count} rows is not valid.");
        }

        var weights = new float[NameFeatures.Buckets];
        // The rows in one read, then taken apart (was two BinaryReader calls a row at every start-up).
        var block = reader.ReadBytes(checked(count * 8));
        if (block.Length != count * 8)
        {
            throw new EndOfStreamException("The name model file ends inside its rows.");
        }

        for (var i = 0; i < count; i++)
        {
            var r = BinaryPrimitives.ReadInt32LittleEndian(block.AsSpan(i * 8));
            if (r < 0 || r >= NameFeatures.Buckets)
            {
                throw new InvalidDataException($"Bucket {r} is outside the table.");
            }

            weights[r] = BinaryPrimitives.ReadSingleLittleEndian(block.AsSpan((i * 8) + 4));
        }

        return new NameModel(weights, bias, threshold, wordThreshold);
    }

    private static NameModel? LoadEmbedded()
    {
        using var stream = typeof(NameModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Read(stream);
    }

    private struct Scorer(float[] weights) : INameFeatureSink
    {
        public float Sum;

        public void Add(int bucket) => Sum += weights[bucket];
    }
}
