using Azure.Data.Tables;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ResponseRepositoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Received = new(2026, 2, 10, 14, 30, 15, 123, TimeSpan.Zero);
    private StorageScope _scope = null!;
    private ServiceProvider _sp = null!;
    private IResponseRepository _repo = null!;
    private TableClient _raw = null!;

    public async Task InitializeAsync()
    {
        _scope = azurite.NewScope();
        _sp = await TestData.CreatedServicesAsync(_scope);
        _repo = _sp.GetRequiredService<IResponseRepository>();
        _raw = _sp.GetRequiredService<TableServiceClient>().GetTableClient(_scope.Names.ResponsesTable);
    }

    public async Task DisposeAsync()
    {
        await _sp.DisposeAsync();
        await _scope.DisposeAsync();
    }

    [Fact]
    public async Task Add_and_find_round_trip_every_field_in_the_ids_own_partition()
    {
        var r = TestData.Response(Received) with { Provenance = new Provenance("Oak forum", "2026-02-09", 12), Channel = Channel.ForumNotes };
        Assert.True(await _repo.TryAddAsync(r));

        var raw = (await _raw.GetEntityAsync<TableEntity>(r.Id[..3], r.Id)).Value;
        Assert.Equal("club", raw.GetString("SurveyCode"));
        Assert.Equal("forum-notes", raw.GetString("Channel"));

        var found = await _repo.FindAsync(r.Id);
        Assert.NotNull(found);
        Assert.Equal(r.Id, found.Id);
        Assert.Equal("club", found.SurveyCode);
        Assert.Equal(Audience.Child, found.Audience);
        Assert.Equal(Received, found.ReceivedUtc);
        Assert.Equal("oak-youth", found.Venue);
        Assert.Equal(Channel.ForumNotes, found.Channel);
        Assert.Equal(["a", "b"], found.Answers["q3"]);
        Assert.Equal(["a"], found.Answers["q1"]);
        Assert.Equal(r.FreeText, found.FreeText);
        Assert.Equal(r.Provenance, found.Provenance);
        Assert.Null(found.Analysis);
    }

    [Fact]
    public async Task Find_reads_a_receipt_as_typed_and_misses_cleanly()
    {
        var r = TestData.Response(Received);
        await _repo.TryAddAsync(r);
        Assert.NotNull(await _repo.FindAsync(ResponseId.ToReceipt(r.Id).ToLowerInvariant()));
        Assert.Null(await _repo.FindAsync(ResponseId.New(Received)));
        Assert.Null(await _repo.FindAsync("not an id"));
    }

    [Fact]
    public async Task A_taken_id_is_refused_and_the_first_kept()
    {
        var r = TestData.Response(Received);
        Assert.True(await _repo.TryAddAsync(r));
        Assert.False(await _repo.TryAddAsync(r with { SurveyCode = "other" }));
        Assert.Equal("club", (await _repo.FindAsync(r.Id))!.SurveyCode);
        await Assert.ThrowsAsync<ArgumentException>(() => _repo.TryAddAsync(r with { Id = r.Id.ToLowerInvariant() }));
    }

    [Fact]
    public async Task Saved_analysis_is_read_back_and_denormalised_for_filters()
    {
        var r = TestData.Response(Received);
        await _repo.TryAddAsync(r);
        Assert.True(await _repo.SaveAnalysisAsync(r.Id, TestData.Analysis(concern: true)));

        var found = (await _repo.FindAsync(r.Id))!;
        Assert.NotNull(found.Analysis);
        var text = Assert.Single(found.Analysis.Texts);
        Assert.Equal("listen-to-me", Assert.Single(text.Result.Themes).ThemeId);
        Assert.Equal(SentimentLabel.Positive, text.Result.Sentiment.Label);
        Assert.Equal(ConcernCategory.SelfHarm, text.Result.Concern.Category);
        Assert.Equal(new AnalyzerInfo("local", "1.0.0", "2026.1"), found.Analysis.Analyzer);
        Assert.Equal(r.FreeText, found.FreeText);

        var raw = (await _raw.GetEntityAsync<TableEntity>(r.Id[..3], r.Id)).Value;
        Assert.Equal("listen-to-me", raw.GetString("Themes"));
        Assert.Equal("positive", raw.GetString("Sentiment"));
        Assert.True(raw.GetBoolean("ConcernFlagged"));
        Assert.Equal("local", raw.GetString("AnalyzerName"));
        Assert.Equal("1.0.0", raw.GetString("AnalyzerVersion"));
        Assert.Equal("2026.1", raw.GetString("TaxonomyVersion"));
    }

    [Fact]
    public async Task Saving_analysis_of_a_withdrawn_response_returns_false()
    {
        Assert.False(await _repo.SaveAnalysisAsync(ResponseId.New(Received), TestData.Analysis()));
        var r = TestData.Response(Received);
        await _repo.TryAddAsync(r);
        Assert.True(await _repo.DeleteAsync(r.Id));
        Assert.False(await _repo.SaveAnalysisAsync(r.Id, TestData.Analysis()));
    }

    [Fact]
    public async Task An_analysis_over_30000_characters_is_chunked_and_a_shorter_one_leaves_no_stale_chunk()
    {
        var r = TestData.Response(Received);
        await _repo.TryAddAsync(r);
        // 70,000 characters with emoji (surrogate pairs) so that a chunk boundary may fall inside one.
        var longText = string.Concat(Enumerable.Repeat("word 😀 ", 10_000));
        Assert.True(await _repo.SaveAnalysisAsync(r.Id, TestData.Analysis(longText)));

        var raw = (await _raw.GetEntityAsync<TableEntity>(r.Id[..3], r.Id)).Value;
        Assert.True(raw.ContainsKey("AnalysisJson1"));
        Assert.True(raw.ContainsKey("AnalysisJson2"));
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(((string)raw[i == 0 ? "AnalysisJson" : $"AnalysisJson{i}"]).Length <= 30_000));
        Assert.Equal(longText, Assert.Single((await _repo.FindAsync(r.Id))!.Analysis!.Texts).Result.RedactedText);

        Assert.True(await _repo.SaveAnalysisAsync(r.Id, TestData.Analysis("short", SentimentLabel.Negative)));
        raw = (await _raw.GetEntityAsync<TableEntity>(r.Id[..3], r.Id)).Value;
        Assert.False(raw.ContainsKey("AnalysisJson1"));
        Assert.Equal("negative", raw.GetString("Sentiment"));
        Assert.Equal("short", Assert.Single((await _repo.FindAsync(r.Id))!.Analysis!.Texts).Result.RedactedText);

        // Listing reads the chunks too.
        Assert.True(await _repo.SaveAnalysisAsync(r.Id, TestData.Analysis(longText)));
        var listed = await Collect(new ResponseQuery(Received.AddDays(-1), Received.AddDays(1)));
        Assert.Equal(longText, Assert.Single(Assert.Single(listed).Analysis!.Texts).Result.RedactedText);
    }

    [Fact]
    public async Task A_first_analysis_saved_at_the_read_version_is_one_merge_of_the_analysis_columns()
    {
        var r = TestData.Response(Received);
        await _repo.TryAddAsync(r);
        var read = (await _repo.FindVersionedAsync(r.Id))!;
        Assert.Equal(r.FreeText, read.Response.FreeText);
        Assert.NotNull(read.Version);

        var requests = new List<string>();
        var counted = CountingRepository(requests);
        Assert.True(await counted.SaveAnalysisAsync(r.Id, TestData.Analysis(concern: true), read.Version));
        Assert.Equal(["MERGE"], requests);

        var found = (await _repo.FindAsync(r.Id))!;
        Assert.Equal("listen-to-me", Assert.Single(Assert.Single(found.Analysis!.Texts).Result.Themes).ThemeId);
        Assert.Equal(r.FreeText, found.FreeText);
        Assert.Equal(r.Answers["q3"], found.Answers["q3"]);
        Assert.Equal(r.Venue, found.Venue);
        var raw = (await _raw.GetEntityAsync<TableEntity>(r.Id[..3], r.Id)).Value;
        Assert.True(raw.GetBoolean("ConcernFlagged"));
        Assert.Equal("2026.1", raw.GetString("TaxonomyVersion"));
    }

    [Fact]
    public async Task A_response_withdrawn_after_it_was_read_is_not_brought_back_by_its_analysis()
    {
        var r = TestData.Response(Received);
        await _repo.TryAddAsync(r);
        var read = (await _repo.FindVersionedAsync(r.Id))!;
        Assert.True(await _repo.DeleteAsync(r.Id));

        Assert.False(await _repo.SaveAnalysisAsync(r.Id, TestData.Analysis(), read.Version));
        Assert.Null(await _repo.FindAsync(r.Id));
    }

    [Fact]
    public async Task A_correction_saved_after_the_read_is_kept_when_the_analysis_is_saved()
    {
        var r = TestData.Response(Received);
        await _repo.TryAddAsync(r);
        var read = (await _repo.FindVersionedAsync(r.Id))!;
        var correction = new ThemeCorrection([new CorrectedAnswer("q2", [new ThemeMatch("early-help", "Early help", 1, [])])], "Officer", Received.AddDays(1), "2026.1");
        Assert.True(await ((IResponseCurationStore)_repo).SaveCorrectionAsync(r.Id, correction));

        Assert.True(await _repo.SaveAnalysisAsync(r.Id, TestData.Analysis(), read.Version));
        var found = (await _repo.FindAsync(r.Id))!;
        Assert.Equal("early-help", Assert.Single(Assert.Single(found.Correction!.Answers).Themes).ThemeId);
        Assert.Equal("Officer", found.Correction.CorrectedBy);
        Assert.Equal("listen-to-me", Assert.Single(Assert.Single(found.Analysis!.Texts).Result.Themes).ThemeId);
    }

    [Fact]
    public async Task A_shorter_reanalysis_at_the_read_version_leaves_no_stale_chunk()
    {
        var r = TestData.Response(Received);
        await _repo.TryAddAsync(r);
        var longText = string.Concat(Enumerable.Repeat("word 😀 ", 10_000));
        Assert.True(await _repo.SaveAnalysisAsync(r.Id, TestData.Analysis(longText)));

        var read = (await _repo.FindVersionedAsync(r.Id))!;
        Assert.True(await _repo.SaveAnalysisAsync(r.Id, TestData.Analysis("short", SentimentLabel.Negative), read.Version));
        var raw = (await _raw.GetEntityAsync<TableEntity>(r.Id[..3], r.Id)).Value;
        Assert.False(raw.ContainsKey("AnalysisJson1"));
        Assert.Equal("short", Assert.Single((await _repo.FindAsync(r.Id))!.Analysis!.Texts).Result.RedactedText);
    }

    [Fact]
    public async Task The_analysis_read_of_a_response_inserted_here_sends_no_request_and_matches_the_table_once()
    {
        var requests = new List<string>();
        var counted = CountingRepository(requests);
        // Sub-millisecond ticks, every optional field: what is remembered must be what a read of the table gives.
        var r = TestData.Response(Received.AddTicks(4_567)) with { Provenance = new Provenance("Oak forum", "2026-02-09", 12), Channel = Channel.ForumNotes };
        Assert.True(await counted.TryAddAsync(r));
        Assert.Equal(1, counted.RecentCount);

        var fromTable = (await _repo.FindVersionedAsync(r.Id))!; // another instance: it reads the table
        var remembered = (await counted.FindVersionedAsync(r.Id))!;
        Assert.Equal(["POST"], requests);
        Assert.Equal(fromTable.Version, remembered.Version);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(fromTable.Response, FeedbackCollector.Core.FeedbackJson.Options),
            System.Text.Json.JsonSerializer.Serialize(remembered.Response, FeedbackCollector.Core.FeedbackJson.Options));
        Assert.Equal(0, counted.RecentCount);

        // Taken once: a message handled a second time reads the table, and sees the analysis saved at the remembered version.
        Assert.True(await counted.SaveAnalysisAsync(r.Id, TestData.Analysis(), remembered.Version));
        var again = (await counted.FindVersionedAsync(r.Id))!;
        Assert.Equal(["POST", "MERGE", "GET"], requests);
        Assert.NotNull(again.Response.Analysis);
    }

    [Fact]
    public async Task A_remembered_insert_does_not_bring_back_a_response_withdrawn_on_another_instance()
    {
        var requests = new List<string>();
        var counted = CountingRepository(requests);
        var r = TestData.Response(Received);
        Assert.True(await counted.TryAddAsync(r));
        Assert.True(await _repo.DeleteAsync(r.Id));

        var remembered = (await counted.FindVersionedAsync(r.Id))!;
        Assert.False(await counted.SaveAnalysisAsync(r.Id, TestData.Analysis(), remembered.Version));
        Assert.Null(await _repo.FindAsync(r.Id));
    }

    // The repository over a table client that records the method of every request it sends (a merge is "MERGE" or a
    // PATCH, as the SDK sends it).
    private TableResponseRepository CountingRepository(List<string> methods)
    {
        var options = StorageClientFactory.TableOptions();
        options.AddPolicy(new RecordingPolicy(methods), Azure.Core.HttpPipelinePosition.PerRetry);
        var tables = new TableServiceClient(_scope.ConnectionString, options);
        return new TableResponseRepository(tables, Microsoft.Extensions.Options.Options.Create(_scope.Names));
    }

    private sealed class RecordingPolicy(List<string> methods) : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            var method = message.Request.Method.Method;
            lock (methods)
            {
                methods.Add(method == "PATCH" ? "MERGE" : method);
            }
        }
    }

    [Fact]
    public async Task Delete_reports_whether_there_was_one()
    {
        var r = TestData.Response(Received);
        await _repo.TryAddAsync(r);
        Assert.True(await _repo.DeleteAsync(ResponseId.ToReceipt(r.Id)));
        Assert.Null(await _repo.FindAsync(r.Id));
        Assert.False(await _repo.DeleteAsync(r.Id));
        Assert.False(await _repo.DeleteAsync("nonsense"));
    }

    [Fact]
    public async Task Listing_covers_every_bucket_of_every_overlapping_quarter_filtered_by_period_and_survey()
    {
        // Two quarters (2026-Q1 and 2026-Q2), two surveys, enough responses that most of the 32 buckets hold one.
        var q1 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var all = new List<SurveyResponse>();
        for (var i = 0; i < 80; i++)
        {
            var at = q1.AddDays(i * 2.2).AddMinutes(i); // Jan 1 to about Jun 22
            all.Add(TestData.Response(at, survey: i % 3 == 0 ? "school" : "club"));
        }
        // Boundary cases: exactly at the start (included) and exactly at the end (excluded).
        var from = new DateTimeOffset(2026, 2, 15, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero);
        all.Add(TestData.Response(from, "club"));
        all.Add(TestData.Response(to, "club"));
        // Same quarter, outside the range; and another year's same quarter.
        all.Add(TestData.Response(from.AddTicks(-1), "club"));
        all.Add(TestData.Response(from.AddYears(-1), "club"));
        await Parallel.ForEachAsync(all, async (r, ct) => Assert.True(await _repo.TryAddAsync(r, ct)));
        Assert.True(all.Select(r => r.Id[..3]).Distinct().Count() > 32, "responses should spread over many partitions of both quarters");

        var expectedClub = all.Where(r => r.ReceivedUtc >= from && r.ReceivedUtc < to && r.SurveyCode == "club").Select(r => r.Id).Order().ToList();
        var gotClub = (await Collect(new ResponseQuery(from, to, "club"))).Select(r => r.Id).Order().ToList();
        Assert.Equal(expectedClub, gotClub);
        Assert.Contains(all[80].Id, gotClub);
        Assert.DoesNotContain(all[81].Id, gotClub);
        Assert.Contains(gotClub, id => ResponseId.QuarterOf(id) == new Quarter(2026, 1));
        Assert.Contains(gotClub, id => ResponseId.QuarterOf(id) == new Quarter(2026, 2));

        var expectedAll = all.Where(r => r.ReceivedUtc >= from && r.ReceivedUtc < to).Select(r => r.Id).Order().ToList();
        var gotAll = (await Collect(new ResponseQuery(from, to))).Select(r => r.Id).Order().ToList();
        Assert.Equal(expectedAll, gotAll);
        Assert.Contains(gotAll, id => all.First(r => r.Id == id).SurveyCode == "school");

        Assert.Empty(await Collect(new ResponseQuery(to, from)));
        Assert.Empty(await Collect(new ResponseQuery(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero))));
        // Open ends are clamped (to the epoch, and to the quarter after now) rather than overflowing or sending a date
        // the service refuses.
        Assert.Equal(all.Count, (await Collect(new ResponseQuery(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.MaxValue))).Count);
        Assert.Empty(await Collect(new ResponseQuery(DateTimeOffset.MinValue, new DateTimeOffset(2020, 4, 1, 0, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public async Task A_caller_may_stop_listing_early_or_cancel()
    {
        for (var i = 0; i < 20; i++)
        {
            await _repo.TryAddAsync(TestData.Response(Received.AddHours(i)));
        }
        var query = new ResponseQuery(Received.AddDays(-1), Received.AddDays(2));
        await foreach (var r in _repo.ListAsync(query))
        {
            Assert.NotNull(r.Id);
            break;
        }
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _repo.ListAsync(query, cts.Token))
            {
                await cts.CancelAsync();
            }
        });
    }

    [Fact]
    public void Partitions_of_a_period_are_the_32_buckets_of_each_overlapping_quarter()
    {
        var now = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);
        var p = TableResponseRepository.PartitionsOf(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero), now);
        Assert.Equal(64, p.Count);
        Assert.Equal(64, p.Distinct().Count());
        Assert.Equal(32, p.Count(x => ResponseId.QuarterOf(x + "0000000") == new Quarter(2026, 1)));
        Assert.Empty(TableResponseRepository.PartitionsOf(new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2019, 12, 31, 0, 0, 0, TimeSpan.Zero), now));
        // Open-ended: 2020-Q1 up to the quarter after now's (2026-Q4), not to the last quarter ids could encode.
        var open = TableResponseRepository.PartitionsOf(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, now);
        Assert.Equal((new Quarter(2026, 4).Index + 1) * 32, open.Count);
        Assert.Empty(TableResponseRepository.PartitionsOf(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.MaxValue, now));
    }

    [Fact]
    public void Overall_sentiment_is_mixed_when_positive_meets_negative()
    {
        static ResponseAnalysis Of(params SentimentLabel[] labels) => new(
            labels.Select((l, i) => new TextAnalysis($"q{i}", TestData.Analysis(label: l).Texts[0].Result)).ToList(),
            DateTimeOffset.UnixEpoch, new AnalyzerInfo("x", "1", "1"));
        Assert.Equal(SentimentLabel.Mixed, TableResponseRepository.OverallSentiment(Of(SentimentLabel.Positive, SentimentLabel.Negative)));
        Assert.Equal(SentimentLabel.Negative, TableResponseRepository.OverallSentiment(Of(SentimentLabel.Neutral, SentimentLabel.Negative)));
        Assert.Equal(SentimentLabel.Neutral, TableResponseRepository.OverallSentiment(Of()));
        Assert.Equal(SentimentLabel.Mixed, TableResponseRepository.OverallSentiment(Of(SentimentLabel.Mixed)));
    }

    private async Task<List<SurveyResponse>> Collect(ResponseQuery query)
    {
        var list = new List<SurveyResponse>();
        await foreach (var r in _repo.ListAsync(query))
        {
            list.Add(r);
        }
        return list;
    }
}
