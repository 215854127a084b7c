using System.Globalization;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;

namespace FeedbackCollector.Cli.Commands;

/// <summary>
/// <c>feedback reanalyse</c>: queues stored responses of a period for analysis again — those never analysed (a response
/// stored while the queue was down), or with <c>--all</c> every one (after a taxonomy change).
/// </summary>
[CliFlags("all")]
public sealed class ReanalyseCommand : ICliCommand
{
    private readonly ICliStorage _storage;

    /// <summary>The command with storage from the environment.</summary>
    public ReanalyseCommand()
        : this(new CliStorage())
    {
    }

    /// <summary>The command with the given storage.</summary>
    public ReanalyseCommand(ICliStorage storage) => _storage = storage;

    /// <inheritdoc />
    public string Name => "reanalyse";

    /// <inheritdoc />
    public string Summary => "Queue stored responses of a period for analysis (unanalysed ones, or --all).";

    /// <inheritdoc />
    public string Usage => """
        Usage:
          feedback reanalyse --from 2026-07-01 --to 2026-10-01 [--survey CODE] [--all]
        Queues the ids of responses received in [from, to) that have no analysis yet; with --all, every one of them
        (the analysis function skips none when the analyzer or taxonomy version changed, and re-does nothing otherwise).
        Options:
          --connection CS   Storage connection string (default: the Storage environment variable, else UseDevelopmentStorage=true).
        Exit codes: 0 done, 2 usage, 3 storage unavailable.
        """;

    /// <inheritdoc />
    public Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var from = Date(args.Require("from"), "from");
        var to = Date(args.Require("to"), "to");
        if (to <= from)
        {
            throw new CliUsageException("--to must be after --from.");
        }
        var survey = args.Get("survey");
        var all = args.Has("all");
        var connection = args.Get("connection");
        args.RejectUnknown();
        return CliStorage.RunAsync(console, async () =>
        {
            var (responses, queue) = _storage.OpenResponses(connection);
            int seen = 0, queued = 0;
            await foreach (var r in responses.ListAsync(new ResponseQuery(from, to, survey), cancellationToken))
            {
                seen++;
                if (all || r.Analysis is null)
                {
                    await queue.SendAsync(_storage.AnalysisQueueName, r.Id, cancellationToken);
                    queued++;
                }
            }
            await console.Error.WriteLineAsync($"{seen} responses in the period; {queued} queued for analysis.");
            return 0;
        });
    }

    private static DateTimeOffset Date(string text, string name) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)
            ? d
            : throw new CliUsageException($"--{name} '{text}' is not a date such as 2026-07-01.");
}
