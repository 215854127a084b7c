using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using FeedbackCollector.Core.Responses;

namespace FeedbackCollector.Core.Digests;

/// <summary>"You said, we did": what the partnership did about a theme in a quarter, shown beside the theme in digests.</summary>
public sealed record ActionRecord
{
    /// <summary>Random id, 16 hex digits.</summary>
    public required string Id { get; init; }

    /// <summary>The quarter it is reported in.</summary>
    public required Quarter Quarter { get; init; }

    /// <summary>The theme it answers (taxonomy id such as <c>listen-to-me</c>).</summary>
    public required string ThemeId { get; init; }

    /// <summary>What was heard, in the officer's words.</summary>
    public required string YouSaid { get; init; }

    /// <summary>What was done.</summary>
    public required string WeDid { get; init; }

    /// <summary>Who recorded it (the staff key's label).</summary>
    public required string RecordedBy { get; init; }

    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset RecordedUtc { get; init; }
}

/// <summary>"You said, we did" actions, by quarter.</summary>
public interface IActionRepository
{
    /// <summary>Stores a new action.</summary>
    Task AddAsync(ActionRecord action, CancellationToken cancellationToken = default);

    /// <summary>The actions of <paramref name="quarter"/>, in no particular order.</summary>
    Task<IReadOnlyList<ActionRecord>> ListAsync(Quarter quarter, CancellationToken cancellationToken = default);
}

/// <summary>An action as the API shows it.</summary>
public sealed record ActionView(string Id, string Period, string ThemeId, string YouSaid, string WeDid, string RecordedBy, DateTimeOffset RecordedUtc)
{
    /// <summary>Projects a stored action.</summary>
    public static ActionView From(ActionRecord a) => new(a.Id, a.Quarter.ToString(), a.ThemeId, a.YouSaid, a.WeDid, a.RecordedBy, a.RecordedUtc);
}

/// <summary>Records and lists "You said, we did" actions (officer).</summary>
public sealed partial class ActionsHandler(IActionRepository actions, TimeProvider time)
{
    /// <summary>Longest "you said" or "we did" text.</summary>
    public const int MaxTextLength = 1000;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$", RegexOptions.CultureInvariant)]
    private static partial Regex ThemeIdPattern();

    /// <summary>Records an action from <c>{"period":"2026-Q3","themeId":"listen-to-me","youSaid":"...","weDid":"..."}</c>.</summary>
    public async Task<Outcome> RecordAsync(JsonElement body, string recordedBy, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Outcome.Invalid("$", "The body must be a JSON object.");
        }
        string? Text(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : null;
        foreach (var p in body.EnumerateObject())
        {
            if (p.Name is not ("period" or "themeId" or "youSaid" or "weDid"))
            {
                errors[p.Name] = "Unknown field.";
            }
        }
        var now = time.GetUtcNow();
        var period = Text("period");
        var quarter = Quarter.Of(now);
        if (period is not null && !Quarter.TryParse(period, out quarter))
        {
            errors["period"] = "A period is a quarter such as 2026-Q3.";
        }
        else if (quarter.CompareTo(Quarter.Of(now)) > 0)
        {
            errors["period"] = "The period cannot be a future quarter.";
        }
        var theme = Text("themeId");
        if (theme is null || !ThemeIdPattern().IsMatch(theme))
        {
            errors["themeId"] = "A theme id is required: lower-case letters, digits and hyphens (for example listen-to-me).";
        }
        var youSaid = Text("youSaid");
        var weDid = Text("weDid");
        if (youSaid is not { Length: > 0 and <= MaxTextLength })
        {
            errors["youSaid"] = $"'You said' is required: 1 to {MaxTextLength:N0} characters.";
        }
        if (weDid is not { Length: > 0 and <= MaxTextLength })
        {
            errors["weDid"] = $"'We did' is required: 1 to {MaxTextLength:N0} characters.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var action = new ActionRecord
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Quarter = quarter,
            ThemeId = theme!,
            YouSaid = youSaid!,
            WeDid = weDid!,
            RecordedBy = recordedBy,
            RecordedUtc = now,
        };
        await actions.AddAsync(action, cancellationToken);
        return Outcome.Created(ActionView.From(action));
    }

    /// <summary>The actions of a quarter (default: the current one).</summary>
    public async Task<Outcome> ListAsync(string? period, CancellationToken cancellationToken)
    {
        var quarter = Quarter.Of(time.GetUtcNow());
        if (!string.IsNullOrWhiteSpace(period) && !Quarter.TryParse(period, out quarter))
        {
            return Outcome.Invalid("period", "A period is a quarter such as 2026-Q3.");
        }
        var list = (await actions.ListAsync(quarter, cancellationToken))
            .OrderBy(a => a.ThemeId, StringComparer.Ordinal).ThenBy(a => a.RecordedUtc).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(ActionView.From).ToList();
        return Outcome.Ok(new { period = quarter.ToString(), actions = list });
    }
}
