using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Core.Concerns;

/// <summary>What <see cref="ConcernUpdates.ChangeAsync"/> did.</summary>
public enum ConcernChange
{
    /// <summary>There is no concern with that id.</summary>
    NotFound,

    /// <summary>The change was not needed (the rule returned null for the concern as stored).</summary>
    NotNeeded,

    /// <summary>The change is stored.</summary>
    Stored,
}

/// <summary>
/// Read-modify-write of one concern that survives the other writers. A reviewer, the alert function, the raiser and a
/// withdrawal each update different fields of the same row, conditional on its ETag; a lost race re-reads the row and
/// applies the change again, so no writer's field is overwritten and none gives up because another wrote first.
/// </summary>
public static class ConcernUpdates
{
    /// <summary>Attempts before a conflict is reported (each loses only to a write that landed meanwhile).</summary>
    public const int MaxAttempts = 8;

    /// <summary>
    /// Applies <paramref name="change"/> to the concern <paramref name="id"/> as stored now. The rule returns the changed
    /// record, or null when, given what is stored, nothing is to be done (it may run more than once).
    /// </summary>
    /// <returns>What was done, and the concern as last read or as stored.</returns>
    /// <exception cref="ConcurrencyConflictException">Other writers won <see cref="MaxAttempts"/> times in a row.</exception>
    public static async Task<(ConcernChange Result, ConcernRecord? Concern)> ChangeAsync(
        this IConcernRepository concerns, string id, Func<ConcernRecord, ConcernRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concerns);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var current = await concerns.FindAsync(id, cancellationToken);
            if (current is null)
            {
                return (ConcernChange.NotFound, null);
            }
            if (change(current) is not { } changed)
            {
                return (ConcernChange.NotNeeded, current);
            }
            try
            {
                return (ConcernChange.Stored, await concerns.UpdateAsync(changed with { ETag = current.ETag }, cancellationToken));
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Another writer landed between the read and this write: read again and re-apply.
            }
        }
    }
}
