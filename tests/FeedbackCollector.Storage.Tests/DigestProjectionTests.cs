using Azure.Data.Tables;
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

/// <summary>The digest projection in Table storage, the pending responses, and the digest read through them.</summary>
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

        // The late entry itself is gone from storage after that read; the mark (no text) stays.
        var table = new TableServiceClient(_scope.ConnectionString)
            .GetTableClient(TableDigestProjection.TableName(_scope.Names.TablePrefix, Q1, TableDigestProjection.ShardOf(withdrawn.Id)));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(ResponseId.PartitionOf(withdrawn.Id), withdrawn.Id)).HasValue);
        var mark = await table.GetEntityAsync<TableEntity>(ResponseId.PartitionOf(withdrawn.Id), withdrawn.Id + TableDigestProjection.WithdrawnSuffix);
        Assert.Equal(true, mark.Value.GetBoolean("Withdrawn"));
        Assert.DoesNotContain(mark.Value.Keys, k => k.StartsWith("Entry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Entries_spread_over_the_quarter_s_shard_tables_and_never_hold_the_raw_text()
    {
        var responses = Enumerable.Range(0, 64).Select(i => Analysed(Q1.Start.AddHours(20 * i))).ToList();
        Assert.Equal(64, await ((TableDigestProjection)_projection).UpsertManyAsync(responses));

        var service = new TableServiceClient(_scope.ConnectionString);
        var names = new List<string>();
        await foreach (var t in service.QueryAsync(filter: $"TableName ge '{_scope.Names.TablePrefix}digest' and TableName lt '{_scope.Names.TablePrefix}digesu'"))
        {
            names.Add(t.Name);
        }
        Assert.Equal(responses.Select(r => TableDigestProjection.TableName(_scope.Names.TablePrefix, Q1, TableDigestProjection.ShardOf(r.Id))).Distinct().Order(StringComparer.Ordinal),
            names.Order(StringComparer.Ordinal));
        Assert.True(names.Count > TableDigestProjection.Shards / 2, "64 ids should fall in most of the 16 shards");
        var one = responses[0];
        var entity = await service.GetTableClient(TableDigestProjection.TableName(_scope.Names.TablePrefix, Q1, TableDigestProjection.ShardOf(one.Id)))
            .GetEntityAsync<TableEntity>(ResponseId.PartitionOf(one.Id), one.Id);
        var columns = string.Join(" ", ((IDictionary<string, object>)entity.Value).Values.Select(v => v?.ToString()));
        Assert.DoesNotContain("😀", columns, StringComparison.Ordinal);
        Assert.Contains("[name]", columns, StringComparison.Ordinal);
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
        foreach (var r in analysed)
        {
            await _projection.UpsertAsync(r);
        }

        var fromTable = Producer(useProjection: false);
        var fromProjection = Producer(useProjection: true);
        Assert.True(fromProjection.UsesProjection);
        var period = DigestPeriod.ForQuarter(Q1);
        var expected = await fromTable.ProduceAsync(period);
        AssertSame(expected, await fromProjection.ProduceAsync(period));
        // Some responses wait for analysis, corrections and concerns are there: the data set exercises the paths.
        Assert.Contains(all, r => r.Analysis is null && r.ReceivedUtc >= Q1.Start);

        // A projection that lost entries (written before it existed) and kept one of a withdrawn response: the rebuild repairs both.
        var service = new TableServiceClient(_scope.ConnectionString);
        foreach (var r in analysed.Where((_, i) => i % 3 == 0))
        {
            // Lost, not withdrawn: the row is simply missing.
            await service.GetTableClient(TableDigestProjection.TableName(_scope.Names.TablePrefix, ResponseId.QuarterOf(r.Id), TableDigestProjection.ShardOf(r.Id)))
                .DeleteEntityAsync(ResponseId.PartitionOf(r.Id), r.Id);
        }
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
