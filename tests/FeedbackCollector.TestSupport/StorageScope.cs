using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.TestSupport;

/// <summary>
/// Unique storage names for one test (table prefix, analysis and alerts queues, digest container) with the settings
/// that select them; disposing deletes every table, queue (with its poison queue) and container of the scope.
/// </summary>
public sealed class StorageScope : IAsyncDisposable
{
    private readonly AzuriteFixture _azurite;

    internal StorageScope(AzuriteFixture azurite)
    {
        _azurite = azurite;
        Names = new StorageNamesOptions
        {
            TablePrefix = AzuriteFixture.NewTablePrefix(),
            AnalysisQueueName = AzuriteFixture.NewQueueName(),
            AlertsQueueName = AzuriteFixture.NewQueueName(),
            DigestContainer = AzuriteFixture.NewContainerName(),
        };
    }

    /// <summary>The scope's names.</summary>
    public StorageNamesOptions Names { get; }

    /// <summary>The emulator's connection string.</summary>
    public string ConnectionString => _azurite.ConnectionString;

    /// <summary>Configuration keys that select the emulator and this scope's names (for an in-memory configuration).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage"] = _azurite.ConnectionString,
        ["TablePrefix"] = Names.TablePrefix,
        ["AnalysisQueueName"] = Names.AnalysisQueueName,
        ["AlertsQueueName"] = Names.AlertsQueueName,
        ["DigestContainer"] = Names.DigestContainer,
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _azurite.DeleteTablesAsync(Names.TablePrefix).ConfigureAwait(false);
        await _azurite.DeleteQueuesAsync(Names.AnalysisQueueName, Names.ReanalysisQueueName, Names.AlertsQueueName).ConfigureAwait(false);
        await _azurite.DeleteContainerAsync(Names.DigestContainer).ConfigureAwait(false);
        await _azurite.DeleteContainerAsync(Names.DigestProjectionContainer).ConfigureAwait(false);
    }
}
