using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Core.Responses;

/// <summary>How a response arrived. Wire form is kebab-case.</summary>
public enum Channel
{
    /// <summary>The survey page, from a link.</summary>
    Web,
    /// <summary>The survey page, from a QR code.</summary>
    Qr,
    /// <summary>A point from uploaded youth-forum notes.</summary>
    ForumNotes,
    /// <summary>Imported from another survey tool's export.</summary>
    Import,
}

/// <summary>A free-text answer, kept for analysis and re-analysis.</summary>
/// <param name="QuestionId">The question it answers.</param>
/// <param name="Text">The text as written.</param>
public sealed record FreeTextAnswer(string QuestionId, string Text);

/// <summary>Where a point of forum notes or an imported answer came from.</summary>
/// <param name="Source">Forum name or import file.</param>
/// <param name="Session">Session date or import batch.</param>
/// <param name="Line">Line or row number in the source.</param>
public sealed record Provenance(string Source, string Session, int Line)
{
    /// <summary>The heading the point stood under in the notes, when there was one: context for a reader, never analysed.</summary>
    public string? Context { get; init; }
}

/// <summary>The analysis of one free-text answer.</summary>
public sealed record TextAnalysis(string QuestionId, AnalysisResult Result);

/// <summary>The analysis of a whole response.</summary>
/// <param name="Texts">One analysis per free-text answer.</param>
/// <param name="AnalysedUtc">When it was analysed.</param>
/// <param name="Analyzer">Which analyzer and taxonomy version.</param>
public sealed record ResponseAnalysis(IReadOnlyList<TextAnalysis> Texts, DateTimeOffset AnalysedUtc, AnalyzerInfo Analyzer)
{
    /// <summary>Theme ids found in any answer, without repeats.</summary>
    public IReadOnlyList<string> ThemeIds => Texts.SelectMany(t => t.Result.Themes).Select(t => t.ThemeId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>True when any answer was flagged as a possible safeguarding concern.</summary>
    public bool ConcernFlagged => Texts.Any(t => t.Result.Concern.Flagged);
}

/// <summary>A stored response to a survey. Anonymous: no IP address, user agent or cookie is ever kept.</summary>
public sealed record SurveyResponse
{
    /// <summary>The id, which is also the respondent's receipt (see <see cref="ResponseId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The survey answered.</summary>
    public required string SurveyCode { get; init; }

    /// <summary>The survey's audience.</summary>
    public required Audience Audience { get; init; }

    /// <summary>When received (UTC).</summary>
    public required DateTimeOffset ReceivedUtc { get; init; }

    /// <summary>Where it came from (a venue code), never who.</summary>
    public string? Venue { get; init; }

    /// <summary>How it arrived.</summary>
    public Channel Channel { get; init; } = Channel.Web;

    /// <summary>Closed answers by question id: a scale value, an option id, or several option ids.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Free-text answers.</summary>
    public IReadOnlyList<FreeTextAnswer> FreeText { get; init; } = [];

    /// <summary>For forum notes and imports: where the text came from.</summary>
    public Provenance? Provenance { get; init; }

    /// <summary>The analysis, once done.</summary>
    public ResponseAnalysis? Analysis { get; init; }

    /// <summary>An officer's correction of the themes, when made. Kept apart from <see cref="Analysis"/> so re-analysis never loses it.</summary>
    public ThemeCorrection? Correction { get; init; }

    /// <summary>The themes of one analysed answer: the officer's correction when there is one, else the analyzer's. Digests count these.</summary>
    public IReadOnlyList<ThemeMatch> ThemesOf(TextAnalysis text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Correction?.For(text.QuestionId) ?? text.Result.Themes;
    }

    /// <summary>Theme ids of every answer after corrections, without repeats; empty before analysis.</summary>
    public IReadOnlyList<string> EffectiveThemeIds()
    {
        if (Analysis is null)
        {
            return [];
        }
        var ids = new List<string>();
        foreach (var t in Analysis.Texts)
        {
            foreach (var m in ThemesOf(t))
            {
                if (!ids.Contains(m.ThemeId, StringComparer.Ordinal))
                {
                    ids.Add(m.ThemeId);
                }
            }
        }
        return ids;
    }
}
