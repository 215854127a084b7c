using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Analysis.Themes;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// Themes and sentiment through the whole analyzer, trained models included: the hard cases of real writing
/// (negation, text-speak, misspellings, jargon), officer edits of the taxonomy, and the model file and trainer.
/// </summary>
public class ThemeModelTests
{
    private static AnalysisResult Analyze(string text, Audience audience = Audience.Unknown) =>
        TestAnalyzers.Default.Analyze(new AnalysisRequest("t", text, audience));

    private static IReadOnlyList<string> Themes(string text, Audience audience = Audience.Unknown) =>
        [.. Analyze(text, audience).Themes.Select(t => t.ThemeId)];

    private static SentimentLabel Sentiment(string text, Audience audience = Audience.Unknown) => Analyze(text, audience).Sentiment.Label;

    [Fact]
    public void The_shipped_model_is_embedded_and_knows_every_default_theme()
    {
        var models = AnalyzerModels.Default;
        Assert.NotNull(models);
        foreach (var theme in TestAnalyzers.Taxonomy.Themes)
        {
            Assert.True(models.Themes.IndexOf(theme.Id) >= 0, theme.Id);
        }
        Assert.Equal(["positive", "neutral", "negative", "mixed"], models.Sentiment.Classes);
    }

    [Theory]
    [InlineData("they never listen to me", SentimentLabel.Negative)]
    [InlineData("my worker actually listens now", SentimentLabel.Positive)]
    [InlineData("nobody ever asks me what i want", SentimentLabel.Negative)]
    [InlineData("she didnt help at all", SentimentLabel.Negative)]
    [InlineData("not bad actually, she really helped", SentimentLabel.Positive)]
    public void Negation_turns_the_sentiment(string text, SentimentLabel expected) => Assert.Equal(expected, Sentiment(text, Audience.Child));

    [Theory]
    [InlineData("they never listen to me they just talk to my mum", "listen-to-me")]
    [InlineData("idk who to talk to about stuff at home tbh", "where-to-get-help")]
    [InlineData("my sw never rings me back", "communication")]
    [InlineData("had like 5 sws in 2 years", "relationships")]
    [InlineData("ppl at school keep calling me names n teachers dont do nothing", "bullying")]
    public void Text_speak_finds_the_theme(string text, string theme) => Assert.Contains(theme, Themes(text, Audience.Child));

    [Theory]
    [InlineData("my socail worker keeps changing every few months", "relationships")]
    [InlineData("been waiting ages for councelling becuase of my anxeity", "mental-health")]
    [InlineData("i got exluded from skool for nothing", "school")]
    public void Misspellings_find_the_theme(string text, string theme) => Assert.Contains(theme, Themes(text, Audience.Child));

    [Theory]
    [InlineData("Referrals to MASH get no feedback and health are not invited to strategy meetings.", "joined-up-working")]
    [InlineData("Thresholds for LCSS are far too high, families are bounced back to early help.", "early-help")]
    [InlineData("EHCP annual reviews are months overdue.", "school")]
    [InlineData("Caseloads of 28 children leave no time for direct work.", "workforce")]
    public void Practitioner_jargon_finds_the_theme(string text, string theme) => Assert.Contains(theme, Themes(text, Audience.Practitioner));

    [Theory]
    [InlineData("more youth clubs pls", SentimentLabel.Neutral)]
    [InlineData("the youth club only opens 2 nights and shuts at 8", SentimentLabel.Negative)]
    [InlineData("My son has been on a reduced timetable for two terms with no plan to get him back.", SentimentLabel.Negative)]
    [InlineData("my sw is nice but she never turns up when she says", SentimentLabel.Mixed)]
    [InlineData("thank u so much to my youth worker shes a legend", SentimentLabel.Positive)]
    public void Sentiment_as_an_officer_reads_it(string text, SentimentLabel expected) => Assert.Equal(expected, Sentiment(text));

    [Fact]
    public void Every_theme_keeps_a_confidence_in_range_and_evidence_from_the_text()
    {
        string[] texts =
        [
            "they never listen to me", "idk who to talk to", "waiting 9 months for camhs and still nothing",
            "my sw knows me proper she actually cares", "Caseloads are unmanageable and supervision keeps getting cancelled.",
            "theres nothing to do round here", "we live in a hotel room with my mum", "thank u to my sw for everything",
        ];
        foreach (var text in texts)
        {
            var result = Analyze(text);
            Assert.True(result.Themes.Count > 0, $"no theme for: {text}");
            foreach (var theme in result.Themes)
            {
                Assert.InRange(theme.Confidence, 0.0, 1.0);
                Assert.NotEmpty(theme.Evidence);
                Assert.All(theme.Evidence, e => Assert.Contains(e, text, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public void Model_evidence_never_is_only_stop_words_or_a_placeholder()
    {
        var first = Analyze("My socail worker never listens and we have been waiting months for camhs 😡", Audience.Child);
        var help = Assert.Single(first.Themes, t => t.ThemeId == "early-help");
        Assert.Contains("been waiting", help.Evidence);
        Assert.DoesNotContain("and we", help.Evidence);
        var second = Analyze("Thank you so much, Sarah was amazing! Ring me on 07700 900123", Audience.Parent);
        var praise = Assert.Single(second.Themes, t => t.ThemeId == "praise");
        Assert.Contains("amazing", praise.Evidence);
        Assert.DoesNotContain(praise.Evidence, e => e.Contains('[', StringComparison.Ordinal));
    }

    [Fact]
    public void A_theme_an_officer_adds_is_found_by_its_phrases_with_evidence()
    {
        var json = TaxonomyJsonWith("""
            { "id": "transport", "label": "Getting about", "phrases": [ "bus*", "train*", { "text": "lift*", "weight": 0.4 } ] }
            """);
        var analyzer = TestAnalyzers.Create(Taxonomy.Parse(json));
        var result = analyzer.Analyze(new AnalysisRequest("t", "the buses stop at 6 so i cant get to anything", Audience.Child));
        var theme = Assert.Single(result.Themes, t => t.ThemeId == "transport");
        Assert.Equal("Getting about", theme.Label);
        Assert.InRange(theme.Confidence, 0.5, 1.0);
        Assert.Contains("buses", theme.Evidence);
        Assert.DoesNotContain(analyzer.Analyze(new AnalysisRequest("t", "my worker is lovely")).Themes, t => t.ThemeId == "transport");
    }

    [Fact]
    public void A_theme_added_only_in_json_is_decided_by_its_phrases_while_the_model_knows_the_others()
    {
        var json = TaxonomyJsonWith("""
            { "id": "money", "label": "Money worries", "threshold": 0.5,
              "phrases": [ "food bank*", "cant afford", { "text": "skint", "weight": 0.3 }, { "text": "bills", "weight": 0.3 } ] }
            """);
        var taxonomy = Taxonomy.Parse(json);
        var models = AnalyzerModels.Default!;
        Assert.Equal(-1, models.Themes.IndexOf("money"));
        var analyzer = TestAnalyzers.Create(taxonomy);

        // One strong phrase: found, with the phrase's weight as its confidence and the words as evidence, next to a
        // theme the model decides.
        var result = analyzer.Analyze(new AnalysisRequest("t", "we had to use the food bank again and my sw never rings back", Audience.Parent));
        var money = Assert.Single(result.Themes, t => t.ThemeId == "money");
        Assert.Equal("Money worries", money.Label);
        Assert.Equal(0.8, money.Confidence, 3);
        Assert.Contains("food bank", money.Evidence);
        Assert.Contains(result.Themes, t => t.ThemeId == "communication");

        // Two weak phrases together reach the threshold (1 - 0.7 * 0.7 = 0.51); one alone does not.
        var two = Assert.Single(analyzer.Analyze(new AnalysisRequest("t", "always skint after the bills")).Themes, t => t.ThemeId == "money");
        Assert.Equal(0.51, two.Confidence, 3);
        Assert.Equal(["skint", "bills"], two.Evidence);
        Assert.DoesNotContain(analyzer.Analyze(new AnalysisRequest("t", "always skint lol")).Themes, t => t.ThemeId == "money");

        // No phrase, no theme, however close the words.
        Assert.DoesNotContain(analyzer.Analyze(new AnalysisRequest("t", "we have no money for food")).Themes, t => t.ThemeId == "money");
    }

    [Fact]
    public void A_decision_point_moves_the_bias_so_the_theme_is_decided_at_it()
    {
        var model = new LinearModel(["a", "b"], [7u], [1f, 1f], [0f, 0f]);
        var moved = model.WithDecisionPoints([0.3, 0.7]);
        var features = new List<Feature> { new(7u, 0.5f, 0, 1) };
        Span<float> logits = stackalloc float[2];
        moved.Score(features, logits, []);
        // Before: both logits 0.5 (p = 0.62). A decision point of 0.3 lifts it above 0.5; one of 0.7 drops it below.
        Assert.Equal(0.5 - Math.Log(0.3 / 0.7), logits[0], 4);
        Assert.Equal(0.5 - Math.Log(0.7 / 0.3), logits[1], 4);
        Assert.True(logits[0] > 0);
        Assert.True(logits[1] < 0);
        Assert.Throws<ArgumentException>(() => model.WithDecisionPoints([0.5]));
    }

    [Fact]
    public void A_phrase_an_officer_adds_to_a_theme_is_used()
    {
        const string text = "the zebra crossing outside the chippy";
        Assert.DoesNotContain("feeling-safe", Themes(text));
        var json = AddPhrase(DefaultJson(), "feeling-safe", "zebra crossing");
        var analyzer = TestAnalyzers.Create(Taxonomy.Parse(json));
        var theme = Assert.Single(analyzer.Analyze(new AnalysisRequest("t", text)).Themes, t => t.ThemeId == "feeling-safe");
        Assert.Contains("zebra crossing", theme.Evidence);
    }

    [Fact]
    public void A_label_an_officer_renames_is_what_results_carry()
    {
        var json = DefaultJson().Replace("\"label\": \"Bullying\"", "\"label\": \"Bullying and peer abuse\"", StringComparison.Ordinal);
        Assert.NotEqual(DefaultJson(), json);
        var analyzer = TestAnalyzers.Create(Taxonomy.Parse(json));
        var theme = Assert.Single(analyzer.Analyze(new AnalysisRequest("t", "i get bullied on snap every night")).Themes, t => t.ThemeId == "bullying");
        Assert.Equal("Bullying and peer abuse", theme.Label);
    }

    [Fact]
    public void A_model_file_reads_back_the_same_scores()
    {
        var themes = new LinearModel(["a", "b"], [7u, 9u], [1f, -1f, 0.5f, 2f], [0.1f, -0.2f]);
        var sentiment = new LinearModel(["positive", "neutral", "negative", "mixed"], [3u], [1f, 2f, 3f, 4f], [0f, 0f, 0f, 0f]);
        var bytes = new AnalyzerModels(themes, sentiment).ToBytes();
        var back = AnalyzerModels.Read(new MemoryStream(bytes));
        var features = new List<Feature> { new(9u, 1f, 0, 1), new(8u, 1f, 1, 2) };
        Span<float> logits = stackalloc float[2];
        Span<int> rows = stackalloc int[2];
        back.Themes.Score(features, logits, rows);
        Assert.Equal(0.6f, logits[0], 5);
        Assert.Equal(1.8f, logits[1], 5);
        Assert.Equal(1, rows[0]);
        Assert.Equal(-1, rows[1]);
        Assert.Equal(bytes, back.ToBytes());
        Assert.Throws<InvalidDataException>(() => AnalyzerModels.Read(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8])));
    }

    [Fact]
    public void Training_is_reproducible_and_learns_from_its_examples()
    {
        var items = new List<LabelledItem>();
        string[] bus = ["the bus never comes", "no buses after six", "bus is too expensive", "cant get the bus to town", "the bus driver was rude"];
        string[] other = ["my worker is lovely", "school is ok", "i like my foster carers", "nothing to say", "the food was nice"];
        for (var round = 0; round < 3; round++)
        {
            items.AddRange(bus.Select((t, i) => Item($"b{round}{i}", t, ["things-to-do"], SentimentLabel.Negative)));
            items.AddRange(other.Select((t, i) => Item($"o{round}{i}", t, [], SentimentLabel.Positive)));
        }
        var taxonomy = TestAnalyzers.Taxonomy;
        var options = new TrainingOptions(Iterations: 120);
        var first = AnalyzerModelTrainer.Train(items, taxonomy, options);
        var second = AnalyzerModelTrainer.Train(items, taxonomy, options);
        Assert.Equal(first, second);
        var figures = AnalyzerModelTrainer.Evaluate(first, items, taxonomy);
        Assert.True(figures.ThemeF1["things-to-do"] >= 0.9, $"F1 {figures.ThemeF1["things-to-do"]}");
        Assert.True(figures.SentimentAccuracy >= 0.9, $"accuracy {figures.SentimentAccuracy}");
    }

    private static LabelledItem Item(string id, string text, string[] themes, SentimentLabel sentiment) =>
        new(id, Audience.Child, text, "en", themes, sentiment, null, []);

    private static string DefaultJson()
    {
        using var stream = typeof(Taxonomy).Assembly.GetManifestResourceStream("FeedbackCollector.Analysis.Taxonomy.taxonomy.v1.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string TaxonomyJsonWith(string theme)
    {
        var json = DefaultJson();
        var end = json.LastIndexOf(']');
        return json[..end].TrimEnd() + ",\n" + theme + "\n" + json[end..];
    }

    private static string AddPhrase(string json, string themeId, string phrase)
    {
        var at = json.IndexOf($"\"id\": \"{themeId}\"", StringComparison.Ordinal);
        Assert.True(at >= 0);
        var phrases = json.IndexOf("\"phrases\": [", at, StringComparison.Ordinal) + "\"phrases\": [".Length;
        return json[..phrases] + $"\n        {{\"text\": \"{phrase}\", \"weight\": 0.8}}," + json[phrases..];
    }
}
