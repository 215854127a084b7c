using FeedbackCollector.Analysis.Concerns;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The concern tokens' sentence numbers and phrase marks must be exactly those the rules and the model were built on:
/// here worked out again the first way they were written (count the sentence ends before each word, mark phrases that
/// do not cross one, then renumber in place), on random texts with empty sentences (" . . . ") and phrases.
/// </summary>
public class ConcernTokensTests
{
    [Fact]
    public void Sentences_and_phrases_are_numbered_and_marked_as_the_first_renumbering_did()
    {
        var phraseWords = ConcernLexicon.PhraseStarts.ToArray();
        var vocabulary = ConcernLexicon.AllWords.Select(w => w.Key).Concat(["the", "and", "a", "day", "!!!", ".", "?", "...", "\n"]).ToArray();
        var random = new Random(5);
        var phrases = 0;
        var uneven = 0;
        for (var n = 0; n < 4000; n++)
        {
            var words = new List<string>();
            for (var w = random.Next(1, 30); w > 0; w--)
            {
                if (random.Next(4) == 0)
                {
                    // A whole phrase, so that phrases are found (and sometimes cut by a sentence end put inside them below).
                    var start = phraseWords[random.Next(phraseWords.Length)];
                    var tails = ConcernLexicon.PhrasesFrom(start);
                    words.Add(start);
                    words.AddRange(tails[random.Next(tails.Length)].Tail);
                }
                else
                {
                    words.Add(vocabulary[random.Next(vocabulary.Length)]);
                }

                if (random.Next(6) == 0)
                {
                    words.Add(random.Next(2) == 0 ? "!!!" : ".");
                }
            }

            var text = ConcernText.For(string.Join(' ', words)).Text;
            var tokens = ConcernTokens.For(text);
            var (sentence, sentenceStart, sentenceMask, phraseMask, phraseEnd) = Reference(text, tokens);
            Assert.Equal(sentence, tokens.Sentence[..tokens.Count]);
            Assert.Equal(sentenceStart, tokens.SentenceStart[..tokens.Sentences]);
            Assert.Equal(sentenceMask, tokens.SentenceMask[..tokens.Sentences]);
            Assert.Equal(phraseMask, tokens.PhraseMask[..tokens.Count]);
            Assert.Equal(phraseEnd, tokens.PhraseEnd[..tokens.Count]);
            var all = 0UL;
            for (var k = 0; k < tokens.Count; k++)
            {
                all |= tokens.WordMask[k] | phraseMask[k];
            }

            Assert.Equal(all, tokens.All);
            phrases += phraseMask.Count(m => m != 0);
            for (var k = 1; k < tokens.Count; k++)
            {
                // Two words with no sentence end between them, in two sentences: the numbering after an empty sentence.
                if (sentence[k] != sentence[k - 1] && !text[tokens.End[k - 1]..tokens.Start[k]].Contains('.'))
                {
                    uneven++;
                    break;
                }
            }
        }

        Assert.True(phrases > 1000, $"only {phrases} phrases: the texts do not exercise the phrase marks");
        Assert.True(uneven > 100, $"only {uneven} texts put two words with no end between them in two sentences");
    }

    private static (int[] Sentence, int[] SentenceStart, ulong[] SentenceMask, ulong[] PhraseMask, int[] PhraseEnd) Reference(ReadOnlySpan<char> text, ConcernTokens tokens)
    {
        var count = tokens.Count;
        var sentence = new int[count];
        var raw = 0;
        var k = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '.')
            {
                raw++;
            }
            else if (text[i] != ' ' && (i == 0 || text[i - 1] is ' ' or '.'))
            {
                sentence[k++] = raw;
            }
        }

        Assert.Equal(count, k);
        var phraseMask = new ulong[count];
        var phraseEnd = Enumerable.Range(0, count).ToArray();
        for (k = 0; k < count; k++)
        {
            foreach (var (rest, cls) in ConcernLexicon.PhrasesFrom(text[tokens.Start[k]..tokens.End[k]]))
            {
                if (k + rest.Length >= count || sentence[k + rest.Length] != sentence[k])
                {
                    continue;
                }

                var all = true;
                for (var r = 0; r < rest.Length; r++)
                {
                    all &= tokens.Is(text, k + 1 + r, rest[r]);
                }

                if (all)
                {
                    phraseMask[k] |= cls;
                    phraseEnd[k] = Math.Max(phraseEnd[k], k + rest.Length);
                }
            }
        }

        var starts = new List<int>();
        var masks = new List<ulong>();
        for (k = 0; k < count; k++)
        {
            if (k == 0 || sentence[k] != sentence[k - 1])
            {
                starts.Add(k);
                masks.Add(0);
            }

            sentence[k] = starts.Count - 1;
            masks[^1] |= tokens.WordMask[k] | phraseMask[k];
        }

        return (sentence, [.. starts], [.. masks], phraseMask, phraseEnd);
    }
}
