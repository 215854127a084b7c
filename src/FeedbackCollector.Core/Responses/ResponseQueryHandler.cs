using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;

namespace FeedbackCollector.Core.Responses;

/// <summary>The analysis of one free-text answer as an officer sees it: redacted text only.</summary>
/// <param name="QuestionId">The question answered.</param>
/// <param name="RedactedText">The text with personal data replaced; withheld when flagged as a possible concern.</param>
/// <param name="Language">The text's language.</param>
/// <param name="Themes">The analyzer's themes, with their evidence (no evidence when flagged).</param>
/// <param name="Sentiment">The sentiment.</param>
/// <param name="KeyPhrases">Key phrases (none when flagged: they are pieces of the text).</param>
/// <param name="ConcernFlagged">True when flagged as a possible safeguarding concern.</param>
/// <param name="CorrectedThemes">The officer's themes for this answer, when corrected; these win over <paramref name="Themes"/>.</param>
public sealed record AnswerAnalysisView(
    string QuestionId,
    string? RedactedText,
    string Language,
    IReadOnlyList<ThemeMatch> Themes,
    SentimentResult Sentiment,
    IReadOnlyList<string> KeyPhrases,
    bool ConcernFlagged,
    IReadOnlyList<ThemeMatch>? CorrectedThemes = null);

/// <summary>Who corrected a response's themes, and when.</summary>
public sealed record CorrectionView(string CorrectedBy, DateTimeOffset CorrectedUtc, string TaxonomyVersion);

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
    AnalyzerInfo? Analyzer,
    CorrectionView? Correction = null)
{
    /// <summary>Text shown instead of a flagged answer.</summary>
    public const string Withheld = "[withheld: possible safeguarding concern, visible to the safeguarding role]";

    /// <summary>Projects a stored response. A flagged answer shows no text, key phrases or evidence: all are pieces of what was written.</summary>
    public static ResponseView From(SurveyResponse r) => new(
        r.Id,
        r.SurveyCode,
        r.Audience,
        r.ReceivedUtc,
        r.Venue,
        r.Channel,
        r.Answers,
        r.Analysis is null ? "pending" : "analysed",
        // Evidence and key phrases quote the text, so a flagged answer shows neither outside the safeguarding role.
        r.Analysis?.Texts.Select(t => new AnswerAnalysisView(
            t.QuestionId,
            t.Result.Concern.Flagged ? Withheld : t.Result.RedactedText,
            t.Result.Language,
            t.Result.Concern.Flagged ? t.Result.Themes.Select(m => m with { Evidence = [] }).ToList() : t.Result.Themes,
            t.Result.Sentiment,
            t.Result.Concern.Flagged ? [] : t.Result.KeyPhrases,
            t.Result.Concern.Flagged,
            r.Correction?.For(t.QuestionId))).ToList() ?? [],
        r.Analysis?.AnalysedUtc,
        r.Analysis?.Analyzer,
        r.Correction is { } c ? new CorrectionView(c.CorrectedBy, c.CorrectedUtc, c.TaxonomyVersion) : null);
}

/// <summary>The filters of a listing as received (query string); the handler checks each and names any that is wrong.</summary>
/// <param name="Survey">Only this survey (<c>forum-notes</c> for session notes).</param>
/// <param name="Venue">Only this venue code.</param>
/// <param name="Audience">Only this audience (<c>child</c>, <c>parent</c>, <c>practitioner</c>, <c>forum-notes</c>).</param>
/// <param name="Theme">Only responses with this theme (after corrections).</param>
/// <param name="Sentiment">Only responses with an answer of this sentiment.</param>
/// <param name="From">Received at or after (ISO date); default the start of this quarter.</param>
/// <param name="To">Received before (ISO date); default the end of this quarter.</param>
/// <param name="Corrected"><c>true</c>: only corrected responses; <c>false</c>: only uncorrected ones.</param>
public sealed record ResponseFilterText(
    string? Survey = null,
    string? Venue = null,
    string? Audience = null,
    string? Theme = null,
    string? Sentiment = null,
    string? From = null,
    string? To = null,
    string? Corrected = null);

/// <summary>Reads responses with their analysis (officer).</summary>
public sealed class ResponseQueryHandler(IResponseRepository responses, ISurveyRepository surveys, TimeProvider time)
{
    /// <summary>Most responses one listing returns.</summary>
    public const int MaxListed = 5000;

    /// <summary>Responses to a survey in [from, to); defaults to the current quarter. 404 when the survey does not exist.</summary>
    public async Task<Outcome> ListAsync(string surveyCode, string? from, string? to, CancellationToken cancellationToken) =>
        await ListAsync(surveyCode, new ResponseFilterText(From: from, To: to), cancellationToken);

    /// <summary>Responses to the survey <paramref name="surveyCode"/> (named by the route: 404 when it does not exist) that pass <paramref name="filter"/>.</summary>
    public async Task<Outcome> ListAsync(string surveyCode, ResponseFilterText filter, CancellationToken cancellationToken)
    {
        if (!SurveyRules.IsValidCode(surveyCode) || await surveys.FindAsync(surveyCode, cancellationToken) is null)
        {
            return Outcome.NotFound($"There is no survey '{surveyCode}'.");
        }
        return await ListAsync(filter with { Survey = surveyCode }, cancellationToken);
    }

    /// <summary>Responses that pass <paramref name="filter"/>, newest first (at most <see cref="MaxListed"/>), with the venues seen.</summary>
    public async Task<Outcome> ListAsync(ResponseFilterText filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var quarter = Quarter.Of(time.GetUtcNow());
        var errors = new Dictionary<string, string>();
        var fromUtc = ParseDate(filter.From, "from", quarter.Start, errors);
        var toUtc = ParseDate(filter.To, "to", quarter.End, errors);
        if (errors.Count == 0 && toUtc <= fromUtc)
        {
            errors["to"] = "'to' must be after 'from'.";
        }
        var survey = Blank(filter.Survey);
        if (survey is not null && !SurveyRules.IsValidCode(survey))
        {
            errors["survey"] = "A survey code is 3 to 40 lower-case letters, digits and inner hyphens.";
        }
        var venue = Blank(filter.Venue);
        if (venue is not null && !VenueCode.IsValid(venue))
        {
            errors["venue"] = "A venue is 1 to 40 characters: lower-case letters, digits and hyphens.";
        }
        Audience? audience = null;
        if (Blank(filter.Audience) is { } a)
        {
            if (FeedbackJson.TryParseWireName<Audience>(a, out var parsed) && parsed != Audience.Unknown)
            {
                audience = parsed;
            }
            else
            {
                errors["audience"] = "audience is child, parent, practitioner or forum-notes.";
            }
        }
        var theme = Blank(filter.Theme);
        if (theme is not null && (theme.Length > 60 || !theme.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')))
        {
            errors["theme"] = "A theme id is lower-case letters, digits and hyphens (for example listen-to-me).";
        }
        SentimentLabel? sentiment = null;
        if (Blank(filter.Sentiment) is { } s)
        {
            if (FeedbackJson.TryParseWireName<SentimentLabel>(s, out var parsed))
            {
                sentiment = parsed;
            }
            else
            {
                errors["sentiment"] = "sentiment is positive, negative, neutral or mixed.";
            }
        }
        bool? corrected = null;
        if (Blank(filter.Corrected) is { } c)
        {
            if (bool.TryParse(c, out var parsed))
            {
                corrected = parsed;
            }
            else
            {
                errors["corrected"] = "corrected is true or false.";
            }
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var list = new List<ResponseView>();
        var venues = new SortedSet<string>(StringComparer.Ordinal);
        var matched = 0;
        await foreach (var r in responses.ListAsync(new ResponseQuery(fromUtc, toUtc, survey), cancellationToken))
        {
            if (audience is { } au && r.Audience != au)
            {
                continue;
            }
            if (r.Venue is { } v)
            {
                venues.Add(v);
            }
            if ((venue is not null && r.Venue != venue)
                || (corrected is { } wantCorrected && (r.Correction is not null) != wantCorrected)
                || (theme is not null && !r.EffectiveThemeIds().Contains(theme, StringComparer.Ordinal))
                || (sentiment is { } sl && (r.Analysis is null || !r.Analysis.Texts.Any(t => t.Result.Sentiment.Label == sl))))
            {
                continue;
            }
            matched++;
            list.Add(ResponseView.From(r));
        }
        list.Sort((x, y) => y.ReceivedUtc.CompareTo(x.ReceivedUtc));
        return Outcome.Ok(new
        {
            survey,
            from = fromUtc,
            to = toUtc,
            total = matched,
            venues,
            responses = list.Take(MaxListed),
        });
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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
