using System.Buffers;
using System.Text.Json;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Themes;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Core.Responses;

/// <summary>A file to send: its name, type and bytes.</summary>
public sealed record FileAnswer(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Officers' corrections of the themes of a response (stored beside the analysis, with who and when), and their export as
/// labelled data in the development-set format, to grow the analyzer's dev set.
/// </summary>
public sealed partial class ThemeCorrectionHandler(
    IResponseRepository responses,
    IResponseCurationStore curation,
    ITaxonomyRuntime taxonomy,
    TimeProvider time,
    ILogger<ThemeCorrectionHandler> logger,
    IDigestProjection? projection = null)
{
    /// <summary>Most themes one answer may be given.</summary>
    public const int MaxThemesPerAnswer = 12;

    /// <summary>Content type of the export: JSON Lines.</summary>
    public const string JsonLinesType = "application/x-ndjson";

    /// <summary>
    /// Replaces the correction of response <paramref name="id"/> with <c>{"answers": {"question-id": ["theme-id", ...]}}</c>:
    /// the listed answers get exactly these themes; answers not listed keep the analyzer's; <c>{"answers": {}}</c> removes
    /// the correction. Themes must be in the taxonomy in use. A flagged answer cannot be corrected here: its text is
    /// withheld from officers.
    /// </summary>
    public async Task<Outcome> CorrectAsync(string id, JsonElement body, string correctedBy, CancellationToken cancellationToken)
    {
        var response = ResponseId.TryNormalize(id, out var normal) ? await responses.FindAsync(normal, cancellationToken) : null;
        if (response is null)
        {
            return Outcome.NotFound($"There is no response '{id}'.");
        }
        if (response.Analysis is null)
        {
            return Outcome.Conflict("This response has not been analysed yet; its themes can be corrected once it has.");
        }
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("answers", out var answers) || answers.ValueKind != JsonValueKind.Object)
        {
            return Outcome.Invalid("answers", "Send {\"answers\": {\"question-id\": [\"theme-id\", ...]}}.");
        }
        foreach (var p in body.EnumerateObject())
        {
            if (p.Name != "answers")
            {
                return Outcome.Invalid(p.Name, "Unknown field.");
            }
        }

        await taxonomy.RefreshAsync(force: false, cancellationToken);
        var active = taxonomy.Current;
        var labels = active.Themes.ToDictionary(t => t.Id, t => t.Label, StringComparer.Ordinal);
        var errors = new Dictionary<string, string>();
        var corrected = new List<CorrectedAnswer>();
        foreach (var answer in answers.EnumerateObject())
        {
            var field = "answers." + answer.Name;
            var text = response.Analysis.Texts.FirstOrDefault(t => t.QuestionId == answer.Name);
            if (text is null)
            {
                errors[field] = "This response has no analysed free-text answer to that question.";
                continue;
            }
            if (text.Result.Concern.Flagged)
            {
                errors[field] = "This answer is a possible safeguarding concern; its text is withheld from officers, so its themes cannot be corrected here.";
                continue;
            }
            if (answer.Value.ValueKind != JsonValueKind.Array)
            {
                errors[field] = "Give a list of theme ids (empty for no theme).";
                continue;
            }
            var chosen = new List<ThemeMatch>();
            var i = 0;
            foreach (var t in answer.Value.EnumerateArray())
            {
                var themeId = t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (themeId is null || !labels.TryGetValue(themeId, out var label))
                {
                    errors[$"{field}[{i}]"] = $"'{(themeId ?? t.GetRawText())}' is not a theme of taxonomy {active.Version}.";
                }
                else if (chosen.Any(m => m.ThemeId == themeId))
                {
                    errors[$"{field}[{i}]"] = $"'{themeId}' is listed twice.";
                }
                else
                {
                    // Keep the analyzer's match, with its evidence, for a theme the officer kept.
                    chosen.Add(text.Result.Themes.FirstOrDefault(m => m.ThemeId == themeId) is { } kept
                        ? kept with { Label = label }
                        : new ThemeMatch(themeId, label, 1.0, []));
                }
                i++;
            }
            if (i > MaxThemesPerAnswer)
            {
                errors[field] = $"An answer has at most {MaxThemesPerAnswer} themes.";
            }
            corrected.Add(new CorrectedAnswer(answer.Name, chosen));
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var correction = corrected.Count == 0 ? null : new ThemeCorrection(corrected, correctedBy, time.GetUtcNow(), active.Version);
        if (!await curation.SaveCorrectionAsync(response.Id, correction, cancellationToken))
        {
            return Outcome.NotFound($"There is no response '{id}'.");
        }
        if (projection is not null)
        {
            // The digest counts corrected themes: its projection follows the stored correction.
            await projection.UpsertAsync(response with { Correction = correction }, cancellationToken);
        }
        LogCorrected(logger, response.Id, corrected.Count, correction is null);
        return Outcome.Ok(ResponseView.From(response with { Correction = correction }));
    }

    /// <summary>
    /// Corrected answers of responses received in [from, to) (default: everything) as JSON Lines in the development-set
    /// format: <c>{"id","audience","text","language","themes","sentiment","concern":null,"pii":[]}</c>. The text is the
    /// redacted text (personal data never leaves), so <c>pii</c> is empty; sentiment is the analyzer's; flagged answers
    /// are never exported.
    /// </summary>
    public async Task<Outcome> ExportAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var fromUtc = ParseDate(from, "from", Quarter.Epoch.Start, errors);
        var toUtc = ParseDate(to, "to", DateTimeOffset.MaxValue, errors);
        if (errors.Count == 0 && toUtc <= fromUtc)
        {
            errors["to"] = "'to' must be after 'from'.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var items = new List<(string Id, SurveyResponse Response, TextAnalysis Text, IReadOnlyList<ThemeMatch> Themes)>();
        await foreach (var r in curation.ListCorrectedAsync(fromUtc, toUtc, cancellationToken))
        {
            if (r.Correction is null || r.Analysis is null || r.Audience == Audience.Unknown)
            {
                continue;
            }
            foreach (var t in r.Analysis.Texts)
            {
                if (!t.Result.Concern.Flagged && r.Correction.For(t.QuestionId) is { } themes)
                {
                    items.Add(($"corr-{r.Id}-{t.QuestionId}", r, t, themes));
                }
            }
        }
        // Sorted so the same corrections always give the same file.
        items.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions { Encoder = FeedbackJson.Options.Encoder, Indented = false };
        foreach (var (itemId, r, t, themes) in items)
        {
            using (var w = new Utf8JsonWriter(buffer, options))
            {
                w.WriteStartObject();
                w.WriteString("id", itemId);
                w.WriteString("audience", FeedbackJson.WireName(r.Audience));
                w.WriteString("text", t.Result.RedactedText);
                w.WriteString("language", t.Result.Language);
                w.WriteStartArray("themes");
                foreach (var m in themes)
                {
                    w.WriteStringValue(m.ThemeId);
                }
                w.WriteEndArray();
                w.WriteString("sentiment", FeedbackJson.WireName(t.Result.Sentiment.Label));
                w.WriteNull("concern");
                w.WriteStartArray("pii");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            buffer.Write("\n"u8);
        }
        LogExported(logger, items.Count);
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return Outcome.Ok(new FileAnswer($"theme-corrections-{stamp}.jsonl", JsonLinesType, buffer.WrittenSpan.ToArray()));
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

    [LoggerMessage(LogLevel.Information, "Themes of response {ResponseId} corrected: {Answers} answers (removed {Removed})")]
    private static partial void LogCorrected(ILogger logger, string responseId, int answers, bool removed);

    [LoggerMessage(LogLevel.Information, "Exported {Items} corrected answers as labelled data")]
    private static partial void LogExported(ILogger logger, int items);
}
