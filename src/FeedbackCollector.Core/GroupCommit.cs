namespace FeedbackCollector.Core;

/// <summary>
/// Group commit: items added while a commit is in flight wait, then go together in the next one. There is no timer: an
/// item added when nothing is being committed goes at once, alone, so a lone caller waits for one commit; under load each
/// commit carries what arrived during the one before. For storage operations that cost the same whatever they carry
/// (a queue message, an append to a blob), this turns many requests into few. <see cref="AddAsync"/> completes only once
/// the commit carrying its item succeeded, and fails with that commit's fault for every item in it: nothing is
/// acknowledged that was not written.
/// </summary>
/// <typeparam name="T">What is committed.</typeparam>
public sealed class GroupCommit<T>
{
    private readonly Func<IReadOnlyList<T>, Task> _commit;
    private readonly int _maxItems;
    private readonly int _maxConcurrent;
    private readonly Func<T, long>? _size;
    private readonly long _maxSize;
    private readonly Lock _gate = new();
    // Items waiting for a commit, oldest first. Guarded by _gate.
    private readonly LinkedList<Waiter> _pending = new();
    // Commit loops running (each drains _pending). Guarded by _gate.
    private int _committers;

    /// <summary>Commits with <paramref name="commit"/>, at most <paramref name="maxItems"/> items a commit.</summary>
    /// <param name="commit">Writes a batch (in the order added); it must not depend on any one caller's cancellation.</param>
    /// <param name="maxItems">The most items one commit carries.</param>
    /// <param name="maxConcurrent">
    /// The most commits in flight at once. A further commit starts only while a full batch waits behind those in flight, so at
    /// ordinary load one commit is in flight and what arrives meanwhile shares the next.
    /// </param>
    /// <param name="size">The size of an item, when commits are also bounded by <paramref name="maxSize"/>.</param>
    /// <param name="maxSize">The most total size a commit carries (an item larger than this goes alone).</param>
    public GroupCommit(Func<IReadOnlyList<T>, Task> commit, int maxItems, int maxConcurrent = 1, Func<T, long>? size = null, long maxSize = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 1);
        (_commit, _maxItems, _maxConcurrent, _size, _maxSize) = (commit, maxItems, maxConcurrent, size, maxSize);
    }

    /// <summary>
    /// Adds <paramref name="item"/>; completes once a commit carrying it succeeded. Cancelling while the item still waits
    /// takes it out (it is not committed); cancelling once its commit is running stops the wait only.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public Task AddAsync(T item, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiter = new Waiter(item);
        bool start;
        lock (_gate)
        {
            waiter.Node = _pending.AddLast(waiter);
            start = _committers == 0 || (_committers < _maxConcurrent && _pending.Count >= _maxItems);
            if (start)
            {
                _committers++;
            }
        }
        if (start)
        {
            // Runs synchronously up to the first commit: an item added when idle is committed at once.
            _ = CommitLoopAsync();
        }
        return cancellationToken.CanBeCanceled ? WaitAsync(waiter, cancellationToken) : waiter.Done.Task;
    }

    private async Task WaitAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        try
        {
            await waiter.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !waiter.Done.Task.IsCompleted)
        {
            lock (_gate)
            {
                if (waiter.Node?.List is not null)
                {
                    // Not taken by a commit yet: it will not be committed.
                    _pending.Remove(waiter.Node);
                    waiter.Node = null;
                }
            }
            throw;
        }
    }

    private async Task CommitLoopAsync()
    {
        while (true)
        {
            var batch = new List<Waiter>();
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _committers--;
                    return;
                }
                long total = 0;
                while (batch.Count < _maxItems && _pending.First is { } first)
                {
                    var size = _size?.Invoke(first.Value.Item) ?? 0;
                    if (batch.Count > 0 && total + size > _maxSize)
                    {
                        break;
                    }
                    total += size;
                    _pending.RemoveFirst();
                    first.Value.Node = null;
                    batch.Add(first.Value);
                }
            }
            try
            {
                var items = new T[batch.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = batch[i].Item;
                }
                await _commit(items).ConfigureAwait(false);
                foreach (var w in batch)
                {
                    w.Done.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                // Every item of the commit fails alike: each caller answers as for its own failed write.
                foreach (var w in batch)
                {
                    w.Done.TrySetException(ex);
                }
            }
        }
    }

    private sealed class Waiter(T item)
    {
        public T Item { get; } = item;

        // Continuations run on the pool, not inline in the commit loop, so the next commit is not held up by callers.
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Its place in the pending list while it waits there; null once taken. Guarded by the owner's lock.
        public LinkedListNode<Waiter>? Node { get; set; }
    }
}
