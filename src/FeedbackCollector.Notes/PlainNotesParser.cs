using System.Text;
using FeedbackCollector.Core.Notes;

namespace FeedbackCollector.Notes;

/// <summary>
/// Splits plain-text or Markdown notes into points. A bullet (<c>-</c>, <c>*</c>, <c>+</c>, <c>•</c>...) or a numbered item
/// (<c>1.</c>, <c>2)</c>, <c>(3)</c>, <c>a)</c>) starts a point; other lines form paragraphs, which end at a blank line or at
/// the next item; a line that follows an item or a paragraph line continues it (wrapped text). Headings are kept as the
/// context of the points under them, never as points: Markdown <c>#</c> and underlined headings, and a short line ending
/// in a colon that introduces a list (<c>What went well:</c>).
/// </summary>
internal static class PlainNotesParser
{
    private const int MaxHeadingLength = 120;

    public static List<NotesPoint> Parse(string text, bool markdown)
    {
        var lines = SplitLines(text);
        var points = new List<NotesPoint>();
        string? heading = null;
        var current = new StringBuilder();
        var currentLine = 0;
        var currentIsItem = false;
        var inComment = false;

        void Flush()
        {
            if (current.Length > 0)
            {
                var t = NotesText.Tidy(markdown ? Inline(current.ToString()) : current.ToString());
                if (t.Length > 0 && !NotesText.IsDecoration(t))
                {
                    points.Add(new NotesPoint(t, currentLine, heading));
                }
            }
            current.Clear();
            currentIsItem = false;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var lineNo = i + 1;
            var line = lines[i];
            var trimmed = line.AsSpan().Trim();
            if (markdown)
            {
                if (inComment)
                {
                    inComment = trimmed.IndexOf("-->", StringComparison.Ordinal) < 0;
                    continue;
                }
                if (trimmed.StartsWith("<!--", StringComparison.Ordinal))
                {
                    Flush();
                    inComment = trimmed.IndexOf("-->", StringComparison.Ordinal) < 0;
                    continue;
                }
                if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                {
                    Flush();
                    continue;
                }
                if (AtxHeading(trimmed) is { } h)
                {
                    Flush();
                    heading = HeadingText(h, markdown);
                    continue;
                }
                if (IsSetextUnderline(trimmed) && current.Length > 0 && !currentIsItem && currentLine == lineNo - 1)
                {
                    // "Title\n=====": the line above was a heading, not a paragraph.
                    heading = HeadingText(current.ToString(), markdown);
                    current.Clear();
                    continue;
                }
                if (IsTableSeparator(trimmed))
                {
                    continue;
                }
                while (trimmed.StartsWith(">", StringComparison.Ordinal))
                {
                    trimmed = trimmed[1..].TrimStart();
                }
                if (trimmed.StartsWith("|", StringComparison.Ordinal))
                {
                    // A table row: each row is a point, its cells joined.
                    Flush();
                    current.Append(string.Join("; ", trimmed.Trim('|').ToString().Split('|').Select(c => c.Trim()).Where(c => c.Length > 0)));
                    currentLine = lineNo;
                    Flush();
                    continue;
                }
            }
            if (trimmed.IsEmpty || NotesText.IsDecoration(trimmed))
            {
                Flush();
                continue;
            }
            var itemText = ListItemText(trimmed);
            if (itemText is not null)
            {
                Flush();
                current.Append(itemText);
                currentLine = lineNo;
                currentIsItem = true;
                continue;
            }
            if (current.Length == 0 && IsLeadIn(trimmed) && NextContentIsItem(lines, i + 1, markdown))
            {
                heading = HeadingText(trimmed[..^1].ToString(), markdown);
                continue;
            }
            if (current.Length == 0)
            {
                currentLine = lineNo;
            }
            else
            {
                current.Append(' ');
            }
            current.Append(trimmed);
        }
        Flush();
        return points;
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r' or '\u2028' or '\u2029')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }
        return lines;
    }

    /// <summary>The text of a list item without its marker, or null when the line is not an item.</summary>
    internal static string? ListItemText(ReadOnlySpan<char> t)
    {
        if (t.Length < 2)
        {
            return null;
        }
        int markerEnd;
        if (t[0] is '-' or '*' or '+' or '•' or '◦' or '▪' or '‣' or '–' or '—' or '·' or '\uF0B7' or '○' or '■' or '►' or '➢' or '✓' or '✔')
        {
            markerEnd = 1;
        }
        else
        {
            var n = 0;
            var open = t[0] == '(' ? 1 : 0;
            while (open + n < t.Length && n < 3 && char.IsAsciiDigit(t[open + n]))
            {
                n++;
            }
            if (n == 0 && open + 1 < t.Length && char.IsAsciiLetterLower(t[open]) && t[open + 1] == ')')
            {
                n = 1; // a) b) c)
            }
            if (n == 0 || open + n >= t.Length)
            {
                return null;
            }
            var close = t[open + n];
            if (open == 1 ? close != ')' : close is not ('.' or ')'))
            {
                return null;
            }
            markerEnd = open + n + 1;
        }
        if (markerEnd >= t.Length || !char.IsWhiteSpace(t[markerEnd]))
        {
            return null;
        }
        var rest = t[markerEnd..].TrimStart();
        // Task-list boxes: "- [ ] ask the school", "- [x] done".
        if (rest.Length >= 3 && rest[0] == '[' && rest[2] == ']' && rest[1] is ' ' or 'x' or 'X')
        {
            rest = rest[3..].TrimStart();
        }
        return rest.IsEmpty ? null : rest.ToString();
    }

    private static string? AtxHeading(ReadOnlySpan<char> t)
    {
        var n = 0;
        while (n < t.Length && t[n] == '#')
        {
            n++;
        }
        if (n is 0 or > 6 || (n < t.Length && t[n] != ' ' && t[n] != '\t'))
        {
            return null;
        }
        return t[n..].Trim().TrimEnd('#').Trim().ToString();
    }

    private static bool IsSetextUnderline(ReadOnlySpan<char> t) =>
        t.Length >= 2 && (t.Trim('=').IsEmpty || t.Trim('-').IsEmpty);

    private static bool IsTableSeparator(ReadOnlySpan<char> t)
    {
        if (!t.StartsWith("|", StringComparison.Ordinal) || t.Length < 3)
        {
            return false;
        }
        foreach (var c in t)
        {
            if (c is not ('|' or '-' or ':' or ' '))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsLeadIn(ReadOnlySpan<char> t) => t.Length is > 1 and <= MaxHeadingLength && t[^1] == ':';

    private static bool NextContentIsItem(List<string> lines, int from, bool markdown)
    {
        for (var i = from; i < lines.Count; i++)
        {
            var t = lines[i].AsSpan().Trim();
            if (t.IsEmpty)
            {
                continue;
            }
            if (markdown)
            {
                while (t.StartsWith(">", StringComparison.Ordinal))
                {
                    t = t[1..].TrimStart();
                }
            }
            return ListItemText(t) is not null;
        }
        return false;
    }

    private static string HeadingText(string text, bool markdown)
    {
        var h = NotesText.Tidy(markdown ? Inline(text) : text).TrimEnd(':').Trim();
        return h.Length > MaxHeadingLength ? h[..MaxHeadingLength] : h;
    }

    /// <summary>Markdown inline markup to plain text: emphasis and code marks dropped, links and images to their text, escapes resolved.</summary>
    internal static string Inline(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length && char.IsAsciiLetterOrDigit(s[i + 1]) == false && s[i + 1] < 128 && !char.IsWhiteSpace(s[i + 1]))
            {
                sb.Append(s[++i]);
                continue;
            }
            if (c is '*' or '`')
            {
                continue;
            }
            if ((c is '_' or '~') && i + 1 < s.Length && s[i + 1] == c)
            {
                i++;
                continue;
            }
            if (c == '!' && i + 1 < s.Length && s[i + 1] == '[')
            {
                continue;
            }
            if (c == '[')
            {
                // [text](url) → text; [text] alone stays as written.
                var close = s.IndexOf(']', i + 1);
                if (close > i && close + 1 < s.Length && s[close + 1] == '(')
                {
                    var end = s.IndexOf(')', close + 2);
                    if (end > close)
                    {
                        sb.Append(Inline(s[(i + 1)..close]));
                        i = end;
                        continue;
                    }
                }
            }
            if (c == '<' && i + 3 < s.Length && (s.AsSpan(i).StartsWith("<br>", StringComparison.OrdinalIgnoreCase) || s.AsSpan(i).StartsWith("<br/>", StringComparison.OrdinalIgnoreCase)))
            {
                sb.Append(' ');
                i = s.IndexOf('>', i);
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
