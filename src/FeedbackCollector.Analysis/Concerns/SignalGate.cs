using System.Numerics;

namespace FeedbackCollector.Analysis.Concerns;

/// <summary>
/// Which <see cref="SignalRules"/> can match a text at all, for every rule in one pass. A rule can match only when each
/// of its positions has a word somewhere in the text (one of its classes in <see cref="ConcernTokens.All"/>, or one of
/// its literal words) and each of its <c>+</c> class sets is in the text: the check that <see cref="SignalMatcher.Find"/>
/// makes first. Asked rule by rule it cost ~4 µs a text (~160 rules, each ruled out by testing its words one by one,
/// 5% of a 100k run); here every position of every rule is a bit, the text's classes and literal words set the bits of
/// the positions they satisfy (a few ORs each), and a rule is possible when all of its bits are set. Only a necessary
/// condition: <see cref="SignalMatcher.Find"/> still makes every check of its own.
/// </summary>
internal static class SignalGate
{
    /// <summary>Positions (elements, then one per <c>+</c> set) of all rules, numbered rule by rule.</summary>
    private static readonly int Positions;

    /// <summary>By rule: its first position and how many it has.</summary>
    private static readonly (int First, int Count)[] RulePositions;

    /// <summary>By class bit: the positions that a word of that class satisfies.</summary>
    private static readonly ulong[][] ByClass;

    /// <summary>By literal id: the positions that the word satisfies.</summary>
    private static readonly ulong[][] ByLiteral;

    [ThreadStatic]
    private static ulong[]? scratch;

    static SignalGate()
    {
        var rules = SignalRules.All;
        RulePositions = new (int, int)[rules.Length];
        var n = 0;
        for (var r = 0; r < rules.Length; r++)
        {
            var count = rules[r].Elements.Length + rules[r].Need.Length;
            RulePositions[r] = (n, count);
            n += count;
        }

        Positions = n;
        var words = (n + 63) / 64;
        ByClass = new ulong[64][];
        for (var c = 0; c < 64; c++)
        {
            ByClass[c] = new ulong[words];
        }

        ByLiteral = new ulong[SignalRules.LiteralCount][];
        for (var id = 0; id < ByLiteral.Length; id++)
        {
            ByLiteral[id] = new ulong[words];
        }

        for (var r = 0; r < rules.Length; r++)
        {
            var p = RulePositions[r].First;
            foreach (var e in rules[r].Elements)
            {
                Set(e.Mask, e.Words, p++);
            }

            foreach (var need in rules[r].Need)
            {
                Set(need, [], p++);
            }
        }
    }

    /// <summary>Sets <paramref name="possible"/>[r] to whether rule r of <see cref="SignalRules.All"/> can match.</summary>
    public static void Possible(ConcernTokens t, Span<bool> possible)
    {
        var bits = scratch ??= new ulong[(Positions + 63) / 64];
        Array.Clear(bits);
        for (var m = t.All; m != 0; m &= m - 1)
        {
            Or(bits, ByClass[BitOperations.TrailingZeroCount(m)]);
        }

        var present = t.LiteralsPresent;
        for (var b = 0; b < present.Length; b++)
        {
            for (var m = present[b]; m != 0; m &= m - 1)
            {
                Or(bits, ByLiteral[(b << 6) + BitOperations.TrailingZeroCount(m)]);
            }
        }

        for (var r = 0; r < RulePositions.Length; r++)
        {
            var (first, count) = RulePositions[r];
            var all = true;
            for (var p = first; p < first + count && all; p++)
            {
                all = (bits[p >> 6] & (1UL << (p & 63))) != 0;
            }

            possible[r] = all;
        }
    }

    private static void Set(ulong mask, int[] literals, int position)
    {
        for (var m = mask; m != 0; m &= m - 1)
        {
            ByClass[BitOperations.TrailingZeroCount(m)][position >> 6] |= 1UL << (position & 63);
        }

        foreach (var id in literals)
        {
            ByLiteral[id][position >> 6] |= 1UL << (position & 63);
        }
    }

    private static void Or(ulong[] into, ulong[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] |= from[i];
        }
    }
}
