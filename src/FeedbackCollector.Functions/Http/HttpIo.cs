using System.Text.Json;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions.Http;

/// <summary>
/// Reading requests and writing answers the same way in every function and in both hosts: JSON in the product's
/// convention, problem+json for every failure, limits checked before anything is stored.
/// </summary>
public static partial class HttpIo
{
    /// <summary>Largest request body accepted (64 KB).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Seconds a client is asked to wait when storage is down.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Reads a JSON body, or returns the 413/415/400 answer explaining why not.</summary>
    public static async Task<(JsonElement Body, IActionResult? Error)> ReadJsonAsync(HttpRequest req, CancellationToken cancellationToken)
    {
        var contentType = req.ContentType;
        if (contentType is null || !contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (default, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send the body as application/json."));
        }
        if (req.ContentLength > MaxBodyBytes)
        {
            return (default, TooLarge());
        }
        var buffer = new byte[MaxBodyBytes + 1];
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
        if (read > MaxBodyBytes)
        {
            return (default, TooLarge());
        }
        try
        {
            using var doc = JsonDocument.Parse(buffer.AsMemory(0, read), new JsonDocumentOptions { MaxDepth = 16 });
            return (doc.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : "";
            return (default, Problem(StatusCodes.Status400BadRequest, "Malformed JSON", $"The body is not valid JSON{where}.",
                new Dictionary<string, string> { ["$"] = "Malformed JSON" + where + "." }));
        }
    }

    /// <summary>Maps a handler's outcome to an answer.</summary>
    public static IActionResult From(Outcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => Json(outcome.Value, StatusCodes.Status200OK),
        OutcomeKind.Created => Json(outcome.Value, StatusCodes.Status201Created),
        OutcomeKind.Accepted => Json(outcome.Value, StatusCodes.Status202Accepted),
        OutcomeKind.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", outcome.Message),
        OutcomeKind.Conflict => Problem(StatusCodes.Status409Conflict, "Conflict", outcome.Message),
        OutcomeKind.Invalid => Problem(StatusCodes.Status400BadRequest, "Invalid request", outcome.Message, outcome.Errors),
        OutcomeKind.TooLarge => Problem(StatusCodes.Status413PayloadTooLarge, "Too large", outcome.Message),
        OutcomeKind.UnsupportedMediaType => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", outcome.Message),
        OutcomeKind.Unavailable => new RetryLaterResult(Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", outcome.Message)),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>A JSON answer in the product's convention.</summary>
    public static IActionResult Json(object? value, int status) => new ContentResult
    {
        StatusCode = status,
        ContentType = "application/json; charset=utf-8",
        Content = JsonSerializer.Serialize(value, FeedbackJson.Options),
    };

    /// <summary>An RFC 9457 problem answer; <paramref name="errors"/> names the fields at fault.</summary>
    public static IActionResult Problem(int status, string title, string? detail, IReadOnlyDictionary<string, string>? errors = null) => new ContentResult
    {
        StatusCode = status,
        ContentType = "application/problem+json; charset=utf-8",
        Content = JsonSerializer.Serialize(new ProblemBody(title, status, detail, errors), FeedbackJson.Options),
    };

    /// <summary>
    /// Runs a function body, turning storage faults into 503 with Retry-After (nothing was acknowledged, so the client
    /// retries) and a client that went away into no answer.
    /// </summary>
    public static async Task<IActionResult> GuardAsync(HttpRequest req, ILogger logger, Func<CancellationToken, Task<IActionResult>> body)
    {
        var aborted = req.HttpContext.RequestAborted;
        try
        {
            return await body(aborted);
        }
        catch (StorageUnavailableException ex)
        {
            LogStorageDown(logger, ex, req.Path.Value ?? "");
            req.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
                "Storage is not answering. Nothing was saved; please try again shortly.");
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return new EmptyResult();
        }
    }

    private static IActionResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body is over {MaxBodyBytes / 1024} KB.");

    /// <summary>An answer with <c>Retry-After</c>: storage failed part-way and the message says how to finish.</summary>
    private sealed class RetryLaterResult(IActionResult inner) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteResultAsync(context);
        }
    }

    /// <summary>The problem document.</summary>
    public sealed record ProblemBody(string Title, int Status, string? Detail, IReadOnlyDictionary<string, string>? Errors);

    [LoggerMessage(LogLevel.Warning, "Storage unavailable while serving {Path}; answered 503")]
    private static partial void LogStorageDown(ILogger logger, Exception ex, string path);
}
