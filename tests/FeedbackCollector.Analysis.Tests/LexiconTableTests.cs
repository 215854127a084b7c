using FeedbackCollector.Analysis.Redaction;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>The redaction lexicon's flat ASCII word table against a dictionary and against the case-insensitive lookup.</summary>
public class LexiconTableTests
{
    [Fact]
    public void The_table_agrees_with_a_dictionary_on_random_words_misses_and_case_included()
    {
        var random = new Random(3);
        var reference = new Dictionary<string, Entry>(StringComparer.Ordinal);
        while (reference.Count < 5000)
        {
            reference[RandomWord(random, 1, AsciiWordTable.MaxWord)] = new Entry((WordFlags)random.Next(1, 2048), (CueWord)random.Next(0, 20));
        }
        var table = new AsciiWordTable(reference.Select(e => (e.Key, e.Value)));

        foreach (var (word, entry) in reference)
        {
            Assert.True(table.TryFind(word, out var found));
            Assert.Equal(entry, found);
            Assert.True(table.TryFind(word.ToUpperInvariant(), out found));
            Assert.Equal(entry, found);
        }
        for (var i = 0; i < 50_000; i++)
        {
            var word = RandomWord(random, 1, AsciiWordTable.MaxWord);
            Assert.True(table.TryFind(word, out var found));
            Assert.Equal(reference.TryGetValue(word, out var expected) ? expected : default, found);
        }

        // Not for this table: non-ASCII words and words longer than any key.
        Assert.False(table.TryFind("chloé", out _));
        Assert.False(table.TryFind(new string('a', AsciiWordTable.MaxWord + 1), out _));
        Assert.Throws<ArgumentException>(() => new AsciiWordTable([("Sarah", default)]));
    }

    [Fact]
    public void Every_list_word_and_cue_word_is_found_as_the_case_insensitive_lookup_finds_it()
    {
        var words = new List<string>();
        foreach (var resource in new[] { "common-words.txt", "function-words.txt", "services.txt", "first-names.txt", "word-names.txt" })
        {
            using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("FeedbackCollector.Analysis.Redaction." + resource)!;
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (!line.StartsWith('#'))
                {
                    words.AddRange(line.TrimStart('!').Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }
        words.AddRange(CueWords.All.Select(c => c.Word));
        Assert.True(words.Count > 5000);
        foreach (var word in words.Concat(words.Select(w => w.ToUpperInvariant())).Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..])))
        {
            var entry = Lexicon.LookupEntry(word);
            Assert.Equal(Lexicon.LookupIgnoringCase(word), entry);
            Assert.Equal(entry.Flags, Lexicon.Lookup(word));
        }
        Assert.Equal(WordFlags.Name, Lexicon.LookupEntry("SARAH").Flags & WordFlags.Name);
        Assert.Equal(default, Lexicon.LookupEntry("zzqxv"));
    }

    private static string RandomWord(Random random, int min, int max)
    {
        var chars = new char[random.Next(min, max + 1)];
        for (var i = 0; i < chars.Length; i++)
        {
            // A small alphabet makes near-misses (same length, one letter off) common.
            chars[i] = "abcdeo'-"[random.Next(8)];
        }
        return new string(chars);
    }
}
