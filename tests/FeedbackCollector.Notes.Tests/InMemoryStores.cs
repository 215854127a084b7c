using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Notes.Tests;

/// <summary>A response store in memory that can be told to fail after a number of writes.</summary>
internal sealed class MemoryResponses : IResponseRepository
{
    public ConcurrentDictionary<string, SurveyResponse> Items { get; } = new();

    public int FailAfterWrites { get; set; } = int.MaxValue;

    private int _writes;

    public Task<bool> TryAddAsync(SurveyResponse response, CancellationToken cancellationToken = default)
    {
        if (_writes >= FailAfterWrites)
        {
            throw new StorageUnavailableException("table down");
        }
        _writes++;
        return Task.FromResult(Items.TryAdd(response.Id, response));
    }

    public Task<SurveyResponse?> FindAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Items.GetValueOrDefault(id));

    public Task<bool> SaveAnalysisAsync(string id, ResponseAnalysis analysis, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public async IAsyncEnumerable<SurveyResponse> ListAsync(ResponseQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var r in Items.Values.Where(r => r.ReceivedUtc >= query.FromUtc && r.ReceivedUtc < query.ToUtc))
        {
            yield return r;
        }
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Items.TryRemove(id, out _));
}

internal sealed class MemoryQueue : IQueueSender
{
    public List<(string Queue, string Message)> Sent { get; } = [];

    public int FailAfter { get; set; } = int.MaxValue;

    public Task SendAsync(string queueName, string message, CancellationToken cancellationToken = default)
    {
        if (Sent.Count >= FailAfter)
        {
            throw new StorageUnavailableException("queue down");
        }
        Sent.Add((queueName, message));
        return Task.CompletedTask;
    }

    public Task SendAsync(string queueName, string message, TimeSpan visibilityDelay, CancellationToken cancellationToken = default) =>
        SendAsync(queueName, message, cancellationToken);
}

internal sealed class MemoryLedger : IUploadLedger
{
    public ConcurrentDictionary<string, UploadRecord> Items { get; } = new();

    private int _etag;

    public Task<bool> TryAddAsync(UploadRecord record, CancellationToken cancellationToken = default) =>
        Task.FromResult(Items.TryAdd(record.Hash, record with { ETag = (++_etag).ToString() }));

    public Task<UploadRecord?> FindAsync(string hash, CancellationToken cancellationToken = default) => Task.FromResult(Items.GetValueOrDefault(hash));

    public Task<UploadRecord> UpdateAsync(UploadRecord record, CancellationToken cancellationToken = default)
    {
        if (!Items.TryGetValue(record.Hash, out var current) || current.ETag != record.ETag)
        {
            throw new ConcurrencyConflictException("changed");
        }
        var updated = record with { ETag = (++_etag).ToString() };
        Items[record.Hash] = updated;
        return Task.FromResult(updated);
    }
}
