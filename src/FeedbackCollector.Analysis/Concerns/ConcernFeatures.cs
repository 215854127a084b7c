using System.Numerics;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Concerns;

/// <summary>Receives the features of a text one at a time (a struct, so scoring allocates nothing).</summary>
internal interface IConcernFeatureSink
{
    /// <summary>
    /// One feature: its bucket in the hashed weight table and the words it came from (<paramref name="first"/> to
    /// <paramref name="last"/>, token indices; -1 for a feature of the whole text such as the audience).
    /// </summary>
    void Add(int bucket, int first, int last);
}

/// <summary>
/// The features the concern model reads, taken from the <see cref="ConcernTokens"/> the rules have already built
/// (no second tokenisation): each word (<c>w|hits</c>), its first four letters for longer words (<c>p|batt</c> for
/// battered, battering, batterd — misspellings often keep the start), each pair of neighbouring words in a sentence,
/// each <see cref="ConcernLexicon"/> class of a word or phrase (Family, Harm, Body...: the classes carry the model to
/// words it has not seen in training), and the audience. Numbers are one word, <c>#</c>. Every feature is hashed
/// (FNV-1a) into a table of <see cref="Buckets"/> weights, so the vocabulary is not stored and nothing is allocated.
/// Counts, not presence: a word said twice counts twice (training reads the same code, so the two agree).
/// </summary>
internal static class ConcernFeatures
{
    /// <summary>Feature version: a model trained with other features is refused.</summary>
    public const int Version = 2;

    /// <summary>Bits of the hashed table: 2^18 buckets keep collisions rare for a vocabulary of some tens of thousands.</summary>
    public const int Bits = 18;

    /// <summary>Number of buckets.</summary>
    public const int Buckets = 1 << Bits;

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;
    private const int PrefixLength = 4;
    private const int PrefixMinimum = 6;

    /// <summary>Calls <paramref name="sink"/> with every feature of the text, in word order.</summary>
    public static void Extract<TSink>(ReadOnlySpan<char> text, ConcernTokens tokens, Audience audience, ref TSink sink)
        where TSink : struct, IConcernFeatureSink
    {
        sink.Add(Bucket(Hash('a', (uint)audience)), -1, -1);
        var classBuckets = ClassBuckets;
        var negatedBuckets = NegatedClassBuckets;

        // No word of the text is a negation, so none is in a negation's scope.
        var negations = (tokens.All & ConcernLexicon.Negation) != 0;
        var previous = 0u;
        for (var k = 0; k < tokens.Count; k++)
        {
            // The word's own hashes were worked out once per distinct word (WordHashes, remembered by the tokens).
            var w = tokens.WordHash[k];
            sink.Add(Bucket(w), k, k);
            if (tokens.End[k] - tokens.Start[k] >= PrefixMinimum)
            {
                sink.Add(Bucket(tokens.PrefixHash[k]), k, k);
            }

            if (k > 0 && tokens.Sentence[k] == tokens.Sentence[k - 1])
            {
                sink.Add(Bucket(Pair(previous, w)), k - 1, k);
            }

            // The word's classes, and a phrase's classes on its first word (spanning the phrase).
            for (var m = tokens.WordMask[k]; m != 0; m &= m - 1)
            {
                sink.Add(classBuckets[BitOperations.TrailingZeroCount(m)], k, k);
            }

            for (var m = tokens.PhraseMask[k]; m != 0; m &= m - 1)
            {
                sink.Add(classBuckets[BitOperations.TrailingZeroCount(m)], k, tokens.PhraseEnd[k]);
            }

            // A word in a negation's scope (one of the two words before it in the sentence is "doesnt", "never", "not"...)
            // also counts as negated (n|hit, n|class), so "my dad doesnt hit me" can weigh apart from "my dad hit me".
            if (negations && NegatedAt(tokens, k))
            {
                sink.Add(Bucket(Pair(NegatedMark, w)), k, k);
                for (var m = tokens.WordMask[k]; m != 0; m &= m - 1)
                {
                    sink.Add(negatedBuckets[BitOperations.TrailingZeroCount(m)], k, k);
                }
            }

            previous = w;
        }
    }

    /// <summary>By class bit: the bucket of its feature (<c>c|</c>), worked out once instead of hashed for every word.</summary>
    private static readonly int[] ClassBuckets = BucketsOfClasses('c');

    /// <summary>By class bit: the bucket of its negated feature (<c>n|</c>).</summary>
    private static readonly int[] NegatedClassBuckets = BucketsOfClasses('n');

    private static int[] BucketsOfClasses(char kind)
    {
        var buckets = new int[64];
        for (var bit = 0; bit < 64; bit++)
        {
            buckets[bit] = Bucket(Hash(kind, (uint)bit));
        }

        return buckets;
    }

    /// <summary>The first half of a negated word's pair hash: a value no word hash of the <c>w|</c> kind is likely to take.</summary>
    private const uint NegatedMark = 0x4E454721;

    /// <summary>A word, not itself a negation, with a negation in the two words before it in its sentence (the rules' own scope).</summary>
    private static bool NegatedAt(ConcernTokens tokens, int k) =>
        (tokens.WordMask[k] & ConcernLexicon.Negation) == 0 && SignalMatcher.Negated(tokens, k, k);

    /// <summary>
    /// The hashes of a word's own features: the word (<c>w|</c>, every number the same) and its first four letters
    /// (<c>p|</c>, 0 for a word shorter than the prefix feature's minimum). A pure function of the word, so
    /// <see cref="ConcernTokens"/> remembers them per distinct word instead of hashing every word of every text again.
    /// </summary>
    public static (uint Word, uint Prefix) WordHashes(ReadOnlySpan<char> word) =>
        (IsNumber(word) ? Hash('w', "#") : Hash('w', word), word.Length >= PrefixMinimum ? Hash('p', word[..PrefixLength]) : 0);

    /// <summary>The bucket of a hash.</summary>
    private static int Bucket(uint hash) => (int)((hash ^ (hash >> Bits)) & (Buckets - 1));

    private static uint Hash(char kind, ReadOnlySpan<char> text)
    {
        var h = unchecked((FnvOffset ^ kind) * FnvPrime);
        h = (h ^ '|') * FnvPrime;
        foreach (var c in text)
        {
            h = (h ^ c) * FnvPrime;
        }

        return h;
    }

    private static uint Hash(char kind, uint value)
    {
        var h = unchecked((FnvOffset ^ kind) * FnvPrime);
        h = (h ^ '#') * FnvPrime;
        h = (h ^ (value & 0xFFFF)) * FnvPrime;
        return (h ^ (value >> 16)) * FnvPrime;
    }

    private static uint Pair(uint first, uint second)
    {
        var h = unchecked((FnvOffset ^ 'b') * FnvPrime);
        h = (h ^ (first & 0xFFFF)) * FnvPrime;
        h = (h ^ (first >> 16)) * FnvPrime;
        h = (h ^ (second & 0xFFFF)) * FnvPrime;
        return (h ^ (second >> 16)) * FnvPrime;
    }

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
