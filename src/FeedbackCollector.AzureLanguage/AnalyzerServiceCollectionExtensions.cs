using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.AzureLanguage;

/// <summary>Registers the analyzer the configuration chooses.</summary>
public static class AnalyzerServiceCollectionExtensions
{
    /// <summary>The service key of the local analyzer, registered whichever provider is chosen.</summary>
    public const string LocalAnalyzerKey = "local";

    /// <summary>
    /// Registers <see cref="ITextAnalyzer"/> from the <c>Analysis</c> and <c>AzureLanguage</c> sections, with the
    /// product's <see cref="LocalAnalyzer"/> (the taxonomy at <c>Analysis:TaxonomyPath</c>, else the shipped one) as the
    /// local analyzer. See <see cref="AddFeedbackAnalyzer(IServiceCollection, IConfiguration, Func{IServiceProvider, AnalysisOptions, ITextAnalyzer})"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    public static IServiceCollection AddFeedbackAnalyzer(this IServiceCollection services, IConfiguration configuration) =>
        services.AddFeedbackAnalyzer(configuration, static (_, options) => CreateLocal(options));

    /// <summary>The product's local analyzer for these options.</summary>
    /// <param name="options">The analysis options (the taxonomy path).</param>
    public static LocalAnalyzer CreateLocal(AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var taxonomy = string.IsNullOrWhiteSpace(options.TaxonomyPath) ? Taxonomy.LoadDefault() : Taxonomy.Load(options.TaxonomyPath);
        return new LocalAnalyzer(taxonomy, new PiiRedactor(), new ConcernDetector());
    }

    /// <summary>
    /// Registers <see cref="ITextAnalyzer"/> from the <c>Analysis</c> and <c>AzureLanguage</c> sections:
    /// <c>Analysis:Provider</c> <c>local</c> (default) or <c>azure</c>. The options are validated when the host starts
    /// (and again when the analyzer is first resolved), failing with every problem in plain words, for example
    /// "Analysis:Provider is 'azure' but AzureLanguage:Endpoint is not set.". The local analyzer is also registered
    /// under the key <see cref="LocalAnalyzerKey"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <param name="createLocal">Builds the local analyzer from the options (its taxonomy path).</param>
    public static IServiceCollection AddFeedbackAnalyzer(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<IServiceProvider, AnalysisOptions, ITextAnalyzer> createLocal)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(createLocal);

        services.AddOptions<AnalysisOptions>().Bind(configuration.GetSection(AnalysisOptions.SectionName)).ValidateOnStart();
        services.AddOptions<AzureLanguageOptions>().Bind(configuration.GetSection(AzureLanguageOptions.SectionName));
        services.AddSingleton<IValidateOptions<AnalysisOptions>, AnalysisOptionsValidator>();

        services.AddKeyedSingleton<ITextAnalyzer>(LocalAnalyzerKey, (sp, _) => createLocal(sp, sp.GetRequiredService<IOptions<AnalysisOptions>>().Value));
        services.AddSingleton<ITextAnalyzer>(sp =>
        {
            var analysis = sp.GetRequiredService<IOptions<AnalysisOptions>>().Value; // validates
            var local = sp.GetRequiredKeyedService<ITextAnalyzer>(LocalAnalyzerKey);
            if (!analysis.UsesAzure)
            {
                return local;
            }
            var azure = sp.GetRequiredService<IOptions<AzureLanguageOptions>>().Value;
            return new AzureLanguageAnalyzer(azure, local, sp.GetService<ILogger<AzureLanguageAnalyzer>>());
        });
        return services;
    }

    /// <summary>Every problem with the analyzer configuration; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(AnalysisOptions analysis, AzureLanguageOptions azure)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(azure);
        var provider = analysis.Provider?.Trim() ?? "";
        if (!string.Equals(provider, AnalysisOptions.LocalProvider, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(provider, AnalysisOptions.AzureProvider, StringComparison.OrdinalIgnoreCase))
        {
            return [$"Analysis:Provider is '{analysis.Provider}'; use 'local' or 'azure'."];
        }
        return analysis.UsesAzure ? azure.Validate() : [];
    }

    /// <summary>Checks the analysis options together with the Azure Language options they may require.</summary>
    private sealed class AnalysisOptionsValidator(IOptions<AzureLanguageOptions> azure) : IValidateOptions<AnalysisOptions>
    {
        public ValidateOptionsResult Validate(string? name, AnalysisOptions options)
        {
            var errors = AnalyzerServiceCollectionExtensions.Validate(options, azure.Value);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
