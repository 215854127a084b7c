using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
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
            var (upload, error) = await NotesForm.ReadAsync(req,
                "Send multipart/form-data with the notes in the part 'file' and the fields forum, sessionDate, participants and ageRange.", ct);
            if (error is not null)
            {
                return error;
            }
            var request = new NotesUploadRequest(upload!.File.FileName, upload.File.ContentType, upload.Content, upload.Field("forum"), upload.Field("sessionDate"),
                upload.Field("participants"), upload.Field("ageRange"));
            return HttpIo.From(await handler.HandleAsync(request, auth.Label ?? "facilitator", ct));
        });
}
