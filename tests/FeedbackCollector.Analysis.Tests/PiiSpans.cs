using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>What the redaction tests compare: the text of each span of one type, as written, in order.</summary>
internal static class PiiSpans
{
    /// <summary>The spans of <paramref name="type"/> that <paramref name="redactor"/> finds in <paramref name="text"/>, joined by "|".</summary>
    public static string Of(IPiiRedactor redactor, string text, PiiType type) =>
        string.Join("|", redactor.Redact(text).Spans.Where(s => s.Type == type).Select(s => text.Substring(s.Start, s.Length)));
}
