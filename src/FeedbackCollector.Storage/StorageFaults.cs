using System.Net.Sockets;
using Azure;
using Azure.Data.Tables;
using Azure.Identity;
using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Storage;

/// <summary>
/// Tells transport failures (storage down, unreachable, overloaded, timing out) from answers (not found, conflict,
/// precondition failed), and turns the former into <see cref="StorageUnavailableException"/> so the caller answers 503.
/// </summary>
public static class StorageFaults
{
    /// <summary>
    /// True when <paramref name="exception"/> means storage could not be reached or did not answer properly: a
    /// <see cref="RequestFailedException"/> with status 0, 408, 429 or 5xx, an HTTP, socket or I/O failure, a timeout, a
    /// cancellation that <paramref name="callerToken"/> did not ask for, a credential that could not get a token, or an
    /// aggregate (the SDK's "retry failed") of only such failures.
    /// </summary>
    public static bool IsUnavailable(Exception exception, CancellationToken callerToken = default) => exception switch
    {
        RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        // The SDK's network timeout surfaces as a cancellation; only the caller's own token means "stop".
        OperationCanceledException => !callerToken.IsCancellationRequested,
        AuthenticationFailedException => true,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(i => IsUnavailable(i, callerToken)),
        _ => false,
    };

    /// <summary>The exception to throw for a transport failure of <paramref name="operation"/>.</summary>
    public static StorageUnavailableException Unavailable(string operation, Exception inner) =>
        new($"Storage is unavailable ({operation}): {Describe(inner)}", inner);

    /// <summary>Runs a storage call, translating transport failures into <see cref="StorageUnavailableException"/>.</summary>
    public static async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            throw Unavailable(operation, ex);
        }
    }

    /// <summary>Runs a storage call without a result, translating transport failures.</summary>
    public static async Task RunAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            throw Unavailable(operation, ex);
        }
    }

    /// <summary>True for a 409 (the item exists).</summary>
    internal static bool IsConflict(RequestFailedException ex) => ex.Status == 409;

    /// <summary>
    /// Adds <paramref name="entity"/> unless an entity with its keys exists: true when added, false when it was there
    /// (a retried add of the same record reports false rather than failing).
    /// </summary>
    internal static async Task<bool> TryAddEntityAsync(TableClient table, ITableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (IsConflict(ex))
        {
            return false;
        }
    }

    /// <summary>True for a 412 (ETag no longer matches).</summary>
    internal static bool IsPreconditionFailed(RequestFailedException ex) => ex.Status == 412;

    /// <summary>True for a 404.</summary>
    internal static bool IsNotFound(RequestFailedException ex) => ex.Status == 404;

    /// <summary>One line about the innermost cause, without the SDK's multi-line request dump.</summary>
    private static string Describe(Exception ex)
    {
        var e = ex;
        while (e is AggregateException { InnerExceptions.Count: > 0 } a)
        {
            e = a.InnerExceptions[^1];
        }
        var text = e switch
        {
            RequestFailedException { Status: 0 } r => (r.InnerException ?? r).Message,
            RequestFailedException r => $"status {r.Status} {r.ErrorCode}",
            OperationCanceledException => "timed out",
            _ => e.Message,
        };
        var line = text.AsSpan();
        var nl = line.IndexOfAny('\r', '\n');
        return (nl >= 0 ? line[..nl] : line).Trim().ToString();
    }
}
