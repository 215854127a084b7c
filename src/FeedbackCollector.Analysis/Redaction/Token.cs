namespace FeedbackCollector.Analysis.Redaction;

/// <summary>A word of the text for name finding: letters with inner apostrophes or hyphens.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Length including any possessive ending.</param>
/// <param name="BaseLength">Length without a possessive "'s" ending.</param>
/// <param name="Flags">What the lexicon knows about the base word.</param>
/// <param name="Capitalised">First letter is upper case.</param>
/// <param name="SentenceStart">Begins a sentence, line or quotation, so its capital says nothing.</param>
/// <param name="Joined">Only spaces (or a hyphen) separate it from the previous token: a name can run on.</param>
internal readonly record struct Token(int Start, int Length, int BaseLength, WordFlags Flags, bool Capitalised, bool SentenceStart, bool Joined)
{
    public int End => Start + Length;

    public int BaseEnd => Start + BaseLength;

    public bool Is(string text, string word) =>
        text.AsSpan(Start, BaseLength).Equals(word, StringComparison.OrdinalIgnoreCase)
        || text.AsSpan(Start, Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool Has(WordFlags flags) => (Flags & flags) != 0;

    /// <summary>Never a name: a function, family, role, title, cue or service word.</summary>
    public bool NeverName => Has(WordFlags.Function | WordFlags.Service | WordFlags.Title | WordFlags.Role | WordFlags.Relation | WordFlags.SaidVerb | WordFlags.Greeting);
}
