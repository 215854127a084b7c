using System.Globalization;
using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Core.Digests;

/// <summary>
/// The period a digest covers: a quarter (<c>2026-Q1</c>) or any run of whole days (<c>2026-01-01_2026-02-14</c>,
/// both dates included). The key names the archive folder, so the same period always lands in the same place.
/// </summary>
public sealed record DigestPeriod
{
    private DigestPeriod(string key, string label, DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        Key = key;
        Label = label;
        FromUtc = fromUtc;
        ToUtc = toUtc;
    }

    /// <summary>The archive key: <c>2026-Q1</c> or <c>2026-01-01_2026-02-14</c>.</summary>
    public string Key { get; }

    /// <summary>For people: <c>1 January 2026 to 31 March 2026</c>.</summary>
    public string Label { get; }

    /// <summary>First instant (UTC).</summary>
    public DateTimeOffset FromUtc { get; }

    /// <summary>First instant after the period (UTC).</summary>
    public DateTimeOffset ToUtc { get; }

    /// <summary>The last day included.</summary>
    public DateOnly LastDay => DateOnly.FromDateTime(ToUtc.UtcDateTime.AddDays(-1));

    /// <summary>The period a digest compares with: the quarter before, or as many days just before.</summary>
    public DigestPeriod Previous => Quarter.Of(FromUtc) is var q && q.Start == FromUtc && q.End == ToUtc
        ? ForQuarter(q.Previous)
        : ForDays(DateOnly.FromDateTime(FromUtc.UtcDateTime.AddDays(-(ToUtc - FromUtc).TotalDays)), DateOnly.FromDateTime(FromUtc.UtcDateTime.AddDays(-1)));

    /// <summary>A calendar quarter.</summary>
    public static DigestPeriod ForQuarter(Quarter quarter) => new(quarter.ToString(), LabelOf(quarter.Start, quarter.End), quarter.Start, quarter.End);

    /// <summary>The days from <paramref name="first"/> to <paramref name="last"/>, both included; a whole quarter is keyed as the quarter.</summary>
    public static DigestPeriod ForDays(DateOnly first, DateOnly last)
    {
        var from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var q = Quarter.Of(from);
        if (q.Start == from && q.End == to)
        {
            return ForQuarter(q);
        }
        var key = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "_" + last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DigestPeriod(key, LabelOf(from, to), from, to);
    }

    /// <summary>Reads a period from two dates (<c>yyyy-MM-dd</c>, both included); null with an error when they are not a period.</summary>
    public static DigestPeriod? TryFromDates(string? from, string? to, DateTimeOffset nowUtc, out IReadOnlyDictionary<string, string> errors)
    {
        var e = new Dictionary<string, string>();
        errors = e;
        var okFrom = DateOnly.TryParseExact(from?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first);
        var okTo = DateOnly.TryParseExact(to?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last);
        if (!okFrom)
        {
            e["from"] = "'from' is a date, yyyy-MM-dd.";
        }
        if (!okTo)
        {
            e["to"] = "'to' is a date, yyyy-MM-dd (the last day included).";
        }
        if (e.Count > 0)
        {
            return null;
        }
        if (last < first)
        {
            e["to"] = "'to' must be on or after 'from'.";
        }
        else if (first < DateOnly.FromDateTime(Quarter.Epoch.Start.UtcDateTime))
        {
            e["from"] = $"'from' must be on or after {Quarter.Epoch.Start:yyyy-MM-dd}.";
        }
        else if (last.DayNumber - first.DayNumber > 366 * 3)
        {
            e["to"] = "A digest covers at most three years.";
        }
        else if (first > DateOnly.FromDateTime(nowUtc.UtcDateTime))
        {
            e["from"] = "'from' cannot be in the future.";
        }
        return e.Count > 0 ? null : ForDays(first, last);
    }

    /// <summary>Reads an archive key (<c>2026-Q1</c> or <c>2026-01-01_2026-02-14</c>); false for anything else.</summary>
    public static bool TryParseKey(string? key, out DigestPeriod period)
    {
        period = null!;
        if (key is null || key.Length > 21)
        {
            return false;
        }
        if (key.Length == 7 && Quarter.TryParse(key, out var q) && key == q.ToString())
        {
            period = ForQuarter(q);
            return true;
        }
        var parts = key.Split('_');
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
            && last >= first)
        {
            period = ForDays(first, last);
            return period.Key == key;
        }
        return false;
    }

    private static string LabelOf(DateTimeOffset from, DateTimeOffset to) =>
        from.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + " to " + to.UtcDateTime.AddDays(-1).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>One file of a digest.</summary>
/// <param name="Name">File name, one of <see cref="DigestPaths.Files"/>.</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="Content">Its bytes.</param>
public sealed record DigestFile(string Name, string ContentType, byte[] Content);

/// <summary>Builds the files of a digest for a period from stored responses, actions and concerns.</summary>
public interface IDigestProducer
{
    /// <summary>Every format of the digest of <paramref name="period"/>; the same data gives the same bytes.</summary>
    Task<IReadOnlyList<DigestFile>> ProduceAsync(DigestPeriod period, CancellationToken cancellationToken = default);
}
