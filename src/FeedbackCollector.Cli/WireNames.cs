using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using FeedbackCollector.Core;

namespace FeedbackCollector.Cli;

/// <summary>
/// The kebab-case wire names of an enum (<see cref="FeedbackJson.WireName{T}"/>), worked out once: writing a
/// result per text must not format enum names each time.
/// </summary>
internal static class WireNames<T>
    where T : struct, Enum
{
    private static readonly string[] Names = Build();

    private static readonly JsonEncodedText[] Encoded =
        Array.ConvertAll(Names, n => JsonEncodedText.Encode(n, JavaScriptEncoder.UnsafeRelaxedJsonEscaping));

    private static readonly Dictionary<string, T> ByName = BuildLookup();

    /// <summary>The wire name of <paramref name="value"/>.</summary>
    public static string Name(T value)
    {
        var i = Index(value);
        return (uint)i < (uint)Names.Length ? Names[i] : FeedbackJson.WireName(value);
    }

    /// <summary>The wire name of <paramref name="value"/>, encoded for a JSON writer.</summary>
    public static JsonEncodedText Json(T value)
    {
        var i = Index(value);
        return (uint)i < (uint)Encoded.Length ? Encoded[i] : JsonEncodedText.Encode(FeedbackJson.WireName(value), JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    }

    /// <summary>As <see cref="FeedbackJson.TryParseWireName{T}"/>: case-insensitive, the first value in declaration order wins.</summary>
    public static bool TryParse(string text, out T value) => ByName.TryGetValue(text, out value);

    private static int Index(T value) => Unsafe.SizeOf<T>() == sizeof(int) ? Unsafe.As<T, int>(ref value) : -1;

    /// <summary>Names by the value's number, for enums numbered 0, 1, 2... (others fall back to formatting).</summary>
    private static string[] Build()
    {
        var values = Enum.GetValues<T>();
        if (Unsafe.SizeOf<T>() != sizeof(int))
        {
            return [];
        }
        var names = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var n = Unsafe.As<T, int>(ref v);
            if ((uint)n >= (uint)names.Length || names[n] is not null)
            {
                return [];
            }
            names[n] = FeedbackJson.WireName(v);
        }
        return names;
    }

    private static Dictionary<string, T> BuildLookup()
    {
        var map = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in Enum.GetValues<T>())
        {
            map.TryAdd(FeedbackJson.WireName(v), v);
        }
        return map;
    }
}
