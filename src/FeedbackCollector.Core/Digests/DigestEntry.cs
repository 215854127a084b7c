using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Core.Digests;

/// <summary>
/// A response as the digest sees it: exactly what <c>DigestBuilder</c> reads and nothing else — never the raw text,
/// only the redacted one; themes already corrected by an officer; no personal-data spans, scores, concern categories or
/// evidence. The digest projection stores one per response (<see cref="Storage.IDigestProjection"/>), so a period's
/// digest is read from small per-quarter tables instead of the responses table.
/// </summary>
/// <param name="Id">The response id.</param>
/// <param name="SurveyCode">The survey answered.</param>
/// <param name="Audience">The survey's audience.</param>
/// <param name="ReceivedUtc">When received.</param>
/// <param name="Venue">The venue code, when given.</param>
/// <param name="Channel">How it arrived.</param>
/// <param name="Answers">The closed answers by question id (scale values, options; forum sessions' participants and ages).</param>
/// <param name="Forum">For forum notes: the forum (provenance source).</param>
/// <param name="Session">For forum notes: the session (provenance session).</param>
/// <param name="Analysis">The analysis as the digest counts it, or null while the response waits for analysis.</param>
public sealed record DigestEntry(
    string Id,
    string SurveyCode,
    Audience Audience,
    DateTimeOffset ReceivedUtc,
    string? Venue,
    Channel Channel,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Answers,
    string? Forum,
    string? Session,
    DigestEntryAnalysis? Analysis)
{
    /// <summary>The digest's view of <paramref name="response"/>: the officer's theme correction applied, the raw text dropped.</summary>
    public static DigestEntry From(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        DigestEntryAnalysis? analysis = null;
        if (response.Analysis is { } a)
        {
            var texts = new DigestEntryText[a.Texts.Count];
            for (var i = 0; i < texts.Length; i++)
            {
                var t = a.Texts[i];
                var themes = response.ThemesOf(t);
                var entryThemes = new DigestEntryTheme[themes.Count];
                for (var k = 0; k < entryThemes.Length; k++)
                {
                    entryThemes[k] = new DigestEntryTheme(themes[k].ThemeId, themes[k].Label, themes[k].Evidence);
                }
                texts[i] = new DigestEntryText(t.QuestionId, t.Result.RedactedText, t.Result.Sentiment.Label, t.Result.Concern.Flagged,
                    t.Result.KeyPhrases, entryThemes);
            }
            analysis = new DigestEntryAnalysis(a.Analyzer, a.AnalysedUtc, texts);
        }
        return new DigestEntry(response.Id, response.SurveyCode, response.Audience, response.ReceivedUtc, response.Venue, response.Channel,
            response.Answers, response.Provenance?.Source, response.Provenance?.Session, analysis);
    }

    /// <summary>
    /// A response the digest builder gives the same digest for as the stored response this entry was made from. Fields the
    /// digest never reads are empty: no free text, no line or heading in the provenance, zero scores, no personal-data spans.
    /// </summary>
    public SurveyResponse ToResponse()
    {
        ResponseAnalysis? analysis = null;
        if (Analysis is { } a)
        {
            var texts = new TextAnalysis[a.Texts.Count];
            for (var i = 0; i < texts.Length; i++)
            {
                var t = a.Texts[i];
                var themes = new ThemeMatch[t.Themes.Count];
                for (var k = 0; k < themes.Length; k++)
                {
                    var m = t.Themes[k];
                    themes[k] = new ThemeMatch(m.Id, m.Label, 0, m.Evidence);
                }
                var concern = t.Concern ? Flagged : ConcernResult.None;
                texts[i] = new TextAnalysis(t.QuestionId, new AnalysisResult(t.QuestionId, "", themes, Sentiments[(int)t.Sentiment], t.KeyPhrases,
                    t.RedactedText, [], concern, a.Analyzer));
            }
            analysis = new ResponseAnalysis(texts, a.AnalysedUtc, a.Analyzer);
        }
        return new SurveyResponse
        {
            Id = Id,
            SurveyCode = SurveyCode,
            Audience = Audience,
            ReceivedUtc = ReceivedUtc,
            Venue = Venue,
            Channel = Channel,
            Answers = Answers,
            Provenance = Forum is null || Session is null ? null : new Provenance(Forum, Session, 0),
            Analysis = analysis,
        };
    }

    // Shared instances: a quarter has a hundred thousand entries and these carry nothing of their own.
    private static readonly ConcernResult Flagged = new(true, null, [], null);

    private static readonly SentimentResult[] Sentiments =
        [.. Enum.GetValues<SentimentLabel>().OrderBy(l => (int)l).Select(l => new SentimentResult(l, 0, 0, 0))];
}

/// <summary>The analysis of a response as the digest counts it.</summary>
/// <param name="Analyzer">Which analyzer and taxonomy (the method note counts them).</param>
/// <param name="AnalysedUtc">When it was analysed.</param>
/// <param name="Texts">One per analysed free-text answer, in the analysis' order.</param>
public sealed record DigestEntryAnalysis(AnalyzerInfo Analyzer, DateTimeOffset AnalysedUtc, IReadOnlyList<DigestEntryText> Texts);

/// <summary>One analysed free-text answer as the digest counts it.</summary>
/// <param name="QuestionId">The question it answers.</param>
/// <param name="RedactedText">The text with personal data replaced: the only text the digest ever sees.</param>
/// <param name="Sentiment">Its sentiment.</param>
/// <param name="Concern">Whether it was flagged as a possible safeguarding concern (never quoted).</param>
/// <param name="KeyPhrases">Its key phrases.</param>
/// <param name="Themes">Its themes after any officer correction.</param>
public sealed record DigestEntryText(string QuestionId, string RedactedText, SentimentLabel Sentiment, bool Concern,
    IReadOnlyList<string> KeyPhrases, IReadOnlyList<DigestEntryTheme> Themes);

/// <summary>A theme of an answer: id, label and the words that matched (quote selection compares them).</summary>
/// <param name="Id">The theme id.</param>
/// <param name="Label">Its label when matched.</param>
/// <param name="Evidence">The words that matched.</param>
public sealed record DigestEntryTheme(string Id, string Label, IReadOnlyList<string> Evidence);
