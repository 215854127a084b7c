using System.Buffers;
using System.Text.Json;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Digests;

namespace FeedbackCollector.Storage;

/// <summary>
/// The record format of the digest projection's logs (<see cref="BlobDigestProjection"/>): UTF-8 JSON lines, one record a
/// line — <c>{"id":"…","e":{entry}}</c> writes the entry of a response, <c>{"id":"…","w":true}</c> marks it withdrawn. A
/// compacted log starts with a header line <c>{"covers":[{"n":name,"t":etag}…]}</c> naming the blobs it replaces. The
/// JSON writer escapes every control character inside strings, so a raw line feed only ever ends a record.
/// </summary>
internal static class DigestLog
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = FeedbackJson.Options.Encoder, Indented = false, SkipValidation = true };

    /// <summary>The record writing <paramref name="entry"/>, with its line feed.</summary>
    public static byte[] Upsert(DigestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Upsert(entry.Id, JsonSerializer.SerializeToUtf8Bytes(entry, FeedbackJson.Options));
    }

    /// <summary>The record writing the entry JSON <paramref name="entryJson"/> of response <paramref name="id"/>, with its line feed.</summary>
    public static byte[] Upsert(string id, ReadOnlySpan<byte> entryJson)
    {
        var buffer = new ArrayBufferWriter<byte>(entryJson.Length + id.Length + 16);
        using (var w = new Utf8JsonWriter(buffer, Writer))
        {
            w.WriteStartObject();
            w.WriteString("id"u8, id);
            w.WritePropertyName("e"u8);
            w.WriteRawValue(entryJson, skipInputValidation: true);
            w.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The withdrawal record of response <paramref name="id"/> (no text), with its line feed.</summary>
    public static byte[] Withdrawal(string id)
    {
        var buffer = new ArrayBufferWriter<byte>(id.Length + 24);
        using (var w = new Utf8JsonWriter(buffer, Writer))
        {
            w.WriteStartObject();
            w.WriteString("id"u8, id);
            w.WriteBoolean("w"u8, true);
            w.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The header line of a compacted log: the blobs (name and ETag) it replaces.</summary>
    public static byte[] Header(IEnumerable<LogBlobVersion> covers)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, Writer))
        {
            w.WriteStartObject();
            w.WriteStartArray("covers"u8);
            foreach (var c in covers)
            {
                w.WriteStartObject();
                w.WriteString("n"u8, c.Name);
                w.WriteString("t"u8, c.ETag);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The blobs a compacted log's header names; empty when <paramref name="compacted"/> has no header.</summary>
    public static IReadOnlyList<LogBlobVersion> Covers(ReadOnlySpan<byte> compacted)
    {
        var end = compacted.IndexOf((byte)'\n');
        var line = end < 0 ? compacted : compacted[..end];
        var list = new List<LogBlobVersion>();
        if (line.IsEmpty)
        {
            return list;
        }
        var r = new Utf8JsonReader(line);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject || !r.Read() || r.TokenType != JsonTokenType.PropertyName || !r.ValueTextEquals("covers"u8))
        {
            return list;
        }
        Expect(ref r, JsonTokenType.StartArray);
        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
        {
            string? name = null, etag = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var isName = r.ValueTextEquals("n"u8);
                Expect(ref r, JsonTokenType.String);
                if (isName)
                {
                    name = r.GetString();
                }
                else
                {
                    etag = r.GetString();
                }
            }
            if (name is null || etag is null)
            {
                throw new InvalidDataException("A digest projection header names a blob without its name or ETag.");
            }
            list.Add(new LogBlobVersion(name, etag));
        }
        return list;
    }

    private static void Expect(ref Utf8JsonReader r, JsonTokenType type)
    {
        if (!r.Read() || r.TokenType != type)
        {
            throw new InvalidDataException($"A digest projection record is malformed: expected {type}.");
        }
    }

    /// <summary>Splits <paramref name="content"/> into its records (empty lines skipped) and reads each one's id and kind.</summary>
    public static IEnumerable<LogRecord> Records(ReadOnlyMemory<byte> content)
    {
        var pos = 0;
        while (pos < content.Length)
        {
            var rest = content.Span[pos..];
            var nl = rest.IndexOf((byte)'\n');
            var length = nl < 0 ? rest.Length : nl;
            var line = content.Slice(pos, length);
            pos += length + 1;
            if (line.Length == 0)
            {
                continue;
            }
            if (TryRead(line, out var record))
            {
                yield return record;
            }
        }
    }

    /// <summary>Reads one line; false for the header line of a compacted log.</summary>
    private static bool TryRead(ReadOnlyMemory<byte> line, out LogRecord record)
    {
        var r = new Utf8JsonReader(line.Span);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject || !r.Read() || r.TokenType != JsonTokenType.PropertyName)
        {
            throw new InvalidDataException("A digest projection record is not a JSON object.");
        }
        if (r.ValueTextEquals("covers"u8))
        {
            record = default;
            return false;
        }
        if (!r.ValueTextEquals("id"u8))
        {
            throw new InvalidDataException("A digest projection record does not start with its id.");
        }
        Expect(ref r, JsonTokenType.String);
        var id = r.GetString()!;
        Expect(ref r, JsonTokenType.PropertyName);
        if (r.ValueTextEquals("w"u8))
        {
            record = new LogRecord(id, default, Withdrawn: true);
            return true;
        }
        if (!r.ValueTextEquals("e"u8))
        {
            throw new InvalidDataException("A digest projection record is neither an entry nor a withdrawal.");
        }
        // The entry is the rest of the record but its closing brace (the writer adds no white space): sliced, not tokenised
        // here, since the entry is parsed when it is listed and most records are read once.
        var start = (int)r.BytesConsumed;
        var span = line.Span;
        if (span.Length - start < 2 || span[start] != (byte)'{' || span[^1] != (byte)'}' || span[^2] != (byte)'}')
        {
            throw new InvalidDataException("A digest projection entry record does not end with its entry.");
        }
        record = new LogRecord(id, line.Slice(start, span.Length - 1 - start), Withdrawn: false);
        return true;
    }
}

/// <summary>A blob of the log as it was when read: its name and ETag (a blob deleted and created again has another ETag).</summary>
/// <param name="Name">The blob's name.</param>
/// <param name="ETag">Its ETag.</param>
internal readonly record struct LogBlobVersion(string Name, string ETag);

/// <summary>One record of a log: the entry JSON of response <paramref name="Id"/>, or its withdrawal.</summary>
/// <param name="Id">The response id.</param>
/// <param name="Entry">The entry's JSON (a slice of the log), empty for a withdrawal.</param>
/// <param name="Withdrawn">True for a withdrawal record.</param>
internal readonly record struct LogRecord(string Id, ReadOnlyMemory<byte> Entry, bool Withdrawn);

/// <summary>
/// The state of one shard, folded from its logs read in order: for each response the last entry written, unless a
/// withdrawal was ever written for it — a withdrawal is sticky, so an entry written after it (an analysis that raced the
/// withdrawal) is never live. Pure: no I/O.
/// </summary>
internal sealed class DigestLogState
{
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>Records that carry the text of a withdrawn response: compacting removes them from storage.</summary>
    public int WithdrawnText { get; private set; }

    /// <summary>Entry records replaced by a later one for the same response.</summary>
    public int Superseded { get; private set; }

    /// <summary>Records read.</summary>
    public int Records { get; private set; }

    /// <summary>Folds the records of <paramref name="content"/> (a log, or a compacted log) into the state, after those added before.</summary>
    public void Add(ReadOnlyMemory<byte> content)
    {
        foreach (var rec in DigestLog.Records(content))
        {
            Records++;
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_slots, rec.Id, out var exists);
            if (rec.Withdrawn)
            {
                if (exists && !slot.Withdrawn && slot.HasEntry)
                {
                    WithdrawnText++;
                }
                slot = new Slot(default, HasEntry: false, Withdrawn: true);
                continue;
            }
            if (exists && slot.Withdrawn)
            {
                WithdrawnText++;
                continue;
            }
            if (exists && slot.HasEntry)
            {
                Superseded++;
            }
            slot = new Slot(rec.Entry, HasEntry: true, Withdrawn: false);
        }
    }

    /// <summary>The live entries (JSON) by response id, in no particular order.</summary>
    public IEnumerable<KeyValuePair<string, ReadOnlyMemory<byte>>> Live()
    {
        foreach (var (id, slot) in _slots)
        {
            if (slot.HasEntry && !slot.Withdrawn)
            {
                yield return new(id, slot.Entry);
            }
        }
    }

    /// <summary>The ids withdrawn.</summary>
    public IEnumerable<string> Withdrawn() => _slots.Where(p => p.Value.Withdrawn).Select(p => p.Key);

    /// <summary>
    /// The compacted log of this state: <paramref name="header"/>, then one record per response in id order — its entry, or
    /// its withdrawal (kept for good, so a late entry stays unlisted), never the text of a withdrawn response.
    /// </summary>
    public byte[] Compacted(byte[] header)
    {
        using var output = new MemoryStream();
        output.Write(header);
        foreach (var id in _slots.Keys.Order(StringComparer.Ordinal))
        {
            var slot = _slots[id];
            if (slot.Withdrawn)
            {
                output.Write(DigestLog.Withdrawal(id));
            }
            else if (slot.HasEntry)
            {
                output.Write(DigestLog.Upsert(id, slot.Entry.Span));
            }
        }
        return output.ToArray();
    }

    private readonly record struct Slot(ReadOnlyMemory<byte> Entry, bool HasEntry, bool Withdrawn);
}
