using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace FeedbackCollector.Analysis.Text;

/// <summary>
/// A growing word-keyed table for per-thread memos on the per-text path: one open-addressing table whose slot holds the
/// word's FNV-1a hash, its place in one shared character array, its length and the value, so a hit costs one hash pass
/// over the word and usually one slot, without string allocation, randomised string hashing or bucket indirection.
/// Keys are compared ordinally. It stops taking words at <see cref="MaxWords"/>; a word longer than
/// <see cref="MaxWordLength"/> is never stored (look-ups of it miss). Not thread-safe: one instance per thread.
/// Serves the vocabulary's word cache (<see cref="Vocabulary.Resolve(ReadOnlySpan{char}, uint)"/>) and the concern tokeniser's word memo.
/// </summary>
/// <typeparam name="TValue">What is remembered for a word.</typeparam>
internal sealed class SpanWordTable<TValue>
{
    private Slot[] _slots;
    private char[] _chars;
    private int _shift;
    private int _charCount;

    /// <summary>An empty table that holds up to <paramref name="maxWords"/> words of up to <paramref name="maxWordLength"/> characters.</summary>
    /// <param name="maxWords">Most words held; adds beyond it are refused.</param>
    /// <param name="maxWordLength">Longest word held; longer words are refused and never found.</param>
    /// <param name="initialSlotBits">Log2 of the initial number of slots (the table doubles when half full).</param>
    /// <param name="initialChars">Initial size of the character array (it doubles as needed).</param>
    public SpanWordTable(int maxWords, int maxWordLength = int.MaxValue, int initialSlotBits = 10, int initialChars = 1 << 13)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxWords);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWordLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialSlotBits, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(initialSlotBits, 30);
        MaxWords = maxWords;
        MaxWordLength = maxWordLength;
        _slots = new Slot[1 << initialSlotBits];
        _shift = 32 - initialSlotBits;
        _chars = new char[Math.Max(16, initialChars)];
    }

    /// <summary>Most words the table takes.</summary>
    public int MaxWords { get; }

    /// <summary>Longest word the table takes.</summary>
    public int MaxWordLength { get; }

    /// <summary>Number of words held.</summary>
    public int Count { get; private set; }

    /// <summary>True when the table takes no more words.</summary>
    public bool IsFull => Count >= MaxWords;

    /// <summary>Finds <paramref name="word"/>.</summary>
    public bool TryGetValue(ReadOnlySpan<char> word, [MaybeNullWhen(false)] out TValue value) => TryGetValue(word, Hash(word), out value);

    /// <summary>Finds <paramref name="word"/>, whose <see cref="Hash"/> the caller has already computed.</summary>
    public bool TryGetValue(ReadOnlySpan<char> word, uint hash, [MaybeNullWhen(false)] out TValue value)
    {
        Debug.Assert(hash == Hash(word), "the hash given is the word's");
        if (word.Length > MaxWordLength)
        {
            value = default!;
            return false;
        }

        ref readonly var s = ref _slots[Probe(word, hash)];
        if (s.LengthPlusOne == 0)
        {
            value = default!;
            return false;
        }

        value = s.Value;
        return true;
    }

    /// <summary>
    /// Adds <paramref name="word"/> with <paramref name="value"/>; false, and nothing changed, when the word is already
    /// held (its value is kept), the table is full or the word is longer than <see cref="MaxWordLength"/>.
    /// </summary>
    public bool TryAdd(ReadOnlySpan<char> word, TValue value)
    {
        if (word.Length > MaxWordLength || Count >= MaxWords)
        {
            return false;
        }

        var hash = Hash(word);
        var at = Probe(word, hash);
        if (_slots[at].LengthPlusOne != 0)
        {
            return false;
        }

        while (_charCount + word.Length > _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        word.CopyTo(_chars.AsSpan(_charCount));
        _slots[at] = new Slot(hash, _charCount, word.Length + 1, value);
        _charCount += word.Length;
        Count++;
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return true;
    }

    /// <summary>The slot holding <paramref name="word"/> (hash <paramref name="hash"/>), or the empty slot where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Probe(ReadOnlySpan<char> word, uint hash)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var at = (int)(unchecked(hash * 2654435769u) >> _shift);
        while (true)
        {
            ref readonly var s = ref slots[at];
            if (s.LengthPlusOne == 0
                || (s.Hash == hash && s.LengthPlusOne == word.Length + 1 && word.SequenceEqual(_chars.AsSpan(s.Offset, word.Length))))
            {
                return at;
            }

            at = (at + 1) & mask;
        }
    }

    /// <summary>The 32-bit FNV-1a hash of the word's UTF-16 code units.</summary>
    public static uint Hash(ReadOnlySpan<char> word)
    {
        var hash = HashSeed;
        foreach (var c in word)
        {
            hash = HashStep(hash, c);
        }

        return hash;
    }

    /// <summary>The hash of the empty word: where <see cref="HashStep"/> starts.</summary>
    public const uint HashSeed = 2166136261u;

    /// <summary>The hash after one more character (so a caller scanning a word can hash it as it goes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint HashStep(uint hash, char c) => unchecked((hash ^ c) * 16777619u);

    private void Grow()
    {
        var old = _slots;
        var slots = new Slot[old.Length * 2];
        var shift = _shift - 1;
        var mask = slots.Length - 1;
        foreach (var s in old)
        {
            if (s.LengthPlusOne == 0)
            {
                continue;
            }

            var at = (int)(unchecked(s.Hash * 2654435769u) >> shift);
            while (slots[at].LengthPlusOne != 0)
            {
                at = (at + 1) & mask;
            }

            slots[at] = s;
        }

        _slots = slots;
        _shift = shift;
    }

    /// <summary>A slot; <see cref="LengthPlusOne"/> is 0 when the slot is empty (so the empty word can be held too).</summary>
    private readonly record struct Slot(uint Hash, int Offset, int LengthPlusOne, TValue Value);
}
