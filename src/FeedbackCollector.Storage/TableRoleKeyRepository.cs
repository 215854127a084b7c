using Azure;
using Azure.Data.Tables;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>Role keys in one partition, row key = key id. Only the salt and salted hash of a secret are stored.</summary>
public sealed class TableRoleKeyRepository : IRoleKeyRepository
{
    /// <summary>The one partition key.</summary>
    public const string Partition = "rolekey";

    private const int RevokeAttempts = 4;
    private readonly TableClient _table;

    /// <summary>Uses the role keys table named by <paramref name="names"/>.</summary>
    public TableRoleKeyRepository(TableServiceClient tables, IOptions<StorageNamesOptions> names)
    {
        _table = tables.GetTableClient(names.Value.RoleKeysTable);
    }

    /// <inheritdoc />
    public Task<bool> TryAddAsync(RoleKeyRecord record, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("add role key", ct =>
        {
            ArgumentNullException.ThrowIfNull(record);
            return StorageFaults.TryAddEntityAsync(_table, ToEntity(record), ct);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<RoleKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("find role key", async ct =>
        {
            if (!IsKeyId(keyId))
            {
                return null;
            }
            var got = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, keyId, cancellationToken: ct).ConfigureAwait(false);
            return got.HasValue ? ToRecord(got.Value!) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RoleKeyRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync<IReadOnlyList<RoleKeyRecord>>("list role keys", async ct =>
        {
            var list = new List<RoleKeyRecord>();
            await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct).ConfigureAwait(false))
            {
                list.Add(ToRecord(e));
            }
            return list;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RevokeAsync(string keyId, DateTimeOffset revokedUtc, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("revoke role key", async ct =>
        {
            if (!IsKeyId(keyId))
            {
                return false;
            }
            for (var attempt = 1; ; attempt++)
            {
                var got = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, keyId, cancellationToken: ct).ConfigureAwait(false);
                if (!got.HasValue)
                {
                    return false;
                }
                var entity = got.Value!;
                if (entity.GetDateTimeOffset("RevokedUtc") is not null)
                {
                    // Already revoked: keep the first revocation time for the audit trail.
                    return true;
                }
                var change = new TableEntity(Partition, keyId) { ["RevokedUtc"] = revokedUtc };
                try
                {
                    await _table.UpdateEntityAsync(change, entity.ETag, TableUpdateMode.Merge, ct).ConfigureAwait(false);
                    return true;
                }
                catch (RequestFailedException ex) when (StorageFaults.IsNotFound(ex))
                {
                    return false;
                }
                catch (RequestFailedException ex) when (StorageFaults.IsPreconditionFailed(ex) && attempt < RevokeAttempts)
                {
                }
            }
        }, cancellationToken);

    // Key ids are 12 lower-case hex characters (RoleKeys.Issue); anything else cannot be a row key we wrote.
    private static bool IsKeyId(string? keyId) => keyId is { Length: 12 } && keyId.All(char.IsAsciiHexDigitLower);

    private static TableEntity ToEntity(RoleKeyRecord r)
    {
        var e = new TableEntity(Partition, r.KeyId)
        {
            ["Role"] = FeedbackJson.WireName(r.Role),
            ["Label"] = r.Label,
            ["Salt"] = r.Salt,
            ["Hash"] = r.Hash,
            ["CreatedUtc"] = r.CreatedUtc,
        };
        TableColumns.SetOptional(e, "RevokedUtc", r.RevokedUtc);
        return e;
    }

    private static RoleKeyRecord ToRecord(TableEntity e) => new(
        e.RowKey,
        TableColumns.GetWire<StaffRole>(e, "Role"),
        TableColumns.Required(e, "Label"),
        TableColumns.Required(e, "Salt"),
        TableColumns.Required(e, "Hash"),
        e.GetDateTimeOffset("CreatedUtc") ?? throw new InvalidDataException($"Role key {e.RowKey} has no CreatedUtc."),
        e.GetDateTimeOffset("RevokedUtc"));
}
