namespace FeedbackCollector.Analysis.Redaction;

/// <summary>A word of the text for name finding: letters with inner apostrophes or hyphens.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Length including any possessive ending.</param>
/// <param name="BaseLength">Length without a possessive "'s" ending.</param>
/// <param name="Flags">What the lexicon knows about the base word.</param>
/// <param name="Capitalised">First letter is upper case.</param>
/// <param name="SentenceStart">Begins a sentence, line or quotation, so its capital says nothing.</param>
/// <param name="Joined">Only spaces (or a hyphen) separate it from the previous token: a name can run on.</param>
/// <param name="Acronym">Two or more letters and none of them a lower-case ASCII letter ("YP", "DSL").</param>
/// <param name="BaseCue">The cue word the base word equals, ignoring case.</param>
/// <param name="FullCue">The cue word the whole token (possessive included) equals, ignoring case.</param>
/// <param name="Kinds">Which general word lists hold the base word (<see cref="Lexicon.Kinds"/>), from the lexicon's same lookup.</param>
internal readonly record struct Token(int Start, int Length, int BaseLength, WordFlags Flags, bool Capitalised, bool SentenceStart, bool Joined,
    bool Acronym, CueWord BaseCue, CueWord FullCue, WordKinds Kinds)
{
    public int End => Start + Length;

    public int BaseEnd => Start + BaseLength;

    /// <summary>The base word or the whole token is <paramref name="word"/>, ignoring case.</summary>
    public bool Is(CueWord word) => BaseCue == word || FullCue == word;

    /// <summary>The base word or the whole token is one of the cue words <paramref name="first"/> to <paramref name="last"/>.</summary>
    public bool IsAnyOf(CueWord first, CueWord last) => (BaseCue >= first && BaseCue <= last) || (FullCue >= first && FullCue <= last);

    public bool Has(WordFlags flags) => (Flags & flags) != 0;

    /// <summary>The base word is an English word (<see cref="EnglishWords.Contains"/>).</summary>
    public bool English => (Kinds & WordKinds.English) != 0;

    /// <summary>The base word is an English word or text-speak (<see cref="EnglishWords.IsWordOrTextSpeak"/>).</summary>
    public bool WordOrTextSpeak => (Kinds & (WordKinds.English | WordKinds.TextSpeak)) != 0;

    /// <summary>Never a name: a function, family, role, title, cue or service word.</summary>
    public bool NeverName => Has(WordFlags.Function | WordFlags.Service | WordFlags.Title | WordFlags.Role | WordFlags.Relation | WordFlags.SaidVerb | WordFlags.Greeting);
}
