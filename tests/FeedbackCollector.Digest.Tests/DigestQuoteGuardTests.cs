using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.Options;
using Moq;

namespace FeedbackCollector.Digest.Tests;

/// <summary>
/// Read from the digest projection, the producer confirms every quoted response in the responses repository: an entry left
/// behind by an analysis that finished after its response was withdrawn is never quoted nor counted, and is deleted.
/// </summary>
public class DigestQuoteGuardTests
{
    [Fact]
    public async Task An_orphaned_entry_that_would_be_quoted_is_left_out_deleted_and_the_digest_built_without_it()
    {
        var current = DigestFixture.Current();
        var previous = DigestFixture.Previous();
        // The response the full data set quotes first: withdrawn, but its entry still in the projection.
        var withdrawn = QuotedIds(DigestFixture.Model(current)).First();
        var stored = current.Where(r => r.Id != withdrawn).Concat(previous).ToList();
        var projection = await ProjectionOf(current.Concat(previous));

        var (producer, responses) = Producer(stored, projection);
        var model = await producer.BuildAsync(DigestFixture.Period);

        Assert.DoesNotContain(withdrawn, QuotedIds(model));
        Assert.Equal([withdrawn], projection.Deleted);
        Assert.False(projection.Holds(withdrawn));
        responses.Verify(r => r.FindAsync(withdrawn, It.IsAny<CancellationToken>()), Times.Once());
        // Byte for byte the digest of the data without the withdrawn response: neither quoted nor counted anywhere.
        var expected = DigestRenderer.RenderAll(DigestFixture.Model(current.Where(r => r.Id != withdrawn)));
        var actual = DigestRenderer.RenderAll(model);
        AssertSame(expected, actual);
        Assert.False(Same(DigestRenderer.RenderAll(DigestFixture.Model(current)), actual));
    }

    [Fact]
    public async Task When_every_quoted_response_exists_only_the_quotes_are_read_and_nothing_is_deleted()
    {
        var current = DigestFixture.Current();
        var previous = DigestFixture.Previous();
        var all = current.Concat(previous).ToList();
        var projection = await ProjectionOf(all);

        var (producer, responses) = Producer(all, projection);
        var files = await producer.ProduceAsync(DigestFixture.Period);

        var quoted = QuotedIds(DigestFixture.Model(current));
        Assert.True(quoted.Count >= 5, "the data set quotes several responses");
        foreach (var id in quoted)
        {
            responses.Verify(r => r.FindAsync(id, It.IsAny<CancellationToken>()), Times.Once());
        }
        responses.Verify(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(quoted.Count));
        Assert.Empty(projection.Deleted);
        AssertSame(DigestRenderer.RenderAll(DigestFixture.Model(current)), files);
    }

    [Fact]
    public void The_model_names_the_response_of_each_quote()
    {
        var current = DigestFixture.Current();
        var model = DigestFixture.Model(current);
        var byId = current.ToDictionary(r => r.Id);
        var themes = model.Audiences.SelectMany(a => a.Themes).Where(t => t.Quotes.Count > 0).ToList();
        Assert.NotEmpty(themes);
        foreach (var t in themes)
        {
            Assert.Equal(t.Quotes.Count, t.QuoteResponseIds.Count);
            for (var i = 0; i < t.Quotes.Count; i++)
            {
                Assert.Contains(byId[t.QuoteResponseIds[i]].Analysis!.Texts, x => DigestText.Clean(x.Result.RedactedText) == t.Quotes[i]);
            }
        }
    }

    private static List<string> QuotedIds(DigestModel model) =>
        model.Audiences.SelectMany(a => a.Themes).SelectMany(t => t.QuoteResponseIds).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A projection holding an entry for every analysed response of <paramref name="responses"/>.</summary>
    private static async Task<DigestEntryTests.MemoryProjection> ProjectionOf(IEnumerable<SurveyResponse> responses)
    {
        var projection = new DigestEntryTests.MemoryProjection();
        foreach (var r in responses.Where(r => r.Analysis is not null))
        {
            await projection.UpsertAsync(r);
        }
        return projection;
    }

    /// <summary>A producer over <paramref name="projection"/>, whose responses repository holds <paramref name="stored"/> (point reads only).</summary>
    private static (DigestProducer Producer, Mock<IResponseRepository> Responses) Producer(List<SurveyResponse> stored, IDigestProjection projection)
    {
        var responses = new Mock<IResponseRepository>(MockBehavior.Strict);
        responses.Setup(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => stored.FirstOrDefault(r => r.Id == id));
        var pending = new Mock<IPendingResponseSource>();
        pending.Setup(p => p.ListPendingAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((DateTimeOffset f, DateTimeOffset t, CancellationToken _) =>
                stored.Where(r => r.Analysis is null && r.ReceivedUtc >= f && r.ReceivedUtc < t).ToAsyncEnumerable());
        var surveys = new Mock<ISurveyRepository>();
        surveys.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(DigestFixture.Surveys);
        var actions = new Mock<IActionRepository>();
        actions.Setup(a => a.ListAsync(It.IsAny<Quarter>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Quarter q, CancellationToken _) => DigestFixture.Actions.Where(a => a.Quarter == q).ToList());
        var concerns = new Mock<IConcernRepository>();
        concerns.Setup(c => c.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            Concern("A", DigestFixture.Period.FromUtc.AddDays(1)) with { ReviewedUtc = DigestFixture.Period.FromUtc.AddDays(2) },
            Concern("B", DigestFixture.Period.FromUtc.AddDays(3)),
        ]);
        var producer = new DigestProducer(responses.Object, surveys.Object, actions.Object, concerns.Object, Options.Create(new DigestOptions()),
            projection, pending.Object);
        Assert.True(producer.UsesProjection);
        return (producer, responses);
    }

    private static ConcernRecord Concern(string id, DateTimeOffset received) => new()
    {
        Id = id, SurveyCode = "young-voices", Category = Core.Analysis.ConcernCategory.SelfHarm, ReceivedUtc = received, RaisedUtc = received,
    };

    private static bool Same(IReadOnlyList<DigestFile> a, IReadOnlyList<DigestFile> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Name == p.Second.Name && p.First.Content.AsSpan().SequenceEqual(p.Second.Content));

    private static void AssertSame(IReadOnlyList<DigestFile> expected, IReadOnlyList<DigestFile> actual)
    {
        Assert.Equal(expected.Select(f => f.Name), actual.Select(f => f.Name));
        foreach (var (x, y) in expected.Zip(actual))
        {
            Assert.True(x.Content.AsSpan().SequenceEqual(y.Content), x.Name + " differs");
        }
    }
}
