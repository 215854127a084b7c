using FeedbackCollector.Analysis.Concerns;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>The concern tokeniser's per-word memo must answer exactly what classifying the word afresh answers.</summary>
public class ConcernWordMemoTests
{
    [Fact]
    public void The_memo_agrees_with_classification_on_lexicon_words_misspellings_numbers_and_random_words()
    {
        var words = new List<string>();
        words.AddRange(ConcernLexicon.AllWords.Select(w => w.Key));
        words.AddRange(SignalRules.Literals.Keys);
        words.AddRange(ConcernLexicon.PhraseStarts);
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
        // Twice over: the first pass fills the memo, the second reads from it.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var word in words)
            {
                Assert.Equal(ConcernTokens.Classify(word), memo.Resolve(word));
            }
        }
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
            Assert.Equal(ConcernTokens.Classify(word), memo.Resolve(word));
            Assert.Equal(ConcernTokens.Classify(word), memo.Resolve(word));
        }
    }
}
