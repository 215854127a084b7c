using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Core.Concerns;

/// <summary>
/// Records a concern for a flagged response and puts its id on the alerts queue, exactly once in effect: the concern's
/// id is the response id, and the alert is queued again only if an earlier attempt stopped before marking it queued.
/// </summary>
public sealed partial class ConcernRaiser(
    IConcernRepository concerns,
    IQueueSender queue,
    IOptions<StorageNamesOptions> names,
    TimeProvider time,
    ILogger<ConcernRaiser> logger)
{
    /// <summary>Raises the concern of <paramref name="response"/>, whose <paramref name="analysis"/> is flagged.</summary>
    public Task RaiseAsync(SurveyResponse response, ResponseAnalysis analysis, CancellationToken cancellationToken)
    {
        var flagged = analysis.Texts.First(t => t.Result.Concern.Flagged).Result.Concern;
        return RaiseAsync(response, flagged.Category ?? Analysis.ConcernCategory.ImmediateDanger, cancellationToken);
    }

    /// <summary>
    /// Raises the concern of <paramref name="response"/> in <paramref name="category"/> (from the submit-time screen or
    /// the analysis, whichever comes first; the second finds it raised and does nothing).
    /// </summary>
    public async Task RaiseAsync(SurveyResponse response, Analysis.ConcernCategory category, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var record = new ConcernRecord
        {
            Id = response.Id,
            SurveyCode = response.SurveyCode,
            Venue = response.Venue,
            Category = category,
            ReceivedUtc = response.ReceivedUtc,
            RaisedUtc = now,
        };
        if (!await concerns.TryAddAsync(record, cancellationToken))
        {
            record = await concerns.FindAsync(response.Id, cancellationToken)
                     ?? throw new InvalidOperationException($"Concern {response.Id} vanished while being raised.");
            if (record.AlertQueuedUtc is not null)
            {
                return;
            }
        }
        await queue.SendAsync(names.Value.AlertsQueueName, response.Id, cancellationToken);
        await concerns.ChangeAsync(response.Id, c => c.AlertQueuedUtc is null ? c with { AlertQueuedUtc = now } : null, cancellationToken);
        LogRaised(logger, response.Id, record.Category, response.SurveyCode);
    }

    [LoggerMessage(LogLevel.Warning, "Safeguarding concern raised for response {ResponseId} ({Category}) in survey {SurveyCode}; alert queued")]
    private static partial void LogRaised(ILogger logger, string responseId, Analysis.ConcernCategory category, string surveyCode);
}
