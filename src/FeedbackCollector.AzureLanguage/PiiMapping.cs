using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.AzureLanguage;

/// <summary>Maps Azure AI Language PII categories to the product's <see cref="PiiType"/>, and renders placeholders.</summary>
internal static class PiiMapping
{
    /// <summary>
    /// The categories requested from the service (API 2025-11-01 names). Only those the product redacts: asking for
    /// them alone keeps unrelated detections (ages, plain dates) out of the redacted text.
    /// </summary>
    public static readonly string[] RequestedCategories =
    [
        "Person", "PhoneNumber", "Email", "Address", "URL", "UKNationalHealthNumber", "UKNationalInsuranceNumber", "DateOfBirth", "Organization",
    ];

    // Words that make an organisation a school; other organisations (CAMHS, the council, a youth club) are services
    // the feedback is about, and redacting them would remove the point of the comment.
    private static readonly HashSet<string> SchoolWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "school", "academy", "college", "primary", "secondary", "nursery", "infants", "infant", "juniors", "junior", "grammar", "high", "sixth",
    };

    // The local redactor's placeholders, so both analyzers write the same redacted form.
    private static readonly string[] Placeholders = Enum.GetValues<PiiType>().Select(PiiRedactor.PlaceholderFor).ToArray();

    /// <summary>The product's type for an Azure entity, or null when the product does not redact it.</summary>
    public static PiiType? Map(string? category, string entityText) => category switch
    {
        "Person" => PiiType.Name,
        "PhoneNumber" => PiiType.Phone,
        "Email" => PiiType.Email,
        "Address" => PiiType.Address,
        "URL" => PiiType.Url,
        "UKNationalHealthNumber" => PiiType.NhsNumber,
        "UKNationalInsuranceNumber" => PiiType.NiNumber,
        "DateOfBirth" => PiiType.DateOfBirth,
        "Organization" when IsSchool(entityText) => PiiType.School,
        _ => null,
    };

    /// <summary>The placeholder for a type: <c>[name]</c>, <c>[date-of-birth]</c>, <c>[nhs-number]</c>...</summary>
    public static string Placeholder(PiiType type) => PiiRedactor.PlaceholderFor(type);

    /// <summary>True when a key phrase is nothing but a placeholder's word (the service sometimes returns one).</summary>
    public static bool IsPlaceholderWord(string phrase)
    {
        var core = phrase.AsSpan().Trim().Trim("[]");
        foreach (var p in Placeholders)
        {
            if (core.Equals(p.AsSpan(1, p.Length - 2), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsSchool(string text)
    {
        foreach (var word in text.Split([' ', '\t', '\n', '\r', ',', '.', '\'', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (SchoolWords.Contains(word))
            {
                return true;
            }
        }
        return false;
    }
}
