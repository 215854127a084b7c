using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Core.Notes;

/// <summary>An upload of a youth-forum session's notes, as the HTTP function read it.</summary>
/// <param name="FileName">The uploaded file's name; its extension tells the type.</param>
/// <param name="ContentType">The file part's content type, used when the name has no extension.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="Forum">The forum's name.</param>
/// <param name="SessionDate">The session's date, <c>yyyy-MM-dd</c>.</param>
/// <param name="Participants">Optional: how many young people took part.</param>
/// <param name="AgeRange">Optional: their age range, <c>13-17</c>.</param>
public sealed record NotesUploadRequest(
    string? FileName,
    string? ContentType,
    ReadOnlyMemory<byte> Content,
    string? Forum,
    string? SessionDate,
    string? Participants = null,
    string? AgeRange = null);

/// <summary>The answer to an upload.</summary>
/// <param name="UploadId">The first 16 hex digits of the file's SHA-256: the same file always has the same id.</param>
/// <param name="PointsAccepted">Points stored and queued for analysis by this upload; 0 for a file already uploaded.</param>
/// <param name="Duplicate">True when this file was uploaded before and so is counted once.</param>
/// <param name="Message">What happened, for a person.</param>
public sealed record NotesUploadReceipt(string UploadId, int PointsAccepted, bool Duplicate, string Message);

/// <summary>
/// Takes a facilitator's upload of session notes: checks the session details and the file, splits it into points, and
/// stores each point as a response (survey <see cref="SurveyCode"/>, audience and channel forum-notes, the forum as
/// venue and provenance) before queueing it for analysis like any answer. Nothing is stored from a refused upload.
/// The file's SHA-256 keys a ledger record and every point's id, so the same file uploaded twice is counted once, and
/// an upload that storage interrupted is finished, not duplicated, by uploading the same file again.
/// </summary>
public sealed partial class NotesUploadHandler(
    INotesReader reader,
    IUploadLedger ledger,
    IResponseRepository responses,
    IQueueSender queue,
    IOptions<StorageNamesOptions> names,
    TimeProvider time,
    ILogger<NotesUploadHandler> logger)
{
    /// <summary>The survey code of every point of notes: notes answer no survey, and the forum is kept as the venue.</summary>
    public const string SurveyCode = "forum-notes";

    /// <summary>The question id of a point's text.</summary>
    public const string PointQuestionId = "point";

    /// <summary>Closed-answer id holding the number of young people at the session.</summary>
    public const string ParticipantsAnswerId = "session-participants";

    /// <summary>Closed-answer id holding the session's age range (<c>13-17</c>).</summary>
    public const string AgeRangeAnswerId = "session-age-range";

    /// <summary>Most young people a session may report.</summary>
    public const int MaxParticipants = 500;

    /// <summary>Checks, reads, stores and queues an upload by the facilitator <paramref name="uploadedBy"/>.</summary>
    public async Task<Outcome> HandleAsync(NotesUploadRequest request, string uploadedBy, CancellationToken cancellationToken)
    {
        if (request.Content.Length > NotesLimits.MaxBytes)
        {
            return Outcome.TooLarge($"The file is {request.Content.Length / 1024.0 / 1024.0:0.0} MB; the most is {NotesLimits.MaxBytes / 1024 / 1024} MB.");
        }
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string>();
        var session = ReadSession(request, now, errors);
        if (request.Content.Length == 0)
        {
            errors["file"] = "The file is empty.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var read = reader.Read(request.FileName, request.ContentType, request.Content);
        switch (read.Problem)
        {
            case NotesProblem.UnsupportedType:
                return Outcome.UnsupportedMediaType(read.Message + " Supported: " + string.Join(", ", reader.SupportedTypes) + ".");
            case NotesProblem.TooLarge:
                return Outcome.TooLarge(read.Message!);
            case { } problem:
                LogRefused(logger, problem, uploadedBy);
                return Outcome.Invalid("file", read.Message!);
        }

        var hashBytes = SHA256.HashData(request.Content.Span);
        var hash = Convert.ToHexStringLower(hashBytes);
        var uploadId = hash[..16];
        var record = await ledger.FindAsync(hash, cancellationToken);
        if (record is { Status: UploadStatus.Completed })
        {
            LogDuplicate(logger, uploadId, uploadedBy);
            return Outcome.Ok(new NotesUploadReceipt(uploadId, 0, true,
                $"This file was already uploaded on {record.StartedUtc.UtcDateTime:yyyy-MM-dd} with {record.Points} points; it is counted once."));
        }
        var resumed = record is not null;
        if (record is null)
        {
            var claim = new UploadRecord
            {
                Hash = hash,
                Kind = "notes",
                Source = session.Forum,
                Session = session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Points = read.Points.Count,
                StartedUtc = now,
                UploadedBy = uploadedBy,
            };
            if (!await ledger.TryAddAsync(claim, cancellationToken))
            {
                // The same file is being uploaded at this moment; storing is idempotent, so carry on with it.
                resumed = true;
            }
        }

        var items = BuildItems(read.Points, session, hashBytes);
        var report = await ResponseIngest.StoreAndQueueAsync(items, responses, queue, names.Value.AnalysisQueueName, cancellationToken);
        if (!report.Complete)
        {
            LogPartial(logger, uploadId, report.Stored + report.AlreadyStored, report.Queued, report.Total);
            return Outcome.Unavailable(
                $"Storage failed part-way: {report.Stored + report.AlreadyStored} of {report.Total} points are stored and {report.Queued} are queued for analysis. " +
                "Upload the same file again to finish; points already stored are not counted twice.",
                report);
        }
        await MarkCompletedAsync(hash, uploadId, now, cancellationToken);
        LogAccepted(logger, uploadId, report.Total, report.AlreadyStored, uploadedBy);
        var message = resumed
            ? $"Finished an earlier upload of this file: {report.Total} points are stored and queued for analysis ({report.AlreadyStored} were stored before)."
            : $"{report.Total} points accepted and queued for analysis.";
        return Outcome.Accepted(new NotesUploadReceipt(uploadId, report.Total, false, message));
    }

    private async Task MarkCompletedAsync(string hash, string uploadId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var current = await ledger.FindAsync(hash, cancellationToken);
            if (current is { Status: UploadStatus.InProgress })
            {
                await ledger.UpdateAsync(current with { Status = UploadStatus.Completed, CompletedUtc = now }, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or StorageUnavailableException)
        {
            // Every point is stored and queued; the ledger only decides whether a repeat is reported as a duplicate,
            // and a repeat of an in-progress record re-finds the same points, so nothing is counted twice either way.
            LogLedgerNotCompleted(logger, uploadId);
        }
    }

    private static List<ResponseIngest.Item> BuildItems(IReadOnlyList<NotesPoint> points, Session session, byte[] hash)
    {
        var received = new DateTimeOffset(session.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var sessionText = session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (session.Participants is { } p)
        {
            answers[ParticipantsAnswerId] = [p.ToString(CultureInfo.InvariantCulture)];
        }
        if (session.AgeRange is { } a)
        {
            answers[AgeRangeAnswerId] = [a];
        }
        var items = new List<ResponseIngest.Item>(points.Count);
        foreach (var point in points)
        {
            var seed = new byte[hash.Length + 4];
            hash.CopyTo(seed, 0);
            BitConverter.TryWriteBytes(seed.AsSpan(hash.Length), point.Line);
            items.Add(new ResponseIngest.Item(new SurveyResponse
            {
                Id = string.Empty,
                SurveyCode = SurveyCode,
                Audience = Audience.ForumNotes,
                ReceivedUtc = received,
                Venue = session.Venue,
                Channel = Channel.ForumNotes,
                Answers = answers,
                FreeText = [new FreeTextAnswer(PointQuestionId, point.Text)],
                Provenance = new Provenance(session.Forum, sessionText, point.Line) { Context = point.Heading },
            }, seed));
        }
        return items;
    }

    private sealed record Session(string Forum, string? Venue, DateOnly Date, int? Participants, string? AgeRange);

    private static Session ReadSession(NotesUploadRequest request, DateTimeOffset now, Dictionary<string, string> errors)
    {
        var forum = (request.Forum ?? "").Trim();
        if (forum.Length is 0 or > 100 || forum.Any(char.IsControl))
        {
            errors["forum"] = "The forum's name is required: 1 to 100 characters.";
        }
        var date = default(DateOnly);
        // The session happened where the facilitator is: allow today's date in any time zone (UTC+14 at most).
        var latest = DateOnly.FromDateTime(now.UtcDateTime.AddHours(14));
        if (!DateOnly.TryParseExact((request.SessionDate ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors["sessionDate"] = "The session date is required, as yyyy-MM-dd.";
        }
        else if (date > latest)
        {
            errors["sessionDate"] = "The session date cannot be in the future.";
        }
        else if (date < DateOnly.FromDateTime(Quarter.Epoch.Start.UtcDateTime))
        {
            errors["sessionDate"] = $"The session date must be on or after {Quarter.Epoch.Start.UtcDateTime:yyyy-MM-dd}.";
        }
        int? participants = null;
        if (!string.IsNullOrWhiteSpace(request.Participants))
        {
            if (int.TryParse(request.Participants.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxParticipants)
            {
                participants = n;
            }
            else
            {
                errors["participants"] = $"The number of young people is a whole number from 1 to {MaxParticipants}.";
            }
        }
        string? ageRange = null;
        if (!string.IsNullOrWhiteSpace(request.AgeRange))
        {
            if (TryParseAgeRange(request.AgeRange, out var min, out var max))
            {
                ageRange = min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min}-{max}";
            }
            else
            {
                errors["ageRange"] = "The age range is like 13-17 (ages 5 to 25, youngest first).";
            }
        }
        return new Session(forum, VenueOf(forum), date, participants, ageRange);
    }

    /// <summary>Reads <c>13-17</c>, <c>13 to 17</c>, <c>13–17</c> or a single age.</summary>
    public static bool TryParseAgeRange(string? text, out int min, out int max)
    {
        min = max = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 20)
        {
            return false;
        }
        var t = text.Trim().Replace(" to ", "-", StringComparison.OrdinalIgnoreCase).Replace('–', '-').Replace('—', '-').Replace(" ", "", StringComparison.Ordinal);
        var parts = t.Split('-');
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out min)
            || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out max))
        {
            return false;
        }
        return min is >= 5 and <= 25 && max is >= 5 and <= 25 && min <= max;
    }

    /// <summary>The forum's name as a venue code (<c>Northside Youth Forum</c> → <c>northside-youth-forum</c>), or null when nothing is left.</summary>
    public static string? VenueOf(string forum)
    {
        var sb = new StringBuilder(40);
        foreach (var ch in forum.Normalize(NormalizationForm.FormD))
        {
            var c = char.ToLowerInvariant(ch);
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                sb.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
            if (sb.Length == 40)
            {
                break;
            }
        }
        var venue = sb.ToString().Trim('-');
        return VenueCode.IsValid(venue) ? venue : null;
    }

    [LoggerMessage(LogLevel.Information, "Notes upload refused ({Problem}) from {UploadedBy}")]
    private static partial void LogRefused(ILogger logger, NotesProblem problem, string uploadedBy);

    [LoggerMessage(LogLevel.Information, "Notes upload {UploadId} from {UploadedBy} is a file already uploaded; counted once")]
    private static partial void LogDuplicate(ILogger logger, string uploadId, string uploadedBy);

    [LoggerMessage(LogLevel.Information, "Notes upload {UploadId}: {Points} points stored and queued ({AlreadyStored} from an earlier attempt), by {UploadedBy}")]
    private static partial void LogAccepted(ILogger logger, string uploadId, int points, int alreadyStored, string uploadedBy);

    [LoggerMessage(LogLevel.Warning, "Notes upload {UploadId} interrupted by storage: {Stored} stored, {Queued} queued of {Total}; the same upload again finishes it")]
    private static partial void LogPartial(ILogger logger, string uploadId, int stored, int queued, int total);

    [LoggerMessage(LogLevel.Warning, "Notes upload {UploadId} is stored and queued but its ledger record was not marked completed")]
    private static partial void LogLedgerNotCompleted(ILogger logger, string uploadId);
}
