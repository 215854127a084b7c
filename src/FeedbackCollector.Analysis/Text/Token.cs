namespace FeedbackCollector.Analysis.Text;

/// <summary>What a normalised word is for the analysis.</summary>
[Flags]
internal enum WordFlags : ushort
{
    None = 0,
    /// <summary>A stop word: never part of a key phrase on its own.</summary>
    Stop = 1,
    /// <summary>Negates what follows ("not", "never", "nobody").</summary>
    Negator = 2,
    /// <summary>Strengthens or softens what follows (see <see cref="NormWord.Modifier"/>).</summary>
    Modifier = 4,
    /// <summary>Turns the weight of a sentence to what follows ("but").</summary>
    Contrast = 8,
    /// <summary>Makes what follows wished for rather than had ("should", "wish").</summary>
    Irrealis = 16,
    /// <summary>A redaction placeholder such as <c>[name]</c>.</summary>
    Placeholder = 32,
    /// <summary>An emoji or emoticon.</summary>
    Emoji = 64,
    /// <summary>Digits only.</summary>
    Number = 128,
    /// <summary>Known English (dictionary, common word, domain word or text-speak).</summary>
    KnownEnglish = 256,
    /// <summary>Too vague to be a key phrase on its own ("good", "stuff").</summary>
    Generic = 512,
    /// <summary>Its valence is a hard situation told as a fact ("hits", "waiting"), not a judgement.</summary>
    Situational = 1024,
}

/// <summary>
/// A word in its normalised form ("socail" and "SOCIAL" both become "social"), with everything the analysis needs
/// to know about it. Shared: one instance per distinct normalised word.
/// </summary>
internal sealed class NormWord(string text)
{
    /// <summary>The normalised text.</summary>
    public string Text { get; } = text;

    /// <summary>Ids of the vocabulary entries it matches: the exact word, then any stems (<c>listen*</c>).</summary>
    public int[] Keys { get; set; } = [];

    /// <summary>Flags.</summary>
    public WordFlags Flags { get; set; }

    /// <summary>Sentiment valence of the word alone, -3 to +3.</summary>
    public float Valence { get; set; }

    /// <summary>Factor applied to the next sentiment word when this is an intensifier or dampener.</summary>
    public float Modifier { get; set; } = 1f;

    /// <summary>True when any flag in <paramref name="f"/> is set.</summary>
    public bool Is(WordFlags f) => (Flags & f) != 0;

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>A surface word as written (lower-cased), resolved once and cached.</summary>
internal sealed class RawWord(NormWord[] norms, uint languageMask, uint strongMask)
{
    /// <summary>Its normalised words: usually one, several for text-speak ("idk").</summary>
    public NormWord[] Norms { get; } = norms;

    /// <summary>Bit <c>i</c> set when language profile <c>i</c> has this word (see <c>LanguageDetector</c>).</summary>
    public uint LanguageMask { get; } = languageMask;

    /// <summary>Bit <c>i</c> set when it is one of profile <c>i</c>'s distinctive words.</summary>
    public uint StrongMask { get; } = strongMask;
}

/// <summary>Flags of one token in one text.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    /// <summary>Written in capitals ("NEVER").</summary>
    AllCaps = 1,
    /// <summary>Letters stretched ("sooooo").</summary>
    Elongated = 2,
}

/// <summary>One normalised word of a text, with where it came from.</summary>
internal struct Token
{
    /// <summary>Offset of the surface word in the analysed text.</summary>
    public int Start;

    /// <summary>Length of the surface word in the analysed text.</summary>
    public int Length;

    /// <summary>The normalised word.</summary>
    public NormWord Word;

    /// <summary>Sentence number within the text (split at . ! ? and line breaks).</summary>
    public int Sentence;

    /// <summary>Clause number within the text (split also at commas, semicolons, brackets, dashes).</summary>
    public int Clause;

    /// <summary>Flags.</summary>
    public TokenFlags Flags;

    /// <summary>Offset just past the surface word.</summary>
    public readonly int End => Start + Length;
}

/// <summary>A reusable, growable list of tokens plus per-text counters (one per thread).</summary>
internal sealed class TokenBuffer
{
    private Token[] _items = new Token[128];

    /// <summary>Number of tokens.</summary>
    public int Count { get; private set; }

    /// <summary>The tokens.</summary>
    public Span<Token> Span => _items.AsSpan(0, Count);

    /// <summary>Letters seen per script (see <see cref="Script"/>).</summary>
    public int[] ScriptLetters { get; } = new int[(int)Script.Count];

    /// <summary>Language scores accumulated while tokenising (only when asked).</summary>
    public float[] LanguageScores { get; } = new float[32];

    /// <summary>Word tokens seen (surface words, before expansion).</summary>
    public int SurfaceWords { get; set; }

    /// <summary>Surface words that some language profile (English included) recognised.</summary>
    public int RecognisedWords { get; set; }

    /// <summary>Clears for a new text.</summary>
    public void Clear()
    {
        Count = 0;
        SurfaceWords = 0;
        RecognisedWords = 0;
        Array.Clear(ScriptLetters);
        Array.Clear(LanguageScores);
    }

    /// <summary>Adds a token.</summary>
    public void Add(in Token t)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count++] = t;
    }
}

/// <summary>Writing systems told apart by the language detector.</summary>
internal enum Script
{
    Latin,
    Arabic,
    Gurmukhi,
    Bengali,
    Devanagari,
    Cyrillic,
    Greek,
    Han,
    Kana,
    Hangul,
    Thai,
    Hebrew,
    Ethiopic,
    Tamil,
    Gujarati,
    Other,
    Count,
}
