using System.Text;

namespace FeedbackCollector.Digest;

/// <summary>Text hygiene for everything a digest publishes that came from people rather than from code.</summary>
public static class DigestText
{
    /// <summary>
    /// One line of text: control characters removed, bidirectional overrides and isolates removed (they could reorder the
    /// text around them in a spreadsheet or a Markdown viewer), white space collapsed, trimmed.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        if (IsClean(text))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') || c == '\uFEFF')
            {
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>True when <see cref="Clean"/> would return the text unchanged (the common case, checked without allocating).</summary>
    private static bool IsClean(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }
        // Most text is printable ASCII: then only a double space needs cleaning. Both checks are vectorised.
        var span = text.AsSpan();
        if (!span.ContainsAnyExceptInRange(' ', '~'))
        {
            return !span.Contains("  ", StringComparison.Ordinal);
        }
        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }
                previousSpace = true;
                continue;
            }
            previousSpace = false;
            if (c < ' ' || char.IsWhiteSpace(c) || char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uFEFF')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A last guard before text is quoted: false when redaction seems to have missed personal data — an email address,
    /// a web address, a handle, a run of seven or more digits (phone, NHS number), or a UK postcode.
    /// </summary>
    public static bool LooksClean(string text)
    {
        // Each pattern below needs a digit, an @ or a web address prefix: text with none of them (most) is clean,
        // found with vectorised searches instead of a look at every character.
        var span = text.AsSpan();
        if (!span.ContainsAnyInRange('0', '9') && !span.Contains('@') && !span.Contains("http", StringComparison.OrdinalIgnoreCase)
            && !span.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (++digits >= 7)
                {
                    return false;
                }
                continue;
            }
            if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                digits = 0;
            }
            if (c == '@' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                return false;
            }
            if ((c is 'h' or 'H' or 'w' or 'W') && (StartsWith(text, i, "http://") || StartsWith(text, i, "https://") || StartsWith(text, i, "www.")))
            {
                return false;
            }
            if (char.IsAsciiLetterUpper(c) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && IsPostcodeAt(text, i))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>At most <paramref name="max"/> text elements (emoji and accents stay whole), with an ellipsis when cut.</summary>
    public static string Truncate(string text, int max)
    {
        var info = new System.Globalization.StringInfo(text);
        return info.LengthInTextElements <= max ? text : info.SubstringByTextElements(0, max - 1) + "\u2026";
    }

    private static bool StartsWith(string text, int i, string what) => text.AsSpan(i).StartsWith(what, StringComparison.OrdinalIgnoreCase);

    /// <summary>A UK postcode such as <c>SW1A 1AA</c>, <c>M1 1AE</c> or <c>B33 8TH</c> starting at <paramref name="i"/>.</summary>
    private static bool IsPostcodeAt(string t, int i)
    {
        // Outward code: A9, A99, AA9, AA99, A9A, AA9A; then a space (optional); then 9AA.
        var j = i;
        var letters = 0;
        while (j < t.Length && char.IsAsciiLetterUpper(t[j]) && letters < 2)
        {
            j++;
            letters++;
        }
        if (letters == 0 || j >= t.Length || !char.IsAsciiDigit(t[j]))
        {
            return false;
        }
        j++;
        if (j < t.Length && (char.IsAsciiDigit(t[j]) || char.IsAsciiLetterUpper(t[j])))
        {
            j++;
        }
        if (j < t.Length && t[j] == ' ')
        {
            j++;
        }
        return j + 3 <= t.Length && char.IsAsciiDigit(t[j]) && char.IsAsciiLetterUpper(t[j + 1]) && char.IsAsciiLetterUpper(t[j + 2])
               && (j + 3 == t.Length || !char.IsLetterOrDigit(t[j + 3]));
    }
}
