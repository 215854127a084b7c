namespace FeedbackCollector.Web;

/// <summary>Settings of the respondent's pages (section <c>Survey</c>).</summary>
public sealed class SurveyWebOptions
{
    /// <summary>The section name.</summary>
    public const string SectionName = "Survey";

    /// <summary>
    /// The public address printed on posters and encoded in QR codes (<c>https://feedback.example.org</c>). Empty: the
    /// address the request came to.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Read the client address from the right-most <c>X-Forwarded-For</c> entry (set where a trusted front end adds it,
    /// as in Azure). Off: the connection's address. The address is only ever hashed for rate limits, never stored.
    /// </summary>
    public bool TrustForwardedFor { get; set; }

    /// <summary>Submissions one device (one form) may send at once.</summary>
    public int DeviceBurst { get; set; } = 6;

    /// <summary>Submissions a device may send each minute after the burst.</summary>
    public double DevicePerMinute { get; set; } = 2;

    /// <summary>Submissions one network (one address: a school, a youth club) may send at once: a classroom at a time.</summary>
    public int NetworkBurst { get; set; } = 120;

    /// <summary>Submissions a network may send each minute after the burst.</summary>
    public double NetworkPerMinute { get; set; } = 120;

    /// <summary>Most devices and networks remembered at once (memory stays bounded under a flood of addresses).</summary>
    public int MaxTracked { get; set; } = 100_000;

    /// <summary>Problems, empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttps && !u.IsLoopback) || u.Query.Length > 0))
        {
            yield return "Survey:PublicBaseUrl must be an absolute https:// address without a query (http is allowed only on localhost).";
        }
        if (DeviceBurst < 1 || NetworkBurst < 1 || DevicePerMinute <= 0 || NetworkPerMinute <= 0)
        {
            yield return "Survey:DeviceBurst, NetworkBurst, DevicePerMinute and NetworkPerMinute must be positive.";
        }
        if (MaxTracked is < 100 or > 10_000_000)
        {
            yield return "Survey:MaxTracked is 100 to 10000000.";
        }
    }
}
