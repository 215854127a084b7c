using FeedbackCollector.Analysis.Concerns;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The concern tokeniser's per-word memo must answer exactly what classifying the word afresh answers, and the word's
/// anchor id exactly what looking it up among the rules' anchors answers.
/// </summary>
public class ConcernWordMemoTests
{
    [Fact]
    public void The_memo_agrees_with_classification_on_lexicon_words_misspellings_numbers_and_random_words()
    {
        var words = new List<string>();
        words.AddRange(ConcernLexicon.AllWords.Select(w => w.Key));
        words.AddRange(SignalRules.Literals.Keys);
        words.AddRange(ConcernLexicon.PhraseStarts);
        words.AddRange(ConcernRules.All.SelectMany(r => r.Anchors.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        words.AddRange(ConcernRules.All.SelectMany(r => (r.Requires ?? string.Empty).Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries)));
        // Misspellings the lexicon resolves ("hittin", "punchd", "hitts"), ages and other numbers, long words.
        words.AddRange(ConcernLexicon.AllWords.Select(w => w.Key).Where(w => w.EndsWith("ing")).Select(w => w[..^1]));
        words.AddRange(ConcernLexicon.AllWords.Select(w => w.Key).Where(w => w.EndsWith("ed")).Select(w => w[..^2] + "d"));
        words.AddRange(ConcernLexicon.AllWords.Select(w => w.Key).Select(w => w + w[^1]));
        words.AddRange(Enumerable.Range(0, 120).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        words.Add(new string('a', ConcernTokens.WordMemo.MaxWord + 5));
        var random = new Random(11);
        for (var i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(1, ConcernTokens.WordMemo.MaxWord + 3)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = random.Next(10) == 0 ? (char)random.Next(0xC0, 0x17F) : (char)('a' + random.Next(26));
            }
            words.Add(new string(chars));
        }

        var memo = new ConcernTokens.WordMemo();
        Assert.Contains(words, w => ConcernTokens.Classify(w).Mask != 0);
        Assert.Contains(words, w => ConcernTokens.Classify(w).Literal >= 0);
        Assert.Contains(words, w => ConcernTokens.Classify(w).Phrase);
        Assert.Contains(words, w => ConcernAnchors.IdOf(w) >= 0);
        // Twice over: the first pass fills the memo, the second reads from it.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var word in words)
            {
                Assert.Equal(Expected(word), memo.Resolve(word));
            }
        }
    }

    private static (ulong, int, bool, int, uint, uint) Expected(string word)
    {
        var (mask, literal, phrase) = ConcernTokens.Classify(word);
        var number = word.All(char.IsAsciiDigit);
        return (mask, literal, phrase, ConcernAnchors.IdOf(word), Fnv('w', number ? "#" : word), word.Length >= 6 ? Fnv('p', word[..4]) : 0u);
    }

    /// <summary>The concern model's feature hash, written out here as the model's format defines it (FNV-1a of kind, '|', text).</summary>
    private static uint Fnv(char kind, string text)
    {
        var h = 2166136261u;
        foreach (var c in kind + "|" + text)
        {
            h = unchecked((h ^ c) * 16777619u);
        }

        return h;
    }

    [Fact]
    public void Anchor_ids_lead_to_the_rules_each_word_anchors_and_the_word_sets_it_belongs_to()
    {
        var rules = ConcernRules.All;
        var words = rules.SelectMany(r => r.Anchors.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(rules.SelectMany(r => (r.Requires ?? string.Empty).Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var required = 0;
        foreach (var word in words)
        {
            var id = ConcernAnchors.IdOf(word);
            if (word.Length < 2)
            {
                Assert.Equal(-1, id);
                continue;
            }

            Assert.InRange(id, 0, ConcernAnchors.Entries.Length - 1);
            var expectedRules = Enumerable.Range(0, rules.Length)
                .Where(i => rules[i].Anchors.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(word))
                .ToArray();
            Assert.Equal(expectedRules, ConcernAnchors.Entries[id].Rules);

            // A word of a rule's required set carries a bit that the rule needs.
            for (var i = 0; i < rules.Length; i++)
            {
                var inSet = (rules[i].Requires ?? string.Empty).Split('|').Any(set => set.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(word));
                if (inSet)
                {
                    required++;
                    Assert.NotEqual(0UL, ConcernAnchors.Entries[id].Sets & ConcernAnchors.Needs[i]);
                }
            }
        }

        Assert.True(required > 0);
        Assert.Equal(-1, ConcernAnchors.IdOf("zzzz"));
        Assert.Equal(-1, ConcernAnchors.IdOf(string.Empty));
    }

    [Fact]
    public void Past_its_capacity_the_memo_stops_remembering_and_still_answers()
    {
        var memo = new ConcernTokens.WordMemo();
        for (var i = 0; i < ConcernTokens.WordMemo.MaxWords + 500; i++)
        {
            memo.Resolve("w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(ConcernTokens.WordMemo.MaxWords, memo.Count);
        foreach (var word in new[] { "hit", "hittin", "kill", "w99999", "14", "25", "zzzz" })
        {
            Assert.Equal(Expected(word), memo.Resolve(word));
            Assert.Equal(Expected(word), memo.Resolve(word));
        }
    }
}
