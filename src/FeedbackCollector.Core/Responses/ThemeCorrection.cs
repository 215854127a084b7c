using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Core.Responses;

/// <summary>The themes an officer chose for one free-text answer, in place of the analyzer's.</summary>
/// <param name="QuestionId">The answer's question.</param>
/// <param name="Themes">The themes: the analyzer's match (with its evidence) for a theme the officer kept, confidence 1 and no evidence for one the officer added.</param>
public sealed record CorrectedAnswer(string QuestionId, IReadOnlyList<ThemeMatch> Themes);

/// <summary>
/// An officer's correction of the themes of a response. Stored beside the analysis, never inside it, so re-analysis keeps
/// it; every reader that counts themes (digests, filters, exports) uses <see cref="SurveyResponse.ThemesOf"/>, so the
/// correction wins over the analyzer.
/// </summary>
/// <param name="Answers">One entry per corrected answer; answers not listed keep the analyzer's themes.</param>
/// <param name="CorrectedBy">Who corrected it (the staff key's label).</param>
/// <param name="CorrectedUtc">When.</param>
/// <param name="TaxonomyVersion">The taxonomy version whose themes were chosen from.</param>
public sealed record ThemeCorrection(IReadOnlyList<CorrectedAnswer> Answers, string CorrectedBy, DateTimeOffset CorrectedUtc, string TaxonomyVersion)
{
    /// <summary>The corrected themes of the answer to <paramref name="questionId"/>, or null when that answer was not corrected.</summary>
    public IReadOnlyList<ThemeMatch>? For(string questionId)
    {
        foreach (var a in Answers)
        {
            if (string.Equals(a.QuestionId, questionId, StringComparison.Ordinal))
            {
                return a.Themes;
            }
        }
        return null;
    }
}
