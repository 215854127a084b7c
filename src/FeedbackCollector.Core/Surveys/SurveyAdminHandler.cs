using System.Text.Json;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Core.Surveys;

/// <summary>The editable part of a survey, as officers send it.</summary>
public sealed record SurveyDefinition
{
    /// <summary>Short url-safe code; ignored on update (the route names the survey).</summary>
    public string? Code { get; init; }

    /// <summary>Title.</summary>
    public string? Title { get; init; }

    /// <summary>Audience.</summary>
    public Audience? Audience { get; init; }

    /// <summary>Introduction.</summary>
    public string? Intro { get; init; }

    /// <summary>Questions.</summary>
    public IReadOnlyList<Question>? Questions { get; init; }

    /// <summary>Draft (default) or open.</summary>
    public SurveyStatus? Status { get; init; }

    /// <summary>The places the survey is offered; on update, left out means unchanged.</summary>
    public IReadOnlyList<SurveyVenue>? Venues { get; init; }
}

/// <summary>Creates, lists, edits, opens and closes surveys (officer).</summary>
public sealed partial class SurveyAdminHandler(ISurveyRepository surveys, SurveyCache cache, TimeProvider time, ILogger<SurveyAdminHandler> logger)
{
    /// <summary>Creates a survey from a definition.</summary>
    public async Task<Outcome> CreateAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var (definition, error) = Read(body);
        if (definition is null)
        {
            return error!;
        }
        var now = time.GetUtcNow();
        var survey = ToSurvey(definition, definition.Code ?? "", now, now);
        var errors = Check(definition, survey);
        if (BuiltInSurveys.IsBuiltIn(survey.Code))
        {
            errors["code"] = $"'{survey.Code}' is reserved: it is the built-in survey of forum session notes.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var stored = await surveys.TryAddAsync(survey, cancellationToken);
        if (stored is null)
        {
            return Outcome.Conflict($"A survey with code '{survey.Code}' already exists.");
        }
        cache.Evict(survey.Code);
        LogChanged(logger, survey.Code, "created");
        return Outcome.Created(stored);
    }

    /// <summary>
    /// Every survey officers manage. The built-in survey of forum session notes is not among them (it cannot be edited,
    /// opened, closed or put on a poster); it is found by its code like any other.
    /// </summary>
    public async Task<Outcome> ListAsync(CancellationToken cancellationToken) =>
        Outcome.Ok((await surveys.ListAsync(cancellationToken)).Where(s => !BuiltInSurveys.IsBuiltIn(s.Code)).ToList());

    /// <summary>One survey, whatever its status (officer view).</summary>
    public async Task<Outcome> GetAsync(string code, CancellationToken cancellationToken) =>
        (SurveyRules.IsValidCode(code) ? await surveys.FindAsync(code, cancellationToken) : null) is { } s
            ? Outcome.Ok(s)
            : Outcome.NotFound($"There is no survey '{code}'.");

    /// <summary>A survey as respondents see it: open or closed ones only, without storage details.</summary>
    public async Task<Outcome> GetPublicAsync(string code, CancellationToken cancellationToken)
    {
        // A built-in survey has no page: forum session notes come only through a facilitator's upload.
        var s = SurveyRules.IsValidCode(code) && !BuiltInSurveys.IsBuiltIn(code) ? await cache.FindAsync(code, cancellationToken) : null;
        return s is null || s.Status == SurveyStatus.Draft
            ? Outcome.NotFound($"There is no survey '{code}'.")
            : Outcome.Ok(s with { ETag = null });
    }

    /// <summary>Replaces the editable fields of a survey. <paramref name="ifMatch"/> guards against overwriting another edit.</summary>
    public async Task<Outcome> UpdateAsync(string code, JsonElement body, string? ifMatch, CancellationToken cancellationToken)
    {
        if (BuiltInSurveys.IsBuiltIn(code))
        {
            return BuiltInIsReadOnly(code);
        }
        var current = SurveyRules.IsValidCode(code) ? await surveys.FindAsync(code, cancellationToken) : null;
        if (current is null)
        {
            return Outcome.NotFound($"There is no survey '{code}'.");
        }
        var (definition, error) = Read(body);
        if (definition is null)
        {
            return error!;
        }
        if (definition.Code is not null && definition.Code != code)
        {
            return Outcome.Invalid("code", "A survey's code cannot change; create a new survey instead.");
        }
        var updated = ToSurvey(definition with { Status = definition.Status ?? current.Status, Venues = definition.Venues ?? current.Venues }, code, current.CreatedUtc, time.GetUtcNow())
            with { ETag = ifMatch ?? current.ETag };
        var errors = Check(definition, updated);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveAsync(updated, "updated", cancellationToken);
    }

    /// <summary>Opens or closes a survey.</summary>
    public async Task<Outcome> SetStatusAsync(string code, SurveyStatus status, CancellationToken cancellationToken)
    {
        if (BuiltInSurveys.IsBuiltIn(code))
        {
            return BuiltInIsReadOnly(code);
        }
        var current = SurveyRules.IsValidCode(code) ? await surveys.FindAsync(code, cancellationToken) : null;
        if (current is null)
        {
            return Outcome.NotFound($"There is no survey '{code}'.");
        }
        if (current.Status == status)
        {
            return Outcome.Ok(current);
        }
        return await SaveAsync(current with { Status = status, UpdatedUtc = time.GetUtcNow() }, FeedbackJson.WireName(status), cancellationToken);
    }

    private async Task<Outcome> SaveAsync(Survey survey, string what, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await surveys.UpdateAsync(survey, cancellationToken);
            cache.Evict(survey.Code);
            LogChanged(logger, survey.Code, what);
            return Outcome.Ok(saved);
        }
        catch (ConcurrencyConflictException)
        {
            return Outcome.Conflict($"Survey '{survey.Code}' was changed by someone else; reload it and try again.");
        }
    }

    private static Outcome BuiltInIsReadOnly(string code) =>
        Outcome.Conflict($"Survey '{code}' is built in: it holds the points of forum session notes and cannot be edited, opened or closed.");

    private static (SurveyDefinition? Definition, Outcome? Error) Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, Outcome.Invalid("$", "The body must be a JSON object."));
        }
        try
        {
            var d = body.Deserialize<SurveyDefinition>(FeedbackJson.Options);
            return d is null ? (null, Outcome.Invalid("$", "The body must be a JSON object.")) : (d, null);
        }
        catch (JsonException ex)
        {
            return (null, Outcome.Invalid(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path.TrimStart('$', '.'), "This value has the wrong type or is not allowed."));
        }
    }

    private static Dictionary<string, string> Check(SurveyDefinition d, Survey s)
    {
        var errors = new Dictionary<string, string>(SurveyRules.Validate(s));
        if (d.Audience is null or Audience.Unknown)
        {
            errors["audience"] = "audience is child, parent, practitioner or forum-notes.";
        }
        if (d.Questions is null)
        {
            errors["questions"] = "questions is required.";
        }
        return errors;
    }

    private static Survey ToSurvey(SurveyDefinition d, string code, DateTimeOffset created, DateTimeOffset updated) => new()
    {
        Code = code,
        Title = d.Title?.Trim() ?? "",
        Audience = d.Audience ?? Audience.Unknown,
        Intro = d.Intro?.Trim(),
        Status = d.Status ?? SurveyStatus.Draft,
        Questions = d.Questions ?? [],
        Venues = d.Venues ?? [],
        CreatedUtc = created,
        UpdatedUtc = updated,
    };

    [LoggerMessage(LogLevel.Information, "Survey {SurveyCode} {Change}")]
    private static partial void LogChanged(ILogger logger, string surveyCode, string change);
}
