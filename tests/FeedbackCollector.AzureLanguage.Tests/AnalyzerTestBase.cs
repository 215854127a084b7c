using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.AzureLanguage.Tests;

public abstract class AnalyzerTestBase : IDisposable
{
    protected FakeLanguageService Service { get; } = new();

    protected FakeLocalAnalyzer Local { get; } = new();

    protected ListLogger Logger { get; } = new();

    protected AzureLanguageOptions Options(Action<AzureLanguageOptions>? configure = null)
    {
        var o = new AzureLanguageOptions
        {
            Endpoint = Service.Url,
            ApiKey = "test-key",
            Timeout = TimeSpan.FromSeconds(5),
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        };
        configure?.Invoke(o);
        return o;
    }

    protected AzureLanguageAnalyzer Analyzer(Action<AzureLanguageOptions>? configure = null) =>
        new(Options(configure), Local, Logger, credential: null, transport: null);

    protected static IReadOnlyList<AnalysisRequest> Requests(params string[] texts) =>
        texts.Select((t, i) => new AnalysisRequest($"resp-{i}", t, Audience.Child)).ToArray();

    /// <summary>Records compare lists by reference; this compares every field by value.</summary>
    protected static void AssertSameResult(AnalysisResult expected, AnalysisResult actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Language, actual.Language);
        Assert.Equal(expected.Analyzer, actual.Analyzer);
        Assert.Equal(expected.RedactedText, actual.RedactedText);
        Assert.Equal(expected.Pii, actual.Pii);
        Assert.Equal(expected.Sentiment, actual.Sentiment);
        Assert.Equal(expected.KeyPhrases, actual.KeyPhrases);
        Assert.Equal(expected.Themes.Select(t => (t.ThemeId, t.Label, t.Confidence, string.Join("|", t.Evidence))), actual.Themes.Select(t => (t.ThemeId, t.Label, t.Confidence, string.Join("|", t.Evidence))));
        Assert.Equal((expected.Concern.Flagged, expected.Concern.Category, expected.Concern.Evidence), (actual.Concern.Flagged, actual.Concern.Category, actual.Concern.Evidence));
    }

    public void Dispose()
    {
        Service.Dispose();
        GC.SuppressFinalize(this);
    }
}
