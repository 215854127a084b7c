using System.Runtime.CompilerServices;
using System.Text.Json;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.Options;
using Moq;

namespace FeedbackCollector.Digest.Tests;

/// <summary>The digest projection's entry (<see cref="DigestEntry"/>): what it keeps, and that the digest built from entries is the same.</summary>
public class DigestEntryTests
{
    private static readonly DateTimeOffset At = DigestFixture.Period.FromUtc.AddDays(5);

    /// <summary>A response whose raw text differs from its redacted text, with an officer's correction of one answer.</summary>
    private static SurveyResponse Corrected()
    {
        var r = DigestFixture.Response("entry-1", "young-voices", Audience.Child, At, Channel.Qr, "oak-youth",
            new() { ["listened"] = ["4"], ["where"] = ["home", "club"] },
            [("better", "Nobody listens to me", [("listen-to-me", "Listen to me", "listen")], SentimentLabel.Negative, ["nobody listens"]),
             ("other", "School is fine", [("school-life", "School life", "school")], SentimentLabel.Positive, ["school"])]);
        var texts = r.Analysis!.Texts.Select(t => t with
        {
            Result = t.Result with
            {
                RedactedText = t.Result.RedactedText.Replace("me", "[name]", StringComparison.Ordinal),
                Pii = [new PiiSpan(PiiType.Name, 3, 2)],
            },
        }).ToList();
        return r with
        {
            FreeText = [new FreeTextAnswer("better", "Nobody listens to me, RAW-SECRET Jane Smith"), new FreeTextAnswer("other", "School is fine RAW-SECRET")],
            Analysis = r.Analysis with { Texts = texts },
            Correction = new ThemeCorrection([new CorrectedAnswer("better", [new ThemeMatch("getting-help", "Getting help", 1.0, [])])], "Officer", At.AddDays(1), "2026.1"),
            Provenance = new Provenance("Forum", "2026-01-06", 7) { Context = "Heading" },
        };
    }

    [Fact]
    public void An_entry_keeps_the_redacted_text_and_corrected_themes_never_the_raw_text()
    {
        var entry = DigestEntry.From(Corrected());
        var json = JsonSerializer.Serialize(entry, FeedbackJson.Options);

        Assert.DoesNotContain("RAW-SECRET", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", json, StringComparison.Ordinal);
        Assert.Contains("Nobody listens to [name]", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Heading", json, StringComparison.Ordinal);
        var better = entry.Analysis!.Texts.Single(t => t.QuestionId == "better");
        Assert.Equal(["getting-help"], better.Themes.Select(t => t.Id));
        var other = entry.Analysis.Texts.Single(t => t.QuestionId == "other");
        Assert.Equal(["school-life"], other.Themes.Select(t => t.Id));
        Assert.Equal(["school"], other.Themes[0].Evidence);
        Assert.Equal(SentimentLabel.Positive, other.Sentiment);
        Assert.Equal(["home", "club"], entry.Answers["where"]);
        Assert.Equal(("Forum", "2026-01-06"), (entry.Forum, entry.Session));
    }

    [Fact]
    public void An_entry_reads_back_as_a_response_with_what_the_digest_counts()
    {
        var original = Corrected();
        var json = JsonSerializer.Serialize(DigestEntry.From(original), FeedbackJson.Options);
        var back = JsonSerializer.Deserialize<DigestEntry>(json, FeedbackJson.Options)!.ToResponse();

        Assert.Equal(original.Id, back.Id);
        Assert.Equal(original.ReceivedUtc, back.ReceivedUtc);
        Assert.Equal((original.SurveyCode, original.Audience, original.Venue, original.Channel), (back.SurveyCode, back.Audience, back.Venue, back.Channel));
        Assert.Empty(back.FreeText);
        Assert.Null(back.Correction);
        Assert.Equal(original.Analysis!.Analyzer, back.Analysis!.Analyzer);
        foreach (var (o, b) in original.Analysis.Texts.Zip(back.Analysis.Texts))
        {
            Assert.Equal(original.ThemesOf(o).Select(m => (m.ThemeId, m.Label, string.Join('|', m.Evidence))), back.ThemesOf(b).Select(m => (m.ThemeId, m.Label, string.Join('|', m.Evidence))));
            Assert.Equal(o.Result.RedactedText, b.Result.RedactedText);
            Assert.Equal(o.Result.KeyPhrases, b.Result.KeyPhrases);
            Assert.Equal(o.Result.Sentiment.Label, b.Result.Sentiment.Label);
            Assert.Empty(b.Result.Pii);
        }
        Assert.Equal(("Forum", "2026-01-06"), (back.Provenance!.Source, back.Provenance.Session));
    }

    [Fact]
    public void A_flagged_or_pending_response_keeps_its_flag_and_its_waiting()
    {
        var current = DigestFixture.Current();
        var flagged = DigestEntry.From(current.First(r => r.Analysis is { ConcernFlagged: true }));
        Assert.True(flagged.Analysis!.Texts[0].Concern);
        Assert.True(flagged.ToResponse().Analysis!.ConcernFlagged);
        var pending = DigestEntry.From(current.Single(r => r.Analysis is null));
        Assert.Null(pending.Analysis);
        Assert.Null(pending.ToResponse().Analysis);
    }

    /// <summary>The golden data set with corrections on some answers, as responses and as stored entries (through JSON).</summary>
    private static (List<SurveyResponse> Current, List<SurveyResponse> Previous) DataSet()
    {
        var current = DigestFixture.Current().Select((r, i) => i % 4 == 1 && r.Analysis is { Texts.Count: > 0 } a
            ? r with { Correction = new ThemeCorrection([new CorrectedAnswer(a.Texts[0].QuestionId, [new ThemeMatch("feeling-safe", "Feeling safe", 1, [])])], "Officer", At, "2026.1") }
            : r).ToList();
        var previous = DigestFixture.Previous().Select((r, i) => i % 5 == 0
            ? r with { Correction = new ThemeCorrection([new CorrectedAnswer("better", [])], "Officer", At, "2026.1") }
            : r).ToList();
        return (current, previous);
    }

    private static SurveyResponse ThroughStorage(SurveyResponse r) =>
        JsonSerializer.Deserialize<DigestEntry>(JsonSerializer.Serialize(DigestEntry.From(r), FeedbackJson.Options), FeedbackJson.Options)!.ToResponse();

    [Fact]
    public void The_digest_built_from_entries_is_byte_for_byte_the_digest_built_from_responses()
    {
        var (current, previous) = DataSet();
        var fromResponses = DigestRenderer.RenderAll(DigestBuilder.Build(DigestFixture.Period, DigestFixture.Surveys, current, previous, DigestFixture.Actions, 2, 1));
        var fromEntries = DigestRenderer.RenderAll(DigestBuilder.Build(DigestFixture.Period, DigestFixture.Surveys,
            current.Select(ThroughStorage), previous.Select(ThroughStorage), DigestFixture.Actions, 2, 1));

        AssertSame(fromResponses, fromEntries);
        // The corrections made a difference, so the test would see them lost.
        var uncorrected = DigestRenderer.RenderAll(DigestFixture.Model());
        Assert.False(uncorrected.Single(f => f.Name == DigestPaths.JsonFile).Content.AsSpan()
            .SequenceEqual(fromEntries.Single(f => f.Name == DigestPaths.JsonFile).Content));
    }

    [Fact]
    public async Task The_producer_reads_the_projection_and_the_pending_responses_and_gives_the_table_s_bytes()
    {
        var (current, previous) = DataSet();
        var all = current.Concat(previous).ToList();
        // The projection holds an entry for every analysed response, and (as a rebuild leaves it) a stale one for the
        // pending response: the pending response is read from the table instead.
        var projection = new MemoryProjection();
        foreach (var r in all)
        {
            await projection.UpsertAsync(r.Analysis is null ? r with { Venue = "stale" } : r);
        }
        var pending = new Mock<IPendingResponseSource>();
        pending.Setup(p => p.ListPendingAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((DateTimeOffset f, DateTimeOffset t, CancellationToken _) => all.Where(r => r.Analysis is null && r.ReceivedUtc >= f && r.ReceivedUtc < t).ToAsyncEnumerable());

        var fromTable = Producer(all, null, null);
        var fromProjection = Producer(all, projection, pending.Object);
        Assert.False(fromTable.UsesProjection);
        Assert.True(fromProjection.UsesProjection);

        AssertSame(await fromTable.ProduceAsync(DigestFixture.Period), await fromProjection.ProduceAsync(DigestFixture.Period));
        Assert.Contains(current, r => r.Analysis is null);
    }

    private static DigestProducer Producer(List<SurveyResponse> all, IDigestProjection? projection, IPendingResponseSource? pending)
    {
        var responses = new Mock<IResponseRepository>(MockBehavior.Strict);
        responses.Setup(r => r.ListAsync(It.IsAny<ResponseQuery>(), It.IsAny<CancellationToken>()))
            .Returns((ResponseQuery q, CancellationToken _) => all.Where(r => r.ReceivedUtc >= q.FromUtc && r.ReceivedUtc < q.ToUtc).ToAsyncEnumerable());
        // Read from the projection, the producer confirms each quoted response with a point read (and nothing else).
        var confirming = new Mock<IResponseRepository>(MockBehavior.Strict);
        confirming.Setup(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => all.FirstOrDefault(r => r.Id == id));
        var surveys = new Mock<ISurveyRepository>();
        surveys.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(DigestFixture.Surveys);
        var actions = new Mock<IActionRepository>();
        actions.Setup(a => a.ListAsync(It.IsAny<Quarter>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Quarter q, CancellationToken _) => DigestFixture.Actions.Where(a => a.Quarter == q).ToList());
        var concerns = new Mock<IConcernRepository>();
        concerns.Setup(c => c.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        return new DigestProducer(projection is null ? responses.Object : confirming.Object,
            surveys.Object, actions.Object, concerns.Object, Options.Create(new DigestOptions()), projection, pending);
    }

    private static void AssertSame(IReadOnlyList<DigestFile> a, IReadOnlyList<DigestFile> b)
    {
        Assert.Equal(a.Select(f => f.Name), b.Select(f => f.Name));
        foreach (var (x, y) in a.Zip(b))
        {
            Assert.True(x.Content.AsSpan().SequenceEqual(y.Content), x.Name + " differs");
        }
    }

    /// <summary>The projection in memory, storing each entry as JSON like the table adapter.</summary>
    internal sealed class MemoryProjection : IDigestProjection
    {
        private readonly Dictionary<string, (DateTimeOffset At, string Json)> _entries = new(StringComparer.Ordinal);

        public Task UpsertAsync(SurveyResponse response, CancellationToken cancellationToken = default)
        {
            _entries[response.Id] = (response.ReceivedUtc, JsonSerializer.Serialize(DigestEntry.From(response), FeedbackJson.Options));
            return Task.CompletedTask;
        }

        /// <summary>The ids given to <see cref="DeleteAsync"/>, in order.</summary>
        public List<string> Deleted { get; } = [];

        /// <summary>Whether an entry of <paramref name="id"/> is stored.</summary>
        public bool Holds(string id) => _entries.ContainsKey(id);

        public Task DeleteAsync(string id, CancellationToken cancellationToken = default)
        {
            Deleted.Add(id);
            _entries.Remove(id);
            return Task.CompletedTask;
        }

        public async IAsyncEnumerable<DigestEntry> ListAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            foreach (var (at, json) in _entries.Values)
            {
                if (at >= fromUtc && at < toUtc)
                {
                    yield return JsonSerializer.Deserialize<DigestEntry>(json, FeedbackJson.Options)!;
                }
            }
        }
    }
}
