using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Core.Concerns;

/// <summary>Where concern alerts go. Without a webhook they are written to the log as warnings (Application Insights can alert on them).</summary>
public sealed class AlertOptions
{
    /// <summary>HTTPS address that receives a JSON POST for each concern (never with the response's text).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>When set, each POST carries <c>X-Feedback-Signature: sha256=HEX</c>, an HMAC of the body with this secret.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Seconds to wait for the webhook before the attempt fails and is retried by the queue.</summary>
    public int WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Delivery attempts before an alert goes to the poison queue (where <c>feedback poison requeue</c> sends it again).
    /// With the default delays, 24 attempts keep trying for about eight days.
    /// </summary>
    public int MaxDeliveryAttempts { get; set; } = 24;

    /// <summary>Delay after the first failed delivery; it doubles after each failure.</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    /// <summary>Longest delay between two attempts (one day).</summary>
    public double RetryMaxSeconds { get; set; } = 86_400;

    /// <summary>The delay before attempt <paramref name="failures"/> + 1, after <paramref name="failures"/> failures.</summary>
    public TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromSeconds(Math.Min(RetryMaxSeconds, RetryBaseSeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30))));

    /// <summary>Problems, empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxDeliveryAttempts is < 1 or > 1000)
        {
            yield return "Alerts:MaxDeliveryAttempts is 1 to 1000.";
        }
        if (RetryBaseSeconds is < 0.1 or > 86_400 || RetryMaxSeconds < RetryBaseSeconds || RetryMaxSeconds > 6 * 86_400)
        {
            yield return "Alerts:RetryBaseSeconds is 0.1 to 86400 and Alerts:RetryMaxSeconds is at least that and at most 518400 (6 days: queue messages live 7).";
        }
        if (WebhookUrl is not null && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttps && !u.IsLoopback)))
        {
            yield return "Alerts:WebhookUrl must be an absolute https:// address (http is allowed only on localhost).";
        }
        if (WebhookTimeoutSeconds is < 1 or > 120)
        {
            yield return "Alerts:WebhookTimeoutSeconds is 1 to 120.";
        }
    }
}

/// <summary>The alert body: enough to find the concern, nothing of what the young person wrote.</summary>
public sealed record ConcernAlert(string ConcernId, string SurveyCode, string? Venue, string Category, DateTimeOffset ReceivedUtc, DateTimeOffset RaisedUtc);

/// <summary>Posts alerts to the configured webhook; a failure throws so the queue retries.</summary>
public sealed partial class WebhookConcernNotifier(HttpClient http, IOptions<AlertOptions> options, ILogger<WebhookConcernNotifier> logger) : IConcernNotifier
{
    /// <inheritdoc />
    public async Task NotifyAsync(ConcernRecord concern, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var alert = new ConcernAlert(concern.Id, concern.SurveyCode, concern.Venue, FeedbackJson.WireName(concern.Category), concern.ReceivedUtc, concern.RaisedUtc);
        var body = JsonSerializer.SerializeToUtf8Bytes(alert, FeedbackJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, o.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (!string.IsNullOrEmpty(o.WebhookSecret))
        {
            var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(o.WebhookSecret), body);
            request.Headers.Add("X-Feedback-Signature", "sha256=" + Convert.ToHexStringLower(mac));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.WebhookTimeoutSeconds));
        using var response = await http.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            LogRefused(logger, concern.Id, (int)response.StatusCode);
            throw new HttpRequestException($"The alert webhook answered {(int)response.StatusCode}.");
        }
    }

    [LoggerMessage(LogLevel.Warning, "Alert webhook refused concern {ConcernId} with {StatusCode}; the queue will retry")]
    private static partial void LogRefused(ILogger logger, string concernId, int statusCode);
}

/// <summary>Writes alerts to the log when no webhook is configured.</summary>
public sealed partial class LogConcernNotifier(ILogger<LogConcernNotifier> logger) : IConcernNotifier
{
    /// <inheritdoc />
    public Task NotifyAsync(ConcernRecord concern, CancellationToken cancellationToken)
    {
        LogAlert(logger, concern.Id, concern.Category, concern.SurveyCode, concern.Venue ?? "-", concern.ReceivedUtc);
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Warning, "SAFEGUARDING ALERT: concern {ConcernId} ({Category}) in survey {SurveyCode} at venue {Venue}, received {ReceivedUtc:u}. Review it with the safeguarding role.")]
    private static partial void LogAlert(ILogger logger, string concernId, Analysis.ConcernCategory category, string surveyCode, string venue, DateTimeOffset receivedUtc);
}
