using System.Collections.Concurrent;
using System.Text.Json;
using FeedbackCollector.Browser.Tests.Infrastructure;
using FeedbackCollector.Core.Security;
using Microsoft.Playwright;

namespace FeedbackCollector.Browser.Tests;

/// <summary>The screens the console is used on.</summary>
public enum ConsoleScreen
{
    /// <summary>A laptop: 1366 x 768, mouse.</summary>
    Laptop,
    /// <summary>A tablet held upright: 820 x 1180, touch.</summary>
    Tablet,
}

/// <summary>
/// A browser context on the staff console sized like a laptop or a tablet. As with the phone sessions, any request to
/// another origin is aborted and recorded; script errors and Content-Security-Policy reports are collected, so a test can
/// assert that the console asks nothing of other hosts and that its strict policy blocks nothing it needs.
/// </summary>
public sealed class ConsoleSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _foreign = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private ConsoleSession(IBrowserContext context, IPage page, Uri site, ConsoleScreen screen)
    {
        Context = context;
        Page = page;
        Site = site;
        Screen = screen;
    }

    /// <summary>The context.</summary>
    public IBrowserContext Context { get; }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>The site's base address.</summary>
    public Uri Site { get; }

    /// <summary>The screen it is sized as.</summary>
    public ConsoleScreen Screen { get; }

    /// <summary>Requests to other origins, aborted (should stay empty).</summary>
    public IReadOnlyCollection<string> ForeignRequests => _foreign.ToArray();

    /// <summary>Uncaught script errors and policy violations (should stay empty).</summary>
    public IReadOnlyCollection<string> Errors => _errors.ToArray();

    /// <summary>Opens a context of <paramref name="screen"/> size on <paramref name="site"/>.</summary>
    public static async Task<ConsoleSession> StartAsync(BrowserFixture browser, Uri site, ConsoleScreen screen)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = screen == ConsoleScreen.Laptop ? new ViewportSize { Width = 1366, Height = 768 } : new ViewportSize { Width = 820, Height = 1180 },
            DeviceScaleFactor = screen == ConsoleScreen.Laptop ? 1 : 2,
            IsMobile = false,
            HasTouch = screen == ConsoleScreen.Tablet,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var session = new ConsoleSession(context, page, site, screen);
        var origin = site.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal)
                || (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.GetLeftPart(UriPartial.Authority).ToLowerInvariant() == origin))
            {
                await route.ContinueAsync();
            }
            else
            {
                session._foreign.Enqueue(url);
                await route.AbortAsync("blockedbyclient");
            }
        });
        page.PageError += (_, error) => session._errors.Enqueue("script error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                session._errors.Enqueue("policy: " + message.Text);
            }
        };
        return session;
    }

    /// <summary>Opens the console and signs in with <paramref name="key"/>; waits for the first page of the role.</summary>
    public async Task SignInAsync(string key, string firstPage)
    {
        await Page.GotoAsync(new Uri(Site, "console").ToString());
        await Heading("Sign in").WaitForAsync();
        await Page.GetByLabel("Staff key").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Heading(firstPage).WaitForAsync();
    }

    /// <summary>The page's main heading with this text.</summary>
    public ILocator Heading(string text) => Page.GetByRole(AriaRole.Heading, new() { Name = text, Level = 1, Exact = true });

    /// <summary>Goes to a console page through its navigation link and waits for its heading.</summary>
    public async Task OpenAsync(string link, string heading)
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Console pages" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Heading(heading).WaitForAsync();
    }

    /// <summary>The polite status message, once it holds <paramref name="text"/>.</summary>
    public async Task ExpectFlashAsync(string text) =>
        await Page.Locator("#flash").GetByText(text, new() { Exact = false }).WaitForAsync();

    /// <summary>Waits for an error summary that says <paramref name="text"/>; returns it.</summary>
    public async Task<ILocator> ExpectProblemAsync(string text)
    {
        var summary = Page.Locator(".error-summary:not([hidden])").Filter(new() { HasText = text });
        await summary.First.WaitForAsync();
        return summary.First;
    }

    /// <summary>
    /// Runs axe-core on the console as it is now (every WCAG A/AA rule and best practice), leaving sandboxed frames (the
    /// digest preview, itself checked by the digest's own tests) out, and fails listing every violation.
    /// </summary>
    public async Task AssertAccessibleAsync(string what)
    {
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Loads axe into the page (and checks it once the harness's way).
            await Axe.AssertCleanAsync(Page, what);
            return;
        }
        var result = await Page.EvaluateAsync<JsonElement>(
            "async tags => { const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false }); " +
            "return r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }",
            Axe.Tags);
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} violation(s) on {what}:\n  " + string.Join("\n  ", violations));
    }

    /// <summary>Checks the page with axe, saves a screenshot named after the screen and <paramref name="name"/>, and checks nothing was blocked.</summary>
    public async Task CheckAsync(string name)
    {
        await AssertAccessibleAsync($"{name} ({Screen})");
        await Screenshots.SaveAsync(Page, $"console-{Screen.ToString().ToLowerInvariant()}-{name}");
        Assert.Empty(ForeignRequests);
        Assert.True(Errors.Count == 0, "The console reported errors:\n  " + string.Join("\n  ", Errors));
        // Nothing is wider than the screen: usable without sideways scrolling.
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{name} ({Screen}) is {overflow}px wider than the screen.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

/// <summary>Helpers for seeding the site the console tests walk through.</summary>
internal static class ConsoleSeed
{
    public static async Task<string> SubmitAsync(SiteHost site, string survey, string text, string? venue = null)
    {
        var venuePart = venue is null ? "" : $",\"venue\":\"{venue}\"";
        using var res = await site.SendAsync(HttpMethod.Post, $"/api/surveys/{survey}/responses", content: new StringContent(
            "{\"answers\":{\"listened\":2,\"one-thing\":" + JsonSerializer.Serialize(text) + "}" + venuePart + "}", System.Text.Encoding.UTF8, "application/json"));
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.IsSuccessStatusCode, $"submit: {res.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public static async Task WaitAnalysedAsync(SiteHost site, params string[] ids)
    {
        var responses = site.Get<Core.Storage.IResponseRepository>();
        await SiteHost.WaitForAsync(async () =>
        {
            foreach (var id in ids)
            {
                if ((await responses.FindAsync(id))?.Analysis is null)
                {
                    return false;
                }
            }
            return true;
        }, TimeSpan.FromSeconds(30), "the responses to be analysed");
    }

    public static Task<string> KeyAsync(SiteHost site, StaffRole role, string label) => site.IssueKeyAsync(role, label);
}
