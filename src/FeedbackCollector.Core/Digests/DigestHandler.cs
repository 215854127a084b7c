using System.Text.Json;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Core.Digests;

/// <summary>A digest file to send: its name, type and bytes.</summary>
public sealed record DigestDownload(string Name, string ContentType, byte[] Content);

/// <summary>A stored digest: its period and files.</summary>
public sealed record DigestListing(string Period, IReadOnlyList<DigestListingFile> Files);

/// <summary>A stored digest file.</summary>
public sealed record DigestListingFile(string Name, string ContentType, long Length, DateTimeOffset? LastModifiedUtc);

/// <summary>Digests on demand for any period, and the list and download of stored digests (officer).</summary>
public sealed partial class DigestHandler(IDigestProducer producer, IDigestArchive archive, TimeProvider time, ILogger<DigestHandler> logger)
{
    /// <summary>Generates and stores the digest of <c>{"from":"2026-01-01","to":"2026-03-31"}</c> (both days included).</summary>
    public async Task<Outcome> GenerateAsync(JsonElement body, CancellationToken cancellationToken)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Outcome.Invalid("$", "The body must be a JSON object with 'from' and 'to'.");
        }
        var unknown = body.EnumerateObject().Where(p => p.Name is not ("from" or "to")).Select(p => p.Name).ToList();
        if (unknown.Count > 0)
        {
            return Outcome.Invalid(unknown.ToDictionary(u => u, _ => "Unknown field."));
        }
        string? Text(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return await GenerateAsync(Text("from"), Text("to"), cancellationToken);
    }

    /// <summary>Generates and stores the digest of the days <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public async Task<Outcome> GenerateAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        var period = DigestPeriod.TryFromDates(from, to, time.GetUtcNow(), out var errors);
        if (period is null)
        {
            return Outcome.Invalid(errors);
        }
        var (folder, files) = await QuarterlyDigestHandler.WriteAsync(producer, archive, period, cancellationToken);
        LogGenerated(logger, period.Key, folder);
        return Outcome.Created(new
        {
            period = period.Key,
            label = period.Label,
            files = files.Select(f => new { name = f.Name, contentType = f.ContentType, length = f.Content.Length, path = $"{period.Key}/{f.Name}" }).ToList(),
        });
    }

    /// <summary>Every stored digest, newest period first.</summary>
    public async Task<Outcome> ListAsync(CancellationToken cancellationToken)
    {
        var files = await archive.ListAsync("", cancellationToken);
        var list = files
            .Select(f => (Parts: f.Path.Split('/'), File: f))
            .Where(x => x.Parts.Length == 2 && DigestPeriod.TryParseKey(x.Parts[0], out _) && DigestPaths.Files.ContainsKey(x.Parts[1]))
            .GroupBy(x => x.Parts[0], StringComparer.Ordinal)
            .Select(g => new DigestListing(g.Key, g.OrderBy(x => x.Parts[1], StringComparer.Ordinal)
                .Select(x => new DigestListingFile(x.Parts[1], x.File.ContentType, x.File.Length, x.File.LastModifiedUtc)).ToList()))
            .OrderByDescending(d => SortKey(d.Period), StringComparer.Ordinal)
            .ToList();
        return Outcome.Ok(new { digests = list });
    }

    /// <summary>One stored file of a digest: <paramref name="period"/> is a key (<c>2026-Q1</c>), <paramref name="file"/> a digest file name.</summary>
    public async Task<Outcome> DownloadAsync(string? period, string? file, CancellationToken cancellationToken)
    {
        // Both parts are checked against fixed forms, so no path can reach outside the digest folders.
        if (!DigestPeriod.TryParseKey(period, out var p) || file is null || !DigestPaths.Files.TryGetValue(file, out var type))
        {
            return Outcome.NotFound($"There is no digest file '{period}/{file}'. Files are {string.Join(", ", DigestPaths.Files.Keys)}.");
        }
        var got = await archive.ReadAsync(DigestPaths.Folder(p) + file, cancellationToken);
        return got is { } g ? Outcome.Ok(new DigestDownload(file, type, g.Content)) : Outcome.NotFound($"No digest of {p.Key} has been generated.");
    }

    /// <summary>Sorts quarter and day keys together by their first day.</summary>
    private static string SortKey(string key) => DigestPeriod.TryParseKey(key, out var p) ? p.FromUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + key : key;

    [LoggerMessage(LogLevel.Information, "Digest of {Period} generated on demand and written to {Folder}")]
    private static partial void LogGenerated(ILogger logger, string period, string folder);
}
