namespace FeedbackCollector.Core.Analysis;

/// <summary>
/// Analyses free text: themes, sentiment, key phrases, personal-data redaction and safeguarding concerns.
/// Implemented by the local analyzer (no cloud) and by the Azure AI Language provider.
/// </summary>
public interface ITextAnalyzer
{
    /// <summary>Which analyzer this is, with its taxonomy version.</summary>
    AnalyzerInfo Info { get; }

    /// <summary>Analyses a batch. Returns one result per request, in request order. Never drops a text.</summary>
    Task<IReadOnlyList<AnalysisResult>> AnalyzeAsync(IReadOnlyList<AnalysisRequest> batch, CancellationToken cancellationToken = default);
}
