using System.Globalization;

namespace FeedbackCollector.Cli.Commands;

/// <summary>
/// <c>feedback poison list|requeue</c>: messages the Functions host gave up on (moved to <c>{queue}-poison</c>).
/// Requeue sends each back to the main queue before deleting it, so a crash duplicates rather than loses one.
/// </summary>
public sealed class PoisonCommand : ICliCommand
{
    private const int PeekLimit = 32;
    private readonly ICliStorage _storage;

    /// <summary>The command with storage from the environment.</summary>
    public PoisonCommand()
        : this(new CliStorage())
    {
    }

    /// <summary>The command with the given storage.</summary>
    public PoisonCommand(ICliStorage storage)
    {
        _storage = storage;
    }

    /// <inheritdoc />
    public string Name => "poison";

    /// <inheritdoc />
    public string Summary => "List or requeue messages that failed too often.";

    /// <inheritdoc />
    public string Usage => """
        Usage:
          feedback poison list    [--queue NAME] [--max 1-32]
          feedback poison requeue [--queue NAME] [--max N]
        Options:
          --queue NAME      The main queue (default: the AnalysisQueueName environment variable, else 'analysis');
                            its poison queue is NAME-poison.
          --max N           list: at most N messages (at most 32, the default). requeue: at most N (default: all).
          --connection CS   Storage connection string (default: the Storage environment variable, or
                            Storage__queueServiceUri... for an Azure identity, else UseDevelopmentStorage=true).
        Exit codes: 0 done, 2 usage, 3 storage unavailable.
        """;

    /// <inheritdoc />
    public Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positionals.Count != 1)
        {
            throw new CliUsageException("Give one action: list or requeue.");
        }
        var action = args.Positionals[0];
        if (action is not ("list" or "requeue"))
        {
            throw new CliUsageException($"Unknown action '{action}': use list or requeue.");
        }
        var queue = args.Get("queue") ?? _storage.AnalysisQueueName;
        if (string.IsNullOrWhiteSpace(queue))
        {
            throw new CliUsageException("--queue needs a queue name.");
        }
        var max = ParseMax(args.Get("max"), action == "list" ? PeekLimit : int.MaxValue);
        if (action == "list" && max > PeekLimit)
        {
            throw new CliUsageException($"list shows at most {PeekLimit} messages (a peek's limit); use --max 1 to {PeekLimit}.");
        }
        var connection = args.Get("connection");
        args.RejectUnknown();
        return action == "list"
            ? CliStorage.RunAsync(console, () => ListAsync(queue, max, connection, console, cancellationToken))
            : CliStorage.RunAsync(console, () => RequeueAsync(queue, max, connection, console, cancellationToken));
    }

    private async Task<int> ListAsync(string queue, int max, string? connection, CliConsole console, CancellationToken cancellationToken)
    {
        var messages = await _storage.OpenPoisonQueues(connection).PeekAsync(queue, max, cancellationToken);
        if (messages.Count == 0)
        {
            await console.Error.WriteLineAsync($"No messages in {queue}-poison.");
            return 0;
        }
        await console.Out.WriteLineAsync($"{"MESSAGE ID",-36}  {"INSERTED (UTC)",-19}  {"TRIES",5}  BODY");
        foreach (var m in messages)
        {
            var inserted = m.InsertedUtc?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";
            // Bodies are ids, never text; cut anything unexpected so a stray message cannot flood the terminal.
            var body = m.Body.Length > 120 ? m.Body[..120] + "…" : m.Body;
            await console.Out.WriteLineAsync($"{m.MessageId,-36}  {inserted,-19}  {m.DequeueCount,5}  {body.ReplaceLineEndings(" ")}");
        }
        await console.Error.WriteLineAsync(messages.Count == max
            ? $"Showing the first {messages.Count} messages of {queue}-poison; there may be more."
            : $"{messages.Count} message(s) in {queue}-poison.");
        return 0;
    }

    private async Task<int> RequeueAsync(string queue, int max, string? connection, CliConsole console, CancellationToken cancellationToken)
    {
        var moved = await _storage.OpenPoisonQueues(connection).RequeueAsync(queue, max, cancellationToken);
        await console.Out.WriteLineAsync($"Requeued {moved} message(s) from {queue}-poison to {queue}.");
        return 0;
    }

    private static int ParseMax(string? text, int fallback)
    {
        if (text is null)
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < 1)
        {
            throw new CliUsageException($"--max '{text}' is not a positive whole number.");
        }
        return max;
    }
}
