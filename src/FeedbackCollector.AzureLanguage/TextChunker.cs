namespace FeedbackCollector.AzureLanguage;

/// <summary>
/// Splits long texts (forum notes) into pieces the synchronous API accepts: 5,120 characters a document. The limit is
/// counted in text elements; a piece of at most 5,120 UTF-16 code units never has more, so the UTF-16 count is safe.
/// </summary>
internal static class TextChunker
{
    /// <summary>The documented per-document limit of the synchronous preconfigured features.</summary>
    public const int MaxDocumentLength = 5120;

    /// <summary>Pieces of <paramref name="text"/> as (offset, length), in order, covering it exactly.</summary>
    public static IReadOnlyList<(int Offset, int Length)> Split(string text, int maxLength = MaxDocumentLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 16);
        if (text.Length <= maxLength)
        {
            return [(0, text.Length)];
        }
        var pieces = new List<(int, int)>(text.Length / maxLength + 1);
        var start = 0;
        while (text.Length - start > maxLength)
        {
            var end = FindBreak(text, start, start + maxLength);
            pieces.Add((start, end - start));
            start = end;
        }
        pieces.Add((start, text.Length - start));
        return pieces;
    }

    /// <summary>
    /// The best place to end a piece in (<paramref name="start"/>, <paramref name="limit"/>]: after a line break, else
    /// after a sentence end, else after a space, searched in the second half of the window so pieces stay large; else a
    /// hard cut that never separates a surrogate pair. Breaking at boundaries keeps names and numbers whole, so the
    /// service sees each entity in one piece.
    /// </summary>
    private static int FindBreak(string text, int start, int limit)
    {
        var floor = start + (limit - start) / 2;
        for (var i = limit - 1; i >= floor; i--)
        {
            if (text[i] == '\n')
            {
                return i + 1;
            }
        }
        for (var i = limit - 1; i >= floor; i--)
        {
            if (char.IsWhiteSpace(text[i]) && i > start && text[i - 1] is '.' or '!' or '?')
            {
                return i + 1;
            }
        }
        for (var i = limit - 1; i >= floor; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i + 1;
            }
        }
        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }
}
