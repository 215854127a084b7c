using System.Text.Json;

namespace FeedbackCollector.LocalHost;

/// <summary>
/// The settings of the repository's host.json that the Functions host applies and this host must apply the same way:
/// the HTTP route prefix and the queue trigger's polling, retry and poison rules.
/// </summary>
public sealed record HostJson(
    string RoutePrefix,
    int MaxDequeueCount,
    TimeSpan VisibilityTimeout,
    int BatchSize,
    int NewBatchThreshold,
    TimeSpan MaxPollingInterval,
    string MessageEncoding)
{
    /// <summary>Reads host.json; missing values take the Functions host's defaults.</summary>
    public static HostJson Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var ext = doc.RootElement.TryGetProperty("extensions", out var e) ? e : default;
        JsonElement Section(string name) => ext.ValueKind == JsonValueKind.Object && ext.TryGetProperty(name, out var s) ? s : default;
        var http = Section("http");
        var queues = Section("queues");
        string? Str(JsonElement s, string name) => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out var v) ? v.GetString() : null;
        int? Int(JsonElement s, string name) => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out var v) ? v.GetInt32() : null;
        TimeSpan? Span(JsonElement s, string name) => Str(s, name) is { } t ? TimeSpan.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : null;

        // Defaults are the Functions host's own (Azure Functions queue trigger documentation).
        var batch = Int(queues, "batchSize") ?? 16;
        return new HostJson(
            Str(http, "routePrefix") ?? "api",
            Int(queues, "maxDequeueCount") ?? 5,
            Span(queues, "visibilityTimeout") ?? TimeSpan.Zero,
            batch,
            Int(queues, "newBatchThreshold") ?? batch / 2,
            Span(queues, "maxPollingInterval") ?? TimeSpan.FromMinutes(1),
            Str(queues, "messageEncoding") ?? "base64");
    }
}
