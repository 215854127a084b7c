using FeedbackCollector.Analysis.Text;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>The generic span-keyed word table behind the vocabulary's word cache and the concern tokeniser's memo.</summary>
public class SpanWordTableTests
{
    private static string RandomWord(Random random, int maxLength)
    {
        var chars = new char[random.Next(0, maxLength + 1)];
        for (var c = 0; c < chars.Length; c++)
        {
            chars[c] = random.Next(15) == 0 ? (char)random.Next(0x100, 0x3000) : (char)('a' + random.Next(5));
        }

        return new string(chars);
    }

    [Fact]
    public void Against_a_dictionary_it_finds_every_word_added_and_no_other_across_growth_with_struct_values()
    {
        var random = new Random(21);
        var table = new SpanWordTable<(ulong Mask, int Literal, bool Phrase)>(int.MaxValue, initialSlotBits: 2, initialChars: 4);
        var reference = new Dictionary<string, (ulong, int, bool)>(StringComparer.Ordinal);
        for (var i = 0; i < 30_000; i++)
        {
            var word = RandomWord(random, 12);
            var found = table.TryGetValue(word, out var value);
            Assert.Equal(reference.TryGetValue(word, out var expected), found);
            if (found)
            {
                Assert.Equal(expected, value);
                Assert.False(table.TryAdd(word, (0, -1, false)));
                continue;
            }

            var entry = ((ulong)random.NextInt64(), i, i % 3 == 0);
            Assert.True(table.TryAdd(word, entry));
            reference[word] = entry;
            Assert.Equal(reference.Count, table.Count);
        }

        Assert.True(reference.Count > 10_000, "the test should grow the table many times");
        Assert.Contains(string.Empty, reference.Keys);
        foreach (var (word, expected) in reference)
        {
            Assert.True(table.TryGetValue(word, out var value));
            Assert.Equal(expected, value);
            Assert.True(table.TryGetValue(word.AsSpan(), out _));
        }

        // Words that share a prefix, hash or length with held words but are not held are not found.
        for (var i = 0; i < 5_000; i++)
        {
            var probe = RandomWord(random, 14) + "x";
            Assert.Equal(reference.ContainsKey(probe), table.TryGetValue(probe, out _));
        }
    }

    [Fact]
    public void Reference_values_are_returned_as_the_same_instances_and_a_second_add_keeps_the_first()
    {
        var table = new SpanWordTable<string>(100);
        var first = new string('v', 3);
        Assert.True(table.TryAdd("word", first));
        Assert.False(table.TryAdd("word", "other"));
        Assert.True(table.TryGetValue("word", out var value));
        Assert.Same(first, value);
        Assert.False(table.TryGetValue("wor", out _));
        Assert.False(table.TryGetValue("words", out _));
        Assert.False(table.TryGetValue("Word", out _));
    }

    [Fact]
    public void It_refuses_words_past_its_capacity_and_longer_than_its_longest_and_still_answers_for_held_words()
    {
        var table = new SpanWordTable<int>(maxWords: 1000, maxWordLength: 8);
        for (var i = 0; i < 1500; i++)
        {
            var word = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(i < 1000, table.TryAdd(word, i));
        }

        Assert.Equal(1000, table.Count);
        Assert.True(table.IsFull);
        Assert.True(table.TryGetValue("w999", out var held));
        Assert.Equal(999, held);
        Assert.False(table.TryGetValue("w1000", out _));

        var small = new SpanWordTable<int>(maxWords: 10, maxWordLength: 8);
        Assert.False(small.TryAdd("ninechars", 9));
        Assert.False(small.TryGetValue("ninechars", out _));
        Assert.True(small.TryAdd("eightchr", 8));
        Assert.True(small.TryGetValue("eightchr", out var eight));
        Assert.Equal(8, eight);
        Assert.Equal(1, small.Count);
    }

    [Fact]
    public void The_hash_is_32_bit_fnv_1a_of_the_code_units()
    {
        Assert.Equal(2166136261u, SpanWordTable<int>.Hash(string.Empty));
        // FNV-1a of "a": (2166136261 ^ 0x61) * 16777619 mod 2^32.
        Assert.Equal(unchecked((2166136261u ^ 'a') * 16777619u), SpanWordTable<int>.Hash("a"));
        Assert.NotEqual(SpanWordTable<int>.Hash("ab"), SpanWordTable<int>.Hash("ba"));
    }

    [Fact]
    public void A_hash_built_a_character_at_a_time_is_the_words_hash_and_finds_the_same_entry()
    {
        var random = new Random(5);
        var table = new SpanWordTable<int>(int.MaxValue);
        for (var i = 0; i < 2_000; i++)
        {
            var word = RandomWord(random, 10);
            var hash = SpanWordTable<int>.HashSeed;
            foreach (var c in word)
            {
                hash = SpanWordTable<int>.HashStep(hash, c);
            }

            Assert.Equal(SpanWordTable<int>.Hash(word), hash);
            table.TryAdd(word, i);
            Assert.True(table.TryGetValue(word, hash, out var byHash));
            Assert.True(table.TryGetValue(word, out var byWord));
            Assert.Equal(byWord, byHash);
        }
    }
}
