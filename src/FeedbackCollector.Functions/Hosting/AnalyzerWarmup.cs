using FeedbackCollector.Core.Analysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeedbackCollector.Functions.Hosting;

/// <summary>
/// Builds the analyzer (taxonomy, lexicons) while the host starts, so the first queued response is not kept waiting
/// and a broken taxonomy file stops the start with its message instead of failing every message later.
/// </summary>
public sealed class AnalyzerWarmup(IServiceProvider services) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<ITextAnalyzer>().Info;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
