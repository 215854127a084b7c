using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace FeedbackCollector.Storage;

/// <summary>Reading what several table queries run in parallel write to one channel.</summary>
internal static class ChannelDrain
{
    /// <summary>
    /// Yields what parallel table queries write to <paramref name="reader"/>; when the caller is done (or stops early) it
    /// cancels the queries, waits for <paramref name="producer"/> and rethrows its failure unless the caller cancelled.
    /// </summary>
    internal static async IAsyncEnumerable<T> DrainAsync<T>(ChannelReader<T> reader, Task producer, CancellationTokenSource cts,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await foreach (var item in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            // Also reached when the caller stops early: stop the queries and wait for them.
            await cts.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }
        if (failure is not null && !(failure is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }
}
