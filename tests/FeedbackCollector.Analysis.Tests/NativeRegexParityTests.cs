using System.Reflection;
using System.Text.RegularExpressions;
using FeedbackCollector.Analysis.Concerns;
using FeedbackCollector.Analysis.Redaction;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The regexes that the JIT build interprets (<c>new Regex(XPattern, ...)</c>) run source-generated in the native build
/// (<c>XGenerated()</c>), which has no JIT. Both must find the same matches, with the same groups, or the two builds
/// would redact and flag differently.
/// </summary>
public class NativeRegexParityTests
{
    private static readonly Type[] Holders = [typeof(ConcernRules), typeof(ConcernPatterns), typeof(PiiPatterns)];

    /// <summary>Each regex with both forms: the source-generated one and the pattern it was generated from.</summary>
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var (name, _, _) in Pairs())
        {
            names.Add(name);
        }
        return names;
    }

    private static IEnumerable<(string Name, Regex Generated, string Pattern)> Pairs()
    {
        foreach (var holder in Holders)
        {
            foreach (var method in holder.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            {
                if (method.ReturnType != typeof(Regex) || !method.Name.EndsWith("Generated", StringComparison.Ordinal))
                {
                    continue;
                }
                var name = method.Name[..^"Generated".Length];
                var pattern = holder.GetField(name + "Pattern", BindingFlags.Static | BindingFlags.NonPublic)?.GetRawConstantValue() as string;
                Assert.True(pattern is not null, $"{holder.Name}.{name}Generated has no {name}Pattern constant");
                yield return ($"{holder.Name}.{name}", (Regex)method.Invoke(null, null)!, pattern);
            }
        }
    }

    [Fact]
    public void Every_regex_interpreted_in_the_JIT_build_has_a_generated_twin()
    {
        // The fourteen of docs/analyzer.md ("rarely-run regexes interpreted", branches s12-speed and s13-speed).
        Assert.Equal(14, Pairs().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Generated_and_interpreted_forms_find_the_same_matches(string name)
    {
        var (_, generated, pattern) = Pairs().Single(p => p.Name == name);
        var interpreted = new Regex(pattern, generated.Options);
        Assert.Equal(pattern, generated.ToString());

        // Texts made of the pattern's own words (so that it matches often), with fillers, digits, capitals and
        // punctuation, plus every text of the dev set.
        var words = Regex.Matches(pattern, "[a-z]{2,}").Select(m => m.Value).Where(w => w is not "x20" and not "w").Distinct().ToArray();
        string[] fillers = ["i", "my", "the", "a", "and", "to", "he", "she", "me", "12", "4a", "flat 3,", "Rose", "Lane", "Road", "st", "years", ".", ",", "!", "\u00e9", "dont", "now"];
        var random = new Random(name.Length * 7919);
        // The pattern's literal pieces between its brackets and bars ("scared to go", "home"), joined at random, make
        // phrases that the alternations match far more often than single words do.
        var pieces = Regex.Split(pattern.Replace(@"\x20", " ", StringComparison.Ordinal), @"[|()]")
            .Select(p => Regex.Replace(p, @"\\[bwds]\+?|\?[:!=<]+|[?*+]|\{[0-9,]+\}|\[[^\]]*\]", "").Trim())
            .Where(p => p.Any(char.IsLetter))
            .Distinct()
            .ToArray();
        var texts = new List<string>();
        for (var n = 0; n < 6000; n++)
        {
            var count = random.Next(2, 12);
            var parts = new string[count];
            for (var k = 0; k < count; k++)
            {
                parts[k] = random.Next(3) == 0 ? fillers[random.Next(fillers.Length)] : words[random.Next(words.Length)];
            }
            texts.Add(string.Join(' ', parts));
        }
        for (var n = 0; n < 6000; n++)
        {
            var count = random.Next(1, 7);
            var parts = new string[count];
            for (var k = 0; k < count; k++)
            {
                parts[k] = random.Next(4) == 0 ? fillers[random.Next(fillers.Length)] : pieces[random.Next(pieces.Length)];
            }
            texts.Add(string.Join(' ', parts));
        }
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "DevSet", "devset.jsonl")))
        {
            texts.Add(line);
            texts.Add(line.ToLowerInvariant());
        }

        var matches = 0;
        foreach (var text in texts)
        {
            var expected = Describe(interpreted.Matches(text));
            Assert.True(expected == Describe(generated.Matches(text)), $"{name} differs on: {text}");
            matches += expected.Length == 0 ? 0 : 1;
        }
        // Most of these match hundreds of the texts; the longest phrase rules (AnSecret: four fixed parts in a row) a few.
        Assert.True(matches >= 3, $"{name} matched only {matches} texts: the texts do not exercise it");
    }

    private static string Describe(MatchCollection matches) =>
        string.Join(" | ", matches.Select(m => string.Join(",", m.Groups.Values.Select(g => $"{g.Name}:{g.Success}:{g.Index}:{g.Length}"))));
}
