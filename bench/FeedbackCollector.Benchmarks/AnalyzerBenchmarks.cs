using BenchmarkDotNet.Attributes;
using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Benchmarks;

/// <summary>
/// Per-text costs of the local analyzer and its parts, over a fixed mix of typical answers (1-3 sentences: children
/// with text-speak, parents, practitioners). Each benchmark analyses the whole mix once; divide by <see cref="Texts"/>.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    /// <summary>Typical answers, as the CLI throughput test generates them.</summary>
    public static readonly string[] Texts =
    [
        "my sw never listens to me and i have to tell my story again every time",
        "We waited 14 months for CAMHS and nobody rang us back. My son is still not in school.",
        "youth club is sooo good, the workers are sound 👍",
        "I don't feel safe walking home, there are gangs near the park at night",
        "Caseloads are too high and the paperwork takes up half my week. We can't retain experienced staff.",
        "Thank you to Sarah at the family hub, she went above and beyond for us.",
        "idk who to talk to tbh, i dont want my mum to find out",
        "i got bullied online and the school did nothing about it 😢",
        "Referral to MASH was bounced back, LCSS said threshold not met; strategy meeting only after the second incident.",
        "Nikt mnie nie słucha w szkole.",
    ];

    private LocalAnalyzer _analyzer = null!;
    private PiiRedactor _redactor = null!;
    private AnalysisRequest[] _requests = null!;

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = LocalAnalyzer.CreateDefault();
        _redactor = new PiiRedactor();
        _requests = Texts.Select((t, i) => new AnalysisRequest("b" + i, t, Audience.Unknown)).ToArray();
    }

    /// <summary>The whole pipeline: language, redaction, themes, sentiment, key phrases, concerns.</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public int Analyze()
    {
        var n = 0;
        foreach (var r in _requests)
        {
            n += _analyzer.Analyze(r).Themes.Count;
        }
        return n;
    }

    /// <summary>Tokenising, normalising and matching the taxonomy only.</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public int ThemesOnly()
    {
        var n = 0;
        foreach (var t in Texts)
        {
            n += _analyzer.MatchThemes(t).Count;
        }
        return n;
    }

    /// <summary>Personal-data redaction only.</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public int RedactionOnly()
    {
        var n = 0;
        foreach (var t in Texts)
        {
            n += _redactor.Redact(t).Spans.Count;
        }
        return n;
    }
}

/// <summary>Start-up costs: reading the taxonomy, and compiling it into an analyzer.</summary>
[MemoryDiagnoser]
public class TaxonomyBenchmarks
{
    private Taxonomy _taxonomy = null!;

    [GlobalSetup]
    public void Setup() => _taxonomy = Taxonomy.LoadDefault();

    /// <summary>Parsing and validating the shipped taxonomy.</summary>
    [Benchmark]
    public Taxonomy TaxonomyLoad() => Taxonomy.LoadDefault();

    /// <summary>Compiling the taxonomy, lexicons and spelling index into an analyzer.</summary>
    [Benchmark]
    public LocalAnalyzer AnalyzerBuild() => new(_taxonomy, new PiiRedactor(), new ConcernDetector());
}
