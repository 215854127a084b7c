using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Core.Digests;

/// <summary>Where a period's digest files live in the archive.</summary>
public static class DigestPaths
{
    /// <summary>The self-contained HTML page.</summary>
    public const string Html = "digest.html";

    /// <summary>The Markdown version.</summary>
    public const string Markdown = "digest.md";

    /// <summary>The theme table as CSV.</summary>
    public const string ThemesCsv = "themes.csv";

    /// <summary>The redacted comments as CSV, a column per theme.</summary>
    public const string CommentsCsv = "comments.csv";

    /// <summary>The digest as JSON.</summary>
    public const string JsonFile = "digest.json";

    /// <summary>Every file of a digest, with its content type.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Html] = "text/html; charset=utf-8",
        [Markdown] = "text/markdown; charset=utf-8",
        [ThemesCsv] = "text/csv; charset=utf-8",
        [CommentsCsv] = "text/csv; charset=utf-8",
        [JsonFile] = "application/json; charset=utf-8",
    };

    /// <summary><c>2026-Q3/</c>: the folder of a quarter's digest.</summary>
    public static string Folder(Quarter quarter) => $"{quarter}/";

    /// <summary><c>2026-Q3/</c> or <c>2026-01-01_2026-02-14/</c>: the folder of a period's digest.</summary>
    public static string Folder(DigestPeriod period) => period.Key + "/";

    /// <summary><c>2026-Q3/digest.json</c>.</summary>
    public static string Json(Quarter quarter) => Folder(quarter) + JsonFile;
}

/// <summary>
/// Builds and stores the digest of a quarter in every format; run by the timer function for the quarter just ended.
/// Running it again for the same quarter and data writes the same bytes.
/// </summary>
public sealed partial class QuarterlyDigestHandler(IDigestProducer producer, IDigestArchive archive, TimeProvider time, ILogger<QuarterlyDigestHandler> logger)
{
    /// <summary>The quarter a run at <paramref name="nowUtc"/> covers: the one just ended.</summary>
    public static Quarter PeriodFor(DateTimeOffset nowUtc) => Quarter.Of(nowUtc).Previous;

    /// <summary>Digests the quarter just ended; returns the folder written.</summary>
    public Task<string> RunScheduledAsync(CancellationToken cancellationToken) => RunAsync(PeriodFor(time.GetUtcNow()), cancellationToken);

    /// <summary>Digests <paramref name="quarter"/> and writes every format to the archive; returns the folder written.</summary>
    public async Task<string> RunAsync(Quarter quarter, CancellationToken cancellationToken)
    {
        var (folder, _) = await WriteAsync(producer, archive, DigestPeriod.ForQuarter(quarter), cancellationToken);
        LogWritten(logger, quarter.ToString(), folder);
        return folder;
    }

    /// <summary>Produces the digest of <paramref name="period"/> and saves each file under its folder.</summary>
    internal static async Task<(string Folder, IReadOnlyList<DigestFile> Files)> WriteAsync(IDigestProducer producer, IDigestArchive archive, DigestPeriod period, CancellationToken cancellationToken)
    {
        var files = await producer.ProduceAsync(period, cancellationToken);
        var folder = DigestPaths.Folder(period);
        foreach (var f in files)
        {
            await archive.SaveAsync(folder + f.Name, f.ContentType, f.Content, cancellationToken);
        }
        return (folder, files);
    }

    [LoggerMessage(LogLevel.Information, "Digest of {Period} written to {Folder}")]
    private static partial void LogWritten(ILogger logger, string period, string folder);
}
