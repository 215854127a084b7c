using FeedbackCollector.Analysis.Redaction;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// Redaction runs the three street-address regexes only when <see cref="StreetWords.MayHoldSuffix"/> allows it, so the
/// gate must hold for every text any of them matches (and should keep them off texts with no street word).
/// </summary>
public class StreetSuffixGateTests
{
    [Theory]
    [InlineData("we live at 14 Acacia Avenue now")]
    [InlineData("flat 3, 22 high st.")]
    [InlineData("Unit 4, Kirkstall Road")]
    [InlineData("she lives on rose lane")]
    [InlineData("moved to oak COURT last year")]
    [InlineData("12 Park Parade")]
    [InlineData("7 the Wynd")]
    [InlineData("house is on Elm\u00A0Close")]
    [InlineData("live at 4 Bro\u212Ae Par\u212A")]
    public void Every_street_address_passes_the_gate(string text)
    {
        Assert.True(PiiPatterns.NumberedAddress().IsMatch(text) || PiiPatterns.UnitAddress().IsMatch(text) || PiiPatterns.CuedAddress().IsMatch(text));
        Assert.True(StreetWords.MayHoldSuffix(text));
    }

    [Theory]
    [InlineData("ive had 4 social workers this year")]
    [InlineData("i got moved placement again and now im miles from my brother")]
    [InlineData("We waited 14 months for CAMHS and nobody rang us back. 07700 900123")]
    [InlineData("streets roads ways parks")]
    public void Texts_without_a_street_word_are_kept_off_the_regexes(string text)
    {
        Assert.False(StreetWords.MayHoldSuffix(text));
        Assert.False(PiiPatterns.NumberedAddress().IsMatch(text) || PiiPatterns.UnitAddress().IsMatch(text) || PiiPatterns.CuedAddress().IsMatch(text));
    }

    [Fact]
    public void The_gate_holds_for_every_match_among_random_texts()
    {
        var random = new Random(3);
        string[] pieces = ["12 ", "4a ", "flat 3 ", "unit 9, ", "lives on ", "moved to ", "house is ", "the ", "old ", "Rose ", "mill ",
            "st", "Rd", "ROAD", "lane", "way", "park", "end", "view", "roads", "stay", "\u212A", "\u017F", ".", ", ", " ", "-", "x", "é"];
        var matched = 0;
        for (var n = 0; n < 30000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(2, 9)).Select(_ => pieces[random.Next(pieces.Length)]));
            if (PiiPatterns.NumberedAddress().IsMatch(text) || PiiPatterns.UnitAddress().IsMatch(text) || PiiPatterns.CuedAddress().IsMatch(text))
            {
                matched++;
                Assert.True(StreetWords.MayHoldSuffix(text), text);
            }
        }

        Assert.True(matched > 300, $"only {matched} random texts held an address");
    }
}
