using System.Globalization;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Security;

namespace FeedbackCollector.Cli.Commands;

/// <summary>
/// <c>feedback keys issue|list|revoke</c>: staff role keys. A key is printed once, at issue; only its salted hash is stored.
/// </summary>
public sealed class KeysCommand : ICliCommand
{
    private const int IssueAttempts = 3;
    private readonly ICliStorage _storage;
    private readonly TimeProvider _time;

    /// <summary>The command with storage from the environment.</summary>
    public KeysCommand()
        : this(new CliStorage(), TimeProvider.System)
    {
    }

    /// <summary>The command with the given storage and clock.</summary>
    public KeysCommand(ICliStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    /// <inheritdoc />
    public string Name => "keys";

    /// <inheritdoc />
    public string Summary => "Issue, list and revoke staff role keys.";

    /// <inheritdoc />
    public string Usage => """
        Usage:
          feedback keys issue --role officer|facilitator|safeguarding --label "Who holds it"
          feedback keys list
          feedback keys revoke --id KEYID
        Options:
          --connection CS   Storage connection string (default: the Storage environment variable, or
                            Storage__tableServiceUri... for an Azure identity, else UseDevelopmentStorage=true).
        'issue' prints the key once on standard output; only a salted hash is stored, so it cannot be shown again.
        Exit codes: 0 done, 1 no such key, 2 usage, 3 storage unavailable.
        """;

    /// <inheritdoc />
    public Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positionals.Count != 1)
        {
            throw new CliUsageException("Give one action: issue, list or revoke.");
        }
        var connection = args.Get("connection");
        return args.Positionals[0] switch
        {
            "issue" => IssueAsync(args, connection, console, cancellationToken),
            "list" => ListAsync(args, connection, console, cancellationToken),
            "revoke" => RevokeAsync(args, connection, console, cancellationToken),
            var other => throw new CliUsageException($"Unknown action '{other}': use issue, list or revoke."),
        };
    }

    private Task<int> IssueAsync(CliArgs args, string? connection, CliConsole console, CancellationToken cancellationToken)
    {
        var roleText = args.Require("role");
        if (!FeedbackJson.TryParseWireName<StaffRole>(roleText, out var role))
        {
            throw new CliUsageException($"--role '{roleText}' is not one of: officer, facilitator, safeguarding.");
        }
        var label = args.Require("label");
        if (string.IsNullOrWhiteSpace(label) || label.Trim().Length > 100)
        {
            throw new CliUsageException("--label is 1 to 100 characters saying who holds the key.");
        }
        args.RejectUnknown();
        return CliStorage.RunAsync(console, async () =>
        {
            var keys = await _storage.OpenRoleKeysAsync(connection, cancellationToken);
            for (var attempt = 0; attempt < IssueAttempts; attempt++)
            {
                var (key, record) = RoleKeys.Issue(role, label, _time.GetUtcNow());
                // A key id collision (48 random bits) is astronomically rare; issue another rather than overwrite.
                if (await keys.TryAddAsync(record, cancellationToken))
                {
                    await console.Out.WriteLineAsync(key);
                    await console.Error.WriteLineAsync(
                        $"Issued {FeedbackJson.WireName(role)} key {record.KeyId} for \"{record.Label}\". Store it now: it is shown only once.");
                    return 0;
                }
            }
            await console.Error.WriteLineAsync("Could not find a free key id; try again.");
            return 1;
        });
    }

    private Task<int> ListAsync(CliArgs args, string? connection, CliConsole console, CancellationToken cancellationToken)
    {
        args.RejectUnknown();
        return CliStorage.RunAsync(console, async () =>
        {
            var keys = await _storage.OpenRoleKeysAsync(connection, cancellationToken);
            var records = (await keys.ListAsync(cancellationToken)).OrderBy(r => r.CreatedUtc).ThenBy(r => r.KeyId, StringComparer.Ordinal).ToList();
            if (records.Count == 0)
            {
                await console.Error.WriteLineAsync("No keys issued.");
                return 0;
            }
            await console.Out.WriteLineAsync($"{"KEY ID",-12}  {"ROLE",-12}  {"CREATED (UTC)",-16}  {"STATUS",-24}  LABEL");
            foreach (var r in records)
            {
                var status = r.RevokedUtc is { } at ? "revoked " + Stamp(at) : "active";
                await console.Out.WriteLineAsync($"{r.KeyId,-12}  {FeedbackJson.WireName(r.Role),-12}  {Stamp(r.CreatedUtc),-16}  {status,-24}  {r.Label}");
            }
            return 0;
        });
    }

    private Task<int> RevokeAsync(CliArgs args, string? connection, CliConsole console, CancellationToken cancellationToken)
    {
        var id = args.Require("id").Trim();
        args.RejectUnknown();
        return CliStorage.RunAsync(console, async () =>
        {
            var keys = await _storage.OpenRoleKeysAsync(connection, cancellationToken);
            if (!await keys.RevokeAsync(id, _time.GetUtcNow(), cancellationToken))
            {
                await console.Error.WriteLineAsync($"No key with id '{id}'. 'feedback keys list' shows the ids.");
                return 1;
            }
            await console.Out.WriteLineAsync($"Revoked key {id}.");
            return 0;
        });
    }

    private static string Stamp(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
