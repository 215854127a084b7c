using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis;

/// <summary>Finds personal data in a text and replaces it with typed placeholders such as <c>[name]</c>.</summary>
public interface IPiiRedactor
{
    /// <summary>Redacts <paramref name="text"/>. Spans are offsets into the original text, in order, not overlapping.</summary>
    RedactionResult Redact(string text);
}

/// <summary>A redacted text and the spans of personal data found in the original.</summary>
public sealed record RedactionResult(string RedactedText, IReadOnlyList<PiiSpan> Spans);
