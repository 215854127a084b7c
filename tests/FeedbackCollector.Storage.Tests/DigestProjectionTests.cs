using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Digest;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage.Tests;

/// <summary>The digest projection in append-blob logs, the pending responses, and the digest read through them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DigestProjectionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Quarter Q1 = new(2026, 1);
    private StorageScope _scope = null!;
    private ServiceProvider _sp = null!;
    private TableResponseRepository _responses = null!;
    private IDigestProjection _projection = null!;

    public async Task InitializeAsync()
    {
        _scope = azurite.NewScope();
        _sp = await TestData.CreatedServicesAsync(_scope);
        _responses = (TableResponseRepository)_sp.GetRequiredService<IResponseRepository>();
        _projection = _sp.GetRequiredService<IDigestProjection>();
    }

    public async Task DisposeAsync()
    {
        await _sp.DisposeAsync();
        await _scope.DisposeAsync();
    }

    private static SurveyResponse Analysed(DateTimeOffset at, string redacted = "The staff listen to [name]") =>
        TestData.Response(at) with { Analysis = TestData.Analysis(redacted) };

    [Fact]
    public async Task Entries_are_upserted_read_by_period_and_deleted_by_id()
    {
        var inQ1 = Enumerable.Range(0, 40).Select(i => Analysed(Q1.Start.AddHours(50 * i))).ToList();
        var inQ2 = Analysed(Q1.End.AddDays(3));
        foreach (var r in inQ1.Append(inQ2))
        {
            await _projection.UpsertAsync(r);
        }
        var read = await _projection.ListAsync(Q1.Start, Q1.End).ToListAsync();
        Assert.Equal(inQ1.Select(r => r.Id).Order(StringComparer.Ordinal), read.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(read, e => Assert.Equal("The staff listen to [name]", e.Analysis!.Texts[0].RedactedText));
        // A period inside the quarter: only its days.
        var firstWeek = await _projection.ListAsync(Q1.Start, Q1.Start.AddDays(7)).ToListAsync();
        Assert.Equal(inQ1.Where(r => r.ReceivedUtc < Q1.Start.AddDays(7)).Select(r => r.Id).Order(StringComparer.Ordinal),
            firstWeek.Select(e => e.Id).Order(StringComparer.Ordinal));

        // Upserting again replaces: a correction changes the entry's themes, and no second entry appears.
        var corrected = inQ1[3] with { Correction = new ThemeCorrection([new CorrectedAnswer("q2", [new ThemeMatch("feeling-safe", "Feeling safe", 1, [])])], "Officer", Q1.Start, "2026.1") };
        await _projection.UpsertAsync(corrected);
        await _projection.UpsertAsync(corrected);
        read = await _projection.ListAsync(Q1.Start, Q1.End).ToListAsync();
        Assert.Equal(40, read.Count);
        Assert.Equal("feeling-safe", read.Single(e => e.Id == corrected.Id).Analysis!.Texts[0].Themes.Single().Id);

        await _projection.DeleteAsync(inQ1[5].Id);
        await _projection.DeleteAsync(inQ1[5].Id);
        await _projection.DeleteAsync(ResponseId.New(new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero)));
        read = await _projection.ListAsync(Q1.Start, Q1.End).ToListAsync();
        Assert.Equal(39, read.Count);
        Assert.DoesNotContain(read, e => e.Id == inQ1[5].Id);
        Assert.Single(await _projection.ListAsync(Q1.End, Q1.End.AddMonths(3)).ToListAsync());
        // A quarter nothing was written to has no tables: empty, not an error.
        Assert.Empty(await _projection.ListAsync(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero)).ToListAsync());
    }

    [Fact]
    public async Task An_entry_written_after_its_withdrawal_is_never_listed_and_is_removed()
    {
        var responses = Enumerable.Range(0, 24).Select(i => Analysed(Q1.Start.AddHours(70 * i))).ToList();
        foreach (var r in responses)
        {
            await _projection.UpsertAsync(r);
        }
        var withdrawn = responses[7];
        await _projection.DeleteAsync(withdrawn.Id);
        // An analysis that saved just before the withdrawal writes its entry after it.
        await _projection.UpsertAsync(withdrawn);

        var read = await _projection.ListAsync(Q1.Start, Q1.End).ToListAsync();
        Assert.Equal(responses.Where(r => r != withdrawn).Select(r => r.Id).Order(StringComparer.Ordinal), read.Select(e => e.Id).Order(StringComparer.Ordinal));
        // Within a shorter period of the quarter too (the mark has no date, it is read with every period).
        Assert.Empty(await _projection.ListAsync(withdrawn.ReceivedUtc.AddHours(-1), withdrawn.ReceivedUtc.AddHours(1)).ToListAsync());

        // The late entry's text is gone from storage after that read; the withdrawal record (no text) stays.
        var records = await RecordsAsync(BlobDigestProjection.FolderOf(withdrawn.Id));
        Assert.DoesNotContain(records, r => r.Id == withdrawn.Id && !r.Withdrawn);
        Assert.Contains(records, r => r.Id == withdrawn.Id && r.Withdrawn);
        Assert.Equal(responses.Count(r => BlobDigestProjection.FolderOf(r.Id) == BlobDigestProjection.FolderOf(withdrawn.Id)) - 1,
            records.Count(r => !r.Withdrawn));
    }

    [Fact]
    public async Task A_withdrawal_leaves_no_text_of_the_response_in_storage()
    {
        var responses = Enumerable.Range(0, 10).Select(i => Analysed(Q1.Start.AddHours(70 * i), "Answer number " + i + " [name]")).ToList();
        foreach (var r in responses)
        {
            await _projection.UpsertAsync(r);
            await _projection.UpsertAsync(r);
        }
        await _projection.DeleteAsync(responses[4].Id);

        var all = await AllBlobTextAsync();
        Assert.DoesNotContain("Answer number 4 ", all, StringComparison.Ordinal);
        Assert.Contains("Answer number 5 ", all, StringComparison.Ordinal);
        Assert.Equal(9, (await _projection.ListAsync(Q1.Start, Q1.End).ToListAsync()).Count);
    }

    [Fact]
    public async Task Writes_move_to_a_new_log_when_theirs_is_sealed_or_deleted_and_keep_their_order()
    {
        var r = Analysed(Q1.Start.AddDays(10), "first");
        await _projection.UpsertAsync(r);
        var folder = BlobDigestProjection.FolderOf(r.Id);
        var container = Container();
        var first = await container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = folder }).Select(b => b.Name).SingleAsync();
        // Closed the way a compaction closes it (a full log, 50,000 blocks, fails the same way): the next write opens a new log.
        await container.GetAppendBlobClient(first).SealAsync();
        await _projection.UpsertAsync(r with { Analysis = TestData.Analysis("second") });
        var logs = await container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = folder }).Select(b => b.Name).ToListAsync();
        Assert.Equal(2, logs.Count);
        Assert.Equal("second", (await _projection.ListAsync(Q1.Start, Q1.End).SingleAsync()).Analysis!.Texts[0].RedactedText);

        // Another instance (another process) with its own log in mind, whose log is then deleted: it lists and goes on.
        var other = new BlobDigestProjection(new BlobServiceClient(_scope.ConnectionString), Options.Create(_scope.Names));
        await other.UpsertAsync(r with { Analysis = TestData.Analysis("third") });
        await container.GetBlobClient(logs[^1]).DeleteAsync();
        await container.GetBlobClient(logs[0]).DeleteAsync();
        await other.UpsertAsync(r with { Analysis = TestData.Analysis("fourth") });
        await _projection.UpsertAsync(r with { Analysis = TestData.Analysis("fifth") });
        Assert.Equal("fifth", (await _projection.ListAsync(Q1.Start, Q1.End).SingleAsync()).Analysis!.Texts[0].RedactedText);
    }

    [Fact]
    public async Task A_log_that_reaches_the_block_limit_is_compacted_by_the_write_that_reaches_it()
    {
        var projection = new BlobDigestProjection(new BlobServiceClient(_scope.ConnectionString), Options.Create(_scope.Names)) { CompactAt = 10 };
        // Responses of one shard, each written twice (an analysis, then a correction).
        var folder = BlobDigestProjection.ShardFolder(Q1, 5);
        var responses = Enumerable.Range(0, 400).Select(i => Analysed(Q1.Start.AddHours(5 * i), "first"))
            .Where(r => BlobDigestProjection.FolderOf(r.Id) == folder).Take(12).ToList();
        foreach (var r in responses)
        {
            await projection.UpsertAsync(r);
            await projection.UpsertAsync(r with { Analysis = TestData.Analysis("second") });
        }
        var blobs = await Container().GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = folder })
            .Where(b => !b.Name.EndsWith("/lock", StringComparison.Ordinal)).ToListAsync();
        // 24 writes: compacted at the 10th and 20th block; the last four are in a new log.
        Assert.Single(blobs, b => b.Name.EndsWith(".compact", StringComparison.Ordinal));
        var log = Assert.Single(blobs, b => b.Name.EndsWith(".log", StringComparison.Ordinal));
        Assert.Equal(4, (await Container().GetAppendBlobClient(log.Name).GetPropertiesAsync()).Value.BlobCommittedBlockCount);
        var read = await projection.ListAsync(Q1.Start, Q1.End).ToListAsync();
        Assert.Equal(responses.Select(r => r.Id).Order(StringComparer.Ordinal), read.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(read, e => Assert.Equal("second", e.Analysis!.Texts[0].RedactedText));
    }

    [Fact]
    public async Task Entries_written_to_a_shard_while_an_append_is_in_flight_share_the_next_append_and_the_last_written_wins()
    {
        var folder = BlobDigestProjection.ShardFolder(Q1, 9);
        var responses = Enumerable.Range(0, 1_600).Select(i => Analysed(Q1.Start.AddHours(i), "first"))
            .Where(r => BlobDigestProjection.FolderOf(r.Id) == folder).Take(40).ToList();
        Assert.Equal(40, responses.Count);

        // All at once, as the analyses of a busy moment: the first goes alone, the rest wait for it and go together.
        await Task.WhenAll(responses.Select(r => _projection.UpsertAsync(r)));
        // Then each one again, later in time: a later write of the same response wins whichever append carries it.
        await Task.WhenAll(responses.Select(r => _projection.UpsertAsync(r with { Analysis = TestData.Analysis("second") })));

        var log = Assert.Single(await Container().GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = folder })
            .Where(b => b.Name.EndsWith(".log", StringComparison.Ordinal)).ToListAsync());
        var blocks = (await Container().GetAppendBlobClient(log.Name).GetPropertiesAsync()).Value.BlobCommittedBlockCount;
        Assert.InRange(blocks, 2, 20);
        var read = await _projection.ListAsync(Q1.Start, Q1.End).ToListAsync();
        Assert.Equal(responses.Select(r => r.Id).Order(StringComparer.Ordinal), read.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(read, e => Assert.Equal("second", e.Analysis!.Texts[0].RedactedText));
    }

    [Fact]
    public async Task Concurrent_writes_from_two_instances_while_shards_are_compacted_lose_nothing()
    {
        var other = new BlobDigestProjection(new BlobServiceClient(_scope.ConnectionString), Options.Create(_scope.Names));
        var blob = (BlobDigestProjection)_projection;
        var responses = Enumerable.Range(0, 160).Select(i => Analysed(Q1.Start.AddHours(13 * i), "v1")).ToList();
        var withdrawn = responses.Where((_, i) => i % 10 == 3).Select(r => r.Id).ToHashSet();
        using var stop = new CancellationTokenSource();
        var compacting = Task.Run(async () =>
        {
            var rounds = 0;
            while (!stop.IsCancellationRequested || rounds == 0)
            {
                await blob.CompactAsync(Q1.Start, Q1.End);
                rounds++;
            }
            return rounds;
        });
        await Parallel.ForEachAsync(responses.Select((r, i) => (r, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, ct) =>
        {
            var writer = p.i % 2 == 0 ? _projection : other;
            await writer.UpsertAsync(p.r, ct);
            await writer.UpsertAsync(p.r with { Analysis = TestData.Analysis("v2 " + p.i) }, ct);
            if (withdrawn.Contains(p.r.Id))
            {
                await writer.DeleteAsync(p.r.Id, ct);
                // A racing analysis, after the withdrawal.
                await writer.UpsertAsync(p.r with { Analysis = TestData.Analysis("late " + p.i) }, ct);
            }
        });
        stop.Cancel();
        Assert.True(await compacting >= 1);

        var read = (await _projection.ListAsync(Q1.Start, Q1.End).ToListAsync()).ToDictionary(e => e.Id);
        Assert.Equal(responses.Where(r => !withdrawn.Contains(r.Id)).Select(r => r.Id).Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
        for (var i = 0; i < responses.Count; i++)
        {
            if (!withdrawn.Contains(responses[i].Id))
            {
                Assert.Equal("v2 " + i, read[responses[i].Id].Analysis!.Texts[0].RedactedText);
            }
        }
        // After a last compaction every shard is one compacted log, with no late text left.
        await blob.CompactAsync(Q1.Start, Q1.End);
        var names = await Container().GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "2026q1/" }).Select(b => b.Name).ToListAsync();
        Assert.All(names, n => Assert.True(n.EndsWith(".compact", StringComparison.Ordinal) || n.EndsWith("/lock", StringComparison.Ordinal), n));
        Assert.DoesNotContain("late ", await AllBlobTextAsync(), StringComparison.Ordinal);
        Assert.Equal(read.Count, (await _projection.ListAsync(Q1.Start, Q1.End).ToListAsync()).Count);
    }

    [Fact]
    public async Task Entries_spread_over_the_quarter_s_shards_and_never_hold_the_raw_text()
    {
        var responses = Enumerable.Range(0, 64).Select(i => Analysed(Q1.Start.AddHours(20 * i))).ToList();
        Assert.Equal(64, await _projection.UpsertManyAsync(responses));

        var folders = await Container().GetBlobsAsync().Select(b => b.Name[..b.Name.LastIndexOf('/')]).Distinct().ToListAsync();
        Assert.Equal(responses.Select(r => BlobDigestProjection.FolderOf(r.Id).TrimEnd('/')).Distinct().Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));
        Assert.True(folders.Count > BlobDigestProjection.Shards / 2, "64 ids should fall in most of the 16 shards");
        var all = await AllBlobTextAsync();
        Assert.DoesNotContain("😀", all, StringComparison.Ordinal);
        Assert.Contains("[name]", all, StringComparison.Ordinal);
        Assert.Equal(responses.Select(r => r.Id).Order(StringComparer.Ordinal),
            (await _projection.ListAsync(Q1.Start, Q1.End).ToListAsync()).Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_response_is_pending_until_its_analysis_is_stored()
    {
        var waiting = TestData.Response(Q1.Start.AddDays(3));
        var done = TestData.Response(Q1.Start.AddDays(4));
        var later = TestData.Response(Q1.End.AddDays(4));
        Assert.True(await _responses.TryAddAsync(waiting));
        Assert.True(await _responses.TryAddAsync(done));
        Assert.True(await _responses.TryAddAsync(later));
        Assert.True(await _responses.TryAddAsync(Analysed(Q1.Start.AddDays(5))));

        var read = await _responses.FindVersionedAsync(done.Id);
        Assert.True(await _responses.SaveAnalysisAsync(done.Id, TestData.Analysis(), read!.Version));

        var pending = await _responses.ListPendingAsync(Q1.Start, Q1.End).ToListAsync();
        Assert.Equal([waiting.Id], pending.Select(r => r.Id));
        Assert.Equal(waiting.Answers.Keys, pending[0].Answers.Keys);
        Assert.Equal([waiting.Id, later.Id], (await _responses.ListPendingAsync(Q1.Start, Q1.End.AddMonths(3)).ToListAsync()).Select(r => r.Id));
        // The read-and-replace path clears it too.
        Assert.True(await _responses.SaveAnalysisAsync(waiting.Id, TestData.Analysis()));
        Assert.Empty(await _responses.ListPendingAsync(Q1.Start, Q1.End).ToListAsync());
    }

    [Fact]
    public async Task The_digest_from_the_projection_is_byte_for_byte_the_digest_from_the_responses_table_and_a_rebuild_repairs_it()
    {
        var surveys = _sp.GetRequiredService<ISurveyRepository>();
        Assert.NotNull(await surveys.TryAddAsync(TestData.Survey("club")));
        var curation = _sp.GetRequiredService<IResponseCurationStore>();
        var all = new List<SurveyResponse>();
        var rng = new Random(7);
        string[] texts = ["The staff listen to me", "Nothing to do at night", "I feel safe at the club", "The buses are late", "Staff help me with school"];
        foreach (var quarter in new[] { Q1.Previous, Q1 })
        {
            for (var i = 0; i < 60; i++)
            {
                var at = quarter.Start.AddHours(30 * i + rng.Next(20));
                var r = TestData.Response(at) with
                {
                    Audience = (Audience)(i % 3),
                    Venue = i % 5 == 0 ? null : "venue-" + (i % 4),
                    Channel = (Channel)(i % 4),
                    Answers = new Dictionary<string, IReadOnlyList<string>> { ["q1"] = [i % 3 == 0 ? "a" : "b"], ["q3"] = i % 2 == 0 ? ["a", "b"] : ["b"] },
                };
                var text = texts[i % texts.Length];
                if (i % 11 != 3)
                {
                    r = r with { Analysis = TestData.Analysis(text + (i % 7 == 0 ? " [name]" : ""), (SentimentLabel)(i % 4), concern: i % 17 == 5) };
                }
                all.Add(r);
            }
        }
        var analysed = all.Where(r => r.Analysis is not null).ToList();
        foreach (var r in all)
        {
            Assert.True(await _responses.TryAddAsync(r));
        }
        // An officer's corrections, stored in the table and (as ThemeCorrectionHandler does) in the projection.
        foreach (var r in analysed.Where((_, i) => i % 6 == 1).ToList())
        {
            var c = new ThemeCorrection([new CorrectedAnswer("q2", [new ThemeMatch("getting-help", "Getting help", 1, [])])], "Officer", Q1.Start, "2026.1");
            Assert.True(await curation.SaveCorrectionAsync(r.Id, c));
            analysed[analysed.IndexOf(r)] = r with { Correction = c };
        }
        // The projection lost a third of the entries (written before it existed, or a write that failed for good).
        foreach (var r in analysed.Where((_, i) => i % 3 != 0))
        {
            await _projection.UpsertAsync(r);
        }
        var fromTable = Producer(useProjection: false);
        var fromProjection = Producer(useProjection: true);
        Assert.True(fromProjection.UsesProjection);
        var period = DigestPeriod.ForQuarter(Q1);
        var expected = await fromTable.ProduceAsync(period);
        Assert.False(Same(expected, await fromProjection.ProduceAsync(period)));
        foreach (var r in analysed.Where((_, i) => i % 3 == 0))
        {
            await _projection.UpsertAsync(r);
        }
        AssertSame(expected, await fromProjection.ProduceAsync(period));
        // Some responses wait for analysis, corrections and concerns are there: the data set exercises the paths.
        Assert.Contains(all, r => r.Analysis is null && r.ReceivedUtc >= Q1.Start);

        // Lost again, and an entry kept of a withdrawn response: the rebuild repairs both.
        var lost = analysed.Where((_, i) => i % 3 == 0).Select(r => r.Id).ToHashSet();
        await DropEntriesAsync(lost);
        // Flagged as a concern, so never quoted: the digest's quote check (which would remove a quoted orphan itself) leaves
        // it to the rebuild whatever its random id.
        var gone = TestData.Response(Q1.Start.AddDays(9)) with { Analysis = TestData.Analysis("The staff listen to [name]", concern: true) };
        await _projection.UpsertAsync(gone);
        Assert.False(Same(expected, await fromProjection.ProduceAsync(period)));
        var rebuilder = new DigestProjectionRebuilder(_responses, _projection);
        var result = await rebuilder.RebuildAsync(Q1.Start, Q1.End);
        Assert.Equal(new DigestProjectionRebuild(60, 1), result);
        await rebuilder.RebuildAsync(Q1.Previous.Start, Q1.Previous.End);
        AssertSame(expected, await fromProjection.ProduceAsync(period));
        // The rebuild compacted the quarters it wrote: one compacted log a shard, nothing of the withdrawn response left.
        Assert.All(await Container().GetBlobsAsync().Select(b => b.Name).ToListAsync(),
            n => Assert.True(n.EndsWith(".compact", StringComparison.Ordinal) || n.EndsWith("/lock", StringComparison.Ordinal), n));
        Assert.DoesNotContain((await RecordsAsync(BlobDigestProjection.FolderOf(gone.Id))), r => r.Id == gone.Id && !r.Withdrawn);
    }

    [Fact]
    public async Task The_command_rebuilds_a_quarter_and_refuses_bad_periods()
    {
        var stored = Enumerable.Range(0, 12).Select(i => i % 4 == 0 ? TestData.Response(Q1.Start.AddDays(i)) : Analysed(Q1.Start.AddDays(i))).ToList();
        foreach (var r in stored)
        {
            Assert.True(await _responses.TryAddAsync(r));
        }
        var command = new Cli.Commands.ProjectionCommand((_, _) => Task.FromResult<IServiceProvider>(_sp));
        var output = new StringWriter();
        var console = new Cli.CliConsole(TextReader.Null, output, new StringWriter(), false);

        Assert.Equal(0, await command.RunAsync(Cli.CliArgs.Parse(["--quarter", "2026-Q1"]), console, default));
        Assert.Contains("12 responses written, 0 entries", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(stored.Select(r => r.Id).Order(StringComparer.Ordinal),
            (await _projection.ListAsync(Q1.Start, Q1.End).ToListAsync()).Select(e => e.Id).Order(StringComparer.Ordinal));

        await Assert.ThrowsAsync<Cli.CliUsageException>(() => command.RunAsync(Cli.CliArgs.Parse(["--quarter", "2026-Q9"]), console, default));
        await Assert.ThrowsAsync<Cli.CliUsageException>(() => command.RunAsync(Cli.CliArgs.Parse(["--from", "2026-02-01", "--to", "2026-01-01"]), console, default));
        await Assert.ThrowsAsync<Cli.CliUsageException>(() => command.RunAsync(Cli.CliArgs.Parse(["--quarter", "2026-Q1", "--from", "2026-01-01"]), console, default));
    }

    private BlobContainerClient Container() => new BlobServiceClient(_scope.ConnectionString).GetBlobContainerClient(_scope.Names.DigestProjectionContainer);

    /// <summary>Every record stored in a shard's blobs, in no particular order.</summary>
    private async Task<List<LogRecord>> RecordsAsync(string folder)
    {
        var list = new List<LogRecord>();
        var container = Container();
        await foreach (var b in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = folder }))
        {
            var content = (await container.GetBlobClient(b.Name).DownloadContentAsync()).Value.Content.ToMemory();
            list.AddRange(DigestLog.Records(content));
        }
        return list;
    }

    /// <summary>The text of every blob of the projection.</summary>
    private async Task<string> AllBlobTextAsync()
    {
        var sb = new StringBuilder();
        var container = Container();
        await foreach (var b in container.GetBlobsAsync())
        {
            sb.Append((await container.GetBlobClient(b.Name).DownloadContentAsync()).Value.Content.ToString()).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Rewrites the shards without the entries of <paramref name="ids"/>, as if they had never been written (not withdrawn).</summary>
    private async Task DropEntriesAsync(HashSet<string> ids)
    {
        var container = Container();
        var names = await container.GetBlobsAsync().Select(b => b.Name).Where(n => !n.EndsWith("/lock", StringComparison.Ordinal)).ToListAsync();
        foreach (var name in names)
        {
            var content = (await container.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToMemory();
            var kept = new List<byte>();
            foreach (var line in Encoding.UTF8.GetString(content.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var rec = DigestLog.Records(Encoding.UTF8.GetBytes(line + "\n")).ToList();
                if (rec.Count == 1 && ids.Contains(rec[0].Id) && !rec[0].Withdrawn)
                {
                    continue;
                }
                kept.AddRange(Encoding.UTF8.GetBytes(line + "\n"));
            }
            await container.GetBlobClient(name).DeleteAsync();
            var log = container.GetAppendBlobClient(name);
            await log.CreateAsync();
            if (kept.Count > 0)
            {
                await log.AppendBlockAsync(new MemoryStream([.. kept]));
            }
        }
    }

    private DigestProducer Producer(bool useProjection) => new(
        _sp.GetRequiredService<IResponseRepository>(), _sp.GetRequiredService<ISurveyRepository>(), _sp.GetRequiredService<IActionRepository>(),
        _sp.GetRequiredService<IConcernRepository>(), Options.Create(new DigestOptions()),
        useProjection ? _projection : null, useProjection ? _sp.GetRequiredService<IPendingResponseSource>() : null);

    private static bool Same(IReadOnlyList<DigestFile> a, IReadOnlyList<DigestFile> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Name == p.Second.Name && p.First.Content.AsSpan().SequenceEqual(p.Second.Content));

    private static void AssertSame(IReadOnlyList<DigestFile> a, IReadOnlyList<DigestFile> b)
    {
        Assert.Equal(a.Select(f => f.Name), b.Select(f => f.Name));
        foreach (var (x, y) in a.Zip(b))
        {
            Assert.True(x.Content.AsSpan().SequenceEqual(y.Content), x.Name + " differs");
        }
    }
}
