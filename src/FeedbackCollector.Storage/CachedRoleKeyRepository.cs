using System.Collections.Concurrent;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Storage;

/// <summary>
/// Role keys as the staff endpoints check them: a key's record (salt and hash, never the secret) is read from storage at
/// most once every <see cref="Ttl"/> per instance, instead of once a request. The secret is still verified on every request.
/// A key revoked through this instance is refused from then on (a check already reading it may keep it up to
/// <see cref="Ttl"/>); one revoked elsewhere (the command line, another instance) is
/// refused within <see cref="Ttl"/>. Unknown key ids are remembered too, so a flood of made-up keys is not a flood of reads.
/// </summary>
public sealed class CachedRoleKeyRepository(IRoleKeyRepository inner, TimeProvider time) : IRoleKeyRepository
{
    /// <summary>Longest time a key revoked on another instance or by the command line keeps working here.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (RoleKeyRecord? Record, long Expires)> _items = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<RoleKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcTicks;
        if (keyId is not null && _items.TryGetValue(keyId, out var hit) && hit.Expires > now)
        {
            return hit.Record;
        }
        var record = await inner.FindAsync(keyId!, cancellationToken).ConfigureAwait(false);
        if (keyId is not null)
        {
            if (_items.Count >= MaxEntries)
            {
                _items.Clear();
            }
            _items[keyId] = (record, now + Ttl.Ticks);
        }
        return record;
    }

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(RoleKeyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var added = await inner.TryAddAsync(record, cancellationToken).ConfigureAwait(false);
        _items.TryRemove(record.KeyId, out _);
        return added;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RoleKeyRecord>> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RevokeAsync(string keyId, DateTimeOffset revokedUtc, CancellationToken cancellationToken = default)
    {
        // Forget it before and after: a request between the two cannot cache the key as it was before the revocation.
        if (keyId is not null)
        {
            _items.TryRemove(keyId, out _);
        }
        var revoked = await inner.RevokeAsync(keyId!, revokedUtc, cancellationToken).ConfigureAwait(false);
        if (keyId is not null)
        {
            _items.TryRemove(keyId, out _);
        }
        return revoked;
    }
}
