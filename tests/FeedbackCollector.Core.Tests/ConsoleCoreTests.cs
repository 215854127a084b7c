using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Core.Themes;

namespace FeedbackCollector.Core.Tests;

/// <summary>The core rules behind the staff console: venues, corrections winning over the analyzer, what officers may see.</summary>
public class ConsoleCoreTests
{
    private static readonly AnalyzerInfo Info = new("local", "1", "1.0.0");

    private static AnalysisResult Result(string id, bool flagged, params string[] themes) => new(
        id, "en",
        themes.Select(t => new ThemeMatch(t, t, 0.8, ["never listen"])).ToList(),
        new SentimentResult(SentimentLabel.Negative, 0.1, 0.1, 0.8),
        ["social worker"], "redacted " + id, [],
        flagged ? new ConcernResult(true, ConcernCategory.SelfHarm, [ConcernCategory.SelfHarm], "hurt myself") : ConcernResult.None,
        Info);

    private static SurveyResponse Response(params TextAnalysis[] texts) => new()
    {
        Id = "0A0AAAAAAA",
        SurveyCode = "test-survey",
        Audience = Audience.Child,
        ReceivedUtc = DateTimeOffset.UtcNow,
        Analysis = new ResponseAnalysis(texts, DateTimeOffset.UtcNow, Info),
    };

    [Fact]
    public void Venues_need_valid_unique_codes_and_names()
    {
        var ok = TestSurveys.Open() with { Venues = [new("oak-youth", "Oak Youth Club"), new("elm-school", "Elm School")] };
        Assert.Empty(SurveyRules.Validate(ok));

        var bad = TestSurveys.Open() with { Venues = [new("oak-youth", "Oak"), new("oak-youth", "Oak again"), new("Elm School", " "), null!] };
        var errors = SurveyRules.Validate(bad);
        Assert.Contains("venues[1].code", errors.Keys);
        Assert.Contains("venues[2].code", errors.Keys);
        Assert.Contains("venues[2].name", errors.Keys);
        Assert.Contains("venues[3]", errors.Keys);

        var many = TestSurveys.Open() with { Venues = Enumerable.Range(0, SurveyRules.MaxVenues + 1).Select(i => new SurveyVenue($"v{i}", $"Venue {i}")).ToList() };
        Assert.Contains("venues", SurveyRules.Validate(many).Keys);
    }

    [Fact]
    public void A_correction_wins_over_the_analyzer_for_the_answers_it_names_only()
    {
        var response = Response(new TextAnalysis("a", Result("a", false, "listen-to-me")), new TextAnalysis("b", Result("b", false, "school")));
        Assert.Equal(["listen-to-me", "school"], response.EffectiveThemeIds());

        var corrected = response with
        {
            Correction = new ThemeCorrection([new CorrectedAnswer("a", [new ThemeMatch("early-help", "Early help", 1, [])])], "Officer", DateTimeOffset.UtcNow, "1.0.0"),
        };
        Assert.Equal(["early-help", "school"], corrected.EffectiveThemeIds());
        Assert.Equal("early-help", Assert.Single(corrected.ThemesOf(corrected.Analysis!.Texts[0])).ThemeId);
        Assert.Equal("school", Assert.Single(corrected.ThemesOf(corrected.Analysis.Texts[1])).ThemeId);

        var emptied = response with { Correction = new ThemeCorrection([new CorrectedAnswer("a", []), new CorrectedAnswer("b", [])], "Officer", DateTimeOffset.UtcNow, "1.0.0") };
        Assert.Empty(emptied.EffectiveThemeIds());
        Assert.Empty((response with { Analysis = null }).EffectiveThemeIds());
    }

    [Fact]
    public void Officers_see_no_piece_of_a_flagged_answer()
    {
        var view = ResponseView.From(Response(new TextAnalysis("a", Result("a", true, "mental-health")), new TextAnalysis("b", Result("b", false, "school"))));
        var flagged = view.FreeText[0];
        Assert.Equal(ResponseView.Withheld, flagged.RedactedText);
        Assert.Empty(flagged.KeyPhrases);
        Assert.All(flagged.Themes, t => Assert.Empty(t.Evidence));
        Assert.Equal("mental-health", Assert.Single(flagged.Themes).ThemeId);
        var plain = view.FreeText[1];
        Assert.Equal("redacted b", plain.RedactedText);
        Assert.Equal(["social worker"], plain.KeyPhrases);
        Assert.Equal(["never listen"], plain.Themes[0].Evidence);
        Assert.Null(view.Correction);
    }

    [Theory]
    [InlineData("1.0.0", "1.0.1")]
    [InlineData("2.9", "2.10")]
    [InlineData("2026-q3", "2026-q4")]
    [InlineData("v1-beta", "v1-beta.1")]
    [InlineData("1.0.99999999999", "1.0.99999999999.1")]
    public void The_next_version_counts_up_the_last_number(string version, string next) =>
        Assert.Equal(next, TaxonomyHandler.NextVersion(version));

    [Theory]
    [InlineData("20260314093000-0a1b2c3d", true)]
    [InlineData("20260314093000-0A1B2C3D", false)]
    [InlineData("20260314093000_0a1b2c3d", false)]
    [InlineData("2026031409300x-0a1b2c3d", false)]
    [InlineData("../../etc", false)]
    [InlineData(null, false)]
    public void Job_ids_have_one_form(string? id, bool valid) => Assert.Equal(valid, ReanalysisHandler.IsJobId(id));
}
