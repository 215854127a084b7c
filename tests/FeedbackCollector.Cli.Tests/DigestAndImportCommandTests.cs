using System.Text;
using FeedbackCollector.Cli.Commands;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FeedbackCollector.Cli.Tests;

/// <summary>Files in memory: the command tests touch no disk.</summary>
internal sealed class MemoryFiles : ICliFiles
{
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public List<string> Directories { get; } = [];

    public bool Exists(string path) => Files.ContainsKey(path);

    public Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken) => Task.FromResult(Files[path]);

    public void CreateDirectory(string path) => Directories.Add(path);

    public Task WriteAllBytesAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        Files[path] = content;
        return Task.CompletedTask;
    }
}

/// <summary><c>feedback digest</c> against mocked ports: period parsing, usage errors, exit codes and the files written.</summary>
public class DigestCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly Mock<IDigestProducer> _producer = new(MockBehavior.Strict);
    private readonly Mock<IDigestArchive> _archive = new(MockBehavior.Strict);
    private readonly MemoryFiles _files = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly List<(string Path, string Type, byte[] Content)> _saved = [];
    private int _servicesMade;
    private DigestPeriod? _produced;
    private Exception? _servicesFail;

    public DigestCommandTests()
    {
        _producer.Setup(p => p.ProduceAsync(It.IsAny<DigestPeriod>(), It.IsAny<CancellationToken>()))
            .Callback<DigestPeriod, CancellationToken>((p, _) => _produced = p)
            .ReturnsAsync((DigestPeriod p, CancellationToken _) => DigestPaths.Files.Select(f => new DigestFile(f.Key, f.Value, Encoding.UTF8.GetBytes($"{p.Key} {f.Key}"))).ToList());
        _archive.Setup(a => a.SaveAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, ReadOnlyMemory<byte>, CancellationToken>((p, t, c, _) => _saved.Add((p, t, c.ToArray())))
            .Returns(Task.CompletedTask);
    }

    private Task<int> Run(params string[] args)
    {
        var command = new DigestCommand((_, _) =>
        {
            _servicesMade++;
            if (_servicesFail is not null)
            {
                throw _servicesFail;
            }
            return Task.FromResult<IServiceProvider>(new ServiceCollection().AddSingleton(_producer.Object).AddSingleton(_archive.Object).BuildServiceProvider());
        }, _files, new FakeTimeProvider(Now));
        return command.RunAsync(CliArgs.Parse(args), new CliConsole(TextReader.Null, _out, _err, false), default);
    }

    [Theory]
    [InlineData()]
    [InlineData("--from", "2026-01-01")]
    [InlineData("--to", "2026-03-31")]
    [InlineData("--quarter", "2026-Q1", "--from", "2026-01-01")]
    [InlineData("--quarter", "2026-Q5")]
    [InlineData("--quarter", "Q1-2026")]
    [InlineData("--from", "2026-02-30", "--to", "2026-03-31")]
    [InlineData("--from", "01/01/2026", "--to", "2026-03-31")]
    [InlineData("--from", "2026-03-31", "--to", "2026-01-01")]
    [InlineData("--from", "2019-01-01", "--to", "2019-03-31")]
    [InlineData("--from", "2022-01-01", "--to", "2026-03-31")]
    [InlineData("--from", "2026-06-01", "--to", "2026-06-30")]
    [InlineData("--quarter", "2026-Q1", "--outt", "x")]
    public async Task Usage_mistakes_and_bad_periods_are_usage_errors_before_touching_storage(params string[] args)
    {
        await Assert.ThrowsAsync<CliUsageException>(() => Run(args));
        Assert.Equal(0, _servicesMade);
    }

    [Fact]
    public async Task A_period_starting_after_today_is_refused_with_the_reason_but_one_still_running_is_built()
    {
        // Today is 2026-05-10 by the fake clock.
        var ex = await Assert.ThrowsAsync<CliUsageException>(() => Run("--from", "2026-05-11", "--to", "2026-05-31"));
        Assert.Contains("future", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, _servicesMade);
        Assert.Equal(0, await Run("--from", "2026-05-10", "--to", "2026-05-31"));
        Assert.Equal("2026-05-10_2026-05-31", _produced!.Key);
    }

    [Fact]
    public async Task A_quarter_is_built_and_stored_under_its_key_and_nothing_is_written_to_disk_without_out()
    {
        Assert.Equal(0, await Run("--quarter", "2026-Q1"));

        Assert.NotNull(_produced);
        Assert.Equal("2026-Q1", _produced.Key);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), _produced.FromUtc);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), _produced.ToUtc);
        Assert.Equal(DigestPaths.Files.Keys.Select(k => "2026-Q1/" + k).Order(StringComparer.Ordinal), _saved.Select(s => s.Path).Order(StringComparer.Ordinal));
        Assert.All(_saved, s => Assert.Equal(DigestPaths.Files[s.Path["2026-Q1/".Length..]], s.Type));
        Assert.Empty(_files.Files);
        Assert.Empty(_files.Directories);
        var output = _out.ToString();
        Assert.Contains("stored in 2026-Q1/", output);
        foreach (var name in DigestPaths.Files.Keys)
        {
            Assert.Contains(name, output);
        }
        Assert.Equal("", _err.ToString());
    }

    [Fact]
    public async Task The_whole_quarter_given_as_days_is_the_quarter()
    {
        Assert.Equal(0, await Run("--from", "2026-01-01", "--to", "2026-03-31"));
        Assert.Equal("2026-Q1", _produced!.Key);
    }

    [Fact]
    public async Task Days_are_both_included_and_out_writes_every_file_to_the_folder()
    {
        var dir = Path.Combine("reports", "early-2026");
        Assert.Equal(0, await Run("--from", "2026-01-01", "--to", "2026-02-14", "--out", dir));

        Assert.Equal("2026-01-01_2026-02-14", _produced!.Key);
        Assert.Equal(new DateTimeOffset(2026, 2, 15, 0, 0, 0, TimeSpan.Zero), _produced.ToUtc);
        Assert.All(_saved, s => Assert.StartsWith("2026-01-01_2026-02-14/", s.Path));
        Assert.Equal([dir], _files.Directories);
        Assert.Equal(DigestPaths.Files.Keys.Select(k => Path.Combine(dir, k)).Order(StringComparer.Ordinal), _files.Files.Keys.Order(StringComparer.Ordinal));
        // The same bytes as stored in the archive.
        foreach (var (path, _, content) in _saved)
        {
            Assert.Equal(content, _files.Files[Path.Combine(dir, path[(path.IndexOf('/') + 1)..])]);
        }
        Assert.Contains("→ " + Path.Combine(dir, "digest.html"), _out.ToString());
    }

    [Fact]
    public async Task Storage_down_exits_3_and_nothing_is_written()
    {
        _producer.Setup(p => p.ProduceAsync(It.IsAny<DigestPeriod>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StorageUnavailableException("Storage is unavailable."));
        Assert.Equal(CliStorage.UnavailableExitCode, await Run("--quarter", "2026-Q1", "--out", "x"));
        Assert.Empty(_saved);
        Assert.Empty(_files.Files);
        Assert.Contains("is Azurite running", _err.ToString());
    }

    [Fact]
    public async Task Unconfigured_storage_exits_1_with_the_reason()
    {
        _servicesFail = new OptionsValidationException("Storage", typeof(object), ["Storage needs a connection string or service addresses."]);
        Assert.Equal(1, await Run("--quarter", "2026-Q1"));
        Assert.Contains("Storage is not configured", _err.ToString());
        Assert.Null(_produced);
    }
}

/// <summary><c>feedback import</c> against mocked ports: usage errors, exit codes, the dry run and what is stored.</summary>
public class ImportCommandTests
{
    private const string File = "export.csv";
    private const string GoogleCsv =
        "Timestamp,Email Address,What should change?\n" +
        "\"2026/03/15 10:22:33 AM GMT\",a@b.c,A quiet room at the library for homework please\n" +
        "\"2026/03/16 09:00:00 PM GMT\",,Cheaper swimming for under 16s and longer opening hours\n" +
        "\"2026/03/17 08:00:00 AM GMT\",,\n";

    private readonly Mock<IUploadLedger> _ledger = new();
    private readonly Mock<IResponseRepository> _responses = new();
    private readonly Mock<IQueueSender> _queue = new();
    private readonly MemoryFiles _files = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly List<SurveyResponse> _stored = [];
    private readonly List<string> _queued = [];
    private int _servicesMade;

    public ImportCommandTests()
    {
        _files.Files[File] = Encoding.UTF8.GetBytes(GoogleCsv);
        _ledger.Setup(l => l.TryAddAsync(It.IsAny<UploadRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _responses.Setup(r => r.TryAddAsync(It.IsAny<SurveyResponse>(), It.IsAny<CancellationToken>()))
            .Callback<SurveyResponse, CancellationToken>((r, _) => _stored.Add(r)).ReturnsAsync(true);
        _queue.Setup(q => q.SendAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, CancellationToken>((_, id, _) => _queued.Add(id)).Returns(Task.CompletedTask);
    }

    private Task<int> Run(params string[] args)
    {
        var command = new ImportCommand((_, _) =>
        {
            _servicesMade++;
            var services = new ServiceCollection()
                .AddSingleton(_ledger.Object).AddSingleton(_responses.Object).AddSingleton(_queue.Object)
                .AddSingleton(Options.Create(new StorageNamesOptions()))
                .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.Zero)))
                .AddSingleton<ILogger<ImportHandler>>(NullLogger<ImportHandler>.Instance)
                .AddSingleton<ImportHandler>();
            return Task.FromResult<IServiceProvider>(services.BuildServiceProvider());
        }, _files);
        return command.RunAsync(CliArgs.Parse(args, "dry-run"), new CliConsole(TextReader.Null, _out, _err, false), default);
    }

    [Theory]
    [InlineData("--source", "google", "--survey", "youth-2026", "--audience", "child")]
    [InlineData("--file", File, "--survey", "youth-2026", "--audience", "child")]
    [InlineData("--file", File, "--source", "google", "--audience", "child")]
    [InlineData("--file", File, "--source", "google", "--survey", "youth-2026")]
    [InlineData("--file", File, "--source", "typeform", "--survey", "youth-2026", "--audience", "child")]
    [InlineData("--file", File, "--source", "google", "--survey", "youth-2026", "--audience", "forum-notes")]
    [InlineData("--file", File, "--source", "google", "--survey", "youth-2026", "--audience", "teacher")]
    [InlineData("--file", File, "--source", "google", "--survey", "youth-2026", "--audience", "child", "--text-column", "3")]
    public async Task Usage_mistakes_are_usage_errors_before_reading_or_storing(params string[] args)
    {
        await Assert.ThrowsAsync<CliUsageException>(() => Run(args));
        Assert.Equal(0, _servicesMade);
        Assert.Empty(_stored);
    }

    [Fact]
    public async Task A_missing_file_exits_1()
    {
        Assert.Equal(1, await Run("--file", "nope.csv", "--source", "google", "--survey", "youth-2026", "--audience", "child"));
        Assert.Contains("No file 'nope.csv'", _err.ToString());
        Assert.Equal(0, _servicesMade);
    }

    [Fact]
    public async Task A_file_that_is_not_the_export_exits_1_with_what_is_wrong_and_stores_nothing()
    {
        _files.Files["bad.csv"] = Encoding.UTF8.GetBytes("Timestamp,Idea\n\"2026/03/15 10:22:33 AM GMT\",A quiet room\n");
        Assert.Equal(1, await Run("--file", "bad.csv", "--source", "google", "--survey", "youth-2026", "--audience", "child", "--text-columns", "Nothing like it"));
        Assert.NotEqual("", _err.ToString().Trim());
        Assert.Equal(0, _servicesMade);
        Assert.Empty(_stored);
    }

    [Fact]
    public async Task A_dry_run_shows_the_rows_and_stores_nothing_even_without_survey_or_audience()
    {
        Assert.Equal(0, await Run("--file", File, "--source", "google", "--dry-run"));
        Assert.Equal(0, _servicesMade);
        Assert.Empty(_stored);
        Assert.Contains("2 rows with an answer, of 3", _err.ToString());
        // The email column is never a text column.
        Assert.DoesNotContain("Email", _err.ToString().Split("text columns:")[1].Split("; date column")[0]);
        var lines = _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("line 2, 2026-03-15 10:22Z", lines[0]);
    }

    [Fact]
    public async Task Each_answer_is_stored_as_an_import_response_and_queued()
    {
        Assert.Equal(0, await Run("--file", File, "--source", "google", "--survey", "youth-2026", "--audience", "child", "--connection", "UseDevelopmentStorage=true"));

        Assert.Equal(1, _servicesMade);
        Assert.Equal(2, _stored.Count);
        Assert.All(_stored, r =>
        {
            Assert.Equal("youth-2026", r.SurveyCode);
            Assert.Equal(Core.Analysis.Audience.Child, r.Audience);
            Assert.Equal(Channel.Import, r.Channel);
            Assert.Equal(File, r.Provenance!.Source);
        });
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 10, 22, 33, TimeSpan.Zero), _stored[0].ReceivedUtc);
        Assert.Equal("A quiet room at the library for homework please", Assert.Single(_stored[0].FreeText).Text);
        Assert.Equal(_stored.Select(r => r.Id), _queued);
        Assert.Contains("2 answers imported and queued", _out.ToString());
        _ledger.Verify(l => l.TryAddAsync(It.Is<UploadRecord>(u => u.Kind == "import" && u.Source == File && u.Points == 2), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task The_same_file_again_adds_nothing_and_exits_0()
    {
        _ledger.Setup(l => l.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string hash, CancellationToken _) => new UploadRecord
        {
            Hash = hash, Kind = "import", Source = File, Session = "google", Points = 2, StartedUtc = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero),
            UploadedBy = "cli:someone", Status = UploadStatus.Completed,
        });
        Assert.Equal(0, await Run("--file", File, "--source", "google", "--survey", "youth-2026", "--audience", "child"));
        Assert.Empty(_stored);
        Assert.Contains("already imported", _out.ToString());
    }

    [Fact]
    public async Task Storage_failing_part_way_exits_3_saying_how_far_it_got()
    {
        _responses.SetupSequence(r => r.TryAddAsync(It.IsAny<SurveyResponse>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true).ThrowsAsync(new StorageUnavailableException("Storage is unavailable."));
        Assert.Equal(CliStorage.UnavailableExitCode, await Run("--file", File, "--source", "google", "--survey", "youth-2026", "--audience", "child"));
        Assert.Contains("1 of 2 rows are stored", _err.ToString());
        Assert.Contains("Run the same import again", _err.ToString());
    }

    [Fact]
    public async Task An_invalid_survey_code_exits_1_naming_the_field()
    {
        Assert.Equal(1, await Run("--file", File, "--source", "google", "--survey", "Not A Code!", "--audience", "child"));
        Assert.Contains("survey", _err.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_stored);
    }
}
