using System.Text.Json;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Core.Digests;

/// <summary>Where a period's digest files live in the archive.</summary>
public static class DigestPaths
{
    /// <summary><c>2026-Q3/</c>: the folder of a quarter's digest.</summary>
    public static string Folder(Quarter quarter) => $"{quarter}/";

    /// <summary><c>2026-Q3/digest.json</c>.</summary>
    public static string Json(Quarter quarter) => Folder(quarter) + "digest.json";
}

/// <summary>Counts of one period, the core of a digest.</summary>
public sealed record DigestCounts(
    string Period,
    DateTimeOffset FromUtc,
    DateTimeOffset ToUtc,
    int Responses,
    int Analysed,
    IReadOnlyDictionary<string, int> ByAudience,
    IReadOnlyDictionary<string, int> BySurvey,
    IReadOnlyDictionary<string, int> ByChannel,
    IReadOnlyDictionary<string, int> Themes);

/// <summary>Builds and stores the digest of a quarter; run by the timer function for the quarter just ended.</summary>
public sealed partial class QuarterlyDigestHandler(IResponseRepository responses, IDigestArchive archive, TimeProvider time, ILogger<QuarterlyDigestHandler> logger)
{
    /// <summary>The quarter a run at <paramref name="nowUtc"/> covers: the one just ended.</summary>
    public static Quarter PeriodFor(DateTimeOffset nowUtc) => Quarter.Of(nowUtc).Previous;

    /// <summary>Digests the quarter just ended; returns the path written.</summary>
    public Task<string> RunScheduledAsync(CancellationToken cancellationToken) => RunAsync(PeriodFor(time.GetUtcNow()), cancellationToken);

    /// <summary>Digests <paramref name="quarter"/> and writes it to the archive; returns the path written.</summary>
    public async Task<string> RunAsync(Quarter quarter, CancellationToken cancellationToken)
    {
        var counts = await CountAsync(quarter, cancellationToken);
        var path = DigestPaths.Json(quarter);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(counts, FeedbackJson.Options);
        await archive.SaveAsync(path, "application/json", bytes, cancellationToken);
        LogWritten(logger, quarter.ToString(), counts.Responses, path);
        return path;
    }

    private async Task<DigestCounts> CountAsync(Quarter quarter, CancellationToken cancellationToken)
    {
        // Sorted so that the same data always gives the same bytes.
        var byAudience = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var bySurvey = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byChannel = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var themes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int total = 0, analysed = 0;
        await foreach (var r in responses.ListAsync(new ResponseQuery(quarter.Start, quarter.End), cancellationToken))
        {
            total++;
            Increment(byAudience, FeedbackJson.WireName(r.Audience));
            Increment(bySurvey, r.SurveyCode);
            Increment(byChannel, FeedbackJson.WireName(r.Channel));
            if (r.Analysis is { } a)
            {
                analysed++;
                foreach (var t in a.ThemeIds)
                {
                    Increment(themes, t);
                }
            }
        }
        return new DigestCounts(quarter.ToString(), quarter.Start, quarter.End, total, analysed, byAudience, bySurvey, byChannel, themes);
    }

    private static void Increment(SortedDictionary<string, int> d, string key) => d[key] = d.GetValueOrDefault(key) + 1;

    [LoggerMessage(LogLevel.Information, "Digest of {Period} written with {Responses} responses to {Path}")]
    private static partial void LogWritten(ILogger logger, string period, int responses, string path);
}
