using System.Runtime.CompilerServices;
using FeedbackCollector.Analysis.Text;

namespace FeedbackCollector.Analysis.Themes;

/// <summary>One feature of a text for the linear models: a hashed name, a value, and the tokens it came from.</summary>
/// <param name="Hash">Hash of the feature name (see <see cref="TextFeatures"/>).</param>
/// <param name="Value">Its value (1 for a word or word pair; a score for a rule feature).</param>
/// <param name="StartToken">First token it came from, or -1 for a feature of the whole text.</param>
/// <param name="EndToken">Token just past the last one it came from.</param>
internal readonly record struct Feature(uint Hash, float Value, int StartToken, int EndToken);

/// <summary>
/// Turns normalised tokens into the features the linear models read: each word (<c>u|listen</c>), its first five
/// letters as a word family (<c>p|liste</c> for listens, listened, listening), the word under negation
/// (<c>n|listen</c> in "they never listen"), each pair of neighbouring words in a sentence, and for a word the
/// normaliser could not place (a misspelling two edits away, slang) its letter 4-grams (<c>c|^bot</c>, <c>c|othe</c>...),
/// so "botherin" still shares most of its features with "bothering". Numbers are one word. Names are hashed with FNV-1a,
/// so nothing is allocated per text. Binary: a word said twice counts once.
/// </summary>
internal static class TextFeatures
{
    /// <summary>
    /// Feature version: a model trained with other features is refused. 4 since s14 (27 November): the sentiment model
    /// also reads the audience and the cues of <c>SentimentCues</c>.
    /// </summary>
    public const int Version = 4;

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;
    private const int FamilyLength = 5;
    private const int NegationWindow = 3;
    private const int GramLength = 4;

    /// <summary>The hash of a feature name made of a kind letter and a text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(char kind, ReadOnlySpan<char> text)
    {
        var h = unchecked((FnvOffset ^ kind) * FnvPrime);
        h = (h ^ '|') * FnvPrime;
        foreach (var c in text)
        {
            h = (h ^ c) * FnvPrime;
        }
        return h;
    }

    /// <summary>The hash of a pair of word features.</summary>
    public static uint Pair(uint first, uint second)
    {
        var h = unchecked((FnvOffset ^ 'b') * FnvPrime);
        h = (h ^ first) * FnvPrime;
        h = (h ^ (second >> 16)) * FnvPrime;
        return (h ^ (second & 0xFFFF)) * FnvPrime;
    }

    /// <summary>Adds the word features of <paramref name="tokens"/> to <paramref name="features"/> (not cleared).</summary>
    public static void AddWords(ReadOnlySpan<Token> tokens, List<Feature> features, HashSet<uint> seen) =>
        AddWords(tokens, features, new HashSetSeen(seen));

    /// <summary>
    /// As <see cref="AddWords(ReadOnlySpan{Token}, List{Feature}, HashSet{uint})"/> with the per-text set the scoring
    /// path keeps (cleared by the caller): the same features in the same order.
    /// </summary>
    public static void AddWords(ReadOnlySpan<Token> tokens, List<Feature> features, FeatureHashSet seen) =>
        AddWords(tokens, features, new StampedSeen(seen));

    // Generic over a struct, so each set gets its own compiled copy with the Add call inlined.
    private static void AddWords<TSeen>(ReadOnlySpan<Token> tokens, List<Feature> features, TSeen seen)
        where TSeen : struct, ISeen
    {
        var previous = 0u;
        var previousSentence = -1;
        // For negation (see Negated, which this follows in one pass): the last negator, and the last token that stops
        // a look back (a contrast word, or the last token of a clause).
        var lastNegator = -1;
        var lastStop = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var t = ref tokens[i];
            if (i > 0 && tokens[i - 1].Clause != t.Clause)
            {
                lastStop = i - 1;
            }
            // Every number is one word, "#": "5 sws" and "7 social workers" are the same story.
            var text = t.Word.Is(WordFlags.Number) ? "#".AsSpan() : t.Word.Text.AsSpan();
            var word = Hash('u', text);
            Add(features, seen, word, i, i + 1);
            if (text.Length > FamilyLength && !t.Word.Is(WordFlags.Placeholder | WordFlags.Emoji | WordFlags.Number))
            {
                Add(features, seen, Hash('p', text[..FamilyLength]), i, i + 1);
                if (!t.Word.Is(WordFlags.KnownEnglish))
                {
                    AddGrams(text, features, seen, i);
                }
            }
            if (lastNegator > lastStop && lastNegator >= i - NegationWindow)
            {
                Add(features, seen, Hash('n', text), i, i + 1);
            }
            if (t.Word.Is(WordFlags.Contrast))
            {
                lastStop = i;
            }
            else if (t.Word.Is(WordFlags.Negator))
            {
                lastNegator = i;
            }
            if (t.Sentence == previousSentence)
            {
                Add(features, seen, Pair(previous, word), i - 1, i + 1);
            }
            previous = word;
            previousSentence = t.Sentence;
        }
    }

    /// <summary>The letter 4-grams of a word, with its start and end marked (<c>^bot</c>, <c>rin$</c>).</summary>
    private static void AddGrams<TSeen>(ReadOnlySpan<char> text, List<Feature> features, TSeen seen, int token)
        where TSeen : struct, ISeen
    {
        Span<char> marked = stackalloc char[Math.Min(text.Length, 40) + 2];
        marked[0] = '^';
        text[..(marked.Length - 2)].CopyTo(marked[1..]);
        marked[^1] = '$';
        for (var k = 0; k + GramLength <= marked.Length; k++)
        {
            Add(features, seen, Hash('c', marked.Slice(k, GramLength)), token, token + 1);
        }
    }

    /// <summary>Adds a feature of the whole text (a rule's score, say).</summary>
    public static void AddWhole(List<Feature> features, char kind, string name, float value)
    {
        if (value != 0)
        {
            features.Add(new Feature(Hash(kind, name), value, -1, -1));
        }
    }

    private static void Add<TSeen>(List<Feature> features, TSeen seen, uint hash, int start, int end)
        where TSeen : struct, ISeen
    {
        if (seen.Add(hash))
        {
            features.Add(new Feature(hash, 1f, start, end));
        }
    }

    /// <summary>The hashes already added for a text.</summary>
    private interface ISeen
    {
        /// <summary>Adds <paramref name="hash"/>; false when it was there already.</summary>
        bool Add(uint hash);
    }

    private readonly struct HashSetSeen(HashSet<uint> set) : ISeen
    {
        public bool Add(uint hash) => set.Add(hash);
    }

    private readonly struct StampedSeen(FeatureHashSet set) : ISeen
    {
        public bool Add(uint hash) => set.Add(hash);
    }

    /// <summary>
    /// True when a negator stands a few words before token <paramref name="i"/> in its clause: the definition, which
    /// <see cref="AddWords{TSeen}"/> follows in one pass (a test holds the two together).
    /// </summary>
    internal static bool Negated(ReadOnlySpan<Token> tokens, int i)
    {
        var clause = tokens[i].Clause;
        for (var k = i - 1; k >= 0 && k >= i - NegationWindow; k--)
        {
            ref readonly var t = ref tokens[k];
            if (t.Clause != clause || t.Word.Is(WordFlags.Contrast))
            {
                return false;
            }
            if (t.Word.Is(WordFlags.Negator))
            {
                return true;
            }
        }
        return false;
    }
}
