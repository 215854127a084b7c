using CsvHelper;
using FeedbackCollector.Core.Notes;

namespace FeedbackCollector.Notes;

/// <summary>
/// Reads notes kept one point a row. When the first row names a column <c>text</c>, <c>point</c> or <c>note</c> (or
/// <c>points</c>, <c>notes</c>, <c>comment</c>, <c>comments</c>, <c>feedback</c>), that row is a header and that column holds
/// the points; otherwise every row is a point and the first column holds it. A point's line is the line its row starts on.
/// </summary>
internal static class CsvNotesParser
{
    private static readonly string[] TextHeaders = ["text", "point", "note", "points", "notes", "comment", "comments", "feedback"];

    /// <summary>The points, or an error message when the CSV cannot be read.</summary>
    public static (List<NotesPoint>? Points, string? Error) Parse(string text)
    {
        var rows = new List<(string[] Record, string Raw, int Line)>();
        try
        {
            foreach (var row in CsvRows.Read(text))
            {
                rows.Add(row);
            }
        }
        catch (CsvFormatException ex)
        {
            return (null, $"The CSV could not be read near line {ex.LineNumber}: check its quotes.");
        }
        var points = new List<NotesPoint>();
        if (rows.Count == 0)
        {
            return (points, null);
        }
        var column = HeaderColumn(rows[0].Record);
        var body = column >= 0 ? rows.Skip(1) : rows;
        // Without a header, rows whose field counts differ are one column of text with unquoted commas in it
        // ("they listen, mostly"): take the whole row rather than cut the point at its first comma.
        var wholeRow = column < 0 && rows.Select(r => r.Record.Length).Distinct().Count() > 1;
        column = Math.Max(column, 0);
        foreach (var (record, raw, line) in body)
        {
            var cell = wholeRow ? (record.Length == 1 ? record[0] : raw) : column < record.Length ? record[column] : "";
            var t = NotesText.Tidy(cell);
            if (t.Length > 0 && !NotesText.IsDecoration(t))
            {
                points.Add(new NotesPoint(t, line));
            }
        }
        return (points, null);
    }

    private static int HeaderColumn(string[] record)
    {
        foreach (var name in TextHeaders)
        {
            for (var i = 0; i < record.Length; i++)
            {
                if (string.Equals(record[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }
        return -1;
    }
}
