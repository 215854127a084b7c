using System.Diagnostics;
using System.Globalization;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Cli.Commands;

/// <summary>
/// <c>feedback projection</c>: rebuilds the digest projection of a period from the responses table — for data
/// stored before the projection existed, or after a write of it failed for good. Reads the whole period from the
/// responses table, so it takes as long as a digest used to.
/// </summary>
public sealed class ProjectionCommand : ICliCommand
{
    private readonly Func<string?, CancellationToken, Task<IServiceProvider>> _services;

    /// <summary>Uses storage configured from the environment.</summary>
    public ProjectionCommand()
        : this(CliServices.CreateAsync)
    {
    }

    /// <summary>Uses the services <paramref name="services"/> gives (tests).</summary>
    internal ProjectionCommand(Func<string?, CancellationToken, Task<IServiceProvider>> services) => _services = services;

    /// <inheritdoc />
    public string Name => "projection";

    /// <inheritdoc />
    public string Summary => "Rebuild the digest projection of a period from the responses table (after an upgrade or a failure).";

    /// <inheritdoc />
    public string Usage => """
        Usage: feedback projection (--quarter 2026-Q1 | --from yyyy-MM-dd --to yyyy-MM-dd) [--connection CS]

          --quarter      A calendar quarter.
          --from, --to   The first and last day, both included (UTC).

        Writes an entry for every response stored in the period and removes entries whose response is gone. Run it once
        for every quarter stored before this version (the digest reads the projection), and for a period whose analysis
        messages ended in the poison queue or whose withdrawal failed. Safe to run again, and while the app runs.

          --connection CS  A storage connection string. Default: the Storage environment variable (a connection string) or
                           Storage__tableServiceUri/queueServiceUri/blobServiceUri with an Azure identity, else Azurite.
        Exit codes: 0 done, 2 usage, 3 storage unavailable.
        """;

    /// <inheritdoc />
    public async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var from = args.Get("from");
        var to = args.Get("to");
        var quarterText = args.Get("quarter");
        var connection = args.Get("connection");
        args.RejectUnknown();
        DateTimeOffset fromUtc, toUtc;
        if (quarterText is not null)
        {
            if (from is not null || to is not null)
            {
                throw new CliUsageException("Give either --quarter or --from and --to.");
            }
            if (!Core.Responses.Quarter.TryParse(quarterText, out var q))
            {
                throw new CliUsageException("--quarter is like 2026-Q1.");
            }
            (fromUtc, toUtc) = (q.Start, q.End);
        }
        else if (from is null || to is null)
        {
            throw new CliUsageException("--quarter, or --from and --to, are required.");
        }
        else
        {
            fromUtc = Day(from, "from");
            toUtc = Day(to, "to").AddDays(1);
            if (toUtc <= fromUtc)
            {
                throw new CliUsageException("--to must not be before --from.");
            }
        }

        return await CliStorage.RunWithServicesAsync(console, _services, connection, async services =>
        {
            var rebuilder = new DigestProjectionRebuilder(services.GetRequiredService<IResponseRepository>(), services.GetRequiredService<IDigestProjection>());
            var watch = Stopwatch.StartNew();
            var done = await rebuilder.RebuildAsync(fromUtc, toUtc, cancellationToken);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Digest projection of {fromUtc:yyyy-MM-dd} to {toUtc.AddDays(-1):yyyy-MM-dd} rebuilt in {watch.Elapsed.TotalSeconds:N1} s: {done.Responses:N0} responses written, {done.Removed:N0} entries of responses no longer stored removed."));
            return 0;
        }, cancellationToken);
    }

    private static DateTimeOffset Day(string text, string name) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)
            ? d
            : throw new CliUsageException($"--{name} '{text}' is not a date such as 2026-07-01.");
}
