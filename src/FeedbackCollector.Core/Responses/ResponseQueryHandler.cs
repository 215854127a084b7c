using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;

namespace FeedbackCollector.Core.Responses;

/// <summary>The analysis of one free-text answer as an officer sees it: redacted text only.</summary>
public sealed record AnswerAnalysisView(
    string QuestionId,
    string? RedactedText,
    string Language,
    IReadOnlyList<ThemeMatch> Themes,
    SentimentResult Sentiment,
    IReadOnlyList<string> KeyPhrases,
    bool ConcernFlagged);

/// <summary>A response as an officer sees it. Never the original text; a flagged answer's text is withheld (safeguarding role only).</summary>
public sealed record ResponseView(
    string Id,
    string SurveyCode,
    Audience Audience,
    DateTimeOffset ReceivedUtc,
    string? Venue,
    Channel Channel,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Answers,
    string Status,
    IReadOnlyList<AnswerAnalysisView> FreeText,
    DateTimeOffset? AnalysedUtc,
    AnalyzerInfo? Analyzer)
{
    /// <summary>Text shown instead of a flagged answer.</summary>
    public const string Withheld = "[withheld: possible safeguarding concern, visible to the safeguarding role]";

    /// <summary>Projects a stored response.</summary>
    public static ResponseView From(SurveyResponse r) => new(
        r.Id,
        r.SurveyCode,
        r.Audience,
        r.ReceivedUtc,
        r.Venue,
        r.Channel,
        r.Answers,
        r.Analysis is null ? "pending" : "analysed",
        r.Analysis?.Texts.Select(t => new AnswerAnalysisView(
            t.QuestionId,
            t.Result.Concern.Flagged ? Withheld : t.Result.RedactedText,
            t.Result.Language,
            t.Result.Themes,
            t.Result.Sentiment,
            t.Result.KeyPhrases,
            t.Result.Concern.Flagged)).ToList() ?? [],
        r.Analysis?.AnalysedUtc,
        r.Analysis?.Analyzer);
}

/// <summary>Reads responses with their analysis (officer).</summary>
public sealed class ResponseQueryHandler(IResponseRepository responses, ISurveyRepository surveys, TimeProvider time)
{
    /// <summary>Most responses one listing returns.</summary>
    public const int MaxListed = 5000;

    /// <summary>Responses to a survey in [from, to); defaults to the current quarter.</summary>
    public async Task<Outcome> ListAsync(string surveyCode, string? from, string? to, CancellationToken cancellationToken)
    {
        if (!SurveyRules.IsValidCode(surveyCode) || await surveys.FindAsync(surveyCode, cancellationToken) is null)
        {
            return Outcome.NotFound($"There is no survey '{surveyCode}'.");
        }
        var quarter = Quarter.Of(time.GetUtcNow());
        var errors = new Dictionary<string, string>();
        var fromUtc = ParseDate(from, "from", quarter.Start, errors);
        var toUtc = ParseDate(to, "to", quarter.End, errors);
        if (errors.Count == 0 && toUtc <= fromUtc)
        {
            errors["to"] = "'to' must be after 'from'.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var list = new List<ResponseView>();
        await foreach (var r in responses.ListAsync(new ResponseQuery(fromUtc, toUtc, surveyCode), cancellationToken))
        {
            list.Add(ResponseView.From(r));
        }
        list.Sort((a, b) => b.ReceivedUtc.CompareTo(a.ReceivedUtc));
        return Outcome.Ok(new { survey = surveyCode, from = fromUtc, to = toUtc, total = list.Count, responses = list.Take(MaxListed) });
    }

    /// <summary>One response by id (or receipt).</summary>
    public async Task<Outcome> GetAsync(string id, CancellationToken cancellationToken)
    {
        var r = ResponseId.TryNormalize(id, out var normal) ? await responses.FindAsync(normal, cancellationToken) : null;
        return r is null ? Outcome.NotFound($"There is no response '{id}'.") : Outcome.Ok(ResponseView.From(r));
    }

    private static DateTimeOffset ParseDate(string? text, string field, DateTimeOffset fallback, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var d))
        {
            return d;
        }
        errors[field] = "Use an ISO date such as 2026-07-01 or 2026-07-01T00:00:00Z.";
        return fallback;
    }
}
