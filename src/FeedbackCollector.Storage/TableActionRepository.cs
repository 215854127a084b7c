using Azure.Data.Tables;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>"You said, we did" actions: partition = quarter (<c>2026-Q3</c>), row key = the action's id.</summary>
public sealed class TableActionRepository : IActionRepository
{
    private readonly TableClient _table;

    /// <summary>Uses the actions table named by <paramref name="names"/>.</summary>
    public TableActionRepository(TableServiceClient tables, IOptions<StorageNamesOptions> names)
    {
        _table = tables.GetTableClient(names.Value.ActionsTable);
    }

    /// <inheritdoc />
    public Task AddAsync(ActionRecord action, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("add action", async ct =>
        {
            ArgumentNullException.ThrowIfNull(action);
            var e = new TableEntity(action.Quarter.ToString(), action.Id)
            {
                ["ThemeId"] = action.ThemeId,
                ["YouSaid"] = action.YouSaid,
                ["WeDid"] = action.WeDid,
                ["RecordedBy"] = action.RecordedBy,
                ["RecordedUtc"] = action.RecordedUtc,
            };
            await _table.AddEntityAsync(e, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ActionRecord>> ListAsync(Quarter quarter, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync<IReadOnlyList<ActionRecord>>("list actions", async ct =>
        {
            var list = new List<ActionRecord>();
            var partition = quarter.ToString();
            await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: ct).ConfigureAwait(false))
            {
                list.Add(new ActionRecord
                {
                    Id = e.RowKey,
                    Quarter = quarter,
                    ThemeId = TableColumns.Required(e, "ThemeId"),
                    YouSaid = TableColumns.Required(e, "YouSaid"),
                    WeDid = TableColumns.Required(e, "WeDid"),
                    RecordedBy = TableColumns.Required(e, "RecordedBy"),
                    RecordedUtc = e.GetDateTimeOffset("RecordedUtc") ?? throw new InvalidDataException($"Action {e.RowKey} has no RecordedUtc."),
                });
            }
            return list;
        }, cancellationToken);
}
