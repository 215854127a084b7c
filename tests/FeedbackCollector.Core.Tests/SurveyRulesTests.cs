using FeedbackCollector.Core.Surveys;

namespace FeedbackCollector.Core.Tests;

public class SurveyRulesTests
{
    [Fact]
    public void The_test_survey_is_valid() => Assert.Empty(SurveyRules.Validate(TestSurveys.Open()));

    [Theory]
    [InlineData("What is your name?")]
    [InlineData("Please give your email address")]
    [InlineData("What's your phone number?")]
    [InlineData("Your postcode")]
    [InlineData("Date of birth")]
    public void A_question_may_not_ask_who_someone_is(string text)
    {
        var s = TestSurveys.Open() with { Questions = [new Question { Id = "q", Kind = QuestionKind.FreeText, Text = text }] };
        Assert.Contains("anonymous", SurveyRules.Validate(s)["questions[0].text"]);
    }

    [Theory]
    [InlineData("ab", false)]
    [InlineData("abc", true)]
    [InlineData("year-9-voice", true)]
    [InlineData("-abc", false)]
    [InlineData("ABC", false)]
    [InlineData("a b c", false)]
    public void Codes(string code, bool valid) => Assert.Equal(valid, SurveyRules.IsValidCode(code));

    [Fact]
    public void Duplicate_ids_options_and_required_free_text_are_refused()
    {
        var s = TestSurveys.Open() with
        {
            Questions =
            [
                new Question { Id = "q", Kind = QuestionKind.FreeText, Text = "Tell us", Required = true },
                new Question { Id = "q", Kind = QuestionKind.SingleChoice, Text = "Pick", Options = [new("a", "A")] },
            ],
        };
        var e = SurveyRules.Validate(s);
        Assert.Contains("questions[0].required", e.Keys);
        Assert.Contains("questions[1].id", e.Keys);
        Assert.Contains("questions[1].options", e.Keys);
    }
}

public class DefaultSurveysTests
{
    [Theory]
    [InlineData("children")]
    [InlineData("young-people")]
    [InlineData("parents")]
    [InlineData("practitioners")]
    public void Each_default_survey_is_valid_and_asks_one_free_text_question_at_least(string code)
    {
        var d = DefaultSurveys.Load(code);
        var s = new Survey { Code = d.Code!, Title = d.Title!, Audience = d.Audience!.Value, Intro = d.Intro, Questions = d.Questions! };
        Assert.Empty(SurveyRules.Validate(s));
        Assert.Contains(s.Questions, q => q.Kind == QuestionKind.FreeText);
        Assert.Equal(code, s.Code);
    }
}
