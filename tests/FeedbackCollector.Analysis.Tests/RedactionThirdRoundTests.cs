using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The third round's kinds (my own examples, not DevSet lines): a police rank written as a title before a
/// surname; a house number, "the" and a street word after an address cue. And what must stay.
/// </summary>
public class RedactionThirdRoundTests
{
    private readonly PiiRedactor redactor = new();

    private string Spans(string text, PiiType type) => PiiSpans.Of(redactor, text, type);

    [Theory]
    [InlineData("the officer who came, PC Hartigan, was really kind to me", "Hartigan")]
    [InlineData("Sgt Okonjo rang mum back the same day", "Okonjo")]
    [InlineData("DC Brannigan took my statement", "Brannigan")]
    public void RankBeforeSurname_IsAName(string text, string expected) =>
        Assert.Contains(expected, Spans(text, PiiType.Name), StringComparison.Ordinal);

    [Theory]
    [InlineData("my PC Games club is on fridays")]
    [InlineData("the PC Suite at school is always locked")]
    [InlineData("we got a visit from the PCSO Team last week")]
    [InlineData("my pc lowe battery again lol")]
    public void RankBeforeAWord_IsNotAName(string text) =>
        Assert.Equal("", Spans(text, PiiType.Name));

    [Theory]
    [InlineData("my address is 9 the crescent near the shop", "9 the crescent")]
    [InlineData("we moved to 14 the grove in march", "14 the grove")]
    [InlineData("im at my dads this week, 3 the mews", "3 the mews")]
    public void NumberTheStreetWord_IsAnAddress(string text, string expected) =>
        Assert.Equal(expected, Spans(text, PiiType.Address));

    [Theory]
    [InlineData("at 9 the close of the meeting everyone left")]
    [InlineData("i go to bed at 10 the road outside is too loud")]
    [InlineData("we meet at 6 the lane is dark by then")]
    [InlineData("there were 3 the street was full")]
    public void NumberTheStreetWord_WithoutACue_Stays(string text) =>
        Assert.Equal("", Spans(text, PiiType.Address));

    [Theory]
    [InlineData("Mum asked us to use her maiden name, Okonkwo, on every letter", "Okonkwo")]
    [InlineData("his maiden name, Brannigan, is on the old file", "Brannigan")]
    public void MaidenNameAcrossAComma_IsAName(string text, string expected) =>
        Assert.Contains(expected, Spans(text, PiiType.Name), StringComparison.Ordinal);

    [Theory]
    [InlineData("please don't use my maiden name, Thanks")]
    [InlineData("she uses her maiden name, Which is fine")]
    [InlineData("her maiden name, address and DOB were all wrong")]
    public void MaidenNameBeforeAWord_Stays(string text) =>
        Assert.Equal("", Spans(text, PiiType.Name));
}
