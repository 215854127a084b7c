using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>A possible span of personal data; overlaps are resolved by priority, then length.</summary>
internal readonly record struct Candidate(PiiType Type, int Start, int End, int Priority)
{
    public int Length => End - Start;

    /// <summary>How strongly a kind wins an overlap: structured, checked kinds beat free-text guesses.</summary>
    public static int PriorityOf(PiiType type) => type switch
    {
        PiiType.Email => 100,
        PiiType.Url => 90,
        PiiType.NhsNumber => 86,
        PiiType.NiNumber => 85,
        PiiType.Phone => 80,
        PiiType.Postcode => 75,
        PiiType.DateOfBirth => 70,
        PiiType.Handle => 65,
        PiiType.School => 62,
        PiiType.Address => 60,
        _ => 40,
    };

    public static Candidate Of(PiiType type, int start, int end) => new(type, start, end, PriorityOf(type));
}
