using FeedbackCollector.Core.Analysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.AzureLanguage.Tests;

/// <summary>The provider choice from configuration, validated with plain messages.</summary>
public sealed class ConfigurationTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings, ITextAnalyzer? local = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        var l = local ?? new FakeLocalAnalyzer();
        services.AddFeedbackAnalyzer(configuration, (_, o) => l);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_plain_overload_uses_the_products_local_analyzer()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Analysis:Provider"] = "azure",
            ["AzureLanguage:Endpoint"] = "https://lang-test.cognitiveservices.azure.com/",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFeedbackAnalyzer(configuration);
        using var sp = services.BuildServiceProvider();

        var local = Assert.IsType<FeedbackCollector.Analysis.LocalAnalyzer>(sp.GetRequiredKeyedService<ITextAnalyzer>(AnalyzerServiceCollectionExtensions.LocalAnalyzerKey));
        var azure = Assert.IsType<AzureLanguageAnalyzer>(sp.GetRequiredService<ITextAnalyzer>());
        Assert.Equal(local.Info.TaxonomyVersion, azure.Info.TaxonomyVersion);
        Assert.Equal("local", local.Info.Name);
    }

    [Fact]
    public void Local_is_the_default()
    {
        var local = new FakeLocalAnalyzer();
        using var sp = Provider([], local);
        Assert.Same(local, sp.GetRequiredService<ITextAnalyzer>());
        Assert.Same(local, sp.GetRequiredKeyedService<ITextAnalyzer>(AnalyzerServiceCollectionExtensions.LocalAnalyzerKey));
    }

    [Fact]
    public void Azure_is_chosen_with_its_options_bound()
    {
        using var sp = Provider(new()
        {
            ["Analysis:Provider"] = "Azure",
            ["AzureLanguage:Endpoint"] = "https://lang-test.cognitiveservices.azure.com/",
            ["AzureLanguage:ApiKey"] = "k",
            ["AzureLanguage:Timeout"] = "00:00:07",
            ["AzureLanguage:CustomClassification:ProjectName"] = "p",
            ["AzureLanguage:CustomClassification:DeploymentName"] = "d",
        });
        var analyzer = Assert.IsType<AzureLanguageAnalyzer>(sp.GetRequiredService<ITextAnalyzer>());
        Assert.Equal("custom:p/d", analyzer.Info.TaxonomyVersion);
        Assert.Equal(TimeSpan.FromSeconds(7), sp.GetRequiredService<IOptions<AzureLanguageOptions>>().Value.Timeout);
    }

    [Theory]
    [InlineData(null, null, "Analysis:Provider is 'azure' but AzureLanguage:Endpoint is not set.")]
    [InlineData("not a url", null, "AzureLanguage:Endpoint 'not a url' is not an absolute https URL.")]
    [InlineData("http://lang.example.com/", "k", "must use https")]
    [InlineData("http://localhost:5000/", null, "Entra ID tokens are not sent")]
    public void Azure_without_a_usable_endpoint_fails_with_a_clear_message(string? endpoint, string? key, string message)
    {
        using var sp = Provider(new() { ["Analysis:Provider"] = "azure", ["AzureLanguage:Endpoint"] = endpoint, ["AzureLanguage:ApiKey"] = key });
        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<ITextAnalyzer>());
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_is_named_in_the_message()
    {
        using var sp = Provider(new() { ["Analysis:Provider"] = "gpt" });
        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<ITextAnalyzer>());
        Assert.Contains("Analysis:Provider is 'gpt'; use 'local' or 'azure'.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = new AzureLanguageOptions
        {
            Endpoint = "https://x.cognitiveservices.azure.com",
            MaxRetries = 99,
            Timeout = TimeSpan.Zero,
            CustomClassification = new CustomClassificationOptions { ProjectName = "p" },
        }.Validate();
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public async Task The_host_fails_at_start_when_the_configuration_is_invalid()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Analysis:Provider"] = "azure" });
        builder.Services.AddFeedbackAnalyzer(builder.Configuration, (_, _) => new FakeLocalAnalyzer());
        using var host = builder.Build();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("AzureLanguage:Endpoint is not set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_analyzer_refuses_invalid_options_directly_too()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AzureLanguageAnalyzer(new AzureLanguageOptions(), new FakeLocalAnalyzer()));
        Assert.Contains("AzureLanguage:Endpoint is not set", ex.Message, StringComparison.Ordinal);
    }
}
