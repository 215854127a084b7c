using FeedbackCollector.Analysis.Text;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>The vocabulary's per-thread flat word cache (a <see cref="SpanWordTable{TValue}"/> of raw words) against a dictionary.</summary>
public class VocabularyCacheTests
{
    [Fact]
    public void The_cache_finds_every_word_added_and_nothing_else_across_growth()
    {
        var random = new Random(5);
        var cache = new SpanWordTable<RawWord>(250_000, initialSlotBits: 12, initialChars: 1 << 15);
        var reference = new Dictionary<string, RawWord>(StringComparer.Ordinal);
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(1, 40)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = random.Next(20) == 0 ? (char)random.Next(0x100, 0x2000) : (char)('a' + random.Next(6));
            }
            var word = new string(chars);
            var found = cache.TryGetValue(word, out var hit);
            Assert.Equal(reference.TryGetValue(word, out var expected), found);
            if (found)
            {
                Assert.Same(expected, hit);
                continue;
            }
            var raw = new RawWord([new NormWord(word)], (uint)i, 0);
            reference[word] = raw;
            Assert.True(cache.TryAdd(word, raw));
            Assert.False(cache.TryAdd(word, new RawWord([], 0, 0)));
        }

        Assert.Equal(reference.Count, cache.Count);
        foreach (var (word, raw) in reference)
        {
            Assert.True(cache.TryGetValue(word, out var hit));
            Assert.Same(raw, hit);
            Assert.False(cache.TryGetValue(word + "q", out _) && !reference.ContainsKey(word + "q"));
        }
    }
}
