using System.Net;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace FeedbackCollector.Functions.Http;

/// <summary>
/// Serving the respondent's pages: HTML with the strict security headers, the language from <c>?lang=</c> or the
/// browser, the client address (only ever hashed for rate limits), form bodies read within the collector's 64 KB
/// limit, and storage faults shown as a page that says nothing was saved.
/// </summary>
public static partial class WebIo
{
    /// <summary>The page, with Content-Security-Policy and friends, Content-Language and Retry-After when set.</summary>
    public static IActionResult Page(HttpRequest req, WebPage page)
    {
        var headers = req.HttpContext.Response.Headers;
        foreach (var (name, value) in Assets.SecurityHeaders)
        {
            headers[name] = value;
        }
        headers.ContentLanguage = page.Lang;
        headers.Vary = "Accept-Language";
        if (page.RetryAfterSeconds is { } s)
        {
            headers.RetryAfter = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return new ContentResult { StatusCode = page.Status, ContentType = "text/html; charset=utf-8", Content = page.Html };
    }

    /// <summary>The language: <paramref name="chosen"/> (a <c>lang</c> query or form field) or the browser's Accept-Language.</summary>
    public static PageText Text(HttpRequest req, string? chosen = null) =>
        PageText.Choose(chosen ?? req.Query["lang"].FirstOrDefault(), req.Headers.AcceptLanguage.ToString());

    /// <summary>The client's address: the connection's, or the right-most X-Forwarded-For entry behind a trusted front end.</summary>
    public static IPAddress? ClientAddress(HttpRequest req, SurveyWebOptions options)
    {
        if (options.TrustForwardedFor && req.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (last is not null && (IPAddress.TryParse(last, out var a) || (IPEndPoint.TryParse(last, out var ep) && (a = ep.Address) is not null)))
            {
                return a;
            }
        }
        return req.HttpContext.Connection.RemoteIpAddress;
    }

    /// <summary>The public base address for links and QR codes: the setting, else the address the request came to.</summary>
    public static string BaseUrl(HttpRequest req, SurveyWebOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? $"{req.Scheme}://{req.Host}" : options.PublicBaseUrl.TrimEnd('/');

    /// <summary>Why a form body could not be read.</summary>
    public enum FormProblem
    {
        /// <summary>Read.</summary>
        None,
        /// <summary>Not application/x-www-form-urlencoded (415).</summary>
        ContentType,
        /// <summary>Over 64 KB (413).</summary>
        TooLarge,
    }

    /// <summary>Reads an urlencoded form of at most <see cref="HttpIo.MaxBodyBytes"/>.</summary>
    public static async Task<(Dictionary<string, IReadOnlyList<string>> Form, FormProblem Problem)> ReadFormAsync(HttpRequest req, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var type = req.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(type, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (form, FormProblem.ContentType);
        }
        if (req.ContentLength > HttpIo.MaxBodyBytes)
        {
            return (form, FormProblem.TooLarge);
        }
        var buffer = new byte[HttpIo.MaxBodyBytes + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await req.Body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        if (read > HttpIo.MaxBodyBytes)
        {
            return (form, FormProblem.TooLarge);
        }
        using var reader = new FormReader(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
        foreach (var (k, v) in await reader.ReadFormAsync(cancellationToken))
        {
            form[k] = ((StringValues)v).Where(s => s is not null).Select(s => s!).ToList();
        }
        return (form, FormProblem.None);
    }

    /// <summary>The first value of a form field, or null.</summary>
    public static string? First(IReadOnlyDictionary<string, IReadOnlyList<string>> form, string name) =>
        form.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    /// <summary>Runs a page's body; a storage fault becomes a 503 page (with Retry-After) that says nothing was saved.</summary>
    public static async Task<IActionResult> GuardPageAsync(HttpRequest req, ILogger logger, PageText text, Func<CancellationToken, Task<IActionResult>> body)
    {
        var aborted = req.HttpContext.RequestAborted;
        try
        {
            return await body(aborted);
        }
        catch (StorageUnavailableException ex)
        {
            LogStorageDown(logger, ex, req.Path.Value ?? "");
            return Page(req, SurveyPages.Message(StatusCodes.Status503ServiceUnavailable, text, "unavailableTitle", "unavailableBody") with { RetryAfterSeconds = HttpIo.RetryAfterSeconds });
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return new EmptyResult();
        }
    }

    /// <summary>A 429 problem answer with Retry-After, for the JSON API.</summary>
    public static IActionResult TooMany(HttpRequest req, RateDecision decision)
    {
        req.HttpContext.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return HttpIo.Problem(StatusCodes.Status429TooManyRequests, "Too many requests",
            $"Too many submissions from this {decision.Scope}; try again in {decision.RetryAfterSeconds} s.");
    }

    [LoggerMessage(LogLevel.Warning, "Storage unavailable while serving page {Path}; answered 503")]
    private static partial void LogStorageDown(ILogger logger, Exception ex, string path);
}
