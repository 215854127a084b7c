using System.Text;
using FeedbackCollector.Cli.Commands;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Cli.Tests;

/// <summary>The request reader's byte-level audience path must agree with the string path.</summary>
public class RequestAudienceTests
{
    [Theory]
    [InlineData("\"child\"", Audience.Child)]
    [InlineData("\"Child\"", Audience.Child)]
    [InlineData("\"\\u0063hild\"", Audience.Child)]
    [InlineData("\" parent \"", Audience.Parent)]
    [InlineData("\"practitioner\"", Audience.Practitioner)]
    [InlineData("\"forum-notes\"", Audience.ForumNotes)]
    [InlineData("\"unknown\"", Audience.Unknown)]
    [InlineData("null", Audience.Unknown)]
    public void Each_spelling_of_an_audience_gives_it(string json, Audience expected)
    {
        var line = Encoding.UTF8.GetBytes($$"""{"id":"a","text":"hi","audience":{{json}}}""");
        Assert.True(AnalyzeCommand.TryParseRequest(line, 1, out var request, out var problem), problem);
        Assert.Equal(expected, request.Audience);
    }

    [Fact]
    public void The_last_audience_given_wins_whichever_path_read_it()
    {
        Assert.True(AnalyzeCommand.TryParseRequest("""{"text":"hi","audience":"child","audience":"Parent"}"""u8, 1, out var a, out _));
        Assert.Equal(Audience.Parent, a.Audience);
        Assert.True(AnalyzeCommand.TryParseRequest("""{"text":"hi","audience":"Parent","audience":"child"}"""u8, 1, out var b, out _));
        Assert.Equal(Audience.Child, b.Audience);
        Assert.False(AnalyzeCommand.TryParseRequest("""{"text":"hi","audience":"child","audience":"alien"}"""u8, 7, out _, out var problem));
        Assert.Contains("unknown audience \"alien\"", problem);
    }
}
