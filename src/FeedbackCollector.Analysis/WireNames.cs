using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis;

/// <summary>Wire (kebab-case) names of audiences, as written in input files and taxonomy phrase filters.</summary>
public static class AudienceNames
{
    /// <summary>Parses <c>child</c>, <c>parent</c>, <c>practitioner</c>, <c>forum-notes</c> or <c>unknown</c> (any case).</summary>
    public static bool TryParse(string? text, out Audience audience)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "child" or "young-person" or "children" or "cyp":
                audience = Audience.Child;
                return true;
            case "parent" or "carer" or "parent-carer":
                audience = Audience.Parent;
                return true;
            case "practitioner" or "professional":
                audience = Audience.Practitioner;
                return true;
            case "forum-notes" or "forum" or "forumnotes":
                audience = Audience.ForumNotes;
                return true;
            case "unknown" or "" or null:
                audience = Audience.Unknown;
                return true;
            default:
                audience = Audience.Unknown;
                return false;
        }
    }

    /// <summary>The wire name of <paramref name="audience"/>.</summary>
    public static string ToWire(Audience audience) => audience switch
    {
        Audience.Child => "child",
        Audience.Parent => "parent",
        Audience.Practitioner => "practitioner",
        Audience.ForumNotes => "forum-notes",
        _ => "unknown",
    };
}

/// <summary>Wire (kebab-case) names of the analysis enums, for JSON and CSV output.</summary>
public static class WireNames
{
    /// <summary><c>positive</c>, <c>neutral</c>, <c>negative</c> or <c>mixed</c>.</summary>
    public static string Of(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => "positive",
        SentimentLabel.Negative => "negative",
        SentimentLabel.Mixed => "mixed",
        _ => "neutral",
    };

    /// <summary>For example <c>self-harm</c>, <c>abuse-neglect</c>.</summary>
    public static string Of(ConcernCategory category) => category switch
    {
        ConcernCategory.SelfHarm => "self-harm",
        ConcernCategory.AbuseNeglect => "abuse-neglect",
        ConcernCategory.Exploitation => "exploitation",
        ConcernCategory.DomesticAbuse => "domestic-abuse",
        ConcernCategory.ImmediateDanger => "immediate-danger",
        _ => category.ToString().ToLowerInvariant(),
    };

    /// <summary>For example <c>name</c>, <c>date-of-birth</c>, <c>nhs-number</c>.</summary>
    public static string Of(PiiType type) => type switch
    {
        PiiType.Name => "name",
        PiiType.Phone => "phone",
        PiiType.Email => "email",
        PiiType.Address => "address",
        PiiType.Postcode => "postcode",
        PiiType.School => "school",
        PiiType.DateOfBirth => "date-of-birth",
        PiiType.Handle => "handle",
        PiiType.Url => "url",
        PiiType.NhsNumber => "nhs-number",
        PiiType.NiNumber => "ni-number",
        _ => type.ToString().ToLowerInvariant(),
    };
}
