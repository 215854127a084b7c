using System.Text.Json;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Core.Responses;

/// <summary>What a respondent is told after withdrawing.</summary>
/// <param name="Receipt">The receipt code used.</param>
/// <param name="Withdrawn">Always true: the answers are deleted.</param>
/// <param name="ConcernKept">True when a safeguarding concern was raised from the answers and its redacted text is kept for the safeguarding lead.</param>
public sealed record WithdrawalReceipt(string Receipt, bool Withdrawn, bool ConcernKept);

/// <summary>
/// Withdraws a response with its receipt code: the response (answers, free text, analysis) is deleted, so it leaves
/// officers' lists and every digest not yet published. A safeguarding concern raised from it is not deleted: a possible
/// disclosure of harm must not be lost, so the concern keeps the free text with personal data redacted (and when it was
/// withdrawn) for the safeguarding role only. The respondent is told so, in plain words, on the withdraw page.
/// </summary>
public sealed partial class WithdrawResponseHandler(
    IResponseRepository responses,
    IConcernRepository concerns,
    IConcernScreen screen,
    TimeProvider time,
    ILogger<WithdrawResponseHandler> logger,
    IDigestProjection? projection = null)
{
    /// <summary>Withdraws the response whose receipt is <paramref name="receipt"/>.</summary>
    public async Task<Outcome> WithdrawAsync(string? receipt, CancellationToken cancellationToken)
    {
        if (!ResponseId.TryNormalize(receipt, out var id))
        {
            return Outcome.Invalid("receipt", "A receipt code is 10 letters and digits, like ABCDE-FGHJK.");
        }
        var response = await responses.FindAsync(id, cancellationToken);
        if (response is null)
        {
            return Outcome.NotFound("There are no answers with that code. They may have been taken back already.");
        }
        bool kept;
        try
        {
            kept = await KeepConcernTextAsync(response, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return Outcome.Conflict("Your answers are being looked at this very moment. Nothing was deleted; please try again in a minute.");
        }
        if (projection is not null)
        {
            // The digest's copy goes first: if the response's own delete then fails, the respondent tries again and both go;
            // the other order could leave a withdrawn answer quotable in a digest.
            await projection.DeleteAsync(id, cancellationToken);
        }
        await responses.DeleteAsync(id, cancellationToken);
        if (projection is not null)
        {
            await DeleteEntryAgainAsync(projection, id, cancellationToken);
        }
        LogWithdrawn(logger, id, response.SurveyCode, kept);
        return Outcome.Ok(new WithdrawalReceipt(ResponseId.ToReceipt(id), true, kept));
    }

    /// <summary>
    /// The free-text answers of a response with personal data redacted, each with the concern found in it and where its
    /// evidence stands (from its analysis, or screened now when not yet analysed).
    /// </summary>
    public static IReadOnlyList<ConcernText> RedactedTexts(SurveyResponse response, IConcernScreen screen)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(screen);
        if (response.Analysis is { } analysis && analysis.Texts.Count == response.FreeText.Count)
        {
            return analysis.Texts.Select(t => new ConcernText(t.QuestionId, t.Result.RedactedText).With(t.Result.Concern)).ToList();
        }
        return response.FreeText.Select(f =>
        {
            var screened = screen.Screen(f.Text, response.Audience);
            return new ConcernText(f.QuestionId, screened.RedactedText).With(screened.Concern);
        }).ToList();
    }

    /// <summary>
    /// Deletes the entry once more now that the response is gone: an analysis that saved just before the response's delete
    /// may have written the entry after the first delete. This narrows that race (the analysis would now have to stall for the
    /// whole response delete); the digest's check of every quoted response closes it. Best effort: the withdrawal is done, so
    /// a failure here is logged, not reported to the respondent, who could not withdraw again.
    /// </summary>
    private async Task DeleteEntryAgainAsync(IDigestProjection digestProjection, string id, CancellationToken cancellationToken)
    {
        try
        {
            await digestProjection.DeleteAsync(id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSecondDeleteFailed(logger, ex, id);
        }
    }

    private async Task<bool> KeepConcernTextAsync(SurveyResponse response, CancellationToken cancellationToken)
    {
        // Retried against a reviewer or the alert function writing the same row. If it still cannot be stored, the
        // conflict propagates before anything is deleted: the respondent tries again and no disclosure is lost.
        var withdrawn = time.GetUtcNow();
        // Made once, when first needed: the change may be applied again after a conflict, and screening is not free.
        string? kept = null;
        var (result, _) = await concerns.ChangeAsync(response.Id, c => c.WithdrawnUtc is null
            ? c with { WithdrawnUtc = withdrawn, KeptText = kept ??= JsonSerializer.Serialize(RedactedTexts(response, screen), FeedbackJson.Options) }
            : null, cancellationToken);
        return result != ConcernChange.NotFound;
    }

    [LoggerMessage(LogLevel.Warning, "Response {ResponseId} withdrawn; deleting its digest projection entry a second time failed (the digest's quote check still guards it)")]
    private static partial void LogSecondDeleteFailed(ILogger logger, Exception exception, string responseId);

    [LoggerMessage(LogLevel.Information, "Response {ResponseId} to survey {SurveyCode} withdrawn by its respondent (concern text kept: {ConcernKept})")]
    private static partial void LogWithdrawn(ILogger logger, string responseId, string surveyCode, bool concernKept);
}
