using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>
/// One cheap call to each service, in parallel, each cut short after <see cref="Timeout"/>: read one row key of the
/// surveys table, the analysis queue's properties and the digest container's properties. Only the data-plane
/// permissions the app already has are needed. A missing table, queue or container counts as unhealthy (not yet created).
/// </summary>
public sealed partial class StorageHealth : IStorageHealth
{
    /// <summary>How long each check may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private static readonly string[] KeyOnly = ["PartitionKey"];
    private readonly TableClient _table;
    private readonly QueueClient _queue;
    private readonly BlobContainerClient _container;
    private readonly ILogger<StorageHealth> _logger;

    /// <summary>Checks the resources named by <paramref name="names"/>.</summary>
    public StorageHealth(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, IOptions<StorageNamesOptions> names, ILogger<StorageHealth> logger)
    {
        var n = names.Value;
        _table = tables.GetTableClient(n.SurveysTable);
        _queue = queues.GetQueueClient(n.AnalysisQueueName);
        _container = blobs.GetBlobContainerClient(n.DigestContainer);
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<string?> CheckAsync(CancellationToken cancellationToken = default)
    {
        var results = await Task.WhenAll(
            CheckOneAsync("tables", async ct =>
            {
                await using var pages = _table.QueryAsync<TableEntity>(maxPerPage: 1, select: KeyOnly, cancellationToken: ct).AsPages().GetAsyncEnumerator(ct);
                await pages.MoveNextAsync().ConfigureAwait(false);
            }, cancellationToken),
            CheckOneAsync("queues", ct => _queue.GetPropertiesAsync(ct), cancellationToken),
            CheckOneAsync("blobs", ct => _container.GetPropertiesAsync(cancellationToken: ct), cancellationToken)).ConfigureAwait(false);
        var failed = results.Where(r => r is not null).ToList();
        return failed.Count == 0 ? null : string.Join("; ", failed);
    }

    private async Task<string?> CheckOneAsync(string service, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Timeout);
        try
        {
            await call(cts.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex, cancellationToken) || ex is RequestFailedException)
        {
            var reason = ex switch
            {
                RequestFailedException { Status: 404 } => "not created yet",
                RequestFailedException { Status: 401 or 403 } r => $"access denied ({r.Status})",
                RequestFailedException { Status: > 0 } r => $"status {r.Status}",
                OperationCanceledException => $"no answer within {Timeout.TotalSeconds:0}s",
                _ => "unreachable",
            };
            LogUnhealthy(_logger, service, reason);
            return $"{service}: {reason}";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage health: {Service} failed: {Reason}")]
    private static partial void LogUnhealthy(ILogger logger, string service, string reason);
}
