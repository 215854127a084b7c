using FeedbackCollector.Analysis.Redaction;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// Redaction runs the bare-date regex only when <see cref="PiiRedactor.MayHoldYear"/> allows it, so the gate must hold
/// for every text the regex matches (and it should keep the regex off texts with numbers but no year).
/// </summary>
public class BareDateGateTests
{
    [Theory]
    [InlineData("Reece Walsh 5/1/2011")]
    [InlineData("born on 12.03.1998 in leeds")]
    [InlineData("2012-4-9")]
    [InlineData("3rd of March 2009")]
    [InlineData("12 sept, 2015")]
    [InlineData("on 1 / 2 / 2001")]
    [InlineData("date 3/4/19٩٠")]
    public void Every_bare_date_passes_the_gate(string text)
    {
        Assert.Matches(PiiPatterns.BareDate(), text);
        Assert.True(PiiRedactor.MayHoldYear(text));
    }

    [Theory]
    [InlineData("Sarah said to call 07700 900123")]
    [InlineData("We waited 14 months for CAMHS, 4 workers in 2 years")]
    [InlineData("ref 11990 and 120099")]
    public void Numbers_without_a_year_are_kept_off_the_regex(string text)
    {
        Assert.False(PiiRedactor.MayHoldYear(text));
        Assert.DoesNotMatch(PiiPatterns.BareDate(), text);
    }

    [Fact]
    public void The_gate_holds_for_every_match_among_random_digit_texts()
    {
        var random = new Random(42);
        string[] pieces = ["1", "2", "9", "0", "19", "20", "/", ".", "-", " ", "3rd ", "march ", "of ", "x", "٩", "11", "2009", "1999", "12", "5/", "3.", "/4/", "-7-", " 14 "];
        var matched = 0;
        for (var n = 0; n < 20000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(2, 8)).Select(_ => pieces[random.Next(pieces.Length)]));
            if (PiiPatterns.BareDate().IsMatch(text))
            {
                matched++;
                Assert.True(PiiRedactor.MayHoldYear(text), text);
            }
        }

        Assert.True(matched > 100, $"only {matched} random texts held a date");
    }

    /// <summary>A year in another script's digits used to throw (int.Parse refuses them) and the text went unanalysed.</summary>
    [Fact]
    public void A_date_written_with_other_digits_is_redacted_instead_of_failing()
    {
        var result = new PiiRedactor().Redact("seen on 3/4/19\u0669\u0660 at the clinic");
        Assert.Equal("seen on [date-of-birth] at the clinic", result.RedactedText);
    }
}
