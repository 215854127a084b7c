using System.Globalization;
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
/// <param name="Total">Responses it re-analyses (0 while still <c>queued</c>).</param>
/// <param name="Done">Of those, how many are re-analysed.</param>
/// <param name="Remaining">How many are still to do.</param>
/// <param name="Status">
/// <c>queued</c> (its responses are being listed), <c>running</c>, <c>done</c>, <c>failed</c> (a message of it failed
/// on its last attempt and is in the poison queue; see <paramref name="Failure"/>), or <c>superseded</c> when another
/// version came into use before it finished (it still finishes; those responses then use the newer version).
/// </param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="CreatedUtc">When.</param>
/// <param name="UpdatedUtc">When it last made progress.</param>
/// <param name="Failed">Responses in batches that failed (not re-analysed by this job unless requeued).</param>
/// <param name="Failure">When failed: what failed and what to do, in plain words; otherwise null.</param>
public sealed record ReanalysisProgress(string Id, string TaxonomyVersion, int Total, int Done, int Remaining, string Status, string CreatedBy,
    DateTimeOffset CreatedUtc, DateTimeOffset? UpdatedUtc, int Failed = 0, string? Failure = null);

/// <summary>How re-analysis jobs are split up. Section <c>Reanalysis</c>.</summary>
public sealed class ReanalysisOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Reanalysis";

    /// <summary>Responses per batch (one queue message each): the unit of progress and of retry.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How many times the host delivers a message before moving it to the poison queue: host.json's
    /// <c>extensions.queues.maxDequeueCount</c>, which it must equal (the local host sets it from host.json; in Azure the
    /// app setting <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c> overrides both).
    /// </summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Problems, empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (BatchSize is < 1 or > 500)
        {
            yield return "Reanalysis:BatchSize: 1 to 500 responses per batch.";
        }
        if (MaxDequeueCount is < 1 or > 100)
        {
            yield return "Reanalysis:MaxDequeueCount: 1 to 100, as host.json's extensions.queues.maxDequeueCount.";
        }
    }
}

/// <summary>
/// Re-analyses stored responses whose analysis used another taxonomy version, in the background. Starting a job stores
/// it and puts its id on the re-analysis queue, nothing more, so the request answers at once. The queue-triggered
/// function then calls <see cref="HandleAsync"/>: the job's message lists the responses into stored batches and puts
/// one message per batch on the same queue; a batch's message re-analyses its responses (as the analysis queue would)
/// and, in one storage transaction, marks the batch done and adds its size to the job's count. Everything survives a
/// restart (a message not finished comes back), and a batch is counted once however often it is delivered.
/// </summary>
public sealed partial class ReanalysisHandler(
    IResponseCurationStore curation,
    ITaxonomyStore store,
    ITaxonomyRuntime runtime,
    ITextAnalyzer analyzer,
    AnalyzeResponseHandler analyze,
    IQueueSender queue,
    IOptions<StorageNamesOptions> names,
    IOptions<ReanalysisOptions> options,
    TimeProvider time,
    ILogger<ReanalysisHandler> logger)
{
    /// <summary>Queue sends in flight at once.</summary>
    public const int SendConcurrency = 16;

    /// <summary>Responses of one batch analysed together: their texts in one analyzer call, their reads and writes at once.</summary>
    public const int AnalyseChunk = 32;

    /// <summary>
    /// Stores a new job for the taxonomy version in use and queues it; answers 202 with its progress, or 409 when a job
    /// for that version is queued or running already (a second would list and re-analyse the same responses).
    /// </summary>
    public async Task<Outcome> StartAsync(string startedBy, CancellationToken cancellationToken)
    {
        await runtime.RefreshAsync(force: true, cancellationToken);
        var now = time.GetUtcNow();
        var job = new ReanalysisJob(NewJobId(now), analyzer.Info.TaxonomyVersion, startedBy, now) { UpdatedUtc = now };
        if (await store.AddJobUnlessRunningAsync(job, cancellationToken) is { } running)
        {
            return Outcome.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"A re-analysis to version {running.TaxonomyVersion} is already {(running.State == ReanalysisState.Queued ? "listing its responses" : $"running ({running.Done} of {running.Total} responses done)")}, started by {running.CreatedBy} (job {running.Id}). Nothing was started: follow that one, or start again once it has finished or failed."));
        }
        try
        {
            await queue.SendAsync(names.Value.ReanalysisQueueName, job.Id, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed start changes nothing: without its message the job would stay queued for ever.
            await store.DeleteJobAsync(job.Id, CancellationToken.None);
            throw;
        }
        LogStarted(logger, job.Id, job.TaxonomyVersion);
        return Outcome.Accepted(Progress(job));
    }

    /// <summary>The progress of job <paramref name="id"/>, as stored.</summary>
    public async Task<Outcome> GetAsync(string id, CancellationToken cancellationToken)
    {
        var job = IsJobId(id) ? await store.FindJobAsync(id, cancellationToken) : null;
        if (job is null)
        {
            return Outcome.NotFound($"There is no re-analysis job '{id}'.");
        }
        await runtime.RefreshAsync(force: false, cancellationToken);
        return Outcome.Ok(Progress(job));
    }

    /// <summary>
    /// Handles a message of the re-analysis queue: a job id (list its responses into batches and queue them) or
    /// <c>{job}.{batch}</c> (re-analyse that batch). <paramref name="dequeueCount"/> is the host's count of deliveries of
    /// the message (1 the first time): when the last one allowed (<see cref="ReanalysisOptions.MaxDequeueCount"/>) fails,
    /// the job is marked failed before the failure goes back to the host, which then moves the message to the poison queue.
    /// </summary>
    /// <exception cref="FormatException">The message is neither; it ends in the poison queue for a person to see.</exception>
    public async Task HandleAsync(string message, long dequeueCount, CancellationToken cancellationToken)
    {
        if (!TryParseMessage(message?.Trim(), out var jobId, out var batch))
        {
            throw new FormatException("A re-analysis message is a job id, or a job id, a dot and a batch number.");
        }
        var job = await store.FindJobAsync(jobId, cancellationToken);
        if (job is null)
        {
            LogNoJob(logger, jobId);
            return;
        }
        try
        {
            if (batch is { } number)
            {
                await RunBatchAsync(job, number, cancellationToken);
            }
            else
            {
                await PlanAsync(job, cancellationToken);
            }
        }
        // Failure is recorded by the handler on the last delivery, not found later by reading the poison queue: both hosts
        // give the delivery count (the Functions trigger binds dequeueCount; the local host passes it the same way) and
        // apply the same maxDequeueCount, so this works alike in both, costs nothing when progress is read, and cannot
        // miss a message behind others in the poison queue (which can only be peeked 32 at a time). A stop mid-message
        // (cancellation) is not a failure: the message comes back.
        catch (Exception ex) when (dequeueCount >= options.Value.MaxDequeueCount && !cancellationToken.IsCancellationRequested)
        {
            await MarkFailedAsync(job, batch, dequeueCount, ex);
            throw;
        }
    }

    private async Task MarkFailedAsync(ReanalysisJob job, int? batch, long dequeueCount, Exception failure)
    {
        try
        {
            // Not the message's token: the message is given up on either way, and the job must say so.
            if (await store.FailAsync(job, batch, time.GetUtcNow(), CancellationToken.None))
            {
                LogFailed(logger, failure, job.Id, batch ?? -1, dequeueCount);
            }
        }
        catch (Exception ex)
        {
            // The job could not be marked (storage down): the message still goes to poison with the original failure.
            LogNotMarked(logger, ex, job.Id);
        }
    }

    /// <summary>The message that asks for batch <paramref name="number"/> of job <paramref name="jobId"/>.</summary>
    public static string BatchMessage(string jobId, int number) => jobId + "." + number.ToString(CultureInfo.InvariantCulture);

    private async Task PlanAsync(ReanalysisJob job, CancellationToken cancellationToken)
    {
        // A job whose listing failed (its message was requeued from the poison queue) is listed as if still queued.
        if (job.State == ReanalysisState.Queued || (job.State == ReanalysisState.Failed && job.Plan is null))
        {
            var ids = new List<string>();
            await foreach (var s in curation.ListStaleAsync(Quarter.Epoch.Start, DateTimeOffset.MaxValue, job.TaxonomyVersion, cancellationToken))
            {
                ids.Add(s.Id);
            }
            ids.Sort(StringComparer.Ordinal);
            var batches = ids.Chunk(options.Value.BatchSize).Select(c => (IReadOnlyList<string>)c).ToList();
            try
            {
                job = await store.PlanJobAsync(job, batches, time.GetUtcNow(), cancellationToken);
                LogPlanned(logger, job.Id, job.Total, job.Batches);
            }
            catch (ConcurrencyConflictException)
            {
                // Another delivery of this message planned it first; its plan stands, and its batches are queued below.
                job = await store.FindJobAsync(job.Id, cancellationToken) ?? job;
                if (job.Plan is null)
                {
                    throw;
                }
            }
        }
        // A failed job with a plan still queues its open batches (a failed batch among them, when this message was requeued).
        if (job.State is not (ReanalysisState.Running or ReanalysisState.Failed) || job.Plan is null)
        {
            return;
        }
        // Every batch not yet done: all of them the first time, the rest when this message comes back after a stop.
        var open = await store.ListOpenBatchesAsync(job, cancellationToken);
        var queueName = names.Value.ReanalysisQueueName;
        var jobId = job.Id;
        await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = SendConcurrency, CancellationToken = cancellationToken },
            async (n, ct) => await queue.SendAsync(queueName, BatchMessage(jobId, n), ct));
    }

    private async Task RunBatchAsync(ReanalysisJob job, int number, CancellationToken cancellationToken)
    {
        var batch = await store.FindBatchAsync(job, number, cancellationToken);
        if (batch is null || batch.Done)
        {
            LogBatchSkipped(logger, job.Id, number);
            return;
        }
        // The analysis handler re-analyses a response whose analyzer or taxonomy differs and leaves the rest alone, so a
        // batch delivered twice does no work twice; a response withdrawn meanwhile is skipped.
        // Every chunk is tried even when one fails; the batch then fails and its retry skips the responses done.
        var failures = new List<Exception>();
        foreach (var chunk in batch.Ids.Chunk(AnalyseChunk))
        {
            try
            {
                await analyze.AnalyseAsync(chunk, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add(ex);
            }
        }
        if (failures.Count > 0)
        {
            // The first, as it was; the analysis handler has logged each response's failure.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failures[0]);
        }
        if (await store.CompleteBatchAsync(job, number, time.GetUtcNow(), cancellationToken))
        {
            LogBatchDone(logger, job.Id, number, batch.Ids.Count);
        }
    }

    private ReanalysisProgress Progress(ReanalysisJob job)
    {
        var status = job.State switch
        {
            ReanalysisState.Done => "done",
            ReanalysisState.Failed => "failed",
            _ when analyzer.Info.TaxonomyVersion != job.TaxonomyVersion => "superseded",
            ReanalysisState.Queued => "queued",
            _ => "running",
        };
        return new ReanalysisProgress(job.Id, job.TaxonomyVersion, job.Total, job.Done, Math.Max(0, job.Total - job.Done), status, job.CreatedBy,
            job.CreatedUtc, job.UpdatedUtc, job.FailedResponses, job.State == ReanalysisState.Failed ? Failure(job) : null);
    }

    /// <summary>What failed and what to do, for a failed job.</summary>
    private string Failure(ReanalysisJob job)
    {
        var attempts = options.Value.MaxDequeueCount;
        var requeue = $"requeue it with the command \"feedback poison requeue --queue {names.Value.ReanalysisQueueName}\" once the cause is fixed, or start the re-analysis again";
        if (job.Plan is null)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The responses to re-analyse could not be listed after {attempts} attempts, so nothing was re-analysed; {requeue}.");
        }
        var what = job.FailedBatches == 1
            ? string.Create(CultureInfo.InvariantCulture, $"A batch of {job.FailedResponses} responses")
            : string.Create(CultureInfo.InvariantCulture, $"{job.FailedBatches} batches ({job.FailedResponses} responses)");
        return string.Create(CultureInfo.InvariantCulture,
            $"{what} could not be re-analysed after {attempts} attempts and {(job.FailedBatches == 1 ? "keeps its" : "keep their")} earlier analysis; {job.Done} of {job.Total} were re-analysed. To finish, {requeue}.");
    }

    /// <summary>A job id: the time, then random hex (sorts by time, cannot be guessed).</summary>
    private static string NewJobId(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>True for the form of a job id.</summary>
    public static bool IsJobId(string? id) =>
        id is { Length: 23 } && id[14] == '-' && id.AsSpan(0, 14).IndexOfAnyExceptInRange('0', '9') < 0
        && id.AsSpan(15).IndexOfAnyExcept("0123456789abcdef") < 0;

    /// <summary>Reads a queue message: a job id, optionally followed by a dot and a batch number.</summary>
    public static bool TryParseMessage(string? message, out string jobId, out int? batch)
    {
        jobId = "";
        batch = null;
        if (message is null || message.Length < 23 || !IsJobId(message[..23]))
        {
            return false;
        }
        jobId = message[..23];
        if (message.Length == 23)
        {
            return true;
        }
        if (message[23] != '.' || message.Length > 30
            || !int.TryParse(message.AsSpan(24), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }
        batch = n;
        return true;
    }

    [LoggerMessage(LogLevel.Information, "Re-analysis job {JobId} started for taxonomy {Version}")]
    private static partial void LogStarted(ILogger logger, string jobId, string version);

    [LoggerMessage(LogLevel.Information, "Re-analysis job {JobId} lists {Count} responses in {Batches} batches")]
    private static partial void LogPlanned(ILogger logger, string jobId, int count, int batches);

    [LoggerMessage(LogLevel.Information, "Re-analysis job {JobId}: batch {Batch} of {Count} responses done")]
    private static partial void LogBatchDone(ILogger logger, string jobId, int batch, int count);

    [LoggerMessage(LogLevel.Information, "Re-analysis job {JobId}: batch {Batch} is done already or unknown; skipped")]
    private static partial void LogBatchSkipped(ILogger logger, string jobId, int batch);

    [LoggerMessage(LogLevel.Error, "Re-analysis job {JobId} failed: batch {Batch} (-1: the listing) failed on its last attempt ({DequeueCount}) and goes to the poison queue")]
    private static partial void LogFailed(ILogger logger, Exception ex, string jobId, int batch, long dequeueCount);

    [LoggerMessage(LogLevel.Error, "Re-analysis job {JobId} could not be marked failed; its message goes to the poison queue")]
    private static partial void LogNotMarked(ILogger logger, Exception ex, string jobId);

    [LoggerMessage(LogLevel.Warning, "Re-analysis job {JobId} does not exist; message dropped")]
    private static partial void LogNoJob(ILogger logger, string jobId);
}
