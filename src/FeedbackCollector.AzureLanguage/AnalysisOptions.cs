namespace FeedbackCollector.AzureLanguage;

/// <summary>Which analyzer the product uses. Bound from the <c>Analysis</c> configuration section.</summary>
public sealed class AnalysisOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Analysis";

    /// <summary>The local analyzer: no cloud call, the default.</summary>
    public const string LocalProvider = "local";

    /// <summary>Azure AI Language, with the local analyzer as fallback and for safeguarding concerns.</summary>
    public const string AzureProvider = "azure";

    /// <summary><c>local</c> (default) or <c>azure</c>, case-insensitive.</summary>
    public string Provider { get; set; } = LocalProvider;

    /// <summary>Path of a theme taxonomy file for the local analyzer; empty for the built-in taxonomy.</summary>
    public string? TaxonomyPath { get; set; }

    /// <summary>True when <see cref="Provider"/> selects Azure AI Language.</summary>
    public bool UsesAzure => string.Equals(Provider?.Trim(), AzureProvider, StringComparison.OrdinalIgnoreCase);
}
