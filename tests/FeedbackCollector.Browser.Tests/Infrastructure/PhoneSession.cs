using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace FeedbackCollector.Browser.Tests.Infrastructure;

/// <summary>
/// A browser context sized like a phone, with one page, that lets through only requests to the site under test: any
/// other request is aborted and kept in <see cref="ForeignRequests"/>, so a test can assert that a page asks no other
/// host for anything. Every response from the site is kept for <see cref="BytesSinceAsync"/> (page weight).
/// </summary>
public sealed class PhoneSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _foreign = new();
    private readonly ConcurrentQueue<(int Sequence, IResponse Response)> _responses = new();
    private int _sequence;

    private PhoneSession(IBrowserContext context, IPage page, Uri site)
    {
        Context = context;
        Page = page;
        Site = site;
    }

    /// <summary>The context (cookies, permissions, JavaScript on or off).</summary>
    public IBrowserContext Context { get; }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>The site's base address.</summary>
    public Uri Site { get; }

    /// <summary>Requests to other origins, aborted (should stay empty).</summary>
    public IReadOnlyCollection<string> ForeignRequests => _foreign.ToArray();

    /// <summary>A mark for <see cref="BytesSinceAsync"/>: responses after it count.</summary>
    public int Mark() => Volatile.Read(ref _sequence);

    internal static async Task<PhoneSession> StartAsync(IBrowser browser, Uri site, bool javaScript, string locale)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            JavaScriptEnabled = javaScript,
            Locale = locale,
            UserAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36 FeedbackCollectorTests",
        });
        // Generous: the test machine may be shared and busy.
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        var session = new PhoneSession(context, page, site);
        var origin = Origin(site);
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal)
                || (Uri.TryCreate(url, UriKind.Absolute, out var u) && Origin(u) == origin))
            {
                await route.ContinueAsync();
            }
            else
            {
                session._foreign.Enqueue(url);
                await route.AbortAsync("blockedbyclient");
            }
        });
        page.Response += (_, response) =>
        {
            if (Uri.TryCreate(response.Url, UriKind.Absolute, out var u) && Origin(u) == origin)
            {
                session._responses.Enqueue((Interlocked.Increment(ref session._sequence), response));
            }
        };
        return session;
    }

    /// <summary>Goes to <paramref name="pathAndQuery"/> on the site and returns the main response.</summary>
    public async Task<IResponse> GotoAsync(string pathAndQuery)
    {
        var response = await Page.GotoAsync(new Uri(Site, pathAndQuery).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return response ?? throw new InvalidOperationException($"No response for {pathAndQuery}.");
    }

    /// <summary>Uncompressed bytes of every response from the site after <paramref name="mark"/> (HTML, CSS, script, images).</summary>
    public async Task<long> BytesSinceAsync(int mark)
    {
        long total = 0;
        foreach (var (sequence, response) in _responses.ToArray())
        {
            if (sequence > mark && response.Status is not (301 or 302 or 303 or 307 or 308))
            {
                total += (await response.BodyAsync()).Length;
            }
        }
        return total;
    }

    /// <summary>Cookies the site set (should be none).</summary>
    public async Task<IReadOnlyList<BrowserContextCookiesResult>> CookiesAsync() => await Context.CookiesAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private static string Origin(Uri u) => u.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
}
