using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Core.Surveys;

/// <summary>
/// Surveys the product defines itself rather than an officer: today only <see cref="ForumNotes"/>, which the points of
/// uploaded forum session notes belong to. A built-in survey is listed, found and filtered on like any other (so the
/// console and the digest show forum sessions under their own name), but it has no web page, takes no web submission,
/// cannot be edited, opened or closed, and its code cannot be taken by a new survey.
/// </summary>
public static class BuiltInSurveys
{
    /// <summary>
    /// The survey of forum session notes: audience forum-notes, one free-text "question" (each point of the notes). It
    /// is <see cref="SurveyStatus.Closed"/> because it never takes answers from the survey page: points come only
    /// through a facilitator's upload.
    /// </summary>
    public static Survey ForumNotes { get; } = new()
    {
        Code = NotesUploadHandler.SurveyCode,
        Title = "Forum session notes",
        Audience = Audience.ForumNotes,
        Intro = "Points from the notes of youth-forum sessions, uploaded by their facilitators. Not a web survey: it takes no answers online.",
        Status = SurveyStatus.Closed,
        Questions =
        [
            new Question
            {
                Id = NotesUploadHandler.PointQuestionId,
                Kind = QuestionKind.FreeText,
                Text = "A point from the session's notes",
                MaxLength = SurveyRules.MaxFreeTextLength,
            },
        ],
    };

    /// <summary>Every built-in survey, by code.</summary>
    public static IReadOnlyList<Survey> All { get; } = [ForumNotes];

    /// <summary>Whether <paramref name="code"/> names a built-in survey.</summary>
    public static bool IsBuiltIn(string? code) => code is not null && Find(code) is not null;

    /// <summary>The built-in survey with this code, or null.</summary>
    public static Survey? Find(string code)
    {
        foreach (var s in All)
        {
            if (string.Equals(s.Code, code, StringComparison.Ordinal))
            {
                return s;
            }
        }
        return null;
    }

    /// <summary><paramref name="stored"/> with every built-in survey added that it lacks, ordered by code.</summary>
    public static IReadOnlyList<Survey> AddTo(IEnumerable<Survey> stored)
    {
        var list = stored.Where(s => !IsBuiltIn(s.Code)).ToList();
        list.AddRange(All);
        list.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return list;
    }
}

/// <summary>
/// A survey store with the <see cref="BuiltInSurveys"/> in it: they are found and listed, never stored, and their codes
/// cannot be added or updated. The hosts wrap their storage adapter in it, so every reader (survey admin, response
/// listing, digest, submission) sees the same surveys.
/// </summary>
public sealed class BuiltInSurveyRepository(ISurveyRepository inner) : ISurveyRepository
{
    /// <summary>The wrapped store.</summary>
    public ISurveyRepository Inner { get; } = inner;

    /// <inheritdoc />
    public Task<Survey?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        BuiltInSurveys.Find(code) is { } builtIn ? Task.FromResult<Survey?>(builtIn) : Inner.FindAsync(code, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Survey>> ListAsync(CancellationToken cancellationToken = default) =>
        BuiltInSurveys.AddTo(await Inner.ListAsync(cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public Task<Survey?> TryAddAsync(Survey survey, CancellationToken cancellationToken = default) =>
        BuiltInSurveys.IsBuiltIn(survey.Code) ? Task.FromResult<Survey?>(null) : Inner.TryAddAsync(survey, cancellationToken);

    /// <inheritdoc />
    public Task<Survey> UpdateAsync(Survey survey, CancellationToken cancellationToken = default) =>
        BuiltInSurveys.IsBuiltIn(survey.Code)
            ? throw new InvalidOperationException($"Survey '{survey.Code}' is built in and cannot be changed.")
            : Inner.UpdateAsync(survey, cancellationToken);
}
