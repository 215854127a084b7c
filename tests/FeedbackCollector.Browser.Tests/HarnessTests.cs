using FeedbackCollector.Browser.Tests.Infrastructure;
using FeedbackCollector.TestSupport;

namespace FeedbackCollector.Browser.Tests;

/// <summary>The harness itself: the browser reaches the local host, axe finds what it should, foreign requests are caught.</summary>
[Collection("browser")]
public sealed class HarnessTests(AzuriteFixture azurite, BrowserFixture browser)
{
    [BrowserFact]
    public async Task Axe_reports_a_known_violation_and_passes_a_clean_page()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        await using var phone = await browser.NewPhoneAsync(site.BaseUri);
        await phone.GotoAsync("api/health");

        await phone.Page.SetContentAsync("<!doctype html><html lang=\"en\"><head><title>Bad</title></head><body><main><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></body></html>");
        var bad = await Axe.RunAsync(phone.Page);
        Assert.Contains(bad, v => v.Id == "image-alt");

        await phone.Page.SetContentAsync("<!doctype html><html lang=\"en\"><head><title>Good</title></head><body><main><h1>Hello</h1><p>A clean page.</p></main></body></html>");
        await Axe.AssertCleanAsync(phone.Page, "a clean page");
    }

    [BrowserFact]
    public async Task Requests_to_other_hosts_are_blocked_and_recorded_and_page_weight_is_measured()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        await using var phone = await browser.NewPhoneAsync(site.BaseUri);

        var mark = phone.Mark();
        var response = await phone.GotoAsync("api/health");
        Assert.Equal(200, response.Status);
        Assert.True(await phone.BytesSinceAsync(mark) > 0);
        Assert.Empty(phone.ForeignRequests);

        await phone.Page.EvaluateAsync("() => fetch('http://example.invalid/x').catch(() => 0)");
        await SiteHost.WaitForAsync(() => Task.FromResult(phone.ForeignRequests.Count > 0), TimeSpan.FromSeconds(5), "the foreign request to be caught");
        Assert.Contains(phone.ForeignRequests, u => u.StartsWith("http://example.invalid/", StringComparison.Ordinal));
        Assert.True(File.Exists(await Screenshots.SaveAsync(phone.Page, "harness-health")));
    }
}
