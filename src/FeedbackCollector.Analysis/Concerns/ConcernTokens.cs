namespace FeedbackCollector.Analysis.Concerns;

/// <summary>
/// The words of a <see cref="ConcernText"/> with their <see cref="ConcernLexicon"/> classes, phrase ends and
/// sentence numbers, in per-thread arrays that are reused from call to call.
/// </summary>
internal sealed class ConcernTokens
{
    [ThreadStatic]
    private static ConcernTokens? cached;

    public int[] Start = new int[64];
    public int[] End = new int[64];
    public ulong[] WordMask = new ulong[64];
    public ulong[] PhraseMask = new ulong[64];
    public int[] PhraseEnd = new int[64];
    public int[] Sentence = new int[64];
    public int[] Literal = new int[64];

    /// <summary>By sentence number: the index of its first word, and its classes or-ed.</summary>
    public int[] SentenceStart = new int[16];
    public ulong[] SentenceMask = new ulong[16];
    public int Sentences;

    /// <summary>Every class of every word and phrase in the text, or-ed: rules whose classes are absent are skipped.</summary>
    public ulong All;

    public int Count;

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

    private void Fill(ReadOnlySpan<char> text)
    {
        Count = 0;
        All = 0;
        var sentence = 0;
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
                sentence++;
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && text[i] != ' ' && text[i] != '.')
            {
                i++;
            }

            Add(text, start, i, sentence);
        }

        // Phrases, now that every word is known: marked on their first word, with the index of their last.
        for (var k = 0; k < Count; k++)
        {
            var phrases = ConcernLexicon.PhrasesFrom(text[Start[k]..End[k]]);
            foreach (var (rest, cls) in phrases)
            {
                if (k + rest.Length >= Count || Sentence[k + rest.Length] != Sentence[k])
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
                }
            }
        }

        // Sentence numbers are renumbered densely (empty sentences are skipped) with their first word and classes.
        Sentences = 0;
        for (var k = 0; k < Count; k++)
        {
            if (k == 0 || Sentence[k] != Sentence[k - 1])
            {
                if (Sentences == SentenceStart.Length)
                {
                    Array.Resize(ref SentenceStart, Sentences * 2);
                    Array.Resize(ref SentenceMask, Sentences * 2);
                }

                SentenceStart[Sentences] = k;
                SentenceMask[Sentences] = 0;
                Sentences++;
            }

            Sentence[k] = Sentences - 1;
            SentenceMask[Sentences - 1] |= Mask(k);
        }
    }

    private void Add(ReadOnlySpan<char> text, int start, int end, int sentence)
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
        }

        var word = text[start..end];
        var mask = ConcernLexicon.Classify(word);
        if (mask == 0 && word.Length <= 2 && int.TryParse(word, out var number))
        {
            // Ages: a child's (5-17) or an adult's (18-69), for age gaps such as "she is 14 and he is 25".
            mask = number is >= 5 and <= 17 ? ConcernLexicon.ChildAge : number is >= 18 and <= 69 ? ConcernLexicon.AdultAge : 0;
        }

        Start[Count] = start;
        End[Count] = end;
        WordMask[Count] = mask;
        PhraseMask[Count] = 0;
        PhraseEnd[Count] = Count;
        Sentence[Count] = sentence;
        Literal[Count] = SignalRules.LiteralId(word);
        All |= mask;
        Count++;
    }
}
