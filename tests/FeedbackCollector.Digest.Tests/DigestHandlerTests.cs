using System.Text.Json;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FeedbackCollector.Digest.Tests;

public class DigestHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, (string Type, byte[] Bytes)> _blobs = new(StringComparer.Ordinal);
    private readonly Mock<IDigestArchive> _archive = new();
    private readonly List<ActionRecord> _actions = [.. DigestFixture.Actions];

    public DigestHandlerTests()
    {
        _archive.Setup(a => a.SaveAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, ReadOnlyMemory<byte>, CancellationToken>((p, t, c, _) => _blobs[p] = (t, c.ToArray()))
            .Returns(Task.CompletedTask);
        _archive.Setup(a => a.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => _blobs.Select(b => new ArchivedFile(b.Key, b.Value.Type, b.Value.Bytes.Length, Now)).ToList());
        _archive.Setup(a => a.ReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string p, CancellationToken _) => _blobs.TryGetValue(p, out var b) ? (new ArchivedFile(p, b.Type, b.Bytes.Length, Now), b.Bytes) : null);
    }

    private DigestProducer Producer()
    {
        var responses = new Mock<IResponseRepository>();
        responses.Setup(r => r.ListAsync(It.IsAny<ResponseQuery>(), It.IsAny<CancellationToken>()))
            .Returns((ResponseQuery q, CancellationToken _) => DigestFixture.Current().Concat(DigestFixture.Previous())
                .Where(r => r.ReceivedUtc >= q.FromUtc && r.ReceivedUtc < q.ToUtc).ToAsyncEnumerable());
        var surveys = new Mock<ISurveyRepository>();
        surveys.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(DigestFixture.Surveys);
        var actions = new Mock<IActionRepository>();
        actions.Setup(a => a.ListAsync(It.IsAny<Quarter>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Quarter q, CancellationToken _) => _actions.Where(a => a.Quarter == q).ToList());
        var concerns = new Mock<IConcernRepository>();
        concerns.Setup(c => c.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new ConcernRecord { Id = "A", SurveyCode = "young-voices", Category = Core.Analysis.ConcernCategory.SelfHarm, ReceivedUtc = DigestFixture.Period.FromUtc.AddDays(40), RaisedUtc = Now, ReviewedUtc = Now },
            new ConcernRecord { Id = "B", SurveyCode = "young-voices", Category = Core.Analysis.ConcernCategory.SelfHarm, ReceivedUtc = DigestFixture.Period.FromUtc.AddDays(41), RaisedUtc = Now },
            new ConcernRecord { Id = "C", SurveyCode = "young-voices", Category = Core.Analysis.ConcernCategory.SelfHarm, ReceivedUtc = DigestFixture.Period.ToUtc.AddDays(1), RaisedUtc = Now },
        ]);
        return new DigestProducer(responses.Object, surveys.Object, actions.Object, concerns.Object, Options.Create(new DigestOptions()));
    }

    [Fact]
    public async Task The_timer_writes_every_format_for_the_quarter_just_ended_and_matches_the_golden_files()
    {
        var handler = new QuarterlyDigestHandler(Producer(), _archive.Object, new FakeTimeProvider(Now), NullLogger<QuarterlyDigestHandler>.Instance);
        var folder = await handler.RunScheduledAsync(default);

        Assert.Equal("2026-Q1/", folder);
        Assert.Equal(["2026-Q1/comments.csv", "2026-Q1/digest.html", "2026-Q1/digest.json", "2026-Q1/digest.md", "2026-Q1/themes.csv"], _blobs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("text/html; charset=utf-8", _blobs["2026-Q1/digest.html"].Type);
        // Loaded through the ports, the fixture gives exactly the golden digest (same concerns: 2 raised, 1 reviewed).
        Golden.Match("digest.json", _blobs["2026-Q1/digest.json"].Bytes);
        Golden.Match("digest.html", _blobs["2026-Q1/digest.html"].Bytes);
    }

    [Fact]
    public async Task Regenerating_a_period_writes_the_same_bytes()
    {
        var handler = new QuarterlyDigestHandler(Producer(), _archive.Object, new FakeTimeProvider(Now), NullLogger<QuarterlyDigestHandler>.Instance);
        await handler.RunAsync(new Quarter(2026, 1), default);
        var first = _blobs.ToDictionary(b => b.Key, b => b.Value.Bytes);
        await handler.RunAsync(new Quarter(2026, 1), default);
        Assert.All(first, f => Assert.True(f.Value.AsSpan().SequenceEqual(_blobs[f.Key].Bytes), f.Key));
    }

    private DigestHandler Officer() => new(Producer(), _archive.Object, new FakeTimeProvider(Now), NullLogger<DigestHandler>.Instance);

    [Fact]
    public async Task On_demand_digests_of_any_period_are_stored_listed_and_downloaded()
    {
        var created = await Officer().GenerateAsync(JsonDocument.Parse("""{"from":"2026-02-01","to":"2026-02-28"}""").RootElement, default);
        Assert.Equal(OutcomeKind.Created, created.Kind);
        Assert.Contains("2026-02-01_2026-02-28/digest.md", _blobs.Keys);

        var quarter = await Officer().GenerateAsync("2026-01-01", "2026-03-31", default);
        Assert.Equal(OutcomeKind.Created, quarter.Kind);
        Assert.Contains("2026-Q1/digest.md", _blobs.Keys);

        var list = await Officer().ListAsync(default);
        var json = JsonSerializer.Serialize(list.Value, FeedbackJson.Options);
        Assert.True(json.IndexOf("2026-02-01_2026-02-28", StringComparison.Ordinal) < json.IndexOf("2026-Q1", StringComparison.Ordinal), "newest first");

        var download = await Officer().DownloadAsync("2026-Q1", "themes.csv", default);
        var file = Assert.IsType<DigestDownload>(download.Value);
        Assert.Equal("text/csv; charset=utf-8", file.ContentType);
        Golden.Match("themes.csv", file.Content);
    }

    [Theory]
    [InlineData("../secrets", "digest.md")]
    [InlineData("2026-Q1", "../../x")]
    [InlineData("2026-Q1", "other.txt")]
    [InlineData("2026-Q5", "digest.md")]
    [InlineData("2026-Q2", "digest.md")]
    public async Task Unknown_or_traversing_paths_are_not_found(string period, string file)
    {
        var o = await Officer().DownloadAsync(period, file, default);
        Assert.Equal(OutcomeKind.NotFound, o.Kind);
        _archive.Verify(a => a.ReadAsync(It.Is<string>(p => p.Contains("..")), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("""{"from":"2026-03-01","to":"2026-02-01"}""", "to")]
    [InlineData("""{"from":"01/02/2026","to":"2026-02-01"}""", "from")]
    [InlineData("""{"from":"2026-05-01","to":"2026-06-01"}""", "from")]
    [InlineData("""{"from":"2026-01-01","to":"2026-02-01","extra":1}""", "extra")]
    public async Task Bad_periods_are_400(string body, string field)
    {
        var o = await Officer().GenerateAsync(JsonDocument.Parse(body).RootElement, default);
        Assert.Equal(OutcomeKind.Invalid, o.Kind);
        Assert.Contains(field, o.Errors!.Keys);
        Assert.Empty(_blobs);
    }

    [Fact]
    public async Task Actions_are_recorded_against_a_theme_and_quarter_and_listed()
    {
        var repo = new Mock<IActionRepository>();
        ActionRecord? saved = null;
        repo.Setup(r => r.AddAsync(It.IsAny<ActionRecord>(), It.IsAny<CancellationToken>())).Callback<ActionRecord, CancellationToken>((a, _) => saved = a).Returns(Task.CompletedTask);
        var handler = new ActionsHandler(repo.Object, new FakeTimeProvider(Now));
        var o = await handler.RecordAsync(JsonDocument.Parse("""{"period":"2026-Q1","themeId":"listen-to-me","youSaid":"Nobody listens","weDid":"Young people sit on the board"}""").RootElement, "Officer A", default);
        Assert.Equal(OutcomeKind.Created, o.Kind);
        Assert.Equal(new Quarter(2026, 1), saved!.Quarter);
        Assert.Equal("Officer A", saved.RecordedBy);

        var bad = await handler.RecordAsync(JsonDocument.Parse("""{"period":"2026-Q4","themeId":"Listen To Me","youSaid":"","name":"x"}""").RootElement, "Officer A", default);
        Assert.Equal(OutcomeKind.Invalid, bad.Kind);
        Assert.Equal(["name", "period", "themeId", "weDid", "youSaid"], bad.Errors!.Keys.Order(StringComparer.Ordinal));

        repo.Setup(r => r.ListAsync(new Quarter(2026, 1), It.IsAny<CancellationToken>())).ReturnsAsync([saved]);
        var list = await handler.ListAsync("2026-Q1", default);
        Assert.Contains("Young people sit on the board", JsonSerializer.Serialize(list.Value, FeedbackJson.Options));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-03-31", "2026-Q1", "2025-Q4")]
    [InlineData("2026-02-01", "2026-02-28", "2026-02-01_2026-02-28", "2026-01-04_2026-01-31")]
    [InlineData("2026-01-15", "2026-01-15", "2026-01-15_2026-01-15", "2026-01-14_2026-01-14")]
    public void Periods_have_stable_keys_and_a_previous_period(string from, string to, string key, string previousKey)
    {
        var p = DigestPeriod.TryFromDates(from, to, Now, out _)!;
        Assert.Equal(key, p.Key);
        Assert.Equal(previousKey, p.Previous.Key);
        // A quarter compares with the quarter before; other periods with as many days just before.
        Assert.Equal(p.FromUtc, p.Previous.ToUtc);
        if (!key.Contains('Q'))
        {
            Assert.Equal(p.ToUtc - p.FromUtc, p.Previous.ToUtc - p.Previous.FromUtc);
        }
        Assert.True(DigestPeriod.TryParseKey(key, out var back));
        Assert.Equal(p.FromUtc, back.FromUtc);
        Assert.Equal(p.ToUtc, back.ToUtc);
    }
}
