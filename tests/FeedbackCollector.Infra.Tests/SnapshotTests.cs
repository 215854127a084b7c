using System.Text.Json.Nodes;

namespace FeedbackCollector.Infra.Tests;

/// <summary>
/// Evaluates main.bicepparam with `bicep snapshot` (offline), so that the concrete resources a deployment would create are
/// checked: every table, queue with its poison queue, container, role assignment and app setting value.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed class SnapshotTests(InfraFixture infra)
{
    private static string Leaf(JsonObject r) => ((string)r["name"]!).Split('/')[^1];

    private static JsonObject Settings(InfraFixture.SnapshotResult s) => s.Single("Microsoft.Web/sites/config")["properties"]!.AsObject();

    [Fact]
    public void Default_deployment_creates_the_tables_queues_and_containers_the_app_uses()
    {
        var s = infra.DefaultSnapshot;
        Assert.Equal(["concerns", "responses", "rolekeys", "surveys"], s.Resources("Microsoft.Storage/storageAccounts/tableServices/tables").Select(Leaf).Order());
        Assert.Equal(["alerts", "alerts-poison", "analysis", "analysis-jobs", "analysis-jobs-poison", "analysis-poison"], s.Resources("Microsoft.Storage/storageAccounts/queueServices/queues").Select(Leaf).Order());
        var containers = s.Resources("Microsoft.Storage/storageAccounts/blobServices/containers").Select(Leaf).ToList();
        Assert.Contains("digests", containers);
        // The digest projection's logs: the digests container's name + "-projection" (StorageNamesOptions.DigestProjectionSuffix).
        Assert.Contains("digests-projection", containers);
        var deploymentContainer = Assert.Single(containers, c => c.StartsWith("app-package-", StringComparison.Ordinal));

        var app = s.Single("Microsoft.Web/sites");
        var deployment = (string)app["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["value"]!;
        // The blob endpoint is known only at deployment; the container name is fixed here.
        Assert.Contains(deploymentContainer, deployment, StringComparison.Ordinal);
        Assert.Equal(2048, (int)app["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!["instanceMemoryMB"]!);
        Assert.Equal(40, (int)app["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!["maximumInstanceCount"]!);
    }

    [Fact]
    public void Default_deployment_runs_the_local_analyzer_with_no_language_resource()
    {
        var s = infra.DefaultSnapshot;
        Assert.Empty(s.Resources("Microsoft.CognitiveServices/accounts"));
        var settings = Settings(s);
        Assert.Equal("local", (string?)settings["Analysis__Provider"]);
        Assert.Equal("", (string?)settings["AzureLanguage__Endpoint"]);
        // Three storage roles for the app; no Language role, no operator.
        Assert.Equal(3, s.Resources("Microsoft.Authorization/roleAssignments").Count());
    }

    [Fact]
    public void App_settings_have_the_names_and_values_the_app_reads()
    {
        var settings = Settings(infra.DefaultSnapshot);
        Assert.Equal("analysis", (string?)settings["AnalysisQueueName"]);
        Assert.Equal("alerts", (string?)settings["AlertsQueueName"]);
        Assert.Equal("digests", (string?)settings["DigestContainer"]);
        Assert.Equal("0 0 6 1 1,4,7,10 *", (string?)settings["DigestSchedule"]);
        // Behind Azure's front end the client address is only in X-Forwarded-For: without this, every phone would
        // share one rate-limit bucket.
        Assert.Equal("true", (string?)settings["Survey__TrustForwardedFor"]);
        var account = (string)infra.DefaultSnapshot.Single("Microsoft.Storage/storageAccounts")["name"]!;
        Assert.Equal(account, (string?)settings["AzureWebJobsStorage__accountName"]);
        foreach (var name in new[] { "Storage__tableServiceUri", "Storage__queueServiceUri", "Storage__blobServiceUri", "APPLICATIONINSIGHTS_CONNECTION_STRING", "Survey__PublicBaseUrl" })
        {
            Assert.False(string.IsNullOrEmpty((string?)settings[name]), name);
        }
        // Identity-based storage only: no connection string setting for the host.
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"));
        Assert.False(settings.ContainsKey("FUNCTIONS_WORKER_RUNTIME"));
    }

    [Fact]
    public void Language_deployment_adds_the_resource_its_role_and_switches_the_provider()
    {
        var s = infra.LanguageSnapshot;
        var account = s.Single("Microsoft.CognitiveServices/accounts");
        Assert.Equal("TextAnalytics", (string?)account["kind"]);
        Assert.Equal((string?)account["name"], (string?)account["properties"]!["customSubDomainName"]);
        Assert.True((bool)account["properties"]!["disableLocalAuth"]!);
        Assert.StartsWith("lang-fc-test-", (string)account["name"]!, StringComparison.Ordinal);
        Assert.Equal("azure", (string?)Settings(s)["Analysis__Provider"]);

        var roles = s.Resources("Microsoft.Authorization/roleAssignments").ToList();
        // 3 storage roles + Cognitive Services User for the app, and table access for the operator.
        Assert.Equal(5, roles.Count);
        // guid() names: evaluated where every input is known, otherwise still the guid() expression.
        Assert.All(roles, r => Assert.True(Guid.TryParse((string)r["name"]!, out _) || ((string)r["name"]!).StartsWith("[guid(", StringComparison.Ordinal), (string)r["name"]!));
        var operatorRole = Assert.Single(roles, r => (string?)r["properties"]!["principalId"] == "11111111-2222-3333-4444-555555555555");
        Assert.EndsWith("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", (string)operatorRole["properties"]!["roleDefinitionId"]!, StringComparison.Ordinal);
        Assert.Equal("User", (string?)operatorRole["properties"]!["principalType"]);
        Assert.Contains(roles, r => ((string)r["properties"]!["roleDefinitionId"]!).EndsWith("a97b65f3-24c7-4388-baec-2e87135dc908", StringComparison.Ordinal));
    }
}
