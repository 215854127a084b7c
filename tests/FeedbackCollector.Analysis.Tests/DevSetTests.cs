using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>The real dev set (copied next to the tests) is well-formed. The one test class that reads a file.</summary>
public class DevSetTests
{
    private static readonly IReadOnlyList<LabelledItem> Items =
        DevSetReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "DevSet", "devset.jsonl"));

    /// <summary>The theme ids of the taxonomy (issue 2).</summary>
    private static readonly string[] ThemeIds =
    [
        "communication", "early-help", "listen-to-me", "relationships", "joined-up-working", "confidentiality",
        "mental-health", "bullying", "school", "feeling-safe", "things-to-do", "home", "where-to-get-help", "praise", "workforce",
    ];

    [Fact]
    public void Has_at_least_600_items_from_every_audience()
    {
        Assert.True(Items.Count >= 600, $"{Items.Count} items");
        var byAudience = Items.GroupBy(i => i.Audience).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byAudience[Audience.Child] >= Items.Count * 0.40);
        Assert.True(byAudience[Audience.Parent] >= Items.Count * 0.15);
        Assert.True(byAudience[Audience.Practitioner] >= Items.Count * 0.15);
        Assert.True(byAudience[Audience.ForumNotes] >= Items.Count * 0.10);
    }

    [Fact]
    public void Every_theme_id_is_valid()
    {
        var unknown = Items.SelectMany(i => i.Themes.Select(t => (i.Id, t))).Where(x => !ThemeIds.Contains(x.t)).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Theme_ids_are_those_of_the_shipped_taxonomy()
    {
        Assert.Equal(ThemeIds.Order(StringComparer.Ordinal), Taxonomy.LoadDefault().Themes.Select(t => t.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_theme_has_at_least_30_positives()
    {
        foreach (var theme in ThemeIds)
        {
            var n = Items.Count(i => i.Themes.Contains(theme));
            Assert.True(n >= 30, $"{theme} has {n} positives");
        }
    }

    [Fact]
    public void Every_sentiment_and_concern_category_is_present()
    {
        foreach (var s in Enum.GetValues<SentimentLabel>())
        {
            Assert.Contains(Items, i => i.Sentiment == s);
        }
        foreach (var c in Enum.GetValues<ConcernCategory>())
        {
            Assert.True(Items.Count(i => i.Concern == c) >= 10, $"{c}: fewer than 10");
        }
    }

    [Fact]
    public void Every_pii_type_is_present_and_every_pii_text_occurs_as_often_as_labelled()
    {
        foreach (var t in Enum.GetValues<PiiType>())
        {
            Assert.True(Items.Count(i => i.Pii.Any(p => p.Type == t)) >= 3, $"{t}: fewer than 3 items");
        }
        foreach (var item in Items)
        {
            foreach (var group in item.Pii.GroupBy(p => p.Text))
            {
                var occurs = Evaluator.CountOccurrences(item.Text, group.Key);
                Assert.True(occurs >= group.Count(), $"{item.Id}: '{group.Key}' labelled {group.Count()}x, occurs {occurs}x");
            }
        }
    }

    [Fact]
    public void Nhs_numbers_have_valid_check_digits()
    {
        var numbers = Items.SelectMany(i => i.Pii).Where(p => p.Type == PiiType.NhsNumber).Select(p => p.Text).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.True(IsValidNhsNumber(n), n));
    }

    [Fact]
    public void Non_english_items_have_no_themes()
    {
        var nonEnglish = Items.Where(i => i.Language is not ("en" or "und")).ToList();
        Assert.True(nonEnglish.Count >= Items.Count * 0.03, $"{nonEnglish.Count} non-English items");
        Assert.All(nonEnglish, i => Assert.Empty(i.Themes));
        // ISO 639-1, or "und" for a text with no words (a bare number, an emoji).
        Assert.All(Items, i => Assert.Matches("^([a-z]{2}|und)$", i.Language));
        Assert.All(Items.Where(i => i.Language == "und"), i => Assert.DoesNotContain(i.Text, char.IsLetter));
    }

    [Fact]
    public void Modulus_11_check_itself_rejects_a_wrong_digit()
    {
        Assert.True(IsValidNhsNumber("943 476 5919"));
        Assert.False(IsValidNhsNumber("943 476 5918"));
        Assert.False(IsValidNhsNumber("943 476 591"));
    }

    // NHS numbers: weights 10..2 over the first nine digits; 11 - (sum mod 11) is the check digit, 11 means 0, 10 is invalid.
    private static bool IsValidNhsNumber(string text)
    {
        var digits = text.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length != 10)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * (10 - i);
        }
        var check = 11 - sum % 11;
        if (check == 11)
        {
            check = 0;
        }
        return check != 10 && check == digits[9];
    }
}
