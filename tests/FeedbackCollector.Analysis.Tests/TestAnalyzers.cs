using FeedbackCollector.Core.Analysis;
using Moq;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>Shared analyzers over the shipped (embedded) taxonomy; building one compiles the taxonomy, so it is done once.</summary>
internal static class TestAnalyzers
{
    private static readonly Lazy<Taxonomy> DefaultTaxonomy = new(Taxonomy.LoadDefault);
    private static readonly Lazy<LocalAnalyzer> Plain = new(() => Create(DefaultTaxonomy.Value));

    /// <summary>The shipped taxonomy.</summary>
    public static Taxonomy Taxonomy => DefaultTaxonomy.Value;

    /// <summary>An analyzer whose redactor changes nothing and whose concern detector flags nothing.</summary>
    public static LocalAnalyzer Default => Plain.Value;

    /// <summary>An analyzer over <paramref name="taxonomy"/> with pass-through fakes.</summary>
    public static LocalAnalyzer Create(Taxonomy taxonomy)
    {
        var redactor = new Mock<IPiiRedactor>();
        redactor.Setup(r => r.Redact(It.IsAny<string>())).Returns((string t) => new RedactionResult(t, []));
        var concerns = new Mock<IConcernDetector>();
        concerns.Setup(c => c.Detect(It.IsAny<string>(), It.IsAny<Audience>())).Returns(ConcernResult.None);
        return new LocalAnalyzer(taxonomy, redactor.Object, concerns.Object);
    }

    /// <summary>The theme ids found in <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Themes(string text, Audience audience = Audience.Unknown) =>
        Default.Analyze(new AnalysisRequest("t", text, audience)).Themes.Select(t => t.ThemeId).ToList();
}
