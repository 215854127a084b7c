namespace FeedbackCollector.Core.Responses;

/// <summary>A calendar quarter (Q1 = January to March), the unit of digests and of response partitions.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    /// <summary>The first quarter that response ids can encode.</summary>
    public static readonly Quarter Epoch = new(2020, 1);

    /// <summary>The quarter containing <paramref name="utc"/>.</summary>
    public static Quarter Of(DateTimeOffset utc)
    {
        var d = utc.UtcDateTime;
        return new Quarter(d.Year, ((d.Month - 1) / 3) + 1);
    }

    /// <summary>First instant of the quarter (UTC).</summary>
    public DateTimeOffset Start => new(Year, ((Number - 1) * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>First instant after the quarter (UTC).</summary>
    public DateTimeOffset End => Start.AddMonths(3);

    /// <summary>The quarter before this one.</summary>
    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    /// <summary>The quarter after this one.</summary>
    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    /// <summary>Quarters since <see cref="Epoch"/>.</summary>
    public int Index => ((Year - Epoch.Year) * 4) + (Number - 1);

    /// <summary>The quarter <paramref name="index"/> quarters after <see cref="Epoch"/>.</summary>
    public static Quarter FromIndex(int index) => new(Epoch.Year + (index / 4), (index % 4) + 1);

    /// <summary>Every quarter that overlaps [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public static IEnumerable<Quarter> Overlapping(DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        if (toUtc <= fromUtc)
        {
            yield break;
        }
        for (var q = Of(fromUtc); q.Start < toUtc; q = q.Next)
        {
            yield return q;
        }
    }

    /// <summary>Parses <c>2026-Q3</c> or <c>2026Q3</c>.</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var t = text.Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal);
        if (t.Length != 6 || t[4] != 'Q' || !int.TryParse(t.AsSpan(0, 4), out var y) || t[5] < '1' || t[5] > '4')
        {
            return false;
        }
        quarter = new Quarter(y, t[5] - '0');
        return y >= 2000 && y <= 9999;
    }

    /// <inheritdoc />
    public int CompareTo(Quarter other) => Index.CompareTo(other.Index);

    /// <summary><c>2026-Q3</c>.</summary>
    public override string ToString() => $"{Year:D4}-Q{Number}";
}
