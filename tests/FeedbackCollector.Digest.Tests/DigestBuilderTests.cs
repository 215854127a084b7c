using System.Text;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Digest.Rendering;

namespace FeedbackCollector.Digest.Tests;

public class DigestBuilderTests
{
    private static readonly DigestModel M = DigestFixture.Model();

    [Fact]
    public void Quotes_are_three_different_texts_even_when_one_text_fills_the_most_typical_places()
    {
        var at = DigestFixture.Period.FromUtc.AddDays(5);
        var theme = new List<(string, string, string)> { ("listen-to-me", "Listen to me", "listen") };
        var responses = new List<SurveyResponse>();
        // Forty identical answers share every feature: they are the most typical, but one text is quoted once.
        for (var i = 0; i < 40; i++)
        {
            responses.Add(DigestFixture.Response($"same-{i}", "young-voices", Audience.Child, at.AddMinutes(i), Channel.Web, null, [],
                [("better", "Adults never listen to us", theme, SentimentLabel.Negative, ["adults never", "listen to us", "youth club"])]));
        }
        string[] others = ["Teachers listen sometimes", "My youth worker listens", "Nobody at the council listens"];
        for (var i = 0; i < others.Length; i++)
        {
            responses.Add(DigestFixture.Response($"other-{i}", "young-voices", Audience.Child, at.AddHours(i + 1), Channel.Web, null, [],
                [("better", others[i], theme, SentimentLabel.Neutral, ["youth club", $"other {i}"])]));
        }
        var model = DigestBuilder.Build(DigestFixture.Period, DigestFixture.Surveys, responses, [], [], 0, 0);
        var quotes = Assert.Single(model.Audiences).Themes.Single(t => t.Theme.Id == "listen-to-me").Quotes;
        Assert.Equal(3, quotes.Count);
        Assert.Equal("Adults never listen to us", quotes[0]);
        Assert.Equal(3, quotes.Distinct().Count());
        Assert.All(quotes.Skip(1), q => Assert.Contains(q, others));
    }

    [Fact]
    public void Forum_points_are_counted_under_the_built_in_survey_even_when_no_store_lists_it()
    {
        // The fixture's survey list has no forum-notes survey: the builder adds the built-in one.
        Assert.DoesNotContain(DigestFixture.Surveys, s => s.Code == "forum-notes");
        var row = Assert.Single(DigestFixture.Model().BySurvey, r => r.Key == "forum-notes");
        Assert.Equal(Core.Surveys.BuiltInSurveys.ForumNotes.Title, row.Label);
        // A stored survey under the reserved code does not rename it.
        var impostor = new Core.Surveys.Survey { Code = "forum-notes", Title = "Impostor", Audience = Audience.ForumNotes, Questions = [] };
        var model = DigestBuilder.Build(DigestFixture.Period, [.. DigestFixture.Surveys, impostor], DigestFixture.Current(), [], [], 0, 0);
        Assert.Equal("Forum session notes", Assert.Single(model.BySurvey, r => r.Key == "forum-notes").Label);
    }

    [Fact]
    public void Counts_by_audience_channel_survey_and_venue()
    {
        Assert.Equal(68, M.Responses.Value);
        Assert.Equal(["child", "parent", "practitioner", "forum-notes"], M.ByAudience.Select(r => r.Key));
        Assert.Equal([44, 12, 3, 9], M.ByAudience.Select(r => r.Count.Value));
        Assert.Equal(["web", "qr", "forum-notes", "import"], M.ByChannel.Select(r => r.Key));
        Assert.Equal(new[] { "young-voices", "parent-pulse", "practice-2026", "forum-notes" }.Order(StringComparer.Ordinal), M.BySurvey.Select(r => r.Key));
    }

    [Fact]
    public void Counts_from_1_to_4_are_suppressed_with_a_secondary_where_a_total_would_reveal_them()
    {
        var practitioners = M.ByAudience.Single(r => r.Key == "practitioner").Count;
        Assert.Equal(Suppression.Small, practitioners.Suppression);
        Assert.Equal("fewer than 5", practitioners.Display);
        // The total is shown, so the next smallest audience (forum notes, 9) is withheld too.
        Assert.True(M.Responses.Shown);
        Assert.Equal(Suppression.Secondary, M.ByAudience.Single(r => r.Key == "forum-notes").Count.Suppression);
        Assert.Equal("withheld", M.ByAudience.Single(r => r.Key == "forum-notes").Count.Display);
        Assert.True(M.ByAudience.Single(r => r.Key == "child").Count.Shown);
        // The venue with 3 responses hides, and so does the next smallest.
        Assert.Equal(Suppression.Small, M.ByVenue.Single(r => r.Key == "riverside-school").Count.Suppression);
        Assert.Equal(1, M.ByVenue.Count(r => r.Count.Suppression == Suppression.Secondary));
    }

    [Theory]
    [InlineData(new[] { 3, 10, 20 }, new[] { Suppression.Small, Suppression.Secondary, Suppression.None })]
    [InlineData(new[] { 3, 2, 20 }, new[] { Suppression.Small, Suppression.Small, Suppression.None })]
    [InlineData(new[] { 0, 10, 20 }, new[] { Suppression.None, Suppression.None, Suppression.None })]
    [InlineData(new[] { 4, 0, 7, 7 }, new[] { Suppression.Small, Suppression.None, Suppression.None, Suppression.Secondary })]
    [InlineData(new[] { 3, 0 }, new[] { Suppression.Small, Suppression.None })]
    public void Group_suppression(int[] cells, Suppression[] expected)
    {
        var (total, result) = Suppressor.Group(cells.Sum(), cells);
        Assert.Equal(expected, result.Select(c => c.Suppression));
        Assert.Equal(cells.Sum() is > 0 and < 5, !total.Shown);
    }

    [Fact]
    public void No_format_contains_a_hidden_value()
    {
        // The practitioners' count is 3: no format may publish it next to their label.
        foreach (var f in DigestRenderer.RenderAll(M))
        {
            var text = Encoding.UTF8.GetString(f.Content);
            Assert.DoesNotContain("Practitioners | 3", text);
            Assert.DoesNotContain("Practitioners</bdi></th><td class=\"n\">3<", text);
            Assert.DoesNotContain("\"label\": \"Practitioners\",\n        \"count\": 3", text);
        }
        var json = Encoding.UTF8.GetString(JsonDigestRenderer.Render(M));
        Assert.Contains("\"count\": \"fewer than 5\"", json);
        Assert.Contains("\"count\": \"withheld\"", json);
    }

    [Fact]
    public void A_hidden_count_draws_no_bar()
    {
        var html = HtmlDigestRenderer.RenderText(M);
        var chart = html[html.IndexOf("<svg", StringComparison.Ordinal)..html.IndexOf("</svg>", StringComparison.Ordinal)];
        // Four audiences, two hidden: two bars only.
        Assert.Equal(2, chart.Split("<rect").Length - 1);
        Assert.Contains("chart-hidden", chart);
    }

    [Fact]
    public void Themes_are_ranked_with_share_change_and_sentiment_that_adds_up()
    {
        var first = M.Themes[0];
        Assert.Equal(1, first.Rank);
        Assert.True(M.Themes.Zip(M.Themes.Skip(1)).All(p => p.First.Count.Value >= p.Second.Count.Value));
        foreach (var t in M.Themes.Where(t => t.Count.Shown))
        {
            var s = t.Sentiment;
            Assert.Equal(t.Count.Value, s.Positive.Value + s.Neutral.Value + s.Negative.Value + s.Mixed.Value);
            Assert.NotNull(t.Share);
        }
        var listen = M.Themes.Single(t => t.Theme.Id == "listen-to-me");
        Assert.Equal(10, listen.Previous.Value);
        Assert.Single(listen.Actions);
        var things = M.Themes.Single(t => t.Theme.Id == "things-to-do");
        Assert.True(things.IsNew);
        Assert.Equal("new", things.ChangeDisplay);
    }

    [Fact]
    public void Quotes_are_never_from_concerns_nor_hold_personal_data()
    {
        var quotes = M.Audiences.SelectMany(a => a.Themes).SelectMany(t => t.Quotes).ToList();
        Assert.NotEmpty(quotes);
        Assert.DoesNotContain(quotes, q => q.Contains("CONCERN-TEXT", StringComparison.Ordinal));
        Assert.DoesNotContain(quotes, q => q.Contains('@'));
        Assert.DoesNotContain(M.Comments, c => c.Text.Contains("CONCERN-TEXT", StringComparison.Ordinal) || c.Text.Contains('@'));
        Assert.Equal(1, M.Method.CommentsHeldBack.Value);
        foreach (var f in DigestRenderer.RenderAll(M))
        {
            Assert.DoesNotContain("CONCERN-TEXT", Encoding.UTF8.GetString(f.Content));
        }
    }

    [Fact]
    public void Small_groups_get_no_quotes_and_their_comments_are_left_out()
    {
        var practitioners = M.Audiences.Single(a => a.Audience == Audience.Practitioner);
        Assert.All(practitioners.Themes, t => Assert.Empty(t.Quotes));
        Assert.DoesNotContain(M.Comments, c => c.Audience == "Practitioners");
    }

    [Fact]
    public void Quotes_are_the_most_typical_answers_ties_broken_by_id()
    {
        var period = DigestFixture.Period;
        var at = period.FromUtc.AddDays(1);
        var common = new List<string> { "bus fares", "late buses" };
        var responses = new List<SurveyResponse>();
        for (var i = 0; i < 6; i++)
        {
            responses.Add(DigestFixture.Response($"typ-{i}", "s1", Audience.Child, at, Channel.Web, null, [],
                [("q", $"Typical answer {i} about bus fares and late buses", [("transport", "Transport", "buses")], SentimentLabel.Negative, common)]));
        }
        responses.Add(DigestFixture.Response("odd", "s1", Audience.Child, at, Channel.Web, null, [],
            [("q", "An unusual answer about skateboards", [("transport", "Transport", "skate")], SentimentLabel.Neutral, ["skateboards"])]));
        var model = DigestBuilder.Build(period, [], responses, [], [], 0, 0);
        var quotes = model.Audiences.Single().Themes.Single().Quotes;
        Assert.Equal(3, quotes.Count);
        Assert.DoesNotContain(quotes, q => q.Contains("skateboards", StringComparison.Ordinal));
        // All six typical answers score the same, so the three with the lowest ids are chosen, in id order.
        var expected = responses.Take(6).OrderBy(r => r.Id, StringComparer.Ordinal).Take(3).Select(r => r.FreeText[0].Text);
        Assert.Equal(expected, quotes);
    }

    [Fact]
    public void Closed_questions_add_up_and_multiple_choice_is_marked()
    {
        var listened = M.ClosedQuestions.Single(q => q.QuestionId == "listened");
        Assert.Equal(40, listened.Answered.Value);
        Assert.Equal(["1", "2", "3", "4", "5"], listened.Options.Select(o => o.Key));
        Assert.Equal(40, listened.Options.Sum(o => o.Count.Value));
        var where = M.ClosedQuestions.Single(q => q.QuestionId == "where");
        Assert.True(where.SeveralAnswers);
        var helped = M.ClosedQuestions.Single(q => q.QuestionId == "helped");
        // 2 "no" and 4 "slowly" are both hidden, so the total reveals neither and nothing else is withheld.
        Assert.Equal([Suppression.Small, Suppression.None, Suppression.Small], helped.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Count.Suppression));
        var safe = M.ClosedQuestions.Single(q => q.QuestionId == "safe");
        Assert.Equal(0, safe.Options.Single(o => o.Key == "not-sure").Count.Value);
        Assert.True(safe.Options.All(o => o.Count.Shown));
    }

    [Fact]
    public void Forum_sessions_are_counted_with_young_people_and_ages()
    {
        var forum = M.Audiences.Single(a => a.Audience == Audience.ForumNotes).Forum!;
        Assert.Equal(2, forum.Sessions.Value);
        Assert.False(forum.Sessions.Shown);
        Assert.Equal(21, forum.YoungPeople.Value);
        Assert.Equal("11\u201317", forum.Ages);
    }

    [Fact]
    public void Method_note_has_versions_concerns_and_rules()
    {
        Assert.Equal("local 1.0.0, taxonomy 2026.1", M.Method.Analyzers.Single().Label);
        Assert.Equal("fewer than 5", M.Method.ConcernsRaised.Display);
        Assert.Equal(1, M.Method.Pending.Value);
        Assert.Contains("fewer than 5", M.Method.SuppressionRule);
    }

    [Fact]
    public void Rising_phrases_need_five_mentions_and_a_rise()
    {
        Assert.NotEmpty(M.RisingPhrases);
        Assert.All(M.RisingPhrases, p => Assert.True(p.Now.Value >= 5));
        Assert.Contains(M.RisingPhrases, p => p.Phrase == "youth club");
    }

    [Fact]
    public void An_empty_period_renders_in_every_format()
    {
        var model = DigestBuilder.Build(DigestFixture.Period, [], [], [], [], 0, 0);
        Assert.All(DigestRenderer.RenderAll(model), f => Assert.NotEmpty(f.Content));
        Assert.Contains("No themes were found", HtmlDigestRenderer.RenderText(model));
        Assert.Equal("n/a", DigestBuilder.Build(DigestFixture.Period, [], DigestFixture.Current(), [], [], 0, 0).Themes[0].ChangeDisplay);
    }
}
