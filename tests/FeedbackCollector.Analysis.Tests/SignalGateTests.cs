using FeedbackCollector.Analysis.Concerns;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The quick tests in front of the signal rules: an element's bit set of literal ids, and the gate that rules out, in one
/// pass, the rules that cannot match. Each must answer exactly what the word lists and masks they stand for answer.
/// </summary>
public class SignalGateTests
{
    [Fact]
    public void An_elements_bit_set_holds_exactly_its_literal_words()
    {
        var elements = SignalRules.All.SelectMany(r => r.Elements).ToList();
        Assert.Contains(elements, e => e.Words.Length == 0);
        Assert.Contains(elements, e => e.Words.Any(w => w >= 64));
        foreach (var element in elements)
        {
            // Past the last id as well: a word of no rule, or one beyond this element's highest, is not in the set.
            for (var id = 0; id < SignalRules.LiteralCount + 130; id++)
            {
                Assert.Equal(element.Words.Contains(id), element.HasWord(id));
            }
        }
    }

    /// <summary>
    /// The gate must pass every rule whose positions all have a word in the text (the check <see cref="SignalMatcher.Find"/>
    /// makes first), and no other: on texts made of words of the rules themselves, in random mixes, so that rules pass and fail.
    /// </summary>
    [Fact]
    public void The_gate_passes_exactly_the_rules_whose_positions_all_have_a_word_in_the_text()
    {
        var vocabulary = SignalRules.Literals.Keys.Concat(ConcernLexicon.AllWords.Select(w => w.Key)).Distinct().ToArray();
        var random = new Random(7);
        var passed = 0;
        var possible = new bool[SignalRules.All.Length];
        for (var n = 0; n < 3000; n++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 25)).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
            var tokens = ConcernTokens.For(ConcernText.For(text).Text);
            SignalGate.Possible(tokens, possible);
            for (var r = 0; r < SignalRules.All.Length; r++)
            {
                var rule = SignalRules.All[r];
                var expected = rule.Need.All(need => (tokens.All & need) != 0)
                    && rule.Elements.All(e => (tokens.All & e.Mask) != 0 || e.Words.Any(tokens.HasLiteral));
                Assert.Equal(expected, possible[r]);
                passed += expected ? 1 : 0;
            }
        }

        Assert.True(passed > 1000, $"only {passed} rule passes: the texts do not exercise the gate");
    }
}
