using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Evaluation;

/// <summary>A piece of personal data as labelled in a development set: its kind and its exact text.</summary>
/// <param name="Type">The kind of personal data.</param>
/// <param name="Text">The text exactly as it appears in the labelled item; one entry per occurrence.</param>
public sealed record LabelledPii(PiiType Type, string Text);

/// <summary>One hand-labelled text: what a perfect analyzer would return for it.</summary>
/// <param name="Id">Stable id (for example <c>c001</c>).</param>
/// <param name="Audience">Who wrote it.</param>
/// <param name="Text">The text as written.</param>
/// <param name="Language">ISO 639-1 code of the text's language.</param>
/// <param name="Themes">Theme ids that apply; empty when none does.</param>
/// <param name="Sentiment">The overall sentiment.</param>
/// <param name="Concern">The safeguarding concern category, or null when the text discloses none.</param>
/// <param name="Pii">Personal data in the text, one entry per occurrence.</param>
public sealed record LabelledItem(
    string Id,
    Audience Audience,
    string Text,
    string Language,
    IReadOnlyList<string> Themes,
    SentimentLabel Sentiment,
    ConcernCategory? Concern,
    IReadOnlyList<LabelledPii> Pii)
{
    /// <summary>
    /// False when the item's sentiment label is a placeholder (sets written for concerns or redaction whose README
    /// entry says so): the sentiment model neither trains on it nor is scored on it.
    /// </summary>
    public bool SentimentReviewed { get; init; } = true;

    /// <summary>The request to send to an analyzer for this item.</summary>
    public AnalysisRequest ToRequest() => new(Id, Text, Audience);
}
