using System.IO.Compression;
using System.Text;
using FeedbackCollector.Core.Notes;

namespace FeedbackCollector.Notes.Tests;

public class NotesReaderTests
{
    private static readonly NotesReader Reader = new();

    private static IReadOnlyList<NotesPoint> Points(string name, byte[] bytes, string? type = null)
    {
        var r = Reader.Read(name, type, bytes);
        Assert.True(r.Problem is null, r.Message);
        return r.Points;
    }

    [Fact]
    public void Plain_text_splits_bullets_numbers_and_paragraphs_with_their_lines()
    {
        const string text = "Session with the forum\n\nWhat went well:\n- The youth worker listened\n* Being asked first\n  about the plan\n\n1. Buses are too dear\n2) Nowhere to go after 6\n(3) Police stop us for nothing\n\nA paragraph that is\nwrapped over two lines.\n-----\n";
        var points = Points("notes.txt", TestFiles.Utf8(text));
        Assert.Equal(
            [
                ("Session with the forum", 1, (string?)null),
                ("The youth worker listened", 4, "What went well"),
                ("Being asked first about the plan", 5, "What went well"),
                ("Buses are too dear", 8, "What went well"),
                ("Nowhere to go after 6", 9, "What went well"),
                ("Police stop us for nothing", 10, "What went well"),
                ("A paragraph that is wrapped over two lines.", 12, "What went well"),
            ],
            points.Select(p => (p.Text, p.Line, p.Heading)));
    }

    [Fact]
    public void Markdown_headings_are_context_and_markup_is_removed()
    {
        const string md = "# Northside forum\n\n## School\n\n- **Teachers** don't _always_ listen\n- [ ] Ask about `detentions`\n- See [the report](https://example.org/x) please\n\nSafety\n------\n\n> Parks feel unsafe at night\n\n| Issue | Votes |\n|---|---|\n| Buses | 12 |\n\n<!-- facilitator note\nnot a point -->\n```\ncode line\n```\n";
        var points = Points("notes.md", TestFiles.Utf8(md));
        Assert.Equal(
            [
                ("Teachers don't _always_ listen", "School"),
                ("Ask about detentions", "School"),
                ("See the report please", "School"),
                ("Parks feel unsafe at night", "Safety"),
                ("Issue; Votes", "Safety"),
                ("Buses; 12", "Safety"),
                ("code line", "Safety"),
            ],
            points.Select(p => (p.Text, p.Heading!)));
    }

    [Fact]
    public void Docx_reads_items_and_paragraphs_and_keeps_headings_as_context()
    {
        var bytes = TestFiles.Docx(
            [
                ("Title", "Youth forum 3 March", false),
                (null, "We talked about school.", false),
                ("Heading1", "Transport", false),
                ("ListParagraph", "Buses are late", true),
                ("ListParagraph", "Fares are too high", true),
                (null, "   ", false),
                (null, "Everyone agreed the new route helps.", false),
            ],
            [["Idea", "Who"], ["Free bus passes", "Group A"]]);
        var points = Points("session.docx", bytes);
        Assert.Equal(
            [
                ("We talked about school.", 2, "Youth forum 3 March"),
                ("Buses are late", 4, "Transport"),
                ("Fares are too high", 5, "Transport"),
                ("Everyone agreed the new route helps.", 7, "Transport"),
                ("Idea", 8, "Transport"),
                ("Who", 9, "Transport"),
                ("Free bus passes", 10, "Transport"),
                ("Group A", 11, "Transport"),
            ],
            points.Select(p => (p.Text, p.Line, p.Heading)));
    }

    [Fact]
    public void Csv_uses_a_named_text_column_and_row_lines()
    {
        var csv = "group,text,votes\nA,\"Buses, again\",3\nB,\"Two\nlines\",1\nC,,0\nD,Parks,2\n";
        var points = Points("points.csv", TestFiles.Utf8(csv));
        Assert.Equal([("Buses, again", 2), ("Two lines", 3), ("Parks", 6)], points.Select(p => (p.Text, p.Line)));
    }

    [Fact]
    public void Csv_without_a_known_header_takes_every_row_and_keeps_unquoted_commas()
    {
        var csv = "They listen, mostly\nNot enough youth clubs\nBuses, fares, and times\n";
        var points = Points("points.csv", TestFiles.Utf8(csv));
        Assert.Equal(["They listen, mostly", "Not enough youth clubs", "Buses, fares, and times"], points.Select(p => p.Text));
    }

    [Fact]
    public void Csv_with_semicolons_and_a_note_header_is_read()
    {
        var csv = "note;votes\r\nSafer parks;4\r\nMore lights;2\r\n";
        Assert.Equal(["Safer parks", "More lights"], Points("p.csv", TestFiles.Utf8(csv)).Select(p => p.Text));
    }

    [Fact]
    public void Type_comes_from_the_content_type_when_the_name_has_no_extension()
    {
        Assert.Single(Points("notes", TestFiles.Utf8("- one point"), "text/markdown; charset=utf-8"));
        Assert.Equal(NotesFormat.Docx, NotesReader.Detect(null, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    [Fact]
    public void Windows_1252_and_utf16_text_are_decoded()
    {
        var cp1252 = new byte[] { 0x93, (byte)'F', (byte)'a', (byte)'i', (byte)'r', 0x94, (byte)' ', 0x96, (byte)' ', (byte)'c', (byte)'a', (byte)'f', 0xE9 };
        Assert.Equal("\u201cFair\u201d \u2013 café", Points("n.txt", cp1252).Single().Text);
        var utf16 = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("- مرحبا 👋")).ToArray();
        Assert.Equal("مرحبا 👋", Points("n.txt", utf16).Single().Text);
    }

    [Theory]
    [InlineData("notes.pdf", null)]
    [InlineData("notes.doc", null)]
    [InlineData("notes", "application/pdf")]
    [InlineData(null, null)]
    public void Unsupported_types_are_refused_by_type(string? name, string? type)
    {
        var r = Reader.Read(name, type, TestFiles.Utf8("- a point"));
        Assert.Equal(NotesProblem.UnsupportedType, r.Problem);
        Assert.Empty(r.Points);
    }

    [Fact]
    public void Empty_too_large_and_pointless_files_are_refused()
    {
        Assert.Equal(NotesProblem.Empty, Reader.Read("n.txt", null, Array.Empty<byte>()).Problem);
        Assert.Equal(NotesProblem.TooLarge, Reader.Read("n.txt", null, new byte[NotesLimits.MaxBytes + 1]).Problem);
        var none = Reader.Read("n.md", null, TestFiles.Utf8("# Only a heading\n\n----\n\n"));
        Assert.Equal(NotesProblem.NoPoints, none.Problem);
    }

    [Fact]
    public void A_point_over_the_limit_is_refused_naming_its_line()
    {
        var r = Reader.Read("n.txt", null, TestFiles.Utf8("- short\n- " + new string('x', NotesLimits.MaxPointLength + 1)));
        Assert.Equal(NotesProblem.PointTooLong, r.Problem);
        Assert.Contains("line 2", r.Message);
    }

    [Fact]
    public void Too_many_points_are_refused()
    {
        var text = string.Join("\n", Enumerable.Range(0, NotesLimits.MaxPoints + 1).Select(i => $"- point {i}"));
        Assert.Equal(NotesProblem.TooManyPoints, Reader.Read("n.txt", null, TestFiles.Utf8(text)).Problem);
    }

    [Fact]
    public void A_binary_file_named_txt_is_corrupt_and_says_what_it_is()
    {
        var r = Reader.Read("n.txt", null, TestFiles.Docx([(null, "x", false)]));
        Assert.Equal(NotesProblem.Corrupt, r.Problem);
        Assert.Contains("ZIP", r.Message);
    }

    [Fact]
    public void Random_bytes_named_docx_are_corrupt()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var r = Reader.Read("n.docx", null, bytes);
        Assert.Equal(NotesProblem.Corrupt, r.Problem);
        Assert.Contains("not a .docx", r.Message);
    }

    [Fact]
    public void A_truncated_docx_is_corrupt()
    {
        var whole = TestFiles.Docx([(null, "A point that is long enough to matter", false)]);
        var r = Reader.Read("n.docx", null, whole[..(whole.Length / 2)]);
        Assert.Equal(NotesProblem.Corrupt, r.Problem);
        Assert.Contains("damaged", r.Message);
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_corrupt()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            w.Write("hello");
        }
        var r = Reader.Read("n.docx", null, ms.ToArray());
        Assert.Equal(NotesProblem.Corrupt, r.Problem);
    }

    [Fact]
    public void An_old_doc_is_corrupt_with_advice()
    {
        var r = Reader.Read("n.docx", null, new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 });
        Assert.Equal(NotesProblem.Corrupt, r.Problem);
        Assert.Contains("old Word", r.Message);
    }

    [Theory]
    [InlineData("- item", "item")]
    [InlineData("• item", "item")]
    [InlineData("12. item", "item")]
    [InlineData("a) item", "item")]
    [InlineData("- [x] item", "item")]
    [InlineData("-item", null)]
    [InlineData("2026 was good", null)]
    [InlineData("*emphasis* here", null)]
    public void List_markers(string line, string? expected) => Assert.Equal(expected, PlainNotesParser.ListItemText(line));
}
