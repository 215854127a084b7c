using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FeedbackCollector.Core.Notes;

namespace FeedbackCollector.Notes;

/// <summary>
/// Reads a Word document: every paragraph with text is a point — bulleted and numbered items and plain paragraphs
/// alike, in tables too — except headings (the Title and Heading styles, or any outline level), which are the context
/// of the points under them. A point's line is its paragraph's number in the document.
/// </summary>
internal static class DocxNotesParser
{
    /// <summary>Guards against a small zip that inflates to a huge document part.</summary>
    private const long MaxCharactersInPart = 20_000_000;

    /// <summary>The points, or an error saying what is wrong with the file.</summary>
    public static (List<NotesPoint>? Points, string? Error) Parse(ReadOnlyMemory<byte> content)
    {
        var bytes = content.Span;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return (null, "This is not a .docx: it is an old Word .doc file or a password-protected document. Save it as .docx without a password.");
        }
        if (!bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return (null, "This is not a .docx: a .docx file is a ZIP package and this file is not one. Was another kind of file renamed?");
        }
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var doc = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var main = doc.MainDocumentPart;
            var body = main?.Document?.Body;
            if (main is null || body is null)
            {
                return (null, "The .docx has no document body: it is a ZIP package but not a Word document.");
            }
            var headingStyles = HeadingStyles(main);
            var points = new List<NotesPoint>();
            string? heading = null;
            var number = 0;
            foreach (var p in body.Descendants<Paragraph>())
            {
                number++;
                var text = NotesText.Tidy(TextOf(p));
                if (text.Length == 0 || NotesText.IsDecoration(text))
                {
                    continue;
                }
                if (IsHeading(p, headingStyles))
                {
                    heading = text.Length > 120 ? text[..120] : text;
                    continue;
                }
                points.Add(new NotesPoint(text, number, heading));
            }
            return (points, null);
        }
        catch (InvalidDataException)
        {
            return (null, "The .docx is damaged: its ZIP structure is broken or incomplete (was the file cut short?).");
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException)
        {
            return (null, "The .docx is damaged: it is a ZIP package but not a valid Word document.");
        }
        catch (XmlException)
        {
            return (null, "The .docx is damaged: the XML of its document part is malformed.");
        }
        catch (IOException)
        {
            return (null, "The .docx is damaged and could not be read.");
        }
    }

    private static string TextOf(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var e in p.Descendants())
        {
            switch (e)
            {
                case Text t:
                    sb.Append(t.Text);
                    break;
                case TabChar or Break or CarriageReturn:
                    sb.Append(' ');
                    break;
                case NoBreakHyphen:
                    sb.Append('-');
                    break;
            }
        }
        return sb.ToString();
    }

    private static HashSet<string> HeadingStyles(MainDocumentPart main)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var styles = main.StyleDefinitionsPart?.Styles;
        if (styles is not null)
        {
            foreach (var s in styles.Elements<Style>())
            {
                var id = s.StyleId?.Value;
                var name = s.StyleName?.Val?.Value ?? "";
                if (id is null)
                {
                    continue;
                }
                if (name.StartsWith("heading", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("subtitle", StringComparison.OrdinalIgnoreCase) || s.StyleParagraphProperties?.OutlineLevel?.Val?.Value is < 9)
                {
                    set.Add(id);
                }
            }
        }
        return set;
    }

    private static bool IsHeading(Paragraph p, HashSet<string> headingStyles)
    {
        var props = p.ParagraphProperties;
        if (props?.OutlineLevel?.Val?.Value is < 9)
        {
            return true;
        }
        var style = props?.ParagraphStyleId?.Val?.Value;
        if (style is null)
        {
            return false;
        }
        // Documents without a styles part still name the built-in styles by id.
        return headingStyles.Contains(style) || style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase)
               || style.Equals("Title", StringComparison.OrdinalIgnoreCase) || style.Equals("Subtitle", StringComparison.OrdinalIgnoreCase);
    }
}
