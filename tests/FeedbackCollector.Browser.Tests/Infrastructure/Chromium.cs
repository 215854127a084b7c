namespace FeedbackCollector.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, which <c>scripts/test.sh</c> installs (<c>apt-get install chromium</c>). Playwright drives it
/// through <c>ExecutablePath</c>; <c>playwright install</c> is never called (it downloads a browser build, which this
/// project does not do). Set <c>FEEDBACK_CHROMIUM</c> to use another binary.
/// </summary>
public static class Chromium
{
    /// <summary>Where Chromium is, or null.</summary>
    public static string? ExecutablePath { get; } = Find();

    /// <summary>Why the browser tests cannot run, or null when they can. Shown as the skip reason.</summary>
    public static string? MissingReason => ExecutablePath is null
        ? "BROWSER TESTS SKIPPED: Chromium is not installed (looked for $FEEDBACK_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser). "
          + "Run scripts/test.sh as root, or 'sudo apt-get install -y chromium'."
        : null;

    /// <summary>
    /// Flags for a quiet, repeatable headless run that talks to nobody but the page's own host. Playwright adds
    /// <c>--headless</c> and a fresh temporary <c>--user-data-dir</c> of its own for every launch (it refuses one in
    /// the arguments), so no profile is shared between runs.
    /// </summary>
    public static IReadOnlyList<string> Args { get; } =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        "--mute-audio",
    ];

    private static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("FEEDBACK_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return File.Exists(fromEnv) ? fromEnv : null;
        }
        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that needs Chromium: skipped, with a loud reason, only when Chromium is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when Chromium is missing.</summary>
    public BrowserFactAttribute()
    {
        if (Chromium.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs Chromium: skipped, with a loud reason, only when Chromium is not installed.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets the skip reason when Chromium is missing.</summary>
    public BrowserTheoryAttribute()
    {
        if (Chromium.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
