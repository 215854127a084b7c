using Microsoft.Extensions.Configuration;

namespace FeedbackCollector.Storage;

/// <summary>How the storage account is reached.</summary>
public enum StorageConnectionMode
{
    /// <summary>Nothing (or something contradictory) is configured.</summary>
    None,
    /// <summary>A connection string with a key or SAS, or <c>UseDevelopmentStorage=true</c> for Azurite.</summary>
    ConnectionString,
    /// <summary>Service URIs and an Azure identity (<c>DefaultAzureCredential</c>).</summary>
    Identity,
}

/// <summary>
/// The storage connection, read with the Azure Functions convention for a connection named <see cref="Name"/>
/// (<c>Storage</c>): either <c>Storage</c> holds a connection string, or <c>Storage:tableServiceUri</c>,
/// <c>Storage:queueServiceUri</c> and <c>Storage:blobServiceUri</c> (environment variables <c>Storage__tableServiceUri</c>...)
/// name the services, reached with <c>DefaultAzureCredential</c>, with <c>Storage:clientId</c> choosing a user-assigned identity.
/// </summary>
public sealed class StorageConnectionOptions
{
    /// <summary>The connection name the product uses.</summary>
    public const string DefaultName = "Storage";

    /// <summary>The connection's name, used in messages and as the configuration key.</summary>
    public string Name { get; set; } = DefaultName;

    /// <summary>A storage connection string, when using one.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table service endpoint, for identity-based access.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>The Queue service endpoint, for identity-based access.</summary>
    public string? QueueServiceUri { get; set; }

    /// <summary>The Blob service endpoint, for identity-based access.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; null for the system-assigned one or a developer's login.</summary>
    public string? ClientId { get; set; }

    /// <summary>Which way the connection is configured; <see cref="StorageConnectionMode.None"/> when invalid.</summary>
    public StorageConnectionMode Mode => Validate().Count > 0 ? StorageConnectionMode.None
        : ConnectionString is not null ? StorageConnectionMode.ConnectionString : StorageConnectionMode.Identity;

    /// <summary>Reads the connection named <paramref name="name"/> from <paramref name="configuration"/>.</summary>
    public static StorageConnectionOptions FromConfiguration(IConfiguration configuration, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new StorageConnectionOptions { Name = name };
        options.ReadFrom(configuration, name);
        return options;
    }

    /// <summary>Fills these options from the connection named <paramref name="name"/> of <paramref name="configuration"/>.</summary>
    public void ReadFrom(IConfiguration configuration, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(name);
        Name = name;
        ConnectionString = Blank(section.Value);
        TableServiceUri = Blank(section["tableServiceUri"]);
        QueueServiceUri = Blank(section["queueServiceUri"]);
        BlobServiceUri = Blank(section["blobServiceUri"]);
        ClientId = Blank(section["clientId"]);
    }

    /// <summary>What is missing or wrong, each as one sentence naming the setting; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var uris = new (string Key, string? Value, string Example)[]
        {
            ("tableServiceUri", TableServiceUri, "table"),
            ("queueServiceUri", QueueServiceUri, "queue"),
            ("blobServiceUri", BlobServiceUri, "blob"),
        };
        var anyUri = uris.Any(u => u.Value is not null);
        if (ConnectionString is null && !anyUri)
        {
            errors.Add($"No storage connection is configured. Set '{Name}' to a connection string ('UseDevelopmentStorage=true' for Azurite on its default ports), "
                       + $"or set '{Name}:tableServiceUri', '{Name}:queueServiceUri' and '{Name}:blobServiceUri' (environment variables '{Name}__tableServiceUri'...) "
                       + "to use an Azure identity.");
            return errors;
        }
        if (ConnectionString is not null && anyUri)
        {
            errors.Add($"'{Name}' is set both as a connection string and as service URIs ('{Name}:...ServiceUri'); set one or the other.");
            return errors;
        }
        if (ConnectionString is not null)
        {
            errors.AddRange(ValidateConnectionString(ConnectionString));
            if (ClientId is not null)
            {
                errors.Add($"'{Name}:clientId' applies only to identity-based access (service URIs), not to a connection string.");
            }
            return errors;
        }
        var missing = uris.Where(u => u.Value is null).Select(u => $"'{Name}:{u.Key}'").ToList();
        if (missing.Count > 0)
        {
            errors.Add($"Identity-based storage needs all three service URIs; missing {string.Join(", ", missing)}.");
        }
        foreach (var (key, value, service) in uris)
        {
            if (value is not null && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            {
                errors.Add($"'{Name}:{key}' must be an absolute https URI such as https://ACCOUNT.{service}.core.windows.net (it is '{value}').");
            }
        }
        if (ClientId is not null && !Guid.TryParse(ClientId, out _))
        {
            errors.Add($"'{Name}:clientId' must be the client id (a GUID) of a user-assigned managed identity.");
        }
        return errors;
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> listing every problem, when there is one.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Storage connection: " + string.Join(" ", errors));
        }
    }

    // Only the shape is checked, never echoed: a connection string carries the account key.
    private IEnumerable<string> ValidateConnectionString(string connectionString)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                yield return $"'{Name}' is not a connection string: expected Key=Value pairs separated by ';'.";
                yield break;
            }
            pairs[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }
        if (pairs.TryGetValue("UseDevelopmentStorage", out var dev))
        {
            if (!string.Equals(dev, "true", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"'{Name}': UseDevelopmentStorage can only be 'true'.";
            }
            yield break;
        }
        var hasKey = pairs.ContainsKey("AccountName") && pairs.ContainsKey("AccountKey");
        var hasSas = pairs.ContainsKey("SharedAccessSignature");
        if (!hasKey && !hasSas)
        {
            yield return $"'{Name}' names no credentials: a connection string needs AccountName and AccountKey, or SharedAccessSignature, or is 'UseDevelopmentStorage=true'.";
        }
        string[] endpoints = ["TableEndpoint", "QueueEndpoint", "BlobEndpoint"];
        var given = endpoints.Where(pairs.ContainsKey).ToList();
        if (given.Count is > 0 and < 3)
        {
            yield return $"'{Name}' gives {string.Join(", ", given)} but not {string.Join(", ", endpoints.Except(given))}: give all three endpoints or none.";
        }
        if (given.Count == 0 && !pairs.ContainsKey("AccountName"))
        {
            yield return $"'{Name}' needs AccountName, or TableEndpoint, QueueEndpoint and BlobEndpoint.";
        }
        foreach (var e in given)
        {
            if (!Uri.TryCreate(pairs[e], UriKind.Absolute, out _))
            {
                yield return $"'{Name}': {e} is not an absolute URI.";
            }
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
