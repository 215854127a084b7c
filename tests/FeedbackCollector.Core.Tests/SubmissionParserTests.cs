using System.Text.Json;
using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Core.Tests;

public class SubmissionParserTests
{
    private static (ValidSubmission? S, IReadOnlyDictionary<string, string> E) Parse(string json) =>
        SubmissionParser.Parse(JsonDocument.Parse(json).RootElement, TestSurveys.Open());

    [Fact]
    public void A_full_valid_submission_is_read()
    {
        var (s, e) = Parse("""{"answers":{"listened":4,"early":"not-sure","who":"sw","where":["home","club"],"age":"13-17","better":"  listen to me  "},"venue":"oak-youth","channel":"qr"}""");
        Assert.Empty(e);
        Assert.NotNull(s);
        Assert.Equal(["4"], s.Answers["listened"]);
        Assert.Equal(["not-sure"], s.Answers["early"]);
        Assert.Equal(["home", "club"], s.Answers["where"]);
        Assert.Equal("listen to me", Assert.Single(s.FreeText).Text);
        Assert.Equal("oak-youth", s.Venue);
        Assert.Equal(Channel.Qr, s.Channel);
    }

    [Theory]
    [InlineData("""{"answers":{"listened":6}}""", "answers.listened")]
    [InlineData("""{"answers":{"listened":2.5}}""", "answers.listened")]
    [InlineData("""{"answers":{"listened":"4"}}""", "answers.listened")]
    [InlineData("""{"answers":{"listened":3,"early":"maybe"}}""", "answers.early")]
    [InlineData("""{"answers":{"listened":3,"who":"mum"}}""", "answers.who")]
    [InlineData("""{"answers":{"listened":3,"where":["home","home"]}}""", "answers.where")]
    [InlineData("""{"answers":{"listened":3,"where":"home"}}""", "answers.where")]
    [InlineData("""{"answers":{"listened":3,"nope":"x"}}""", "answers.nope")]
    [InlineData("""{"answers":{"listened":3,"better":42}}""", "answers.better")]
    [InlineData("""{"answers":{"early":"yes"}}""", "answers.listened")]
    [InlineData("""{"answers":{"listened":3},"venue":"Oak Youth!"}""", "venue")]
    [InlineData("""{"answers":{"listened":3},"channel":"forum-notes"}""", "channel")]
    [InlineData("""{"answers":{"listened":3},"name":"Sam"}""", "name")]
    [InlineData("""{"answers":[1,2]}""", "answers")]
    [InlineData("""[1]""", "$")]
    public void Bad_answers_name_the_field(string json, string field)
    {
        var (s, e) = Parse(json);
        Assert.Null(s);
        Assert.Contains(field, e.Keys);
    }

    [Fact]
    public void Free_text_over_the_limit_is_refused_with_the_count()
    {
        var text = new string('a', 1001);
        var (s, e) = Parse("""{"answers":{"listened":3,"better":"TEXT"}}""".Replace("TEXT", text, StringComparison.Ordinal));
        Assert.Null(s);
        Assert.Contains("1,001", e["answers.better"]);
    }

    [Fact]
    public void Blank_free_text_is_not_kept()
    {
        var (s, _) = Parse("""{"answers":{"listened":3,"better":"   "}}""");
        Assert.NotNull(s);
        Assert.Empty(s.FreeText);
    }
}
