using System.Text;

namespace FeedbackCollector.Notes;

/// <summary>Decoding of uploaded text and tidying of point text, shared by the readers.</summary>
internal static class NotesText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static NotesText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Decodes text: a byte-order mark wins; otherwise UTF-8, and when the bytes are not valid UTF-8, Windows-1252 (what
    /// Word and Excel write as "plain text" on Windows). Null when the bytes are binary rather than text.
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes)
    {
        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = Encoding.UTF8.GetString(bytes[3..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        else
        {
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                text = Encoding.GetEncoding(1252).GetString(bytes);
            }
        }
        // Text files do not hold NUL or most other C0 controls; binary files (a PDF, a renamed .docx) do.
        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return null;
            }
            if (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                controls++;
            }
        }
        return controls > 8 && controls * 100 > text.Length ? null : text;
    }

    /// <summary>What a binary upload probably is, to say so in the error.</summary>
    public static string DescribeBinary(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("PK\u0003\u0004"u8) ? "It is a ZIP package (a .docx or .xlsx?): upload a Word document with the .docx extension."
        : bytes.StartsWith("%PDF"u8) ? "It is a PDF: save the notes as .docx, .txt, .md or .csv."
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) ? "It is an old Word or Excel file (.doc/.xls): save it as .docx or .csv."
        : "It holds binary data, not text.";

    /// <summary>Collapses runs of white space (including line breaks) to one space, drops control characters, and trims.</summary>
    public static string Tidy(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                space = sb.Length > 0;
                continue;
            }
            if (char.IsControl(c))
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

    /// <summary>True when the text has no letter, digit or symbol worth analysing (a rule of dashes, a lone bullet).</summary>
    public static bool IsDecoration(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || (char.IsSymbol(c) && c is not ('=' or '+' or '~' or '|' or '<' or '>')) || char.IsSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }
}
