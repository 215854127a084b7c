using FeedbackCollector.Core;
using FeedbackCollector.Digest;
using FeedbackCollector.Notes;
using FeedbackCollector.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Cli;

/// <summary>
/// The full set of services for commands that run handlers over storage (<c>digest</c>, <c>import</c>): the storage
/// adapters on the connection <see cref="CliStorage.ResolveConnection"/> chooses (<c>--connection</c>, else the
/// environment, else Azurite), the core handlers, the notes reader and the digest producer (<c>Digest__Title</c>).
/// Tables, queues and the container are created when missing.
/// </summary>
internal static class CliServices
{
    /// <summary>Builds the provider for <paramref name="connection"/> (the <c>--connection</c> option, or null) and makes sure storage exists.</summary>
    public static async Task<IServiceProvider> CreateAsync(string? connection, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var resolved = CliStorage.ResolveConnection(connection, configuration);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFeedbackStorage(configuration);
        services.PostConfigure<StorageConnectionOptions>(o =>
        {
            o.Name = resolved.Name;
            o.ConnectionString = resolved.ConnectionString;
            o.TableServiceUri = resolved.TableServiceUri;
            o.QueueServiceUri = resolved.QueueServiceUri;
            o.BlobServiceUri = resolved.BlobServiceUri;
            o.ClientId = resolved.ClientId;
        });
        services.AddFeedbackCore();
        services.AddFeedbackNotes();
        services.AddFeedbackDigest();
        services.Configure<DigestOptions>(configuration.GetSection("Digest"));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        return provider;
    }
}
