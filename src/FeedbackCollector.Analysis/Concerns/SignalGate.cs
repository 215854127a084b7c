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
    /// <summary>Number of 64-bit words of position bits.</summary>
    private static readonly int Words;

    /// <summary>
    /// By word: a bit at each rule's first position. A rule's positions are consecutive bits of one word followed by a
    /// spacer bit that no class sets, so adding these to the text's bits carries into a rule's spacer exactly when all of
    /// its positions are set (a zero among them stops the carry), and each rule's sum stays within its own bits.
    /// </summary>
    private static readonly ulong[] Starts;

    /// <summary>By word: a bit at each rule's spacer.</summary>
    private static readonly ulong[] Spacers;

    /// <summary>By word: the positions that some literal word satisfies.</summary>
    private static readonly ulong[] LiteralPositions;

    /// <summary>By bit (word * 64 + bit): the rule whose spacer it is.</summary>
    private static readonly int[] RuleAtSpacer;

    /// <summary>
    /// By class bit: the positions that a word of that class satisfies, as (word, bits) for the words with any. Sparse,
    /// because a text sets a few dozen classes and literal words, each of which satisfies only a few positions.
    /// </summary>
    private static readonly (int Word, ulong Bits)[][] ByClass;

    /// <summary>By literal id: the positions that the word satisfies, as (word, bits) for the words with any.</summary>
    private static readonly (int Word, ulong Bits)[][] ByLiteral;

    [ThreadStatic]
    private static ulong[]? scratch;

#pragma warning disable CA1810 // The tables are built together from one pass over the rules.
    static SignalGate()
#pragma warning restore CA1810
    {
        var rules = SignalRules.All;

        // Rules in order, each with its spacer in one word: a rule that would cross a word's end starts the next word.
        var first = new int[rules.Length];
        var n = 0;
        for (var r = 0; r < rules.Length; r++)
        {
            var span = rules[r].Elements.Length + rules[r].Need.Length + 1;
            if (span > 64)
            {
                throw new InvalidOperationException("A signal rule has more than 63 positions.");
            }

            if ((n & 63) + span > 64)
            {
                n = (n + 63) & ~63;
            }

            first[r] = n;
            n += span;
        }

        Words = (n + 63) / 64;
        Starts = new ulong[Words];
        Spacers = new ulong[Words];
        LiteralPositions = new ulong[Words];
        RuleAtSpacer = new int[Words * 64];
        var byClass = new ulong[64][];
        for (var c = 0; c < 64; c++)
        {
            byClass[c] = new ulong[Words];
        }

        var byLiteral = new ulong[SignalRules.LiteralCount][];
        for (var id = 0; id < byLiteral.Length; id++)
        {
            byLiteral[id] = new ulong[Words];
        }

        for (var r = 0; r < rules.Length; r++)
        {
            var p = first[r];
            Starts[p >> 6] |= 1UL << (p & 63);
            foreach (var e in rules[r].Elements)
            {
                if (e.Words.Length > 0)
                {
                    LiteralPositions[p >> 6] |= 1UL << (p & 63);
                }

                Set(byClass, byLiteral, e.Mask, e.Words, p++);
            }

            foreach (var need in rules[r].Need)
            {
                Set(byClass, byLiteral, need, [], p++);
            }

            Spacers[p >> 6] |= 1UL << (p & 63);
            RuleAtSpacer[p] = r;
        }

        ByClass = Array.ConvertAll(byClass, Sparse);
        ByLiteral = Array.ConvertAll(byLiteral, Sparse);
    }

    /// <summary>Sets <paramref name="possible"/>[r] to whether rule r of <see cref="SignalRules.All"/> can match.</summary>
    public static void Possible(ConcernTokens t, Span<bool> possible)
    {
        possible[..SignalRules.All.Length].Clear();
        Span<int> rules = stackalloc int[SignalRules.All.Length];
        var count = PossibleRules(t, rules);
        foreach (var r in rules[..count])
        {
            possible[r] = true;
        }
    }

    /// <summary>
    /// Writes the indices in <see cref="SignalRules.All"/> of the rules that can match, in ascending order, to
    /// <paramref name="rules"/> (room for every rule) and returns how many there are.
    /// </summary>
    public static int PossibleRules(ConcernTokens t, Span<int> rules)
    {
        var bits = scratch ??= new ulong[Words];
        Array.Clear(bits);
        for (var m = t.All; m != 0; m &= m - 1)
        {
            Or(bits, ByClass[BitOperations.TrailingZeroCount(m)]);
        }

        // First as if every literal word were in the text: most texts lack a class that a position of every rule needs,
        // and then no literal word can make a rule possible, so their ORs are skipped.
        var any = 0UL;
        for (var w = 0; w < bits.Length; w++)
        {
            any |= unchecked((bits[w] | LiteralPositions[w]) + Starts[w]) & Spacers[w];
        }

        if (any == 0)
        {
            return 0;
        }

        var present = t.LiteralsPresent;
        for (var b = 0; b < present.Length; b++)
        {
            for (var m = present[b]; m != 0; m &= m - 1)
            {
                Or(bits, ByLiteral[(b << 6) + BitOperations.TrailingZeroCount(m)]);
            }
        }

        var count = 0;
        for (var w = 0; w < bits.Length; w++)
        {
            for (var m = unchecked(bits[w] + Starts[w]) & Spacers[w]; m != 0; m &= m - 1)
            {
                rules[count++] = RuleAtSpacer[(w << 6) + BitOperations.TrailingZeroCount(m)];
            }
        }

        return count;
    }

    private static void Set(ulong[][] byClass, ulong[][] byLiteral, ulong mask, int[] literals, int position)
    {
        for (var m = mask; m != 0; m &= m - 1)
        {
            byClass[BitOperations.TrailingZeroCount(m)][position >> 6] |= 1UL << (position & 63);
        }

        foreach (var id in literals)
        {
            byLiteral[id][position >> 6] |= 1UL << (position & 63);
        }
    }

    private static (int Word, ulong Bits)[] Sparse(ulong[] bits)
    {
        var entries = new List<(int, ulong)>();
        for (var w = 0; w < bits.Length; w++)
        {
            if (bits[w] != 0)
            {
                entries.Add((w, bits[w]));
            }
        }

        return [.. entries];
    }

    private static void Or(ulong[] into, (int Word, ulong Bits)[] from)
    {
        foreach (var (word, bits) in from)
        {
            into[word] |= bits;
        }
    }
}
