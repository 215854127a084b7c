using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis;

/// <summary>Flags possible safeguarding disclosures. Recall first: a missed disclosure is the worst failure.</summary>
public interface IConcernDetector
{
    /// <summary>
    /// Examines an already redacted text (placeholders such as <c>[name]</c> may appear), so that evidence never carries personal data.
    /// </summary>
    ConcernResult Detect(string redactedText, Audience audience);
}
