using System.Collections.Concurrent;
using FeedbackCollector.Core.Analysis;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.AzureLanguage.Tests;

/// <summary>
/// A predictable local analyzer: finds postcodes (SW1A 1AA) only, the theme "listen-to-me" on "listen", a self-harm
/// concern on "hurt" (evidence: the redacted text), neutral sentiment and the key phrase "local phrase".
/// </summary>
public sealed class FakeLocalAnalyzer : ITextAnalyzer
{
    public const string Postcode = "SW1A 1AA";

    public static readonly SentimentResult LocalSentiment = new(SentimentLabel.Neutral, 0.2, 0.6, 0.2);

    public int Calls;

    public AnalyzerInfo Info { get; } = new("local", "1.0.0", "taxonomy-7");

    public Task<IReadOnlyList<AnalysisResult>> AnalyzeAsync(IReadOnlyList<AnalysisRequest> batch, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Calls);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<AnalysisResult>>(batch.Select(Analyze).ToArray());
    }

    public AnalysisResult Analyze(AnalysisRequest r)
    {
        var spans = new List<PiiSpan>();
        var at = 0;
        while ((at = r.Text.IndexOf(Postcode, at, StringComparison.Ordinal)) >= 0)
        {
            spans.Add(new PiiSpan(PiiType.Postcode, at, Postcode.Length));
            at += Postcode.Length;
        }
        var redacted = r.Text.Replace(Postcode, "[postcode]", StringComparison.Ordinal);
        var language = r.Text.StartsWith("Bonjour", StringComparison.Ordinal) ? "fr" : "en";
        IReadOnlyList<ThemeMatch> themes = language == "en" && r.Text.Contains("listen", StringComparison.OrdinalIgnoreCase)
            ? [new ThemeMatch("listen-to-me", "Being listened to", 0.6, ["listen"])]
            : [];
        var concern = r.Text.Contains("hurt", StringComparison.OrdinalIgnoreCase)
            ? new ConcernResult(true, ConcernCategory.SelfHarm, [ConcernCategory.SelfHarm], redacted)
            : ConcernResult.None;
        return new AnalysisResult(r.Id, language, themes, LocalSentiment, ["local phrase"], redacted, spans, concern, Info);
    }
}

/// <summary>Collects log entries (formatted message and state) for assertions.</summary>
public sealed class ListLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => Entries.Enqueue((logLevel, eventId, formatter(state, exception) + (exception is null ? "" : " | " + exception)));
}
