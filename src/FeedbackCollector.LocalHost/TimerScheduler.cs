using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace FeedbackCollector.LocalHost;

/// <summary>Fires a timer-triggered function on its NCRONTAB schedule (UTC, with seconds when six fields), as the Functions host does.</summary>
public sealed partial class TimerScheduler(
    FunctionDescriptor function,
    IServiceProvider services,
    TimeProvider time,
    ILogger<TimerScheduler> logger) : BackgroundService
{
    /// <summary>Parses an NCRONTAB expression of five or six fields; throws with the function's name when it is not one.</summary>
    public static CrontabSchedule Parse(string expression, string functionName)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 })
               ?? throw new InvalidOperationException($"Function {functionName}: '{expression}' is not an NCRONTAB schedule (for example '0 0 6 1 1,4,7,10 *').");
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = Parse(function.Schedule!, function.Name);
        DateTime? last = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            LogNext(logger, function.Name, next);
            try
            {
                // A quarter is longer than Task.Delay's limit (about 49 days), so wait a day at a time.
                while (time.GetUtcNow().UtcDateTime < next)
                {
                    var wait = next - time.GetUtcNow().UtcDateTime;
                    await Task.Delay(wait > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : wait, time, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var info = new TimerInfo
            {
                IsPastDue = false,
                ScheduleStatus = new ScheduleStatus { Last = last ?? DateTime.MinValue, Next = schedule.GetNextOccurrence(next), LastUpdated = next },
            };
            try
            {
                await FunctionInvoker.InvokeTimerAsync(function, services, info, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex, function.Name);
            }
            last = next;
        }
    }

    [LoggerMessage(LogLevel.Information, "Timer {Function} next fires at {Next:u}")]
    private static partial void LogNext(ILogger logger, string function, DateTime next);

    [LoggerMessage(LogLevel.Error, "Timer {Function} failed; it fires again on schedule")]
    private static partial void LogFailed(ILogger logger, Exception ex, string function);
}
