using System.Text.Json;
using FeedbackCollector.Functions;
using FeedbackCollector.LocalHost;

namespace FeedbackCollector.LocalHost.Tests;

/// <summary>
/// The local host must serve exactly what the Functions host would: the same routes and methods, queues and schedules.
/// The truth is the functions.metadata that the Worker SDK generates at build time.
/// </summary>
public class MetadataParityTests
{
    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "FeedbackCollector.sln")))
            {
                return d.FullName;
            }
        }
        throw new InvalidOperationException("Run the tests from inside the repository.");
    }

    private static JsonElement Metadata()
    {
        // The same configuration as this test build (Debug or Release): bin/<Configuration>/net10.0/.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(RepoRoot(), "src", "FeedbackCollector.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"Build the Functions project first: {path} is missing.");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    private static IReadOnlyList<FunctionDescriptor> Local() =>
        // Settings resolve to themselves, so expressions compare as written.
        FunctionCatalog.Discover(typeof(Health).Assembly, key => $"%{key}%");

    [Fact]
    public void Every_function_has_the_same_trigger_route_methods_queue_and_schedule()
    {
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var fn in Metadata().EnumerateArray())
        {
            var name = fn.GetProperty("name").GetString()!;
            var trigger = fn.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In" && b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            expected.Add(trigger.GetProperty("type").GetString() switch
            {
                "httpTrigger" => $"{name} http {string.Join(",", trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order())} {trigger.GetProperty("route").GetString()}",
                "queueTrigger" => $"{name} queue {trigger.GetProperty("queueName").GetString()} {trigger.GetProperty("connection").GetString()}",
                "timerTrigger" => $"{name} timer {trigger.GetProperty("schedule").GetString()}",
                var other => $"{name} unsupported {other}",
            });
        }
        var actual = new SortedSet<string>(Local().Select(f => f.Trigger switch
        {
            TriggerKind.Http => $"{f.Name} http {string.Join(",", f.HttpMethods.Order())} {f.Route}",
            TriggerKind.Queue => $"{f.Name} queue {f.QueueName} Storage",
            _ => $"{f.Name} timer {f.Schedule}",
        }), StringComparer.Ordinal);

        Assert.True(expected.Count > 0);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_local_host_can_bind_every_function()
    {
        foreach (var f in Local())
        {
            FunctionInvoker.CheckSupported(f);
        }
    }

    [Fact]
    public void Both_hosts_read_the_one_host_json_at_the_repository_root()
    {
        var root = File.ReadAllText(Path.Combine(RepoRoot(), "host.json"));
        Assert.Equal(root, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
        var h = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));
        Assert.Equal("", h.RoutePrefix);
        Assert.Equal(5, h.MaxDequeueCount);
        // Our QueueClient sends plain text; the trigger must expect plain text too.
        Assert.Equal("none", h.MessageEncoding);
    }

    [Fact]
    public void A_missing_setting_in_a_trigger_expression_is_a_clear_error_at_start()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Discover(typeof(Health).Assembly, _ => null));
        Assert.Contains("needs the app setting", ex.Message);
    }
}
