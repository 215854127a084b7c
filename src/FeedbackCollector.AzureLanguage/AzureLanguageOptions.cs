namespace FeedbackCollector.AzureLanguage;

/// <summary>How to reach Azure AI Language. Bound from the <c>AzureLanguage</c> configuration section.</summary>
public sealed class AzureLanguageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "AzureLanguage";

    /// <summary>The GA REST API version this provider is written against.</summary>
    public const string DefaultApiVersion = "2025-11-01";

    /// <summary>The resource's endpoint, for example <c>https://lang-feedback.cognitiveservices.azure.com/</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// A resource key, sent as <c>Ocp-Apim-Subscription-Key</c>. Leave empty to use Entra ID
    /// (<c>DefaultAzureCredential</c>: the app's managed identity in Azure, <c>az login</c> on a workstation).
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>REST API version; default <see cref="DefaultApiVersion"/>.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>Time allowed for one HTTP attempt before it is abandoned (and retried).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a throttled (429), timed-out or failed (5xx) attempt.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay; it doubles each retry (with jitter). A Retry-After header takes precedence when longer.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest computed back-off delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests in flight at once for one batch.</summary>
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>
    /// Ask the service not to keep the text in its logs for troubleshooting (<c>loggingOptOut</c>). On by default:
    /// children's words should not stay anywhere they need not.
    /// </summary>
    public bool LoggingOptOut { get; set; } = true;

    /// <summary>A custom multi-label classification project for themes; when unset, themes come from the local model.</summary>
    public CustomClassificationOptions? CustomClassification { get; set; }

    /// <summary>True when a custom classification project is configured.</summary>
    public bool HasCustomClassification =>
        CustomClassification is { } c && !string.IsNullOrWhiteSpace(c.ProjectName) && !string.IsNullOrWhiteSpace(c.DeploymentName);

    /// <summary>Problems with these options for the <c>azure</c> provider, each a complete sentence; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            errors.Add("Analysis:Provider is 'azure' but AzureLanguage:Endpoint is not set.");
        }
        else if (!Uri.TryCreate(Endpoint.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"AzureLanguage:Endpoint '{Endpoint}' is not an absolute https URL.");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            errors.Add($"AzureLanguage:Endpoint '{Endpoint}' must use https.");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && string.IsNullOrWhiteSpace(ApiKey))
        {
            errors.Add("AzureLanguage:Endpoint uses http, where Entra ID tokens are not sent; use https or set AzureLanguage:ApiKey.");
        }
        if (string.IsNullOrWhiteSpace(ApiVersion))
        {
            errors.Add("AzureLanguage:ApiVersion is empty.");
        }
        if (Timeout <= TimeSpan.Zero)
        {
            errors.Add("AzureLanguage:Timeout must be positive (for example 00:00:30).");
        }
        if (MaxRetries is < 0 or > 10)
        {
            errors.Add("AzureLanguage:MaxRetries must be between 0 and 10.");
        }
        if (RetryDelay < TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            errors.Add("AzureLanguage:RetryDelay must be non-negative and no longer than AzureLanguage:MaxRetryDelay.");
        }
        if (MaxConcurrentRequests is < 1 or > 32)
        {
            errors.Add("AzureLanguage:MaxConcurrentRequests must be between 1 and 32.");
        }
        if (CustomClassification is { } c)
        {
            var hasProject = !string.IsNullOrWhiteSpace(c.ProjectName);
            var hasDeployment = !string.IsNullOrWhiteSpace(c.DeploymentName);
            if (hasProject != hasDeployment)
            {
                errors.Add("AzureLanguage:CustomClassification needs both ProjectName and DeploymentName, or neither.");
            }
            if (c.PollInterval <= TimeSpan.Zero || c.JobTimeout <= TimeSpan.Zero)
            {
                errors.Add("AzureLanguage:CustomClassification:PollInterval and JobTimeout must be positive.");
            }
            if (c.MinimumConfidence is < 0 or > 1)
            {
                errors.Add("AzureLanguage:CustomClassification:MinimumConfidence must be between 0 and 1.");
            }
        }
        return errors;
    }
}

/// <summary>A deployed custom multi-label classification model whose classes are theme ids.</summary>
public sealed class CustomClassificationOptions
{
    /// <summary>The Language Studio project name.</summary>
    public string? ProjectName { get; set; }

    /// <summary>The deployment name within the project.</summary>
    public string? DeploymentName { get; set; }

    /// <summary>How often to poll a classification job when the service suggests no interval.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for a classification job before falling back to the local theme model.</summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Classes below this confidence are not reported as themes.</summary>
    public double MinimumConfidence { get; set; } = 0.5;

    /// <summary>Human labels by class (theme id), for classes the local taxonomy does not label.</summary>
    public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);
}
