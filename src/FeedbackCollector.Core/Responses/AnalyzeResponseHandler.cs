using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Core.Responses;

/// <summary>
/// Handles a message of the analysis queue: reads the response by id, analyses its free text, stores the result and
/// raises a concern when flagged. Idempotent: a message handled twice changes nothing the second time.
/// </summary>
public sealed partial class AnalyzeResponseHandler(
    IResponseRepository responses,
    ITextAnalyzer analyzer,
    ConcernRaiser concerns,
    TimeProvider time,
    ILogger<AnalyzeResponseHandler> logger,
    Themes.ITaxonomyRuntime? taxonomy = null,
    IDigestProjection? projection = null)
{
    /// <summary>Processes one queue message (a response id).</summary>
    /// <exception cref="FormatException">The message is not a response id; it will end in the poison queue for a person to see.</exception>
    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        if (!ResponseId.TryNormalize(message?.Trim(), out var id))
        {
            throw new FormatException("An analysis message must be a response id.");
        }
        if (taxonomy is not null)
        {
            // Pick up a taxonomy an officer saved on any instance (checked at most every few seconds).
            await taxonomy.RefreshAsync(force: false, cancellationToken);
        }
        // Read with its version, so the analysis is saved with one write unless the response changed meanwhile.
        var read = await responses.FindVersionedAsync(id, cancellationToken);
        if (read is not { Response: var response })
        {
            // Withdrawn before it was analysed: nothing to do, and nothing to retry.
            LogGone(logger, id);
            return;
        }
        var upToDate = response.Analysis is { } stored && stored.Analyzer == analyzer.Info;
        if (upToDate && taxonomy is not null)
        {
            // Re-analysis asked for by an officer may reach an instance that has not yet seen the new taxonomy: look now,
            // then compare again whatever the refresh says (a message handled beside this one may have swapped it).
            await taxonomy.RefreshAsync(force: true, cancellationToken);
            upToDate = response.Analysis!.Analyzer == analyzer.Info;
        }
        if (upToDate && response.Analysis is { } existing)
        {
            // Already analysed by this analyzer and taxonomy. Still make sure a flagged concern was raised, in case a
            // previous attempt stopped between the two writes.
            if (existing.ConcernFlagged)
            {
                await concerns.RaiseAsync(response, existing, cancellationToken);
            }
            // Likewise the digest projection, which a failed attempt may not have written (the write is idempotent).
            await ProjectAsync(response, cancellationToken);
            LogAlreadyDone(logger, id);
            return;
        }

        var requests = response.FreeText.Select(f => new AnalysisRequest(f.QuestionId, f.Text, response.Audience)).ToList();
        var results = requests.Count == 0 ? [] : await analyzer.AnalyzeAsync(requests, cancellationToken);
        if (results.Count != requests.Count)
        {
            throw new InvalidOperationException($"The analyzer returned {results.Count} results for {requests.Count} texts.");
        }
        var analysis = new ResponseAnalysis(
            requests.Select((r, i) => new TextAnalysis(r.Id, results[i])).ToList(),
            time.GetUtcNow(),
            analyzer.Info);

        if (!await responses.SaveAnalysisAsync(id, analysis, read.Version, cancellationToken))
        {
            LogGone(logger, id);
            return;
        }
        // After the table write and before the message is done: if this fails, the message is retried.
        await ProjectAsync(response with { Analysis = analysis }, cancellationToken);
        if (analysis.ConcernFlagged)
        {
            await concerns.RaiseAsync(response, analysis, cancellationToken);
        }
        LogAnalysed(logger, id, analysis.ThemeIds.Count, analysis.ConcernFlagged);
    }

    private Task ProjectAsync(SurveyResponse analysed, CancellationToken cancellationToken) =>
        projection is null ? Task.CompletedTask : projection.UpsertAsync(analysed, cancellationToken);

    [LoggerMessage(LogLevel.Information, "Response {ResponseId} no longer exists; nothing to analyse")]
    private static partial void LogGone(ILogger logger, string responseId);

    [LoggerMessage(LogLevel.Information, "Response {ResponseId} was already analysed by this analyzer; skipped")]
    private static partial void LogAlreadyDone(ILogger logger, string responseId);

    [LoggerMessage(LogLevel.Information, "Analysed response {ResponseId}: {ThemeCount} themes, concern {ConcernFlagged}")]
    private static partial void LogAnalysed(ILogger logger, string responseId, int themeCount, bool concernFlagged);
}
