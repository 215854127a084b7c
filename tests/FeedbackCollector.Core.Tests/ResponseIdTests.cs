using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Core.Tests;

public class ResponseIdTests
{
    [Fact]
    public void Ids_carry_their_quarter_and_a_bucket()
    {
        var at = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 2000).Select(_ => ResponseId.New(at)).ToList();
        Assert.All(ids, id => Assert.Equal(new Quarter(2026, 4), ResponseId.QuarterOf(id)));
        Assert.All(ids, id => Assert.Equal(ResponseId.Length, id.Length));
        Assert.Equal(2000, ids.Distinct().Count());
        // The bucket spreads writes over every partition of the quarter.
        Assert.Equal(ResponseId.Buckets, ids.Select(ResponseId.BucketOf).Distinct().Count());
    }

    [Fact]
    public void Receipts_read_back_forgivingly()
    {
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        var receipt = ResponseId.ToReceipt(id);
        Assert.Equal(11, receipt.Length);
        Assert.True(ResponseId.TryNormalize(receipt.ToLowerInvariant(), out var back));
        Assert.Equal(id, back);
        Assert.True(ResponseId.TryNormalize("oooo1-iiiil", out var lookalikes));
        Assert.Equal("0000111111", lookalikes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("ABCDEFGHJKM")]
    [InlineData("ABCDE-FGHJU")]
    [InlineData("<script>x")]
    public void Non_ids_are_refused(string text) => Assert.False(ResponseId.TryNormalize(text, out _));
}
