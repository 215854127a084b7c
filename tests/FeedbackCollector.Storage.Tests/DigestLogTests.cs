using System.Text;
using System.Text.Json;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Storage.Tests;

/// <summary>The digest projection's record format and how a shard's logs fold into entries: no I/O.</summary>
public sealed class DigestLogTests
{
    private static readonly DateTimeOffset At = new(2026, 2, 3, 10, 0, 0, TimeSpan.Zero);

    private static DigestEntry Entry(string id, string redacted = "The staff listen to [name]") =>
        DigestEntry.From(TestData.Response(At, id: id) with { Analysis = TestData.Analysis(redacted) });

    private static string NewId() => ResponseId.New(At);

    private static ReadOnlyMemory<byte> Log(params byte[][] records) => records.SelectMany(r => r).ToArray();

    private static Dictionary<string, DigestEntry> Live(DigestLogState state) =>
        state.Live().ToDictionary(p => p.Key, p => JsonSerializer.Deserialize<DigestEntry>(p.Value.Span, FeedbackJson.Options)!);

    [Fact]
    public void An_entry_record_reads_back_as_the_same_entry_with_its_id()
    {
        var id = NewId();
        var entry = Entry(id, "Line one\nline two \"quoted\" — 😀 \u2028 <b>");
        var record = DigestLog.Upsert(entry);
        Assert.Equal((byte)'\n', record[^1]);
        // The only raw line feed is the one that ends the record: text with line feeds stays on one line.
        Assert.Equal(1, record.Count(b => b == (byte)'\n'));

        var state = new DigestLogState();
        state.Add(record);
        var read = Assert.Single(Live(state));
        Assert.Equal(id, read.Key);
        Assert.Equal(JsonSerializer.Serialize(entry, FeedbackJson.Options), JsonSerializer.Serialize(read.Value, FeedbackJson.Options));
    }

    [Fact]
    public void The_last_entry_written_for_a_response_wins_and_superseded_ones_are_counted()
    {
        var a = NewId();
        var b = NewId();
        var state = new DigestLogState();
        state.Add(Log(DigestLog.Upsert(Entry(a, "first")), DigestLog.Upsert(Entry(b, "other"))));
        state.Add(Log(DigestLog.Upsert(Entry(a, "second")), [], DigestLog.Upsert(Entry(a, "third"))));

        var live = Live(state);
        Assert.Equal("third", live[a].Analysis!.Texts[0].RedactedText);
        Assert.Equal("other", live[b].Analysis!.Texts[0].RedactedText);
        Assert.Equal(2, state.Superseded);
        Assert.Equal(0, state.WithdrawnText);
        Assert.Equal(4, state.Records);
    }

    [Fact]
    public void A_withdrawal_is_sticky_whether_the_entry_was_written_before_or_after_it()
    {
        var before = NewId();
        var after = NewId();
        var never = NewId();
        var kept = NewId();
        var state = new DigestLogState();
        state.Add(Log(DigestLog.Upsert(Entry(before)), DigestLog.Upsert(Entry(kept)), DigestLog.Withdrawal(before), DigestLog.Withdrawal(after), DigestLog.Withdrawal(never)));
        // An analysis that raced the withdrawal writes its entry afterwards, in a later log too.
        state.Add(Log(DigestLog.Upsert(Entry(after))));
        state.Add(Log(DigestLog.Withdrawal(before)));

        Assert.Equal([kept], Live(state).Keys);
        Assert.Equal(new[] { before, after, never }.Order(StringComparer.Ordinal), state.Withdrawn().Order(StringComparer.Ordinal));
        // The text of 'before' (written before its withdrawal) and of 'after' (written after it) is still in the logs.
        Assert.Equal(2, state.WithdrawnText);
    }

    [Fact]
    public void The_compacted_log_keeps_one_record_per_response_no_withdrawn_text_and_folds_to_the_same_state()
    {
        var ids = Enumerable.Range(0, 6).Select(_ => NewId()).ToList();
        var state = new DigestLogState();
        state.Add(Log([.. ids.Select(id => DigestLog.Upsert(Entry(id, "old " + id)))]));
        state.Add(Log(DigestLog.Upsert(Entry(ids[1], "new text")), DigestLog.Withdrawal(ids[2]), DigestLog.Upsert(Entry(ids[2], "late secret"))));
        var header = DigestLog.Header([new LogBlobVersion("2026q1/s03/000001.log", "0x8D1"), new LogBlobVersion("2026q1/s03/000002.log", "0x8D2")]);

        var compacted = state.Compacted(header);
        var text = Encoding.UTF8.GetString(compacted);
        Assert.DoesNotContain("late secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("old " + ids[2], text, StringComparison.Ordinal);
        Assert.DoesNotContain("old " + ids[1], text, StringComparison.Ordinal);
        Assert.Equal(1 + ids.Count, text.Count(c => c == '\n'));
        Assert.Equal([new LogBlobVersion("2026q1/s03/000001.log", "0x8D1"), new LogBlobVersion("2026q1/s03/000002.log", "0x8D2")], DigestLog.Covers(compacted));

        var again = new DigestLogState();
        again.Add(compacted);
        Assert.Equal(0, again.WithdrawnText);
        Assert.Equal(0, again.Superseded);
        Assert.Equal(Live(state).ToDictionary(p => p.Key, p => JsonSerializer.Serialize(p.Value, FeedbackJson.Options)),
            Live(again).ToDictionary(p => p.Key, p => JsonSerializer.Serialize(p.Value, FeedbackJson.Options)));
        // The withdrawal is kept: an entry a late analysis writes after the compaction stays unlisted.
        again.Add(DigestLog.Upsert(Entry(ids[2], "later still")));
        Assert.DoesNotContain(ids[2], Live(again).Keys);
        // Compacting the same state gives the same bytes (records in id order).
        Assert.Equal(compacted, state.Compacted(header));
    }

    [Fact]
    public void A_log_without_a_header_covers_nothing_and_bad_records_are_refused()
    {
        Assert.Empty(DigestLog.Covers(DigestLog.Upsert(Entry(NewId()))));
        Assert.Empty(DigestLog.Covers(ReadOnlySpan<byte>.Empty));
        var state = new DigestLogState();
        Assert.Throws<InvalidDataException>(() => state.Add("{\"x\":1}\n"u8.ToArray()));
        Assert.Throws<InvalidDataException>(() => state.Add("{\"id\":\"A\",\"q\":1}\n"u8.ToArray()));
        Assert.Throws<InvalidDataException>(() => state.Add("[1]\n"u8.ToArray()));
    }

    [Fact]
    public void Shards_are_stable_and_spread()
    {
        // FNV-1a of the id's characters: fixed, so a shard never moves between versions.
        Assert.Equal(BlobDigestProjection.ShardOf("AAAAAAAAAA"), BlobDigestProjection.ShardOf("AAAAAAAAAA"));
        var counts = new int[BlobDigestProjection.Shards];
        for (var i = 0; i < 4_000; i++)
        {
            counts[BlobDigestProjection.ShardOf(NewId())]++;
        }
        Assert.All(counts, c => Assert.InRange(c, 150, 350));
        Assert.Equal("2026q1/s07/", BlobDigestProjection.ShardFolder(new Quarter(2026, 1), 7));
    }
}
