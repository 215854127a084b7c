using System.Text;
using System.Text.RegularExpressions;
using FeedbackCollector.Analysis.Concerns;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis;

/// <summary>
/// Flags possible safeguarding disclosures in redacted text: self-harm, abuse or neglect, exploitation, domestic
/// abuse and immediate danger. Recall first: phrases shaped like a disclosure flag whatever the audience (unless
/// negated, "my dad never hits me", or a practitioner's process talk); bare topic words ("self harm",
/// "county lines") flag only when tied to a person and not in awareness, service or process talk.
/// </summary>
public sealed class ConcernDetector : IConcernDetector
{
    /// <summary>Categories in the order that decides which one leads: danger now first.</summary>
    private static readonly ConcernCategory[] Severity =
        [ConcernCategory.ImmediateDanger, ConcernCategory.SelfHarm, ConcernCategory.Exploitation, ConcernCategory.AbuseNeglect, ConcernCategory.DomesticAbuse];

    private static readonly string[] GroupNames = ["sh", "an", "ex", "da", "id"];

    private static readonly ConcernCategory[] GroupCategories =
        [ConcernCategory.SelfHarm, ConcernCategory.AbuseNeglect, ConcernCategory.Exploitation, ConcernCategory.DomesticAbuse, ConcernCategory.ImmediateDanger];

    private const int MaxEvidence = 160;

    /// <inheritdoc />
    public ConcernResult Detect(string redactedText, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(redactedText);
        if (redactedText.Length < 2)
        {
            return ConcernResult.None;
        }

        // Curly apostrophes from phones become straight ones so that one pattern covers both; same length, same offsets.
        var text = redactedText.Contains('’') ? redactedText.Replace('’', '\'') : redactedText;

        Span<int> firstStart = stackalloc int[5];
        Span<int> firstLength = stackalloc int[5];
        firstStart.Fill(-1);
        var any = false;

        for (var m = ConcernPatterns.Disclosure().Match(text); m.Success; m = m.NextMatch())
        {
            var slot = SlotOf(m);
            if (slot < 0 || firstStart[slot] >= 0 || IsSuppressed(text, m, slot, audience))
            {
                continue;
            }

            firstStart[slot] = m.Index;
            firstLength[slot] = m.Length;
            any = true;
        }

        for (var m = ConcernPatterns.Topic().Match(text); m.Success; m = m.NextMatch())
        {
            var slot = SlotOf(m);
            if (slot < 0 || firstStart[slot] >= 0 || !TopicCounts(text, m.Index, m.Length, audience))
            {
                continue;
            }

            firstStart[slot] = m.Index;
            firstLength[slot] = m.Length;
            any = true;
        }

        if (!any)
        {
            return ConcernResult.None;
        }

        var categories = new List<ConcernCategory>(2);
        var evidence = new StringBuilder(64);
        foreach (var category in Severity)
        {
            var slot = Array.IndexOf(GroupCategories, category);
            if (firstStart[slot] < 0)
            {
                continue;
            }

            categories.Add(category);
            if (evidence.Length < MaxEvidence)
            {
                if (evidence.Length > 0)
                {
                    evidence.Append("; ");
                }

                evidence.Append(redactedText, firstStart[slot], Math.Min(firstLength[slot], MaxEvidence));
            }
        }

        return new ConcernResult(true, categories[0], categories, evidence.ToString());
    }

    private static int SlotOf(Match m)
    {
        for (var i = 0; i < GroupNames.Length; i++)
        {
            if (m.Groups[GroupNames[i]].Success)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Negated ("he never hits me"), figurative ("it hit me") or a practitioner's process talk.</summary>
    private static bool IsSuppressed(string text, Match m, int slot, Audience audience)
    {
        var category = GroupCategories[slot];
        if (category is ConcernCategory.AbuseNeglect or ConcernCategory.DomesticAbuse)
        {
            var from = Math.Max(0, m.Index - 40);
            var before = text.AsSpan(from, m.Index - from);
            var phrase = m.ValueSpan;

            // The negation may sit inside the phrase too: "my dad never hits me" matches from "hits me".
            if (ConcernPatterns.NegatedBefore().IsMatch(before) || StartsNegated(phrase))
            {
                return true;
            }

            if (ConcernPatterns.FigurativeSubject().IsMatch(before))
            {
                return true;
            }
        }

        if (audience is Audience.Practitioner or Audience.ForumNotes)
        {
            var (start, end) = SentenceAround(text, m.Index, m.Length);
            var sentence = text.AsSpan(start, end - start);
            return ConcernPatterns.Awareness().IsMatch(sentence) && !ConcernPatterns.SpecificChild().IsMatch(sentence);
        }

        return false;
    }

    private static bool StartsNegated(ReadOnlySpan<char> phrase) =>
        phrase.StartsWith("never ", StringComparison.OrdinalIgnoreCase) || phrase.StartsWith("not ", StringComparison.OrdinalIgnoreCase);

    /// <summary>A bare topic word counts when its sentence ties it to a person and is not awareness or process talk.</summary>
    private static bool TopicCounts(string text, int index, int length, Audience audience)
    {
        var (start, end) = SentenceAround(text, index, length);
        var sentence = text.AsSpan(start, end - start);
        if (ConcernPatterns.Awareness().IsMatch(sentence))
        {
            return false;
        }

        return audience == Audience.Practitioner
            ? ConcernPatterns.SpecificChild().IsMatch(sentence)
            : ConcernPatterns.PersonalAnchor().IsMatch(sentence);
    }

    private static (int Start, int End) SentenceAround(string text, int index, int length)
    {
        var start = index;
        while (start > 0 && !IsSentenceEnd(text[start - 1]))
        {
            start--;
        }

        var end = index + length;
        while (end < text.Length && !IsSentenceEnd(text[end]))
        {
            end++;
        }

        return (start, end);
    }

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or '\n' or '\r' or ';';
}
