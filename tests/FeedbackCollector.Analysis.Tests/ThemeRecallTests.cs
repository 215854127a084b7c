using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Analysis.Themes;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The themes the fresh sets missed most (praise, confidentiality, where to get help, listen to me, early help,
/// joined-up working and the secondary themes of a text) are found when told in everyday words, with a confidence in
/// [0,1] and evidence taken from the text. The sentences are written for these tests: none is in a training or
/// evaluation file.
/// </summary>
public class ThemeRecallTests
{
    [Theory]
    [InlineData("the nurse talked about my son in the waiting room where everyone could hear", Audience.Parent, "confidentiality")]
    [InlineData("i dont know what happens to my information after the meeting", Audience.Child, "confidentiality")]
    [InlineData("where do i go if im worried about my little brother", Audience.Child, "where-to-get-help")]
    [InlineData("I always feel looked down on by the professionals at meetings.", Audience.Parent, "listen-to-me")]
    [InlineData("we were told our son was not a priority for support", Audience.Parent, "early-help")]
    [InlineData("credit where its due, the youth worker turned things round for us", Audience.Parent, "praise")]
    [InlineData("I emailed the team three times and got no response.", Audience.Parent, "communication")]
    [InlineData("there are needles left in the park near our flat", Audience.Parent, "feeling-safe")]
    [InlineData("Morale in the team is low and half of us are off sick.", Audience.Practitioner, "workforce")]
    [InlineData("been sofa surfing at my cousins since summer", Audience.Child, "home")]
    [InlineData("my daughter is home educated now because her needs were not met", Audience.Parent, "school")]
    [InlineData("the letter from the hospital never reached the GP", Audience.Parent, "joined-up-working")]
    [InlineData("just when i got used to my worker she left", Audience.Child, "relationships")]
    public void A_weak_theme_told_in_everyday_words_is_found_with_evidence(string text, Audience audience, string theme)
    {
        var result = TestAnalyzers.Default.Analyze(new AnalysisRequest("t", text, audience));
        var match = Assert.Single(result.Themes, t => t.ThemeId == theme);
        Assert.InRange(match.Confidence, 0.5, 1.0);
        Assert.NotEmpty(match.Evidence);
        Assert.All(match.Evidence, e => Assert.Contains(e, text, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("my sw is a legend but i still dont know who to ring at night", Audience.Child, "praise", "where-to-get-help")]
    [InlineData("Nobody could tell me who deals with problems with the landlord.", Audience.Parent, "where-to-get-help", "home")]
    public void A_secondary_theme_is_kept_beside_the_main_one(string text, Audience audience, string first, string second)
    {
        var themes = TestAnalyzers.Default.Analyze(new AnalysisRequest("t", text, audience)).Themes;
        Assert.Contains(themes, t => t.ThemeId == first);
        Assert.Contains(themes, t => t.ThemeId == second);
        Assert.All(themes, t => Assert.InRange(t.Confidence, 0.0, 1.0));
    }

    [Fact]
    public void Predict_lists_the_themes_that_the_figures_count_for_each_english_item()
    {
        var taxonomy = TestAnalyzers.Taxonomy;
        LabelledItem[] items =
        [
            Item("a", "en", "the youth club shut so theres nothing to do", ["things-to-do"]),
            Item("b", "pl", "Nikt mnie nie słucha w szkole.", []),
            Item("c", "en", "ppl at school keep calling me names and teachers do nothing", ["bullying"]),
            Item("d", "en", "ok", []),
        ];
        var predictions = AnalyzerModelTrainer.Predict(null, items, taxonomy);
        Assert.Equal(["a", "c", "d"], predictions.Select(p => p.Item.Id));
        Assert.Contains("things-to-do", predictions[0].Themes);
        Assert.Contains("bullying", predictions[1].Themes);
        Assert.Empty(predictions[2].Themes);
        var figures = AnalyzerModelTrainer.Evaluate(null, items, taxonomy);
        Assert.Equal(1.0, figures.ThemeF1["things-to-do"], 3);
        Assert.Equal(1.0, figures.ThemeF1["bullying"], 3);
    }

    private static LabelledItem Item(string id, string language, string text, string[] themes) =>
        new(id, Audience.Child, text, language, themes, SentimentLabel.Neutral, null, []);
}
