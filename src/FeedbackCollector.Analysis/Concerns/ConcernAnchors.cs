using System.Collections.Frozen;

namespace FeedbackCollector.Analysis.Concerns;

/// <summary>
/// The words that let a phrase rule of <see cref="ConcernRules"/> run at all: each rule's anchors (one must be in the
/// text) and its required word sets (one word of each must be in the text). A word's id here is remembered with its
/// other classes by <see cref="ConcernTokens.WordMemo"/>, so the detector reads it from the tokens instead of looking
/// every word up again. A required word written with a final <c>*</c> ("molest*") stands for every word that starts so,
/// for a pattern branch such as <c>molest\w*</c>.
/// </summary>
internal static class ConcernAnchors
{
    /// <summary>By anchor id: the rules the word is an anchor of, and a bit for each required word set it belongs to.</summary>
    public static readonly (int[] Rules, ulong Sets)[] Entries;

    /// <summary>By rule: the bits of the word sets of its <see cref="ConcernRule.Requires"/>, all of which the text must hold.</summary>
    public static readonly ulong[] Needs;

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Ids;

    /// <summary>The required prefixes ("molest" of "molest*"), each with the id of its entry (no rules, its sets).</summary>
    private static readonly (string Prefix, int Id)[] Prefixes;

#pragma warning disable CA1810 // The three tables are built together from one pass over the rules.
    static ConcernAnchors()
#pragma warning restore CA1810
    {
        var all = ConcernRules.All;
        var rules = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var sets = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var needs = new ulong[all.Length];
        var bit = 0;
        for (var i = 0; i < all.Length; i++)
        {
            foreach (var anchor in all[i].Anchors.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!rules.TryGetValue(anchor, out var list))
                {
                    rules[anchor] = list = [];
                }

                list.Add(i);
            }

            foreach (var set in (all[i].Requires ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // One bit a set; words of one letter are never looked up (see IdOf), so they cannot be required.
                if (bit == 64)
                {
                    throw new InvalidOperationException("More than 64 required word sets in the concern rules.");
                }

                foreach (var word in set.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (word.TrimEnd('*').Length < 2)
                    {
                        throw new InvalidOperationException($"Required word '{word}' of a concern rule is shorter than two letters.");
                    }

                    if (word.EndsWith('*'))
                    {
                        prefixes[word[..^1]] = prefixes.GetValueOrDefault(word[..^1]) | (1UL << bit);
                        continue;
                    }

                    sets[word] = sets.GetValueOrDefault(word) | (1UL << bit);
                }

                needs[i] |= 1UL << bit;
                bit++;
            }
        }

        foreach (var word in sets.Keys)
        {
            rules.TryAdd(word, []);
        }

        // A word starts with at most one prefix (so that one entry holds its sets) when no prefix starts another.
        foreach (var prefix in prefixes.Keys)
        {
            if (prefixes.Keys.Any(other => other != prefix && other.StartsWith(prefix, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"Required prefix '{prefix}*' of a concern rule starts another.");
            }
        }

        var entries = new List<(int[] Rules, ulong Sets)>(rules.Count + prefixes.Count);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, list) in rules)
        {
            ids[word] = entries.Count;
            entries.Add((list.ToArray(), sets.GetValueOrDefault(word) | PrefixSets(prefixes, word)));
        }

        var prefixIds = new List<(string, int)>();
        foreach (var (prefix, bits) in prefixes)
        {
            prefixIds.Add((prefix, entries.Count));
            entries.Add(([], bits));
        }

        Prefixes = [.. prefixIds];
        Entries = [.. entries];
        Needs = needs;
        Ids = ids.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The word's anchor id (an index into <see cref="Entries"/>), or -1: words of one letter are never anchors. A word
    /// that is no anchor or required word itself but starts with a required prefix has the prefix's entry.
    /// </summary>
    public static int IdOf(ReadOnlySpan<char> word)
    {
        if (word.Length < 2)
        {
            return -1;
        }

        if (Ids.TryGetValue(word, out var id))
        {
            return id;
        }

        foreach (var (prefix, prefixId) in Prefixes)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefixId;
            }
        }

        return -1;
    }

    private static ulong PrefixSets(Dictionary<string, ulong> prefixes, string word)
    {
        var bits = 0UL;
        foreach (var (prefix, set) in prefixes)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                bits |= set;
            }
        }

        return bits;
    }
}
