using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The checks the concern rule-gap tests share: on the rules alone (no trained backstop, so it cannot hide a rule that
/// does not fire), with audiences read by the product's own wire names.
/// </summary>
internal static class ConcernRuleAssert
{
    /// <summary>The rules flag <paramref name="text"/> with <paramref name="category"/>; returns the result.</summary>
    public static ConcernResult Flags(string audience, string text, ConcernCategory category)
    {
        var result = new ConcernDetector(model: null).Detect(text, Parse(audience));
        Assert.True(result.Flagged, text);
        Assert.Equal(category, result.Category);
        return result;
    }

    /// <summary>As <see cref="Flags(string, string, ConcernCategory)"/>, and the evidence quotes <paramref name="evidence"/>.</summary>
    public static void Flags(string audience, string text, ConcernCategory category, string evidence) =>
        Assert.Contains(evidence, Flags(audience, text, category).Evidence, StringComparison.OrdinalIgnoreCase);

    /// <summary>The rules raise nothing on <paramref name="text"/>.</summary>
    public static void Quiet(string audience, string text)
    {
        var result = new ConcernDetector(model: null).Detect(text, Parse(audience));
        Assert.False(result.Flagged, $"{text} -> {result.Category}: {result.Evidence}");
    }

    // The product's own wire names, so a misspelt audience fails the test instead of falling back to another one.
    public static Audience Parse(string audience) =>
        WireNames.TryParse<Audience>(audience, out var parsed) ? parsed : throw new ArgumentException($"Unknown audience '{audience}'.", nameof(audience));
}
