using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Themes;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FeedbackCollector.Core.Tests;

/// <summary>
/// A re-analysis job whose message fails on its last attempt ends failed with a reason (not running for ever), is counted
/// failed once, and a second job for the same version is refused while one runs.
/// </summary>
public class ReanalysisFailureTests
{
    private const string JobId = "20261127030000-0badc0de";
    private const string QueueName = "analysis-jobs";

    private readonly Mock<ITaxonomyStore> _store = new();
    private readonly Mock<IResponseRepository> _responses = new() { CallBase = true };
    private readonly Mock<IQueueSender> _queue = new();
    private readonly Mock<IResponseCurationStore> _curation = new();
    private readonly Mock<ITextAnalyzer> _analyzer = new();
    private ReanalysisJob _job = new(JobId, "2.0.0", "Officer", DateTimeOffset.UnixEpoch)
    {
        State = ReanalysisState.Running, Plan = "p", Total = 4, Batches = 2, ETag = "e1",
    };

    public ReanalysisFailureTests()
    {
        _analyzer.SetupGet(a => a.Info).Returns(new AnalyzerInfo("local", "1", "2.0.0"));
        _store.Setup(s => s.FindJobAsync(JobId, It.IsAny<CancellationToken>())).ReturnsAsync(() => _job);
        _store.Setup(s => s.FindBatchAsync(It.IsAny<ReanalysisJob>(), 1, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ReanalysisBatch(JobId, 1, ["0A0AAAAAA3", "0A0AAAAAA4"], false));
        // The batch's responses cannot be read: every attempt fails.
        _responses.Setup(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StorageUnavailableException("table down"));
    }

    private ReanalysisHandler Handler(int maxDequeueCount = 5)
    {
        var names = Microsoft.Extensions.Options.Options.Create(new StorageNamesOptions());
        var analyse = new AnalyzeResponseHandler(_responses.Object, _analyzer.Object,
            new ConcernRaiser(Mock.Of<IConcernRepository>(), _queue.Object, names, TimeProvider.System, NullLogger<ConcernRaiser>.Instance),
            TimeProvider.System, NullLogger<AnalyzeResponseHandler>.Instance);
        return new ReanalysisHandler(_curation.Object, _store.Object, Mock.Of<ITaxonomyRuntime>(), _analyzer.Object, analyse, _queue.Object, names,
            Microsoft.Extensions.Options.Options.Create(new ReanalysisOptions { BatchSize = 2, MaxDequeueCount = maxDequeueCount }),
            TimeProvider.System, NullLogger<ReanalysisHandler>.Instance);
    }

    private static ReanalysisProgress Progress(Outcome outcome)
    {
        Assert.Equal(OutcomeKind.Ok, outcome.Kind);
        return Assert.IsType<ReanalysisProgress>(outcome.Value);
    }

    [Fact]
    public async Task A_batch_failing_on_its_last_attempt_marks_the_job_failed_once_and_still_fails_to_the_host()
    {
        var handler = Handler();
        for (var attempt = 1; attempt < 5; attempt++)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => handler.HandleAsync(JobId + ".1", attempt, default));
        }
        _store.Verify(s => s.FailAsync(It.IsAny<ReanalysisJob>(), It.IsAny<int?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);

        _store.Setup(s => s.FailAsync(It.IsAny<ReanalysisJob>(), 1, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        // The host moves the message to poison only when the function fails, so the failure goes back to it.
        await Assert.ThrowsAsync<StorageUnavailableException>(() => handler.HandleAsync(JobId + ".1", 5, default));
        _store.Verify(s => s.FailAsync(It.Is<ReanalysisJob>(j => j.Id == JobId), 1, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.CompleteBatchAsync(It.IsAny<ReanalysisJob>(), It.IsAny<int>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task The_limit_is_the_hosts_so_a_host_giving_up_after_two_attempts_fails_the_job_on_the_second()
    {
        var handler = Handler(maxDequeueCount: 2);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => handler.HandleAsync(JobId + ".1", 2, default));
        _store.Verify(s => s.FailAsync(It.IsAny<ReanalysisJob>(), 1, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_stop_on_the_last_attempt_is_not_a_failure_since_the_message_comes_back()
    {
        using var stopping = new CancellationTokenSource();
        _responses.Setup(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => stopping.Cancel()).ThrowsAsync(new OperationCanceledException("stopping"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Handler().HandleAsync(JobId + ".1", 5, stopping.Token));
        _store.Verify(s => s.FailAsync(It.IsAny<ReanalysisJob>(), It.IsAny<int?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task When_the_job_cannot_be_marked_the_original_failure_still_reaches_the_host()
    {
        _store.Setup(s => s.FailAsync(It.IsAny<ReanalysisJob>(), 1, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("job table down too"));
        var thrown = await Assert.ThrowsAsync<StorageUnavailableException>(() => Handler().HandleAsync(JobId + ".1", 5, default));
        Assert.Equal("table down", thrown.Message);
    }

    [Fact]
    public async Task A_listing_that_fails_on_its_last_attempt_fails_the_queued_job()
    {
        _job = _job with { State = ReanalysisState.Queued, Plan = null, Total = 0, Batches = 0 };
        _curation.Setup(c => c.ListStaleAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), "2.0.0", It.IsAny<CancellationToken>()))
            .Throws(new StorageUnavailableException("table down"));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => Handler().HandleAsync(JobId, 5, default));
        _store.Verify(s => s.FailAsync(It.Is<ReanalysisJob>(j => j.Id == JobId), null, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);

        // The progress says so plainly, with what to do.
        _job = _job with { State = ReanalysisState.Failed };
        var progress = Progress(await Handler().GetAsync(JobId, default));
        Assert.Equal("failed", progress.Status);
        Assert.Contains("could not be listed after 5 attempts", progress.Failure);
        Assert.Contains($"feedback poison requeue --queue {QueueName}", progress.Failure);

        // Requeued from the poison queue, the message lists the responses after all.
        _curation.Setup(c => c.ListStaleAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), "2.0.0", It.IsAny<CancellationToken>()))
            .Returns(new[] { new StaleAnalysis("0A0AAAAAA1", DateTimeOffset.UtcNow, "1.0.0") }.ToAsyncEnumerable());
        _store.Setup(s => s.PlanJobAsync(It.IsAny<ReanalysisJob>(), It.IsAny<IReadOnlyList<IReadOnlyList<string>>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ReanalysisJob j, IReadOnlyList<IReadOnlyList<string>> b, DateTimeOffset _, CancellationToken _) =>
                j with { State = ReanalysisState.Running, Plan = "q", Total = 1, Batches = 1 });
        _store.Setup(s => s.ListOpenBatchesAsync(It.IsAny<ReanalysisJob>(), It.IsAny<CancellationToken>())).ReturnsAsync([0]);
        await Handler().HandleAsync(JobId, 1, default);
        _queue.Verify(q => q.SendAsync(QueueName, JobId + ".0", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_failed_job_reads_as_failed_with_the_size_of_what_failed_and_not_as_running()
    {
        _job = _job with { State = ReanalysisState.Failed, Done = 2, FailedBatches = 1, FailedResponses = 2 };
        var progress = Progress(await Handler().GetAsync(JobId, default));
        Assert.Equal(("failed", 2, 2, 2), (progress.Status, progress.Done, progress.Remaining, progress.Failed));
        Assert.StartsWith("A batch of 2 responses could not be re-analysed after 5 attempts", progress.Failure);
        Assert.Contains("2 of 4 were re-analysed", progress.Failure);

        _job = _job with { FailedBatches = 2, FailedResponses = 3, Done = 1 };
        Assert.StartsWith("2 batches (3 responses) could not be re-analysed", Progress(await Handler().GetAsync(JobId, default)).Failure);

        // A failed job stays failed even when a newer version is in use (it would otherwise read as superseded and done with).
        _analyzer.SetupGet(a => a.Info).Returns(new AnalyzerInfo("local", "1", "3.0.0"));
        Assert.Equal("failed", Progress(await Handler().GetAsync(JobId, default)).Status);

        // Running and done jobs carry no failure.
        _job = _job with { State = ReanalysisState.Done, FailedBatches = 0, FailedResponses = 0, Done = 4 };
        Assert.Null(Progress(await Handler().GetAsync(JobId, default)).Failure);
    }

    [Fact]
    public async Task A_requeued_batch_of_a_failed_job_is_worked_and_counted()
    {
        _job = _job with { State = ReanalysisState.Failed, Done = 2, FailedBatches = 1, FailedResponses = 2 };
        _store.Setup(s => s.FindBatchAsync(It.IsAny<ReanalysisJob>(), 1, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ReanalysisBatch(JobId, 1, ["0A0AAAAAA3"], false, Failed: true));
        _responses.Setup(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((SurveyResponse?)null); // withdrawn meanwhile
        _store.Setup(s => s.CompleteBatchAsync(It.IsAny<ReanalysisJob>(), 1, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        await Handler().HandleAsync(JobId + ".1", 1, default);
        _store.Verify(s => s.CompleteBatchAsync(It.Is<ReanalysisJob>(j => j.Id == JobId), 1, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_batch_is_analysed_32_responses_an_analyzer_call_and_completed_once()
    {
        var ids = Enumerable.Range(0, 40).Select(_ => ResponseId.New(DateTimeOffset.UtcNow)).Distinct().ToList();
        _store.Setup(s => s.FindBatchAsync(It.IsAny<ReanalysisJob>(), 1, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ReanalysisBatch(JobId, 1, ids, false));
        var stale = new ResponseAnalysis([], DateTimeOffset.UnixEpoch, new AnalyzerInfo("local", "1", "1.0.0"));
        _responses.Setup(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string id, CancellationToken _) => new SurveyResponse
        {
            Id = id, SurveyCode = "s", Audience = Audience.Child, ReceivedUtc = DateTimeOffset.UtcNow,
            FreeText = [new FreeTextAnswer("q", "text of " + id)], Analysis = stale,
        });
        _responses.Setup(r => r.SaveAnalysisAsync(It.IsAny<string>(), It.IsAny<ResponseAnalysis>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var calls = new List<int>();
        _analyzer.Setup(a => a.AnalyzeAsync(It.IsAny<IReadOnlyList<AnalysisRequest>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<AnalysisRequest> b, CancellationToken _) =>
            {
                calls.Add(b.Count);
                return b.Select(r => new AnalysisResult(r.Id, "en", [], new SentimentResult(SentimentLabel.Neutral, 0, 1, 0), [], r.Text, [],
                    ConcernResult.None, new AnalyzerInfo("local", "1", "2.0.0"))).ToList();
            });
        _store.Setup(s => s.CompleteBatchAsync(It.IsAny<ReanalysisJob>(), 1, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await Handler().HandleAsync(JobId + ".1", 1, default);

        Assert.Equal([32, ids.Count - 32], calls);
        foreach (var id in ids)
        {
            _responses.Verify(r => r.SaveAnalysisAsync(id, It.Is<ResponseAnalysis>(a => a.Texts.Single().Result.RedactedText == "text of " + id), It.IsAny<CancellationToken>()), Times.Once);
        }
        _store.Verify(s => s.CompleteBatchAsync(It.Is<ReanalysisJob>(j => j.Id == JobId), 1, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_second_start_while_one_runs_is_refused_with_409_and_queues_nothing()
    {
        _store.Setup(s => s.AddJobUnlessRunningAsync(It.IsAny<ReanalysisJob>(), It.IsAny<CancellationToken>())).ReturnsAsync(_job with { Done = 2 });
        var refused = await Handler().StartAsync("Second officer", default);
        Assert.Equal(OutcomeKind.Conflict, refused.Kind);
        Assert.Contains("already running (2 of 4 responses done)", refused.Message);
        Assert.Contains(JobId, refused.Message);
        Assert.Contains("Nothing was started", refused.Message);
        _queue.Verify(q => q.SendAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _store.Verify(s => s.DeleteJobAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);

        // With none running it starts.
        _store.Setup(s => s.AddJobUnlessRunningAsync(It.IsAny<ReanalysisJob>(), It.IsAny<CancellationToken>())).ReturnsAsync((ReanalysisJob?)null);
        Assert.Equal(OutcomeKind.Accepted, (await Handler().StartAsync("Second officer", default)).Kind);
        _queue.Verify(q => q.SendAsync(QueueName, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_dequeue_limit_out_of_range_is_refused(int max) => Assert.Single(new ReanalysisOptions { MaxDequeueCount = max }.Validate());
}
