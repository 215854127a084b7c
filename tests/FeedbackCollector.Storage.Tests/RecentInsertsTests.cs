using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;
using Microsoft.Extensions.Time.Testing;

namespace FeedbackCollector.Storage.Tests;

/// <summary>The bounded memory of just-inserted responses (no storage: unit tests).</summary>
public class RecentInsertsTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T);

    private static SurveyResponse Response(int i, int textLength = 10) => new()
    {
        Id = ResponseId.New(T.AddSeconds(i)),
        SurveyCode = "s",
        Audience = Audience.Child,
        ReceivedUtc = T.AddSeconds(i),
        FreeText = [new FreeTextAnswer("q", new string('x', textLength))],
    };

    [Fact]
    public void An_entry_is_taken_once_with_its_etag()
    {
        var recent = new RecentInserts(10, 1_000_000, TimeSpan.FromMinutes(2), _time);
        var r = Response(1);
        recent.Put(r, "W/\"1\"");
        Assert.True(recent.TryTake(r.Id, out var got, out var etag));
        Assert.Same(r, got);
        Assert.Equal("W/\"1\"", etag);
        Assert.False(recent.TryTake(r.Id, out _, out _));
        Assert.Equal(0, recent.Count);
    }

    [Fact]
    public void The_oldest_go_first_when_the_count_or_the_text_held_would_pass_its_bound()
    {
        var byCount = new RecentInserts(3, 1_000_000, TimeSpan.FromMinutes(2), _time);
        var four = Enumerable.Range(0, 4).Select(i => Response(i)).ToList();
        four.ForEach(r => byCount.Put(r, "e"));
        Assert.Equal(3, byCount.Count);
        Assert.False(byCount.TryTake(four[0].Id, out _, out _));
        Assert.True(byCount.TryTake(four[3].Id, out _, out _));

        // 256 characters of overhead each: two of 1,000 characters fit in 2,600, a third pushes the first out.
        var byText = new RecentInserts(100, 2_600, TimeSpan.FromMinutes(2), _time);
        var three = Enumerable.Range(0, 3).Select(i => Response(i, 1_000)).ToList();
        three.ForEach(r => byText.Put(r, "e"));
        Assert.Equal(2, byText.Count);
        Assert.False(byText.TryTake(three[0].Id, out _, out _));
        // One larger than the whole bound is not remembered at all.
        var huge = Response(9, 5_000);
        byText.Put(huge, "e");
        Assert.False(byText.TryTake(huge.Id, out _, out _));
        Assert.True(byText.TryTake(three[2].Id, out _, out _));
    }

    [Fact]
    public void An_entry_older_than_the_age_bound_is_not_given()
    {
        var recent = new RecentInserts(10, 1_000_000, TimeSpan.FromMinutes(2), _time);
        var r = Response(1);
        recent.Put(r, "e");
        _time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.False(recent.TryTake(r.Id, out _, out _));
        Assert.Equal(0, recent.Count);
    }
}
