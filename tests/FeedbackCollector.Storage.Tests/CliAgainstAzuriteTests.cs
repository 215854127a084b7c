using System.Diagnostics;
using FeedbackCollector.Cli;
using FeedbackCollector.Cli.Commands;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Storage.Tests;

/// <summary>The CLI's storage commands end to end against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CliAgainstAzuriteTests(AzuriteFixture azurite)
{
    private static (CliConsole Console, StringWriter Out, StringWriter Err) NewConsole()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        return (new CliConsole(TextReader.Null, o, e, false), o, e);
    }

    // Names from the scope (as the environment would give them); the connection from --connection, as a user would.
    private static CliStorage Storage(StorageScope scope) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(scope.Settings.Where(s => s.Key != "Storage")).Build());

    [Fact]
    public async Task Keys_issue_then_revoke_and_the_key_stops_authenticating()
    {
        await using var scope = azurite.NewScope();
        var keys = new KeysCommand(Storage(scope), TimeProvider.System);

        // The table does not exist yet: the CLI creates it.
        var (console, output, _) = NewConsole();
        Assert.Equal(0, await keys.RunAsync(CliArgs.Parse(["issue", "--role", "officer", "--label", "Participation officer", "--connection", azurite.ConnectionString]), console, default));
        var key = output.ToString().Trim();
        Assert.True(RoleKeys.TryParse(key, out var keyId, out _));

        await using var sp = TestData.Services(scope);
        // The app checks keys through a short cache: a revocation by the command line takes effect within its time to live.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var auth = new StaffAuthenticator(new CachedRoleKeyRepository(sp.GetRequiredService<TableRoleKeyRepository>(), time));
        Assert.Equal(AuthStatus.Allowed, (await auth.AuthenticateAsync(key, [StaffRole.Officer])).Status);

        (console, output, _) = NewConsole();
        Assert.Equal(0, await keys.RunAsync(CliArgs.Parse(["list", "--connection", azurite.ConnectionString]), console, default));
        Assert.Contains(keyId, output.ToString());
        Assert.Contains("active", output.ToString());

        (console, output, _) = NewConsole();
        Assert.Equal(0, await keys.RunAsync(CliArgs.Parse(["revoke", "--id", keyId, "--connection", azurite.ConnectionString]), console, default));
        time.Advance(CachedRoleKeyRepository.Ttl);
        Assert.Equal(AuthStatus.Unauthenticated, (await auth.AuthenticateAsync(key, [StaffRole.Officer])).Status);

        (console, _, var error) = NewConsole();
        Assert.Equal(1, await keys.RunAsync(CliArgs.Parse(["revoke", "--id", "000000000000", "--connection", azurite.ConnectionString]), console, default));
        Assert.Contains("No key", error.ToString());
    }

    [Fact]
    public async Task Poison_requeue_moves_messages_back()
    {
        await using var scope = azurite.NewScope();
        var poison = azurite.CreateQueueServiceClient().GetQueueClient(scope.Names.AnalysisQueueName + "-poison");
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync("7K3QZ2ABCD");
        var command = new PoisonCommand(Storage(scope));

        var (console, output, _) = NewConsole();
        Assert.Equal(0, await command.RunAsync(CliArgs.Parse(["list", "--connection", azurite.ConnectionString]), console, default));
        Assert.Contains("7K3QZ2ABCD", output.ToString());

        (console, output, _) = NewConsole();
        Assert.Equal(0, await command.RunAsync(CliArgs.Parse(["requeue", "--connection", azurite.ConnectionString]), console, default));
        Assert.Contains("Requeued 1 message(s)", output.ToString());
        var main = azurite.CreateQueueServiceClient().GetQueueClient(scope.Names.AnalysisQueueName);
        Assert.Equal("7K3QZ2ABCD", Assert.Single((await main.ReceiveMessagesAsync(5)).Value).Body.ToString());
    }

    [Fact]
    public async Task Storage_down_exits_3_quickly_with_one_line()
    {
        var keys = new KeysCommand(new CliStorage(new ConfigurationBuilder().Build()), TimeProvider.System);
        var (console, output, error) = NewConsole();
        var clock = Stopwatch.StartNew();
        Assert.Equal(3, await keys.RunAsync(CliArgs.Parse(["list", "--connection", TestData.ClosedConnectionString()]), console, default));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal("", output.ToString());
        var line = error.ToString().TrimEnd();
        Assert.StartsWith("Storage is unavailable (", line);
        Assert.DoesNotContain('\n', line);
    }
}
