using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage.Tests;

/// <summary>Choosing and validating the connection, and the registration. No I/O: constructing clients calls nothing.</summary>
public class StorageConnectionOptionsTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Fact]
    public void Development_storage_connection_string_is_chosen_and_points_at_default_azurite_ports()
    {
        var o = StorageConnectionOptions.FromConfiguration(Config(("Storage", "UseDevelopmentStorage=true")));
        Assert.Equal(StorageConnectionMode.ConnectionString, o.Mode);
        Assert.Empty(o.Validate());
        Assert.Equal(10002, StorageClientFactory.CreateTableServiceClient(o).Uri.Port);
        Assert.Equal(10001, StorageClientFactory.CreateQueueServiceClient(o).Uri.Port);
        Assert.Equal(10000, StorageClientFactory.CreateBlobServiceClient(o).Uri.Port);
    }

    [Fact]
    public void Full_connection_string_with_custom_ports_is_used_as_given()
    {
        var cs = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1;"
                 + "QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1;TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;";
        var o = StorageConnectionOptions.FromConfiguration(Config(("Storage", cs)));
        Assert.Empty(o.Validate());
        Assert.Equal(new Uri("http://127.0.0.1:41002/devstoreaccount1"), StorageClientFactory.CreateTableServiceClient(o).Uri);
        Assert.Equal(41001, StorageClientFactory.CreateQueueServiceClient(o).Uri.Port);
        Assert.Equal(41000, StorageClientFactory.CreateBlobServiceClient(o).Uri.Port);
    }

    [Fact]
    public void Service_uris_choose_identity_based_access()
    {
        var o = StorageConnectionOptions.FromConfiguration(Config(
            ("Storage:tableServiceUri", "https://acct.table.core.windows.net"),
            ("Storage:queueServiceUri", "https://acct.queue.core.windows.net"),
            ("Storage:blobServiceUri", "https://acct.blob.core.windows.net"),
            ("Storage:clientId", "0b0c6e1a-3f55-4c39-9a5e-0c1d2e3f4a5b")));
        Assert.Equal(StorageConnectionMode.Identity, o.Mode);
        Assert.Null(o.ConnectionString);
        Assert.Equal("0b0c6e1a-3f55-4c39-9a5e-0c1d2e3f4a5b", o.ClientId);
    }

    [Fact]
    public void Nothing_configured_says_both_ways_to_configure()
    {
        var o = StorageConnectionOptions.FromConfiguration(Config());
        var error = Assert.Single(o.Validate());
        Assert.Equal(StorageConnectionMode.None, o.Mode);
        Assert.Contains("'Storage'", error);
        Assert.Contains("UseDevelopmentStorage=true", error);
        Assert.Contains("Storage:tableServiceUri", error);
        Assert.Contains("Storage__tableServiceUri", error);
        var ex = Assert.Throws<InvalidOperationException>(() => StorageClientFactory.CreateTableServiceClient(o));
        Assert.Contains("No storage connection", ex.Message);
    }

    [Fact]
    public void Partial_service_uris_name_the_missing_ones()
    {
        var o = StorageConnectionOptions.FromConfiguration(Config(("Storage:tableServiceUri", "https://acct.table.core.windows.net")));
        var error = Assert.Single(o.Validate());
        Assert.Contains("'Storage:queueServiceUri'", error);
        Assert.Contains("'Storage:blobServiceUri'", error);
        Assert.DoesNotContain("'Storage:tableServiceUri'", error);
    }

    [Fact]
    public void Both_a_connection_string_and_uris_is_refused()
    {
        var o = StorageConnectionOptions.FromConfiguration(Config(("Storage", "UseDevelopmentStorage=true"), ("Storage:tableServiceUri", "https://a.table.core.windows.net")));
        Assert.Contains("one or the other", Assert.Single(o.Validate()));
    }

    [Theory]
    [InlineData("not a uri")]
    [InlineData("ftp://acct.table.core.windows.net")]
    [InlineData("/relative")]
    public void A_bad_service_uri_is_named(string bad)
    {
        var o = StorageConnectionOptions.FromConfiguration(Config(
            ("Storage:tableServiceUri", bad),
            ("Storage:queueServiceUri", "https://acct.queue.core.windows.net"),
            ("Storage:blobServiceUri", "https://acct.blob.core.windows.net")));
        Assert.Contains("'Storage:tableServiceUri' must be an absolute https URI", Assert.Single(o.Validate()));
    }

    [Fact]
    public void A_client_id_must_be_a_guid_and_needs_identity_access()
    {
        var identity = StorageConnectionOptions.FromConfiguration(Config(
            ("Storage:tableServiceUri", "https://a.table.core.windows.net"), ("Storage:queueServiceUri", "https://a.queue.core.windows.net"),
            ("Storage:blobServiceUri", "https://a.blob.core.windows.net"), ("Storage:clientId", "my-identity")));
        Assert.Contains("GUID", Assert.Single(identity.Validate()));
        var withString = StorageConnectionOptions.FromConfiguration(Config(("Storage", "UseDevelopmentStorage=true"), ("Storage:clientId", "0b0c6e1a-3f55-4c39-9a5e-0c1d2e3f4a5b")));
        Assert.Contains("only to identity-based access", Assert.Single(withString.Validate()));
    }

    [Theory]
    [InlineData("garbage-without-pairs", "not a connection string")]
    [InlineData("AccountName=acct", "names no credentials")]
    [InlineData("UseDevelopmentStorage=false", "can only be 'true'")]
    [InlineData("AccountName=a;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:1/a", "give all three endpoints or none")]
    public void Connection_string_problems_are_described_without_echoing_it(string cs, string expected)
    {
        var o = StorageConnectionOptions.FromConfiguration(Config(("Storage", cs)));
        var errors = o.Validate();
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain("a2V5", e));
    }

    [Fact]
    public void Registration_resolves_identity_clients_from_the_uris_without_calling_anything()
    {
        var config = Config(
            ("Storage:tableServiceUri", "https://acct.table.core.windows.net/"),
            ("Storage:queueServiceUri", "https://acct.queue.core.windows.net/"),
            ("Storage:blobServiceUri", "https://acct.blob.core.windows.net/"));
        using var sp = new ServiceCollection().AddLogging().AddFeedbackStorage(config).BuildServiceProvider();
        Assert.Equal(new Uri("https://acct.table.core.windows.net/"), sp.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net/"), sp.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(new Uri("https://acct.blob.core.windows.net/"), sp.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal("acct", sp.GetRequiredService<BlobServiceClient>().AccountName);
        // Every port resolves (adapters construct without I/O).
        Assert.IsType<TableSurveyRepository>(Assert.IsType<BuiltInSurveyRepository>(sp.GetRequiredService<ISurveyRepository>()).Inner);
        Assert.IsType<TableResponseRepository>(sp.GetRequiredService<IResponseRepository>());
        Assert.IsType<CachedRoleKeyRepository>(sp.GetRequiredService<IRoleKeyRepository>());
        Assert.IsType<TableConcernRepository>(sp.GetRequiredService<Core.Concerns.IConcernRepository>());
        Assert.IsType<StorageQueueSender>(sp.GetRequiredService<IQueueSender>());
        Assert.IsType<StoragePoisonQueueAdmin>(sp.GetRequiredService<IPoisonQueueAdmin>());
        Assert.IsType<BlobDigestArchive>(sp.GetRequiredService<IDigestArchive>());
        Assert.IsType<StorageHealth>(sp.GetRequiredService<IStorageHealth>());
    }

    [Fact]
    public void Registering_twice_registers_clients_and_initializer_once()
    {
        var services = new ServiceCollection();
        var config = Config(("Storage", "UseDevelopmentStorage=true"));
        services.AddFeedbackStorage(config).AddFeedbackStorage(config);
        Assert.Single(services, d => d.ServiceType == typeof(TableServiceClient));
        Assert.Single(services, d => d.ServiceType == typeof(QueueServiceClient));
        Assert.Single(services, d => d.ServiceType == typeof(BlobServiceClient));
        Assert.Single(services, d => d.ServiceType == typeof(IResponseRepository));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        using var sp = services.AddLogging().BuildServiceProvider();
        Assert.Same(sp.GetRequiredService<StorageInitializer>(), Assert.Single(sp.GetServices<IHostedService>()));
        Assert.Same(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<TableServiceClient>());
    }

    [Fact]
    public void Names_bind_from_root_keys()
    {
        var config = Config(("Storage", "UseDevelopmentStorage=true"), ("TablePrefix", "abc"), ("AnalysisQueueName", "an1"), ("AlertsQueueName", "al1"), ("DigestContainer", "dg1"));
        using var sp = new ServiceCollection().AddLogging().AddFeedbackStorage(config).BuildServiceProvider();
        var names = sp.GetRequiredService<IOptions<StorageNamesOptions>>().Value;
        Assert.Equal(("abcsurveys", "an1", "al1", "dg1"), (names.SurveysTable, names.AnalysisQueueName, names.AlertsQueueName, names.DigestContainer));
        Assert.Equal("abcresponses", StorageServiceCollectionExtensions.ReadStorageNames(config).ResponsesTable);
    }

    [Fact]
    public async Task Bad_names_fail_host_start_before_any_storage_call()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Storage", "UseDevelopmentStorage=true"), new("TablePrefix", "9-bad"), new("AnalysisQueueName", "Bad_Queue")]);
        builder.Services.AddFeedbackStorage(builder.Configuration);
        using var host = builder.Build();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(ex.Failures, f => f.StartsWith("TablePrefix", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("AnalysisQueueName", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_connection_fails_host_start_with_the_clear_message()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddFeedbackStorage(builder.Configuration);
        using var host = builder.Build();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("No storage connection is configured", ex.Message);
    }

    [Fact]
    public void Client_options_retry_little_and_time_out_soon()
    {
        var t = StorageClientFactory.TableOptions();
        Assert.Equal(2, t.Retry.MaxRetries);
        Assert.True(t.Retry.NetworkTimeout <= TimeSpan.FromSeconds(10));
        Assert.Equal(QueueMessageEncoding.None, StorageClientFactory.QueueOptions().MessageEncoding);
    }
}
