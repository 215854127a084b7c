using System.Globalization;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Core.Notes;

/// <summary>One answer row of another survey tool's export.</summary>
/// <param name="Line">The line the row starts on in the export.</param>
/// <param name="ReceivedUtc">When it was answered (the export's date column).</param>
/// <param name="Texts">The free-text answers chosen for import, by question id.</param>
public sealed record ImportRow(int Line, DateTimeOffset ReceivedUtc, IReadOnlyList<FreeTextAnswer> Texts);

/// <summary>An import of an export file, read by the command line.</summary>
/// <param name="FileName">The export's file name, kept as provenance.</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of the export's bytes: the same file is imported once.</param>
/// <param name="Tool">The tool it came from: <c>forms</c>, <c>google</c> or <c>surveymonkey</c>.</param>
/// <param name="SurveyCode">The survey code the answers are counted under in digests.</param>
/// <param name="Audience">Who answered.</param>
/// <param name="Rows">The rows with at least one chosen answer.</param>
public sealed record ImportRequest(string FileName, string ContentHash, string Tool, string SurveyCode, Audience Audience, IReadOnlyList<ImportRow> Rows);

/// <summary>What an import did.</summary>
/// <param name="ImportId">The first 16 hex digits of the file's SHA-256.</param>
/// <param name="Rows">Rows in the file with an answer.</param>
/// <param name="Stored">Rows stored and queued by this run.</param>
/// <param name="AlreadyStored">Rows found stored by an earlier, unfinished run.</param>
/// <param name="Duplicate">True when the file was imported before and nothing was added.</param>
/// <param name="Message">What happened, for a person.</param>
public sealed record ImportReport(string ImportId, int Rows, int Stored, int AlreadyStored, bool Duplicate, string Message);

/// <summary>
/// Imports answers exported from Microsoft Forms, Google Forms or SurveyMonkey: each row becomes a response (channel
/// import) stored and then queued for analysis, exactly as a submitted response. Like notes, the file's hash keys a
/// ledger record and each row's id, so importing the same file again adds nothing, and an interrupted import finishes.
/// </summary>
public sealed partial class ImportHandler(
    IUploadLedger ledger,
    IResponseRepository responses,
    IQueueSender queue,
    IOptions<StorageNamesOptions> names,
    TimeProvider time,
    ILogger<ImportHandler> logger)
{
    /// <summary>Most rows one import may hold.</summary>
    public const int MaxRows = 200_000;

    /// <summary>Checks and imports <paramref name="request"/> for <paramref name="importedBy"/>.</summary>
    public async Task<Outcome> HandleAsync(ImportRequest request, string importedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = Validate(request, now);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var hash = request.ContentHash;
        var importId = hash[..16];
        var record = await ledger.FindAsync(hash, cancellationToken);
        if (record is { Status: UploadStatus.Completed })
        {
            return Outcome.Ok(new ImportReport(importId, request.Rows.Count, 0, 0, true,
                $"This file was already imported on {record.StartedUtc.UtcDateTime:yyyy-MM-dd} ({record.Points} rows); nothing was added."));
        }
        if (record is null)
        {
            await ledger.TryAddAsync(new UploadRecord
            {
                Hash = hash,
                Kind = "import",
                Source = request.FileName,
                Session = request.Tool,
                Points = request.Rows.Count,
                StartedUtc = now,
                UploadedBy = importedBy,
            }, cancellationToken);
        }

        var hashBytes = Convert.FromHexString(hash);
        var session = $"{request.Tool} import {importId}";
        var items = request.Rows.Select(r =>
        {
            var seed = new byte[hashBytes.Length + 4];
            hashBytes.CopyTo(seed, 0);
            BitConverter.TryWriteBytes(seed.AsSpan(hashBytes.Length), r.Line);
            return new ResponseIngest.Item(new SurveyResponse
            {
                Id = string.Empty,
                SurveyCode = request.SurveyCode,
                Audience = request.Audience,
                ReceivedUtc = r.ReceivedUtc,
                Channel = Channel.Import,
                FreeText = r.Texts,
                Provenance = new Provenance(request.FileName, session, r.Line),
            }, seed);
        }).ToList();
        var report = await ResponseIngest.StoreAndQueueAsync(items, responses, queue, names.Value.AnalysisQueueName, cancellationToken);
        if (!report.Complete)
        {
            LogPartial(logger, importId, report.Stored + report.AlreadyStored, report.Queued, report.Total);
            return Outcome.Unavailable(
                $"{report.Failure} {report.Stored + report.AlreadyStored} of {report.Total} rows are stored and {report.Queued} queued. Run the same import again to finish; rows already stored are not added twice.",
                new ImportReport(importId, report.Total, report.Stored, report.AlreadyStored, false, "Interrupted."));
        }
        try
        {
            if (await ledger.FindAsync(hash, cancellationToken) is { Status: UploadStatus.InProgress } current)
            {
                await ledger.UpdateAsync(current with { Status = UploadStatus.Completed, CompletedUtc = time.GetUtcNow() }, cancellationToken);
            }
        }
        catch (ConcurrencyConflictException)
        {
            // Another run of the same import finished it first.
        }
        LogImported(logger, importId, report.Total, report.AlreadyStored, importedBy);
        return Outcome.Accepted(new ImportReport(importId, report.Total, report.Stored, report.AlreadyStored, false,
            string.Create(CultureInfo.InvariantCulture, $"{report.Total:N0} answers imported and queued for analysis ({report.AlreadyStored:N0} were stored by an earlier run).")));
    }

    private static Dictionary<string, string> Validate(ImportRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        if (!SurveyRules.IsValidCode(request.SurveyCode))
        {
            errors["survey"] = "A survey code is 3 to 40 characters: lower-case letters, digits and inner hyphens.";
        }
        if (request.ContentHash is not { Length: 64 } || !request.ContentHash.All(char.IsAsciiHexDigitLower))
        {
            errors["file"] = "The content hash must be a lower-case hex SHA-256.";
        }
        if (request.Rows.Count == 0)
        {
            errors["rows"] = "The file has no rows with an answer in the chosen columns.";
        }
        else if (request.Rows.Count > MaxRows)
        {
            errors["rows"] = string.Create(CultureInfo.InvariantCulture, $"At most {MaxRows:N0} rows per import (this has {request.Rows.Count:N0}); split the file.");
        }
        var bad = new List<string>();
        foreach (var row in request.Rows)
        {
            if (row.ReceivedUtc < Quarter.Epoch.Start || row.ReceivedUtc > now.AddDays(1))
            {
                bad.Add(string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: the date {row.ReceivedUtc:yyyy-MM-dd} is before {Quarter.Epoch.Start:yyyy} or in the future"));
            }
            else if (row.Texts.FirstOrDefault(t => t.Text.Length > SurveyRules.MaxFreeTextLength) is { } longText)
            {
                bad.Add(string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: an answer is {longText.Text.Length:N0} characters (at most {SurveyRules.MaxFreeTextLength:N0})"));
            }
            if (bad.Count == 10)
            {
                break;
            }
        }
        if (bad.Count > 0)
        {
            errors["rows"] = string.Join("; ", bad) + ".";
        }
        return errors;
    }

    [LoggerMessage(LogLevel.Information, "Import {ImportId}: {Rows} rows stored and queued ({AlreadyStored} from an earlier run), by {ImportedBy}")]
    private static partial void LogImported(ILogger logger, string importId, int rows, int alreadyStored, string importedBy);

    [LoggerMessage(LogLevel.Warning, "Import {ImportId} interrupted by storage: {Stored} stored, {Queued} queued of {Total}; running it again finishes it")]
    private static partial void LogPartial(ILogger logger, string importId, int stored, int queued, int total);
}
