using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Surveys;

namespace FeedbackCollector.Core.Tests;

internal static class TestSurveys
{
    public static Survey Open(string code = "test-survey") => new()
    {
        Code = code,
        Title = "Test",
        Audience = Audience.Child,
        Status = SurveyStatus.Open,
        Questions =
        [
            new Question { Id = "listened", Kind = QuestionKind.EmojiScale, Text = "Do people listen to you?", Required = true },
            new Question { Id = "early", Kind = QuestionKind.YesNotSureNo, Text = "Did you get help early enough?" },
            new Question { Id = "who", Kind = QuestionKind.SingleChoice, Text = "Who helps most?", Options = [new("teacher", "A teacher"), new("sw", "My social worker")] },
            new Question { Id = "where", Kind = QuestionKind.MultipleChoice, Text = "Where do you feel safe?", Options = [new("home", "Home"), new("school", "School"), new("club", "Youth club")] },
            new Question { Id = "age", Kind = QuestionKind.AgeBand, Text = "How old are you?", Options = [new("8-12", "8 to 12"), new("13-17", "13 to 17")] },
            new Question { Id = "better", Kind = QuestionKind.FreeText, Text = "What one thing would make things better?", MaxLength = 1000 },
        ],
    };
}
