using System.Text;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.AzureLanguage;

/// <summary>Joins PII spans from several detectors and rebuilds the redacted text with the product's placeholders.</summary>
internal static class Redaction
{
    /// <summary>
    /// The union of <paramref name="primary"/> and <paramref name="secondary"/> as ordered, non-overlapping spans. Where
    /// spans overlap they become one span covering both, typed by the one that starts first (the longer on a tie,
    /// <paramref name="primary"/> on a full tie), so no detected character is ever left in the clear.
    /// </summary>
    public static List<PiiSpan> Union(IReadOnlyList<PiiSpan> primary, IReadOnlyList<PiiSpan> secondary, int textLength)
    {
        var all = new List<(PiiSpan Span, int Rank)>(primary.Count + secondary.Count);
        foreach (var s in primary)
        {
            all.Add((s, 0));
        }
        foreach (var s in secondary)
        {
            all.Add((s, 1));
        }
        all.RemoveAll(x => x.Span.Length <= 0 || x.Span.Start < 0 || x.Span.Start + x.Span.Length > textLength);
        all.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start)
            : b.Span.Length != a.Span.Length ? b.Span.Length.CompareTo(a.Span.Length)
            : a.Rank.CompareTo(b.Rank));
        var merged = new List<PiiSpan>(all.Count);
        foreach (var (span, _) in all)
        {
            if (merged.Count > 0 && span.Start < merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                var end = Math.Max(last.Start + last.Length, span.Start + span.Length);
                merged[^1] = last with { Length = end - last.Start };
            }
            else
            {
                merged.Add(span);
            }
        }
        return merged;
    }

    /// <summary>The text with each span replaced by its placeholder.</summary>
    public static string Apply(string text, IReadOnlyList<PiiSpan> spans)
    {
        if (spans.Count == 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + spans.Count * 8);
        var at = 0;
        foreach (var s in spans)
        {
            sb.Append(text, at, s.Start - at).Append(PiiMapping.Placeholder(s.Type));
            at = s.Start + s.Length;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>
    /// Replaces, in evidence that another detector produced from its own redaction, any personal data that only
    /// <paramref name="extraSpans"/> found, so that evidence never carries what the stored text hides.
    /// </summary>
    public static string Scrub(string evidence, string original, IReadOnlyList<PiiSpan> extraSpans)
    {
        foreach (var s in extraSpans)
        {
            if (s.Length < 2)
            {
                continue;
            }
            var value = original.AsSpan(s.Start, s.Length).Trim();
            if (value.Length >= 2 && evidence.AsSpan().Contains(value, StringComparison.OrdinalIgnoreCase))
            {
                evidence = evidence.Replace(value.ToString(), PiiMapping.Placeholder(s.Type), StringComparison.OrdinalIgnoreCase);
            }
        }
        return evidence;
    }
}
