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
    private readonly Mock<IResponseRepository> _responses = new();
    private readonly Mock<IQueueSender> _queue = new();
    private readonly Mock<IConcernRepository> _concerns = new();

    private SubmitResponseHandler Submit() => new(new SurveyCache(_surveys.Object, TimeProvider.System), _responses.Object, _queue.Object, Names, TimeProvider.System, NullLogger<SubmitResponseHandler>.Instance);

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
    public async Task When_queueing_fails_the_stored_copy_is_removed_and_the_fault_surfaces()
    {
        _surveys.Setup(s => s.FindAsync("test-survey", It.IsAny<CancellationToken>())).ReturnsAsync(TestSurveys.Open());
        _responses.Setup(r => r.TryAddAsync(It.IsAny<SurveyResponse>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _queue.Setup(q => q.SendAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("down"));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => Submit().HandleAsync("test-survey", Body("""{"answers":{"listened":2}}"""), default));
        _responses.Verify(r => r.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
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
        var raiser = new ConcernRaiser(_concerns.Object, _queue.Object, Names, TimeProvider.System, NullLogger<ConcernRaiser>.Instance);
        return (new AnalyzeResponseHandler(_responses.Object, analyzer.Object, raiser, TimeProvider.System, NullLogger<AnalyzeResponseHandler>.Instance), analyzer);
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
    public async Task An_alert_is_delivered_once_and_a_failed_delivery_throws_for_retry()
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        var concern = new ConcernRecord { Id = id, SurveyCode = "s", Category = ConcernCategory.AbuseNeglect, ReceivedUtc = DateTimeOffset.UtcNow, RaisedUtc = DateTimeOffset.UtcNow };
        _concerns.Setup(c => c.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(() => concern);
        _concerns.Setup(c => c.UpdateAsync(It.IsAny<ConcernRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync((ConcernRecord c, CancellationToken _) => concern = c);
        var notifier = new Mock<IConcernNotifier>();
        notifier.SetupSequence(n => n.NotifyAsync(It.IsAny<ConcernRecord>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("webhook down"))
            .Returns(Task.CompletedTask);
        var handler = new ConcernAlertHandler(_concerns.Object, notifier.Object, TimeProvider.System, NullLogger<ConcernAlertHandler>.Instance);

        await Assert.ThrowsAsync<HttpRequestException>(() => handler.HandleAsync(id, default));
        Assert.Null(concern.AlertDeliveredUtc);
        await handler.HandleAsync(id, default);
        await handler.HandleAsync(id, default);
        notifier.Verify(n => n.NotifyAsync(It.IsAny<ConcernRecord>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.NotNull(concern.AlertDeliveredUtc);
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
