using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Core.Surveys;

/// <summary>Kinds of question. Wire form is kebab-case.</summary>
public enum QuestionKind
{
    /// <summary>Five faces, answered 1 (very sad) to 5 (very happy).</summary>
    EmojiScale,
    /// <summary>Answered <c>yes</c>, <c>not-sure</c> or <c>no</c>.</summary>
    YesNotSureNo,
    /// <summary>One option id.</summary>
    SingleChoice,
    /// <summary>An array of option ids.</summary>
    MultipleChoice,
    /// <summary>Free text, analysed.</summary>
    FreeText,
    /// <summary>An optional age band (one option id).</summary>
    AgeBand,
}

/// <summary>Whether a survey takes responses.</summary>
public enum SurveyStatus
{
    /// <summary>Being written; not yet taking responses.</summary>
    Draft,
    /// <summary>Taking responses.</summary>
    Open,
    /// <summary>No longer taking responses.</summary>
    Closed,
}

/// <summary>An option of a choice or age-band question.</summary>
public sealed record ChoiceOption(string Id, string Text);

/// <summary>A place a survey is offered (a school, a youth club, a clinic). Its code goes in the link and QR code of that
/// place's poster and is stored with each response from there: where an answer came from, never who.</summary>
/// <param name="Code">1 to 40 lower-case letters, digits and hyphens (<see cref="Responses.VenueCode"/>).</param>
/// <param name="Name">The place's name as shown on its poster.</param>
public sealed record SurveyVenue(string Code, string Name);

/// <summary>One question of a survey.</summary>
public sealed record Question
{
    /// <summary>Stable id within the survey (<c>q1</c>, <c>listened</c>).</summary>
    public required string Id { get; init; }

    /// <summary>What kind of answer it takes.</summary>
    public required QuestionKind Kind { get; init; }

    /// <summary>The question as shown.</summary>
    public required string Text { get; init; }

    /// <summary>Optional help under the question.</summary>
    public string? Hint { get; init; }

    /// <summary>Whether an answer is needed. Free text and age band are never required.</summary>
    public bool Required { get; init; }

    /// <summary>Options, for single choice, multiple choice and age band.</summary>
    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];

    /// <summary>For free text: most characters allowed (at most <see cref="SurveyRules.MaxFreeTextLength"/>).</summary>
    public int? MaxLength { get; init; }
}

/// <summary>A survey definition.</summary>
public sealed record Survey
{
    /// <summary>Short url-safe code used in links (<c>/s/{code}</c>).</summary>
    public required string Code { get; init; }

    /// <summary>Title shown at the top.</summary>
    public required string Title { get; init; }

    /// <summary>Who the survey is for.</summary>
    public required Audience Audience { get; init; }

    /// <summary>Introduction shown before the questions.</summary>
    public string? Intro { get; init; }

    /// <summary>Draft, open or closed.</summary>
    public SurveyStatus Status { get; init; } = SurveyStatus.Draft;

    /// <summary>The questions, in order.</summary>
    public required IReadOnlyList<Question> Questions { get; init; }

    /// <summary>The places the survey is offered, each with its own link, QR code and poster.</summary>
    public IReadOnlyList<SurveyVenue> Venues { get; init; } = [];

    /// <summary>When created.</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>When last changed.</summary>
    public DateTimeOffset UpdatedUtc { get; init; }

    /// <summary>Storage concurrency token; null for a new survey.</summary>
    public string? ETag { get; init; }
}
