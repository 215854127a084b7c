using FeedbackCollector.Core.Analysis;


namespace FeedbackCollector.Analysis.Tests;

public class ThemeTests
{
    [Theory]
    [InlineData("they never listen to me", "listen-to-me")]
    [InlineData("nobody asked what i wanted before they decided", "listen-to-me")]
    [InlineData("my sw keeps changing, ive had 5 social workers in 2 years", "relationships")]
    [InlineData("she actually cares and knows me as a person not a case", "relationships")]
    [InlineData("they use so much jargon and never ring back", "communication")]
    [InlineData("we needed an interpreter and none was booked", "communication")]
    [InlineData("been on the camhs waiting list for 14 months", "early-help")]
    [InlineData("we were told he wasnt bad enough for help until it got to crisis point", "early-help")]
    [InlineData("i have to tell my story over and over to every new person", "joined-up-working")]
    [InlineData("the school and social care dont talk to each other", "joined-up-working")]
    [InlineData("she told my mum what i said without my permission", "confidentiality")]
    [InlineData("my anxiety is really bad and i cant get counselling", "mental-health")]
    [InlineData("im self harming again", "mental-health")]
    [InlineData("they call me names online because im gay", "bullying")]
    [InlineData("ive been on a part time timetable since year 8 and still no ehcp", "school")]
    [InlineData("theres gangs and knives round our estate and i dont feel safe", "feeling-safe")]
    [InlineData("my dad hits my mum when hes drunk", "feeling-safe")]
    [InlineData("there is nothing to do round here, they shut the youth club", "things-to-do")]
    [InlineData("we need an lgbt group where we can meet safely", "things-to-do")]
    [InlineData("ive moved placement 4 times and now im miles away from my brother", "home")]
    [InlineData("we are in temporary accommodation with damp and mould", "home")]
    [InlineData("i didnt know who to go to or where to get help", "where-to-get-help")]
    [InlineData("thank you so much, our family worker went above and beyond", "praise")]
    [InlineData("caseloads are too high and the admin takes all our time", "workforce")]
    [InlineData("we cant recruit or retain experienced staff, too many agency workers", "workforce")]
    public void Finds_the_theme(string text, string theme) => Assert.Contains(theme, TestAnalyzers.Themes(text));

    [Theory]
    [InlineData("my socail wroker never lisens to me", "listen-to-me")]
    [InlineData("waitin list 4 camhs is like a yr", "early-help")]
    [InlineData("i keep gettin bulied on snap", "bullying")]
    [InlineData("ppl at skool r always excluded for nothing", "school")]
    [InlineData("CAHMS counceling took forever", "mental-health")]
    public void Finds_themes_through_misspellings_and_text_speak(string text, string theme) => Assert.Contains(theme, TestAnalyzers.Themes(text));

    [Theory]
    [InlineData("MASH took 3 weeks to decide, LCSS then bounced it back and the strategy meeting had no health rep", "joined-up-working")]
    [InlineData("CP plan reviews keep slipping because of caseload pressure", "workforce")]
    [InlineData("The EHCP has been in draft for 40 weeks", "school")]
    public void Finds_themes_in_practitioner_jargon(string text, string theme) =>
        Assert.Contains(theme, TestAnalyzers.Themes(text, Audience.Practitioner));

    [Fact]
    public void Several_themes_at_once_most_confident_first()
    {
        // Three themes in one answer. With a fourth ("... and my social worker left without saying goodbye") the model
        // of the eighth session drops bullying: a known cost recorded in docs/analyzer.md ("Themes: more data, eighth session").
        var r = TestAnalyzers.Default.Analyze(new AnalysisRequest("1",
            "I was bullied for a year and the school did nothing, then CAMHS had a 10 month waiting list."));
        var ids = r.Themes.Select(t => t.ThemeId).ToList();
        Assert.Contains("bullying", ids);
        Assert.Contains("mental-health", ids);
        Assert.Contains("early-help", ids);
        for (var i = 1; i < r.Themes.Count; i++)
        {
            Assert.True(r.Themes[i - 1].Confidence >= r.Themes[i].Confidence);
        }
    }

    [Fact]
    public void Evidence_is_the_words_as_written()
    {
        var r = TestAnalyzers.Default.Analyze(new AnalysisRequest("1", "My Socail Worker NEVER listens!!"));
        var listen = Assert.Single(r.Themes, t => t.ThemeId == "listen-to-me");
        Assert.Contains("listens", listen.Evidence);
        Assert.All(r.Themes.SelectMany(t => t.Evidence), e => Assert.Contains(e, r.RedactedText));
        Assert.All(r.Themes, t => Assert.InRange(t.Confidence, 0.0, 1.0));
    }

    [Fact]
    public void Gap_phrases_match_across_a_word_or_two()
    {
        // "call* * back": "called me back", "calls straight back".
        Assert.Contains("communication", TestAnalyzers.Themes("she never called me back"));
        Assert.Contains("communication", TestAnalyzers.Themes("he always calls straight back"));
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("nothing to add")]
    [InlineData("no comment")]
    [InlineData("07700 900123")]
    public void Texts_without_a_theme_get_none(string text) => Assert.Empty(TestAnalyzers.Themes(text));

    [Fact]
    public void Weak_phrases_alone_do_not_assign_a_theme()
    {
        // "school" alone is weak: a passing mention is not about school.
        Assert.DoesNotContain("school", TestAnalyzers.Themes("my social worker came to see me at school"));
        // A courtesy thanks is not praise.
        Assert.DoesNotContain("praise", TestAnalyzers.Themes("ok thanks for asking"));
    }

    [Fact]
    public void Bullying_at_school_is_bullying_not_school()
    {
        var themes = TestAnalyzers.Themes("i get bullied at school and the teachers do nothing");
        Assert.Contains("bullying", themes);
        Assert.DoesNotContain("school", themes);
    }
}
