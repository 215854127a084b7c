using FeedbackCollector.Analysis.Redaction;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// <see cref="StreetWords.MayHoldSuffix"/> looks words up as packed keys in a small table: the table must say exactly
/// what the street-word list says, for every street word and for other words of the same letters and lengths.
/// </summary>
public class StreetSuffixTableTests
{
    private static readonly HashSet<string> List = [.. PiiPatterns.StreetSuffixes.Split('|')];

    [Fact]
    public void Every_street_word_is_in_the_table()
    {
        foreach (var word in List)
        {
            Assert.True(StreetWords.IsSuffixWord(word), word);
            Assert.True(StreetWords.MayHoldSuffix("at 4 " + word.ToUpperInvariant() + "."), word);
        }
    }

    [Fact]
    public void Other_words_are_not()
    {
        var random = new Random(11);
        const string Letters = "abcdefghijklmnopqrstuvwxyzsteroadlnwy";
        for (var n = 0; n < 200000; n++)
        {
            var length = random.Next(1, 10);
            var word = string.Concat(Enumerable.Range(0, length).Select(_ => Letters[random.Next(Letters.Length)]));
            Assert.Equal(List.Contains(word), StreetWords.IsSuffixWord(word));
        }

        foreach (var word in List)
        {
            Assert.False(StreetWords.MayHoldSuffix("at 4 " + word + "x"), word);
            Assert.False(StreetWords.MayHoldSuffix("at 4 x" + word), word);
        }
    }
}
