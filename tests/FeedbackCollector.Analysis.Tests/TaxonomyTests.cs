using System.Text;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

public class TaxonomyTests
{
    private const string Minimal = """
        {
          "version": "2.0.0",
          "themes": [
            { "id": "youth-voice", "label": "Youth voice", "phrases": [ "youth forum", { "text": "listen*", "weight": 0.4 } ] }
          ]
        }
        """;

    [Fact]
    public void Default_taxonomy_has_the_fifteen_themes_with_labels_and_phrases()
    {
        var t = TestAnalyzers.Taxonomy;
        string[] expected =
        [
            "communication", "early-help", "listen-to-me", "relationships", "joined-up-working", "confidentiality", "mental-health",
            "bullying", "school", "feeling-safe", "things-to-do", "home", "where-to-get-help", "praise", "workforce",
        ];
        Assert.Equal(expected, t.Themes.Select(x => x.Id));
        Assert.False(string.IsNullOrWhiteSpace(t.Version));
        Assert.All(t.Themes, theme =>
        {
            Assert.False(string.IsNullOrWhiteSpace(theme.Label));
            Assert.True(theme.Phrases.Count >= 40, $"{theme.Id} has only {theme.Phrases.Count} phrases");
            Assert.All(theme.Phrases, p => Assert.InRange(p.Weight, 0.01, 1.0));
        });
    }

    [Fact]
    public void Default_taxonomy_is_also_shipped_as_an_embedded_resource_the_same_as_the_file_name()
    {
        Assert.StartsWith("embedded:", TestAnalyzers.Taxonomy.Source);
        Assert.EndsWith(Taxonomy.DefaultFileName, TestAnalyzers.Taxonomy.Source);
    }

    [Fact]
    public void Parses_strings_and_objects_with_defaults()
    {
        var t = Taxonomy.Parse(Minimal);
        Assert.Equal("2.0.0", t.Version);
        var theme = Assert.Single(t.Themes);
        Assert.Equal(0.5, theme.Threshold);
        Assert.Equal(0.8, theme.Phrases[0].Weight);
        Assert.Equal(0.4, theme.Phrases[1].Weight);
        Assert.Same(theme, t.Find("youth-voice"));
        Assert.Null(t.Find("nope"));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed_for_hand_editing()
    {
        var t = Taxonomy.Parse("""
            // edited by the safeguarding officer
            { "version": "1", "themes": [ { "id": "a", "label": "A", "phrases": ["x",], }, ], }
            """);
        Assert.Single(t.Themes);
    }

    [Fact]
    public void Bad_json_reports_the_line()
    {
        var ex = Assert.Throws<TaxonomyException>(() => Taxonomy.Parse("{\n  \"version\": \"1\",\n  \"themes\": [ oops ]\n}", "mine.json"));
        var error = Assert.Single(ex.Errors);
        Assert.Contains("line 3", error);
        Assert.Contains("mine.json", ex.Message);
        Assert.Equal("mine.json", ex.TaxonomySource);
    }

    [Fact]
    public void Duplicate_ids_empty_themes_and_bad_weights_are_all_reported_together()
    {
        var ex = Assert.Throws<TaxonomyException>(() => Taxonomy.Parse("""
            { "version": "1", "themes": [
              { "id": "a", "label": "A", "phrases": ["x"] },
              { "id": "a", "label": "A again", "phrases": ["y"] },
              { "id": "b", "label": "B", "phrases": [] },
              { "id": "c", "label": "C", "phrases": [ { "text": "z", "weight": 1.5 }, { "text": "w", "weight": 0 } ] }
            ] }
            """));
        Assert.Contains(ex.Errors, e => e.Contains("\"a\" is used twice"));
        Assert.Contains(ex.Errors, e => e.Contains("theme \"b\"") && e.Contains("no phrases"));
        Assert.Contains(ex.Errors, e => e.Contains("\"z\"") && e.Contains("weight"));
        Assert.Contains(ex.Errors, e => e.Contains("\"w\"") && e.Contains("weight"));
    }

    [Theory]
    [InlineData("""{ "themes": [ { "id": "a", "label": "A", "phrases": ["x"] } ] }""", "\"version\"")]
    [InlineData("""{ "version": "1", "themes": [ { "id": "Bad Id", "label": "A", "phrases": ["x"] } ] }""", "lower-case")]
    [InlineData("""{ "version": "1", "themes": [ { "id": "a", "phrases": ["x"] } ] }""", "\"label\"")]
    [InlineData("""{ "version": "1", "themes": [ { "id": "a", "label": "A", "phrases": ["li*"] } ] }""", "at least 3 letters")]
    [InlineData("""{ "version": "1", "themes": [ { "id": "a", "label": "A", "phrases": ["* listen"] } ] }""", "between two words")]
    [InlineData("""{ "version": "1", "themes": [ { "id": "a", "label": "A", "phrases": [ { "text": "x", "audiences": ["aliens"] } ] } ] }""", "unknown audience")]
    [InlineData("""{ "version": "1", "themes": [ { "id": "a", "label": "A", "phrases": [ { "text": "x", "wieght": 0.5 } ] } ] }""", "unknown property \"wieght\"")]
    [InlineData("""{ "version": "1", "themes": [] }""", "empty")]
    [InlineData("""[1, 2]""", "top level")]
    public void Invalid_taxonomies_say_what_is_wrong(string json, string expected)
    {
        var ex = Assert.Throws<TaxonomyException>(() => Taxonomy.Parse(json));
        Assert.Contains(ex.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Utf8_with_byte_order_mark_parses()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Minimal)).ToArray();
        Assert.Equal("2.0.0", Taxonomy.Parse(bytes).Version);
    }

    [Fact]
    public void An_officer_can_add_a_theme_and_rename_a_label_without_code()
    {
        var t = Taxonomy.Parse("""
            { "version": "local-3", "themes": [
              { "id": "listen-to-me", "label": "Being heard", "phrases": ["listen*"] },
              { "id": "transport", "label": "Getting about", "phrases": ["bus pass*", { "text": "bus", "weight": 0.3 }, "train* * late"] }
            ] }
            """);
        var analyzer = TestAnalyzers.Create(t);
        var r = analyzer.Analyze(new AnalysisRequest("1", "I need a bus pass to get to college, and the trains are always late."));
        var theme = Assert.Single(r.Themes);
        Assert.Equal("transport", theme.ThemeId);
        Assert.Equal("Getting about", theme.Label);
        Assert.Contains("bus pass", theme.Evidence);
        Assert.Contains("trains are always late", theme.Evidence);
        Assert.Equal("local-3", r.Analyzer.TaxonomyVersion);

        var heard = analyzer.Analyze(new AnalysisRequest("2", "nobody listens"));
        Assert.Equal("Being heard", Assert.Single(heard.Themes).Label);
    }

    [Fact]
    public void Requires_unless_and_audiences_are_applied()
    {
        var t = Taxonomy.Parse("""
            { "version": "1", "themes": [
              { "id": "school", "label": "School", "phrases": [
                { "text": "school", "weight": 0.9, "unless": ["bully*"] },
                { "text": "letter", "weight": 0.9, "requires": ["school"] },
                { "text": "training", "weight": 0.9, "audiences": ["practitioner"] } ] }
            ] }
            """);
        var a = TestAnalyzers.Create(t);
        Assert.Single(a.Analyze(new AnalysisRequest("1", "school is hard")).Themes);
        Assert.Empty(a.Analyze(new AnalysisRequest("2", "there is bullying at school")).Themes);
        Assert.Empty(a.Analyze(new AnalysisRequest("3", "I got a letter")).Themes);
        Assert.Single(a.Analyze(new AnalysisRequest("4", "I got a letter about school")).Themes);
        Assert.Empty(a.Analyze(new AnalysisRequest("5", "football training is fun", Audience.Child)).Themes);
        Assert.Single(a.Analyze(new AnalysisRequest("6", "there is no time for training", Audience.Practitioner)).Themes);
        Assert.Single(a.Analyze(new AnalysisRequest("7", "there is no time for training", Audience.Unknown)).Themes);
    }

    [Fact]
    public void Default_taxonomy_compiles_quickly()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        _ = Taxonomy.LoadDefault();
        // Generous bound for a shared test machine; the benchmark measures the real figure.
        Assert.True(sw.ElapsedMilliseconds < 2000, $"load took {sw.ElapsedMilliseconds} ms");
    }
}
