using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using FeedbackCollector.Analysis;
using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Cli.Commands;

/// <summary>
/// <c>feedback analyze</c>: runs the local analyzer over a file of texts (JSON Lines or CSV) and writes one result per
/// text. Streams: memory stays flat however large the input. A malformed line is reported on standard error with
/// its line number and the rest goes on; no line is dropped silently.
/// </summary>
public sealed class AnalyzeCommand : ICliCommand
{
    private const int FlushBytes = 1 << 16;

    // JSON Lines output is a data file, not HTML: keep non-ASCII text (Polish, Urdu) readable instead of \u-escaped.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Func<string?, LocalAnalyzer> _createAnalyzer;
    private readonly Func<string, Stream> _openInput;

    /// <summary>Creates the command with the real analyzer.</summary>
    public AnalyzeCommand()
        : this(LocalAnalyzer.CreateDefault)
    {
    }

    /// <summary>Creates the command with the given analyzer factory (called with the <c>--taxonomy</c> path or null).</summary>
    internal AnalyzeCommand(Func<string?, LocalAnalyzer> createAnalyzer, Func<string, Stream>? openInput = null)
    {
        _createAnalyzer = createAnalyzer;
        _openInput = openInput ?? OpenFile;
    }

    private static Stream OpenFile(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    /// <inheritdoc />
    public string Name => "analyze";

    /// <inheritdoc />
    public string Summary => "Analyse texts (JSON Lines or CSV): themes, sentiment, key phrases, redaction, concerns.";

    /// <inheritdoc />
    public string Usage => """
        Usage: feedback analyze --input IN --output OUT [--taxonomy PATH] [--format jsonl|csv] [--input-format jsonl|csv]

          --input PATH     Texts to analyse; - for standard input.
                           JSON Lines: {"id":"r1","text":"...","audience":"child|parent|practitioner|forum-notes"}
                           CSV: a header with a text column, optional id and audience columns.
                           id is optional (the line number is used); audience is optional.
          --output PATH    Where to write results; - for standard output.
          --taxonomy PATH  Theme taxonomy file. Default: the built-in one (Taxonomy/taxonomy.v1.json).
          --format F       Output format, jsonl or csv. Default: from the output file's extension, else the input's.
          --input-format F Input format, jsonl or csv. Default: from the input file's extension (.csv is CSV), else jsonl.

        A malformed line (bad JSON, missing text, unknown audience) is reported on standard error with its line
        number and skipped; the others are analysed.
        Exit codes: 0 every line analysed, 1 some lines failed or the input could not be read, 2 usage error.
        """;

    /// <inheritdoc />
    public async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        var input = args.Require("input");
        var output = args.Require("output");
        var taxonomyPath = args.Get("taxonomy");
        var format = ParseFormat(args.Get("format"), "--format");
        var inputFormatOption = ParseFormat(args.Get("input-format"), "--input-format");
        args.RejectUnknown();

        var inputFormat = inputFormatOption ?? FormatOf(input) ?? DataFormat.JsonLines;
        var outputFormat = format ?? FormatOf(output) ?? inputFormat;

        LocalAnalyzer analyzer;
        try
        {
            analyzer = _createAnalyzer(taxonomyPath);
        }
        catch (Exception ex) when (ex is TaxonomyException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        // A JSON Lines file is read as UTF-8 bytes (no string per line); standard input, CSV and a UTF-16 or UTF-32
        // file (with its byte order mark) go through a text reader.
        TextReader? reader = null;
        Stream? inputStream = null;
        try
        {
            if (input == "-")
            {
                reader = console.In;
            }
            else
            {
                inputStream = _openInput(input);
                if (inputFormat == DataFormat.Csv || StartsWithNonUtf8Bom(inputStream))
                {
                    reader = new StreamReader(inputStream, Encoding.UTF8, true, FlushBytes);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            inputStream?.Dispose();
            await console.Error.WriteLineAsync($"Cannot read {input}: {ex.Message}");
            return 2;
        }

        Stream? outputStream = null;
        try
        {
            if (output != "-")
            {
                outputStream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, FlushBytes);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"Cannot write {output}: {ex.Message}");
            if (input != "-")
            {
                reader?.Dispose();
                inputStream?.Dispose();
            }
            return 2;
        }

        var run = new Run(analyzer, console, cancellationToken);
        try
        {
            using ResultSink sink = outputFormat == DataFormat.Csv
                ? new CsvSink(outputStream, console.Out)
                : new JsonLinesSink(outputStream, console.Out);
            if (inputFormat == DataFormat.Csv)
            {
                run.ReadCsv(reader!, sink);
            }
            else if (reader is not null)
            {
                run.ReadJsonLines(reader, sink);
            }
            else
            {
                run.ReadJsonLines(new Utf8LineReader(inputStream!, FlushBytes), sink);
            }
            sink.Complete();
        }
        catch (IOException ex)
        {
            run.EndProgress();
            await console.Error.WriteLineAsync($"I/O error: {ex.Message}");
            return 1;
        }
        finally
        {
            if (input != "-")
            {
                reader?.Dispose();
                inputStream?.Dispose();
            }
            outputStream?.Dispose();
        }

        run.EndProgress();
        if (run.Failed > 0 || console.ErrorIsTerminal)
        {
            await console.Error.WriteLineAsync(
                string.Create(CultureInfo.InvariantCulture, $"Analysed {run.Analysed} texts, {run.Failed} failed, in {run.Elapsed.TotalSeconds:0.0} s."));
        }
        return run.Failed > 0 || run.InputBroken ? 1 : 0;
    }

    /// <summary>Peeks at the first bytes for a UTF-16 or UTF-32 byte order mark, then rewinds.</summary>
    private static bool StartsWithNonUtf8Bom(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }
        Span<byte> head = stackalloc byte[4];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return Utf8LineReader.StartsWithNonUtf8Bom(head[..n]);
    }

    private static DataFormat? ParseFormat(string? value, string option) => value?.ToLowerInvariant() switch
    {
        null => null,
        "jsonl" or "json" or "ndjson" or "jsonlines" => DataFormat.JsonLines,
        "csv" => DataFormat.Csv,
        _ => throw new CliUsageException($"{option} must be jsonl or csv, not '{value}'."),
    };

    private static DataFormat? FormatOf(string path)
    {
        if (path == "-")
        {
            return null;
        }
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".csv" => DataFormat.Csv,
            ".jsonl" or ".json" or ".ndjson" => DataFormat.JsonLines,
            _ => null,
        };
    }

    private enum DataFormat
    {
        JsonLines,
        Csv,
    }

    /// <summary>One run over one input: counts, progress and error reporting.</summary>
    private sealed class Run(LocalAnalyzer analyzer, CliConsole console, CancellationToken cancellationToken)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _nextProgress = 1000;
        private bool _progressShown;

        public long Analysed { get; private set; }

        public long Failed { get; private set; }

        /// <summary>The input itself could not be read to the end (for example a CSV without a text column).</summary>
        public bool InputBroken { get; private set; }

        public TimeSpan Elapsed => _clock.Elapsed;

        public void ReadJsonLines(TextReader reader, ResultSink sink)
        {
            var bytes = new byte[4096];
            long lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if ((lineNumber & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                var max = Encoding.UTF8.GetMaxByteCount(line.Length);
                if (max > bytes.Length)
                {
                    bytes = new byte[Math.Max(max, bytes.Length * 2)];
                }
                var count = Encoding.UTF8.GetBytes(line, bytes);
                AnalyseLine(bytes.AsSpan(0, count), lineNumber, sink);
            }
        }

        public void ReadJsonLines(Utf8LineReader reader, ResultSink sink)
        {
            long lineNumber = 0;
            while (reader.TryReadLine(out var line))
            {
                lineNumber++;
                if ((lineNumber & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                if (IsBlank(line))
                {
                    continue;
                }
                AnalyseLine(line, lineNumber, sink);
            }
        }

        /// <summary>As <see cref="string.IsNullOrWhiteSpace"/> on the decoded line.</summary>
        private static bool IsBlank(ReadOnlySpan<byte> line)
        {
            foreach (var b in line)
            {
                if (b >= 0x80)
                {
                    return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line));
                }
                if (!char.IsWhiteSpace((char)b))
                {
                    return false;
                }
            }
            return true;
        }

        private void AnalyseLine(ReadOnlySpan<byte> json, long lineNumber, ResultSink sink)
        {
            if (!TryParseRequest(json, lineNumber, out var request, out var problem))
            {
                Fail(lineNumber, problem);
                return;
            }
            Analyse(request, lineNumber, sink);
        }

        public void ReadCsv(TextReader reader, ResultSink sink)
        {
            var malformed = new List<CsvMalformedRecord>();
            var options = new CsvReaderOptions
            {
                Separator = ',',
                HasHeader = true,
                TrackLineNumbers = true,
                MalformedData = CsvMalformedDataHandling.Skip,
                OnMalformedRecord = malformed.Add,
                IncludeValuesInExceptions = false,
            };
            using var csv = CsvReader.Create(reader, options, leaveOpen: true);
            csv.ReadHeader();
            var header = csv.Headers.ToArray();
            if (header.Length == 0)
            {
                return; // an empty file has no texts
            }
            var textIndex = IndexOf(header, "text");
            var idIndex = IndexOf(header, "id");
            var audienceIndex = IndexOf(header, "audience");
            if (textIndex < 0)
            {
                console.Error.WriteLine($"line 1: the CSV header has no \"text\" column (columns: {string.Join(", ", header)}).");
                InputBroken = true;
                return;
            }
            long row = 0;
            while (true)
            {
                bool more;
                try
                {
                    more = csv.Read();
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not IOException)
                {
                    ReportMalformed(malformed);
                    Fail(csv.LineNumber, "not valid CSV: " + FirstLine(ex.Message));
                    InputBroken = true;
                    return;
                }
                // Records skipped for bad quoting are reported, not lost.
                ReportMalformed(malformed);
                if (!more)
                {
                    break;
                }
                row++;
                if ((row & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                var line = csv.LineNumber;
                var text = textIndex < csv.FieldCount ? csv.GetString(textIndex) : null;
                if (string.IsNullOrWhiteSpace(text))
                {
                    Fail(line, "the text is missing or empty.");
                    continue;
                }
                var id = idIndex >= 0 && idIndex < csv.FieldCount ? csv.GetString(idIndex) : null;
                if (string.IsNullOrWhiteSpace(id))
                {
                    id = line.ToString(CultureInfo.InvariantCulture);
                }
                var audienceText = audienceIndex >= 0 && audienceIndex < csv.FieldCount ? csv.GetString(audienceIndex) : null;
                if (!TryAudience(audienceText, out var audience))
                {
                    Fail(line, $"unknown audience \"{audienceText}\" (use child, parent, practitioner or forum-notes).");
                    continue;
                }
                Analyse(new AnalysisRequest(id, text, audience), line, sink);
            }
        }

        private void ReportMalformed(List<CsvMalformedRecord> malformed)
        {
            foreach (var m in malformed)
            {
                if (m.Skipped)
                {
                    Fail(m.LineNumber, $"not valid CSV ({m.Reason}); the record was skipped.");
                }
            }
            malformed.Clear();
        }

        private static int IndexOf(string[] header, string name)
        {
            for (var i = 0; i < header.Length; i++)
            {
                if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
            return -1;
        }

        private void Analyse(AnalysisRequest request, long line, ResultSink sink)
        {
            AnalysisResult result;
            try
            {
                result = analyzer.Analyze(request);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never the text itself in the message: it may hold personal data.
                Fail(line, $"the analyzer failed ({ex.GetType().Name}: {ex.Message}).");
                return;
            }
            sink.Write(result);
            Analysed++;
            if (console.ErrorIsTerminal && Analysed >= _nextProgress)
            {
                _nextProgress = Analysed + 5000;
                var rate = Analysed / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
                console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\ranalysed {Analysed:N0} texts ({rate:N0}/s)   "));
                _progressShown = true;
            }
        }

        private void Fail(long line, string problem)
        {
            EndProgress();
            Failed++;
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"line {line}: {problem}"));
        }

        public void EndProgress()
        {
            if (_progressShown)
            {
                console.Error.WriteLine();
                _progressShown = false;
            }
        }

        private static string FirstLine(string message)
        {
            var cut = message.IndexOfAny(['\r', '\n']);
            return cut > 0 ? message[..cut] : message;
        }
    }

    private static bool TryAudience(string? text, out Audience audience)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            audience = Audience.Unknown;
            return true;
        }
        return WireNames.TryParse(text.Trim(), out audience);
    }

    /// <summary>Reads <c>id</c>, <c>text</c> and <c>audience</c> from one JSON line; other properties are ignored.</summary>
    internal static bool TryParseRequest(ReadOnlySpan<byte> json, long lineNumber, out AnalysisRequest request, out string problem)
    {
        request = null!;
        string? id = null;
        string? text = null;
        string? audienceText = null;
        Audience? knownAudience = null;
        var hasText = false;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "not a JSON object.";
                return false;
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    problem = "not valid JSON.";
                    return false;
                }
                var name = reader.ValueSpan;
                reader.Read();
                if (name.SequenceEqual("text"u8))
                {
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        text = reader.GetString();
                        hasText = true;
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        problem = "\"text\" must be a string.";
                        return false;
                    }
                }
                else if (name.SequenceEqual("id"u8))
                {
                    id = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
                        JsonTokenType.Null => null,
                        _ => throw new FormatException("\"id\" must be a string or a number."),
                    };
                }
                else if (name.SequenceEqual("audience"u8))
                {
                    // The usual spellings are read from the bytes, without a string per line.
                    if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence
                        && KnownAudience(reader.ValueSpan) is { } known)
                    {
                        knownAudience = known;
                        audienceText = null;
                        continue;
                    }
                    knownAudience = null;
                    audienceText = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Null => null,
                        _ => throw new FormatException("\"audience\" must be a string."),
                    };
                }
                else
                {
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                // Read() past the end object must fail: anything after the object is an error.
                problem = "not valid JSON (something follows the object).";
                return false;
            }
        }
        catch (JsonException ex)
        {
            problem = "not valid JSON: " + ex.Message.Split(" LineNumber:", 2)[0];
            return false;
        }
        catch (FormatException ex)
        {
            problem = ex.Message;
            return false;
        }
        catch (InvalidOperationException ex)
        {
            problem = "not valid JSON: " + ex.Message;
            return false;
        }
        if (!hasText || string.IsNullOrWhiteSpace(text))
        {
            problem = "\"text\" is missing or empty.";
            return false;
        }
        var audience = Audience.Unknown;
        if (knownAudience is { } k)
        {
            audience = k;
        }
        else if (!TryAudience(audienceText, out audience))
        {
            problem = $"unknown audience \"{audienceText}\" (use child, parent, practitioner or forum-notes).";
            return false;
        }
        request = new AnalysisRequest(string.IsNullOrEmpty(id) ? lineNumber.ToString(CultureInfo.InvariantCulture) : id, text, audience);
        problem = string.Empty;
        return true;
    }

    /// <summary>
    /// Writes a score as <see cref="Utf8JsonWriter.WriteNumberValue(double)"/> would. Scores are rounded to three
    /// decimals (k/1000 as <see cref="Math.Round(double, int)"/> gives it); the shortest text that reads back as such a
    /// double is k/1000 without trailing zeros, so it is written from k directly instead of by the general
    /// shortest-round-trip formatter, which cost about 2 % of a run. Any other value takes the general path.
    /// </summary>
    internal static void WriteScore(Utf8JsonWriter w, double value)
    {
        Span<byte> text = stackalloc byte[5];
        var length = FormatThousandths(value, text);
        if (length == 0)
        {
            w.WriteNumberValue(value);
            return;
        }
        w.WriteRawValue(text[..length], skipInputValidation: true);
    }

    /// <summary>
    /// <paramref name="value"/> in [0, 1] that is exactly k/1000 for a whole k, written as JSON ("0", "1", "0.5",
    /// "0.056"), with the length written; 0 for any other value (negative zero included).
    /// </summary>
    internal static int FormatThousandths(double value, Span<byte> text)
    {
        if (!(value >= 0 && value <= 1) || double.IsNegative(value))
        {
            return 0;
        }
        var k = (int)Math.Round(value * 1000);
        if ((double)k / 1000 != value)
        {
            return 0;
        }
        if (k == 0 || k == 1000)
        {
            text[0] = k == 0 ? (byte)'0' : (byte)'1';
            return 1;
        }
        text[0] = (byte)'0';
        text[1] = (byte)'.';
        text[2] = (byte)('0' + (k / 100));
        text[3] = (byte)('0' + (k / 10 % 10));
        text[4] = (byte)('0' + (k % 10));
        var length = 5;
        while (text[length - 1] == '0')
        {
            length--;
        }
        return length;
    }

    /// <summary>Each audience's wire name as UTF-8 (<see cref="WireNames"/>, the names <see cref="TryAudience"/> reads).</summary>
    private static readonly (byte[] Name, Audience Value)[] AudienceNames =
        [.. Enum.GetValues<Audience>().Select(a => (Encoding.UTF8.GetBytes(WireNames.Of(a)), a))];

    /// <summary>The audience a JSON string's raw bytes name exactly (its wire name: lower case, no spaces), or null.</summary>
    private static Audience? KnownAudience(ReadOnlySpan<byte> value)
    {
        foreach (var (name, audience) in AudienceNames)
        {
            if (value.SequenceEqual(name))
            {
                return audience;
            }
        }
        return null;
    }

    /// <summary>Where results go.</summary>
    private abstract class ResultSink : IDisposable
    {
        public abstract void Write(AnalysisResult result);

        public abstract void Complete();

        public virtual void Dispose()
        {
        }
    }

    /// <summary>
    /// JSON Lines written with one reused <see cref="Utf8JsonWriter"/> into a byte buffer, flushed in 64 KB blocks to
    /// the output file, or (standard output) decoded once per block onto the console's writer.
    /// </summary>
    private sealed class JsonLinesSink : ResultSink
    {
        private readonly Stream? _stream;
        private readonly TextWriter _text;
        private readonly ArrayBufferWriter<byte> _buffer = new(FlushBytes * 2);
        private readonly Utf8JsonWriter _json;
        private char[] _chars = [];

        /// <summary>
        /// Strings that recur in every result as the same instances (theme ids, language codes),
        /// escaped and encoded once. Keyed by reference: another instance with the same text is only a miss.
        /// </summary>
        private readonly Dictionary<string, JsonEncodedText> _encoded = new(ReferenceEqualityComparer.Instance);

        /// <summary>The usual no-concern object (<see cref="ConcernResult.None"/>) as JSON, written once.</summary>
        private byte[]? _noConcern;

        /// <summary>The analyzer block as JSON, written once for the analyzer that produced it.</summary>
        private AnalyzerInfo? _analyzerKey;
        private byte[] _analyzerJson = [];

        public JsonLinesSink(Stream? stream, TextWriter text)
        {
            _stream = stream;
            _text = text;
            _json = new Utf8JsonWriter(_buffer, WriterOptions);
        }

        /// <summary>A value written alone by a writer with the same options, for copying into every result that holds it.</summary>
        private static byte[] Fragment<T>(T value, Action<Utf8JsonWriter, T> write)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            {
                write(w, value);
            }
            return buffer.WrittenSpan.ToArray();
        }

        private static void WriteConcern(Utf8JsonWriter w, ConcernResult concern)
        {
            w.WriteStartObject();
            w.WriteBoolean("flagged"u8, concern.Flagged);
            if (concern.Category is { } category)
            {
                w.WriteString("category"u8, WireNames.Json(category));
            }
            else
            {
                w.WriteNull("category"u8);
            }
            w.WriteStartArray("categories"u8);
            for (var i = 0; i < concern.Categories.Count; i++)
            {
                w.WriteStringValue(WireNames.Json(concern.Categories[i]));
            }
            w.WriteEndArray();
            if (concern.Evidence is { } evidence)
            {
                w.WriteString("evidence"u8, evidence);
            }
            else
            {
                w.WriteNull("evidence"u8);
            }
            w.WriteEndObject();
        }

        private static void WriteAnalyzer(Utf8JsonWriter w, AnalyzerInfo analyzer)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, analyzer.Name);
            w.WriteString("version"u8, analyzer.Version);
            w.WriteString("taxonomyVersion"u8, analyzer.TaxonomyVersion);
            w.WriteEndObject();
        }

        private JsonEncodedText Encoded(string value)
        {
            if (!_encoded.TryGetValue(value, out var encoded))
            {
                encoded = JsonEncodedText.Encode(value, WriterOptions.Encoder);
                if (_encoded.Count < 1024)
                {
                    _encoded.Add(value, encoded);
                }
            }
            return encoded;
        }

        public override void Write(AnalysisResult r)
        {
            // Indexed loops: foreach over an IReadOnlyList allocates an enumerator per list, several per result.
            var w = _json;
            w.WriteStartObject();
            w.WriteString("id"u8, r.Id);
            w.WriteString("language"u8, Encoded(r.Language));
            w.WriteStartArray("themes"u8);
            for (var i = 0; i < r.Themes.Count; i++)
            {
                var t = r.Themes[i];
                w.WriteStringValue(Encoded(t.ThemeId));
            }
            w.WriteEndArray();
            w.WriteStartObject("themeScores"u8);
            for (var i = 0; i < r.Themes.Count; i++)
            {
                var t = r.Themes[i];
                w.WritePropertyName(Encoded(t.ThemeId));
                WriteScore(w, t.Confidence);
            }
            w.WriteEndObject();
            w.WriteStartObject("themeEvidence"u8);
            for (var i = 0; i < r.Themes.Count; i++)
            {
                var t = r.Themes[i];
                w.WriteStartArray(Encoded(t.ThemeId));
                for (var j = 0; j < t.Evidence.Count; j++)
                {
                    var e = t.Evidence[j];
                    w.WriteStringValue(e);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteString("sentiment"u8, WireNames.Json(r.Sentiment.Label));
            w.WriteStartObject("sentimentScores"u8);
            w.WritePropertyName("positive"u8);
            WriteScore(w, r.Sentiment.Positive);
            w.WritePropertyName("neutral"u8);
            WriteScore(w, r.Sentiment.Neutral);
            w.WritePropertyName("negative"u8);
            WriteScore(w, r.Sentiment.Negative);
            w.WriteEndObject();
            w.WritePropertyName("concern"u8);
            if (ReferenceEquals(r.Concern, ConcernResult.None))
            {
                // Most texts: the same no-concern object every time, written once and then copied.
                w.WriteRawValue(_noConcern ??= Fragment(r.Concern, WriteConcern), skipInputValidation: true);
            }
            else
            {
                WriteConcern(w, r.Concern);
            }
            w.WriteString("redactedText"u8, r.RedactedText);
            w.WriteStartArray("pii"u8);
            for (var i = 0; i < r.Pii.Count; i++)
            {
                var p = r.Pii[i];
                w.WriteStartObject();
                w.WriteString("type"u8, WireNames.Json(p.Type));
                w.WriteNumber("start"u8, p.Start);
                w.WriteNumber("length"u8, p.Length);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("keyPhrases"u8);
            for (var i = 0; i < r.KeyPhrases.Count; i++)
            {
                var k = r.KeyPhrases[i];
                w.WriteStringValue(k);
            }
            w.WriteEndArray();
            w.WritePropertyName("analyzer"u8);
            if (!ReferenceEquals(r.Analyzer, _analyzerKey))
            {
                _analyzerKey = r.Analyzer;
                _analyzerJson = Fragment(r.Analyzer, WriteAnalyzer);
            }
            w.WriteRawValue(_analyzerJson, skipInputValidation: true);
            w.WriteEndObject();
            w.Flush();
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
            w.Reset();
            if (_buffer.WrittenCount >= FlushBytes)
            {
                FlushBuffer();
            }
        }

        private void FlushBuffer()
        {
            if (_buffer.WrittenCount == 0)
            {
                return;
            }
            if (_stream is not null)
            {
                _stream.Write(_buffer.WrittenSpan);
            }
            else
            {
                var needed = Encoding.UTF8.GetMaxCharCount(_buffer.WrittenCount);
                if (_chars.Length < needed)
                {
                    _chars = new char[needed];
                }
                var n = Encoding.UTF8.GetChars(_buffer.WrittenSpan, _chars);
                _text.Write(_chars, 0, n);
            }
            _buffer.ResetWrittenCount();
        }

        public override void Complete()
        {
            FlushBuffer();
            if (_stream is not null)
            {
                _stream.Flush();
            }
            else
            {
                _text.Flush();
            }
        }

        public override void Dispose() => _json.Dispose();
    }

    /// <summary>CSV with one row per result; lists are joined with "; ".</summary>
    private sealed class CsvSink : ResultSink
    {
        private static readonly string[] Header =
        [
            "id", "language", "themes", "themeScores", "themeEvidence", "sentiment", "positive", "neutral", "negative",
            "concernFlagged", "concernCategory", "concernCategories", "concernEvidence", "keyPhrases", "redactedText", "pii",
            "analyzer", "analyzerVersion", "taxonomyVersion",
        ];

        private readonly CsvWriter _csv;
        private readonly StringBuilder _sb = new();

        public CsvSink(Stream? stream, TextWriter text)
        {
            // Officers open these files in a spreadsheet: a text starting with = + - @ must not run as a formula.
            var options = new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.Escape };
            // Always through a byte stream: UTF-8 is what the writer produces, and standard output gets it decoded.
            _csv = CsvWriter.Create(stream ?? new TextWriterStream(text), options, leaveOpen: stream is not null);
            _csv.WriteHeader(Header);
        }

        public override void Write(AnalysisResult r)
        {
            var inv = CultureInfo.InvariantCulture;
            _csv.WriteField(r.Id);
            _csv.WriteField(r.Language);
            _csv.WriteField(Join(r.Themes, t => t.ThemeId));
            _csv.WriteField(Join(r.Themes, t => t.ThemeId + ":" + t.Confidence.ToString("0.###", inv)));
            _csv.WriteField(Join(r.Themes, t => t.ThemeId + ": " + string.Join(" | ", t.Evidence)));
            _csv.WriteField(WireNames.Of(r.Sentiment.Label));
            _csv.WriteField(r.Sentiment.Positive.ToString("0.###", inv));
            _csv.WriteField(r.Sentiment.Neutral.ToString("0.###", inv));
            _csv.WriteField(r.Sentiment.Negative.ToString("0.###", inv));
            _csv.WriteField(r.Concern.Flagged ? "true" : "false");
            _csv.WriteField(r.Concern.Category is { } c ? WireNames.Of(c) : string.Empty);
            _csv.WriteField(Join(r.Concern.Categories, x => WireNames.Of(x)));
            _csv.WriteField(r.Concern.Evidence ?? string.Empty);
            _csv.WriteField(Join(r.KeyPhrases, k => k));
            _csv.WriteField(r.RedactedText);
            _csv.WriteField(Join(r.Pii, p => string.Create(inv, $"{WireNames.Of(p.Type)}@{p.Start}+{p.Length}")));
            _csv.WriteField(r.Analyzer.Name);
            _csv.WriteField(r.Analyzer.Version);
            _csv.WriteField(r.Analyzer.TaxonomyVersion);
            _csv.EndRecord();
        }

        private string Join<T>(IReadOnlyList<T> items, Func<T, string> select)
        {
            _sb.Clear();
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    _sb.Append("; ");
                }
                _sb.Append(select(items[i]));
            }
            return _sb.ToString();
        }

        public override void Complete() => _csv.Flush();

        public override void Dispose() => _csv.Dispose();
    }

    /// <summary>A write-only stream that decodes UTF-8 onto a <see cref="TextWriter"/> (standard output in a test or a pipe).</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
        private char[] _chars = new char[4096];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var needed = _decoder.GetCharCount(buffer, flush: false);
            if (needed > _chars.Length)
            {
                _chars = new char[Math.Max(needed, _chars.Length * 2)];
            }
            var n = _decoder.GetChars(buffer, _chars, flush: false);
            writer.Write(_chars, 0, n);
        }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
