namespace FeedbackCollector.Core.Tests;

/// <summary>
/// The size bound of <see cref="GroupCommit{T}"/> (its count bound, ordering, failure and cancellation are covered through
/// the analysis queue's coalescer in <see cref="AnalysisQueueCoalescerTests"/>).
/// </summary>
public class GroupCommitTests
{
    [Fact]
    public async Task Items_waiting_behind_a_commit_are_grouped_up_to_the_size_limit_and_an_oversized_one_goes_alone()
    {
        var gate = new TaskCompletionSource();
        var commits = new List<string[]>();
        var group = new GroupCommit<string>(async items =>
        {
            lock (commits)
            {
                commits.Add([.. items]);
            }
            await gate.Task;
        }, maxItems: 100, size: s => s.Length, maxSize: 10);

        var first = group.AddAsync("a");
        var waiting = new[] { "bbbb", "cccc", "dd", "eeeeeeeeeeeeeeee", "f" }.Select(s => group.AddAsync(s)).ToArray();
        Assert.False(first.IsCompleted);
        gate.SetResult();
        await Task.WhenAll(waiting.Append(first));

        // "bbbb"+"cccc"+"dd" is 10: full. The 16-character item exceeds the limit on its own, so it goes alone, then "f".
        Assert.Equal([["a"], ["bbbb", "cccc", "dd"], ["eeeeeeeeeeeeeeee"], ["f"]], commits);
    }

    [Fact]
    public void Limits_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GroupCommit<int>(_ => Task.CompletedTask, maxItems: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GroupCommit<int>(_ => Task.CompletedTask, maxItems: 1, maxConcurrent: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GroupCommit<int>(_ => Task.CompletedTask, maxItems: 1, maxSize: 0));
    }
}
