using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Functions.Http;
using Microsoft.AspNetCore.Http;
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
            var (upload, error) = await NotesForm.ReadAsync(req,
                "Send multipart/form-data with the notes in the part 'file'.", ct);
            if (error is not null)
            {
                return error;
            }
            var request = new NotesUploadRequest(upload!.File.FileName, upload.File.ContentType, upload.Content, upload.Field("forum"), upload.Field("sessionDate"));
            return HttpIo.From(await handler.PreviewAsync(request, ct));
        });
}
