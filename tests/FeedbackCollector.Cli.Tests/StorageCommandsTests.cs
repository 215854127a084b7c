using FeedbackCollector.Cli.Commands;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FeedbackCollector.Cli.Tests;

/// <summary>The keys and poison commands against mocked ports: no storage, no network.</summary>
public class StorageCommandsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly Mock<IRoleKeyRepository> _keys = new(MockBehavior.Strict);
    private readonly Mock<IPoisonQueueAdmin> _poison = new(MockBehavior.Strict);
    private readonly Mock<ICliStorage> _storage = new(MockBehavior.Strict);
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public StorageCommandsTests()
    {
        _storage.Setup(s => s.OpenRoleKeysAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(_keys.Object);
        _storage.Setup(s => s.OpenPoisonQueues(It.IsAny<string?>())).Returns(_poison.Object);
        _storage.SetupGet(s => s.AnalysisQueueName).Returns("analysis");
    }

    private CliConsole Console => new(TextReader.Null, _out, _err, false);

    private Task<int> Keys(params string[] args) => new KeysCommand(_storage.Object, new FakeTimeProvider(Now)).RunAsync(CliArgs.Parse(args), Console, default);

    private Task<int> Poison(params string[] args) => new PoisonCommand(_storage.Object).RunAsync(CliArgs.Parse(args), Console, default);

    [Fact]
    public async Task Issue_prints_the_key_once_and_stores_only_a_hash_that_verifies_it()
    {
        RoleKeyRecord? stored = null;
        _keys.Setup(k => k.TryAddAsync(It.IsAny<RoleKeyRecord>(), It.IsAny<CancellationToken>()))
            .Callback<RoleKeyRecord, CancellationToken>((r, _) => stored = r).ReturnsAsync(true);

        Assert.Equal(0, await Keys("issue", "--role", "safeguarding", "--label", "  Safeguarding lead, north ", "--connection", "UseDevelopmentStorage=true"));

        var key = _out.ToString().Trim();
        Assert.True(RoleKeys.TryParse(key, out var id, out var secret));
        Assert.NotNull(stored);
        Assert.Equal(id, stored.KeyId);
        Assert.Equal(StaffRole.Safeguarding, stored.Role);
        Assert.Equal("Safeguarding lead, north", stored.Label);
        Assert.Equal(Now, stored.CreatedUtc);
        Assert.True(RoleKeys.Verify(stored, secret));
        Assert.DoesNotContain(secret, stored.Hash + stored.Salt);
        Assert.DoesNotContain(secret, _err.ToString());
        Assert.Contains("shown only once", _err.ToString());
        _storage.Verify(s => s.OpenRoleKeysAsync("UseDevelopmentStorage=true", It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Issue_takes_another_id_when_one_is_taken()
    {
        _keys.SetupSequence(k => k.TryAddAsync(It.IsAny<RoleKeyRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false).ReturnsAsync(true);
        Assert.Equal(0, await Keys("issue", "--role", "officer", "--label", "Officer"));
        _keys.Verify(k => k.TryAddAsync(It.IsAny<RoleKeyRecord>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Single(_out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("issue", "--role", "admin", "--label", "x")]
    [InlineData("issue", "--role", "officer")]
    [InlineData("issue", "--label", "x")]
    [InlineData("issue", "--role", "officer", "--label", "x", "--lable", "y")]
    [InlineData("revoke")]
    [InlineData("rotate")]
    public async Task Usage_mistakes_are_usage_errors_before_touching_storage(params string[] args)
    {
        await Assert.ThrowsAsync<CliUsageException>(() => Keys(args));
        _storage.Verify(s => s.OpenRoleKeysAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task List_shows_ids_roles_and_status_but_no_secrets()
    {
        var (_, active) = RoleKeys.Issue(StaffRole.Officer, "Participation officer", Now.AddDays(-2));
        var (_, revoked) = RoleKeys.Issue(StaffRole.Facilitator, "Oak forum", Now.AddDays(-3));
        revoked = revoked with { RevokedUtc = Now.AddDays(-1) };
        _keys.Setup(k => k.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([active, revoked]);

        Assert.Equal(0, await Keys("list"));
        var lines = _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith(revoked.KeyId, lines[1]);
        Assert.Contains("revoked 2026-02-28 09:30", lines[1]);
        Assert.Contains("facilitator", lines[1]);
        Assert.StartsWith(active.KeyId, lines[2]);
        Assert.Contains("active", lines[2]);
        Assert.DoesNotContain(active.Hash, _out.ToString());
        Assert.DoesNotContain(active.Salt, _out.ToString());
    }

    [Fact]
    public async Task Revoke_reports_an_unknown_id_with_exit_1()
    {
        _keys.Setup(k => k.RevokeAsync("abcdefabcdef", Now, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _keys.Setup(k => k.RevokeAsync("000000000000", Now, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        Assert.Equal(0, await Keys("revoke", "--id", "abcdefabcdef"));
        Assert.Contains("Revoked key abcdefabcdef", _out.ToString());
        Assert.Equal(1, await Keys("revoke", "--id", "000000000000"));
        Assert.Contains("No key with id '000000000000'", _err.ToString());
    }

    [Fact]
    public async Task Storage_down_is_exit_3_with_one_line_and_no_stack_trace()
    {
        _keys.Setup(k => k.ListAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("Storage is unavailable (list role keys): Connection refused (127.0.0.1:10002)"));
        Assert.Equal(3, await Keys("list"));
        var err = _err.ToString().TrimEnd();
        Assert.DoesNotContain('\n', err);
        Assert.StartsWith("Storage is unavailable (list role keys): Connection refused", err);
        Assert.DoesNotContain(" at ", err);
    }

    [Fact]
    public async Task Poison_list_peeks_the_configured_queue_by_default()
    {
        _poison.Setup(p => p.PeekAsync("analysis", 32, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new PoisonMessage("m1", "7K3QZ2ABCD", Now, 5), new PoisonMessage("m2", "7K3QZ2ABCE", null, 6)]);
        Assert.Equal(0, await Poison("list"));
        var lines = _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("2026-03-01 09:30:00", lines[1]);
        Assert.EndsWith("7K3QZ2ABCD", lines[1].TrimEnd());
        Assert.Contains("2 message(s) in analysis-poison", _err.ToString());
    }

    [Fact]
    public async Task Poison_list_of_an_empty_queue_says_so()
    {
        _poison.Setup(p => p.PeekAsync("alerts", 5, It.IsAny<CancellationToken>())).ReturnsAsync([]);
        Assert.Equal(0, await Poison("list", "--queue", "alerts", "--max", "5"));
        Assert.Equal("", _out.ToString());
        Assert.Contains("No messages in alerts-poison", _err.ToString());
    }

    [Fact]
    public async Task Poison_requeue_moves_all_by_default_or_up_to_max()
    {
        _poison.Setup(p => p.RequeueAsync("analysis", int.MaxValue, It.IsAny<CancellationToken>())).ReturnsAsync(7);
        _poison.Setup(p => p.RequeueAsync("alerts", 2, It.IsAny<CancellationToken>())).ReturnsAsync(2);
        Assert.Equal(0, await Poison("requeue"));
        Assert.Contains("Requeued 7 message(s) from analysis-poison to analysis.", _out.ToString());
        Assert.Equal(0, await Poison("requeue", "--queue", "alerts", "--max", "2"));
        Assert.Contains("Requeued 2 message(s) from alerts-poison to alerts.", _out.ToString());
    }

    [Theory]
    [InlineData("list", "--max", "33")]
    [InlineData("list", "--max", "0")]
    [InlineData("requeue", "--max", "-1")]
    [InlineData("requeue", "--max", "lots")]
    [InlineData("drain")]
    public async Task Poison_usage_mistakes_are_usage_errors(params string[] args)
    {
        await Assert.ThrowsAsync<CliUsageException>(() => Poison(args));
        _storage.Verify(s => s.OpenPoisonQueues(It.IsAny<string?>()), Times.Never);
    }

    [Fact]
    public async Task Poison_storage_down_is_exit_3()
    {
        _poison.Setup(p => p.RequeueAsync("analysis", int.MaxValue, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("Storage is unavailable (requeue poison messages): timed out"));
        Assert.Equal(3, await Poison("requeue"));
        Assert.StartsWith("Storage is unavailable (requeue poison messages): timed out", _err.ToString());
    }

    [Fact]
    public void Connection_is_the_option_then_configuration_then_local_azurite()
    {
        var empty = new ConfigurationBuilder().Build();
        var withEnv = new ConfigurationBuilder().AddInMemoryCollection([new("Storage", "AccountName=acct;AccountKey=a2V5")]).Build();
        var identity = new ConfigurationBuilder().AddInMemoryCollection([
            new("Storage:tableServiceUri", "https://acct.table.core.windows.net"),
            new("Storage:queueServiceUri", "https://acct.queue.core.windows.net"),
            new("Storage:blobServiceUri", "https://acct.blob.core.windows.net")]).Build();

        Assert.Equal("UseDevelopmentStorage=true", CliStorage.ResolveConnection(null, empty).ConnectionString);
        Assert.Equal("AccountName=acct;AccountKey=a2V5", CliStorage.ResolveConnection(null, withEnv).ConnectionString);
        Assert.Equal("UseDevelopmentStorage=true", CliStorage.ResolveConnection("UseDevelopmentStorage=true", withEnv).ConnectionString);
        var id = CliStorage.ResolveConnection(null, identity);
        Assert.Null(id.ConnectionString);
        Assert.Equal("https://acct.queue.core.windows.net", id.QueueServiceUri);

        var bad = Assert.Throws<CliUsageException>(() => CliStorage.ResolveConnection("nonsense", empty));
        Assert.Contains("'--connection' is not a connection string", bad.Message);
        var partial = new ConfigurationBuilder().AddInMemoryCollection([new("Storage:tableServiceUri", "https://acct.table.core.windows.net")]).Build();
        Assert.Contains("missing 'Storage:queueServiceUri'", Assert.Throws<CliUsageException>(() => CliStorage.ResolveConnection(null, partial)).Message);
    }

    [Fact]
    public void Both_commands_are_found_by_the_dispatcher()
    {
        Assert.IsType<KeysCommand>(CliApp.Commands["keys"]);
        Assert.IsType<PoisonCommand>(CliApp.Commands["poison"]);
    }
}
