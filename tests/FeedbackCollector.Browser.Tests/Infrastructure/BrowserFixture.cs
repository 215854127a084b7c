using Microsoft.Playwright;

namespace FeedbackCollector.Browser.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the test assembly (started once: about a second), with a fresh context per test. Use it
/// through the <c>browser</c> collection (<see cref="BrowserCollection"/>), which also starts Azurite.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser; only when <see cref="Chromium.MissingReason"/> is null.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Chromium.MissingReason ?? "The browser has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is null)
        {
            // The tests are skipped by [BrowserFact]; say it here too, so a log reader sees it once.
            Console.Error.WriteLine("*** " + Chromium.MissingReason);
            return;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Args,
            Timeout = 60_000,
        });
    }

    /// <summary>
    /// A new phone-sized context and page on <paramref name="site"/> (390 x 844 CSS pixels, touch, English unless
    /// <paramref name="locale"/> says otherwise). Requests to any other origin are aborted and recorded.
    /// </summary>
    public Task<PhoneSession> NewPhoneAsync(Uri site, bool javaScript = true, string locale = "en-GB") =>
        PhoneSession.StartAsync(Browser, site, javaScript, locale);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}

/// <summary>The browser tests share one Azurite and one Chromium, and run one after another (the machine has two cores).</summary>
[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<TestSupport.AzuriteFixture>, ICollectionFixture<BrowserFixture>;
