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

    [Fact]
    public void The_table_keeps_each_words_kinds_and_an_entry_and_kinds_of_the_same_word_together()
    {
        var table = new AsciiWordTable(new List<(string, Entry, WordKinds)>
        {
            ("sarah", new Entry(WordFlags.Name, CueWord.None), WordKinds.None),
            ("will", new Entry(WordFlags.WordName, CueWord.Will), WordKinds.English),
            ("tmrw", default, WordKinds.TextSpeak),
            ("gonna", default, WordKinds.English | WordKinds.TextSpeak),
        });

        Assert.True(table.TryFind("Will", out var entry, out var kinds));
        Assert.Equal((new Entry(WordFlags.WordName, CueWord.Will), WordKinds.English), (entry, kinds));
        Assert.True(table.TryFind("SARAH", out entry, out kinds));
        Assert.Equal((WordFlags.Name, WordKinds.None), (entry.Flags, kinds));
        Assert.True(table.TryFind("TMRW", out entry, out kinds));
        Assert.Equal((default(Entry), WordKinds.TextSpeak), (entry, kinds));
        Assert.True(table.TryFind("gonna", out _, out kinds));
        Assert.Equal(WordKinds.English | WordKinds.TextSpeak, kinds);
        Assert.True(table.TryFind("grace", out entry, out kinds));
        Assert.Equal((default(Entry), WordKinds.None), (entry, kinds));
        Assert.False(table.TryFind("naïve", out _, out kinds));
        Assert.Equal(WordKinds.None, kinds);
    }

    [Fact]
    public void A_word_given_twice_keeps_the_union_of_its_kinds_and_its_last_entry_that_is_not_the_default()
    {
        var will = new Entry(WordFlags.WordName, CueWord.Will);
        var table = new AsciiWordTable(new List<(string, Entry, WordKinds)>
        {
            ("will", will, WordKinds.None),
            ("gonna", default, WordKinds.TextSpeak),
            ("will", default, WordKinds.English),
            ("gonna", default, WordKinds.English),
            ("sarah", new Entry(WordFlags.Common, CueWord.None), WordKinds.None),
            ("sarah", new Entry(WordFlags.Name, CueWord.None), WordKinds.None),
        });

        Assert.True(table.TryFind("WILL", out var entry, out var kinds));
        Assert.Equal((will, WordKinds.English), (entry, kinds));
        Assert.True(table.TryFind("gonna", out entry, out kinds));
        Assert.Equal((default(Entry), WordKinds.English | WordKinds.TextSpeak), (entry, kinds));
        Assert.True(table.TryFind("Sarah", out entry, out _));
        Assert.Equal(WordFlags.Name, entry.Flags);
    }

    [Fact]
    public void The_word_lists_are_lower_case_ASCII_so_the_table_holds_every_word_of_them()
    {
        // The ASCII table can only answer for the lists because they hold no key an ASCII word could match some other
        // way: no upper case, no letter outside ASCII (ignoring case, "ſ" and "ı" would match "s" and "i"), none too long.
        Assert.All(FeedbackCollector.Analysis.Text.EnglishDictionary.All, w => Assert.True(AsciiWordTable.IsKey(w), w));
        Assert.All(FeedbackCollector.Analysis.Text.NormalizationData.Replacements, r => Assert.True(AsciiWordTable.IsKey(r.From), r.From));
        Assert.True(FeedbackCollector.Analysis.Text.EnglishDictionary.All.Count > 50_000);
    }

    [Fact]
    public void Kinds_from_the_table_agree_with_the_lists_own_sets_for_every_list_word_in_any_case_and_for_misses()
    {
        var words = new List<string>(FeedbackCollector.Analysis.Text.EnglishDictionary.All);
        words.AddRange(FeedbackCollector.Analysis.Text.NormalizationData.Replacements.Select(r => r.From));
        words.AddRange(CueWords.All.Select(c => c.Word));
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            words.Add(RandomWord(random, 1, AsciiWordTable.MaxWord + 2));
        }
        words.AddRange(["", "café", "Café", "naïve", "łukasz", "straße", "\u212Aid", new string('a', 33), new string('e', 40), "sarah", "Sarah", "gr8", "GR8", "tmrw"]);

        foreach (var word in words.Concat(words.Select(w => w.ToUpperInvariant())).Concat(words.Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])))
        {
            var reference = EnglishWords.KindsFromLists(word);
            Assert.Equal(reference, Lexicon.Kinds(word));
            Lexicon.LookupEntry(word, out var kinds);
            Assert.Equal(reference, kinds);
            Assert.Equal((reference & WordKinds.English) != 0, EnglishWords.Contains(word));
            Assert.Equal(reference != WordKinds.None, EnglishWords.IsWordOrTextSpeak(word));
        }

        Assert.Equal(WordKinds.English, Lexicon.Kinds("Happy"));
        Assert.Equal(WordKinds.TextSpeak, Lexicon.Kinds("Tmrw") & WordKinds.TextSpeak);
        Assert.Equal(WordKinds.None, Lexicon.Kinds("zzqxv"));
        // An accent is dropped whether it is a combining mark ("nai\u0308ve") or a precomposed letter ("naïve").
        Assert.True(EnglishWords.ContainsWithoutAccents("Nai\u0308ve"));
        Assert.True(EnglishWords.ContainsWithoutAccents("na\u00EFve"));
        Assert.True(EnglishWords.ContainsWithoutAccents("Na\u00CFve"));
        Assert.False(EnglishWords.ContainsWithoutAccents("Zo\u00EB"));
        Assert.False(EnglishWords.Contains("Nai\u0308ve"));
        Assert.False(EnglishWords.ContainsWithoutAccents("naive"));
    }

    [Fact]
    public void A_word_in_the_English_list_only_is_not_known_to_the_lexicon_and_a_lexicon_word_keeps_its_flags()
    {
        // The English bit lives beside the flags, so "the lexicon knows it" (flags other than None) still means the redactor's lists.
        Assert.Equal(WordFlags.None, Lexicon.Lookup("hippopotamus"));
        Assert.Equal(default, Lexicon.LookupEntry("hippopotamus", out var kinds));
        Assert.Equal(WordKinds.English, kinds);
        Assert.Equal(Lexicon.LookupIgnoringCase("Will"), Lexicon.LookupEntry("Will", out kinds));
        Assert.Equal(WordKinds.English, kinds);
    }

    [Fact]
    public void Name_finder_tokens_carry_the_kinds_of_their_base_word()
    {
        const string text = "Tbh Kayleigh's worker naïve café xqzt will ring tmrw";
        var tokens = new List<Token>();
        NameFinder.Tokenize(text, tokens);

        Assert.Equal(9, tokens.Count);
        foreach (var t in tokens)
        {
            var word = text.AsSpan(t.Start, t.BaseLength);
            Assert.Equal(EnglishWords.KindsFromLists(word), t.Kinds);
            Assert.Equal(EnglishWords.Contains(word), t.English);
            Assert.Equal(EnglishWords.IsWordOrTextSpeak(word), t.WordOrTextSpeak);
        }

        Assert.True(tokens[0].WordOrTextSpeak && !tokens[0].English); // "Tbh"
        Assert.Equal(WordKinds.None, tokens[1].Kinds);                // "Kayleigh" (the base of "Kayleigh's")
        Assert.True(tokens[2].English);                               // "worker"
        Assert.False(tokens[5].WordOrTextSpeak);                      // "xqzt"
        Assert.True(tokens[8].WordOrTextSpeak);                       // "tmrw"
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
