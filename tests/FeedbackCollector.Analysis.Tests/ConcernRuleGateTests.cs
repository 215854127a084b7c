using System.Text.RegularExpressions;
using FeedbackCollector.Analysis.Concerns;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The detector runs a phrase rule only when one of its anchors and a word of each of its required sets are in the
/// text. The required sets are a speed gate and must never hide a match: wherever a rule's pattern matches a text that
/// holds one of its anchors, a word of each required set is there too. (The anchors themselves decide what runs, as
/// they always have: "molestowal" matches a pattern but anchors no rule.) Checked on texts made of the pattern's own
/// pieces (so that it matches often), on every text of the dev set, and on words that only a required prefix
/// ("molest*", "dotykal*") covers.
/// </summary>
public class ConcernRuleGateTests
{
    public static TheoryData<int> Rules() => [.. Enumerable.Range(0, ConcernRules.All.Length)];

    [Theory]
    [MemberData(nameof(Rules))]
    public void Wherever_a_rules_pattern_matches_its_gate_passes(int index)
    {
        var rule = ConcernRules.All[index];
        var pattern = rule.Pattern.ToString();
        var pieces = Regex.Split(pattern.Replace(@"\x20", " ", StringComparison.Ordinal), @"[|()]")
            .Select(p => Regex.Replace(p, @"\\[bwds]\+?|\?[:!=<]+|[?*+]|\{[0-9,]+\}|\[[^\]]*\]", "").Trim())
            .Where(p => p.Any(char.IsLetter))
            .Distinct()
            .ToArray();
        string[] fillers = ["i", "my", "me", "the", "a", "to", "he", "she", "is", "and", "now", "dont", "not", "16", "25", "."];
        var random = new Random(index * 7919 + 1);
        var texts = new List<string>();
        for (var n = 0; n < 8000; n++)
        {
            var parts = new string[random.Next(1, 8)];
            for (var k = 0; k < parts.Length; k++)
            {
                parts[k] = random.Next(4) == 0 ? fillers[random.Next(fillers.Length)] : pieces[random.Next(pieces.Length)];
            }

            texts.Add(string.Join(' ', parts));
        }

        texts.AddRange(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "DevSet", "devset.jsonl")));
        texts.AddRange([
            "he felt me up", "i feel sick about the molestation", "he made me feel molested", "mnie dotykali mnie", "ghar mnie dotykalem mnie",
            "i dont feel safe at home", "im not safe", "i feel unsafe", "its not safe at home", "i never feel safe in my house", "we are notsafe",
            "he makes me keep secrets", "he comes into my room at night", "she said its our secret", "he told me i cant tell anyone",
            "nobody looks after us", "mum is drunk all day", "left alone for days", "i cant breathe", "going to do it tonight"]);

        var matches = 0;
        foreach (var raw in texts)
        {
            var text = ConcernText.For(raw).Text;
            if (!rule.Pattern.IsMatch(text))
            {
                continue;
            }

            var tokens = ConcernTokens.For(text);
            var anchored = false;
            var present = 0UL;
            for (var k = 0; k < tokens.Count; k++)
            {
                if (tokens.Anchor[k] >= 0)
                {
                    anchored |= ConcernAnchors.Entries[tokens.Anchor[k]].Rules.Contains(index);
                    present |= ConcernAnchors.Entries[tokens.Anchor[k]].Sets;
                }
            }

            if (!anchored)
            {
                continue;
            }

            matches++;
            Assert.True((present & ConcernAnchors.Needs[index]) == ConcernAnchors.Needs[index], $"rule {index} matches without a word of each required set: {text}");
        }

        Assert.True(matches >= 3, $"rule {index} matched only {matches} texts: the texts do not exercise it");
    }

    [Fact]
    public void A_required_prefix_covers_every_word_so_starting_and_no_other()
    {
        var sexual = Array.FindIndex(ConcernRules.All, r => r.Requires?.Contains("molest*", StringComparison.Ordinal) == true);
        Assert.True(sexual >= 0);
        foreach (var word in new[] { "molest", "molested", "molestation", "molesters" })
        {
            var id = ConcernAnchors.IdOf(word);
            Assert.True(id >= 0, word);
            Assert.NotEqual(0UL, ConcernAnchors.Entries[id].Sets & ConcernAnchors.Needs[sexual]);
        }

        Assert.Equal(-1, ConcernAnchors.IdOf("molets"));
        Assert.Equal(-1, ConcernAnchors.IdOf("amolest"));
    }
}
