using System.Buffers;
using System.Text;
using System.Text.Json;

namespace FeedbackCollector.Core.Responses;

/// <summary>
/// The analysis queue's message format. A message names one or more stored responses, never their text: one id as the
/// bare id (<c>ABCDEFGHJK</c>, the original format, which every producer but the submit path still sends), several as
/// JSON <c>{"ids":["ABCDEFGHJK","..."]}</c>. Both are plain text on the queue (host.json's <c>messageEncoding</c> is
/// <c>none</c>).
/// </summary>
public static class AnalysisMessage
{
    /// <summary>The most ids one message may carry: about 13 bytes each, far inside the queue's 64 KB message limit.</summary>
    public const int MaxIds = 1000;

    /// <summary>
    /// The message for <paramref name="ids"/>: the bare id when there is one, so a single response is queued exactly as
    /// before (an instance still running the old handler reads it); JSON for several.
    /// </summary>
    /// <exception cref="ArgumentException">No ids, more than <see cref="MaxIds"/>, or one that is not a response id.</exception>
    public static string Format(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count is 0 or > MaxIds)
        {
            throw new ArgumentException($"An analysis message carries 1 to {MaxIds} ids.", nameof(ids));
        }
        foreach (var id in ids)
        {
            if (!ResponseId.TryNormalize(id, out var normal) || normal != id)
            {
                throw new ArgumentException("Only normalised response ids can be queued for analysis.", nameof(ids));
            }
        }
        if (ids.Count == 1)
        {
            return ids[0];
        }
        var buffer = new ArrayBufferWriter<byte>(16 + (ids.Count * 13));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("ids");
            foreach (var id in ids)
            {
                json.WriteStringValue(id);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The distinct, normalised response ids of a message in either format, in message order.
    /// </summary>
    /// <exception cref="FormatException">Neither a response id nor <c>{"ids":[...]}</c> of 1 to <see cref="MaxIds"/> response ids.</exception>
    public static IReadOnlyList<string> Parse(string? message)
    {
        var text = message?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new FormatException("An analysis message must be a response id or {\"ids\":[...]}; it is empty.");
        }
        if (text[0] != '{')
        {
            return ResponseId.TryNormalize(text, out var id)
                ? [id]
                : throw new FormatException("An analysis message must be a response id or {\"ids\":[...]}.");
        }
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("ids", out var array)
                || array.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("An analysis message in JSON must be an object with an \"ids\" array.");
            }
            var count = array.GetArrayLength();
            if (count is 0 or > MaxIds)
            {
                throw new FormatException($"An analysis message carries 1 to {MaxIds} ids; this one has {count}.");
            }
            var ids = new List<string>(count);
            var seen = new HashSet<string>(count, StringComparer.Ordinal);
            foreach (var e in array.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.String || !ResponseId.TryNormalize(e.GetString()?.Trim(), out var id))
                {
                    throw new FormatException("Every entry of an analysis message's \"ids\" must be a response id.");
                }
                if (seen.Add(id))
                {
                    ids.Add(id);
                }
            }
            return ids;
        }
        catch (JsonException ex)
        {
            throw new FormatException("An analysis message that starts with '{' must be JSON {\"ids\":[...]}.", ex);
        }
    }
}
