using System.Text.Json;
using FeedbackCollector.TestSupport;
using Microsoft.Playwright;

namespace FeedbackCollector.Browser.Tests.Infrastructure;

/// <summary>One rule that failed, with where.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<string> Targets)
{
    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Impact}): {Help} at {string.Join(", ", Targets)}";
}

/// <summary>
/// axe-core (pinned in <c>tools/axe/package-lock.json</c>, installed by <c>scripts/lib.sh</c> or on first use) run in
/// the page. The script is evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
/// govern, so the page keeps its real policy while it is checked. Needs a context with JavaScript on.
/// </summary>
public static class Axe
{
    /// <summary>The rule tags checked: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];

    private static readonly Lazy<Task<string>> Source = new(async () =>
    {
        var dir = Path.Combine(AzuriteFixture.FindRepositoryRoot(), "tools", "axe");
        var file = await NpmTool.EnsureInstalledAsync(dir, Path.Combine("node_modules", "axe-core", "axe.min.js"));
        return await File.ReadAllTextAsync(file);
    });

    /// <summary>Runs axe on the page as it is now and returns the violations.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // As a function body: axe's bundle assigns window.axe itself.
            await page.EvaluateAsync("() => {\n" + await Source.Value + "\n}");
        }
        var result = await page.EvaluateAsync<JsonElement>(
            "async tags => { const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }); " +
            "return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) })); }",
            Tags);
        return result.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").ValueKind == JsonValueKind.String ? v.GetProperty("impact").GetString() : null,
            v.GetProperty("help").GetString()!,
            v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();
    }

    /// <summary>Fails with every violation listed when axe finds any.</summary>
    public static async Task AssertCleanAsync(IPage page, string what)
    {
        var violations = await RunAsync(page);
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} violation(s) on {what}:\n  " + string.Join("\n  ", violations));
    }
}
