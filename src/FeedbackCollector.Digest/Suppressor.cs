namespace FeedbackCollector.Digest;

/// <summary>
/// Small-number suppression. A count from 1 to 4 is hidden ("fewer than 5"). Where counts add up to a total that is
/// shown, one hidden count alone could be worked out by subtraction, so the smallest other count is hidden too
/// ("withheld"): secondary suppression. Zero is shown, since it discloses nobody.
/// </summary>
public static class Suppressor
{
    /// <summary>Counts below this (and above zero) are hidden.</summary>
    public const int Threshold = 5;

    /// <summary>The rule in words, for the method note.</summary>
    public const string Rule =
        "Any count from 1 to 4 is shown as \u201cfewer than 5\u201d. Where counts add up to a total that is shown, another count is also " +
        "withheld so the hidden one cannot be worked out by subtraction. Shares, changes and chart bars are withheld wherever a count they rest on is hidden. " +
        "The same rule applies in every format of this digest.";

    /// <summary>One count on its own.</summary>
    public static Count One(int value) => new(value, value is > 0 and < Threshold ? Suppression.Small : Suppression.None);

    /// <summary>
    /// Counts that add up to <paramref name="total"/>: each suppressed on its own, then, when the total is shown and exactly
    /// one count is hidden, the smallest other non-zero count is withheld as well (the later one on a tie).
    /// </summary>
    public static (Count Total, Count[] Cells) Group(int total, IReadOnlyList<int> cells)
    {
        var t = One(total);
        var result = new Count[cells.Count];
        var hidden = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            result[i] = One(cells[i]);
            if (!result[i].Shown)
            {
                hidden++;
            }
        }
        if (t.Shown && hidden == 1)
        {
            var pick = -1;
            for (var i = 0; i < result.Length; i++)
            {
                if (result[i].Shown && result[i].Value > 0 && (pick < 0 || result[i].Value <= result[pick].Value))
                {
                    pick = i;
                }
            }
            if (pick >= 0)
            {
                result[pick] = result[pick] with { Suppression = Suppression.Secondary };
            }
        }
        return (t, result);
    }
}
