using System.Diagnostics;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class HealthAndStartupTests(AzuriteFixture azurite)
{
    private static ServiceProvider DownServices() => new ServiceCollection().AddLogging()
        .AddFeedbackStorage(new ConfigurationBuilder().AddInMemoryCollection([new("Storage", TestData.ClosedConnectionString())]).Build())
        .BuildServiceProvider();

    [Fact]
    public async Task Health_is_null_when_everything_exists_and_names_what_is_missing_otherwise()
    {
        await using var scope = azurite.NewScope();
        await using var sp = TestData.Services(scope);
        var health = sp.GetRequiredService<IStorageHealth>();
        var before = await health.CheckAsync();
        Assert.NotNull(before);
        Assert.Contains("tables: not created yet", before);
        Assert.Contains("queues: not created yet", before);
        Assert.Contains("blobs: not created yet", before);

        await sp.GetRequiredService<StorageInitializer>().EnsureCreatedAsync();
        Assert.Null(await health.CheckAsync());
    }

    [Fact]
    public async Task Health_reports_every_service_quickly_when_storage_is_down()
    {
        await using var sp = DownServices();
        var clock = Stopwatch.StartNew();
        var result = await sp.GetRequiredService<IStorageHealth>().CheckAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.NotNull(result);
        Assert.Contains("tables: unreachable", result);
        Assert.Contains("queues: unreachable", result);
        Assert.Contains("blobs: unreachable", result);
    }

    [Fact]
    public async Task Every_adapter_throws_storage_unavailable_quickly_when_storage_is_down()
    {
        await using var sp = DownServices();
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("surveys", () => sp.GetRequiredService<ISurveyRepository>().FindAsync("club")),
            ("responses", () => sp.GetRequiredService<IResponseRepository>().FindAsync(Core.Responses.ResponseId.New(DateTimeOffset.UtcNow))),
            ("list", async () =>
            {
                await foreach (var _ in sp.GetRequiredService<IResponseRepository>().ListAsync(new ResponseQuery(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow)))
                {
                }
            }),
            ("keys", () => sp.GetRequiredService<IRoleKeyRepository>().ListAsync()),
            ("concerns", () => sp.GetRequiredService<Core.Concerns.IConcernRepository>().ListAsync()),
            ("send", () => sp.GetRequiredService<IQueueSender>().SendAsync("analysis", "x")),
            ("poison", () => sp.GetRequiredService<IPoisonQueueAdmin>().PeekAsync("analysis", 5)),
            ("blobs", () => sp.GetRequiredService<IDigestArchive>().ListAsync("2026")),
        };
        foreach (var (name, call) in calls)
        {
            var clock = Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<StorageUnavailableException>(call);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{name} took {clock.Elapsed}");
            Assert.StartsWith("Storage is unavailable (", ex.Message);
            Assert.DoesNotContain('\n', ex.Message);
        }
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation()
    {
        await using var sp = DownServices();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sp.GetRequiredService<ISurveyRepository>().ListAsync(cts.Token));
    }

    [Fact]
    public async Task The_initializer_creates_everything_and_is_idempotent()
    {
        await using var scope = azurite.NewScope();
        await using var sp = TestData.Services(scope);
        var init = sp.GetRequiredService<StorageInitializer>();
        await init.StartAsync(CancellationToken.None);
        await init.Created.WaitAsync(TimeSpan.FromSeconds(5));
        await init.EnsureCreatedAsync();
        await init.StopAsync(CancellationToken.None);

        var tables = new List<string>();
        await foreach (var t in azurite.CreateTableServiceClient().QueryAsync())
        {
            if (t.Name.StartsWith(scope.Names.TablePrefix, StringComparison.Ordinal))
            {
                tables.Add(t.Name);
            }
        }
        Assert.Equal(scope.Names.Tables.Order(), tables.Order());
        foreach (var q in scope.Names.Queues)
        {
            Assert.True((await azurite.CreateQueueServiceClient().GetQueueClient(q).ExistsAsync()).Value, q);
        }
        Assert.True((await azurite.CreateBlobServiceClient().GetBlobContainerClient(scope.Names.DigestContainer).ExistsAsync()).Value);
    }

    [Fact]
    public async Task When_storage_is_down_start_gives_up_waiting_but_keeps_trying_in_the_background()
    {
        await using var sp = DownServices();
        var logs = new ListLogger();
        var init = new StorageInitializer(sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>(), sp.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>(),
            sp.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>(), Options.Create(new StorageNamesOptions()), logs) { StartTimeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        await init.StartAsync(CancellationToken.None);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(6));
        Assert.False(init.Created.IsCompleted);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Storage not answering (attempt 1)", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("starting without it", StringComparison.Ordinal));
        await init.StopAsync(CancellationToken.None);
        Assert.True(init.Created.IsCanceled);
        init.Dispose();
    }

    private sealed class ListLogger : ILogger<StorageInitializer>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
