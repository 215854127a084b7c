using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Digest.Tests;

/// <summary>An officer's theme correction (made in the staff console) wins over the analyzer in the digest.</summary>
public class ConsoleCorrectionDigestTests
{
    private static int CountOf(DigestModel m, string themeId) => m.Themes.SingleOrDefault(t => t.Theme.Id == themeId)?.Count.Value ?? 0;

    [Fact]
    public void Corrected_themes_replace_the_analyzers_in_counts_and_comments()
    {
        var plain = DigestFixture.Model();
        var current = DigestFixture.Current();
        // Every child answer about listening is corrected to "early-help" instead.
        var corrected = current.Select(r => r.Analysis is { } a && r.Audience == Audience.Child && !a.ConcernFlagged
                && a.Texts.Any(t => t.Result.Themes.Any(m => m.ThemeId == "listen-to-me"))
            ? r with
            {
                Correction = new ThemeCorrection(
                    a.Texts.Select(t => new CorrectedAnswer(t.QuestionId, [new ThemeMatch("early-help", "Early help", 1, [])])).ToList(),
                    "Officer", DateTimeOffset.UtcNow, "2026.1"),
            }
            : r).ToList();
        var moved = corrected.Count(r => r.Correction is not null);
        Assert.True(moved >= 5, "the fixture should have child answers about listening");

        var model = DigestFixture.Model(corrected);
        Assert.Equal(CountOf(plain, "listen-to-me") - moved, CountOf(model, "listen-to-me"));
        Assert.True(CountOf(model, "early-help") > CountOf(plain, "early-help"));
        var correctedTexts = corrected.Where(r => r.Correction is not null).SelectMany(r => r.Analysis!.Texts).Select(t => t.Result.RedactedText).ToHashSet();
        var rows = model.Comments.Where(c => correctedTexts.Contains(c.Text)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, c => Assert.DoesNotContain("listen-to-me", c.ThemeIds));
    }
}
