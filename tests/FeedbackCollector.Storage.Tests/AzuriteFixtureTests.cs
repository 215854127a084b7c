using System.Diagnostics;
using FeedbackCollector.TestSupport;

namespace FeedbackCollector.Storage.Tests;

/// <summary>The harness itself: it must never leave an emulator running.</summary>
public class AzuriteFixtureTests
{
    [Fact]
    public async Task Dispose_kills_the_emulator_and_frees_its_port()
    {
        var fixture = new AzuriteFixture();
        await fixture.InitializeAsync();
        var pid = fixture.ProcessId;
        Assert.True(Alive(pid));
        Assert.Contains($"TableEndpoint=http://127.0.0.1:{fixture.TablePort}/devstoreaccount1", fixture.ConnectionString);
        await fixture.DisposeAsync();
        Assert.False(Alive(pid));
        using var client = new System.Net.Sockets.TcpClient();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => client.ConnectAsync("127.0.0.1", fixture.TablePort));
    }

    [Fact]
    public async Task The_watchdog_ends_node_when_its_parent_dies_without_cleaning_up()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var watchdog = Path.Combine(AzuriteFixture.FindRepositoryRoot(), "tools", "azurite", "parent-watchdog.cjs");
        // sh starts node as its child, prints node's pid and waits; killing sh orphans node as a crashed test host would.
        var psi = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"AZURITE_PARENT_PID=$$ node -r '{watchdog}' -e 'setInterval(() => {{}}, 1000)' </dev/null >/dev/null 2>&1 & echo $!; wait");
        using var shell = Process.Start(psi)!;
        var nodePid = int.Parse((await shell.StandardOutput.ReadLineAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            await Task.Delay(1500);
            Assert.True(Alive(nodePid), "node should run while its parent lives");
            shell.Kill();
            var clock = Stopwatch.StartNew();
            while (Alive(nodePid) && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }
            Assert.False(Alive(nodePid), "node outlived its parent");
        }
        finally
        {
            if (Alive(nodePid))
            {
                Process.GetProcessById(nodePid).Kill();
            }
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
