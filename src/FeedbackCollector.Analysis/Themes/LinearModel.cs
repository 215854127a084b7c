using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace FeedbackCollector.Analysis.Themes;

/// <summary>
/// A linear model over hashed features: one weight row per known feature, one column per class, plus a bias per
/// class. Scored by plain arithmetic (no ML library at run time). Used one-vs-rest for themes (a logistic per class)
/// and as a multinomial (softmax) for sentiment.
/// </summary>
internal sealed class LinearModel
{
    /// <summary>Slots of the feature table: a power of two, at least twice the number of features.</summary>
    private readonly Entry[] _table;
    private readonly int _shift;

    /// <summary>
    /// The weights (the only copy: <see cref="Write"/> writes them from here), each row padded to <see cref="_stride"/> floats and starting on a 64-byte boundary (the array is
    /// pinned, so the boundary stays), so that a row of up to 16 classes is one cache line and is added with whole
    /// vectors. <see cref="_origin"/> is the index of row 0.
    /// </summary>
    private readonly float[] _rows;
    private readonly int _origin;
    private readonly int _stride;
    private readonly float[] _bias;

    /// <summary>Creates a model from its parts; <paramref name="weights"/> is row-major, rows × classes.</summary>
    public LinearModel(string[] classes, uint[] features, float[] weights, float[] bias)
    {
        if (weights.Length != features.Length * classes.Length || bias.Length != classes.Length)
        {
            throw new ArgumentException("The weights do not fit the features and classes.");
        }
        var c = classes.Length;
        (_rows, _origin, _stride) = AllocateRows(c, features.Length);
        for (var r = 0; r < features.Length; r++)
        {
            weights.AsSpan(r * c, c).CopyTo(_rows.AsSpan(_origin + (r * _stride), c));
        }
        Classes = classes;
        Features = features;
        _bias = bias;
        (_table, _shift) = BuildTable(features);
    }

    /// <summary>A model whose weights <see cref="Read"/> has already put in rows from <see cref="AllocateRows"/>.</summary>
    private LinearModel(string[] classes, uint[] features, float[] bias, float[] rows, int origin, int stride)
    {
        Classes = classes;
        Features = features;
        _bias = bias;
        _rows = rows;
        _origin = origin;
        _stride = stride;
        (_table, _shift) = BuildTable(features);
    }

    /// <summary>The padded, aligned rows of a model (see <see cref="_rows"/>), all 0.</summary>
    private static (float[] Rows, int Origin, int Stride) AllocateRows(int classes, int rows)
    {
        var stride = classes <= 4 ? 4 : classes <= 8 ? 8 : classes <= 16 ? 16 : (classes + 3) & ~3;
        const int Line = 64 / sizeof(float);
        var padded = GC.AllocateArray<float>((rows * stride) + Line, pinned: true);
        return (padded, AlignedStart(padded, Line), stride);
    }

    /// <summary>The feature table of <paramref name="features"/> (a repeated hash finds its last row) and its shift.</summary>
    private static (Entry[] Table, int Shift) BuildTable(uint[] features)
    {
        var bits = 4;
        while ((1 << bits) < features.Length * 2)
        {
            bits++;
        }
        var table = new Entry[1 << bits];
        var shift = 32 - bits;
        for (var r = 0; r < features.Length; r++)
        {
            var at = Slot(features[r], shift);
            while (table[at].RowPlusOne != 0 && table[at].Key != features[r])
            {
                at = (at + 1) & (table.Length - 1);
            }
            table[at] = new Entry(features[r], r + 1);
        }
        return (table, shift);
    }

    /// <summary>The first index of a pinned array whose address is a multiple of <paramref name="line"/> floats.</summary>
    private static int AlignedStart(float[] pinned, int line)
    {
        // The array lives on the pinned heap and never moves, so the handle is only needed to read its address.
        var handle = GCHandle.Alloc(pinned, GCHandleType.Pinned);
        var address = (nuint)handle.AddrOfPinnedObject();
        handle.Free();
        var misalignment = (int)(address % (nuint)(line * sizeof(float))) / sizeof(float);
        return misalignment == 0 ? 0 : line - misalignment;
    }

    private static int Slot(uint hash, int shift) => (int)(unchecked(hash * 2654435769u) >> shift);

    /// <summary>The row of a feature hash, or -1: linear probing; a slot holds the key and its row together.</summary>
    /// <remarks>Inlined: it is called for every feature of every text, and a call costs about as much as a probe.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(uint hash)
    {
        var table = _table;
        var mask = table.Length - 1;
        var at = Slot(hash, _shift);
        while (true)
        {
            var e = table[at];
            if (e.RowPlusOne == 0)
            {
                return -1;
            }
            if (e.Key == hash)
            {
                return e.RowPlusOne - 1;
            }
            at = (at + 1) & mask;
        }
    }

    /// <summary>The class names, in column order.</summary>
    public string[] Classes { get; }

    /// <summary>The feature hashes, in row order.</summary>
    public uint[] Features { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount => Classes.Length;

    /// <summary>Index of a class, or -1.</summary>
    public int IndexOf(string name) => Array.IndexOf(Classes, name);

    /// <summary>The row of a feature, or -1 when the model does not know it.</summary>
    public int RowOf(uint hash) => Find(hash);

    /// <summary>
    /// The weights of class <paramref name="cls"/>: row r's is at r × <paramref name="stride"/> (for reading many rows'
    /// weights of one class without computing each index from the start).
    /// </summary>
    public ReadOnlySpan<float> ClassWeights(int cls, out int stride)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)cls, (uint)Classes.Length, nameof(cls));
        stride = _stride;
        return _rows.AsSpan(_origin + cls);
    }

    /// <summary>
    /// For a model of at most 16 classes, each row's classes whose weight is not below <paramref name="minimum"/>, as
    /// bits (class k: bit k; a NaN weight keeps its bit); null for a model of more classes.
    /// </summary>
    public ushort[]? ClassesAtLeast(float minimum)
    {
        if (Classes.Length > 16)
        {
            return null;
        }
        var masks = new ushort[Features.Length];
        if (_stride == 16 && Vector256.IsHardwareAccelerated)
        {
            // A row is two vectors; a lane below the minimum (not a NaN) clears its class's bit, as in the loop below.
            var below = Vector256.Create(minimum);
            var classes = (1 << Classes.Length) - 1;
            ref var origin = ref _rows[_origin];
            for (var r = 0; r < masks.Length; r++)
            {
                ref var w = ref Unsafe.Add(ref origin, r * 16);
                var lo = Vector256.LessThan(Vector256.LoadUnsafe(ref w), below).ExtractMostSignificantBits();
                var hi = Vector256.LessThan(Vector256.LoadUnsafe(ref w, 8), below).ExtractMostSignificantBits();
                masks[r] = (ushort)(~(lo | (hi << 8)) & classes);
            }
            return masks;
        }
        for (var r = 0; r < masks.Length; r++)
        {
            var row = _rows.AsSpan(_origin + (r * _stride), Classes.Length);
            var mask = 0;
            for (var k = 0; k < row.Length; k++)
            {
                if (!(row[k] < minimum))
                {
                    mask |= 1 << k;
                }
            }
            masks[r] = (ushort)mask;
        }
        return masks;
    }

    /// <summary>The weight of a row for a class (one at a time; the evidence path reads a class's weights by <see cref="ClassWeights"/>).</summary>
    public float Weight(int row, int cls) => _rows[_origin + (row * _stride) + cls];

    /// <summary>
    /// Adds bias plus weighted features into <paramref name="logits"/> (one per class) and writes each feature's
    /// row into <paramref name="rows"/> (-1 when unknown), for evidence.
    /// </summary>
    public void Score(List<Feature> features, Span<float> logits, Span<int> rows)
    {
        var c = Classes.Length;
        var list = CollectionsMarshal.AsSpan(features);

        // Every feature's row first, then the sums: the probes of the feature table do not depend on one another, and with
        // no arithmetic between them the processor keeps several of their cache misses in flight at once (the tables are
        // megabytes and a text's features are spread over them).
        Span<int> found = list.Length <= 512 ? stackalloc int[list.Length] : new int[list.Length];
        for (var f = 0; f < list.Length; f++)
        {
            found[f] = Find(list[f].Hash);
        }
        found[..Math.Min(found.Length, rows.Length)].CopyTo(rows);

        // Each class's sum is built in the same order, one multiply and one add at a time, whether by vector lanes or
        // one by one, so the scores are the same bit for bit either way (no fused multiply-add).
        if (_stride == 16 && Vector256.IsHardwareAccelerated)
        {
            Span<float> sums = stackalloc float[16];
            _bias.AsSpan().CopyTo(sums);
            var lo = Vector256.Create<float>(sums);
            var hi = Vector256.Create<float>(sums[8..]);
            ref var origin = ref _rows[_origin];
            for (var f = 0; f < list.Length; f++)
            {
                var row = found[f];
                if (row >= 0)
                {
                    ref var w = ref Unsafe.Add(ref origin, row * 16);
                    var v = Vector256.Create(list[f].Value);
                    lo += Vector256.LoadUnsafe(ref w) * v;
                    hi += Vector256.LoadUnsafe(ref w, 8) * v;
                }
            }
            lo.StoreUnsafe(ref MemoryMarshal.GetReference(sums));
            hi.StoreUnsafe(ref MemoryMarshal.GetReference(sums), 8);
            sums[..c].CopyTo(logits);
            return;
        }
        if (_stride == 4 && Vector128.IsHardwareAccelerated)
        {
            Span<float> sums = stackalloc float[4];
            _bias.AsSpan().CopyTo(sums);
            var acc = Vector128.Create<float>(sums);
            ref var origin = ref _rows[_origin];
            for (var f = 0; f < list.Length; f++)
            {
                var row = found[f];
                if (row >= 0)
                {
                    acc += Vector128.LoadUnsafe(ref Unsafe.Add(ref origin, row * 4)) * Vector128.Create(list[f].Value);
                }
            }
            acc.StoreUnsafe(ref MemoryMarshal.GetReference(sums));
            sums[..c].CopyTo(logits);
            return;
        }
        _bias.AsSpan().CopyTo(logits);
        for (var f = 0; f < list.Length; f++)
        {
            var row = found[f];
            if (row < 0)
            {
                continue;
            }
            var w = _rows.AsSpan(_origin + (row * _stride), c);
            var v = list[f].Value;
            for (var k = 0; k < c; k++)
            {
                logits[k] += w[k] * v;
            }
        }
    }

    /// <summary>A slot of the feature table: a feature hash and its row + 1 (0: empty slot).</summary>
    private readonly record struct Entry(uint Key, int RowPlusOne);

    /// <summary>
    /// The same model with each class's bias moved so that its probability reaches 0.5 where it used to reach
    /// <paramref name="points"/>[k]: a theme's decision point chosen for F1 then sits at the taxonomy's threshold
    /// (0.5 by default), which an officer can still raise or lower.
    /// </summary>
    public LinearModel WithDecisionPoints(IReadOnlyList<double> points)
    {
        if (points.Count != Classes.Length)
        {
            throw new ArgumentException("One decision point per class is needed.", nameof(points));
        }
        var bias = new float[_bias.Length];
        for (var k = 0; k < bias.Length; k++)
        {
            var p = Math.Clamp(points[k], 1e-3, 1 - 1e-3);
            bias[k] = _bias[k] - (float)Math.Log(p / (1 - p));
        }
        var c = Classes.Length;
        var weights = new float[Features.Length * c];
        for (var r = 0; r < Features.Length; r++)
        {
            _rows.AsSpan(_origin + (r * _stride), c).CopyTo(weights.AsSpan(r * c, c));
        }
        return new LinearModel(Classes, Features, weights, bias);
    }

    /// <summary>Writes the model (little-endian binary).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes.Length);
        foreach (var name in Classes)
        {
            writer.Write(name);
        }
        foreach (var b in _bias)
        {
            writer.Write(b);
        }
        writer.Write(Features.Length);
        for (var r = 0; r < Features.Length; r++)
        {
            writer.Write(Features[r]);
            for (var k = 0; k < Classes.Length; k++)
            {
                writer.Write(_rows[_origin + (r * _stride) + k]);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static LinearModel Read(BinaryReader reader)
    {
        var classCount = reader.ReadInt32();
        if (classCount is <= 0 or > 1000)
        {
            throw new InvalidDataException($"A model with {classCount} classes is not valid.");
        }
        var classes = new string[classCount];
        for (var k = 0; k < classCount; k++)
        {
            classes[k] = reader.ReadString();
        }
        var bias = new float[classCount];
        for (var k = 0; k < classCount; k++)
        {
            bias[k] = reader.ReadSingle();
        }
        var rows = reader.ReadInt32();
        if (rows is < 0 or > 10_000_000)
        {
            throw new InvalidDataException($"A model with {rows} features is not valid.");
        }
        // The rows are read a block at a time straight into the padded rows (a call per weight took most of start-up's
        // reading), little-endian as BinaryWriter wrote them.
        var features = new uint[rows];
        var (padded, origin, stride) = AllocateRows(classCount, rows);
        var record = sizeof(uint) + (classCount * sizeof(float));
        var block = new byte[Math.Max(1, Math.Min(rows, 1024)) * record];
        for (var r = 0; r < rows;)
        {
            var n = Math.Min(rows - r, block.Length / record);
            var bytes = block.AsSpan(0, n * record);
            reader.BaseStream.ReadExactly(bytes);
            for (var i = 0; i < n; i++, r++)
            {
                var row = bytes.Slice(i * record, record);
                features[r] = BinaryPrimitives.ReadUInt32LittleEndian(row);
                var weights = row[sizeof(uint)..];
                var target = padded.AsSpan(origin + (r * stride), classCount);
                if (BitConverter.IsLittleEndian)
                {
                    MemoryMarshal.Cast<byte, float>(weights).CopyTo(target);
                }
                else
                {
                    for (var k = 0; k < classCount; k++)
                    {
                        target[k] = BinaryPrimitives.ReadSingleLittleEndian(weights[(k * sizeof(float))..]);
                    }
                }
            }
        }
        return new LinearModel(classes, features, bias, padded, origin, stride);
    }
}

/// <summary>
/// The analyzer's trained models (themes one-vs-rest, sentiment multinomial) as one file: a magic word, the feature
/// version, then the two models. Shipped embedded as <c>Themes/analyzer-model.bin</c>; rebuilt by
/// <c>tools/FeedbackCollector.ModelTraining</c> (see docs/analyzer.md).
/// </summary>
internal sealed record AnalyzerModels(LinearModel Themes, LinearModel Sentiment)
{
    private const string Magic = "FCAM";
    private const string ResourceName = "FeedbackCollector.Analysis.Themes.analyzer-model.bin";

    private static readonly Lazy<AnalyzerModels?> Embedded = new(LoadEmbedded);

    /// <summary>The shipped models, or null when the assembly carries none.</summary>
    public static AnalyzerModels? Default => Embedded.Value;

    /// <summary>Serialises both models.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(TextFeatures.Version);
            Themes.Write(writer);
            Sentiment.Write(writer);
        }
        return stream.ToArray();
    }

    /// <summary>Reads models written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">Not a model file, or one made for other features.</exception>
    public static AnalyzerModels Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length));
        if (magic != Magic)
        {
            throw new InvalidDataException("Not an analyzer model file.");
        }
        var version = reader.ReadInt32();
        if (version != TextFeatures.Version)
        {
            throw new InvalidDataException($"The model was trained for feature version {version}; this analyzer reads version {TextFeatures.Version}.");
        }
        var themes = LinearModel.Read(reader);
        var sentiment = LinearModel.Read(reader);
        return new AnalyzerModels(themes, sentiment);
    }

    private static AnalyzerModels? LoadEmbedded()
    {
        using var stream = typeof(AnalyzerModels).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Read(stream);
    }
}
