using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FeedbackCollector.Functions.Http;

/// <summary>
/// The staff console: a static single-page app (HTML, CSS and plain JavaScript, nothing from elsewhere) embedded in this
/// assembly under <c>console/</c>, served with a strict Content-Security-Policy: scripts and styles only from these
/// files, no inline script or style, no frames of the console elsewhere.
/// </summary>
public static class ConsoleAssets
{
    /// <summary>The resource prefix of the console's files.</summary>
    public const string ResourcePrefix = "console/";

    /// <summary>The page served at <c>/console</c>.</summary>
    public const string IndexFile = "index.html";

    private static readonly Lazy<FrozenDictionary<string, Asset>> Assets = new(Load);

    /// <summary>
    /// Hashes of inline style blocks the console may show inside a sandboxed frame (the digest's own HTML, previewed
    /// there): each is allowed by hash only, never by 'unsafe-inline'.
    /// </summary>
    public static IReadOnlyList<string> FramedStyleHashes { get; } =
        ["sha256-" + Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("\n" + Digest.Rendering.HtmlDigestRenderer.Css + "\n")))];

    /// <summary>The Content-Security-Policy of every console answer.</summary>
    public static string ContentSecurityPolicy { get; } =
        "default-src 'none'; script-src 'self'; style-src 'self'" + string.Concat(FramedStyleHashes.Select(h => $" '{h}'")) +
        "; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The names of the console's files.</summary>
    public static IEnumerable<string> Names => Assets.Value.Keys;

    /// <summary>The file at <paramref name="path"/> (empty: the page), with caching and security headers; 404 when there is none.</summary>
    public static IActionResult Serve(HttpRequest req, string? path)
    {
        var name = string.IsNullOrEmpty(path) ? IndexFile : path;
        var headers = req.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!Assets.Value.TryGetValue(name, out var asset))
        {
            return new ContentResult { StatusCode = StatusCodes.Status404NotFound, ContentType = "text/plain; charset=utf-8", Content = $"There is no console file '{name}'." };
        }
        // Revalidated on each load (cheap with the ETag), so a new version of the console is picked up at once.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (req.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return new StatusCodeResult(StatusCodes.Status304NotModified);
        }
        return new FileContentResult(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            var bytes = ms.ToArray();
            var name = resource[ResourcePrefix.Length..];
            assets[name] = new Asset(bytes, TypeOf(name), "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string TypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
