using System.Globalization;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Digest;

/// <summary>Why a count is hidden.</summary>
public enum Suppression
{
    /// <summary>Shown.</summary>
    None,
    /// <summary>From 1 to 4: shown as "fewer than 5".</summary>
    Small,
    /// <summary>Hidden so that a small count cannot be worked out from a total: shown as "withheld".</summary>
    Secondary,
}

/// <summary>A count as published: its value is never shown when it is suppressed, in any format.</summary>
public readonly record struct Count(int Value, Suppression Suppression)
{
    /// <summary>Text for a count from 1 to 4.</summary>
    public const string FewerThanFive = "fewer than 5";

    /// <summary>Text for a count hidden to protect another.</summary>
    public const string Withheld = "withheld";

    /// <summary>True when the value may be published.</summary>
    public bool Shown => Suppression == Suppression.None;

    /// <summary>The value, or null when suppressed.</summary>
    public int? Public => Shown ? Value : null;

    /// <summary>As published: <c>1,234</c>, <c>fewer than 5</c> or <c>withheld</c>.</summary>
    public string Display => Suppression switch
    {
        Suppression.None => Value.ToString("N0", CultureInfo.InvariantCulture),
        Suppression.Small => FewerThanFive,
        _ => Withheld,
    };

    /// <inheritdoc />
    public override string ToString() => Display;
}

/// <summary>A digest of one period, with suppression already applied: renderers only format it.</summary>
public sealed record DigestModel
{
    /// <summary>The digest's title.</summary>
    public required string Title { get; init; }

    /// <summary>The period.</summary>
    public required PeriodInfo Period { get; init; }

    /// <summary>Responses received in the period.</summary>
    public required Count Responses { get; init; }

    /// <summary>Responses in the previous period.</summary>
    public required Count PreviousResponses { get; init; }

    /// <summary>Responses by audience (adds up to <see cref="Responses"/>).</summary>
    public required IReadOnlyList<CountRow> ByAudience { get; init; }

    /// <summary>Responses by survey.</summary>
    public required IReadOnlyList<CountRow> BySurvey { get; init; }

    /// <summary>Responses by venue, with a row for none.</summary>
    public required IReadOnlyList<CountRow> ByVenue { get; init; }

    /// <summary>Responses by channel: web, QR, forum notes, import.</summary>
    public required IReadOnlyList<CountRow> ByChannel { get; init; }

    /// <summary>Themes ranked by responses.</summary>
    public required IReadOnlyList<ThemeRow> Themes { get; init; }

    /// <summary>One section per audience with responses.</summary>
    public required IReadOnlyList<AudienceSection> Audiences { get; init; }

    /// <summary>Key phrases that rose since the previous period.</summary>
    public required IReadOnlyList<PhraseRow> RisingPhrases { get; init; }

    /// <summary>Results of the closed questions.</summary>
    public required IReadOnlyList<ClosedQuestion> ClosedQuestions { get; init; }

    /// <summary>"You said, we did", every action of the period.</summary>
    public required IReadOnlyList<ActionItem> Actions { get; init; }

    /// <summary>How the digest was made.</summary>
    public required MethodNote Method { get; init; }

    /// <summary>The theme ids that have a column in the comments file, in rank order.</summary>
    public required IReadOnlyList<ThemeRef> CommentThemes { get; init; }

    /// <summary>The redacted comments.</summary>
    public required IReadOnlyList<CommentRow> Comments { get; init; }
}

/// <summary>The period and the one it is compared with.</summary>
public sealed record PeriodInfo(string Key, string Label, DateTimeOffset FromUtc, DateTimeOffset ToUtc, string PreviousKey, string PreviousLabel);

/// <summary>A labelled count.</summary>
public sealed record CountRow(string Key, string Label, Count Count);

/// <summary>A theme's id and label.</summary>
public sealed record ThemeRef(string Id, string Label);

/// <summary>Sentiment of the responses of a theme (adds up to the theme's count).</summary>
public sealed record SentimentSplit(Count Positive, Count Neutral, Count Negative, Count Mixed);

/// <summary>A ranked theme.</summary>
/// <param name="Rank">1 for the most mentioned.</param>
/// <param name="Theme">Id and label.</param>
/// <param name="Count">Responses mentioning it.</param>
/// <param name="Share">Share of responses with analysed free text, when it may be shown.</param>
/// <param name="Previous">Responses mentioning it in the previous period.</param>
/// <param name="Change">Change of share in percentage points, when it may be shown.</param>
/// <param name="IsNew">True when it was not mentioned in the previous period.</param>
/// <param name="Sentiment">Sentiment within the theme.</param>
/// <param name="Actions">"You said, we did" actions recorded against it.</param>
public sealed record ThemeRow(int Rank, ThemeRef Theme, Count Count, double? Share, Count Previous, double? Change, bool IsNew, SentimentSplit Sentiment, IReadOnlyList<ActionItem> Actions)
{
    /// <summary><c>23%</c>, or withheld.</summary>
    public string ShareDisplay => Share is { } s ? Format.Percent(s) : Count.Withheld;

    /// <summary>False when the previous period had no analysed responses to compare with.</summary>
    public bool HasPrevious { get; init; } = true;

    /// <summary><c>+3 pts</c>, <c>new</c>, <c>n/a</c> (nothing to compare with) or withheld.</summary>
    public string ChangeDisplay => !HasPrevious ? "n/a" : IsNew && Count.Shown ? "new" : Change is { } c ? Format.Points(c) : Count.Withheld;
}

/// <summary>A leading theme of an audience, with representative quotes.</summary>
public sealed record LeadingTheme(ThemeRef Theme, Count Count, IReadOnlyList<string> Quotes)
{
    /// <summary>
    /// The response each quote was taken from, in the order of <see cref="Quotes"/>. Never rendered: the producer confirms
    /// with them that every quoted response still exists before a digest is published.
    /// </summary>
    public IReadOnlyList<string> QuoteResponseIds { get; init; } = [];
}

/// <summary>What one audience told us.</summary>
/// <param name="Audience">The audience.</param>
/// <param name="Title">"What children and young people told us".</param>
/// <param name="Responses">Its responses (the same count as in <see cref="DigestModel.ByAudience"/>).</param>
/// <param name="Themes">Its two or three leading themes.</param>
/// <param name="Forum">For forum sessions: sessions and young people.</param>
public sealed record AudienceSection(Audience Audience, string Title, Count Responses, IReadOnlyList<LeadingTheme> Themes, ForumSummary? Forum);

/// <summary>The forum sessions of the period.</summary>
/// <param name="Sessions">Sessions whose notes were uploaded.</param>
/// <param name="YoungPeople">Young people the facilitators counted, over the sessions that gave a number.</param>
/// <param name="Ages">The age span over the sessions that gave one (<c>11–19</c>), or null.</param>
public sealed record ForumSummary(Count Sessions, Count YoungPeople, string? Ages);

/// <summary>A key phrase that rose.</summary>
public sealed record PhraseRow(string Phrase, Count Now, Count Before);

/// <summary>The results of a closed question.</summary>
/// <param name="SurveyCode">The survey.</param>
/// <param name="SurveyTitle">Its title.</param>
/// <param name="QuestionId">The question.</param>
/// <param name="Text">The question as asked.</param>
/// <param name="Kind">emoji-scale, yes-not-sure-no, single-choice, multiple-choice or age-band.</param>
/// <param name="Answered">Responses that answered it.</param>
/// <param name="SeveralAnswers">True for multiple choice, whose options do not add up to <paramref name="Answered"/>.</param>
/// <param name="Options">Each option's count, in the question's order.</param>
public sealed record ClosedQuestion(string SurveyCode, string SurveyTitle, string QuestionId, string Text, string Kind, Count Answered, bool SeveralAnswers, IReadOnlyList<CountRow> Options);

/// <summary>"You said, we did".</summary>
public sealed record ActionItem(ThemeRef Theme, string Period, string YouSaid, string WeDid);

/// <summary>How the digest was made.</summary>
/// <param name="Analyzers">Analyzer and taxonomy versions, with the responses each analysed.</param>
/// <param name="Analysed">Responses analysed.</param>
/// <param name="Pending">Responses not analysed yet.</param>
/// <param name="WithText">Analysed responses with free text: the base of theme shares.</param>
/// <param name="ConcernsRaised">Possible safeguarding concerns raised from responses of the period.</param>
/// <param name="ConcernsReviewed">Of those, reviewed by the safeguarding lead.</param>
/// <param name="CommentsHeldBack">Comments left out of quotes and the comments file because they may still hold personal data.</param>
/// <param name="SuppressionRule">The suppression rule, in words.</param>
/// <param name="QuoteRule">How quotes are chosen, in words.</param>
public sealed record MethodNote(IReadOnlyList<CountRow> Analyzers, Count Analysed, Count Pending, Count WithText, Count ConcernsRaised, Count ConcernsReviewed, Count CommentsHeldBack, string SuppressionRule, string QuoteRule);

/// <summary>A redacted comment for the comments file.</summary>
/// <param name="Number">1, 2, 3... in the file's order.</param>
/// <param name="Audience">Who wrote it.</param>
/// <param name="Text">The redacted text.</param>
/// <param name="ThemeIds">Its themes that have a column.</param>
public sealed record CommentRow(int Number, string Audience, string Text, IReadOnlyList<string> ThemeIds);

/// <summary>Number formats shared by the renderers (invariant culture).</summary>
public static class Format
{
    /// <summary><c>23%</c>.</summary>
    public static string Percent(double share) => Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary><c>+3 pts</c>, <c>-2 pts</c>, <c>0 pts</c>.</summary>
    public static string Points(double points)
    {
        var r = Math.Round(points, MidpointRounding.AwayFromZero);
        return (r > 0 ? "+" : "") + r.ToString("0", CultureInfo.InvariantCulture) + " pts";
    }

    /// <summary>The audience as a plural noun phrase.</summary>
    public static string AudienceLabel(Audience audience) => audience switch
    {
        Audience.Child => "Children and young people",
        Audience.Parent => "Parents and carers",
        Audience.Practitioner => "Practitioners",
        Audience.ForumNotes => "Forum sessions",
        _ => "Others",
    };
}
