using System.Text.Json.Nodes;

namespace FeedbackCollector.Infra.Tests;

/// <summary>Reads the compiled ARM template (main.json) and checks the settings the product relies on.</summary>
[Collection(InfraCollection.Name)]
public sealed class TemplateTests(InfraFixture infra)
{
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string CognitiveServicesUser = "a97b65f3-24c7-4388-baec-2e87135dc908";

    private JsonObject T => infra.Template ?? throw new InvalidOperationException("main.bicep did not build: " + infra.Build.AllOutput);

    private JsonObject MainParameter(string name) => T["parameters"]![name]!.AsObject();

    [Fact]
    public void Plan_is_flex_consumption()
    {
        var plan = Assert.Single(Arm.OfType(T, "Microsoft.Web/serverfarms"));
        Assert.Equal("FC1", (string?)plan.Node["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan.Node["sku"]!["tier"]);
        Assert.True((bool)plan.Properties!["reserved"]!, "Flex Consumption is Linux only");
    }

    [Fact]
    public void Function_app_is_dotnet_10_isolated_https_only_tls12_with_system_identity()
    {
        var app = Assert.Single(Arm.OfType(T, "Microsoft.Web/sites"));
        Assert.Equal("functionapp,linux", (string?)app.Node["kind"]);
        Assert.Equal("SystemAssigned", (string?)app.Node["identity"]!["type"]);
        var p = app.Properties!;
        Assert.True((bool)p["httpsOnly"]!);
        Assert.Equal("1.2", (string?)p["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("1.2", (string?)p["siteConfig"]!["scmMinTlsVersion"]);
        Assert.Equal("Disabled", (string?)p["siteConfig"]!["ftpsState"]);
        var config = p["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        var deployment = config["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string?)deployment["type"]);
        Assert.Equal("SystemAssignedIdentity", (string?)deployment["authentication"]!["type"]);
        Assert.Contains("deploymentContainerName", (string?)deployment["value"], StringComparison.Ordinal);
    }

    [Fact]
    public void Instance_memory_and_maximum_instances_are_parameters()
    {
        var memory = MainParameter("instanceMemoryMB");
        Assert.Equal([512, 2048, 4096], memory["allowedValues"]!.AsArray().Select(v => (int)v!));
        Assert.Equal(2048, (int)memory["defaultValue"]!);
        var max = MainParameter("maximumInstanceCount");
        Assert.Equal(40, (int)max["minValue"]!);
        Assert.Equal(1000, (int)max["maxValue"]!);

        var module = Arm.Module(T, "functionApp");
        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)module.Properties!["parameters"]!["instanceMemoryMB"]!["value"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)module.Properties!["parameters"]!["maximumInstanceCount"]!["value"]);
        var scale = Assert.Single(Arm.OfType(T, "Microsoft.Web/sites")).Properties!["functionAppConfig"]!["scaleAndConcurrency"]!;
        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)scale["instanceMemoryMB"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)scale["maximumInstanceCount"]);
    }

    [Fact]
    public void Storage_allows_no_shared_key_and_only_tls12_https()
    {
        var storage = Assert.Single(Arm.OfType(T, "Microsoft.Storage/storageAccounts"));
        var p = storage.Properties!;
        Assert.False((bool)p["allowSharedKeyAccess"]!);
        Assert.False((bool)p["allowBlobPublicAccess"]!);
        Assert.True((bool)p["supportsHttpsTrafficOnly"]!);
        Assert.True((bool)p["defaultToOAuthAuthentication"]!);
        Assert.Equal("TLS1_2", (string?)p["minimumTlsVersion"]);
    }

    [Fact]
    public void Tables_queues_and_containers_are_lists_that_can_grow()
    {
        Assert.Equal(["surveys", "responses", "rolekeys", "concerns"], MainParameter("tableNames")["defaultValue"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("analysis", (string?)MainParameter("analysisQueueName")["defaultValue"]);
        Assert.Equal("alerts", (string?)MainParameter("alertsQueueName")["defaultValue"]);
        Assert.Equal("digests", (string?)MainParameter("digestContainerName")["defaultValue"]);
        Assert.Equal("array", (string?)MainParameter("additionalQueueNames")["type"]);
        Assert.Equal("array", (string?)MainParameter("additionalContainerNames")["type"]);

        // Each list is deployed with a copy loop, so adding a name adds a resource.
        foreach (var type in new[] { "Microsoft.Storage/storageAccounts/tableServices/tables", "Microsoft.Storage/storageAccounts/queueServices/queues", "Microsoft.Storage/storageAccounts/blobServices/containers" })
        {
            var r = Assert.Single(Arm.OfType(T, type));
            Assert.NotNull(r.Node["copy"]);
        }
    }

    [Fact]
    public void Application_insights_reports_to_a_log_analytics_workspace()
    {
        Assert.Single(Arm.OfType(T, "Microsoft.OperationalInsights/workspaces"));
        var ai = Assert.Single(Arm.OfType(T, "Microsoft.Insights/components"));
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)ai.Properties!["WorkspaceResourceId"], StringComparison.Ordinal);
    }

    [Fact]
    public void Language_is_optional_with_custom_subdomain_and_no_local_auth()
    {
        Assert.Equal("bool", (string?)MainParameter("deployLanguage")["type"]);
        Assert.False((bool)MainParameter("deployLanguage")["defaultValue"]!);
        var module = Arm.Module(T, "language");
        Assert.Equal("[parameters('deployLanguage')]", (string?)module.Node["condition"]);
        var account = Assert.Single(Arm.OfType(T, "Microsoft.CognitiveServices/accounts"));
        Assert.Equal("TextAnalytics", (string?)account.Node["kind"]);
        Assert.True((bool)account.Properties!["disableLocalAuth"]!);
        Assert.Equal("[parameters('name')]", (string?)account.Properties!["customSubDomainName"]);
    }

    [Fact]
    public void App_identity_gets_storage_and_language_roles_named_with_guid()
    {
        var assignments = Arm.OfType(T, "Microsoft.Authorization/roleAssignments").ToList();
        Assert.All(assignments, a => Assert.StartsWith("[guid(", (string?)a.Node["name"], StringComparison.Ordinal));

        var storageRoles = Assert.Single(assignments, a => a.Node["copy"] is not null);
        Assert.Equal("[length(variables('appStorageRoles'))]", (string?)storageRoles.Node["copy"]!["count"]);
        Assert.Contains("variables('appStorageRoles')[copyIndex()]", (string?)storageRoles.Properties!["roleDefinitionId"], StringComparison.Ordinal);
        Assert.Equal("[parameters('appPrincipalId')]", (string?)storageRoles.Properties!["principalId"]);
        var roleList = RolesVariables()["appStorageRoles"]!.AsArray().Select(v => (string)v!);
        Assert.Equal(new[] { BlobDataOwner, QueueDataContributor, TableDataContributor }.Order(), ResolveVariables(roleList).Order());

        var language = Assert.Single(assignments, a => ((string?)a.Properties!["roleDefinitionId"])!.Contains("cognitiveServicesUser", StringComparison.Ordinal));
        Assert.Equal("[parameters('appPrincipalId')]", (string?)language.Properties!["principalId"]);
        Assert.Contains("languageAccountName", (string?)language.Node["condition"], StringComparison.Ordinal);
        Assert.Equal(CognitiveServicesUser, (string?)RolesVariables()["cognitiveServicesUser"]);
    }

    private JsonObject RolesVariables() => Arm.Module(T, "roles").Properties!["template"]!["variables"]!.AsObject();

    private IEnumerable<string> ResolveVariables(IEnumerable<string> expressions)
    {
        var vars = RolesVariables();
        foreach (var e in expressions)
        {
            var name = e.Replace("[variables('", "", StringComparison.Ordinal).Replace("')]", "", StringComparison.Ordinal);
            yield return (string)vars[name]!;
        }
    }

    [Fact]
    public void App_settings_carry_every_name_the_app_reads_and_no_keys()
    {
        var passed = Arm.Module(T, "functionApp").Properties!["parameters"]!["appSettings"]!["value"]!.AsObject();
        foreach (var name in new[] { "Storage__tableServiceUri", "Storage__queueServiceUri", "Storage__blobServiceUri", "AnalysisQueueName", "AlertsQueueName", "DigestContainer", "DigestSchedule", "Analysis__Provider", "AzureLanguage__Endpoint", "Survey__TrustForwardedFor" })
        {
            Assert.True(passed.ContainsKey(name), name);
        }
        // The survey page's rate limiter takes the client address from X-Forwarded-For only when told to.
        Assert.Equal("true", (string?)passed["Survey__TrustForwardedFor"]);
        Assert.Equal("[if(parameters('deployLanguage'), 'azure', 'local')]", (string?)passed["Analysis__Provider"]);
        Assert.Equal("0 0 6 1 1,4,7,10 *", (string?)MainParameter("digestSchedule")["defaultValue"]);

        var config = Assert.Single(Arm.OfType(T, "Microsoft.Web/sites/config"));
        var merged = (string?)config.Node["properties"];
        Assert.NotNull(merged);
        foreach (var name in new[] { "AzureWebJobsStorage__accountName", "APPLICATIONINSIGHTS_CONNECTION_STRING", "Survey__PublicBaseUrl" })
        {
            Assert.Contains($"'{name}'", merged, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("AccountKey", T.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys", T.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", T.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_give_the_app_url_and_the_survey_base_link()
    {
        var outputs = T["outputs"]!.AsObject();
        Assert.Contains("functionAppUrl", outputs.Select(o => o.Key));
        Assert.Contains("surveyBaseUrl", outputs.Select(o => o.Key));
        Assert.Contains("tableServiceUri", outputs.Select(o => o.Key));
    }
}
