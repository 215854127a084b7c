using System.Text.Json;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Core.Responses;

/// <summary>What a respondent gets back: the receipt that can later withdraw the answer.</summary>
/// <param name="Id">The response id.</param>
/// <param name="Receipt">The id as shown to a person (<c>ABCDE-FGHJK</c>).</param>
/// <param name="NeedsHelp">
/// True when the free text may disclose harm: the page shows where to get help first, and the safeguarding contact is
/// alerted (the respondent stays anonymous).
/// </param>
public sealed record SubmissionReceipt(string Id, string Receipt, bool NeedsHelp = false);

/// <summary>
/// Stores an anonymous response and queues it for analysis. The response is stored before it is queued, and the
/// caller acknowledges (202) only after both: a response is never acknowledged and then lost. Concurrent submissions
/// share analysis-queue messages (<see cref="AnalysisQueueCoalescer"/>); a failed send fails each of them. Free text is screened
/// for a possible disclosure while the respondent waits (<see cref="IConcernScreen"/>, local and fast): a flagged
/// response is still accepted, its receipt says <see cref="SubmissionReceipt.NeedsHelp"/>, and its concern is raised at
/// once through <see cref="ConcernRaiser"/> (the queued analysis later finds it raised and does not alert twice).
/// With an idempotency key, the response id is derived from the key, so a repeated submission is stored once and
/// answers with the same receipt.
/// </summary>
public sealed partial class SubmitResponseHandler(
    SurveyCache surveys,
    IResponseRepository responses,
    AnalysisQueueCoalescer analysisQueue,
    IConcernScreen screen,
    ConcernRaiser concerns,
    TimeProvider time,
    ILogger<SubmitResponseHandler> logger)
{
    /// <summary>Validates, stores and queues a submission to survey <paramref name="surveyCode"/>.</summary>
    public Task<Outcome> HandleAsync(string surveyCode, JsonElement body, CancellationToken cancellationToken) =>
        HandleAsync(surveyCode, body, null, cancellationToken);

    /// <summary>
    /// Validates, stores and queues a submission; a repeat with the same <paramref name="idempotencyKey"/> (8 to 100 of
    /// letters, digits, '-' and '_') and the same answers is stored once and gets the same receipt; with other answers it is 409.
    /// </summary>
    public async Task<Outcome> HandleAsync(string surveyCode, JsonElement body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && !ResponseId.IsValidIdempotencyKey(idempotencyKey))
        {
            return Outcome.Invalid("idempotencyKey", "An idempotency key is 8 to 100 letters, digits, '-' and '_'.");
        }
        var survey = SurveyRules.IsValidCode(surveyCode) ? await surveys.FindAsync(surveyCode, cancellationToken) : null;
        if (survey is null)
        {
            return Outcome.NotFound($"There is no survey '{surveyCode}'.");
        }
        if (survey.Status != SurveyStatus.Open)
        {
            return Outcome.Conflict(survey.Status == SurveyStatus.Closed
                ? "This survey has closed and takes no more answers."
                : "This survey is not open yet.");
        }
        var (submission, errors) = SubmissionParser.Parse(body, survey);
        if (submission is null)
        {
            return Outcome.Invalid(errors);
        }

        var concern = ScreenFreeText(submission, survey.Audience);
        var now = time.GetUtcNow();
        if (idempotencyKey is not null)
        {
            var keyed = await StoreKeyedAsync(survey, submission, idempotencyKey, now, cancellationToken);
            if (keyed.Existing is { } existing)
            {
                if (!SameAnswers(existing, survey.Code, submission))
                {
                    return Outcome.Conflict("These answers were already sent with this idempotency key; a key sends one set of answers.");
                }
                // A repeat: queue again (analysis is idempotent) so the acknowledgement below still means "queued".
                await analysisQueue.EnqueueAsync(existing.Id, cancellationToken);
                await RaiseIfFlaggedAsync(existing, concern, cancellationToken);
                LogRepeat(logger, existing.Id, survey.Code);
                return Outcome.Accepted(new SubmissionReceipt(existing.Id, ResponseId.ToReceipt(existing.Id), concern is not null));
            }
            if (keyed.Stored is { } stored)
            {
                return await QueueAndAcknowledgeAsync(stored, concern, cancellationToken);
            }
            // The derived id was taken by other answers under another key (about one in 2^40): fall back to a random id.
        }
        SurveyResponse? response = null;
        // Ids have 35 random bits per quarter and bucket; a clash is rare but is retried, never overwritten.
        for (var attempt = 0; attempt < 5 && response is null; attempt++)
        {
            var candidate = NewResponse(ResponseId.New(now), survey, submission, now);
            if (await responses.TryAddAsync(candidate, cancellationToken)
                // The storage client retries an insert whose answer timed out; when the first try was stored, the retry
                // finds this very response there (same time and answers). Taking a new id would store the answers twice
                // and leave this copy unqueued.
                || await responses.FindAsync(candidate.Id, cancellationToken) is { } taken && taken.ReceivedUtc == now && SameAnswers(taken, survey.Code, submission))
            {
                response = candidate;
            }
        }
        if (response is null)
        {
            throw new StorageUnavailableException("Could not find a free response id.");
        }
        return await QueueAndAcknowledgeAsync(response, concern, cancellationToken);
    }

    private Analysis.ConcernCategory? ScreenFreeText(ValidSubmission submission, Analysis.Audience audience)
    {
        foreach (var f in submission.FreeText)
        {
            var r = screen.Screen(f.Text, audience);
            if (r.Concern.Flagged)
            {
                return r.Concern.Category ?? Analysis.ConcernCategory.ImmediateDanger;
            }
        }
        return null;
    }

    private async Task<(SurveyResponse? Stored, SurveyResponse? Existing)> StoreKeyedAsync(Survey survey, ValidSubmission submission, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidate = NewResponse(ResponseId.FromIdempotencyKey(now, survey.Code, key), survey, submission, now);
        if (await responses.TryAddAsync(candidate, cancellationToken))
        {
            return (candidate, null);
        }
        var existing = await responses.FindAsync(candidate.Id, cancellationToken);
        if (existing is null)
        {
            // Taken a moment ago and withdrawn since: store this one under the key.
            return await responses.TryAddAsync(candidate, cancellationToken) ? (candidate, null) : (null, null);
        }
        return existing.SurveyCode == survey.Code ? (null, existing) : (null, null);
    }

    private static SurveyResponse NewResponse(string id, Survey survey, ValidSubmission submission, DateTimeOffset now) => new()
    {
        Id = id,
        SurveyCode = survey.Code,
        Audience = survey.Audience,
        ReceivedUtc = now,
        Venue = submission.Venue,
        Channel = submission.Channel,
        Answers = submission.Answers,
        FreeText = submission.FreeText,
    };

    private static bool SameAnswers(SurveyResponse existing, string surveyCode, ValidSubmission s) =>
        existing.SurveyCode == surveyCode
        && existing.Venue == s.Venue
        && existing.Answers.Count == s.Answers.Count
        && s.Answers.All(a => existing.Answers.TryGetValue(a.Key, out var v) && v.SequenceEqual(a.Value, StringComparer.Ordinal))
        && existing.FreeText.Count == s.FreeText.Count
        && existing.FreeText.Zip(s.FreeText).All(p => p.First.QuestionId == p.Second.QuestionId && p.First.Text == p.Second.Text);

    private async Task RaiseIfFlaggedAsync(SurveyResponse response, Analysis.ConcernCategory? concern, CancellationToken cancellationToken)
    {
        if (concern is not { } category)
        {
            return;
        }
        try
        {
            await concerns.RaiseAsync(response, category, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            // The response is stored and queued: its analysis raises the same concern, so the alert is not lost.
            LogRaiseDeferred(logger, response.Id);
        }
    }

    private async Task<Outcome> QueueAndAcknowledgeAsync(SurveyResponse response, Analysis.ConcernCategory? concern, CancellationToken cancellationToken)
    {
        try
        {
            // Shares a message with the submissions queued meanwhile (group commit); completes once that message is sent.
            await analysisQueue.EnqueueAsync(response.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or OperationCanceledException)
        {
            // Not acknowledged, so take the stored copy back: the respondent is told to try again and no orphan stays unanalysed.
            LogQueueFailed(logger, response.Id, response.SurveyCode);
            try
            {
                await responses.DeleteAsync(response.Id, CancellationToken.None);
            }
            catch (StorageUnavailableException)
            {
                LogOrphan(logger, response.Id);
            }
            throw;
        }
        await RaiseIfFlaggedAsync(response, concern, cancellationToken);
        LogAccepted(logger, response.Id, response.SurveyCode, response.FreeText.Count, concern is not null);
        return Outcome.Accepted(new SubmissionReceipt(response.Id, ResponseId.ToReceipt(response.Id), concern is not null));
    }

    [LoggerMessage(LogLevel.Information, "Accepted response {ResponseId} to survey {SurveyCode} with {FreeTextCount} free-text answers (needs help: {NeedsHelp})")]
    private static partial void LogAccepted(ILogger logger, string responseId, string surveyCode, int freeTextCount, bool needsHelp);

    [LoggerMessage(LogLevel.Information, "Repeated submission of response {ResponseId} to survey {SurveyCode}; stored once, same receipt")]
    private static partial void LogRepeat(ILogger logger, string responseId, string surveyCode);

    [LoggerMessage(LogLevel.Warning, "Could not raise the concern of response {ResponseId} at submit; its analysis will raise it")]
    private static partial void LogRaiseDeferred(ILogger logger, string responseId);

    [LoggerMessage(LogLevel.Warning, "Could not queue response {ResponseId} to survey {SurveyCode}; removing it and answering 503")]
    private static partial void LogQueueFailed(ILogger logger, string responseId, string surveyCode);

    [LoggerMessage(LogLevel.Error, "Response {ResponseId} is stored but neither queued nor removed; queue it with 'feedback reanalyse'")]
    private static partial void LogOrphan(ILogger logger, string responseId);
}
