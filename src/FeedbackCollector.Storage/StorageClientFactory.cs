using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace FeedbackCollector.Storage;

/// <summary>
/// Creates the three service clients from <see cref="StorageConnectionOptions"/>, with modest retries and a short
/// network timeout: when storage is down the caller should get a 503 within a couple of seconds, not hang.
/// </summary>
public static class StorageClientFactory
{
    /// <summary>Retries after the first try.</summary>
    public const int MaxRetries = 2;

    /// <summary>Timeout of one table or queue request.</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of one blob request (digests are a few megabytes at most).</summary>
    public static readonly TimeSpan BlobNetworkTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Table client options, with <paramref name="policies"/> added to each try (diagnostics, tests).</summary>
    public static TableClientOptions TableOptions(IEnumerable<HttpPipelinePolicy>? policies = null)
    {
        var o = new TableClientOptions();
        Configure(o, o.Retry, NetworkTimeout, policies);
        return o;
    }

    /// <summary>
    /// Queue client options. Messages are plain text (<see cref="QueueMessageEncoding.None"/>), as the Functions queue
    /// trigger is configured in host.json (<c>"messageEncoding": "none"</c>).
    /// </summary>
    public static QueueClientOptions QueueOptions(IEnumerable<HttpPipelinePolicy>? policies = null)
    {
        var o = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        Configure(o, o.Retry, NetworkTimeout, policies);
        return o;
    }

    /// <summary>Blob client options.</summary>
    public static BlobClientOptions BlobOptions(IEnumerable<HttpPipelinePolicy>? policies = null)
    {
        var o = new BlobClientOptions();
        Configure(o, o.Retry, BlobNetworkTimeout, policies);
        return o;
    }

    /// <summary>The credential for identity-based access: <see cref="DefaultAzureCredential"/>, with the user-assigned identity when named.</summary>
    public static TokenCredential CreateCredential(StorageConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId });
    }

    /// <summary>The Table service client. <paramref name="credential"/> is used (or created) only for identity-based access.</summary>
    /// <exception cref="InvalidOperationException">The options are not usable; the message says what is missing.</exception>
    public static TableServiceClient CreateTableServiceClient(StorageConnectionOptions options, TokenCredential? credential = null, IEnumerable<HttpPipelinePolicy>? policies = null)
    {
        options.ThrowIfInvalid();
        return options.ConnectionString is { } cs
            ? new TableServiceClient(cs, TableOptions(policies))
            : new TableServiceClient(new Uri(options.TableServiceUri!), credential ?? CreateCredential(options), TableOptions(policies));
    }

    /// <summary>The Queue service client (plain-text messages).</summary>
    /// <exception cref="InvalidOperationException">The options are not usable; the message says what is missing.</exception>
    public static QueueServiceClient CreateQueueServiceClient(StorageConnectionOptions options, TokenCredential? credential = null, IEnumerable<HttpPipelinePolicy>? policies = null)
    {
        options.ThrowIfInvalid();
        return options.ConnectionString is { } cs
            ? new QueueServiceClient(cs, QueueOptions(policies))
            : new QueueServiceClient(new Uri(options.QueueServiceUri!), credential ?? CreateCredential(options), QueueOptions(policies));
    }

    /// <summary>The Blob service client.</summary>
    /// <exception cref="InvalidOperationException">The options are not usable; the message says what is missing.</exception>
    public static BlobServiceClient CreateBlobServiceClient(StorageConnectionOptions options, TokenCredential? credential = null, IEnumerable<HttpPipelinePolicy>? policies = null)
    {
        options.ThrowIfInvalid();
        return options.ConnectionString is { } cs
            ? new BlobServiceClient(cs, BlobOptions(policies))
            : new BlobServiceClient(new Uri(options.BlobServiceUri!), credential ?? CreateCredential(options), BlobOptions(policies));
    }

    private static void Configure(ClientOptions options, RetryOptions retry, TimeSpan networkTimeout, IEnumerable<HttpPipelinePolicy>? policies)
    {
        foreach (var p in policies ?? [])
        {
            options.AddPolicy(p, HttpPipelinePosition.PerRetry);
        }
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = MaxRetries;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = networkTimeout;
    }
}

/// <summary>
/// A pipeline policy added to every storage request of the service clients that <see cref="StorageServiceCollectionExtensions.AddFeedbackStorage"/>
/// registers (register it as a singleton before the clients are first used): for diagnostics such as counting requests.
/// </summary>
/// <param name="Policy">The policy, run on each try.</param>
public sealed record StoragePipelinePolicy(HttpPipelinePolicy Policy);
