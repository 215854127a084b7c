using System.Security.Cryptography;
using System.Text;

namespace FeedbackCollector.Web;

/// <summary>
/// The one stylesheet and the one script of every page, inlined (no second request, nothing from another host) and
/// allowed by their SHA-256 hashes in the Content-Security-Policy, so no <c>'unsafe-inline'</c> is needed.
/// </summary>
public static class Assets
{
    /// <summary>The stylesheet.</summary>
    public static string Css { get; } = Load("site.css");

    /// <summary>The script (counters, read-aloud, one submission at a time, focus on errors).</summary>
    public static string Script { get; } = Load("site.js");

    /// <summary>
    /// The policy: nothing by default; only this stylesheet and script; images from this host or inline; forms post
    /// only here; never framed; no base element.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{Hash(Css)}'; script-src '{Hash(Script)}'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The CSP source expression for <paramref name="inline"/>: <c>sha256-BASE64</c>.</summary>
    public static string Hash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));

    /// <summary>Headers every page carries (besides the content type).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SecurityHeaders { get; } =
    [
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("X-Content-Type-Options", "nosniff"),
        new("Referrer-Policy", "no-referrer"),
        new("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
        new("Cross-Origin-Opener-Policy", "same-origin"),
        // Pages carry a one-time form key or a receipt code: never cached or shared.
        new("Cache-Control", "no-store"),
    ];

    private static string Load(string name)
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream($"FeedbackCollector.Web.Assets.{name}")
                           ?? throw new InvalidOperationException($"Asset {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Line endings normalised so the hash does not depend on how the file was checked out.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }
}
