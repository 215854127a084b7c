using FeedbackCollector.Core;
using FeedbackCollector.Digest;
using FeedbackCollector.Notes;
using FeedbackCollector.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Cli;

/// <summary>
/// The services of commands that use storage, configured like the Functions app from environment variables: the
/// connection <c>Storage</c> (a connection string, <c>UseDevelopmentStorage=true</c> for Azurite, or
/// <c>Storage__tableServiceUri</c>... with an Azure identity), the storage names (<c>TablePrefix</c>...), and
/// <c>Digest__Title</c>. Tables, queues and the container are created when missing.
/// </summary>
internal static class CliServices
{
    /// <summary>Builds the provider and makes sure storage exists.</summary>
    public static async Task<IServiceProvider> CreateAsync(CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFeedbackStorage(configuration);
        services.AddFeedbackCore();
        services.AddFeedbackNotes();
        services.AddFeedbackDigest();
        services.Configure<DigestOptions>(configuration.GetSection("Digest"));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        return provider;
    }
}
