using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Core.Responses;

/// <summary>
/// Handles a message of the analysis queue (<see cref="AnalysisMessage"/>: one response id, or several): reads each
/// response by id, analyses the free text of all of them in one analyzer call, stores each result and raises a concern
/// when flagged. Idempotent per response: a message handled twice changes nothing the second time, and a response
/// already analysed by this analyzer and taxonomy is skipped. When some responses of a message fail, the others are
/// still analysed and stored, and the message fails so the host retries it (then poison): the retry skips the ones done.
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
    // Reads and writes of one message's responses run this many at a time.
    private const int StorageConcurrency = 32;

    /// <summary>Processes one queue message: a response id, or <c>{"ids":[...]}</c>.</summary>
    /// <exception cref="FormatException">The message is neither; it will end in the poison queue for a person to see.</exception>
    public Task HandleAsync(string message, CancellationToken cancellationToken) =>
        AnalyseAsync(AnalysisMessage.Parse(message), cancellationToken);

    /// <summary>
    /// Analyses the responses with these (normalised) ids, skipping those already analysed by this analyzer and taxonomy
    /// and those withdrawn. Every response is attempted; when any failed, throws the first failure (the others are
    /// logged) after the rest are stored.
    /// </summary>
    public async Task AnalyseAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (taxonomy is not null)
        {
            // Pick up a taxonomy an officer saved on any instance (checked at most every few seconds).
            await taxonomy.RefreshAsync(force: false, cancellationToken);
        }
        var items = new Item[ids.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new Item(ids[i]);
        }

        // Read with its version, so the analysis is saved with one write unless the response changed meanwhile.
        await EachAsync(items, async (item, ct) => item.Read = await responses.FindVersionedAsync(item.Id, ct), cancellationToken);
        foreach (var item in items)
        {
            if (item.Failure is null && item.Read is null)
            {
                // Withdrawn before it was analysed: nothing to do, and nothing to retry.
                LogGone(logger, item.Id);
            }
        }

        var upToDate = items.Where(i => i.Failure is null && IsUpToDate(i.Read)).ToList();
        if (upToDate.Count > 0 && taxonomy is not null)
        {
            // Re-analysis asked for by an officer may reach an instance that has not yet seen the new taxonomy: look now,
            // then compare again whatever the refresh says (a message handled beside this one may have swapped it).
            await taxonomy.RefreshAsync(force: true, cancellationToken);
            upToDate = upToDate.Where(i => IsUpToDate(i.Read)).ToList();
        }
        // Already analysed by this analyzer and taxonomy. Still make sure a flagged concern was raised and the digest
        // projection written (both idempotent), in case a previous attempt stopped between the writes.
        await EachAsync(upToDate, async (item, ct) =>
        {
            var response = item.Read!.Response;
            if (response.Analysis!.ConcernFlagged)
            {
                await concerns.RaiseAsync(response, response.Analysis, ct);
            }
            await ProjectAsync(response, ct);
            LogAlreadyDone(logger, item.Id);
        }, cancellationToken);

        var toAnalyse = items.Where(i => i.Failure is null && i.Read is not null && !upToDate.Contains(i)).ToList();
        if (toAnalyse.Count > 0)
        {
            await AnalyseTextsAsync(toAnalyse, cancellationToken);
            await EachAsync(toAnalyse.Where(i => i.Analysis is not null).ToList(), SaveAsync, cancellationToken);
        }

        var failed = items.Where(i => i.Failure is not null).ToList();
        if (failed.Count == 0)
        {
            return;
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (items.Length > 1)
        {
            LogSomeFailed(logger, failed.Count, items.Length);
            foreach (var item in failed.Skip(1))
            {
                LogResponseFailed(logger, item.Failure!, item.Id);
            }
        }
        // The first failure, as it was (its type is what callers and the host's log see); the others are logged above.
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed[0].Failure!);
    }

    private bool IsUpToDate(VersionedResponse? read) => read?.Response.Analysis is { } stored && stored.Analyzer == analyzer.Info;

    /// <summary>One analyzer call for the texts of every response; when it fails, each response alone, so one bad text fails only its own response.</summary>
    private async Task AnalyseTextsAsync(List<Item> items, CancellationToken cancellationToken)
    {
        if (items.Count > 1)
        {
            try
            {
                Analyse(items, await AnalyzeAsync(items, cancellationToken));
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogBatchFailed(logger, ex, items.Count);
            }
        }
        foreach (var item in items)
        {
            try
            {
                Analyse([item], await AnalyzeAsync([item], cancellationToken));
            }
            catch (Exception ex)
            {
                item.Failure = ex;
            }
        }
    }

    private async Task<IReadOnlyList<AnalysisResult>> AnalyzeAsync(List<Item> items, CancellationToken cancellationToken)
    {
        var requests = new List<AnalysisRequest>();
        foreach (var item in items)
        {
            var response = item.Read!.Response;
            foreach (var f in response.FreeText)
            {
                requests.Add(new AnalysisRequest(f.QuestionId, f.Text, response.Audience));
            }
        }
        var results = requests.Count == 0 ? [] : await analyzer.AnalyzeAsync(requests, cancellationToken);
        if (results.Count != requests.Count)
        {
            throw new InvalidOperationException($"The analyzer returned {results.Count} results for {requests.Count} texts.");
        }
        return results;
    }

    private void Analyse(List<Item> items, IReadOnlyList<AnalysisResult> results)
    {
        var now = time.GetUtcNow();
        var info = analyzer.Info;
        var next = 0;
        foreach (var item in items)
        {
            var free = item.Read!.Response.FreeText;
            var texts = new List<TextAnalysis>(free.Count);
            foreach (var f in free)
            {
                texts.Add(new TextAnalysis(f.QuestionId, results[next++]));
            }
            item.Analysis = new ResponseAnalysis(texts, now, info);
        }
    }

    private async Task SaveAsync(Item item, CancellationToken cancellationToken)
    {
        var response = item.Read!.Response;
        var analysis = item.Analysis!;
        if (!await responses.SaveAnalysisAsync(item.Id, analysis, item.Read.Version, cancellationToken))
        {
            LogGone(logger, item.Id);
            return;
        }
        // After the table write and before the message is done: if this fails, the message is retried.
        await ProjectAsync(response with { Analysis = analysis }, cancellationToken);
        if (analysis.ConcernFlagged)
        {
            await concerns.RaiseAsync(response, analysis, cancellationToken);
        }
        LogAnalysed(logger, item.Id, analysis.ThemeIds.Count, analysis.ConcernFlagged);
    }

    /// <summary>Runs <paramref name="work"/> for each item not yet failed, a bounded number at once; a failure is kept on its item.</summary>
    private static async Task EachAsync(IReadOnlyList<Item> items, Func<Item, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (items.Count == 1)
        {
            // The common single-id message: no scheduling overhead.
            await GuardAsync(items[0], work, cancellationToken);
            return;
        }
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = StorageConcurrency },
            async (item, _) => await GuardAsync(item, work, cancellationToken));
    }

    private static async Task GuardAsync(Item item, Func<Item, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (item.Failure is not null)
        {
            return;
        }
        try
        {
            await work(item, cancellationToken);
        }
        catch (Exception ex)
        {
            item.Failure = ex;
        }
    }

    /// <summary>One response of a message and how far it got.</summary>
    private sealed class Item(string id)
    {
        public string Id { get; } = id;

        public VersionedResponse? Read { get; set; }

        public ResponseAnalysis? Analysis { get; set; }

        public Exception? Failure { get; set; }
    }

    private Task ProjectAsync(SurveyResponse analysed, CancellationToken cancellationToken) =>
        projection is null ? Task.CompletedTask : projection.UpsertAsync(analysed, cancellationToken);

    [LoggerMessage(LogLevel.Information, "Response {ResponseId} no longer exists; nothing to analyse")]
    private static partial void LogGone(ILogger logger, string responseId);

    [LoggerMessage(LogLevel.Information, "Response {ResponseId} was already analysed by this analyzer; skipped")]
    private static partial void LogAlreadyDone(ILogger logger, string responseId);

    [LoggerMessage(LogLevel.Warning, "{Failed} of {Count} responses of an analysis message failed; the message is retried, and the analysed ones are skipped then")]
    private static partial void LogSomeFailed(ILogger logger, int failed, int count);

    [LoggerMessage(LogLevel.Warning, "Response {ResponseId} of an analysis message also failed")]
    private static partial void LogResponseFailed(ILogger logger, Exception ex, string responseId);

    [LoggerMessage(LogLevel.Warning, "Analysing the texts of {Count} responses together failed; analysing each response alone")]
    private static partial void LogBatchFailed(ILogger logger, Exception ex, int count);

    [LoggerMessage(LogLevel.Information, "Analysed response {ResponseId}: {ThemeCount} themes, concern {ConcernFlagged}")]
    private static partial void LogAnalysed(ILogger logger, string responseId, int themeCount, bool concernFlagged);
}
