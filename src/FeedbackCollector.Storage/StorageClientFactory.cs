using Azure.Core;
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

    /// <summary>Table client options.</summary>
    public static TableClientOptions TableOptions()
    {
        var o = new TableClientOptions();
        Configure(o.Retry, NetworkTimeout);
        return o;
    }

    /// <summary>
    /// Queue client options. Messages are plain text (<see cref="QueueMessageEncoding.None"/>), as the Functions queue
    /// trigger is configured in host.json (<c>"messageEncoding": "none"</c>).
    /// </summary>
    public static QueueClientOptions QueueOptions()
    {
        var o = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        Configure(o.Retry, NetworkTimeout);
        return o;
    }

    /// <summary>Blob client options.</summary>
    public static BlobClientOptions BlobOptions()
    {
        var o = new BlobClientOptions();
        Configure(o.Retry, BlobNetworkTimeout);
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
    public static TableServiceClient CreateTableServiceClient(StorageConnectionOptions options, TokenCredential? credential = null)
    {
        options.ThrowIfInvalid();
        return options.ConnectionString is { } cs
            ? new TableServiceClient(cs, TableOptions())
            : new TableServiceClient(new Uri(options.TableServiceUri!), credential ?? CreateCredential(options), TableOptions());
    }

    /// <summary>The Queue service client (plain-text messages).</summary>
    /// <exception cref="InvalidOperationException">The options are not usable; the message says what is missing.</exception>
    public static QueueServiceClient CreateQueueServiceClient(StorageConnectionOptions options, TokenCredential? credential = null)
    {
        options.ThrowIfInvalid();
        return options.ConnectionString is { } cs
            ? new QueueServiceClient(cs, QueueOptions())
            : new QueueServiceClient(new Uri(options.QueueServiceUri!), credential ?? CreateCredential(options), QueueOptions());
    }

    /// <summary>The Blob service client.</summary>
    /// <exception cref="InvalidOperationException">The options are not usable; the message says what is missing.</exception>
    public static BlobServiceClient CreateBlobServiceClient(StorageConnectionOptions options, TokenCredential? credential = null)
    {
        options.ThrowIfInvalid();
        return options.ConnectionString is { } cs
            ? new BlobServiceClient(cs, BlobOptions())
            : new BlobServiceClient(new Uri(options.BlobServiceUri!), credential ?? CreateCredential(options), BlobOptions());
    }

    private static void Configure(RetryOptions retry, TimeSpan networkTimeout)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = MaxRetries;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = networkTimeout;
    }
}
