using System.Text;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Surveys;

namespace FeedbackCollector.Digest.Tests;

/// <summary>The fixed data set of the golden files: a small quarter made in code, the same every time.</summary>
internal static class DigestFixture
{
    public static readonly DigestPeriod Period = DigestPeriod.ForQuarter(new Quarter(2026, 1));
    public static readonly AnalyzerInfo Analyzer = new("local", "1.0.0", "2026.1");

    public static IReadOnlyList<Survey> Surveys { get; } =
    [
        new Survey
        {
            Code = "young-voices", Title = "Young voices 2026", Audience = Audience.Child, Status = SurveyStatus.Open,
            Questions =
            [
                new Question { Id = "listened", Kind = QuestionKind.EmojiScale, Text = "Do adults listen to you?" },
                new Question { Id = "safe", Kind = QuestionKind.YesNotSureNo, Text = "Do you feel safe where you live?" },
                new Question { Id = "where", Kind = QuestionKind.MultipleChoice, Text = "Where do you feel safe?", Options = [new("home", "Home"), new("school", "School"), new("club", "Youth club")] },
                new Question { Id = "better", Kind = QuestionKind.FreeText, Text = "What would make things better?" },
            ],
        },
        new Survey
        {
            Code = "parent-pulse", Title = "Parent and carer pulse", Audience = Audience.Parent, Status = SurveyStatus.Open,
            Questions =
            [
                new Question { Id = "helped", Kind = QuestionKind.SingleChoice, Text = "Did you get help when you asked?", Options = [new("quickly", "Yes, quickly"), new("slowly", "Yes, slowly"), new("no", "No")] },
                new Question { Id = "comments", Kind = QuestionKind.FreeText, Text = "Anything else?" },
            ],
        },
    ];

    private static readonly (string Id, string Label, string Evidence)[] Themes =
    [
        ("listen-to-me", "Listen to me", "listen"),
        ("feeling-safe", "Feeling safe", "safe"),
        ("things-to-do", "Things to do", "youth club"),
        ("getting-help", "Getting help", "help"),
        ("school-life", "School life", "school"),
    ];

    private static readonly string[] ChildTexts =
    [
        "Adults should listen to us before they decide",
        "Nobody listens when I say I am worried",
        "I wish teachers would listen properly",
        "The youth club closing means nothing to do",
        "More youth club nights please",
        "I feel safe at the youth club",
        "The park is not safe after dark",
        "Buses home are not safe at night",
        "School helps when I ask for help",
        "Getting help took months",
    ];

    public static List<SurveyResponse> Current()
    {
        var list = new List<SurveyResponse>();
        var start = Period.FromUtc;
        // 40 children: themes cycle, sentiment cycles, two venues.
        for (var i = 0; i < 40; i++)
        {
            var text = ChildTexts[i % ChildTexts.Length];
            var themes = ThemesFor(text);
            list.Add(Response($"child-{i}", "young-voices", Audience.Child, start.AddHours(7 * i), i % 3 == 0 ? Channel.Qr : Channel.Web,
                i < 37 ? "oak-youth" : "riverside-school",
                new() { ["listened"] = [((i % 5) + 1).ToString()], ["safe"] = [i % 4 == 0 ? "no" : "yes"], ["where"] = i % 2 == 0 ? ["home", "school"] : ["club"] },
                [("better", text + (i >= 10 ? $" ({i / 10})" : ""), themes, (SentimentLabel)(i % 4), Phrases(text, i))]));
        }
        // 12 parents: one survey, one free text each.
        for (var i = 0; i < 12; i++)
        {
            var text = i % 2 == 0 ? "It took too long to get help for my son" : "The school listened and helped quickly";
            list.Add(Response($"parent-{i}", "parent-pulse", Audience.Parent, start.AddDays(3 + (i * 5)), Channel.Web, null,
                new() { ["helped"] = [i % 6 == 0 ? "no" : i % 2 == 0 ? "slowly" : "quickly"] },
                [("comments", text, ThemesFor(text), i % 2 == 0 ? SentimentLabel.Negative : SentimentLabel.Positive, Phrases(text, i))]));
        }
        // 3 practitioners: a small group, suppressed everywhere.
        for (var i = 0; i < 3; i++)
        {
            list.Add(Response($"prac-{i}", "practice-2026", Audience.Practitioner, start.AddDays(20 + i), Channel.Import, null, [],
                [("q1", "Waiting lists for help are too long", ThemesFor("help"), SentimentLabel.Negative, ["waiting lists"])]));
        }
        // 9 forum points from two sessions.
        for (var i = 0; i < 9; i++)
        {
            var text = i % 3 == 0 ? "Police should listen to young people" : i % 3 == 1 ? "Nothing to do in the evenings, the youth club shut" : "Feel safe walking in town in daytime";
            var session = i < 5 ? "2026-02-10" : "2026-03-03";
            var r = Response($"forum-{i}", NotesUploadHandler.SurveyCode, Audience.ForumNotes, DateTimeOffset.Parse(session + "T00:00:00Z"), Channel.ForumNotes, "northside-youth-forum",
                new() { [NotesUploadHandler.ParticipantsAnswerId] = [i < 5 ? "12" : "9"], [NotesUploadHandler.AgeRangeAnswerId] = [i < 5 ? "13-17" : "11-16"] },
                [("point", text, ThemesFor(text), SentimentLabel.Neutral, Phrases(text, i))]);
            list.Add(r with { Provenance = new Provenance("Northside Youth Forum", session, i + 1) });
        }
        // Two concerns: their text must never be quoted or listed.
        list.Add(Response("concern-1", "young-voices", Audience.Child, start.AddDays(40), Channel.Web, "oak-youth", [],
            [("better", "CONCERN-TEXT someone at home hurts me and I do not feel safe", ThemesFor("safe"), SentimentLabel.Negative, ["feel safe"])], flagged: true));
        list.Add(Response("concern-2", "young-voices", Audience.Child, start.AddDays(41), Channel.Web, "oak-youth", [],
            [("better", "CONCERN-TEXT I want to listen to nobody and hurt myself", ThemesFor("listen"), SentimentLabel.Negative, ["listen"])], flagged: true));
        // Redaction missed an email address: held back from quotes and comments.
        list.Add(Response("dirty-1", "young-voices", Audience.Child, start.AddDays(42), Channel.Web, "oak-youth", [],
            [("better", "Please listen, write to me at kid@example.com", ThemesFor("listen"), SentimentLabel.Neutral, ["listen"])]));
        // Not analysed yet.
        list.Add(Response("pending-1", "young-voices", Audience.Child, start.AddDays(43), Channel.Web, "oak-youth", [], [], analysed: false));
        return list;
    }

    public static List<SurveyResponse> Previous()
    {
        var list = new List<SurveyResponse>();
        var start = Period.Previous.FromUtc;
        for (var i = 0; i < 30; i++)
        {
            var text = i % 3 == 0 ? "Nobody listens to us" : i % 3 == 1 ? "Getting help is hard" : "School is fine";
            list.Add(Response($"prev-{i}", "young-voices", Audience.Child, start.AddDays(i), Channel.Web, "oak-youth", [],
                [("better", text, ThemesFor(text), SentimentLabel.Neutral, Phrases(text, 1))]));
        }
        return list;
    }

    public static IReadOnlyList<ActionRecord> Actions { get; } =
    [
        new ActionRecord
        {
            Id = "a1", Quarter = new Quarter(2026, 1), ThemeId = "listen-to-me", YouSaid = "Adults do not listen before deciding.",
            WeDid = "Young people now sit on the partnership's board.", RecordedBy = "Officer", RecordedUtc = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero),
        },
        new ActionRecord
        {
            Id = "a2", Quarter = new Quarter(2026, 1), ThemeId = "things-to-do", YouSaid = "=Nothing to do after the club shut",
            WeDid = "@Reopened the club on Fridays", RecordedBy = "Officer", RecordedUtc = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
        },
    ];

    public static DigestModel Model(IEnumerable<SurveyResponse>? current = null) =>
        DigestBuilder.Build(Period, Surveys, current ?? Current(), Previous(), Actions, concernsRaised: 2, concernsReviewed: 1);

    private static List<(string Id, string Label, string Evidence)> ThemesFor(string text) =>
        Themes.Where(t => text.Contains(t.Evidence, StringComparison.OrdinalIgnoreCase)).ToList();

    private static List<string> Phrases(string text, int i)
    {
        var words = text.ToLowerInvariant().Split(' ');
        var list = new List<string> { string.Join(' ', words.Take(2)) };
        if (words.Length > 3)
        {
            list.Add(string.Join(' ', words.Skip(words.Length - 2)));
        }
        if (i % 2 == 0)
        {
            list.Add("youth club");
        }
        return list;
    }

    internal static SurveyResponse Response(string seed, string survey, Audience audience, DateTimeOffset at, Channel channel, string? venue,
        Dictionary<string, IReadOnlyList<string>> answers,
        List<(string Question, string Text, List<(string Id, string Label, string Evidence)> Themes, SentimentLabel Sentiment, List<string> Phrases)> texts,
        bool flagged = false, bool analysed = true)
    {
        var id = ResponseId.Derive(at, Encoding.UTF8.GetBytes(seed));
        var analyses = texts.Select(t => new TextAnalysis(t.Question, new AnalysisResult(
            t.Question, "en",
            t.Themes.Select(th => new ThemeMatch(th.Id, th.Label, 0.9, [th.Evidence])).ToList(),
            new SentimentResult(t.Sentiment, 0.3, 0.4, 0.3),
            t.Phrases, t.Text, [],
            flagged ? new ConcernResult(true, ConcernCategory.AbuseNeglect, [ConcernCategory.AbuseNeglect], "hurts") : ConcernResult.None,
            Analyzer))).ToList();
        return new SurveyResponse
        {
            Id = id,
            SurveyCode = survey,
            Audience = audience,
            ReceivedUtc = at,
            Venue = venue,
            Channel = channel,
            Answers = answers,
            FreeText = texts.Select(t => new FreeTextAnswer(t.Question, t.Text)).ToList(),
            Analysis = analysed ? new ResponseAnalysis(analyses, at.AddMinutes(1), Analyzer) : null,
        };
    }
}
