using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Core.Storage;

/// <summary>An analysed response whose analysis used another taxonomy version than the one asked about.</summary>
/// <param name="Id">The response id.</param>
/// <param name="ReceivedUtc">When it was received.</param>
/// <param name="TaxonomyVersion">The taxonomy version its analysis used.</param>
public sealed record StaleAnalysis(string Id, DateTimeOffset ReceivedUtc, string TaxonomyVersion);

/// <summary>
/// What officers change about stored responses, and the look-ups re-analysis needs. Kept apart from
/// <see cref="IResponseRepository"/> so that its existing implementations need nothing new.
/// </summary>
public interface IResponseCurationStore
{
    /// <summary>Stores the officer's theme correction of a response, or removes it when null. False when there is no such response.</summary>
    Task<bool> SaveCorrectionAsync(string id, ThemeCorrection? correction, CancellationToken cancellationToken = default);

    /// <summary>Responses received in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) that carry a theme correction.</summary>
    IAsyncEnumerable<SurveyResponse> ListCorrectedAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken = default);

    /// <summary>
    /// Analysed responses received in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) whose analysis used a taxonomy
    /// version other than <paramref name="taxonomyVersion"/> (responses not yet analysed are not listed).
    /// </summary>
    IAsyncEnumerable<StaleAnalysis> ListStaleAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, string taxonomyVersion, CancellationToken cancellationToken = default);
}
