using FeedbackCollector.Core.Analysis;
using Moq;

namespace FeedbackCollector.Analysis.Tests;

public class LocalAnalyzerTests
{
    private static (LocalAnalyzer Analyzer, Mock<IPiiRedactor> Redactor, Mock<IConcernDetector> Concerns) WithMocks(
        Func<string, RedactionResult> redact, ConcernResult? concern = null)
    {
        var redactor = new Mock<IPiiRedactor>(MockBehavior.Strict);
        redactor.Setup(r => r.Redact(It.IsAny<string>())).Returns(redact);
        var concerns = new Mock<IConcernDetector>(MockBehavior.Strict);
        concerns.Setup(c => c.Detect(It.IsAny<string>(), It.IsAny<Audience>())).Returns(concern ?? ConcernResult.None);
        return (new LocalAnalyzer(TestAnalyzers.Taxonomy, redactor.Object, concerns.Object), redactor, concerns);
    }

    [Fact]
    public void Themes_sentiment_and_key_phrases_come_from_the_redacted_text_and_concern_sees_it()
    {
        const string text = "Kayleigh Smith never listens and I have been waiting months for camhs";
        var (analyzer, _, concerns) = WithMocks(t => new RedactionResult(t.Replace("Kayleigh Smith", "[name]"), [new PiiSpan(PiiType.Name, 0, 14)]));
        var r = analyzer.Analyze(new AnalysisRequest("r1", text, Audience.Child));

        Assert.Equal("r1", r.Id);
        Assert.Equal("en", r.Language);
        Assert.Equal("[name] never listens and I have been waiting months for camhs", r.RedactedText);
        Assert.Equal(new PiiSpan(PiiType.Name, 0, 14), Assert.Single(r.Pii));
        Assert.Contains(r.Themes, t => t.ThemeId == "listen-to-me");
        Assert.DoesNotContain(r.Themes.SelectMany(t => t.Evidence), e => e.Contains("Kayleigh"));
        Assert.DoesNotContain(r.KeyPhrases, k => k.Contains("kayleigh") || k.Contains('['));
        Assert.Equal(SentimentLabel.Negative, r.Sentiment.Label);
        concerns.Verify(c => c.Detect("[name] never listens and I have been waiting months for camhs", Audience.Child), Times.Once);
    }

    [Fact]
    public void Non_english_is_not_themed_but_concerns_are_still_checked()
    {
        var concern = new ConcernResult(true, ConcernCategory.SelfHarm, [ConcernCategory.SelfHarm], "x");
        var (analyzer, _, concerns) = WithMocks(t => new RedactionResult(t, []), concern);
        var r = analyzer.Analyze(new AnalysisRequest("p1", "Nikt mi nie pomaga w szkole, jestem bardzo smutna i nie chcę żyć.", Audience.Child));
        Assert.Equal("pl", r.Language);
        Assert.True(r.IsNonEnglish);
        Assert.Empty(r.Themes);
        Assert.Empty(r.KeyPhrases);
        // Not themed, but the writer's feeling is read from the Polish word list ("nikt", "nie pomaga", "smutna").
        Assert.Equal(SentimentLabel.Negative, r.Sentiment.Label);
        Assert.Same(concern, r.Concern);
        concerns.Verify(c => c.Detect(It.IsAny<string>(), Audience.Child), Times.Once);
    }

    [Fact]
    public void Analyzer_info_names_the_analyzer_and_the_taxonomy_version()
    {
        var (analyzer, _, _) = WithMocks(t => new RedactionResult(t, []));
        Assert.Equal("local", analyzer.Info.Name);
        Assert.Equal(TestAnalyzers.Taxonomy.Version, analyzer.Info.TaxonomyVersion);
        Assert.Matches(@"^\d+\.\d+\.\d+", analyzer.Info.Version);
        Assert.Same(analyzer.Info, analyzer.Analyze(new AnalysisRequest("1", "hi")).Analyzer);
    }

    [Fact]
    public async Task Batches_keep_order_and_size_sequential_and_parallel()
    {
        var (analyzer, _, _) = WithMocks(t => new RedactionResult(t, []));
        foreach (var size in new[] { 3, 500 })
        {
            var batch = Enumerable.Range(0, size)
                .Select(i => new AnalysisRequest("id" + i, i % 2 == 0 ? "they never listen " + i : "thank you so much " + i))
                .ToList();
            var results = await analyzer.AnalyzeAsync(batch);
            Assert.Equal(size, results.Count);
            for (var i = 0; i < size; i++)
            {
                Assert.Equal("id" + i, results[i].Id);
                Assert.Equal(i % 2 == 0 ? SentimentLabel.Negative : SentimentLabel.Positive, results[i].Sentiment.Label);
            }
        }
    }

    [Fact]
    public async Task Batch_honours_cancellation()
    {
        var (analyzer, _, _) = WithMocks(t => new RedactionResult(t, []));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analyzer.AnalyzeAsync([new AnalysisRequest("1", "x")], cts.Token));
    }

    [Fact]
    public void Empty_and_emoji_only_texts_do_not_fail()
    {
        var (analyzer, _, _) = WithMocks(t => new RedactionResult(t, []));
        var empty = analyzer.Analyze(new AnalysisRequest("1", ""));
        Assert.Equal("und", empty.Language);
        Assert.Empty(empty.Themes);
        var angry = analyzer.Analyze(new AnalysisRequest("2", "😡😡😡"));
        Assert.Equal("und", angry.Language);
        Assert.Equal(SentimentLabel.Negative, angry.Sentiment.Label);
    }

    [Fact]
    public void Very_long_text_is_handled()
    {
        var (analyzer, _, _) = WithMocks(t => new RedactionResult(t, []));
        const string sentence = "nobody listens to me at school and the waiting list is long. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 2000));
        var r = analyzer.Analyze(new AnalysisRequest("1", text));
        // Features are binary, so 2,000 copies of a sentence are themed as one copy is.
        var once = analyzer.Analyze(new AnalysisRequest("2", sentence));
        Assert.NotEmpty(r.Themes);
        Assert.Equal(once.Themes.Select(t => t.ThemeId), r.Themes.Select(t => t.ThemeId));
        Assert.Contains(r.Themes, t => t.ThemeId == "early-help");
        Assert.True(r.KeyPhrases.Count <= 5);
    }

    [Fact]
    public void Real_redactor_and_concern_detector_are_wired_by_create_default()
    {
        var analyzer = LocalAnalyzer.CreateDefault();
        var r = analyzer.Analyze(new AnalysisRequest("1", "my sw Sarah never calls me back, ring me on 07700 900123"));
        Assert.DoesNotContain("07700 900123", r.RedactedText);
        Assert.NotEmpty(r.Pii);
        Assert.All(r.Themes.SelectMany(t => t.Evidence), e => Assert.DoesNotContain("07700", e));
        Assert.Contains(r.Themes, t => t.ThemeId == "communication");
    }

    [Fact]
    public void Practitioner_jargon_is_understood()
    {
        var (analyzer, _, _) = WithMocks(t => new RedactionResult(t, []));
        var r = analyzer.Analyze(new AnalysisRequest("1",
            "Referral went to MASH, strategy meeting held, but LCSS stepped it down to early help and the CP plan never happened.", Audience.Practitioner));
        Assert.Equal("en", r.Language);
        Assert.Contains(r.Themes, t => t.ThemeId is "joined-up-working" or "early-help");
    }
}
