using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace FeedbackCollector.Core.Tests;

/// <summary>The handlers keep the digest projection in step with the responses table, in the order that keeps it safe.</summary>
public class DigestProjectionWriteTests
{
    private static readonly AnalyzerInfo Info = new("local", "1", "1.0.0");
    private readonly Mock<IResponseRepository> _responses = new() { CallBase = true };
    private readonly Mock<IDigestProjection> _projection = new(MockBehavior.Strict);
    private readonly List<string> _calls = [];

    private AnalyzeResponseHandler Analyzer()
    {
        var analyzer = new Mock<ITextAnalyzer>();
        analyzer.SetupGet(a => a.Info).Returns(Info);
        analyzer.Setup(a => a.AnalyzeAsync(It.IsAny<IReadOnlyList<AnalysisRequest>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<AnalysisRequest> b, CancellationToken _) => b.Select(r => new AnalysisResult(r.Id, "en",
                [new ThemeMatch("listen-to-me", "Listen to me", 0.9, ["listen"])], new SentimentResult(SentimentLabel.Negative, 0, 0, 1),
                ["listen"], "[REDACTED] text", [], ConcernResult.None, Info)).ToList());
        var raiser = new ConcernRaiser(new Mock<IConcernRepository>().Object, new Mock<IQueueSender>().Object, Options.Create(new StorageNamesOptions()),
            TimeProvider.System, NullLogger<ConcernRaiser>.Instance);
        return new AnalyzeResponseHandler(_responses.Object, analyzer.Object, raiser, TimeProvider.System, NullLogger<AnalyzeResponseHandler>.Instance,
            projection: _projection.Object);
    }

    private static SurveyResponse Stored(string id) => new()
    {
        Id = id,
        SurveyCode = "test-survey",
        Audience = Audience.Child,
        ReceivedUtc = DateTimeOffset.UtcNow,
        FreeText = [new FreeTextAnswer("better", "they never listen")],
    };

    [Fact]
    public async Task An_analysis_is_projected_after_it_is_stored_a_failed_projection_fails_the_message_and_the_retry_projects_it()
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        var response = Stored(id);
        _responses.Setup(r => r.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(() => response);
        _responses.Setup(r => r.SaveAnalysisAsync(id, It.IsAny<ResponseAnalysis>(), It.IsAny<CancellationToken>()))
            .Callback<string, ResponseAnalysis, CancellationToken>((_, a, _) => { _calls.Add("save"); response = response with { Analysis = a }; })
            .ReturnsAsync(true);
        var projected = new List<SurveyResponse>();
        _projection.SetupSequence(p => p.UpsertAsync(It.IsAny<SurveyResponse>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("down"))
            .Returns(Task.CompletedTask);
        var handler = Analyzer();

        // The projection write fails: the message fails (and is retried by the queue), after the analysis was stored.
        await Assert.ThrowsAsync<StorageUnavailableException>(() => handler.HandleAsync(id, default));
        Assert.Equal(["save"], _calls);
        // The retry finds the analysis stored and writes the entry, without analysing again.
        await handler.HandleAsync(id, default);
        _responses.Verify(r => r.SaveAnalysisAsync(id, It.IsAny<ResponseAnalysis>(), It.IsAny<CancellationToken>()), Times.Once);
        var upserts = _projection.Invocations.Where(i => i.Method.Name == nameof(IDigestProjection.UpsertAsync)).Select(i => (SurveyResponse)i.Arguments[0]!).ToList();
        Assert.Equal(2, upserts.Count);
        Assert.All(upserts, u => Assert.Equal("[REDACTED] text", u.Analysis!.Texts[0].Result.RedactedText));
    }

    [Fact]
    public async Task A_response_gone_before_its_analysis_is_saved_is_not_projected()
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        _responses.Setup(r => r.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(Stored(id));
        _responses.Setup(r => r.SaveAnalysisAsync(id, It.IsAny<ResponseAnalysis>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        await Analyzer().HandleAsync(id, default);

        _projection.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Withdrawal_removes_the_projection_entry_before_the_response()
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        _responses.Setup(r => r.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(Stored(id));
        _responses.Setup(r => r.DeleteAsync(id, It.IsAny<CancellationToken>())).Callback(() => _calls.Add("delete response")).ReturnsAsync(true);
        _projection.Setup(p => p.DeleteAsync(id, It.IsAny<CancellationToken>())).Callback(() => _calls.Add("delete entry")).Returns(Task.CompletedTask);
        var concerns = new Mock<IConcernRepository>();
        var handler = new WithdrawResponseHandler(_responses.Object, concerns.Object, new Mock<IConcernScreen>().Object, TimeProvider.System,
            NullLogger<WithdrawResponseHandler>.Instance, _projection.Object);

        Assert.Equal(OutcomeKind.Ok, (await handler.WithdrawAsync(ResponseId.ToReceipt(id), default)).Kind);

        // Deleted again after the response: an analysis saved just before the response's delete may have written it meanwhile.
        Assert.Equal(["delete entry", "delete response", "delete entry"], _calls);
    }

    [Fact]
    public async Task A_failed_second_delete_of_the_entry_does_not_fail_the_withdrawal()
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        _responses.Setup(r => r.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(Stored(id));
        _responses.Setup(r => r.DeleteAsync(id, It.IsAny<CancellationToken>())).Callback(() => _calls.Add("delete response")).ReturnsAsync(true);
        _projection.SetupSequence(p => p.DeleteAsync(id, It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask)
            .ThrowsAsync(new InvalidOperationException("storage unavailable"));
        var handler = new WithdrawResponseHandler(_responses.Object, new Mock<IConcernRepository>().Object, new Mock<IConcernScreen>().Object, TimeProvider.System,
            NullLogger<WithdrawResponseHandler>.Instance, _projection.Object);

        Assert.Equal(OutcomeKind.Ok, (await handler.WithdrawAsync(ResponseId.ToReceipt(id), default)).Kind);

        _projection.Verify(p => p.DeleteAsync(id, It.IsAny<CancellationToken>()), Times.Exactly(2));
        _responses.Verify(r => r.DeleteAsync(id, It.IsAny<CancellationToken>()), Times.Once());
    }
}
