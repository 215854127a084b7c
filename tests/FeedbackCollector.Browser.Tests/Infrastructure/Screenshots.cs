using FeedbackCollector.TestSupport;
using Microsoft.Playwright;

namespace FeedbackCollector.Browser.Tests.Infrastructure;

/// <summary>
/// Full-page screenshots kept as test output, in <c>TestResults/screenshots</c> at the repository root (or
/// <c>$FEEDBACK_SCREENSHOTS</c>), for a person to look at after a run.
/// </summary>
public static class Screenshots
{
    /// <summary>The folder screenshots go to.</summary>
    public static string Directory { get; } = Environment.GetEnvironmentVariable("FEEDBACK_SCREENSHOTS") is { Length: > 0 } d
        ? d
        : Path.Combine(AzuriteFixture.FindRepositoryRoot(), "TestResults", "screenshots");

    /// <summary>Saves a full-page PNG named <paramref name="name"/> and returns its path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        var path = Path.Combine(Directory, safe + ".png");
        // Generous: font fallback for other scripts is slow on a loaded machine.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 60_000 });
        return path;
    }
}
