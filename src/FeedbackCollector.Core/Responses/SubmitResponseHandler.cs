using System.Text.Json;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Core.Responses;

/// <summary>What a respondent gets back: the receipt that can later withdraw the answer.</summary>
/// <param name="Id">The response id.</param>
/// <param name="Receipt">The id as shown to a person (<c>ABCDE-FGHJK</c>).</param>
public sealed record SubmissionReceipt(string Id, string Receipt);

/// <summary>
/// Stores an anonymous response and queues it for analysis. The response is stored before it is queued, and the
/// caller acknowledges (202) only after both: a response is never acknowledged and then lost.
/// </summary>
public sealed partial class SubmitResponseHandler(
    SurveyCache surveys,
    IResponseRepository responses,
    IQueueSender queue,
    IOptions<StorageNamesOptions> names,
    TimeProvider time,
    ILogger<SubmitResponseHandler> logger)
{
    /// <summary>Validates, stores and queues a submission to survey <paramref name="surveyCode"/>.</summary>
    public async Task<Outcome> HandleAsync(string surveyCode, JsonElement body, CancellationToken cancellationToken)
    {
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

        var now = time.GetUtcNow();
        SurveyResponse? response = null;
        // Ids have 35 random bits per quarter and bucket; a clash is rare but is retried, never overwritten.
        for (var attempt = 0; attempt < 5 && response is null; attempt++)
        {
            var candidate = new SurveyResponse
            {
                Id = ResponseId.New(now),
                SurveyCode = survey.Code,
                Audience = survey.Audience,
                ReceivedUtc = now,
                Venue = submission.Venue,
                Channel = submission.Channel,
                Answers = submission.Answers,
                FreeText = submission.FreeText,
            };
            if (await responses.TryAddAsync(candidate, cancellationToken))
            {
                response = candidate;
            }
        }
        if (response is null)
        {
            throw new StorageUnavailableException("Could not find a free response id.");
        }

        try
        {
            await queue.SendAsync(names.Value.AnalysisQueueName, response.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or OperationCanceledException)
        {
            // Not acknowledged, so take the stored copy back: the respondent is told to try again and no orphan stays unanalysed.
            LogQueueFailed(logger, response.Id, survey.Code);
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
        LogAccepted(logger, response.Id, survey.Code, response.FreeText.Count);
        return Outcome.Accepted(new SubmissionReceipt(response.Id, ResponseId.ToReceipt(response.Id)));
    }

    [LoggerMessage(LogLevel.Information, "Accepted response {ResponseId} to survey {SurveyCode} with {FreeTextCount} free-text answers")]
    private static partial void LogAccepted(ILogger logger, string responseId, string surveyCode, int freeTextCount);

    [LoggerMessage(LogLevel.Warning, "Could not queue response {ResponseId} to survey {SurveyCode}; removing it and answering 503")]
    private static partial void LogQueueFailed(ILogger logger, string responseId, string surveyCode);

    [LoggerMessage(LogLevel.Error, "Response {ResponseId} is stored but neither queued nor removed; queue it with 'feedback reanalyse'")]
    private static partial void LogOrphan(ILogger logger, string responseId);
}
