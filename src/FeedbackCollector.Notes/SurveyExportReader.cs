using System.Globalization;
using System.Text;
using CsvHelper;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Notes;

/// <summary>The survey tools whose CSV exports can be imported.</summary>
public enum ExportTool
{
    /// <summary>Microsoft Forms (<c>forms</c>).</summary>
    MicrosoftForms,
    /// <summary>Google Forms (<c>google</c>).</summary>
    GoogleForms,
    /// <summary>SurveyMonkey (<c>surveymonkey</c>), whose exports have two header rows.</summary>
    SurveyMonkey,
}

/// <summary>A column of an export: its 1-based number and its name (both header rows joined, for SurveyMonkey).</summary>
public sealed record ExportColumn(int Number, string Name);

/// <summary>An export read into columns and data rows.</summary>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The data rows: the line each starts on and its cells (as many as there are columns).</param>
public sealed record ExportTable(IReadOnlyList<ExportColumn> Columns, IReadOnlyList<(int Line, string[] Cells)> Rows);

/// <summary>Which columns to import and how to read the dates.</summary>
/// <param name="TextColumns">The free-text columns.</param>
/// <param name="DateColumn">The column of when each row was answered.</param>
/// <param name="DayFirst">Whether a date like 03/04/2026 is 3 April (true) or 4 March.</param>
/// <param name="DateFormat">An exact date format given by the user, or null to recognise the common ones.</param>
/// <param name="Notes">What was detected or assumed, to tell the user.</param>
public sealed record ExportSelection(IReadOnlyList<ExportColumn> TextColumns, ExportColumn DateColumn, bool DayFirst, string? DateFormat, IReadOnlyList<string> Notes);

/// <summary>A problem with an export or with the columns chosen; the message says what to do.</summary>
public sealed class ExportFormatException(string message) : Exception(message);

/// <summary>
/// Reads CSV exports of Microsoft Forms, Google Forms and SurveyMonkey for the command-line importer. The user picks
/// the free-text columns and the date column, or lets them be detected: the date column by the tool's own name for it
/// (Completion time, Timestamp, End Date), the text columns as those whose answers are long and varied. Columns that
/// hold identity (name, email, IP address) are never imported, even when picked.
/// </summary>
public static class SurveyExportReader
{
    private static readonly string[] IdentityWords = ["name", "email", "e-mail", "ip address", "phone", "mobile", "postcode", "address"];

    private static readonly Dictionary<ExportTool, string[]> MetadataColumns = new()
    {
        [ExportTool.MicrosoftForms] = ["id", "start time", "completion time", "email", "name", "last modified time", "total points", "quiz feedback", "language"],
        [ExportTool.GoogleForms] = ["timestamp", "email address", "score"],
        [ExportTool.SurveyMonkey] = ["respondent id", "collector id", "start date", "end date", "ip address", "email address", "first name", "last name", "custom data 1"],
    };

    private static readonly Dictionary<ExportTool, string[]> DateColumns = new()
    {
        [ExportTool.MicrosoftForms] = ["completion time", "start time"],
        [ExportTool.GoogleForms] = ["timestamp"],
        [ExportTool.SurveyMonkey] = ["end date", "start date"],
    };

    /// <summary>Reads <c>forms</c>, <c>google</c> or <c>surveymonkey</c>.</summary>
    public static bool TryParseTool(string? text, out ExportTool tool)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "forms" or "microsoft-forms" or "msforms":
                tool = ExportTool.MicrosoftForms;
                return true;
            case "google" or "google-forms":
                tool = ExportTool.GoogleForms;
                return true;
            case "surveymonkey":
                tool = ExportTool.SurveyMonkey;
                return true;
            default:
                tool = default;
                return false;
        }
    }

    /// <summary>The short name of a tool, as the command line takes it.</summary>
    public static string NameOf(ExportTool tool) => tool switch
    {
        ExportTool.MicrosoftForms => "forms",
        ExportTool.GoogleForms => "google",
        _ => "surveymonkey",
    };

    /// <summary>Reads the export's header row(s) and data rows.</summary>
    /// <exception cref="ExportFormatException">The file is not readable CSV or has no header.</exception>
    public static ExportTable ReadTable(ReadOnlySpan<byte> content, ExportTool tool)
    {
        var text = NotesText.Decode(content) ?? throw new ExportFormatException("This is not a CSV file. " + NotesText.DescribeBinary(content));
        var rows = new List<(string[] Record, string Raw, int Line)>();
        try
        {
            rows.AddRange(CsvRows.Read(text));
        }
        catch (CsvFormatException ex)
        {
            throw new ExportFormatException($"The CSV could not be read near line {ex.LineNumber}: check its quotes.");
        }
        var headerRows = tool == ExportTool.SurveyMonkey ? 2 : 1;
        if (rows.Count < headerRows)
        {
            throw new ExportFormatException(tool == ExportTool.SurveyMonkey
                ? "A SurveyMonkey export starts with two header rows (questions, then sub-headings); this file has fewer."
                : "The file has no header row.");
        }
        var width = rows.Max(r => r.Record.Length);
        var names = new string[width];
        if (tool == ExportTool.SurveyMonkey)
        {
            // Row 1 names each question once, over all its columns; row 2 names the column within it ("Response",
            // "Open-Ended Response", or an option).
            var last = "";
            for (var i = 0; i < width; i++)
            {
                var top = At(rows[0].Record, i).Trim();
                var sub = At(rows[1].Record, i).Trim();
                if (top.Length > 0)
                {
                    last = top;
                }
                var q = top.Length > 0 ? top : last;
                names[i] = sub.Length == 0 || sub is "Response" or "Open-Ended Response" ? q
                    : q.Length == 0 ? sub : $"{q} - {sub}";
            }
        }
        else
        {
            for (var i = 0; i < width; i++)
            {
                names[i] = At(rows[0].Record, i).Trim();
            }
        }
        var columns = names.Select((n, i) => new ExportColumn(i + 1, n.Length > 0 ? n : $"Column {i + 1}")).ToList();
        var data = rows.Skip(headerRows).Select(r => (r.Line, Enumerable.Range(0, width).Select(i => At(r.Record, i)).ToArray())).ToList();
        return new ExportTable(columns, data);
    }

    /// <summary>
    /// Resolves the user's choice of columns, detecting what was not given. <paramref name="textColumns"/> is a comma-separated
    /// list of column numbers or names (a name with a comma in it is matched whole); <paramref name="dateColumn"/> a number or name.
    /// </summary>
    /// <exception cref="ExportFormatException">A column does not exist, holds identity, or nothing could be detected.</exception>
    public static ExportSelection Select(ExportTable table, ExportTool tool, string? textColumns, string? dateColumn, string? dateFormat)
    {
        var notes = new List<string>();
        var date = dateColumn is not null ? Resolve(table, dateColumn) : DetectDateColumn(table, tool, notes);
        IReadOnlyList<ExportColumn> texts;
        if (textColumns is not null)
        {
            texts = ResolveList(table, textColumns);
        }
        else
        {
            texts = DetectTextColumns(table, tool, date);
            notes.Add("Text columns detected: " + string.Join("; ", texts.Select(c => $"{c.Number} '{c.Name}'")) + " (choose with --text-columns).");
        }
        foreach (var c in texts)
        {
            if (IsIdentity(c.Name))
            {
                throw new ExportFormatException($"Column {c.Number} '{c.Name}' holds identity (a name, email or address) and is never imported.");
            }
            if (c == date)
            {
                throw new ExportFormatException($"Column {c.Number} '{c.Name}' is the date column; it cannot also be a text column.");
            }
        }
        var dayFirst = true;
        if (dateFormat is null)
        {
            dayFirst = DetectDayFirst(table, date, tool, notes);
        }
        return new ExportSelection(texts, date, dayFirst, dateFormat, notes);
    }

    /// <summary>The rows with an answer in a chosen column, with their dates.</summary>
    /// <exception cref="ExportFormatException">Dates that cannot be read; the message names the first lines.</exception>
    public static IReadOnlyList<ImportRow> ReadRows(ExportTable table, ExportSelection selection)
    {
        var ids = QuestionIds(selection.TextColumns);
        var rows = new List<ImportRow>();
        var bad = new List<string>();
        foreach (var (line, cells) in table.Rows)
        {
            var texts = new List<FreeTextAnswer>();
            for (var i = 0; i < selection.TextColumns.Count; i++)
            {
                var t = cells[selection.TextColumns[i].Number - 1].Trim();
                if (t.Length > 0)
                {
                    texts.Add(new FreeTextAnswer(ids[i], t));
                }
            }
            if (texts.Count == 0)
            {
                continue;
            }
            var raw = cells[selection.DateColumn.Number - 1];
            if (!TryParseDate(raw, selection.DayFirst, selection.DateFormat, out var when))
            {
                if (bad.Count < 5)
                {
                    bad.Add($"line {line} ('{raw.Trim()}')");
                }
                continue;
            }
            rows.Add(new ImportRow(line, when, texts));
        }
        if (bad.Count > 0)
        {
            throw new ExportFormatException($"Dates in column {selection.DateColumn.Number} '{selection.DateColumn.Name}' could not be read: {string.Join(", ", bad)}. Give the format with --date-format (for example \"dd/MM/yyyy HH:mm\").");
        }
        return rows;
    }

    /// <summary>
    /// Reads a date as the tools write them: ISO 8601, <c>2026/03/15 10:22:33 AM GMT</c> (Google Forms), <c>15/03/2026 10:22</c>
    /// or <c>3/15/26 10:22:33</c> (Forms), <c>03/15/2026 10:22:33 AM</c> (SurveyMonkey). A time without a zone is UTC.
    /// </summary>
    public static bool TryParseDate(string? text, bool dayFirst, string? exactFormat, out DateTimeOffset utc)
    {
        utc = default;
        var t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            return false;
        }
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (exactFormat is not null)
        {
            return DateTimeOffset.TryParseExact(t, exactFormat, CultureInfo.InvariantCulture, styles, out utc);
        }
        // Google Forms: "2026/03/15 10:22:33 AM GMT" or "... GMT+1"; the zone is an offset from GMT.
        var offset = TimeSpan.Zero;
        var gmt = t.LastIndexOf(" GMT", StringComparison.Ordinal);
        if (gmt > 0)
        {
            var zone = t[(gmt + 4)..];
            if (zone.Length > 0 && !TryParseOffset(zone, out offset))
            {
                return false;
            }
            t = t[..gmt];
        }
        if (t.Length >= 10 && char.IsAsciiDigit(t[0]) && t[4] is '-' or '/' && DateTimeOffset.TryParseExact(t, IsoFormats, CultureInfo.InvariantCulture, styles, out utc))
        {
            utc -= offset;
            return true;
        }
        if (DateTimeOffset.TryParseExact(t, dayFirst ? DayFirstFormats : MonthFirstFormats, CultureInfo.InvariantCulture, styles, out utc))
        {
            utc -= offset;
            return true;
        }
        return false;
    }

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy/MM/dd", "yyyy/MM/dd H:mm:ss", "yyyy/MM/dd h:mm:ss tt", "yyyy/MM/dd H:mm", "yyyy/MM/dd h:mm tt",
    ];

    private static readonly string[] TimeParts = ["", " H:mm", " H:mm:ss", " h:mm tt", " h:mm:ss tt"];

    private static readonly string[] DayFirstFormats = [.. from d in new[] { "d/M/yyyy", "d/M/yy", "d.M.yyyy" } from tp in TimeParts select d + tp];

    private static readonly string[] MonthFirstFormats = [.. from d in new[] { "M/d/yyyy", "M/d/yy" } from tp in TimeParts select d + tp];

    private static bool TryParseOffset(string zone, out TimeSpan offset)
    {
        offset = default;
        var sign = zone[0] == '-' ? -1 : zone[0] == '+' ? 1 : 0;
        if (sign == 0)
        {
            return false;
        }
        var body = zone[1..];
        var parts = body.Split(':');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h > 14)
        {
            return false;
        }
        var m = 0;
        if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out m))
        {
            return false;
        }
        offset = sign * new TimeSpan(h, m, 0);
        return true;
    }

    private static ExportColumn DetectDateColumn(ExportTable table, ExportTool tool, List<string> notes)
    {
        foreach (var name in DateColumns[tool])
        {
            var c = table.Columns.FirstOrDefault(c => string.Equals(c.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));
            if (c is not null)
            {
                notes.Add($"Date column: {c.Number} '{c.Name}' (choose with --date-column).");
                return c;
            }
        }
        foreach (var c in table.Columns)
        {
            var values = table.Rows.Select(r => r.Cells[c.Number - 1]).Where(v => v.Trim().Length > 0).ToList();
            if (values.Count > 0 && values.All(v => TryParseDate(v, true, null, out _) || TryParseDate(v, false, null, out _)))
            {
                notes.Add($"Date column: {c.Number} '{c.Name}', the first column holding dates (choose with --date-column).");
                return c;
            }
        }
        throw new ExportFormatException("No date column was found; name it with --date-column. Columns: " + Describe(table));
    }

    private static List<ExportColumn> DetectTextColumns(ExportTable table, ExportTool tool, ExportColumn date)
    {
        var metadata = MetadataColumns[tool];
        var found = new List<ExportColumn>();
        foreach (var c in table.Columns)
        {
            if (c == date || IsIdentity(c.Name) || metadata.Contains(c.Name.Trim().ToLowerInvariant()))
            {
                continue;
            }
            var values = table.Rows.Select(r => r.Cells[c.Number - 1].Trim()).Where(v => v.Length > 0).ToList();
            if (values.Count == 0 || values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                continue;
            }
            // Free text is varied and longish; the options of a closed question repeat.
            var distinct = values.Distinct(StringComparer.OrdinalIgnoreCase).Count();
            var meanLength = values.Average(v => v.Length);
            if (meanLength >= 15 && (distinct >= 0.6 * values.Count || values.Count < 3))
            {
                found.Add(c);
            }
        }
        if (found.Count == 0)
        {
            throw new ExportFormatException("No free-text column was recognised; name them with --text-columns. Columns: " + Describe(table));
        }
        return found;
    }

    private static bool DetectDayFirst(ExportTable table, ExportColumn date, ExportTool tool, List<string> notes)
    {
        bool dayOver12 = false, monthOver12 = false;
        foreach (var (_, cells) in table.Rows)
        {
            var v = cells[date.Number - 1].Trim();
            var parts = v.Split(' ')[0].Split('/', '.');
            if (parts.Length != 3 || parts[0].Length > 2)
            {
                continue;
            }
            if (int.TryParse(parts[0], CultureInfo.InvariantCulture, out var a) && a > 12)
            {
                dayOver12 = true;
            }
            if (int.TryParse(parts[1], CultureInfo.InvariantCulture, out var b) && b > 12)
            {
                monthOver12 = true;
            }
        }
        if (dayOver12 && monthOver12)
        {
            throw new ExportFormatException($"The dates in '{date.Name}' mix day-first and month-first forms; give the format with --date-format.");
        }
        if (dayOver12 || monthOver12)
        {
            return dayOver12;
        }
        // Nothing in the data tells; SurveyMonkey writes month first, the others follow the form owner's locale (UK: day first).
        var dayFirst = tool != ExportTool.SurveyMonkey;
        if (table.Rows.Any(r => r.Cells[date.Number - 1].Contains('/', StringComparison.Ordinal) && !r.Cells[date.Number - 1].TrimStart().StartsWith("20", StringComparison.Ordinal)))
        {
            notes.Add($"Dates like 03/04 were read {(dayFirst ? "day first (3 April)" : "month first (4 March)")}; give --date-format if that is wrong.");
        }
        return dayFirst;
    }

    private static ExportColumn Resolve(ExportTable table, string spec)
    {
        var s = spec.Trim();
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n >= 1 && n <= table.Columns.Count ? table.Columns[n - 1]
                : throw new ExportFormatException($"There is no column {n}; the file has {table.Columns.Count}.");
        }
        var matches = table.Columns.Where(c => string.Equals(c.Name.Trim(), s, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ExportFormatException($"No column is named '{s}'. Columns: {Describe(table)}"),
            _ => throw new ExportFormatException($"Several columns are named '{s}'; give its number ({string.Join(", ", matches.Select(m => m.Number))})."),
        };
    }

    private static List<ExportColumn> ResolveList(ExportTable table, string spec)
    {
        var result = new List<ExportColumn>();
        var tokens = spec.Split(',');
        for (var i = 0; i < tokens.Length; i++)
        {
            // Names may hold commas ("What went well, and why?"): grow the token until it names a column.
            var candidate = tokens[i];
            var j = i;
            while (!Names(table, candidate) && j + 1 < tokens.Length && !int.TryParse(candidate.Trim(), out _))
            {
                var longer = candidate + "," + tokens[j + 1];
                if (!table.Columns.Any(c => c.Name.Trim().StartsWith(longer.Trim(), StringComparison.OrdinalIgnoreCase)))
                {
                    break;
                }
                candidate = longer;
                j++;
            }
            i = j;
            if (candidate.Trim().Length == 0)
            {
                continue;
            }
            var col = Resolve(table, candidate);
            if (!result.Contains(col))
            {
                result.Add(col);
            }
        }
        return result.Count > 0 ? result : throw new ExportFormatException("--text-columns names no column.");
    }

    private static bool Names(ExportTable table, string candidate) =>
        int.TryParse(candidate.Trim(), out _) || table.Columns.Any(c => string.Equals(c.Name.Trim(), candidate.Trim(), StringComparison.OrdinalIgnoreCase));

    private static bool IsIdentity(string name)
    {
        var n = name.Trim().ToLowerInvariant();
        return IdentityWords.Any(w => n == w || n.EndsWith(" " + w, StringComparison.Ordinal) || n.StartsWith(w + " ", StringComparison.Ordinal))
               || n is "ip" or "respondent" || n.Contains("email", StringComparison.Ordinal);
    }

    /// <summary>Question ids for the chosen columns: a slug of the name, unique, at most 40 characters.</summary>
    internal static string[] QuestionIds(IReadOnlyList<ExportColumn> columns)
    {
        var ids = new string[columns.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var sb = new StringBuilder();
            foreach (var ch in columns[i].Name.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(ch))
                {
                    sb.Append(ch);
                }
                else if (sb.Length > 0 && sb[^1] != '-')
                {
                    sb.Append('-');
                }
                if (sb.Length >= 36)
                {
                    break;
                }
            }
            var id = sb.ToString().Trim('-');
            if (id.Length == 0 || !used.Add(id))
            {
                id = "c" + columns[i].Number.ToString(CultureInfo.InvariantCulture);
                used.Add(id);
            }
            ids[i] = id;
        }
        return ids;
    }

    private static string Describe(ExportTable table) =>
        string.Join("; ", table.Columns.Select(c => $"{c.Number} '{(c.Name.Length > 60 ? c.Name[..60] + "…" : c.Name)}'"));

    private static string At(string[] record, int i) => i < record.Length ? record[i] : "";
}
