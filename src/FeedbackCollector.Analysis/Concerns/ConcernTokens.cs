using System.Collections.Frozen;
using FeedbackCollector.Analysis.Text;

namespace FeedbackCollector.Analysis.Concerns;

/// <summary>
/// The words of a <see cref="ConcernText"/> with their <see cref="ConcernLexicon"/> classes, phrase ends and
/// sentence numbers, in per-thread arrays that are reused from call to call.
/// </summary>
internal sealed class ConcernTokens
{
    [ThreadStatic]
    private static ConcernTokens? cached;

    /// <summary>
    /// One look-up per word: its classes, its id as a literal of some rule (-1 if none), and whether a phrase starts with it.
    /// </summary>
    private static readonly FrozenDictionary<string, (ulong Mask, int Literal, bool Phrase)>.AlternateLookup<ReadOnlySpan<char>> Vocabulary = BuildVocabulary();

    public int[] Start = new int[64];
    public int[] End = new int[64];
    public ulong[] WordMask = new ulong[64];
    public ulong[] PhraseMask = new ulong[64];
    public int[] PhraseEnd = new int[64];
    public int[] Sentence = new int[64];
    public int[] Literal = new int[64];

    /// <summary>By word: <see cref="ConcernFeatures.WordHashes"/>, for the concern model.</summary>
    public uint[] WordHash = new uint[64];
    public uint[] PrefixHash = new uint[64];

    /// <summary>By word: its id in <see cref="ConcernAnchors"/>, or -1.</summary>
    public int[] Anchor = new int[64];

    /// <summary>By word: its <see cref="ConcernLexicon.PhraseIdOf"/> (-1 when no phrase starts with it).</summary>
    public int[] PhraseId = new int[64];

    /// <summary>By word: the sentence ends before it; a phrase does not cross one.</summary>
    private int[] rawSentence = new int[64];

    /// <summary>By sentence number: the index of its first word, and its classes or-ed.</summary>
    public int[] SentenceStart = new int[16];
    public ulong[] SentenceMask = new ulong[16];
    public int Sentences;

    /// <summary>Every class of every word and phrase in the text, or-ed: rules whose classes are absent are skipped.</summary>
    public ulong All;

    public int Count;

    /// <summary>Bit per literal word of <see cref="SignalRules"/>: set when the text has it.</summary>
    public readonly ulong[] LiteralsPresent = new ulong[(SignalRules.LiteralCount + 63) / 64];

    public bool HasLiteral(int id) => (LiteralsPresent[id >> 6] & (1UL << (id & 63))) != 0;

    public static ConcernTokens For(ReadOnlySpan<char> text)
    {
        var t = cached ??= new ConcernTokens();
        t.Fill(text);
        return t;
    }

    public ulong Mask(int i) => WordMask[i] | PhraseMask[i];

    public bool Is(ReadOnlySpan<char> text, int i, string word) => text[Start[i]..End[i]].SequenceEqual(word);

    /// <summary>The index after the last word of sentence <paramref name="s"/>.</summary>
    public int SentenceEnd(int s) => s + 1 < Sentences ? SentenceStart[s + 1] : Count;

    /// <summary>What <see cref="Classify"/> said of each distinct word this thread has seen.</summary>
    private readonly WordMemo memo = new();

    /// <summary>
    /// A word's classes, its id as a literal of some rule (-1 if none) and whether a phrase starts with it: a pure
    /// function of the word and the static lexicon, so <see cref="WordMemo"/> may remember it.
    /// </summary>
    internal static (ulong Mask, int Literal, bool Phrase) Classify(ReadOnlySpan<char> word)
    {
        ulong mask;
        int literal;
        bool phrase;
        if (Vocabulary.TryGetValue(word, out var known))
        {
            (mask, literal, phrase) = known;
        }
        else
        {
            mask = ConcernLexicon.Misspelt(word);
            literal = -1;
            phrase = false;
        }

        if (mask == 0 && word.Length <= 2 && int.TryParse(word, out var number))
        {
            // Ages: a child's (5-17) or an adult's (18-69), for age gaps such as "she is 14 and he is 25".
            mask = number is >= 5 and <= 17 ? ConcernLexicon.ChildAge : number is >= 18 and <= 69 ? ConcernLexicon.AdultAge : 0;
        }

        return (mask, literal, phrase);
    }

    private static FrozenDictionary<string, (ulong Mask, int Literal, bool Phrase)>.AlternateLookup<ReadOnlySpan<char>> BuildVocabulary()
    {
        var all = new Dictionary<string, (ulong Mask, int Literal, bool Phrase)>(StringComparer.Ordinal);
        foreach (var (word, mask) in ConcernLexicon.AllWords)
        {
            all[word] = (mask, -1, false);
        }

        foreach (var (word, id) in SignalRules.Literals)
        {
            all[word] = (all.TryGetValue(word, out var e) ? e.Mask : ConcernLexicon.Misspelt(word), id, false);
        }

        foreach (var word in ConcernLexicon.PhraseStarts)
        {
            var (mask, literal, _) = all.TryGetValue(word, out var e) ? e : (ConcernLexicon.Misspelt(word), -1, false);
            all[word] = (mask, literal, true);
        }

        return all.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private void Fill(ReadOnlySpan<char> text)
    {
        Count = 0;
        All = 0;
        Array.Clear(LiteralsPresent);

        // Sentences are numbered as the words come, with their first word and their words' classes (the phrases' classes
        // join them below). The numbering is the one the rules and the model were built on: a word opens a sentence when
        // its count of sentence ends so far differs from the previous word's sentence number. Renumbering densely in
        // place compared a raw count with an already renumbered one, so after an empty sentence (" . . . ") each word
        // opens one until the two agree again; kept, as outputs must not change.
        Sentences = 0;
        var raw = 0;
        var phraseStarts = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == ' ')
            {
                i++;
                continue;
            }

            if (c == '.')
            {
                raw++;
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && text[i] != ' ' && text[i] != '.')
            {
                i++;
            }

            if (Count == 0 || raw != Sentences - 1)
            {
                if (Sentences == SentenceStart.Length)
                {
                    Array.Resize(ref SentenceStart, Sentences * 2);
                    Array.Resize(ref SentenceMask, Sentences * 2);
                }

                SentenceStart[Sentences] = Count;
                SentenceMask[Sentences] = 0;
                Sentences++;
            }

            if (Add(text, start, i, Sentences - 1, raw))
            {
                phraseStarts++;
            }

            SentenceMask[Sentences - 1] |= WordMask[Count - 1];
        }

        // Phrases, now that every word is known: marked on their first word, with the index of their last.
        for (var k = 0; k < Count && phraseStarts > 0; k++)
        {
            if (PhraseId[k] < 0)
            {
                continue;
            }

            phraseStarts--;
            var phrases = ConcernLexicon.PhrasesOf(PhraseId[k]);
            foreach (var (rest, cls) in phrases)
            {
                if (k + rest.Length >= Count || rawSentence[k + rest.Length] != rawSentence[k])
                {
                    continue;
                }

                var all = true;
                for (var r = 0; r < rest.Length && all; r++)
                {
                    all = Is(text, k + 1 + r, rest[r]);
                }

                if (all)
                {
                    PhraseMask[k] |= cls;
                    PhraseEnd[k] = Math.Max(PhraseEnd[k], k + rest.Length);
                    All |= cls;
                    SentenceMask[Sentence[k]] |= cls;
                }
            }
        }
    }

    /// <summary>
    /// Adds the word [start, end) of sentence <paramref name="sentence"/>, after <paramref name="raw"/> sentence ends;
    /// true when a phrase may start with it.
    /// </summary>
    private bool Add(ReadOnlySpan<char> text, int start, int end, int sentence, int raw)
    {
        if (Count == Start.Length)
        {
            var n = Count * 2;
            Array.Resize(ref Start, n);
            Array.Resize(ref End, n);
            Array.Resize(ref WordMask, n);
            Array.Resize(ref PhraseMask, n);
            Array.Resize(ref PhraseEnd, n);
            Array.Resize(ref Sentence, n);
            Array.Resize(ref Literal, n);
            Array.Resize(ref WordHash, n);
            Array.Resize(ref PrefixHash, n);
            Array.Resize(ref Anchor, n);
            Array.Resize(ref PhraseId, n);
            Array.Resize(ref rawSentence, n);
        }

        var (mask, literal, phraseId, anchor, wordHash, prefixHash) = memo.Find(text[start..end]);
        WordHash[Count] = wordHash;
        PrefixHash[Count] = prefixHash;
        PhraseId[Count] = phraseId;
        Start[Count] = start;
        End[Count] = end;
        WordMask[Count] = mask;
        PhraseMask[Count] = 0;
        PhraseEnd[Count] = Count;
        Sentence[Count] = sentence;
        rawSentence[Count] = raw;
        Literal[Count] = literal;
        Anchor[Count] = anchor;
        if (literal >= 0)
        {
            LiteralsPresent[literal >> 6] |= 1UL << (literal & 63);
        }

        All |= mask;
        Count++;
        return phraseId >= 0;
    }

    /// <summary>
    /// Remembers <see cref="Classify"/>, the word's <see cref="ConcernAnchors"/> id and its feature hashes per distinct word in a
    /// <see cref="SpanWordTable{TValue}"/>. Answers are the same with or without it; it saves the frozen-dictionary
    /// probes and, for words the lexicon does not hold (most of them), the misspelling probes, because the same few
    /// thousand words recur from text to text. It stops growing at <see cref="MaxWords"/> words, after which new words
    /// are classified each time.
    /// </summary>
    internal sealed class WordMemo
    {
        /// <summary>Most distinct words remembered (slots and characters together about 2 MB per thread at most).</summary>
        public const int MaxWords = 1 << 14;

        /// <summary>Longest word remembered; longer words are classified each time.</summary>
        public const int MaxWord = 32;

        private readonly SpanWordTable<(ulong Mask, int Literal, int PhraseId, int Anchor, uint WordHash, uint PrefixHash)> table = new(MaxWords, MaxWord);

        /// <summary>Number of distinct words remembered.</summary>
        public int Count => table.Count;

        /// <summary><see cref="Classify"/> of the word, its <see cref="ConcernAnchors.IdOf"/> and its <see cref="ConcernFeatures.WordHashes"/>.</summary>
        public (ulong Mask, int Literal, bool Phrase, int Anchor, uint WordHash, uint PrefixHash) Resolve(ReadOnlySpan<char> word)
        {
            var (mask, literal, phraseId, anchor, wordHash, prefixHash) = Find(word);
            return (mask, literal, phraseId >= 0, anchor, wordHash, prefixHash);
        }

        /// <summary>As <see cref="Resolve"/>, with the word's <see cref="ConcernLexicon.PhraseIdOf"/> (-1 when it starts no phrase) for whether it starts a phrase.</summary>
        public (ulong Mask, int Literal, int PhraseId, int Anchor, uint WordHash, uint PrefixHash) Find(ReadOnlySpan<char> word)
        {
            if (table.TryGetValue(word, out var known))
            {
                return known;
            }

            var (mask, literal, _) = Classify(word);
            var (wordHash, prefixHash) = ConcernFeatures.WordHashes(word);
            var answer = (mask, literal, ConcernLexicon.PhraseIdOf(word), ConcernAnchors.IdOf(word), wordHash, prefixHash);
            table.TryAdd(word, answer);
            return answer;
        }
    }
}
