using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FeedbackCollector.Notes.Tests;

/// <summary>Small upload files built in memory.</summary>
internal static class TestFiles
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A .docx whose paragraphs are (style, text, numbered) triples; style null for a plain paragraph.</summary>
    public static byte[] Docx(params (string? Style, string Text, bool Numbered)[] paragraphs) => Docx(paragraphs, null);

    public static byte[] Docx((string? Style, string Text, bool Numbered)[] paragraphs, string[][]? table)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
                new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
                new Style(new StyleName { Val = "List Paragraph" }) { Type = StyleValues.Paragraph, StyleId = "ListParagraph" });
            var body = new Body();
            foreach (var (style, text, numbered) in paragraphs)
            {
                var props = new ParagraphProperties();
                if (style is not null)
                {
                    props.ParagraphStyleId = new ParagraphStyleId { Val = style };
                }
                if (numbered)
                {
                    props.NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 });
                }
                // Split the text over two runs with a tab, as Word often does.
                var half = text.Length / 2;
                body.Append(new Paragraph(props, new Run(new Text(text[..half]) { Space = SpaceProcessingModeValues.Preserve }), new Run(new Text(text[half..]) { Space = SpaceProcessingModeValues.Preserve })));
            }
            if (table is not null)
            {
                var t = new Table();
                foreach (var row in table)
                {
                    t.Append(new TableRow(row.Select(c => new TableCell(new Paragraph(new Run(new Text(c))))).ToArray()));
                }
                body.Append(t);
            }
            main.Document = new Document(body);
        }
        return ms.ToArray();
    }
}
