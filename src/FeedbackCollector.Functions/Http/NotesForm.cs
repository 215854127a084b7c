using FeedbackCollector.Core.Notes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace FeedbackCollector.Functions.Http;

/// <summary>A session-notes upload read from <c>multipart/form-data</c>: the form's fields and the part <c>file</c>.</summary>
/// <param name="Form">The form, for its fields.</param>
/// <param name="File">The part <c>file</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record NotesForm(IFormCollection Form, IFormFile File, byte[] Content)
{
    /// <summary>Room for the form's fields and part headers beside the file.</summary>
    private const int FormOverhead = 64 * 1024;

    /// <summary>
    /// Reads the upload, or answers why not: 415 when it is not multipart (with <paramref name="unsupportedDetail"/>),
    /// 413 over <see cref="NotesLimits.MaxBytes"/>, 400 for a malformed body or a missing file.
    /// </summary>
    public static async Task<(NotesForm? Upload, IActionResult? Error)> ReadAsync(HttpRequest req, string unsupportedDetail, CancellationToken ct)
    {
        if (!req.HasFormContentType || !(req.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, HttpIo.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", unsupportedDetail));
        }
        if (req.ContentLength > NotesLimits.MaxBytes + FormOverhead)
        {
            return (null, TooLarge());
        }
        IFormCollection form;
        try
        {
            form = await req.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = NotesLimits.MaxBytes + FormOverhead, ValueCountLimit = 16 }, ct);
        }
        catch (InvalidDataException)
        {
            // The form reader refuses a body over the limit (or a malformed multipart body) before reading it all.
            return (null, req.ContentLength is null or > NotesLimits.MaxBytes ? TooLarge()
                : HttpIo.Problem(StatusCodes.Status400BadRequest, "Invalid request", "The multipart body could not be read."));
        }
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return (null, HttpIo.Problem(StatusCodes.Status400BadRequest, "Invalid request", "The notes file is missing.",
                new Dictionary<string, string> { ["file"] = "Attach the notes as the part 'file'." }));
        }
        if (file.Length > NotesLimits.MaxBytes)
        {
            return (null, TooLarge());
        }
        var content = new byte[file.Length];
        await using (var s = file.OpenReadStream())
        {
            await s.ReadExactlyAsync(content, ct);
        }
        return (new NotesForm(form, file, content), null);
    }

    /// <summary>The value of field <paramref name="name"/>, or null.</summary>
    public string? Field(string name) => Form[name].FirstOrDefault();

    private static IActionResult TooLarge() =>
        HttpIo.Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"The notes file is over {NotesLimits.MaxBytes / 1024 / 1024} MB.");
}
