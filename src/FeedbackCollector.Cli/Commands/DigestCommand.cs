using System.Diagnostics;
using System.Globalization;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Cli.Commands;

/// <summary>
/// <c>feedback digest</c>: builds the digest of any period from storage, stores it in the archive like the timer
/// does (the same period and data give the same bytes), and optionally writes the files to a folder.
/// </summary>
public sealed class DigestCommand : ICliCommand
{
    private readonly Func<string?, CancellationToken, Task<IServiceProvider>> _services;
    private readonly ICliFiles _files;
    private readonly TimeProvider _time;

    /// <summary>Uses storage configured from the environment, the disk and the clock.</summary>
    public DigestCommand()
        : this(CliServices.CreateAsync, DiskFiles.Instance, TimeProvider.System)
    {
    }

    /// <summary>Uses the services <paramref name="services"/> gives, <paramref name="files"/> and <paramref name="time"/> (tests).</summary>
    internal DigestCommand(Func<string?, CancellationToken, Task<IServiceProvider>> services, ICliFiles files, TimeProvider time)
    {
        _services = services;
        _files = files;
        _time = time;
    }

    /// <inheritdoc />
    public string Name => "digest";

    /// <inheritdoc />
    public string Summary => "Build and store the digest of a period (all formats); optionally write the files to a folder.";

    /// <inheritdoc />
    public string Usage => """
        Usage: feedback digest (--from yyyy-MM-dd --to yyyy-MM-dd | --quarter 2026-Q1) [--out DIR] [--connection CS]

          --from, --to   The first and last day of the period, both included (UTC).
          --quarter      A calendar quarter instead of --from/--to.
          --out DIR      Also write digest.html, digest.md, themes.csv, comments.csv and digest.json to DIR.

          --connection CS  A storage connection string. Default: the Storage environment variable (a connection string) or
                           Storage__tableServiceUri/queueServiceUri/blobServiceUri with an Azure identity, else Azurite.
                           TablePrefix and DigestContainer come from the environment when not the defaults; Digest__Title
                           sets the title.
        """;

    /// <inheritdoc />
    public async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        var from = args.Get("from");
        var to = args.Get("to");
        var quarterText = args.Get("quarter");
        var outDir = args.Get("out");
        var connection = args.Get("connection");
        args.RejectUnknown();
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
            from = q.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            to = q.End.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        if (from is null || to is null)
        {
            throw new CliUsageException("--from and --to (or --quarter) are required.");
        }
        var period = DigestPeriod.TryFromDates(from, to, _time.GetUtcNow(), out var errors)
                     ?? throw new CliUsageException(string.Join(" ", errors.Values));

        return await CliStorage.RunWithServicesAsync(console, _services, connection, async services =>
        {
            var producer = services.GetRequiredService<IDigestProducer>();
            var archive = services.GetRequiredService<IDigestArchive>();
            var watch = Stopwatch.StartNew();
            var files = await producer.ProduceAsync(period, cancellationToken);
            foreach (var f in files)
            {
                await archive.SaveAsync(DigestPaths.Folder(period) + f.Name, f.ContentType, f.Content, cancellationToken);
            }
            watch.Stop();
            if (outDir is not null)
            {
                _files.CreateDirectory(outDir);
                foreach (var f in files)
                {
                    await _files.WriteAllBytesAsync(Path.Combine(outDir, f.Name), f.Content, cancellationToken);
                }
            }
            await console.Out.WriteLineAsync($"Digest of {period.Label} ({period.Key}) stored in {DigestPaths.Folder(period)} in {watch.ElapsedMilliseconds:N0} ms:");
            foreach (var f in files)
            {
                await console.Out.WriteLineAsync($"  {f.Name,-14} {f.Content.Length,10:N0} bytes{(outDir is null ? "" : "  → " + Path.Combine(outDir, f.Name))}");
            }
            return 0;
        }, cancellationToken);
    }
}
