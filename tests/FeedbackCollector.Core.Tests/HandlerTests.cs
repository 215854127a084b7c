using System.Text.Json;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace FeedbackCollector.Core.Tests;

public class HandlerTests
{
    private static readonly IOptions<StorageNamesOptions> Names = Options.Create(new StorageNamesOptions());
    private readonly Mock<ISurveyRepository> _surveys = new();
    // CallBase: the versioned read and save of the port fall back to FindAsync and SaveAnalysisAsync, which the tests set up.
    private readonly Mock<IResponseRepository> _responses = new() { CallBase = true };
    private readonly Mock<IQueueSender> _queue = new();
    private readonly Mock<IConcernRepository> _concerns = new();

    private readonly FakeScreen _screen = new();

    private ConcernRaiser Raiser() => new(_concerns.Object, _queue.Object, Names, TimeProvider.System, NullLogger<ConcernRaiser>.Instance);

    private SubmitResponseHandler Submit() => new(new SurveyCache(_surveys.Object, TimeProvider.System), _responses.Object,
        new AnalysisQueueCoalescer(_queue.Object, Names, Options.Create(new AnalysisQueueOptions()), NullLogger<AnalysisQueueCoalescer>.Instance),
        _screen, Raiser(), TimeProvider.System, NullLogger<SubmitResponseHandler>.Instance);

    private static JsonElement Body(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public async Task Unknown_survey_is_404_and_stores_nothing()
    {
        var o = await Submit().HandleAsync("nope", Body("""{"answers":{"listened":3}}"""), default);
        Assert.Equal(OutcomeKind.NotFound, o.Kind);
        _responses.VerifyNoOtherCalls();
        _queue.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(SurveyStatus.Closed)]
    [InlineData(SurveyStatus.Draft)]
    public async Task A_survey_not_open_is_409(SurveyStatus status)
    {
        _surveys.Setup(s => s.FindAsync("test-survey", It.IsAny<CancellationToken>())).ReturnsAsync(TestSurveys.Open() with { Status = status });
        var o = await Submit().HandleAsync("test-survey", Body("""{"answers":{"listened":3}}"""), default);
        Assert.Equal(OutcomeKind.Conflict, o.Kind);
        _responses.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Invalid_answers_are_400_and_store_nothing()
    {
        _surveys.Setup(s => s.FindAsync("test-survey", It.IsAny<CancellationToken>())).ReturnsAsync(TestSurveys.Open());
        var o = await Submit().HandleAsync("test-survey", Body("""{"answers":{"listened":9}}"""), default);
        Assert.Equal(OutcomeKind.Invalid, o.Kind);
        Assert.Contains("answers.listened", o.Errors!.Keys);
        _responses.VerifyNoOtherCalls();
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Accepted_only_after_stored_then_queued()
    {
        _surveys.Setup(s => s.FindAsync("test-survey", It.IsAny<CancellationToken>())).ReturnsAsync(TestSurveys.Open());
        var order = new List<string>();
        SurveyResponse? stored = null;
        _responses.Setup(r => r.TryAddAsync(It.IsAny<SurveyResponse>(), It.IsAny<CancellationToken>()))
            .Callback<SurveyResponse, CancellationToken>((r, _) => { order.Add("store"); stored = r; })
            .ReturnsAsync(true);
        _queue.Setup(q => q.SendAsync("analysis", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("queue")).Returns(Task.CompletedTask);

        var o = await Submit().HandleAsync("test-survey", Body("""{"answers":{"listened":2,"better":"they never listen"}}"""), default);

        Assert.Equal(OutcomeKind.Accepted, o.Kind);
        Assert.Equal(["store", "queue"], order);
        var receipt = Assert.IsType<SubmissionReceipt>(o.Value);
        Assert.Equal(stored!.Id, receipt.Id);
        _queue.Verify(q => q.SendAsync("analysis", stored.Id, It.IsAny<CancellationToken>()));
        Assert.Equal(Audience.Child, stored.Audience);
    }

    [Fact]
    public async Task An_id_clash_takes_a_new_id_instead_of_overwriting()
    {
        _surveys.Setup(s => s.FindAsync("test-survey", It.IsAny<CancellationToken>())).ReturnsAsync(TestSurveys.Open());
        _responses.SetupSequence(r => r.TryAddAsync(It.IsAny<SurveyResponse>(), It.IsAny<CancellationToken>())).ReturnsAsync(false).ReturnsAsync(true);
        var o = await Submit().HandleAsync("test-survey", Body("""{"answers":{"listened":2}}"""), default);
        Assert.Equal(OutcomeKind.Accepted, o.Kind);
        _responses.Verify(r => r.TryAddAsync(It.IsAny<SurveyResponse>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task An_insert_whose_retry_meets_its_own_first_try_is_stored_once_and_queued()
    {
        _surveys.Setup(s => s.FindAsync("test-survey", It.IsAny<CancellationToken>())).ReturnsAsync(TestSurveys.Open());
        SurveyResponse? stored = null;
        // The first try was stored but its answer timed out; the client's retry met it (409).
        _responses.Setup(r => r.TryAddAsync(It.IsAny<SurveyResponse>(), It.IsAny<CancellationToken>()))
            .Callback<SurveyResponse, CancellationToken>((r, _) => stored ??= r).ReturnsAsync(false);
        _responses.Setup(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => stored);

        var o = await Submit().HandleAsync("test-survey", Body("""{"answers":{"listened":2,"better":"they never listen"}}"""), default);

        Assert.Equal(OutcomeKind.Accepted, o.Kind);
        Assert.Equal(stored!.Id, Assert.IsType<SubmissionReceipt>(o.Value).Id);
        _responses.Verify(r => r.TryAddAsync(It.IsAny<SurveyResponse>(), It.IsAny<CancellationToken>()), Times.Once);
        _queue.Verify(q => q.SendAsync("analysis", stored.Id, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task When_queueing_fails_the_stored_copy_is_removed_and_the_fault_surfaces()
    {
        _surveys.Setup(s => s.FindAsync("test-survey", It.IsAny<CancellationToken>())).ReturnsAsync(TestSurveys.Open());
        _responses.Setup(r => r.TryAddAsync(It.IsAny<SurveyResponse>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _queue.Setup(q => q.SendAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("down"));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => Submit().HandleAsync("test-survey", Body("""{"answers":{"listened":2}}"""), default));
        _responses.Verify(r => r.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Concurrent_submissions_share_one_message_and_its_failed_send_fails_and_removes_each_of_them()
    {
        _surveys.Setup(s => s.FindAsync("test-survey", It.IsAny<CancellationToken>())).ReturnsAsync(TestSurveys.Open());
        var stored = new List<string>();
        _responses.Setup(r => r.TryAddAsync(It.IsAny<SurveyResponse>(), It.IsAny<CancellationToken>()))
            .Callback<SurveyResponse, CancellationToken>((r, _) => stored.Add(r.Id)).ReturnsAsync(true);
        var firstSend = new TaskCompletionSource();
        var messages = new List<string>();
        _queue.Setup(q => q.SendAsync("analysis", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string _, string m, CancellationToken _) =>
            {
                lock (messages)
                {
                    messages.Add(m);
                    return messages.Count == 1 ? firstSend.Task : Task.FromException(new StorageUnavailableException("queue down"));
                }
            });
        var handler = Submit();

        // The first is sent at once and is still in flight while three more are stored and wait to be queued.
        var first = handler.HandleAsync("test-survey", Body("""{"answers":{"listened":2}}"""), default);
        var others = Enumerable.Range(0, 3).Select(_ => handler.HandleAsync("test-survey", Body("""{"answers":{"listened":3}}"""), default)).ToList();
        Assert.Single(messages);
        Assert.All(others, t => Assert.False(t.IsCompleted));
        firstSend.SetResult();

        Assert.Equal(OutcomeKind.Accepted, (await first).Kind);
        foreach (var t in others)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => t);
        }
        Assert.Equal(2, messages.Count);
        Assert.Equal(stored[1..], AnalysisMessage.Parse(messages[1]));
        // Not acknowledged, so each stored copy is taken back; the acknowledged one stays.
        foreach (var id in stored[1..])
        {
            _responses.Verify(r => r.DeleteAsync(id, It.IsAny<CancellationToken>()), Times.Once);
        }
        _responses.Verify(r => r.DeleteAsync(stored[0], It.IsAny<CancellationToken>()), Times.Never);
    }

    private static AnalysisResult Result(string id, bool flagged) => new(
        id, "en",
        [new ThemeMatch("listen-to-me", "Listen to me", 0.9, ["never listen"])],
        new SentimentResult(SentimentLabel.Negative, 0.05, 0.15, 0.8),
        ["social worker"], "text", [],
        flagged ? new ConcernResult(true, ConcernCategory.SelfHarm, [ConcernCategory.SelfHarm], "hurt myself") : ConcernResult.None,
        new AnalyzerInfo("local", "1", "1.0.0"));

    private (AnalyzeResponseHandler Handler, Mock<ITextAnalyzer> Analyzer) Analyze(bool flagged)
    {
        var analyzer = new Mock<ITextAnalyzer>();
        analyzer.SetupGet(a => a.Info).Returns(new AnalyzerInfo("local", "1", "1.0.0"));
        analyzer.Setup(a => a.AnalyzeAsync(It.IsAny<IReadOnlyList<AnalysisRequest>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<AnalysisRequest> b, CancellationToken _) => b.Select(r => Result(r.Id, flagged)).ToList());
        return (new AnalyzeResponseHandler(_responses.Object, analyzer.Object, Raiser(), TimeProvider.System, NullLogger<AnalyzeResponseHandler>.Instance), analyzer);
    }

    private static SurveyResponse Stored(string id) => new()
    {
        Id = id,
        SurveyCode = "test-survey",
        Audience = Audience.Child,
        ReceivedUtc = DateTimeOffset.UtcNow,
        FreeText = [new FreeTextAnswer("better", "they never listen and I hurt myself")],
    };

    [Fact]
    public async Task A_flagged_response_is_analysed_stored_and_raised_once_even_when_handled_twice()
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        var response = Stored(id);
        _responses.Setup(r => r.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(() => response);
        _responses.Setup(r => r.SaveAnalysisAsync(id, It.IsAny<ResponseAnalysis>(), It.IsAny<CancellationToken>()))
            .Callback<string, ResponseAnalysis, CancellationToken>((_, a, _) => response = response with { Analysis = a })
            .ReturnsAsync(true);
        ConcernRecord? concern = null;
        _concerns.Setup(c => c.TryAddAsync(It.IsAny<ConcernRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ConcernRecord c, CancellationToken _) => { if (concern is not null) { return false; } concern = c; return true; });
        _concerns.Setup(c => c.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(() => concern);
        _concerns.Setup(c => c.UpdateAsync(It.IsAny<ConcernRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ConcernRecord c, CancellationToken _) => concern = c);
        var (handler, analyzer) = Analyze(flagged: true);

        await handler.HandleAsync(id.ToLowerInvariant(), default);
        await handler.HandleAsync(id, default);

        analyzer.Verify(a => a.AnalyzeAsync(It.IsAny<IReadOnlyList<AnalysisRequest>>(), It.IsAny<CancellationToken>()), Times.Once);
        _responses.Verify(r => r.SaveAnalysisAsync(id, It.IsAny<ResponseAnalysis>(), It.IsAny<CancellationToken>()), Times.Once);
        _queue.Verify(q => q.SendAsync("alerts", id, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(ConcernCategory.SelfHarm, concern!.Category);
        Assert.NotNull(concern.AlertQueuedUtc);
        Assert.Equal(["listen-to-me"], response.Analysis!.ThemeIds);
    }

    [Fact]
    public async Task A_withdrawn_response_is_skipped_and_a_bad_message_throws()
    {
        var (handler, analyzer) = Analyze(flagged: false);
        await handler.HandleAsync(ResponseId.New(DateTimeOffset.UtcNow), default);
        analyzer.Verify(a => a.AnalyzeAsync(It.IsAny<IReadOnlyList<AnalysisRequest>>(), It.IsAny<CancellationToken>()), Times.Never);
        await Assert.ThrowsAsync<FormatException>(() => handler.HandleAsync("{\"text\":\"x\"}", default));
    }

    [Fact]
    public async Task A_new_taxonomy_version_reanalyses()
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        var old = new ResponseAnalysis([], DateTimeOffset.UtcNow, new AnalyzerInfo("local", "1", "0.9.0"));
        _responses.Setup(r => r.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(Stored(id) with { Analysis = old });
        _responses.Setup(r => r.SaveAnalysisAsync(id, It.IsAny<ResponseAnalysis>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var (handler, _) = Analyze(flagged: false);
        await handler.HandleAsync(id, default);
        _responses.Verify(r => r.SaveAnalysisAsync(id, It.Is<ResponseAnalysis>(a => a.Analyzer.TaxonomyVersion == "1.0.0"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_failed_alert_is_sent_again_later_with_a_growing_delay_and_delivered_once_the_webhook_is_back()
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        var concern = new ConcernRecord { Id = id, SurveyCode = "s", Category = ConcernCategory.AbuseNeglect, ReceivedUtc = DateTimeOffset.UtcNow, RaisedUtc = DateTimeOffset.UtcNow };
        _concerns.Setup(c => c.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(() => concern);
        _concerns.Setup(c => c.UpdateAsync(It.IsAny<ConcernRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync((ConcernRecord c, CancellationToken _) => concern = c);
        var delays = new List<TimeSpan>();
        _queue.Setup(q => q.SendAsync("alerts", id, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, TimeSpan, CancellationToken>((_, _, d, _) => delays.Add(d)).Returns(Task.CompletedTask);
        var notifier = new Mock<IConcernNotifier>();
        notifier.SetupSequence(n => n.NotifyAsync(It.IsAny<ConcernRecord>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("webhook down"))
            .ThrowsAsync(new HttpRequestException("webhook down"))
            .ThrowsAsync(new TaskCanceledException("timed out"))
            .Returns(Task.CompletedTask);
        var handler = Alerts(notifier.Object, new AlertOptions { RetryBaseSeconds = 30, RetryMaxSeconds = 86_400 });

        for (var i = 0; i < 3; i++)
        {
            await handler.HandleAsync(id, default); // does not throw: the retry is scheduled, not left to the queue's fast retries
        }
        Assert.Null(concern.AlertDeliveredUtc);
        Assert.Equal(3, concern.AlertAttempts);
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)], delays);

        await handler.HandleAsync(id, default);
        await handler.HandleAsync(id, default);
        notifier.Verify(n => n.NotifyAsync(It.IsAny<ConcernRecord>(), It.IsAny<CancellationToken>()), Times.Exactly(4));
        Assert.NotNull(concern.AlertDeliveredUtc);
        Assert.Equal(TimeSpan.FromDays(1), new AlertOptions().RetryDelay(40));
    }

    [Fact]
    public async Task An_alert_that_keeps_failing_is_left_to_the_poison_queue_after_the_last_attempt()
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        var concern = new ConcernRecord { Id = id, SurveyCode = "s", Category = ConcernCategory.SelfHarm, ReceivedUtc = DateTimeOffset.UtcNow, RaisedUtc = DateTimeOffset.UtcNow, AlertAttempts = 2 };
        _concerns.Setup(c => c.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(() => concern);
        var notifier = new Mock<IConcernNotifier>();
        notifier.Setup(n => n.NotifyAsync(It.IsAny<ConcernRecord>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("down"));
        var handler = Alerts(notifier.Object, new AlertOptions { MaxDeliveryAttempts = 3 });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => handler.HandleAsync(id, default));
        Assert.IsType<HttpRequestException>(ex.InnerException);
        _queue.Verify(q => q.SendAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private ConcernAlertHandler Alerts(IConcernNotifier notifier, AlertOptions options) =>
        new(_concerns.Object, notifier, _queue.Object, Names, Options.Create(options), TimeProvider.System, NullLogger<ConcernAlertHandler>.Instance);

    [Fact]
    public async Task A_repeat_with_the_same_idempotency_key_is_stored_once_with_the_same_receipt_and_other_answers_are_409()
    {
        _surveys.Setup(s => s.FindAsync("test-survey", It.IsAny<CancellationToken>())).ReturnsAsync(TestSurveys.Open());
        var store = new Dictionary<string, SurveyResponse>();
        _responses.Setup(r => r.TryAddAsync(It.IsAny<SurveyResponse>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SurveyResponse r, CancellationToken _) => store.TryAdd(r.Id, r));
        _responses.Setup(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => store.GetValueOrDefault(id));

        var first = await Submit().HandleAsync("test-survey", Body("""{"answers":{"listened":2,"where":["home","club"]},"venue":"oak"}"""), "key-0123456789", default);
        var again = await Submit().HandleAsync("test-survey", Body("""{"answers":{"listened":2,"where":["home","club"]},"venue":"oak"}"""), "key-0123456789", default);
        var other = await Submit().HandleAsync("test-survey", Body("""{"answers":{"listened":5}}"""), "key-0123456789", default);
        var bad = await Submit().HandleAsync("test-survey", Body("""{"answers":{"listened":5}}"""), "short", default);

        Assert.Equal(OutcomeKind.Accepted, first.Kind);
        Assert.Equal(first.Value, again.Value);
        Assert.Single(store);
        Assert.Equal(OutcomeKind.Conflict, other.Kind);
        Assert.Equal(OutcomeKind.Invalid, bad.Kind);
        Assert.Contains("idempotencyKey", bad.Errors!.Keys);
        // Queued again on the repeat: the acknowledgement always means stored and queued; analysis is idempotent.
        _queue.Verify(q => q.SendAsync("analysis", store.Keys.Single(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_worrying_answer_is_accepted_with_needs_help_and_its_concern_raised_once_at_submit()
    {
        _surveys.Setup(s => s.FindAsync("test-survey", It.IsAny<CancellationToken>())).ReturnsAsync(TestSurveys.Open());
        _responses.Setup(r => r.TryAddAsync(It.IsAny<SurveyResponse>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        ConcernRecord? concern = null;
        _concerns.Setup(c => c.TryAddAsync(It.IsAny<ConcernRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ConcernRecord c, CancellationToken _) => { concern = c; return true; });
        _concerns.Setup(c => c.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => concern);
        _concerns.Setup(c => c.UpdateAsync(It.IsAny<ConcernRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync((ConcernRecord c, CancellationToken _) => concern = c);

        var calm = await Submit().HandleAsync("test-survey", Body("""{"answers":{"listened":4,"better":"more clubs please"}}"""), default);
        Assert.False(Assert.IsType<SubmissionReceipt>(calm.Value).NeedsHelp);
        Assert.Null(concern);

        var o = await Submit().HandleAsync("test-survey", Body("""{"answers":{"listened":1,"better":"I hurt myself at night"}}"""), default);
        var receipt = Assert.IsType<SubmissionReceipt>(o.Value);
        Assert.True(receipt.NeedsHelp);
        Assert.Equal(receipt.Id, concern!.Id);
        Assert.Equal(ConcernCategory.SelfHarm, concern.Category);
        Assert.NotNull(concern.AlertQueuedUtc);
        _queue.Verify(q => q.SendAsync("alerts", receipt.Id, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Withdrawing_deletes_the_response_but_keeps_the_redacted_text_of_its_concern()
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        var response = Stored(id);
        _responses.Setup(r => r.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(response);
        var concern = new ConcernRecord { Id = id, SurveyCode = "test-survey", Category = ConcernCategory.SelfHarm, ReceivedUtc = response.ReceivedUtc, RaisedUtc = response.ReceivedUtc, ETag = "e1" };
        _concerns.Setup(c => c.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(() => concern);
        _concerns.Setup(c => c.UpdateAsync(It.IsAny<ConcernRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync((ConcernRecord c, CancellationToken _) => concern = c);
        var handler = new WithdrawResponseHandler(_responses.Object, _concerns.Object, _screen, TimeProvider.System, NullLogger<WithdrawResponseHandler>.Instance);

        var o = await handler.WithdrawAsync(ResponseId.ToReceipt(id).ToLowerInvariant(), default);

        Assert.True(Assert.IsType<WithdrawalReceipt>(o.Value).ConcernKept);
        _responses.Verify(r => r.DeleteAsync(id, It.IsAny<CancellationToken>()), Times.Once);
        Assert.NotNull(concern.WithdrawnUtc);
        Assert.Contains("[REDACTED] hurt myself", concern.KeptText);
        Assert.DoesNotContain("they never listen", concern.KeptText);
        Assert.Equal(OutcomeKind.Invalid, (await handler.WithdrawAsync("nope", default)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await handler.WithdrawAsync(ResponseId.ToReceipt(ResponseId.New(DateTimeOffset.UtcNow)), default)).Kind);
    }

    [Fact]
    public async Task A_review_records_who_and_when_once_and_refuses_bad_notes_and_unknown_concerns()
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        var concern = new ConcernRecord { Id = id, SurveyCode = "test-survey", Category = ConcernCategory.SelfHarm, ReceivedUtc = DateTimeOffset.UtcNow, RaisedUtc = DateTimeOffset.UtcNow, ETag = "e1" };
        _concerns.Setup(c => c.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string i, CancellationToken _) => i == id ? concern : null);
        _concerns.Setup(c => c.UpdateAsync(It.IsAny<ConcernRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync((ConcernRecord c, CancellationToken _) => concern = c);
        var handler = new ConcernReviewHandler(_concerns.Object, _responses.Object, _screen, TimeProvider.System, NullLogger<ConcernReviewHandler>.Instance);

        Assert.Equal(OutcomeKind.Invalid, (await handler.ReviewAsync(id, Body("""{"note":""}"""), "Lead", default)).Kind);
        Assert.Equal(OutcomeKind.Invalid, (await handler.ReviewAsync(id, Body("""{"note":"ok","extra":1}"""), "Lead", default)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await handler.ReviewAsync(ResponseId.New(DateTimeOffset.UtcNow), Body("""{"note":"ok"}"""), "Lead", default)).Kind);
        var ok = await handler.ReviewAsync(id, Body("""{"note":"Passed to the school DSL"}"""), "Safeguarding lead, north", default);
        Assert.Equal(OutcomeKind.Ok, ok.Kind);
        Assert.Equal("Safeguarding lead, north", concern.ReviewedBy);
        Assert.NotNull(concern.ReviewedUtc);
        Assert.Equal(OutcomeKind.Conflict, (await handler.ReviewAsync(id, Body("""{"note":"again"}"""), "Someone else", default)).Kind);
        Assert.Equal("Safeguarding lead, north", concern.ReviewedBy);
    }

    [Fact]
    public async Task Concerns_are_listed_open_first_newest_first_then_reviewed_most_recently_reviewed_first()
    {
        var t = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        ConcernRecord Concern(int minutes, int? reviewedMinutes) => new()
        {
            Id = ResponseId.New(t.AddMinutes(minutes)), SurveyCode = "test-survey", Category = ConcernCategory.SelfHarm,
            ReceivedUtc = t.AddMinutes(minutes), RaisedUtc = t.AddMinutes(minutes),
            ReviewedUtc = reviewedMinutes is { } r ? t.AddMinutes(r) : null, ReviewedBy = reviewedMinutes is null ? null : "Lead",
        };
        var oldOpen = Concern(1, null);
        var newOpen = Concern(5, null);
        var reviewedEarly = Concern(9, 20);
        var reviewedLate = Concern(0, 30);
        _concerns.Setup(c => c.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([reviewedEarly, oldOpen, reviewedLate, newOpen]);
        var handler = new ConcernReviewHandler(_concerns.Object, _responses.Object, _screen, TimeProvider.System, NullLogger<ConcernReviewHandler>.Instance);

        var listed = await handler.ListAsync(default);
        Assert.Equal(OutcomeKind.Ok, listed.Kind);
        var json = System.Text.Json.JsonSerializer.SerializeToElement(listed.Value, FeedbackJson.Options);
        Assert.Equal(2, json.GetProperty("open").GetInt32());
        Assert.Equal([newOpen.Id, oldOpen.Id, reviewedLate.Id, reviewedEarly.Id],
            json.GetProperty("concerns").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray());
    }

    /// <summary>Flags "hurt myself"; redacts "they never listen" to "[REDACTED]" so tests can see redaction was used.</summary>
    private sealed class FakeScreen : IConcernScreen
    {
        public ScreenResult Screen(string text, Audience audience) => new(
            text.Contains("hurt myself", StringComparison.OrdinalIgnoreCase)
                ? new ConcernResult(true, ConcernCategory.SelfHarm, [ConcernCategory.SelfHarm], "hurt myself")
                : ConcernResult.None,
            text.Replace("they never listen and I", "[REDACTED]", StringComparison.Ordinal));
    }
}

public class ResponseViewTests
{
    [Fact]
    public void A_flagged_answer_shows_officers_neither_its_text_nor_words_quoted_from_it()
    {
        var flagged = new Analysis.AnalysisResult("q", "en",
            [new Analysis.ThemeMatch("mental-health", "Mental health", 0.8, ["kill myself"])],
            new Analysis.SentimentResult(Analysis.SentimentLabel.Negative, 0, 0.2, 0.8), ["kill"], "i want to kill myself", [],
            new Analysis.ConcernResult(true, Analysis.ConcernCategory.SelfHarm, [Analysis.ConcernCategory.SelfHarm], "kill myself"),
            new Analysis.AnalyzerInfo("local", "1", "1"));
        var r = new SurveyResponse
        {
            Id = "0V3QXGS3BG", SurveyCode = "s", Audience = Analysis.Audience.Child, ReceivedUtc = DateTimeOffset.UtcNow,
            Analysis = new ResponseAnalysis([new TextAnalysis("q", flagged)], DateTimeOffset.UtcNow, flagged.Analyzer),
        };
        var view = ResponseView.From(r).FreeText.Single();
        Assert.Equal(ResponseView.Withheld, view.RedactedText);
        Assert.Empty(view.KeyPhrases);
        Assert.All(view.Themes, t => Assert.Empty(t.Evidence));
        Assert.Equal("mental-health", view.Themes.Single().ThemeId);
    }
}
