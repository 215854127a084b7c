using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

public class DevSetReaderTests
{
    private const string Good =
        """{"id":"c001","audience":"child","text":"my sw Sarah never rings back","language":"en","themes":["communication","relationships"],"sentiment":"negative","concern":null,"pii":[{"type":"name","text":"Sarah"}]}""";

    private static IReadOnlyList<LabelledItem> Read(string jsonl) => DevSetReader.Read(new StringReader(jsonl), "set.jsonl");

    private static DevSetFormatException Fails(string jsonl) => Assert.Throws<DevSetFormatException>(() => Read(jsonl));

    [Fact]
    public void Reads_every_field()
    {
        var item = Assert.Single(Read(Good));
        Assert.Equal("c001", item.Id);
        Assert.Equal(Audience.Child, item.Audience);
        Assert.Equal("my sw Sarah never rings back", item.Text);
        Assert.Equal("en", item.Language);
        Assert.Equal(["communication", "relationships"], item.Themes);
        Assert.Equal(SentimentLabel.Negative, item.Sentiment);
        Assert.Null(item.Concern);
        Assert.Equal([new LabelledPii(PiiType.Name, "Sarah")], item.Pii);
        Assert.Equal(new AnalysisRequest("c001", "my sw Sarah never rings back", Audience.Child), item.ToRequest());
    }

    [Fact]
    public void Reads_kebab_case_enums_and_skips_blank_lines()
    {
        var jsonl = "\n" + """{"id":"f1","audience":"forum-notes","text":"x","language":"pl","themes":[],"sentiment":"mixed","concern":"immediate-danger","pii":[{"type":"date-of-birth","text":"x"},{"type":"nhs-number","text":"x"}]}""" + "\n  \n";
        var item = Assert.Single(Read(jsonl));
        Assert.Equal(Audience.ForumNotes, item.Audience);
        Assert.Equal(SentimentLabel.Mixed, item.Sentiment);
        Assert.Equal(ConcernCategory.ImmediateDanger, item.Concern);
        Assert.Equal([PiiType.DateOfBirth, PiiType.NhsNumber], item.Pii.Select(p => p.Type));
    }

    [Fact]
    public void Bad_json_names_its_line()
    {
        var ex = Fails(Good + "\n\n{\"id\":\"c002\",");
        Assert.Equal(3, ex.Line);
        Assert.StartsWith("set.jsonl line 3: not valid JSON", ex.Message);
    }

    [Fact]
    public void Unknown_sentiment_lists_the_allowed_values()
    {
        var ex = Fails(Good.Replace("\"negative\"", "\"sad\""));
        Assert.Equal(1, ex.Line);
        Assert.Contains("'sentiment' must be one of neutral, positive, negative, mixed (was 'sad')", ex.Message);
    }

    [Theory]
    [InlineData("\"pii\":[{\"type\":\"name\",\"text\":\"Sarah\"}]", "\"pii\":[{\"type\":\"passport\",\"text\":\"Sarah\"}]", "'pii.type' must be one of name,")]
    [InlineData("\"concern\":null", "\"concern\":\"worry\"", "'concern' must be one of self-harm, abuse-neglect")]
    [InlineData(",\"concern\":null", "", "'concern' is missing")]
    [InlineData("\"audience\":\"child\"", "\"audience\":\"unknown\"", "'audience' must be one of child, parent, practitioner, forum-notes")]
    [InlineData("\"themes\":[\"communication\",\"relationships\"]", "\"themes\":\"communication\"", "'themes' must be an array")]
    [InlineData("\"themes\":[\"communication\",\"relationships\"]", "\"themes\":[\"communication\",\"communication\"]", "listed twice")]
    [InlineData("\"language\":\"en\",", "", "'language' is missing")]
    [InlineData("\"id\":\"c002\"", "\"id\":1", "'id' must be a string")]
    public void Field_problems_are_named(string from, string to, string expected)
    {
        var ex = Fails(Good + "\n" + Good.Replace("c001", "c002").Replace(from, to));
        Assert.Equal(2, ex.Line);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Duplicate_ids_point_at_both_lines()
    {
        var ex = Fails(Good + "\n" + Good);
        Assert.Equal(2, ex.Line);
        Assert.Contains("id 'c001' was already used on line 1", ex.Message);
    }

    [Fact]
    public void Wire_names_round_trip()
    {
        Assert.Equal("date-of-birth", WireNames.Of(PiiType.DateOfBirth));
        Assert.Equal("ni-number", WireNames.Of(PiiType.NiNumber));
        Assert.Equal("forum-notes", WireNames.Of(Audience.ForumNotes));
        Assert.Equal("abuse-neglect", WireNames.Of(ConcernCategory.AbuseNeglect));
        foreach (var t in Enum.GetValues<PiiType>())
        {
            Assert.True(WireNames.TryParse<PiiType>(WireNames.Of(t), out var back));
            Assert.Equal(t, back);
        }
        Assert.False(WireNames.TryParse<PiiType>("passport", out _));
    }
}
