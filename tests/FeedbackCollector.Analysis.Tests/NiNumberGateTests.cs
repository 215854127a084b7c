using FeedbackCollector.Analysis.Redaction;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// Redaction runs the National Insurance number regex only when <see cref="PiiRedactor.MayHoldNiNumber"/> allows it, so
/// the gate must hold for every text the regex matches (and it should keep the regex off phone numbers and counts).
/// </summary>
public class NiNumberGateTests
{
    [Theory]
    [InlineData("my ni is AB 12 34 56 C")]
    [InlineData("NI number: AB123456C")]
    [InlineData("ni no jk-12-34-56")]
    [InlineData("nino ab 12-3456")]
    [InlineData("ref \u212Ab 12 34 56")]
    [InlineData("ab ١٢ ٣٤ ٥٦")]
    public void Every_ni_number_passes_the_gate(string text)
    {
        Assert.Matches(PiiPatterns.NiNumber(), text);
        Assert.True(PiiRedactor.MayHoldNiNumber(text));
    }

    [Theory]
    [InlineData("Bev said to call 07700 900955")]
    [InlineData("We waited 14 months for CAMHS, 4 workers in 2 years")]
    [InlineData("ring me on 07700 900955 after 5")]
    public void Numbers_without_an_ni_number_are_kept_off_the_regex(string text)
    {
        Assert.False(PiiRedactor.MayHoldNiNumber(text));
        Assert.DoesNotMatch(PiiPatterns.NiNumber(), text);
    }

    [Fact]
    public void The_gate_holds_for_every_match_among_random_texts()
    {
        var random = new Random(42);
        string[] pieces = ["ab", "ZZ", "jk", "x", "\u212A", "c", " ", "-", "1", "12", "34", "56", "٣٤", "7", "a", "d", " call ", "07700 ", "900955", "ni "];
        var matched = 0;
        for (var n = 0; n < 40000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(2, 9)).Select(_ => pieces[random.Next(pieces.Length)]));
            if (PiiPatterns.NiNumber().IsMatch(text))
            {
                matched++;
                Assert.True(PiiRedactor.MayHoldNiNumber(text), text);
            }
        }

        Assert.True(matched > 100, $"only {matched} random texts held an NI number");
    }
}
