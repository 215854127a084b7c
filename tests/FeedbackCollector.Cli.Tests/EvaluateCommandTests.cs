using System.Text.Json;
using FeedbackCollector.Cli.Commands;
using FeedbackCollector.Core.Analysis;
using Moq;

namespace FeedbackCollector.Cli.Tests;

public class EvaluateCommandTests
{
    // A small labelled set, fed through standard input (--input -).
    private const string Set = """
        {"id":"c1","audience":"child","text":"my sw Sarah never listens","language":"en","themes":["listen-to-me"],"sentiment":"negative","concern":null,"pii":[{"type":"name","text":"Sarah"}]}
        {"id":"c2","audience":"child","text":"i cut myself last night","language":"en","themes":["mental-health"],"sentiment":"negative","concern":"self-harm","pii":[]}
        {"id":"p1","audience":"parent","text":"Thank you, the youth club is brilliant","language":"en","themes":["praise","things-to-do"],"sentiment":"positive","concern":null,"pii":[]}

        {"id":"f1","audience":"forum-notes","text":"Nikt nas nie słucha","language":"pl","themes":[],"sentiment":"negative","concern":null,"pii":[]}
        """;

    private static readonly AnalyzerInfo Info = new("mock", "9.9", "tax-1");

    /// <summary>What the mock analyzer returns for each id: c1 right, c2 concern missed, p1 one theme missed, f1 right.</summary>
    private static AnalysisResult ResultFor(AnalysisRequest r) => r.Id switch
    {
        "c1" => Make(r, "my sw [name] never listens", ["listen-to-me"], SentimentLabel.Negative, null),
        "c2" => Make(r, r.Text, ["mental-health"], SentimentLabel.Negative, null),
        "p1" => Make(r, r.Text, ["praise"], SentimentLabel.Positive, null),
        "f1" => Make(r, r.Text, [], SentimentLabel.Negative, null, "pl"),
        _ => throw new InvalidOperationException(r.Id),
    };

    private static AnalysisResult Make(AnalysisRequest r, string redacted, string[] themes, SentimentLabel s, ConcernCategory? c, string lang = "en") =>
        new(r.Id, lang, themes.Select(t => new ThemeMatch(t, t, 0.8, [t])).ToList(), new SentimentResult(s, 0.2, 0.2, 0.6), [], redacted, [],
            c is { } cat ? new ConcernResult(true, cat, [cat], "x") : ConcernResult.None, Info);

    private static Mock<ITextAnalyzer> Analyzer(Func<AnalysisRequest, AnalysisResult>? map = null)
    {
        var mock = new Mock<ITextAnalyzer>();
        mock.SetupGet(a => a.Info).Returns(Info);
        mock.Setup(a => a.AnalyzeAsync(It.IsAny<IReadOnlyList<AnalysisRequest>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<AnalysisRequest> batch, CancellationToken _) => batch.Select(map ?? ResultFor).ToList());
        return mock;
    }

    private static async Task<(int Code, string Out, string Err)> Run(EvaluateCommand command, string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var parsed = CliArgs.Parse(args, "json");
        int code;
        try
        {
            code = await command.RunAsync(parsed, new CliConsole(new StringReader(stdin), output, error, false), default);
        }
        catch (CliUsageException ex)
        {
            code = 2;
            error.Write(ex.Message);
        }
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Prints_a_table_with_every_figure()
    {
        string? taxonomySeen = "not called";
        var analyzer = Analyzer();
        var command = new EvaluateCommand(t => { taxonomySeen = t; return analyzer.Object; });

        var (code, output, err) = await Run(command, Set, "--input", "-", "--taxonomy", "my-taxonomy.json");

        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Equal("my-taxonomy.json", taxonomySeen);
        Assert.Contains("Evaluated 4 items from standard input", output);
        Assert.Contains("Analyzer mock 9.9, taxonomy tax-1", output);
        // things-to-do: labelled once, never found.
        Assert.Matches(@"things-to-do\s+-\s+0\.000\s+0\.000\s+1\s+0\s+0\s+1", output);
        Assert.Matches(@"listen-to-me\s+1\.000\s+1\.000\s+1\.000\s+1", output);
        // Four themes with support: listen-to-me 1, mental-health 1, praise 1, things-to-do 0.
        Assert.Matches(@"macro-F1\s+0\.750", output);
        Assert.Contains("Sentiment accuracy 1.000 (4/4)", output);
        Assert.Contains("Concern recall 0.000 (0/1), precision - (0/0)", output);
        Assert.Contains("self-harm          recall 0.000 (0/1)", output);
        Assert.Contains("Redaction recall 1.000 (1/1), false-redaction rate 0.000 (0/3 texts without personal data altered)", output);
        Assert.Contains("Language accuracy 1.000 (4/4)", output);
        Assert.DoesNotContain("Concern missed", output);
        analyzer.Verify(a => a.AnalyzeAsync(It.Is<IReadOnlyList<AnalysisRequest>>(b => b.Count == 4 && b[3].Audience == Audience.ForumNotes), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Errors_option_shows_up_to_n_examples_per_kind()
    {
        var command = new EvaluateCommand(_ => Analyzer(r => r.Id switch
        {
            // Every English text mis-scored the same way, to check the per-kind limit.
            "f1" => ResultFor(r),
            _ => Make(r, r.Text, [], SentimentLabel.Neutral, null),
        }).Object);

        var (code, output, _) = await Run(command, Set, "--input", "-", "--errors", "2");

        Assert.Equal(0, code);
        Assert.Contains("Theme missed: 4 (showing 2)", output);
        Assert.Contains("Sentiment wrong: 3 (showing 2)", output);
        Assert.Contains("Concern missed: 1 (showing 1)", output);
        Assert.Contains("Personal data left in: 1 (showing 1)", output);
        Assert.Contains("c2      expected self-harm | got (none)", output);
        Assert.Contains("i cut myself last night", output);
        Assert.Contains("expected name: Sarah | got my sw Sarah never listens", output);
        Assert.DoesNotContain("Language wrong", output);
    }

    [Fact]
    public async Task Json_prints_the_metrics()
    {
        var command = new EvaluateCommand(_ => Analyzer().Object);

        var (code, output, _) = await Run(command, Set, "--input", "-", "--json", "--errors", "5");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("standard input", root.GetProperty("input").GetString());
        Assert.Equal("mock", root.GetProperty("analyzer").GetProperty("name").GetString());
        var report = root.GetProperty("report");
        Assert.Equal(4, report.GetProperty("items").GetInt32());
        Assert.Equal(0.75, report.GetProperty("macroF1").GetDouble(), 10);
        var praise = report.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("themeId").GetString() == "praise");
        Assert.Equal(1.0, praise.GetProperty("f1").GetDouble());
        Assert.Equal(1, praise.GetProperty("support").GetInt32());
        Assert.Equal(1.0, report.GetProperty("sentiment").GetProperty("accuracy").GetDouble());
        Assert.Equal(3, report.GetProperty("sentiment").GetProperty("confusion").GetProperty("negative").GetProperty("negative").GetInt32());
        Assert.Equal(0.0, report.GetProperty("concern").GetProperty("recall").GetDouble());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("concern").GetProperty("precision").ValueKind);
        Assert.Equal("self-harm", report.GetProperty("concern").GetProperty("perCategory")[0].GetProperty("category").GetString());
        Assert.Equal(1.0, report.GetProperty("redaction").GetProperty("recall").GetDouble());
        Assert.Equal(0.0, report.GetProperty("redaction").GetProperty("falseRedactionRate").GetDouble());
        Assert.Equal(1.0, report.GetProperty("language").GetProperty("accuracy").GetDouble());
        var kinds = root.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["theme-missed", "concern-missed"], kinds);
    }

    [Fact]
    public async Task Batches_are_analyzed_in_order_and_all_texts_scored()
    {
        var lines = Enumerable.Range(0, 600).Select(i =>
            $$"""{"id":"x{{i}}","audience":"child","text":"t{{i}}","language":"en","themes":[],"sentiment":"neutral","concern":null,"pii":[]}""");
        var analyzer = Analyzer(r => Make(r, r.Text, [], SentimentLabel.Neutral, null));
        var (code, output, _) = await Run(new EvaluateCommand(_ => analyzer.Object), string.Join("\n", lines), "--input", "-");

        Assert.Equal(0, code);
        Assert.Contains("Sentiment accuracy 1.000 (600/600)", output);
        analyzer.Verify(a => a.AnalyzeAsync(It.IsAny<IReadOnlyList<AnalysisRequest>>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task A_bad_line_is_reported_with_its_number()
    {
        var (code, output, err) = await Run(new EvaluateCommand(_ => Analyzer().Object), Set + "\n{\"id\":\"z\"}", "--input", "-");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("standard input line 6: 'audience' is missing", err);
    }

    [Fact]
    public async Task An_analyzer_that_drops_texts_is_an_error()
    {
        var mock = new Mock<ITextAnalyzer>();
        mock.SetupGet(a => a.Info).Returns(Info);
        mock.Setup(a => a.AnalyzeAsync(It.IsAny<IReadOnlyList<AnalysisRequest>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<AnalysisRequest> batch, CancellationToken _) => batch.Skip(1).Select(ResultFor).ToList());
        var (code, _, err) = await Run(new EvaluateCommand(_ => mock.Object), Set, "--input", "-");
        Assert.Equal(1, code);
        Assert.Contains("returned 3 results for 4 texts", err);
    }

    [Fact]
    public async Task Results_with_other_ids_are_an_error()
    {
        var (code, _, err) = await Run(new EvaluateCommand(_ => Analyzer(r => ResultFor(r) with { Id = "other" }).Object), Set, "--input", "-");
        Assert.Equal(1, code);
        Assert.Contains("do not match the requests", err);
    }

    [Fact]
    public async Task A_taxonomy_the_analyzer_cannot_load_is_an_error()
    {
        var command = new EvaluateCommand(t => throw new FileNotFoundException("Could not find file 'nope.json'."));
        var (code, _, err) = await Run(command, Set, "--input", "-", "--taxonomy", "nope.json");
        Assert.Equal(1, code);
        Assert.Contains("Cannot create the analyzer with taxonomy nope.json: Could not find file 'nope.json'.", err);
    }

    [Fact]
    public async Task Missing_default_dev_set_is_an_error()
    {
        var (code, _, err) = await Run(new EvaluateCommand(_ => Analyzer().Object, () => null), "");
        Assert.Equal(1, code);
        Assert.Contains("dev set", err);
    }

    [Theory]
    [InlineData("--errors", "-1")]
    [InlineData("--errors", "many")]
    [InlineData("--inptu", "x")]
    [InlineData("extra")]
    public async Task Usage_mistakes_are_usage_errors(params string[] args)
    {
        var (code, _, _) = await Run(new EvaluateCommand(_ => Analyzer().Object), Set, args);
        Assert.Equal(2, code);
    }

    [Fact]
    public void Evaluate_is_registered_with_the_cli()
    {
        Assert.IsType<EvaluateCommand>(CliApp.Commands["evaluate"]);
    }

    [Fact]
    public async Task Real_analyzer_lists_every_taxonomy_theme_and_scores_a_small_set()
    {
        var (code, output, err) = await Run(new EvaluateCommand(), Set, "--input", "-", "--json");

        Assert.Equal(0, code);
        Assert.Equal("", err);
        using var doc = JsonDocument.Parse(output);
        var report = doc.RootElement.GetProperty("report");
        Assert.Equal("local", doc.RootElement.GetProperty("analyzer").GetProperty("name").GetString());
        Assert.Equal(15, report.GetProperty("themes").GetArrayLength());
        Assert.Equal(4, report.GetProperty("items").GetInt32());
    }

    [Fact]
    public async Task An_invalid_taxonomy_file_is_an_error()
    {
        var (code, _, err) = await Run(new EvaluateCommand(), Set, "--input", "-", "--taxonomy", Path.Combine(Path.GetTempPath(), "no-such-taxonomy-" + Guid.NewGuid() + ".json"));
        Assert.Equal(1, code);
        Assert.Contains("Cannot create the analyzer with taxonomy", err);
    }

    [Fact]
    public void Default_dev_set_is_found_in_a_parent_of_the_start_directories()
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "repo"));
        var expected = Path.Combine(root, EvaluateCommand.DevSetRelativePath.Replace('/', Path.DirectorySeparatorChar));
        var deep = Path.Combine(root, "src", "FeedbackCollector.Cli", "bin", "Debug");
        var elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere");

        Assert.Equal(expected, EvaluateCommand.FindDefaultDevSet([elsewhere, deep], p => p == expected));
        Assert.Null(EvaluateCommand.FindDefaultDevSet([elsewhere], p => p == expected));
    }
}
