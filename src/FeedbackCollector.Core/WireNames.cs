using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FeedbackCollector.Core;

/// <summary>
/// The kebab-case wire names of the product's enums (<c>date-of-birth</c>, <c>forum-notes</c>, <c>self-harm</c>),
/// the same names that <see cref="JsonNamingPolicy.KebabCaseLower"/> gives, so the dev set and the JSON output agree.
/// </summary>
public static class WireNames
{
    /// <summary>The wire name of an enum value (<c>ForumNotes</c> → <c>forum-notes</c>).</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Names<TEnum>.ToWire[value];

    /// <summary>The wire name of an enum value, encoded once for a <see cref="Utf8JsonWriter"/> (hot output paths).</summary>
    public static JsonEncodedText Json<TEnum>(TEnum value) where TEnum : struct, Enum => Names<TEnum>.ToJson[value];

    /// <summary>Parses a wire name (case-insensitive); false when it names no value.</summary>
    public static bool TryParse<TEnum>(string? wire, out TEnum value) where TEnum : struct, Enum
    {
        if (wire is not null && Names<TEnum>.FromWire.TryGetValue(wire, out value))
        {
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Every wire name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Names<TEnum>.Ordered;

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> Ordered =
            Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())).ToArray();

        public static readonly FrozenDictionary<TEnum, string> ToWire =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<TEnum, JsonEncodedText> ToJson =
            ToWire.ToFrozenDictionary(p => p.Key, p => JsonEncodedText.Encode(p.Value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping));

        public static readonly FrozenDictionary<string, TEnum> FromWire =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()), v => v, StringComparer.OrdinalIgnoreCase);
    }
}
