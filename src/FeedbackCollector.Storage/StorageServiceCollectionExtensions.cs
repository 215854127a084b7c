using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>Registers the Azure Storage adapters.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the three service clients (once), the adapters of every storage port, <see cref="StorageNamesOptions"/>
    /// (bound from the root keys AnalysisQueueName, AlertsQueueName, TablePrefix, DigestContainer) and
    /// <see cref="StorageConnectionOptions"/> (the connection named <c>Storage</c>), both validated at start, and the
    /// hosted <see cref="StorageInitializer"/>. Calling it twice registers nothing twice.
    /// </summary>
    public static IServiceCollection AddFeedbackStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageNamesOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageNamesOptions>, StorageNamesValidator>());
        services.AddOptions<StorageConnectionOptions>().Configure(o => o.ReadFrom(configuration)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageConnectionOptions>, StorageConnectionValidator>());

        services.TryAddSingleton<StorageCredential>();
        services.TryAddSingleton(sp => StorageClientFactory.CreateTableServiceClient(Connection(sp), sp.GetRequiredService<StorageCredential>().Get(Connection(sp)), Policies(sp)));
        services.TryAddSingleton(sp => StorageClientFactory.CreateQueueServiceClient(Connection(sp), sp.GetRequiredService<StorageCredential>().Get(Connection(sp)), Policies(sp)));
        services.TryAddSingleton(sp => StorageClientFactory.CreateBlobServiceClient(Connection(sp), sp.GetRequiredService<StorageCredential>().Get(Connection(sp)), Policies(sp)));

        // The built-in surveys (forum session notes) are seen by every reader through this one registration.
        services.TryAddSingleton<TableSurveyRepository>();
        services.TryAddSingleton<ISurveyRepository>(sp => new BuiltInSurveyRepository(sp.GetRequiredService<TableSurveyRepository>()));
        services.TryAddSingleton<TableResponseRepository>();
        services.TryAddSingleton<IResponseRepository>(sp => sp.GetRequiredService<TableResponseRepository>());
        services.TryAddSingleton<IResponseCurationStore>(sp => sp.GetRequiredService<TableResponseRepository>());
        // The digest reads its projection (append-blob logs, BlobDigestProjection) and the responses still waiting for analysis.
        services.TryAddSingleton<IPendingResponseSource>(sp => sp.GetRequiredService<TableResponseRepository>());
        services.TryAddSingleton<BlobDigestProjection>();
        services.TryAddSingleton<IDigestProjection>(sp => sp.GetRequiredService<BlobDigestProjection>());
        services.TryAddSingleton<Core.Themes.ITaxonomyStore, TableTaxonomyStore>();
        services.TryAddSingleton<TableRoleKeyRepository>();
        // Staff requests check their key against a short cache, not a table read each (revocation: CachedRoleKeyRepository.Ttl).
        services.TryAddSingleton<IRoleKeyRepository>(sp => new CachedRoleKeyRepository(
            sp.GetRequiredService<TableRoleKeyRepository>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<IConcernRepository, TableConcernRepository>();
        services.TryAddSingleton<IUploadLedger, TableUploadLedger>();
        services.TryAddSingleton<IActionRepository, TableActionRepository>();
        services.TryAddSingleton<IQueueSender, StorageQueueSender>();
        services.TryAddSingleton<IPoisonQueueAdmin, StoragePoisonQueueAdmin>();
        services.TryAddSingleton<IDigestArchive, BlobDigestArchive>();
        services.TryAddSingleton<IStorageHealth, StorageHealth>();

        services.TryAddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        return services;
    }

    /// <summary>The storage names from the root keys of <paramref name="configuration"/>, defaults where unset.</summary>
    public static StorageNamesOptions ReadStorageNames(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var names = new StorageNamesOptions();
        configuration.Bind(names);
        return names;
    }

    private static IEnumerable<Azure.Core.Pipeline.HttpPipelinePolicy> Policies(IServiceProvider sp) =>
        sp.GetServices<StoragePipelinePolicy>().Select(p => p.Policy).ToList();

    private static StorageConnectionOptions Connection(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageConnectionOptions>>().Value;

    /// <summary>One credential shared by the three clients, created only for identity-based access.</summary>
    internal sealed class StorageCredential
    {
        private readonly Lock _gate = new();
        private TokenCredential? _credential;

        public TokenCredential? Get(StorageConnectionOptions options)
        {
            if (options.ConnectionString is not null)
            {
                return null;
            }
            lock (_gate)
            {
                return _credential ??= StorageClientFactory.CreateCredential(options);
            }
        }
    }

    private sealed class StorageNamesValidator : IValidateOptions<StorageNamesOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageNamesOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }

    private sealed class StorageConnectionValidator : IValidateOptions<StorageConnectionOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageConnectionOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
