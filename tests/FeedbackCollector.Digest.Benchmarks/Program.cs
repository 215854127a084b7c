using System.Diagnostics;
using Azure.Storage.Blobs.Specialized;
using System.Text;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Digest;
using FeedbackCollector.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Digest benchmark. Without arguments: builds and renders the digest of a synthetic quarter of N responses (default
// 100,000) already in memory, and reports the time and the process's peak working set. With --azurite (and Storage set,
// e.g. UseDevelopmentStorage=true): seeds the quarter and 90 % as many in the previous quarter into storage once
// (--seed: the responses table and the digest projection; --seed-per-response writes the projection one append per
// response, as the analysis does) and times the whole digest as the timer runs it: read the
// digest projection and the pending responses, build, render, write to Blob storage. --table reads the responses table
// instead (the path before the projection); --compare runs both and checks that they give the same bytes.
var n = args.SkipWhile(a => a != "--count").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
var quarter = new Quarter(2026, 1);
var period = DigestPeriod.ForQuarter(quarter);
var surveys = Synthetic.Surveys();

if (args.Contains("--azurite"))
{
    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddFeedbackStorage(configuration);
    services.AddFeedbackDigest();
    await using var provider = services.BuildServiceProvider();
    await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync();
    if (args.Contains("--blocks"))
    {
        // What a log's block count costs to read: the same bytes (N entries) as N appended blocks and as one block.
        var blocks = args.SkipWhile(a => a != "--blocks").Skip(1).Select(int.Parse).First();
        var container = provider.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>().GetBlobContainerClient("blockcost");
        await container.CreateIfNotExistsAsync();
        var records = Synthetic.Responses(quarter, blocks, 3).Select(r => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(DigestEntry.From(r), FeedbackJson.Options).Append((byte)'\n').ToArray()).ToList();
        var many = container.GetAppendBlobClient("many");
        var one = container.GetAppendBlobClient("one");
        if (!await many.ExistsAsync())
        {
            await many.CreateAsync();
            await Parallel.ForEachAsync(Enumerable.Range(0, 4), async (k, ct) =>
            {
                for (var i = k; i < records.Count; i += 4)
                {
                    await many.AppendBlockAsync(new MemoryStream(records[i]), cancellationToken: ct);
                }
            });
            await one.CreateAsync();
            await one.AppendBlockAsync(new MemoryStream(records.SelectMany(r => r).ToArray()));
            Console.WriteLine($"Wrote {blocks:N0} blocks ({records.Sum(r => r.Length) / 1024:N0} KB)");
            return;
        }
        foreach (var (label, blob) in new[] { ("one block", one), ($"{blocks:N0} blocks", many), ("one block", one), ($"{blocks:N0} blocks", many) })
        {
            var w = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < 5; i++)
            {
                _ = (await blob.DownloadContentAsync()).Value.Content.ToMemory();
            }
            Console.WriteLine($"{label}: 5 downloads in {w.Elapsed.TotalMilliseconds:N0} ms (client CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds:N0} ms)");
        }
        return;
    }
    if (args.Contains("--seed"))
    {
        var repo = provider.GetRequiredService<IResponseRepository>();
        var surveyRepo = provider.GetRequiredService<ISurveyRepository>();
        foreach (var s in surveys)
        {
            await surveyRepo.TryAddAsync(s);
        }
        var seed = Stopwatch.StartNew();
        var done = 0;
        var table = (TableResponseRepository)repo;
        var projection = provider.GetRequiredService<BlobDigestProjection>();
        var perResponse = args.Contains("--seed-per-response");
        // The responses table: one transaction per partition's 100 responses (a request per response took 15 minutes under
        // load). The projection at the same time: by default in appends of up to 4 MB a shard (its bulk path, as a rebuild
        // writes it); with --seed-per-response one append per response, as the analysis function writes it, so each shard's
        // log holds one block per response like a quarter written live. Generated 10,000 at a time, so seeding holds little in memory.
        var tail = args.SkipWhile(a => a != "--seed-tail").Skip(1).Select(int.Parse).FirstOrDefault(0);
        var lastOfShard = new Dictionary<string, Queue<SurveyResponse>>(StringComparer.Ordinal);
        foreach (var window in Synthetic.Responses(quarter, n, 1).Concat(Synthetic.Responses(quarter.Previous, n * 9 / 10, 2)).Chunk(10_000))
        {
            foreach (var r in window.Where(_ => tail > 0))
            {
                var q = lastOfShard.TryGetValue(BlobDigestProjection.FolderOf(r.Id), out var found) ? found : lastOfShard[BlobDigestProjection.FolderOf(r.Id)] = new();
                q.Enqueue(r);
                if (q.Count > tail)
                {
                    q.Dequeue();
                }
            }
            var batches = window.GroupBy(r => ResponseId.PartitionOf(r.Id)).SelectMany(g => g.Chunk(TableResponseRepository.MaxBatch)).ToList();
            var tableTask = Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
            {
                // The emulator can time out under load; seeding is idempotent (a batch with a taken id stores nothing,
                // and is then added one by one with TryAdd), so try again.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        if (!await table.TryAddBatchAsync(batch, ct))
                        {
                            foreach (var r in batch)
                            {
                                await repo.TryAddAsync(r, ct);
                            }
                        }
                        break;
                    }
                    catch (StorageUnavailableException) when (attempt < 5)
                    {
                        await Task.Delay(500 * attempt, ct);
                    }
                }
            });
            // Projection writes are appends of whole records: one the emulator timed out but stored may be written twice,
            // which changes nothing (the last record of a response wins).
            var projectionTask = perResponse
                ? Parallel.ForEachAsync(window, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (r, ct) => await projection.UpsertAsync(r, ct))
                : projection.UpsertManyAsync(window);
            await Task.WhenAll(tableTask, projectionTask);
            done += window.Length;
            Console.WriteLine($"  {done:N0} stored after {seed.Elapsed.TotalSeconds:N0} s");
        }
        if (tail > 0)
        {
            // A quarter written live: each shard one compacted blob and a log of up to BlobDigestProjection.CompactAtBlocks
            // one-entry blocks (the worst case just before the write that compacts it: --seed-tail 999). The last entries of
            // each shard are written again one append each, as the analysis writes them; the state does not change.
            await projection.CompactAsync(quarter.Previous.Start, quarter.End);
            await Parallel.ForEachAsync(lastOfShard.Values, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (q, ct) =>
            {
                foreach (var r in q)
                {
                    await projection.UpsertAsync(r, ct);
                }
            });
            Console.WriteLine($"  compacted, then {lastOfShard.Values.Sum(q => q.Count):N0} entries appended one at a time ({tail:N0} a shard) after {seed.Elapsed.TotalSeconds:N0} s");
        }
        Console.WriteLine($"Seeded {done:N0} responses ({n:N0} in {quarter}, the rest in {quarter.Previous}) in {seed.Elapsed.TotalSeconds:N1} s");
        if (args.Contains("--seed-only"))
        {
            return;
        }
    }
    GC.Collect();
    if (args.Contains("--read"))
    {
        // Only the read of the projection, to tell it from building and rendering.
        var p = provider.GetRequiredService<IDigestProjection>();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var w = Stopwatch.StartNew();
        var count = 0;
        await foreach (var e in p.ListAsync(quarter.Previous.Start, quarter.End))
        {
            count += e.ToResponse().Analysis is null ? 0 : 1;
        }
        Console.WriteLine($"Read {count:N0} entries in {w.Elapsed.TotalSeconds:N2} s (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:N2} s)");
        return;
    }
    var archive = provider.GetRequiredService<IDigestArchive>();
    var fromProjection = (DigestProducer)provider.GetRequiredService<IDigestProducer>();
    var fromTable = new DigestProducer(provider.GetRequiredService<IResponseRepository>(), provider.GetRequiredService<ISurveyRepository>(),
        provider.GetRequiredService<IActionRepository>(), provider.GetRequiredService<FeedbackCollector.Core.Concerns.IConcernRepository>(),
        provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DigestOptions>>());
    async Task<byte[][]> RunAsync(DigestProducer producer, string label)
    {
        var handler = new QuarterlyDigestHandler(producer, archive, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<QuarterlyDigestHandler>.Instance);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var run = Stopwatch.StartNew();
        await handler.RunAsync(quarter, default);
        run.Stop();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"Digest of {quarter} over storage, {label}: {run.Elapsed.TotalSeconds:N2} s (CPU {(self.TotalProcessorTime - cpuBefore).TotalSeconds:N2} s); " +
                          $"peak working set {self.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB; managed heap now {GC.GetTotalMemory(false) / 1024.0 / 1024.0:N0} MB");
        var files = new List<byte[]>();
        foreach (var name in DigestPaths.Files.Keys.Order(StringComparer.Ordinal))
        {
            files.Add((await archive.ReadAsync(DigestPaths.Folder(quarter) + name))!.Value.Content);
        }
        var json = System.Text.Json.JsonDocument.Parse(files[Array.IndexOf(DigestPaths.Files.Keys.Order(StringComparer.Ordinal).ToArray(), DigestPaths.JsonFile)]);
        Console.WriteLine($"  {files.Sum(f => f.Length) / 1024:N0} KB written; responses {json.RootElement.GetProperty("responses").GetProperty("total")}, previous {json.RootElement.GetProperty("responses").GetProperty("previousTotal")}");
        return [.. files];
    }
    var viaTable = args.Contains("--table") || args.Contains("--compare") ? await RunAsync(fromTable, "from the responses table") : null;
    var viaProjection = args.Contains("--table") ? null : await RunAsync(fromProjection, "from the digest projection");
    if (viaTable is not null && viaProjection is not null)
    {
        var same = viaTable.Length == viaProjection.Length && viaTable.Zip(viaProjection).All(p => p.First.AsSpan().SequenceEqual(p.Second));
        Console.WriteLine(same ? "The two paths wrote the same bytes in every file." : "THE TWO PATHS DIFFER.");
        if (!same)
        {
            Environment.ExitCode = 1;
        }
    }
    if (args.Contains("--seed"))
    {
        Console.WriteLine("(The peak includes seeding: run again without --seed for the digest's own figure.)");
    }
    return;
}

if (args.Contains("--parse"))
{
    // Only our part of reading an entry: its JSON into a DigestEntry and that into a response, no storage.
    var json = Synthetic.Responses(quarter, n, 1).Select(r => System.Text.Json.JsonSerializer.Serialize(DigestEntry.From(r), FeedbackJson.Options)).ToList();
    Console.WriteLine($"Entry JSON: {json.Average(j => j.Length):N0} characters on average");
    for (var round = 0; round < 3; round++)
    {
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var count = 0;
        foreach (var j in json)
        {
            count += System.Text.Json.JsonSerializer.Deserialize<DigestEntry>(j, FeedbackJson.Options)!.ToResponse().Analysis is null ? 0 : 1;
        }
        Console.WriteLine($"Parsed {count:N0} entries: CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:N2} s");
    }
    return;
}
var current = Synthetic.Responses(quarter, n, 1).ToList();
var previous = Synthetic.Responses(quarter.Previous, n * 9 / 10, 2).ToList();
GC.Collect();
var before = GC.GetTotalMemory(true);
if (args.Contains("--phases"))
{
    for (var round = 0; round < 4; round++)
    {
        static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;
        var cpu0 = Cpu();
        var w = Stopwatch.StartNew();
        var b = new DigestBuilder(period, surveys);
        foreach (var r in current) { b.Add(r); }
        var tAdd = w.Elapsed;
        var cAdd = Cpu();
        foreach (var r in previous) { b.AddPrevious(r); }
        var tPrev = w.Elapsed;
        var cPrev = Cpu();
        var model = b.Build(1, 1);
        var tBuild = w.Elapsed;
        var cBuild = Cpu();
        Console.WriteLine($"add {tAdd.TotalMilliseconds:N0} ms (CPU {(cAdd - cpu0).TotalMilliseconds:N0}), previous {(tPrev - tAdd).TotalMilliseconds:N0} ms (CPU {(cPrev - cAdd).TotalMilliseconds:N0}), " +
                          $"build {(tBuild - tPrev).TotalMilliseconds:N0} ms (CPU {(cBuild - cPrev).TotalMilliseconds:N0}); CPU {(cBuild - cpu0).TotalMilliseconds:N0} ms; gen0 {GC.CollectionCount(0)} gen2 {GC.CollectionCount(2)}");
    }
    return;
}
for (var round = 0; round < 4; round++)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var model = DigestBuilder.Build(period, surveys, current, previous, [], 17, 12);
    var built = watch.Elapsed;
    var builtCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    var files = DigestRenderer.RenderAll(model);
    watch.Stop();
    Console.WriteLine($"round {round + 1}: {n:N0} responses (+{previous.Count:N0} previous): built in {built.TotalMilliseconds:N0} ms (CPU {builtCpu.TotalMilliseconds:N0} ms), with all five formats {watch.Elapsed.TotalMilliseconds:N0} ms (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:N0} ms); " +
                      $"{files.Sum(f => f.Content.Length) / 1024:N0} KB written ({files.Single(f => f.Name == DigestPaths.CommentsCsv).Content.Length / 1024:N0} KB of comments)");
}
using (var self = Process.GetCurrentProcess())
{
    Console.WriteLine($"Loaded data {(GC.GetTotalMemory(false) - before) / 1024.0 / 1024.0:N0} MB over the baseline; peak working set {self.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
}

/// <summary>A synthetic quarter: typical 1-3 sentence answers with themes, key phrases and sentiment, closed answers, a few concerns.</summary>
internal static class Synthetic
{
    private static readonly AnalyzerInfo Analyzer = new("local", "1.0.0", "2026.1");

    private static readonly (string Id, string Label)[] Themes =
    [
        ("listen-to-me", "Listen to me"), ("feeling-safe", "Feeling safe"), ("things-to-do", "Things to do"), ("getting-help", "Getting help"),
        ("school-life", "School life"), ("online-safety", "Online safety"), ("mental-health", "Mental health"), ("transport", "Transport"),
        ("family-life", "Family life"), ("police", "Police"), ("bullying", "Bullying"), ("youth-workers", "Youth workers"),
    ];

    private static readonly string[] Words = ["buses", "school", "teachers", "youth club", "park", "police", "phone", "online", "worker", "help", "waiting", "listen", "safe", "night", "friends", "money"];

    public static IReadOnlyList<FeedbackCollector.Core.Surveys.Survey> Surveys() =>
    [
        new() { Code = "young-voices", Title = "Young voices", Audience = Audience.Child, Status = FeedbackCollector.Core.Surveys.SurveyStatus.Open,
            Questions = [new() { Id = "listened", Kind = FeedbackCollector.Core.Surveys.QuestionKind.EmojiScale, Text = "Do adults listen to you?" },
                         new() { Id = "better", Kind = FeedbackCollector.Core.Surveys.QuestionKind.FreeText, Text = "What would make things better?" }] },
    ];

    public static IEnumerable<SurveyResponse> Responses(Quarter quarter, int count, int seed)
    {
        var rng = new Random(seed);
        var span = (quarter.End - quarter.Start).TotalSeconds;
        var audiences = new[] { Audience.Child, Audience.Child, Audience.Child, Audience.Parent, Audience.Practitioner, Audience.ForumNotes };
        for (var i = 0; i < count; i++)
        {
            var at = quarter.Start.AddSeconds(rng.NextDouble() * span);
            var themes = Enumerable.Range(0, rng.Next(0, 3)).Select(_ => Themes[Math.Min(Themes.Length - 1, (int)(Math.Abs(rng.NextDouble() * rng.NextDouble()) * Themes.Length))]).Distinct().ToList();
            var phrases = Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Words[rng.Next(Words.Length)] + " " + Words[rng.Next(Words.Length)]).ToList();
            var text = new StringBuilder();
            for (var s = rng.Next(1, 4); s > 0; s--)
            {
                text.Append("The ").Append(Words[rng.Next(Words.Length)]).Append(" and ").Append(Words[rng.Next(Words.Length)]).Append(" could be better for us. ");
            }
            var flagged = rng.Next(500) == 0;
            var label = (SentimentLabel)rng.Next(4);
            var result = new AnalysisResult("better", "en", themes.Select(t => new ThemeMatch(t.Id, t.Label, 0.8, [Words[rng.Next(Words.Length)]])).ToList(),
                new SentimentResult(label, 0.3, 0.4, 0.3), phrases, text.ToString().Trim(), [],
                flagged ? new ConcernResult(true, ConcernCategory.SelfHarm, [ConcernCategory.SelfHarm], "x") : ConcernResult.None, Analyzer);
            yield return new SurveyResponse
            {
                Id = ResponseId.New(at),
                SurveyCode = "young-voices",
                Audience = audiences[rng.Next(audiences.Length)],
                ReceivedUtc = at,
                Venue = "venue-" + rng.Next(40).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Channel = (Channel)rng.Next(4),
                Answers = new Dictionary<string, IReadOnlyList<string>> { ["listened"] = [rng.Next(1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture)] },
                FreeText = [new FreeTextAnswer("better", text.ToString().Trim())],
                Analysis = new ResponseAnalysis([new TextAnalysis("better", result)], at, Analyzer),
            };
        }
    }
}
