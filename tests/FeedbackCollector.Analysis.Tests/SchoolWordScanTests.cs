using FeedbackCollector.Analysis.Redaction;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The school finder tries its anchored pattern only where <see cref="SchoolFinder.MayStartSchoolWord"/> allows, so the
/// matches it visits must be exactly those of the scanning pattern <see cref="PiiPatterns.School"/>, in the same order.
/// </summary>
public class SchoolWordScanTests
{
    [Theory]
    [InlineData("I go to Oakwood Academy and my brother goes to St Mary's C of E Primary")]
    [InlineData("church of england school, r.c. high, RC, rc. cofe juniors")]
    [InlineData("girls' grammar school and boys high; sixth  form college")]
    [InlineData("ſchool and \u212Aing's COLLEGE, Catholic\tSchool, c\u00A0of\u00A0e")]
    [InlineData("the first time at big school was the worst")]
    [InlineData("ce school, ce\nprimary, islamic academy, jewish infants, methodist middle")]
    public void The_school_words_visited_are_the_patterns_matches(string text) => AssertSameMatches(text);

    [Fact]
    public void The_school_words_visited_are_the_patterns_matches_in_random_texts()
    {
        var random = new Random(42);
        string[] pieces = ["school", "School", "high", "HIGH", "first", "c", " of ", "e", "cof", "ce", " ", "  ", "\t", ".", "r", "rc", "r.c.", "catholic",
            "church", " of england", "girls'", "boys", "primary", "junior", "juniors", "infants", "secondary", "grammar", "middle", "prep", "nursery",
            "academy", "college", "sixth", " form", "x", "the ", "my", "_", "1", "ſ", "\u212A", "é", "Oak", "wood", "-", "'"];
        var matched = 0;
        for (var n = 0; n < 20000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 9)).Select(_ => pieces[random.Next(pieces.Length)]));
            matched += AssertSameMatches(text);
        }

        Assert.True(matched > 1000, $"only {matched} matches in the random texts");
    }

    private static int AssertSameMatches(string text)
    {
        var expected = new List<(int, int)>();
        for (var m = PiiPatterns.School().Match(text); m.Success; m = m.NextMatch())
        {
            expected.Add((m.Index, m.Length));
        }

        var actual = new List<(int, int)>();
        for (var m = SchoolFinder.NextSchoolWord(text, 0); m is not null; m = SchoolFinder.NextSchoolWord(text, m.Index + m.Length))
        {
            actual.Add((m.Index, m.Length));
        }

        Assert.Equal(expected, actual);
        return expected.Count;
    }
}
