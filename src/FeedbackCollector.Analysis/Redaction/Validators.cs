namespace FeedbackCollector.Analysis.Redaction;

/// <summary>Checks that a regex cannot express: NHS check digit, postcode areas, National Insurance prefixes.</summary>
internal static class Validators
{
    /// <summary>True when <paramref name="area"/> is exactly one of the UK postcode areas.</summary>
    public static bool IsPostcodeArea(ReadOnlySpan<char> area) =>
        area.Length is 1 or 2 && IsWholeArea(area);

    private static bool IsWholeArea(ReadOnlySpan<char> area)
    {
        if (area.Length == 1)
        {
            var c = char.ToUpperInvariant(area[0]);
            return c is 'B' or 'E' or 'G' or 'L' or 'M' or 'N' or 'S' or 'W';
        }

        Span<char> upper = stackalloc char[2];
        area.ToUpperInvariant(upper);
        return TwoLetterAreas.Contains(upper[0] << 8 | upper[1]);
    }

    private static readonly HashSet<int> TwoLetterAreas = BuildTwoLetterAreas();

    private static HashSet<int> BuildTwoLetterAreas()
    {
        const string areas = "AB AL BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY EC EH EN EX FK FY "
            + "GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY LA LD LE LL LN LS LU ME MK ML NE NG NN NP NR NW OL OX PA PE PH PL "
            + "PO PR RG RH RM SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB WA WC WD WF WN WR WS WV YO ZE";
        var set = new HashSet<int>();
        foreach (var range in areas.AsSpan().Split(' '))
        {
            var a = areas.AsSpan()[range];
            set.Add(a[0] << 8 | a[1]);
        }

        return set;
    }

    /// <summary>Modulus 11 check of a ten-digit NHS number (separators ignored).</summary>
    public static bool IsValidNhsNumber(ReadOnlySpan<char> value)
    {
        Span<int> digits = stackalloc int[10];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (n == 10)
                {
                    return false;
                }

                digits[n++] = c - '0';
            }
        }

        if (n != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9];
    }

    /// <summary>
    /// True for a National Insurance prefix that HMRC allocates: neither letter D, F, I, Q, U or V; the second not O;
    /// and not BG, GB, KN, NK, NT, TN or ZZ. The regex already excludes the letters; this excludes the pairs.
    /// </summary>
    public static bool IsValidNiPrefix(ReadOnlySpan<char> prefix)
    {
        if (prefix.Length != 2)
        {
            return false;
        }

        var a = char.ToUpperInvariant(prefix[0]);
        var b = char.ToUpperInvariant(prefix[1]);
        return (a, b) switch
        {
            ('B', 'G') or ('G', 'B') or ('K', 'N') or ('N', 'K') or ('N', 'T') or ('T', 'N') or ('Z', 'Z') => false,
            _ => true,
        };
    }
}
