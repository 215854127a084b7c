using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Concerns;

namespace FeedbackCollector.Analysis;

/// <summary>
/// The submit-time concern screen: the product's <see cref="PiiRedactor"/> then <see cref="ConcernDetector"/>, the same
/// two steps the local analyzer runs, without themes or sentiment. Microseconds per answer; thread-safe.
/// </summary>
public sealed class LocalConcernScreen(IPiiRedactor redactor, IConcernDetector detector) : IConcernScreen
{
    /// <summary>The screen with the product's redactor and detector.</summary>
    public LocalConcernScreen()
        : this(new PiiRedactor(), new ConcernDetector())
    {
    }

    /// <inheritdoc />
    public ScreenResult Screen(string text, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = redactor.Redact(text).RedactedText;
        return new ScreenResult(detector.Detect(redacted, audience), redacted);
    }
}
