namespace FeedbackCollector.Core.Notes;

/// <summary>The limits of an upload of session notes.</summary>
public static class NotesLimits
{
    /// <summary>Largest file accepted: 5 MB.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Most points one file may hold (a long session gives a few hundred).</summary>
    public const int MaxPoints = 2000;

    /// <summary>Longest point, in characters: the same as a survey's free-text answer.</summary>
    public const int MaxPointLength = Surveys.SurveyRules.MaxFreeTextLength;
}

/// <summary>One point of a session's notes.</summary>
/// <param name="Text">The point, trimmed, with list markers and formatting removed.</param>
/// <param name="Line">Where it starts: the line (text, Markdown), paragraph (.docx) or row (CSV) number, from 1.</param>
/// <param name="Heading">The heading it stood under, when there was one.</param>
public sealed record NotesPoint(string Text, int Line, string? Heading = null);

/// <summary>Why a file of notes was refused. Each maps to one HTTP status.</summary>
public enum NotesProblem
{
    /// <summary>The file has no bytes (400).</summary>
    Empty,
    /// <summary>The file is over <see cref="NotesLimits.MaxBytes"/> (413).</summary>
    TooLarge,
    /// <summary>Not a supported type (415).</summary>
    UnsupportedType,
    /// <summary>The file is damaged or is not what its name says (400).</summary>
    Corrupt,
    /// <summary>The file was read but holds no points (400).</summary>
    NoPoints,
    /// <summary>A point is longer than <see cref="NotesLimits.MaxPointLength"/> (400).</summary>
    PointTooLong,
    /// <summary>More than <see cref="NotesLimits.MaxPoints"/> points (400).</summary>
    TooManyPoints,
}

/// <summary>The points read from a file, or why it was refused (never both).</summary>
public sealed record NotesReadResult(IReadOnlyList<NotesPoint> Points, NotesProblem? Problem, string? Message)
{
    /// <summary>A file read into points.</summary>
    public static NotesReadResult Read(IReadOnlyList<NotesPoint> points) => new(points, null, null);

    /// <summary>A refused file.</summary>
    public static NotesReadResult Refused(NotesProblem problem, string message) => new([], problem, message);
}

/// <summary>Reads an uploaded file of session notes into points (plain text, Markdown, .docx, CSV).</summary>
public interface INotesReader
{
    /// <summary>The supported types, as shown to a user: <c>.txt (text/plain)</c>...</summary>
    IReadOnlyList<string> SupportedTypes { get; }

    /// <summary>Reads <paramref name="content"/>, whose type is told by <paramref name="fileName"/>'s extension or else <paramref name="contentType"/>.</summary>
    NotesReadResult Read(string? fileName, string? contentType, ReadOnlyMemory<byte> content);
}
