namespace FeedbackCollector.Web;

/// <summary>A rendered page: status, HTML, its language, and for 429/503 how long to wait.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Html">The whole document.</param>
/// <param name="Lang">The page's language tag (for Content-Language).</param>
/// <param name="RetryAfterSeconds">For 429 and 503: the Retry-After value.</param>
public sealed record WebPage(int Status, string Html, string Lang, int? RetryAfterSeconds = null);

/// <summary>What a survey form holds: answers as typed (to show again after a problem) and the hidden fields.</summary>
public sealed record FormState
{
    /// <summary>Values by question id, as posted.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Problems by question id (a <see cref="PageText"/> key), shown beside each question.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>The one-time form key: the idempotency key of the submission, and the device token of the rate limits.</summary>
    public required string Key { get; init; }

    /// <summary>The venue code, when the link carried a valid one.</summary>
    public string? Venue { get; init; }

    /// <summary><c>qr</c> when the page was opened from a QR code, else <c>web</c>.</summary>
    public string Channel { get; init; } = "web";

    /// <summary>A page-level problem (a <see cref="PageText"/> key), shown at the top.</summary>
    public string? Problem { get; init; }

    /// <summary>A new random form key (128 bits, URL-safe).</summary>
    public static string NewKey() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
