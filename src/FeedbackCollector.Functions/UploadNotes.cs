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
/// POST /api/notes: a facilitator uploads a session's notes as <c>multipart/form-data</c> — the file in the part
/// <c>file</c> (.txt, .md, .docx or .csv, at most 5 MB) and the fields <c>forum</c>, <c>sessionDate</c> (yyyy-MM-dd),
/// optional <c>participants</c> and <c>ageRange</c>. 202 with the number of points accepted; 200 for a file already
/// uploaded (counted once); 400, 413 or 415 with nothing stored.
/// </summary>
public sealed class UploadNotes(NotesUploadHandler handler, StaffGate gate, ILogger<UploadNotes> logger)
{
    /// <summary>Room for the form's fields and part headers beside the file.</summary>
    private const int FormOverhead = 64 * 1024;

    /// <summary>Takes an upload.</summary>
    [Function(nameof(UploadNotes))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/notes")] HttpRequest req) =>
        HttpIo.GuardAsync(req, logger, async ct =>
        {
            var (auth, denied) = await gate.CheckAsync(req, ct, StaffRole.Facilitator);
            if (denied is not null)
            {
                return denied;
            }
            if (!req.HasFormContentType || !(req.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                return HttpIo.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                    "Send multipart/form-data with the notes in the part 'file' and the fields forum, sessionDate, participants and ageRange.");
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
                // The form reader refuses a body over the limit (or a malformed multipart body) before reading it all.
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
            var request = new NotesUploadRequest(file.FileName, file.ContentType, content, form["forum"].FirstOrDefault(), form["sessionDate"].FirstOrDefault(),
                form["participants"].FirstOrDefault(), form["ageRange"].FirstOrDefault());
            return HttpIo.From(await handler.HandleAsync(request, auth.Label ?? "facilitator", ct));
        });

    private static IActionResult TooLarge() =>
        HttpIo.Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"The notes file is over {NotesLimits.MaxBytes / 1024 / 1024} MB.");
}
