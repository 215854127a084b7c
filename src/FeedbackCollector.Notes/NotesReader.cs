using System.Globalization;
using FeedbackCollector.Core.Notes;

namespace FeedbackCollector.Notes;

/// <summary>The kinds of notes file read.</summary>
public enum NotesFormat
{
    /// <summary>Plain text (.txt).</summary>
    Text,
    /// <summary>Markdown (.md).</summary>
    Markdown,
    /// <summary>Word (.docx).</summary>
    Docx,
    /// <summary>CSV, one point a row (.csv).</summary>
    Csv,
}

/// <summary>
/// Reads uploaded session notes into points, enforcing the limits of <see cref="NotesLimits"/>. The type is told by the
/// file name's extension, or by the content type when the name has none; a file whose bytes do not match its type is
/// refused as corrupt with what it looks like instead.
/// </summary>
public sealed class NotesReader : INotesReader
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <inheritdoc />
    public IReadOnlyList<string> SupportedTypes { get; } =
        [".txt (text/plain)", ".md (text/markdown)", $".docx ({DocxType})", ".csv (text/csv)"];

    /// <summary>The format of a file by its name's extension or else its content type; null when neither is supported.</summary>
    public static NotesFormat? Detect(string? fileName, string? contentType)
    {
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (ext.Length > 0)
        {
            return ext switch
            {
                ".txt" or ".text" => NotesFormat.Text,
                ".md" or ".markdown" => NotesFormat.Markdown,
                ".docx" => NotesFormat.Docx,
                ".csv" => NotesFormat.Csv,
                _ => null,
            };
        }
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "text/plain" => NotesFormat.Text,
            "text/markdown" or "text/x-markdown" => NotesFormat.Markdown,
            DocxType => NotesFormat.Docx,
            "text/csv" or "application/csv" => NotesFormat.Csv,
            _ => null,
        };
    }

    /// <inheritdoc />
    public NotesReadResult Read(string? fileName, string? contentType, ReadOnlyMemory<byte> content)
    {
        var format = Detect(fileName, contentType);
        if (format is null)
        {
            var ext = Path.GetExtension(fileName ?? "");
            return NotesReadResult.Refused(NotesProblem.UnsupportedType, ext.Length > 0
                ? $"'{ext}' files are not supported."
                : $"The file's type ({(string.IsNullOrWhiteSpace(contentType) ? "none given" : contentType)}) is not supported.");
        }
        if (content.Length == 0)
        {
            return NotesReadResult.Refused(NotesProblem.Empty, "The file is empty.");
        }
        if (content.Length > NotesLimits.MaxBytes)
        {
            return NotesReadResult.Refused(NotesProblem.TooLarge, $"The file is over {NotesLimits.MaxBytes / 1024 / 1024} MB.");
        }

        List<NotesPoint>? points;
        string? error;
        if (format == NotesFormat.Docx)
        {
            (points, error) = DocxNotesParser.Parse(content);
        }
        else
        {
            var text = NotesText.Decode(content.Span);
            if (text is null)
            {
                return NotesReadResult.Refused(NotesProblem.Corrupt, "This is not a text file. " + NotesText.DescribeBinary(content.Span));
            }
            (points, error) = format == NotesFormat.Csv ? CsvNotesParser.Parse(text) : (PlainNotesParser.Parse(text, format == NotesFormat.Markdown), null);
        }
        if (points is null)
        {
            return NotesReadResult.Refused(NotesProblem.Corrupt, error!);
        }
        if (points.Count == 0)
        {
            return NotesReadResult.Refused(NotesProblem.NoPoints, "The file holds no points: no bullets, numbered items, paragraphs or rows with text.");
        }
        if (points.Count > NotesLimits.MaxPoints)
        {
            return NotesReadResult.Refused(NotesProblem.TooManyPoints,
                string.Create(CultureInfo.InvariantCulture, $"The file holds {points.Count:N0} points; the most is {NotesLimits.MaxPoints:N0}. Split it by session."));
        }
        var unit = format switch { NotesFormat.Docx => "paragraph", NotesFormat.Csv => "row", _ => "line" };
        var tooLong = points.Where(p => p.Text.Length > NotesLimits.MaxPointLength).Take(5).ToList();
        if (tooLong.Count > 0)
        {
            var list = string.Join(", ", tooLong.Select(p => string.Create(CultureInfo.InvariantCulture, $"{unit} {p.Line} ({p.Text.Length:N0} characters)")));
            return NotesReadResult.Refused(NotesProblem.PointTooLong,
                string.Create(CultureInfo.InvariantCulture, $"Points are at most {NotesLimits.MaxPointLength:N0} characters; split these: {list}."));
        }
        return NotesReadResult.Read(points);
    }
}
