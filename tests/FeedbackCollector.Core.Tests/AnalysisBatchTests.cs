using System.Collections.Concurrent;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace FeedbackCollector.Core.Tests;

/// <summary>The analysis message format, and the handler with messages of several ids.</summary>
public sealed class AnalysisBatchTests
{
    private static readonly AnalyzerInfo Info = new("local", "1", "1.0.0");
    // CallBase: the versioned read and save of the port fall back to FindAsync and SaveAnalysisAsync, set up over _store.
    private readonly Mock<IResponseRepository> _responses = new() { CallBase = true };
    private readonly Mock<ITextAnalyzer> _analyzer = new();
    private readonly ConcurrentDictionary<string, SurveyResponse> _store = new(StringComparer.Ordinal);
    private readonly List<IReadOnlyList<string>> _analyzerCalls = [];
    private readonly ConcurrentDictionary<string, int> _saves = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failSaves = new(StringComparer.Ordinal);

    public AnalysisBatchTests()
    {
        _responses.Setup(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => _store.GetValueOrDefault(id));
        _responses.Setup(r => r.SaveAnalysisAsync(It.IsAny<string>(), It.IsAny<ResponseAnalysis>(), It.IsAny<CancellationToken>()))
            .Returns(async (string id, ResponseAnalysis a, CancellationToken _) =>
            {
                await Task.Yield();
                if (_failSaves.TryGetValue(id, out var left) && left > 0)
                {
                    _failSaves[id] = left - 1;
                    throw new StorageUnavailableException("table down");
                }
                _saves.AddOrUpdate(id, 1, (_, n) => n + 1);
                if (!_store.TryGetValue(id, out var r))
                {
                    return false;
                }
                _store[id] = r with { Analysis = a };
                return true;
            });
        _analyzer.SetupGet(a => a.Info).Returns(Info);
        // Each result carries its text as its key phrase, so a result stored against the wrong response shows.
        _analyzer.Setup(a => a.AnalyzeAsync(It.IsAny<IReadOnlyList<AnalysisRequest>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<AnalysisRequest> batch, CancellationToken _) =>
            {
                lock (_analyzerCalls)
                {
                    _analyzerCalls.Add(batch.Select(r => r.Text).ToList());
                }
                if (batch.Any(r => r.Text.Contains("boom", StringComparison.Ordinal)))
                {
                    throw new InvalidOperationException("the analyzer cannot take this text");
                }
                return batch.Select(r => new AnalysisResult(r.Id, "en", [], new SentimentResult(SentimentLabel.Neutral, 0, 1, 0),
                    [r.Text], r.Text, [], ConcernResult.None, Info)).ToList();
            });
    }

    private AnalyzeResponseHandler Handler() => new(_responses.Object, _analyzer.Object,
        new ConcernRaiser(Mock.Of<IConcernRepository>(), Mock.Of<IQueueSender>(), Options.Create(new StorageNamesOptions()), TimeProvider.System, NullLogger<ConcernRaiser>.Instance),
        TimeProvider.System, NullLogger<AnalyzeResponseHandler>.Instance);

    private string Add(params string[] texts)
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        _store[id] = new SurveyResponse
        {
            Id = id,
            SurveyCode = "test-survey",
            Audience = Audience.Child,
            ReceivedUtc = DateTimeOffset.UtcNow,
            FreeText = texts.Select((t, i) => new FreeTextAnswer("q" + i, t)).ToList(),
        };
        return id;
    }

    private void AssertAnalysedWithItsOwnTexts(string id)
    {
        var r = _store[id];
        Assert.NotNull(r.Analysis);
        Assert.Equal(r.FreeText.Select(f => f.Text), r.Analysis!.Texts.Select(t => t.Result.KeyPhrases.Single()));
        Assert.Equal(r.FreeText.Select(f => f.QuestionId), r.Analysis.Texts.Select(t => t.QuestionId));
    }

    [Fact]
    public void One_id_is_formatted_as_the_bare_id_several_as_json_and_both_parse_back()
    {
        var a = ResponseId.New(DateTimeOffset.UtcNow);
        var b = ResponseId.New(DateTimeOffset.UtcNow);
        Assert.Equal(a, AnalysisMessage.Format([a]));
        var json = AnalysisMessage.Format([a, b]);
        Assert.Equal($"{{\"ids\":[\"{a}\",\"{b}\"]}}", json);
        Assert.Equal([a, b], AnalysisMessage.Parse(json));
        Assert.Equal([a], AnalysisMessage.Parse(a));
        // Receipts, lower case and spaces are read as the single-id format always read them; duplicates count once.
        Assert.Equal([a], AnalysisMessage.Parse(" " + ResponseId.ToReceipt(a).ToLowerInvariant() + "\n"));
        Assert.Equal([a, b], AnalysisMessage.Parse($"{{ \"ids\" : [\"{a.ToLowerInvariant()}\", \"{b}\", \"{a}\"] }}"));
        Assert.Throws<ArgumentException>(() => AnalysisMessage.Format([]));
        Assert.Throws<ArgumentException>(() => AnalysisMessage.Format([a.ToLowerInvariant()]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("this is not a response id")]
    [InlineData("{")]
    [InlineData("{\"ids\":[]}")]
    [InlineData("{\"ids\":\"0V3QXGS3BG\"}")]
    [InlineData("{\"ids\":[\"nope\"]}")]
    [InlineData("{\"ids\":[12]}")]
    [InlineData("{\"id\":[\"0V3QXGS3BG\"]}")]
    [InlineData("[\"0V3QXGS3BG\"]")]
    [InlineData("{\"ids\":[\"0V3QXGS3BG\",\"nope\"]}")]
    public async Task A_malformed_message_throws_a_format_exception_and_reads_nothing(string message)
    {
        Assert.Throws<FormatException>(() => AnalysisMessage.Parse(message));
        await Assert.ThrowsAsync<FormatException>(() => Handler().HandleAsync(message, default));
        _responses.Verify(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _analyzer.Verify(a => a.AnalyzeAsync(It.IsAny<IReadOnlyList<AnalysisRequest>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_message_of_several_ids_analyses_their_texts_in_one_call_and_stores_each_response_its_own()
    {
        var one = Add("more youth clubs please");
        var two = Add("buses are late", "the school nurse helped");
        var none = Add();
        var three = Add("nobody listens to me");

        await Handler().HandleAsync(AnalysisMessage.Format([one, two, none, three]), default);

        var call = Assert.Single(_analyzerCalls);
        Assert.Equal(["more youth clubs please", "buses are late", "the school nurse helped", "nobody listens to me"], call);
        foreach (var id in new[] { one, two, three })
        {
            AssertAnalysedWithItsOwnTexts(id);
        }
        Assert.Empty(_store[none].Analysis!.Texts);
        Assert.All(_saves.Values, n => Assert.Equal(1, n));
        Assert.Equal(4, _saves.Count);
    }

    [Fact]
    public async Task The_old_single_id_message_is_still_handled_and_a_message_handled_twice_changes_nothing()
    {
        var one = Add("more youth clubs please");
        var two = Add("buses are late");
        await Handler().HandleAsync(one, default);
        AssertAnalysedWithItsOwnTexts(one);
        var analysed = _store[one].Analysis!.AnalysedUtc;

        await Handler().HandleAsync(AnalysisMessage.Format([one, two]), default);
        await Handler().HandleAsync(AnalysisMessage.Format([one, two]), default);

        Assert.Equal(2, _analyzerCalls.Count);
        Assert.Equal(["buses are late"], _analyzerCalls[1]);
        Assert.Equal(analysed, _store[one].Analysis!.AnalysedUtc);
        Assert.Equal(1, _saves[one]);
        Assert.Equal(1, _saves[two]);
    }

    [Fact]
    public async Task A_withdrawn_response_among_several_is_skipped_without_failing_the_message()
    {
        var one = Add("more youth clubs please");
        var gone = ResponseId.New(DateTimeOffset.UtcNow);
        var two = Add("buses are late");

        await Handler().HandleAsync(AnalysisMessage.Format([one, gone, two]), default);

        AssertAnalysedWithItsOwnTexts(one);
        AssertAnalysedWithItsOwnTexts(two);
        Assert.False(_saves.ContainsKey(gone));
    }

    [Fact]
    public async Task One_failing_response_fails_the_message_after_the_others_are_stored_and_the_retry_does_only_it()
    {
        var one = Add("more youth clubs please");
        var two = Add("buses are late");
        var three = Add("nobody listens to me");
        _failSaves[two] = 1;

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Handler().HandleAsync(AnalysisMessage.Format([one, two, three]), default));
        AssertAnalysedWithItsOwnTexts(one);
        AssertAnalysedWithItsOwnTexts(three);
        Assert.Null(_store[two].Analysis);

        // The queue retries the same message: only the failed response is analysed and stored again.
        await Handler().HandleAsync(AnalysisMessage.Format([one, two, three]), default);
        AssertAnalysedWithItsOwnTexts(two);
        Assert.Equal(["buses are late"], _analyzerCalls[^1]);
        Assert.Equal(1, _saves[one]);
        Assert.Equal(1, _saves[two]);
        Assert.Equal(1, _saves[three]);
    }

    [Fact]
    public async Task Several_failures_fail_the_message_with_the_first_and_the_retry_completes_them()
    {
        var one = Add("more youth clubs please");
        var two = Add("buses are late");
        var three = Add("nobody listens to me");
        _failSaves[one] = 1;
        _failSaves[three] = 1;

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Handler().HandleAsync(AnalysisMessage.Format([one, two, three]), default));
        AssertAnalysedWithItsOwnTexts(two);
        Assert.Null(_store[one].Analysis);
        Assert.Null(_store[three].Analysis);

        await Handler().HandleAsync(AnalysisMessage.Format([one, two, three]), default);
        AssertAnalysedWithItsOwnTexts(one);
        AssertAnalysedWithItsOwnTexts(three);
        Assert.Equal(["more youth clubs please", "nobody listens to me"], _analyzerCalls[^1]);
        Assert.Equal(1, _saves[two]);
    }

    [Fact]
    public async Task A_text_the_analyzer_cannot_take_fails_only_its_own_response()
    {
        var one = Add("more youth clubs please");
        var bad = Add("boom");
        var two = Add("buses are late");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Handler().HandleAsync(AnalysisMessage.Format([one, bad, two]), default));

        // The batch failed, so each response was analysed alone: the others are stored.
        Assert.Equal(4, _analyzerCalls.Count);
        AssertAnalysedWithItsOwnTexts(one);
        AssertAnalysedWithItsOwnTexts(two);
        Assert.Null(_store[bad].Analysis);
        Assert.False(_saves.ContainsKey(bad));
    }
}
