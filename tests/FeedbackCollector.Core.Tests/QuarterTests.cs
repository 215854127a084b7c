using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Core.Tests;

public class QuarterTests
{
    [Theory]
    [InlineData("2026-01-01T06:00:00Z", 2025, 4)]
    [InlineData("2026-04-01T06:00:00Z", 2026, 1)]
    [InlineData("2026-07-01T06:00:00Z", 2026, 2)]
    [InlineData("2026-10-01T06:00:00Z", 2026, 3)]
    public void The_scheduled_digest_covers_the_quarter_just_ended(string now, int year, int number) =>
        Assert.Equal(new Quarter(year, number), QuarterlyDigestHandler.PeriodFor(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Overlapping_spans_year_ends()
    {
        var qs = Quarter.Overlapping(new DateTimeOffset(2025, 11, 5, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)).ToList();
        Assert.Equal([new Quarter(2025, 4), new Quarter(2026, 1)], qs);
    }

    [Fact]
    public void Index_round_trips_and_parses()
    {
        var q = new Quarter(2031, 3);
        Assert.Equal(q, Quarter.FromIndex(q.Index));
        Assert.True(Quarter.TryParse("2031-q3", out var p));
        Assert.Equal(q, p);
        Assert.False(Quarter.TryParse("2031-Q5", out _));
        Assert.Equal("2031-Q3/digest.json", DigestPaths.Json(q));
    }
}
