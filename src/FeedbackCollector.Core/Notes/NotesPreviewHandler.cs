using FeedbackCollector.Core.Analysis;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Core.Notes;

/// <summary>One point of a previewed file, as it would be stored and analysed.</summary>
/// <param name="Line">Where it starts in the file (line, paragraph or row).</param>
/// <param name="Heading">The heading it stood under, when there was one.</param>
/// <param name="RedactedText">The point with personal data replaced, as officers will read it.</param>
/// <param name="Themes">The themes found, with their evidence.</param>
/// <param name="Sentiment">Its sentiment.</param>
/// <param name="KeyPhrases">Its key phrases.</param>
/// <param name="ConcernFlagged">True when it may disclose harm: it will go to the safeguarding lead at once.</param>
public sealed record NotesPreviewPoint(int Line, string? Heading, string RedactedText, IReadOnlyList<ThemeMatch> Themes, SentimentResult Sentiment, IReadOnlyList<string> KeyPhrases, bool ConcernFlagged);

/// <summary>
/// Splits an uploaded file of session notes into points and analyses them, storing nothing, so a facilitator sees the
/// points and their themes before confirming the upload (which reads the same file the same way).
/// </summary>
public sealed partial class NotesPreviewHandler(INotesReader reader, ITextAnalyzer analyzer, ILogger<NotesPreviewHandler> logger)
{
    /// <summary>The points of <paramref name="request"/>'s file with their analysis, or why the file cannot be taken (400/413/415).</summary>
    public async Task<Outcome> PreviewAsync(NotesUploadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content.Length > NotesLimits.MaxBytes)
        {
            return Outcome.TooLarge($"The file is {request.Content.Length / 1024.0 / 1024.0:0.0} MB; the most is {NotesLimits.MaxBytes / 1024 / 1024} MB.");
        }
        if (request.Content.Length == 0)
        {
            return Outcome.Invalid("file", "The file is empty.");
        }
        var read = reader.Read(request.FileName, request.ContentType, request.Content);
        switch (read.Problem)
        {
            case NotesProblem.UnsupportedType:
                return Outcome.UnsupportedMediaType(read.Message + " Supported: " + string.Join(", ", reader.SupportedTypes) + ".");
            case NotesProblem.TooLarge:
                return Outcome.TooLarge(read.Message!);
            case not null:
                return Outcome.Invalid("file", read.Message!);
        }
        var requests = read.Points.Select((p, i) => new AnalysisRequest(i.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Text, Audience.ForumNotes)).ToList();
        var results = await analyzer.AnalyzeAsync(requests, cancellationToken);
        if (results.Count != requests.Count)
        {
            throw new InvalidOperationException($"The analyzer returned {results.Count} results for {requests.Count} points.");
        }
        var points = read.Points.Select((p, i) => new NotesPreviewPoint(p.Line, p.Heading, results[i].RedactedText, results[i].Themes,
            results[i].Sentiment, results[i].KeyPhrases, results[i].Concern.Flagged)).ToList();
        LogPreviewed(logger, points.Count);
        return Outcome.Ok(new { fileName = request.FileName, points, taxonomyVersion = analyzer.Info.TaxonomyVersion });
    }

    [LoggerMessage(LogLevel.Information, "Previewed session notes: {Points} points, nothing stored")]
    private static partial void LogPreviewed(ILogger logger, int points);
}
