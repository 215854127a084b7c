using System.Text.Json;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FeedbackCollector.Core.Concerns;

/// <summary>A span of a text (UTF-16 offsets).</summary>
public sealed record TextRange(int Start, int Length);

/// <summary>One free-text answer of a concern, redacted: what the safeguarding role reads.</summary>
/// <param name="QuestionId">The question it answers.</param>
/// <param name="RedactedText">The answer with personal data replaced by placeholders.</param>
public sealed record ConcernText(string QuestionId, string RedactedText)
{
    /// <summary>True when this answer is the one (or one of those) that raised the concern.</summary>
    public bool Flagged { get; init; }

    /// <summary>Every category found in it, leading first.</summary>
    public IReadOnlyList<ConcernCategory> Categories { get; init; } = [];

    /// <summary>The (redacted) words that led to the flag, as the detector gave them (parts joined by "; ").</summary>
    public string? Evidence { get; init; }

    /// <summary>Where each part of <see cref="Evidence"/> stands in <see cref="RedactedText"/>, when it is a span of it.</summary>
    public IReadOnlyList<TextRange> Highlights { get; init; } = [];

    /// <summary>This answer with the concern <paramref name="concern"/> found in it (nothing added when not flagged).</summary>
    public ConcernText With(ConcernResult concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        return concern.Flagged
            ? this with { Flagged = true, Categories = concern.Categories, Evidence = concern.Evidence, Highlights = Locate(RedactedText, concern.Evidence) }
            : this;
    }

    /// <summary>Where each "; "-separated part of <paramref name="evidence"/> occurs in <paramref name="text"/> (ordered, not overlapping).</summary>
    public static IReadOnlyList<TextRange> Locate(string text, string? evidence)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(evidence))
        {
            return [];
        }
        var ranges = new List<TextRange>();
        foreach (var part in evidence.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = text.IndexOf(part, StringComparison.Ordinal);
            if (at < 0)
            {
                at = text.IndexOf(part, StringComparison.OrdinalIgnoreCase);
            }
            if (at >= 0 && !ranges.Any(r => at < r.Start + r.Length && r.Start < at + part.Length))
            {
                ranges.Add(new TextRange(at, part.Length));
            }
        }
        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        return ranges;
    }
}

/// <summary>A concern as the safeguarding role sees it.</summary>
public sealed record ConcernView(
    string Id,
    string Status,
    string SurveyCode,
    string? Venue,
    ConcernCategory Category,
    DateTimeOffset ReceivedUtc,
    DateTimeOffset RaisedUtc,
    DateTimeOffset? AlertDeliveredUtc,
    int AlertAttempts,
    bool Withdrawn,
    IReadOnlyList<ConcernText> Texts,
    string? ReviewedBy,
    DateTimeOffset? ReviewedUtc,
    string? ReviewNote);

/// <summary>Lists concerns for the safeguarding role and records who reviewed each and when.</summary>
public sealed partial class ConcernReviewHandler(
    IConcernRepository concerns,
    IResponseRepository responses,
    IConcernScreen screen,
    TimeProvider time,
    ILogger<ConcernReviewHandler> logger)
{
    /// <summary>Longest review note, in characters.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>Most concerns one listing returns (open ones first).</summary>
    public const int MaxListed = 500;

    /// <summary>Every concern: open ones first (newest first), then reviewed ones (most recently reviewed first).</summary>
    public async Task<Outcome> ListAsync(CancellationToken cancellationToken)
    {
        var all = await concerns.ListAsync(cancellationToken);
        var ordered = all.Where(c => c.ReviewedUtc is null).OrderByDescending(c => c.RaisedUtc)
            .Concat(all.Where(c => c.ReviewedUtc is not null).OrderByDescending(c => c.ReviewedUtc))
            .Take(MaxListed);
        var views = new List<ConcernView>();
        foreach (var c in ordered)
        {
            views.Add(await ViewAsync(c, cancellationToken));
        }
        return Outcome.Ok(new { open = all.Count(c => c.ReviewedUtc is null), total = all.Count, concerns = views });
    }

    /// <summary>Records that the holder of <paramref name="reviewer"/> reviewed concern <paramref name="id"/>; body <c>{"note": "..."}</c>.</summary>
    public async Task<Outcome> ReviewAsync(string id, JsonElement body, string reviewer, CancellationToken cancellationToken)
    {
        string? note = null;
        var errors = new Dictionary<string, string>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Outcome.Invalid("$", "The body must be a JSON object like {\"note\": \"...\"}.");
        }
        foreach (var p in body.EnumerateObject())
        {
            if (p.Name != "note")
            {
                errors[p.Name] = "Unknown field.";
            }
            else if (p.Value.ValueKind == JsonValueKind.String)
            {
                note = p.Value.GetString()!.Trim();
            }
            else if (p.Value.ValueKind != JsonValueKind.Null)
            {
                errors["note"] = "The note is a string.";
            }
        }
        if (string.IsNullOrEmpty(note))
        {
            errors.TryAdd("note", "Say what was done (a short note), for the audit trail.");
        }
        else if (note.Length > MaxNoteLength)
        {
            errors["note"] = $"At most {MaxNoteLength:N0} characters.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        if (!ResponseId.TryNormalize(id, out var normal))
        {
            return Outcome.NotFound($"There is no concern '{id}'.");
        }
        (ConcernChange Result, ConcernRecord? Concern) change;
        try
        {
            // The alert function may stamp the same row while the reviewer writes: that is retried, never shown as a conflict.
            var now = time.GetUtcNow();
            change = await concerns.ChangeAsync(normal,
                c => c.ReviewedUtc is null ? c with { ReviewedBy = reviewer, ReviewedUtc = now, ReviewNote = note } : null, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return Outcome.Conflict($"Concern {normal} kept changing while you were reviewing it; list it again and retry.");
        }
        if (change.Result == ConcernChange.NotFound)
        {
            return Outcome.NotFound($"There is no concern '{id}'.");
        }
        var concern = change.Concern!;
        if (change.Result == ConcernChange.NotNeeded)
        {
            // A review is an audit record: it is never overwritten.
            return Outcome.Conflict($"Concern {concern.Id} was already reviewed by {concern.ReviewedBy} at {concern.ReviewedUtc:u}.");
        }
        LogReviewed(logger, concern.Id);
        return Outcome.Ok(await ViewAsync(concern, cancellationToken));
    }

    private async Task<ConcernView> ViewAsync(ConcernRecord c, CancellationToken cancellationToken)
    {
        IReadOnlyList<ConcernText> texts;
        if (c.KeptText is { } kept)
        {
            texts = JsonSerializer.Deserialize<List<ConcernText>>(kept, FeedbackJson.Options) ?? [];
        }
        else if (await responses.FindAsync(c.Id, cancellationToken) is { } r)
        {
            texts = WithdrawResponseHandler.RedactedTexts(r, screen);
        }
        else
        {
            texts = [];
        }
        return new ConcernView(c.Id, c.ReviewedUtc is null ? "open" : "reviewed", c.SurveyCode, c.Venue, c.Category, c.ReceivedUtc, c.RaisedUtc,
            c.AlertDeliveredUtc, c.AlertAttempts, c.WithdrawnUtc is not null, texts, c.ReviewedBy, c.ReviewedUtc, c.ReviewNote);
    }

    [LoggerMessage(LogLevel.Information, "Concern {ConcernId} reviewed")]
    private static partial void LogReviewed(ILogger logger, string concernId);
}
