using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>
/// Creates the tables, queues (with their poison queues) and digest container when missing. At start it retries with
/// back-off while storage (Azurite, or an account behind a starting network) is not answering, for up to
/// <see cref="StartTimeout"/>; after that the app starts anyway (health reports 503) and creation goes on in the
/// background until it succeeds. Refusals that retrying cannot fix (access denied, a bad name) fail the start.
/// </summary>
public sealed partial class StorageInitializer : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private readonly TableServiceClient _tables;
    private readonly QueueServiceClient _queues;
    private readonly BlobServiceClient _blobs;
    private readonly StorageNamesOptions _names;
    private readonly ILogger<StorageInitializer> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;

    /// <summary>Creates what <paramref name="names"/> names, with the three service clients.</summary>
    public StorageInitializer(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, IOptions<StorageNamesOptions> names, ILogger<StorageInitializer> logger)
    {
        _tables = tables;
        _queues = queues;
        _blobs = blobs;
        _names = names.Value;
        _logger = logger;
    }

    /// <summary>How long start waits for storage before letting the app start and carrying on in the background.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Completes once everything exists (faults when creation was refused).</summary>
    public Task Created => _created.Task;

    /// <summary>One pass: creates every table, queue and the container that is missing.</summary>
    /// <exception cref="StorageUnavailableException">Storage did not answer.</exception>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("create tables, queues and container", async ct =>
        {
            foreach (var table in _names.Tables)
            {
                await _tables.CreateTableIfNotExistsAsync(table, ct).ConfigureAwait(false);
            }
            foreach (var queue in _names.Queues)
            {
                await _queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            }
            await _blobs.GetBlobContainerClient(_names.DigestContainer).CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct).ConfigureAwait(false);
            await _blobs.GetBlobContainerClient(_names.DigestProjectionContainer).CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = CreateWithRetriesAsync(_stopping.Token);
        var finished = await Task.WhenAny(_loop, Task.Delay(StartTimeout, cancellationToken)).ConfigureAwait(false);
        if (finished == _loop)
        {
            await _loop.ConfigureAwait(false);
            return;
        }
        cancellationToken.ThrowIfCancellationRequested();
        LogStartingWithout(_logger, StartTimeout.TotalSeconds);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped while storage was still down: nothing to finish.
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private async Task CreateWithRetriesAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
                LogCreated(_logger, _names.TablePrefix, attempt, clock.ElapsedMilliseconds);
                _created.TrySetResult();
                return;
            }
            catch (StorageUnavailableException ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogNotReady(_logger, attempt, delay.TotalMilliseconds, ex.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _created.TrySetCanceled(cancellationToken);
                throw;
            }
            catch (Exception ex)
            {
                LogRefused(_logger, ex);
                _created.TrySetException(ex);
                throw;
            }
            try
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _created.TrySetCanceled(cancellationToken);
                throw;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: tables (prefix '{TablePrefix}'), queues and container exist after {Attempts} attempt(s) in {ElapsedMs} ms")]
    private static partial void LogCreated(ILogger logger, string tablePrefix, int attempts, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage not answering (attempt {Attempt}); retrying in {DelayMs} ms: {Reason}")]
    private static partial void LogNotReady(ILogger logger, int attempt, double delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage still not answering after {Seconds} s; starting without it and creating tables, queues and container when it answers")]
    private static partial void LogStartingWithout(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Storage refused to create the tables, queues or container; check the connection's permissions and the names")]
    private static partial void LogRefused(ILogger logger, Exception exception);
}
