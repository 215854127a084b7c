using System.Text;
using System.Text.Json;
using FeedbackCollector.Core.Responses;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FeedbackCollector.Functions.Http;

/// <summary>Request and answer bodies beyond <see cref="HttpIo"/>'s: JSON kept as text (a taxonomy), and files.</summary>
public static class HttpBodies
{
    /// <summary>
    /// Reads a JSON body of up to <paramref name="maxBytes"/> as text, exactly as sent, after checking that it parses; or the
    /// 413/415/400 answer explaining why not.
    /// </summary>
    public static async Task<(string Text, IActionResult? Error)> ReadJsonTextAsync(HttpRequest req, int maxBytes, CancellationToken cancellationToken)
    {
        var contentType = req.ContentType;
        if (contentType is null || !contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return ("", HttpIo.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send the body as application/json."));
        }
        if (req.ContentLength > maxBytes)
        {
            return ("", TooLarge(maxBytes));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var n = await req.Body.ReadAsync(chunk, cancellationToken);
            if (n == 0)
            {
                break;
            }
            if (buffer.Length + n > maxBytes)
            {
                return ("", TooLarge(maxBytes));
            }
            buffer.Write(chunk, 0, n);
        }
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : "";
            return ("", HttpIo.Problem(StatusCodes.Status400BadRequest, "Malformed JSON", $"The body is not valid JSON{where}.",
                new Dictionary<string, string> { ["$"] = "Malformed JSON" + where + "." }));
        }
        var span = bytes.Span;
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }
        return (Encoding.UTF8.GetString(span), null);
    }

    /// <summary>A file to download, named, never cached, never sniffed.</summary>
    public static IActionResult File(HttpRequest req, FileAnswer file)
    {
        req.HttpContext.Response.Headers.CacheControl = "no-store";
        req.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return new FileContentResult(file.Content, file.ContentType) { FileDownloadName = file.FileName };
    }

    private static IActionResult TooLarge(int maxBytes) =>
        HttpIo.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body is over {maxBytes / 1024} KB.");
}
