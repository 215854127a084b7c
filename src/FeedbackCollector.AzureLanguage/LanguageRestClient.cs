using System.Buffers;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FeedbackCollector.AzureLanguage;

/// <summary>One document sent to the service. Ids are positions, never the caller's ids.</summary>
internal readonly record struct LanguageDocument(string Id, string Language, string Text);

/// <summary>What one request returned: parsed documents by id, and the ids the service reported an error for (with its code).</summary>
internal sealed class BatchOutcome<T>
    where T : class
{
    public Dictionary<string, T> Documents { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
}

/// <summary>The service answered with something other than the documented shape.</summary>
internal sealed class LanguageResponseException(string message) : Exception(message);

/// <summary>
/// Calls the Azure AI Language REST API through an Azure.Core <see cref="HttpPipeline"/>: key or Entra ID
/// authentication, retries with exponential back-off that honour Retry-After (429, 408, 5xx and timeouts), and a
/// per-attempt timeout.
/// </summary>
internal sealed class LanguageRestClient
{
    /// <summary>The Entra ID scope of Cognitive Services.</summary>
    public const string TokenScope = "https://cognitiveservices.azure.com/.default";

    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly string _apiVersion;
    private readonly bool _loggingOptOut;

    public LanguageRestClient(AzureLanguageOptions options, TokenCredential? credential, HttpPipelineTransport? transport)
    {
        _endpoint = new Uri(options.Endpoint!.Trim().TrimEnd('/') + "/");
        _apiVersion = options.ApiVersion.Trim();
        _loggingOptOut = options.LoggingOptOut;
        var clientOptions = new LanguageClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = options.Timeout;
        // Request and response bodies hold children's words: never in logs or traces.
        clientOptions.Diagnostics.IsLoggingContentEnabled = false;
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }
        HttpPipelinePolicy auth = string.IsNullOrWhiteSpace(options.ApiKey)
            ? new BearerTokenAuthenticationPolicy(credential ?? throw new ArgumentNullException(nameof(credential)), TokenScope)
            : new SubscriptionKeyPolicy(new AzureKeyCredential(options.ApiKey.Trim()));
        _pipeline = HttpPipelineBuilder.Build(clientOptions, auth);
    }

    /// <summary>POST language/:analyze-text for one task kind; parses each document with <paramref name="parse"/> (null = unusable).</summary>
    public async Task<BatchOutcome<T>> AnalyzeAsync<T>(
        string kind,
        IReadOnlyList<LanguageDocument> documents,
        Action<Utf8JsonWriter> writeParameters,
        Func<JsonElement, T?> parse,
        CancellationToken cancellationToken)
        where T : class
    {
        var body = Write(w =>
        {
            w.WriteString("kind", kind);
            w.WriteStartObject("parameters");
            w.WriteString("modelVersion", "latest");
            w.WriteBoolean("loggingOptOut", _loggingOptOut);
            writeParameters(w);
            w.WriteEndObject();
            WriteInput(w, documents);
        });
        using var message = CreateMessage(RequestMethod.Post, new Uri(_endpoint, "language/:analyze-text?api-version=" + Uri.EscapeDataString(_apiVersion)), body);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.IsError)
        {
            throw new RequestFailedException(response);
        }
        using var json = ParseJson(response);
        var root = json.RootElement;
        if (!root.TryGetProperty("kind", out var k) || k.ValueKind != JsonValueKind.String || k.GetString() != kind + "Results")
        {
            throw new LanguageResponseException($"Expected kind '{kind}Results'.");
        }
        return ReadResults(root.GetProperty("results"), parse);
    }

    /// <summary>
    /// Runs a CustomMultiLabelClassification job (POST language/analyze-text/jobs, then polls the operation-location)
    /// and returns each document's classes.
    /// </summary>
    public async Task<BatchOutcome<IReadOnlyList<(string Category, double Confidence)>>> ClassifyAsync(
        CustomClassificationOptions custom,
        IReadOnlyList<LanguageDocument> documents,
        CancellationToken cancellationToken)
    {
        var body = Write(w =>
        {
            w.WriteString("displayName", "feedback-themes");
            WriteInput(w, documents);
            w.WriteStartArray("tasks");
            w.WriteStartObject();
            w.WriteString("kind", "CustomMultiLabelClassification");
            w.WriteString("taskName", "themes");
            w.WriteStartObject("parameters");
            w.WriteString("projectName", custom.ProjectName);
            w.WriteString("deploymentName", custom.DeploymentName);
            w.WriteBoolean("loggingOptOut", _loggingOptOut);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        });
        Uri operation;
        using (var submit = CreateMessage(RequestMethod.Post, new Uri(_endpoint, "language/analyze-text/jobs?api-version=" + Uri.EscapeDataString(_apiVersion)), body))
        {
            await _pipeline.SendAsync(submit, cancellationToken).ConfigureAwait(false);
            if (submit.Response.IsError)
            {
                throw new RequestFailedException(submit.Response);
            }
            if (!submit.Response.Headers.TryGetValue("Operation-Location", out var location)
                || !Uri.TryCreate(location, UriKind.Absolute, out operation!)
                || !string.Equals(operation.Scheme, _endpoint.Scheme, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(operation.Authority, _endpoint.Authority, StringComparison.OrdinalIgnoreCase))
            {
                // Credentials go only to the configured endpoint.
                throw new LanguageResponseException("The job was accepted without a usable Operation-Location on the endpoint's host.");
            }
        }

        var deadline = DateTimeOffset.UtcNow + custom.JobTimeout;
        var wait = custom.PollInterval;
        while (true)
        {
            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The classification job did not finish within {custom.JobTimeout}.");
            }
            await Task.Delay(wait < remaining ? wait : remaining, cancellationToken).ConfigureAwait(false);
            using var poll = CreateMessage(RequestMethod.Get, operation, null);
            await _pipeline.SendAsync(poll, cancellationToken).ConfigureAwait(false);
            var response = poll.Response;
            if (response.IsError)
            {
                throw new RequestFailedException(response);
            }
            wait = RetryAfter(response) ?? custom.PollInterval;
            using var json = ParseJson(response);
            var root = json.RootElement;
            var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            switch (status)
            {
                case "notStarted" or "running" or "cancelling":
                    continue;
                case "succeeded" or "partiallyCompleted":
                    return ReadJob(root);
                case "failed" or "cancelled":
                    throw new LanguageResponseException($"The classification job ended with status '{status}'.");
                default:
                    throw new LanguageResponseException("The job status is missing or unknown.");
            }
        }
    }

    private static BatchOutcome<IReadOnlyList<(string, double)>> ReadJob(JsonElement root)
    {
        if (!root.TryGetProperty("tasks", out var tasks) || !tasks.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new LanguageResponseException("The finished job has no task results.");
        }
        foreach (var item in items.EnumerateArray())
        {
            if (item.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String
                && kind.GetString() == "CustomMultiLabelClassificationLROResults"
                && item.TryGetProperty("status", out var st) && st.GetString() == "succeeded"
                && item.TryGetProperty("results", out var results))
            {
                return ReadResults<IReadOnlyList<(string, double)>>(results, ParseClasses);
            }
        }
        throw new LanguageResponseException("The finished job has no succeeded classification task.");
    }

    private static IReadOnlyList<(string, double)>? ParseClasses(JsonElement doc)
    {
        if (!doc.TryGetProperty("class", out var classes) || classes.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var list = new List<(string, double)>(classes.GetArrayLength());
        foreach (var c in classes.EnumerateArray())
        {
            if (!c.TryGetProperty("category", out var cat) || cat.ValueKind != JsonValueKind.String
                || !c.TryGetProperty("confidenceScore", out var score) || score.ValueKind != JsonValueKind.Number)
            {
                return null;
            }
            list.Add((cat.GetString()!, score.GetDouble()));
        }
        return list;
    }

    private static BatchOutcome<T> ReadResults<T>(JsonElement results, Func<JsonElement, T?> parse)
        where T : class
    {
        if (results.ValueKind != JsonValueKind.Object
            || !results.TryGetProperty("documents", out var docs) || docs.ValueKind != JsonValueKind.Array)
        {
            throw new LanguageResponseException("The results have no documents array.");
        }
        var outcome = new BatchOutcome<T>();
        foreach (var doc in docs.EnumerateArray())
        {
            if (doc.ValueKind != JsonValueKind.Object || !doc.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                throw new LanguageResponseException("A result document has no id.");
            }
            var value = parse(doc);
            if (value is null)
            {
                outcome.Errors[id.GetString()!] = "UnreadableResult";
            }
            else
            {
                outcome.Documents[id.GetString()!] = value;
            }
        }
        if (results.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in errors.EnumerateArray())
            {
                if (e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    var code = e.TryGetProperty("error", out var err) && err.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
                        ? c.GetString()! : "Unknown";
                    outcome.Errors[id.GetString()!] = code;
                }
            }
        }
        return outcome;
    }

    private static JsonDocument ParseJson(Response response)
    {
        try
        {
            return JsonDocument.Parse(response.Content.ToMemory());
        }
        catch (JsonException)
        {
            throw new LanguageResponseException("The response is not valid JSON.");
        }
    }

    private static TimeSpan? RetryAfter(Response response) =>
        response.Headers.TryGetValue("Retry-After", out var value) && int.TryParse(value, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private HttpMessage CreateMessage(RequestMethod method, Uri uri, ReadOnlyMemory<byte>? body)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(uri);
        request.Headers.Add("Accept", "application/json");
        if (body is { } b)
        {
            request.Headers.Add("Content-Type", "application/json");
            request.Content = RequestContent.Create(b);
        }
        return message;
    }

    private static void WriteInput(Utf8JsonWriter w, IReadOnlyList<LanguageDocument> documents)
    {
        w.WriteStartObject("analysisInput");
        w.WriteStartArray("documents");
        foreach (var d in documents)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("language", d.Language);
            w.WriteString("text", d.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static ReadOnlyMemory<byte> Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return buffer.WrittenMemory;
    }

    private sealed class LanguageClientOptions : ClientOptions;

    /// <summary>Sends the resource key as <c>Ocp-Apim-Subscription-Key</c> on every attempt.</summary>
    private sealed class SubscriptionKeyPolicy(AzureKeyCredential key) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue("Ocp-Apim-Subscription-Key", key.Key);
    }
}
