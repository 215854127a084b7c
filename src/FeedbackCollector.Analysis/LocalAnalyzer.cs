using System.Reflection;
using FeedbackCollector.Analysis.KeyPhrases;
using FeedbackCollector.Analysis.Languages;
using FeedbackCollector.Analysis.Sentiment;
using FeedbackCollector.Analysis.Text;
using FeedbackCollector.Analysis.Themes;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis;

/// <summary>
/// The local analyzer: no cloud, transparent rules, fast. Pipeline per text: language → personal-data redaction →
/// (normalised redacted text) themes, sentiment, key phrases → safeguarding concern detection on the redacted text
/// (always, whatever the language). Text recognised as another language is not themed; its sentiment comes from small
/// word lists for the languages most written here (<see cref="ForeignSentiment"/>), neutral for the others.
/// Thread-safe: one instance serves many threads.
/// </summary>
public sealed class LocalAnalyzer : ITextAnalyzer
{
    private const int ParallelBatchMinimum = 64;

    private static readonly SentimentResult NeutralSentiment = new(SentimentLabel.Neutral, 0, 1, 0);

    [ThreadStatic]
    private static Scratch? _scratch;

    private readonly IPiiRedactor _redactor;
    private readonly IConcernDetector _concerns;
    private readonly Tokenizer _tokenizer;
    private readonly ThemeMatcher _themes;
    private readonly SentimentScorer _sentiment;

    /// <summary>Compiles <paramref name="taxonomy"/> and wires the redactor and concern detector.</summary>
    public LocalAnalyzer(Taxonomy taxonomy, IPiiRedactor redactor, IConcernDetector concerns)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
        _concerns = concerns ?? throw new ArgumentNullException(nameof(concerns));
        Taxonomy = taxonomy;
        var vocabulary = new Vocabulary();
        _themes = new ThemeMatcher(taxonomy, vocabulary);
        _sentiment = new SentimentScorer(vocabulary);
        vocabulary.Freeze();
        _tokenizer = new Tokenizer(vocabulary);
        Info = new AnalyzerInfo("local", AnalyzerVersion, taxonomy.Version);
    }

    /// <summary>
    /// The analyzer with the real <see cref="PiiRedactor"/> and <see cref="ConcernDetector"/>, and the taxonomy at
    /// <paramref name="taxonomyPath"/> (the built-in one when null).
    /// </summary>
    /// <exception cref="TaxonomyException">The taxonomy file is not valid.</exception>
    /// <exception cref="IOException">The taxonomy file cannot be read.</exception>
    public static LocalAnalyzer CreateDefault(string? taxonomyPath = null)
    {
        var taxonomy = taxonomyPath is null ? Taxonomy.LoadDefault() : Taxonomy.Load(taxonomyPath);
        return new LocalAnalyzer(taxonomy, new PiiRedactor(), new ConcernDetector());
    }

    /// <summary>The version of this analyzer (the assembly's).</summary>
    public static string AnalyzerVersion { get; } =
        typeof(LocalAnalyzer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(LocalAnalyzer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <inheritdoc />
    public AnalyzerInfo Info { get; }

    /// <summary>The taxonomy in use.</summary>
    public Taxonomy Taxonomy { get; }

    /// <summary>Analyses one text. Fast and synchronous.</summary>
    public AnalysisResult Analyze(AnalysisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text ?? string.Empty;
        var scratch = _scratch ??= new Scratch();
        var tokens = scratch.Tokens;

        _tokenizer.Tokenize(text, tokens, scoreLanguages: true);
        var language = LanguageDetector.Detect(text, tokens);

        var redaction = _redactor.Redact(text);
        var redacted = redaction.RedactedText ?? string.Empty;

        IReadOnlyList<ThemeMatch> themes = [];
        IReadOnlyList<string> keyPhrases = [];
        var sentiment = NeutralSentiment;
        if (language is "en" or LanguageDetector.Undetermined)
        {
            if (!string.Equals(redacted, text, StringComparison.Ordinal))
            {
                _tokenizer.Tokenize(redacted, tokens, scoreLanguages: false);
            }
            var span = tokens.Span;
            _themes.FindHits(span, request.Audience, scratch.ThemeHits);
            scratch.Words.Reset();
            themes = _themes.Score(redacted, span, scratch.ThemeHits, scratch.Words);
            sentiment = _sentiment.Score(span, scratch.PhraseHits, themes, scratch.Words, request.Audience);
            keyPhrases = KeyPhraseExtractor.Extract(redacted, span, scratch.ThemeHits, _themes);
        }
        else
        {
            // Not themed, but its writer's feeling is still read where there is a word list for the language.
            sentiment = ForeignSentiment.Score(redacted, language) ?? NeutralSentiment;
        }

        var concern = _concerns.Detect(redacted, request.Audience) ?? ConcernResult.None;
        return new AnalysisResult(request.Id, language, themes, sentiment, keyPhrases, redacted, redaction.Spans, concern, Info);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AnalysisResult>> AnalyzeAsync(IReadOnlyList<AnalysisRequest> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new AnalysisResult[batch.Count];
        if (batch.Count < ParallelBatchMinimum || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i] = Analyze(batch[i]);
            }
        }
        else
        {
            Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => results[i] = Analyze(batch[i]));
        }
        return Task.FromResult<IReadOnlyList<AnalysisResult>>(results);
    }

    /// <summary>Themes only, on a text taken as already redacted (for benchmarks and tests).</summary>
    internal IReadOnlyList<ThemeMatch> MatchThemes(string text, Audience audience = Audience.Unknown)
    {
        var scratch = _scratch ??= new Scratch();
        _tokenizer.Tokenize(text, scratch.Tokens, scoreLanguages: false);
        _themes.FindHits(scratch.Tokens.Span, audience, scratch.ThemeHits);
        return _themes.Score(text, scratch.Tokens.Span, scratch.ThemeHits);
    }

    /// <summary>
    /// Themes and sentiment of a text taken as already redacted, with the word features built once and shared by the two
    /// models (as <see cref="Analyze"/> does) or built by each model itself (for tests).
    /// </summary>
    internal (IReadOnlyList<ThemeMatch> Themes, SentimentResult Sentiment) ScoreThemesAndSentiment(string text, Audience audience, bool shareWordFeatures)
    {
        var scratch = _scratch ??= new Scratch();
        _tokenizer.Tokenize(text, scratch.Tokens, scoreLanguages: false);
        var span = scratch.Tokens.Span;
        _themes.FindHits(span, audience, scratch.ThemeHits);
        var words = shareWordFeatures ? scratch.Words : null;
        words?.Reset();
        var themes = _themes.Score(text, span, scratch.ThemeHits, words);
        return (themes, _sentiment.Score(span, scratch.PhraseHits, themes, words, audience));
    }

    /// <summary>Sentiment only (for tests).</summary>
    internal SentimentResult ScoreSentiment(string text)
    {
        var scratch = _scratch ??= new Scratch();
        _tokenizer.Tokenize(text, scratch.Tokens, scoreLanguages: false);
        return _sentiment.Score(scratch.Tokens.Span, scratch.PhraseHits);
    }

    /// <summary>The lexicon's sums, parts and cues of a text (for tests).</summary>
    internal SentimentMass SentimentMassOf(string text)
    {
        var scratch = _scratch ??= new Scratch();
        _tokenizer.Tokenize(text, scratch.Tokens, scoreLanguages: false);
        return _sentiment.Mass(scratch.Tokens.Span, scratch.PhraseHits);
    }

    /// <summary>Language only (for tests).</summary>
    internal string DetectLanguage(string text)
    {
        var scratch = _scratch ??= new Scratch();
        _tokenizer.Tokenize(text, scratch.Tokens, scoreLanguages: true);
        return LanguageDetector.Detect(text, scratch.Tokens);
    }

    /// <summary>Key phrases only, on a text taken as already redacted (for tests).</summary>
    internal IReadOnlyList<string> ExtractKeyPhrases(string text)
    {
        var scratch = _scratch ??= new Scratch();
        _tokenizer.Tokenize(text, scratch.Tokens, scoreLanguages: false);
        _themes.FindHits(scratch.Tokens.Span, Audience.Unknown, scratch.ThemeHits);
        return KeyPhraseExtractor.Extract(text, scratch.Tokens.Span, scratch.ThemeHits, _themes);
    }

    /// <summary>The normalised tokens of a text as (surface, normalised) pairs (for tests).</summary>
    internal IReadOnlyList<(string Surface, string Normalised)> Normalise(string text)
    {
        var scratch = _scratch ??= new Scratch();
        _tokenizer.Tokenize(text, scratch.Tokens, scoreLanguages: false);
        var list = new List<(string, string)>();
        foreach (var t in scratch.Tokens.Span)
        {
            list.Add((text.Substring(t.Start, t.Length), t.Word.Text));
        }
        return list;
    }

    /// <summary>Per-thread working memory, reused from text to text.</summary>
    private sealed class Scratch
    {
        public TokenBuffer Tokens { get; } = new();
        public List<PhraseHit> ThemeHits { get; } = new(32);
        public List<PhraseHit> PhraseHits { get; } = new(8);

        /// <summary>The word features of the current text, shared by the theme and sentiment models.</summary>
        public WordFeatures Words { get; } = new();
    }
}
