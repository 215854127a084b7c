using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeedbackCollector.Core;

/// <summary>The one JSON convention of the product's APIs and stored documents: camelCase, kebab-case enums.</summary>
public static class FeedbackJson
{
    /// <summary>Options for APIs and storage.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Text is HTML-escaped where it is rendered, not in JSON: keep emoji and non-Latin scripts readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    /// <summary>The kebab-case wire name of an enum value (<c>ForumNotes</c> → <c>forum-notes</c>).</summary>
    public static string WireName<T>(T value) where T : struct, Enum => WireNames.Of(value);

    /// <summary>Parses a kebab-case wire name (case-insensitive); false when it names no value.</summary>
    public static bool TryParseWireName<T>(string? text, out T value) where T : struct, Enum => WireNames.TryParse(text, out value);
}
