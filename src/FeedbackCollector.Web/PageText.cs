using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace FeedbackCollector.Web;

/// <summary>
/// The pages' words in one language, from <c>Text/{lang}.json</c> (embedded). Every language has every key (a test
/// checks), so a missing key is a bug, not a fallback.
/// </summary>
public sealed class PageText
{
    private readonly FrozenDictionary<string, string> _text;

    private PageText(FrozenDictionary<string, string> text)
    {
        _text = text;
        Lang = text["lang"];
        Dir = text["dir"];
        Name = text["name"];
    }

    /// <summary>BCP 47 tag (<c>en</c>, <c>ur</c>).</summary>
    public string Lang { get; }

    /// <summary><c>ltr</c> or <c>rtl</c>.</summary>
    public string Dir { get; }

    /// <summary>The language's own name (<c>English</c>, <c>اردو</c>).</summary>
    public string Name { get; }

    /// <summary>Every key.</summary>
    public IEnumerable<string> Keys => _text.Keys;

    /// <summary>The text for <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such key.</exception>
    public string this[string key] => _text.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"No page text '{key}' in {Lang}.");

    /// <summary>The text for <paramref name="key"/> with <c>{0}</c>, <c>{1}</c> filled in.</summary>
    public string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>The languages offered, English first.</summary>
    public static IReadOnlyList<PageText> All { get; } = new[] { "en", "ur" }.Select(Load).ToList();

    /// <summary>English.</summary>
    public static PageText English => All[0];

    /// <summary>
    /// The language to show: <paramref name="chosen"/> (<c>?lang=</c>, the visible switch) when offered, otherwise the
    /// first offered language in <paramref name="acceptLanguage"/> by quality, otherwise English.
    /// </summary>
    public static PageText Choose(string? chosen, string? acceptLanguage)
    {
        if (Find(chosen) is { } c)
        {
            return c;
        }
        if (!string.IsNullOrWhiteSpace(acceptLanguage))
        {
            var best = (Text: (PageText?)null, Q: 0.0);
            foreach (var part in acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20))
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                var q = 1.0;
                foreach (var p in pieces.Skip(1))
                {
                    if (p.StartsWith("q=", StringComparison.OrdinalIgnoreCase) && double.TryParse(p.AsSpan(2), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    {
                        q = v;
                    }
                }
                // Strictly greater: earlier entries win ties, as browsers list them in order of preference; q=0 means "not this".
                if (Find(pieces[0].Split('-')[0]) is { } t && q > best.Q)
                {
                    best = (t, q);
                }
            }
            if (best.Text is not null)
            {
                return best.Text;
            }
        }
        return English;
    }

    /// <summary>The offered language with this tag, or null.</summary>
    public static PageText? Find(string? lang) =>
        string.IsNullOrWhiteSpace(lang) ? null : All.FirstOrDefault(t => string.Equals(t.Lang, lang.Trim(), StringComparison.OrdinalIgnoreCase));

    private static PageText Load(string lang)
    {
        using var stream = typeof(PageText).Assembly.GetManifestResourceStream($"FeedbackCollector.Web.Text.{lang}.json")
                           ?? throw new InvalidOperationException($"The page text for '{lang}' is not embedded.");
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? throw new InvalidDataException($"Page text '{lang}' is empty.");
        return new PageText(map.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
