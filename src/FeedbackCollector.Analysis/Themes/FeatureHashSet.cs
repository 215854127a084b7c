using System.Runtime.CompilerServices;
using FeedbackCollector.Analysis.Text;

namespace FeedbackCollector.Analysis.Themes;

/// <summary>
/// The set of feature hashes a text has already added (<see cref="TextFeatures.AddWords(ReadOnlySpan{Token}, List{Feature}, FeatureHashSet)"/>
/// adds a word once), built for one text at a time: open addressing with linear probing, where a slot is in the set
/// when its stamp is the current one, so <see cref="Clear"/> is one increment instead of wiping the table.
/// </summary>
internal sealed class FeatureHashSet
{
    private Slot[] _slots = new Slot[512];
    private int _shift = 32 - 9;
    private int _stamp = 1;
    private int _count;

    /// <summary>Number of hashes in the set.</summary>
    public int Count => _count;

    /// <summary>Empties the set.</summary>
    public void Clear()
    {
        _count = 0;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_slots);
            _stamp = 1;
        }
    }

    /// <summary>Adds <paramref name="hash"/>; false when it was already in the set.</summary>
    /// <remarks>Inlined into the feature builder, which calls it for every feature of every text.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(uint hash)
    {
        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }
        var slots = _slots;
        var mask = slots.Length - 1;
        var stamp = _stamp;
        var at = Home(hash, _shift);
        while (slots[at].Stamp == stamp)
        {
            if (slots[at].Key == hash)
            {
                return false;
            }
            at = (at + 1) & mask;
        }
        slots[at] = new Slot(hash, stamp);
        _count++;
        return true;
    }

    /// <summary>True when <paramref name="hash"/> is in the set.</summary>
    public bool Contains(uint hash)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var at = Home(hash, _shift);
        while (slots[at].Stamp == _stamp)
        {
            if (slots[at].Key == hash)
            {
                return true;
            }
            at = (at + 1) & mask;
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        var old = _slots;
        var stamp = _stamp;
        _slots = new Slot[old.Length * 2];
        _shift--;
        var mask = _slots.Length - 1;
        foreach (var s in old)
        {
            if (s.Stamp == stamp)
            {
                var at = Home(s.Key, _shift);
                while (_slots[at].Stamp == stamp)
                {
                    at = (at + 1) & mask;
                }
                _slots[at] = s;
            }
        }
    }

    // Fibonacci hashing: FNV hashes vary most in their low bits, the multiply carries them into the top bits kept.
    private static int Home(uint hash, int shift) => (int)(unchecked(hash * 2654435769u) >> shift);

    private readonly record struct Slot(uint Key, int Stamp);
}
