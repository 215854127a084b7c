using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FeedbackCollector.Analysis;
using FeedbackCollector.Analysis.KeyPhrases;
using FeedbackCollector.Analysis.Languages;
using FeedbackCollector.Analysis.Sentiment;
using FeedbackCollector.Analysis.Text;
using FeedbackCollector.Analysis.Themes;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Benchmarks;

/// <summary>
/// Where the time of one analysis goes, stage by stage, on a JSON Lines input (as bench/analyze-throughput.sh makes):
/// <c>dotnet run -c Release --project bench/FeedbackCollector.Benchmarks -- stages INPUT [PASSES]</c>.
/// Each stage runs over every text once per pass; the last pass is reported (earlier ones warm the JIT up), with the
/// bytes it allocated. Pin it to one core (taskset -c 0) on a shared machine; the figures are CPU-bound.
/// </summary>
internal static class StageProfile
{
    public static int Run(string input, int passes)
    {
        var clock = Stopwatch.StartNew();
        var taxonomy = Taxonomy.LoadDefault();
        var taxonomyMs = clock.Elapsed.TotalMilliseconds;
        var redactor = new PiiRedactor();
        var concerns = new ConcernDetector();
        var vocabulary = new Vocabulary();
        var themes = new ThemeMatcher(taxonomy, vocabulary);
        var sentiment = new SentimentScorer(vocabulary);
        vocabulary.Freeze();
        var tokenizer = new Tokenizer(vocabulary);
        var analyzer = new LocalAnalyzer(taxonomy, redactor, concerns);
        var buildMs = clock.Elapsed.TotalMilliseconds - taxonomyMs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"taxonomy load {taxonomyMs:0.0} ms, analyzer build {buildMs:0.0} ms (both cold)"));

        var requests = new List<AnalysisRequest>();
        foreach (var line in File.ReadLines(input))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var audience = Audience.Unknown;
            if (root.TryGetProperty("audience", out var a))
            {
                FeedbackJson.TryParseWireName(a.GetString()!, out audience);
            }
            requests.Add(new AnalysisRequest(root.GetProperty("id").GetString()!, root.GetProperty("text").GetString()!, audience));
        }
        var texts = requests.Select(r => r.Text).ToArray();
        var redacted = texts.Select(t => redactor.Redact(t).RedactedText).ToArray();
        var n = texts.Length;
        var changed = 0;
        for (var i = 0; i < n; i++)
        {
            changed += ReferenceEquals(redacted[i], texts[i]) ? 0 : 1;
        }
        Console.WriteLine($"{n} texts; {changed} changed by redaction");

        var tokens = new TokenBuffer();
        var hits = new List<PhraseHit>(32);
        var phraseHits = new List<PhraseHit>(8);
        // The sentiment model reads the themes found; work them out once so that the sentiment stage times itself only.
        var themesOf = new IReadOnlyList<ThemeMatch>[n];
        for (var i = 0; i < n; i++)
        {
            tokenizer.Tokenize(redacted[i], tokens, scoreLanguages: false);
            themes.FindHits(tokens.Span, requests[i].Audience, hits);
            themesOf[i] = themes.Score(redacted[i], tokens.Span, hits);
        }
        var stages = new (string Name, Func<int> Body)[]
        {
            ("tokenize+language", () =>
            {
                var x = 0;
                foreach (var t in texts)
                {
                    tokenizer.Tokenize(t, tokens, scoreLanguages: true);
                    x += LanguageDetector.Detect(t, tokens).Length;
                }
                return x;
            }),
            ("redact", () =>
            {
                var x = 0;
                foreach (var t in texts)
                {
                    x += redactor.Redact(t).Spans.Count;
                }
                return x;
            }),
            ("tokenize (redacted)", () =>
            {
                var x = 0;
                foreach (var t in redacted)
                {
                    tokenizer.Tokenize(t, tokens, scoreLanguages: false);
                    x += tokens.Count;
                }
                return x;
            }),
            ("themes (hits+score)", () =>
            {
                var x = 0;
                for (var i = 0; i < n; i++)
                {
                    tokenizer.Tokenize(redacted[i], tokens, scoreLanguages: false);
                    themes.FindHits(tokens.Span, requests[i].Audience, hits);
                    x += themes.Score(redacted[i], tokens.Span, hits).Count;
                }
                return x;
            }),
            ("sentiment (+model)", () =>
            {
                var x = 0;
                for (var i = 0; i < n; i++)
                {
                    tokenizer.Tokenize(redacted[i], tokens, scoreLanguages: false);
                    x += (int)sentiment.Score(tokens.Span, phraseHits, themesOf[i]).Label;
                }
                return x;
            }),
            ("key phrases", () =>
            {
                var x = 0;
                for (var i = 0; i < n; i++)
                {
                    tokenizer.Tokenize(redacted[i], tokens, scoreLanguages: false);
                    themes.FindHits(tokens.Span, requests[i].Audience, hits);
                    x += KeyPhraseExtractor.Extract(redacted[i], tokens.Span, hits, themes).Count;
                }
                return x;
            }),
            ("concerns", () =>
            {
                var x = 0;
                for (var i = 0; i < n; i++)
                {
                    x += concerns.Detect(redacted[i], requests[i].Audience).Flagged ? 1 : 0;
                }
                return x;
            }),
            ("whole Analyze", () =>
            {
                var x = 0;
                foreach (var r in requests)
                {
                    x += analyzer.Analyze(r).Themes.Count;
                }
                return x;
            }),
        };

        for (var pass = 1; pass <= passes; pass++)
        {
            var last = true;
            if (last)
            {
                Console.WriteLine($"{"stage",-22} {"us/text",9} {"B/text",8}  (pass {pass}; stages after the first re-tokenise: subtract it)");
            }
            foreach (var (name, body) in stages)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                body();
                var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
                if (last)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name,-22} {used.TotalMicroseconds / n,9:0.00} {bytes / (double)n,8:0}   jit so far {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms, {System.Runtime.JitInfo.GetCompiledMethodCount()} methods"));
                }
            }
        }
        Console.WriteLine($"gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}");
        return 0;
    }
}
