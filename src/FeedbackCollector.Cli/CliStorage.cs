using Azure;
using Azure.Data.Tables;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Cli;

/// <summary>What the storage commands need, replaceable in tests.</summary>
public interface ICliStorage
{
    /// <summary>The configured analysis queue (the default of <c>--queue</c>).</summary>
    string AnalysisQueueName { get; }

    /// <summary>The role keys, with their table created if missing.</summary>
    /// <param name="connection">The <c>--connection</c> option, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IRoleKeyRepository> OpenRoleKeysAsync(string? connection, CancellationToken cancellationToken);

    /// <summary>The poison queues.</summary>
    /// <param name="connection">The <c>--connection</c> option, or null.</param>
    IPoisonQueueAdmin OpenPoisonQueues(string? connection);

    /// <summary>The survey definitions, with their table created if missing.</summary>
    /// <param name="connection">The <c>--connection</c> option, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ISurveyRepository> OpenSurveysAsync(string? connection, CancellationToken cancellationToken);

    /// <summary>The stored responses and a sender for the analysis queue (to re-analyse them).</summary>
    /// <param name="connection">The <c>--connection</c> option, or null.</param>
    (IResponseRepository Responses, IQueueSender Queue) OpenResponses(string? connection);
}

/// <summary>
/// Storage for the CLI. The connection is <c>--connection</c>, else the <c>Storage</c> environment variable (a connection
/// string) or <c>Storage__tableServiceUri</c>, <c>Storage__queueServiceUri</c>, <c>Storage__blobServiceUri</c> (identity),
/// else <c>UseDevelopmentStorage=true</c> (Azurite on its default ports). Names (TablePrefix, AnalysisQueueName...) come
/// from environment variables of those names, as in the app.
/// </summary>
public sealed class CliStorage(IConfiguration configuration) : ICliStorage
{
    /// <summary>Exit code when storage cannot be reached.</summary>
    public const int UnavailableExitCode = 3;

    /// <summary>Storage configured from the environment.</summary>
    public CliStorage()
        : this(new ConfigurationBuilder().AddEnvironmentVariables().Build())
    {
    }

    private StorageNamesOptions Names { get; } = StorageServiceCollectionExtensions.ReadStorageNames(configuration);

    /// <inheritdoc />
    public string AnalysisQueueName => Names.AnalysisQueueName;

    /// <summary>Chooses the connection: the option, else configuration, else the local emulator.</summary>
    /// <exception cref="CliUsageException">The chosen connection is not usable; the message says why.</exception>
    public static StorageConnectionOptions ResolveConnection(string? connectionOption, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        StorageConnectionOptions options;
        if (!string.IsNullOrWhiteSpace(connectionOption))
        {
            options = new StorageConnectionOptions { Name = "--connection", ConnectionString = connectionOption.Trim() };
        }
        else
        {
            options = StorageConnectionOptions.FromConfiguration(configuration);
            if (options is { ConnectionString: null, TableServiceUri: null, QueueServiceUri: null, BlobServiceUri: null, ClientId: null })
            {
                options.ConnectionString = "UseDevelopmentStorage=true";
            }
        }
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new CliUsageException(string.Join(" ", errors));
        }
        return options;
    }

    /// <inheritdoc />
    public async Task<IRoleKeyRepository> OpenRoleKeysAsync(string? connection, CancellationToken cancellationToken)
    {
        var tables = StorageClientFactory.CreateTableServiceClient(ResolveConnection(connection, configuration));
        // The app creates its tables at start; the CLI may run before the app ever has.
        await StorageFaults.RunAsync("create role keys table", ct => tables.CreateTableIfNotExistsAsync(Names.RoleKeysTable, ct), cancellationToken).ConfigureAwait(false);
        return new TableRoleKeyRepository(tables, Microsoft.Extensions.Options.Options.Create(Names));
    }

    /// <inheritdoc />
    public async Task<ISurveyRepository> OpenSurveysAsync(string? connection, CancellationToken cancellationToken)
    {
        var tables = StorageClientFactory.CreateTableServiceClient(ResolveConnection(connection, configuration));
        await StorageFaults.RunAsync("create surveys table", ct => tables.CreateTableIfNotExistsAsync(Names.SurveysTable, ct), cancellationToken).ConfigureAwait(false);
        return new BuiltInSurveyRepository(new TableSurveyRepository(tables, Microsoft.Extensions.Options.Options.Create(Names)));
    }

    /// <inheritdoc />
    public (IResponseRepository Responses, IQueueSender Queue) OpenResponses(string? connection)
    {
        var options = ResolveConnection(connection, configuration);
        return (new TableResponseRepository(StorageClientFactory.CreateTableServiceClient(options), Microsoft.Extensions.Options.Options.Create(Names)),
                new StorageQueueSender(StorageClientFactory.CreateQueueServiceClient(options)));
    }

    /// <inheritdoc />
    public IPoisonQueueAdmin OpenPoisonQueues(string? connection) =>
        new StoragePoisonQueueAdmin(StorageClientFactory.CreateQueueServiceClient(ResolveConnection(connection, configuration)));

    /// <summary>
    /// Runs a storage command, turning storage failures into one line on standard error: exit 3 when storage cannot be
    /// reached, 1 when it refused the request.
    /// </summary>
    public static async Task<int> RunAsync(CliConsole console, Func<Task<int>> command)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            await console.Error.WriteLineAsync(ex.Message.TrimEnd('.') + " (is Azurite running, and are --connection / Storage right?)").ConfigureAwait(false);
            return UnavailableExitCode;
        }
        catch (RequestFailedException ex)
        {
            await console.Error.WriteLineAsync($"Storage refused the request: status {ex.Status} {ex.ErrorCode} (check the account key or the identity's role).").ConfigureAwait(false);
            return 1;
        }
        catch (Azure.Identity.AuthenticationFailedException ex)
        {
            await console.Error.WriteLineAsync("Could not get a token for storage: " + FirstLine(ex.Message)).ConfigureAwait(false);
            return UnavailableExitCode;
        }
    }

    /// <summary>
    /// Runs <paramref name="command"/> with the services built for <paramref name="connection"/>, reporting storage that
    /// is not configured (exit 1) or not reachable as <see cref="RunAsync(CliConsole, Func{Task{int}})"/> does.
    /// </summary>
    public static Task<int> RunWithServicesAsync(
        CliConsole console,
        Func<string?, CancellationToken, Task<IServiceProvider>> services,
        string? connection,
        Func<IServiceProvider, Task<int>> command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(command);
        return RunAsync(console, async () =>
        {
            IServiceProvider provider;
            try
            {
                provider = await services(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (OptionsValidationException ex)
            {
                await console.Error.WriteLineAsync("Storage is not configured: " + ex.Message).ConfigureAwait(false);
                return 1;
            }
            return await command(provider).ConfigureAwait(false);
        });
    }

    private static string FirstLine(string text)
    {
        var nl = text.IndexOfAny(['\r', '\n']);
        return nl >= 0 ? text[..nl] : text;
    }
}
