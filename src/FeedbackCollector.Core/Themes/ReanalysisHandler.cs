using System.Security.Cryptography;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Core.Themes;

/// <summary>How far a re-analysis job has come.</summary>
/// <param name="Id">The job id.</param>
/// <param name="TaxonomyVersion">The version responses are being brought to.</param>
/// <param name="Total">Responses queued.</param>
/// <param name="Done">Of those, how many now use the version.</param>
/// <param name="Remaining">How many still use another version.</param>
/// <param name="Status"><c>running</c>, <c>done</c>, or <c>superseded</c> when another version is now in use.</param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="CreatedUtc">When.</param>
public sealed record ReanalysisProgress(string Id, string TaxonomyVersion, int Total, int Done, int Remaining, string Status, string CreatedBy, DateTimeOffset CreatedUtc);

/// <summary>
/// Re-analyses stored responses whose analysis used an older taxonomy: puts their ids on the analysis queue (the analysis
/// function re-analyses a response whenever the analyzer or taxonomy differs from the one recorded), and reports progress
/// by counting the job's responses still on another version.
/// </summary>
public sealed partial class ReanalysisHandler(
    IResponseCurationStore curation,
    ITaxonomyStore store,
    ITaxonomyRuntime runtime,
    ITextAnalyzer analyzer,
    IQueueSender queue,
    IOptions<StorageNamesOptions> names,
    TimeProvider time,
    ILogger<ReanalysisHandler> logger)
{
    /// <summary>Queue sends in flight at once.</summary>
    public const int SendConcurrency = 16;

    /// <summary>Finds the responses analysed with another taxonomy version than the one in use and queues them.</summary>
    public async Task<Outcome> StartAsync(string startedBy, CancellationToken cancellationToken)
    {
        await runtime.RefreshAsync(force: true, cancellationToken);
        var version = analyzer.Info.TaxonomyVersion;
        var now = time.GetUtcNow();
        var stale = new List<StaleAnalysis>();
        await foreach (var s in curation.ListStaleAsync(Quarter.Epoch.Start, DateTimeOffset.MaxValue, version, cancellationToken))
        {
            stale.Add(s);
        }
        var from = stale.Count == 0 ? now : stale.Min(s => s.ReceivedUtc);
        var to = stale.Count == 0 ? now : stale.Max(s => s.ReceivedUtc).AddSeconds(1);
        var job = new ReanalysisJob(NewJobId(now), version, stale.Count, from, to, startedBy, now);
        // The job is recorded first, so progress can be asked for whatever happens while queueing.
        await store.AddJobAsync(job, cancellationToken);
        await Parallel.ForEachAsync(stale, new ParallelOptions { MaxDegreeOfParallelism = SendConcurrency, CancellationToken = cancellationToken },
            async (s, ct) => await queue.SendAsync(names.Value.AnalysisQueueName, s.Id, ct));
        LogStarted(logger, job.Id, stale.Count, version);
        return Outcome.Accepted(await ProgressAsync(job, cancellationToken));
    }

    /// <summary>The progress of job <paramref name="id"/>.</summary>
    public async Task<Outcome> GetAsync(string id, CancellationToken cancellationToken)
    {
        var job = IsJobId(id) ? await store.FindJobAsync(id, cancellationToken) : null;
        return job is null ? Outcome.NotFound($"There is no re-analysis job '{id}'.") : Outcome.Ok(await ProgressAsync(job, cancellationToken));
    }

    private async Task<ReanalysisProgress> ProgressAsync(ReanalysisJob job, CancellationToken cancellationToken)
    {
        var remaining = 0;
        if (job.Total > 0)
        {
            await foreach (var _ in curation.ListStaleAsync(job.FromUtc, job.ToUtc, job.TaxonomyVersion, cancellationToken))
            {
                remaining++;
            }
        }
        remaining = Math.Min(remaining, job.Total);
        await runtime.RefreshAsync(force: false, cancellationToken);
        var status = remaining == 0 ? "done" : analyzer.Info.TaxonomyVersion != job.TaxonomyVersion ? "superseded" : "running";
        return new ReanalysisProgress(job.Id, job.TaxonomyVersion, job.Total, job.Total - remaining, remaining, status, job.CreatedBy, job.CreatedUtc);
    }

    /// <summary>A job id: the time, then random hex (sorts by time, cannot be guessed).</summary>
    private static string NewJobId(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>True for the form of a job id.</summary>
    public static bool IsJobId(string? id) =>
        id is { Length: 23 } && id[14] == '-' && id.AsSpan(0, 14).IndexOfAnyExceptInRange('0', '9') < 0
        && id.AsSpan(15).IndexOfAnyExcept("0123456789abcdef") < 0;

    [LoggerMessage(LogLevel.Information, "Re-analysis job {JobId} queued {Count} responses for taxonomy {Version}")]
    private static partial void LogStarted(ILogger logger, string jobId, int count, string version);
}
