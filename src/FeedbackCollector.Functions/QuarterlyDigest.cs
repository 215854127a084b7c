using FeedbackCollector.Core.Digests;
using Microsoft.Azure.Functions.Worker;

namespace FeedbackCollector.Functions;

/// <summary>Timer trigger: writes the digest of the quarter just ended (schedule from the DigestSchedule setting).</summary>
public sealed class QuarterlyDigest(QuarterlyDigestHandler handler)
{
    /// <summary>Default schedule: 06:00 UTC on the first day of January, April, July and October (NCRONTAB, with seconds).</summary>
    public const string DefaultSchedule = "0 0 6 1 1,4,7,10 *";

    /// <summary>Digests the previous quarter.</summary>
    [Function(nameof(QuarterlyDigest))]
    public Task Run([TimerTrigger("%DigestSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.RunScheduledAsync(cancellationToken);
}
