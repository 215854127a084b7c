using System.Text.Json.Serialization;

namespace FeedbackCollector.Core.Analysis;

/// <summary>One text to analyse.</summary>
/// <param name="Id">Caller's id, echoed in the result.</param>
/// <param name="Text">The free text, as written.</param>
/// <param name="Audience">Who wrote it, when known.</param>
public sealed record AnalysisRequest(string Id, string Text, Audience Audience = Audience.Unknown);

/// <summary>Overall sentiment label.</summary>
public enum SentimentLabel
{
    /// <summary>Neither positive nor negative.</summary>
    Neutral = 0,
    /// <summary>Mostly positive.</summary>
    Positive,
    /// <summary>Mostly negative.</summary>
    Negative,
    /// <summary>Clearly both positive and negative.</summary>
    Mixed,
}

/// <summary>Sentiment with scores; the three scores are in [0,1] and sum to 1.</summary>
public sealed record SentimentResult(SentimentLabel Label, double Positive, double Neutral, double Negative);

/// <summary>A theme found in a text, with why.</summary>
/// <param name="ThemeId">Stable theme id from the taxonomy (for example <c>listen-to-me</c>).</param>
/// <param name="Label">Human label from the taxonomy at analysis time.</param>
/// <param name="Confidence">In [0,1].</param>
/// <param name="Evidence">The words or phrases in the (redacted) text that led to the theme.</param>
public sealed record ThemeMatch(string ThemeId, string Label, double Confidence, IReadOnlyList<string> Evidence);

/// <summary>Category of a possible safeguarding disclosure. Wire form is kebab-case (<c>self-harm</c>...).</summary>
public enum ConcernCategory
{
    /// <summary>Self-harm or suicidal thoughts.</summary>
    SelfHarm,
    /// <summary>Abuse or neglect of the writer or another child.</summary>
    AbuseNeglect,
    /// <summary>Sexual or criminal exploitation, grooming, county lines.</summary>
    Exploitation,
    /// <summary>Domestic abuse at home.</summary>
    DomesticAbuse,
    /// <summary>Someone in danger now.</summary>
    ImmediateDanger,
}

/// <summary>Whether a text may disclose harm, so that a person looks at it at once.</summary>
/// <param name="Flagged">True when a person must review the text.</param>
/// <param name="Category">The leading category when flagged.</param>
/// <param name="Categories">Every category found, leading first.</param>
/// <param name="Evidence">The (redacted) words that led to the flag.</param>
public sealed record ConcernResult(bool Flagged, ConcernCategory? Category, IReadOnlyList<ConcernCategory> Categories, string? Evidence)
{
    /// <summary>No concern.</summary>
    public static ConcernResult None { get; } = new(false, null, [], null);
}

/// <summary>Kinds of personal data that are redacted. Wire form is kebab-case; the placeholder is <c>[type]</c>.</summary>
public enum PiiType
{
    /// <summary>A person's name.</summary>
    Name,
    /// <summary>A phone number.</summary>
    Phone,
    /// <summary>An email address.</summary>
    Email,
    /// <summary>A street address.</summary>
    Address,
    /// <summary>A UK postcode.</summary>
    Postcode,
    /// <summary>A named school.</summary>
    School,
    /// <summary>A date of birth.</summary>
    DateOfBirth,
    /// <summary>A social-media handle.</summary>
    Handle,
    /// <summary>A web address.</summary>
    Url,
    /// <summary>An NHS number.</summary>
    NhsNumber,
    /// <summary>A National Insurance number.</summary>
    NiNumber,
}

/// <summary>A span of personal data in the original text (UTF-16 offsets).</summary>
public sealed record PiiSpan(PiiType Type, int Start, int Length);

/// <summary>Which analyzer and which taxonomy produced a result, so results can be re-analysed when either changes.</summary>
/// <param name="Name">For example <c>local</c> or <c>azure-language</c>.</param>
/// <param name="Version">The analyzer's version.</param>
/// <param name="TaxonomyVersion">The theme taxonomy's version.</param>
public sealed record AnalyzerInfo(string Name, string Version, string TaxonomyVersion);

/// <summary>The analysis of one text. Shared by every analyzer (local or Azure AI Language).</summary>
/// <param name="Id">The request's id.</param>
/// <param name="Language">ISO 639-1 code of the text's language (<c>en</c>), or <c>und</c> when unknown.</param>
/// <param name="Themes">Themes found, most confident first. Empty for non-English text.</param>
/// <param name="Sentiment">Sentiment with scores.</param>
/// <param name="KeyPhrases">Short phrases, from the redacted text.</param>
/// <param name="RedactedText">The text with personal data replaced by typed placeholders such as <c>[name]</c>.</param>
/// <param name="Pii">Spans of personal data in the original text.</param>
/// <param name="Concern">Safeguarding concern.</param>
/// <param name="Analyzer">Who produced this result.</param>
public sealed record AnalysisResult(
    string Id,
    string Language,
    IReadOnlyList<ThemeMatch> Themes,
    SentimentResult Sentiment,
    IReadOnlyList<string> KeyPhrases,
    string RedactedText,
    IReadOnlyList<PiiSpan> Pii,
    ConcernResult Concern,
    AnalyzerInfo Analyzer)
{
    /// <summary>True when the text was recognised as a language other than English and so was not themed.</summary>
    [JsonIgnore]
    public bool IsNonEnglish => Language != "en" && Language != "und";
}
