using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Core.Concerns;

/// <summary>The result of screening one text: the concern found (if any) and the text with personal data redacted.</summary>
/// <param name="Concern">Whether the text may disclose harm.</param>
/// <param name="RedactedText">The text with names, contacts and places replaced by placeholders.</param>
public sealed record ScreenResult(ConcernResult Concern, string RedactedText);

/// <summary>
/// A fast, local check of free text for a possible safeguarding disclosure, run while the respondent waits so the
/// thank-you page can put help first. The full analysis still runs from the queue; both raise the same concern once.
/// </summary>
public interface IConcernScreen
{
    /// <summary>Redacts <paramref name="text"/> and checks it for a possible disclosure.</summary>
    ScreenResult Screen(string text, Audience audience);
}
