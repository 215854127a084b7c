using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Functions;

/// <summary>
/// POST /api/notes/preview: the same multipart upload as <see cref="UploadNotes"/> (only the part <c>file</c> is needed),
/// split into points and analysed, with nothing stored, so a facilitator sees the points and their themes before
/// confirming (facilitator).
/// </summary>
public sealed class PreviewNotes(NotesPreviewHandler handler, StaffGate gate, ILogger<PreviewNotes> logger)
{
    /// <summary>Room for the form's fields and part headers beside the file.</summary>
    private const int FormOverhead = 64 * 1024;

    /// <summary>Previews an upload.</summary>
    [Function(nameof(PreviewNotes))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/notes/preview")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (_, denied) = await gate.CheckAsync(req, ct, StaffRole.Facilitator);
            if (denied is not null)
            {
                return denied;
            }
            if (!req.HasFormContentType || !(req.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                return HttpIo.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send multipart/form-data with the notes in the part 'file'.");
            }
            if (req.ContentLength > NotesLimits.MaxBytes + FormOverhead)
            {
                return TooLarge();
            }
            IFormCollection form;
            try
            {
                form = await req.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = NotesLimits.MaxBytes + FormOverhead, ValueCountLimit = 16 }, ct);
            }
            catch (InvalidDataException)
            {
                return req.ContentLength is null or > NotesLimits.MaxBytes ? TooLarge()
                    : HttpIo.Problem(StatusCodes.Status400BadRequest, "Invalid request", "The multipart body could not be read.");
            }
            var file = form.Files.GetFile("file");
            if (file is null)
            {
                return HttpIo.Problem(StatusCodes.Status400BadRequest, "Invalid request", "The notes file is missing.",
                    new Dictionary<string, string> { ["file"] = "Attach the notes as the part 'file'." });
            }
            if (file.Length > NotesLimits.MaxBytes)
            {
                return TooLarge();
            }
            var content = new byte[file.Length];
            await using (var s = file.OpenReadStream())
            {
                await s.ReadExactlyAsync(content, ct);
            }
            var request = new NotesUploadRequest(file.FileName, file.ContentType, content, form["forum"].FirstOrDefault(), form["sessionDate"].FirstOrDefault());
            return HttpIo.From(await handler.PreviewAsync(request, ct));
        });

    private static IActionResult TooLarge() =>
        HttpIo.Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"The notes file is over {NotesLimits.MaxBytes / 1024 / 1024} MB.");
}
