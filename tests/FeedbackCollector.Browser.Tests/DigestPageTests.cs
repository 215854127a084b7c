using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FeedbackCollector.Browser.Tests.Infrastructure;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Digest;
using FeedbackCollector.Digest.Tests;
using FeedbackCollector.TestSupport;
using Microsoft.Playwright;

namespace FeedbackCollector.Browser.Tests;

/// <summary>
/// The HTML digest of a fixed data set with hostile text in it (markup, a 600-letter word, emoji, right-to-left text with a
/// bidirectional override), downloaded by an officer from the local host the way the console opens it, in headless
/// Chromium: photographed, checked with axe-core, laid out at A4 width on screen and in print, and printed to an A4 PDF.
/// </summary>
[Collection("browser")]
public sealed partial class DigestPageTests(AzuriteFixture azurite, BrowserFixture browser)
{
    /// <summary>A4 at 96 CSS pixels to the inch: 210 mm.</summary>
    private const int A4WidthPx = 794;

    /// <summary>The printable width of an A4 page under the digest's <c>@page{margin:16mm 14mm}</c>: 182 mm, in CSS pixels.</summary>
    private static readonly int PrintableWidthPx = (int)Math.Floor((210 - 28) / 25.4 * 96);

    private const string Script = "<script>document.title='pwned'</script>";
    private static readonly string LongWord = "Supercalifragilistic" + new string('x', 580);
    private const string Emoji = "The youth workers listen 👍🏽 and the club is brilliant 👩‍👩‍👧 🏳️‍🌈";
    private const string Rtl = "المدرسة لا تستمع إلينا listen \u202Eesrever\u202C";

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PdfPage();

    [GeneratedRegex(@"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex PdfMediaBox();

    [BrowserFact]
    public async Task The_html_digest_is_safe_accessible_self_contained_and_fits_A4_on_screen_and_in_print()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        var officer = await site.IssueKeyAsync(StaffRole.Officer);
        var archive = site.Get<IDigestArchive>();
        foreach (var f in DigestRenderer.RenderAll(HostileModel()))
        {
            await archive.SaveAsync(DigestPaths.Folder(new Quarter(2026, 1)) + f.Name, f.ContentType, f.Content);
        }

        var origin = site.BaseUri.GetLeftPart(UriPartial.Authority);
        var foreign = new ConcurrentQueue<string>();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = A4WidthPx, Height = 1123 },
            Locale = "en-GB",
            ExtraHTTPHeaders = new Dictionary<string, string> { [RoleKeys.Header] = officer },
        });
        context.SetDefaultTimeout(60_000);
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                foreign.Enqueue(url);
                await route.AbortAsync("blockedbyclient");
            }
        });
        var page = await context.NewPageAsync();
        var consoleErrors = new ConcurrentQueue<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Enqueue(m.Text); };

        var response = await page.GotoAsync(new Uri(site.BaseUri, "api/digests/2026-Q1/digest.html").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("default-src 'none'", await response.HeaderValueAsync("content-security-policy"));

        // Hostile text is text: no element came from it, the page title is the digest's, the override is gone.
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.StartsWith("Voice of the child digest", await page.TitleAsync());
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains(Script, text);
        Assert.Contains("👩‍👩‍👧", text);
        Assert.DoesNotContain('\u202E', text);
        Assert.Contains(LongWord, text.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // Right-to-left text sits in an element that isolates its direction.
        Assert.True(await page.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('blockquote p, td.t, bdi')].some(e => e.textContent.includes('المدرسة') && (e.tagName === 'BDI' || e.getAttribute('dir') === 'auto'))"),
            "the right-to-left quote is isolated");

        // The charts are inline SVG images with a text alternative and drawn bars.
        var charts = await page.EvaluateAsync<int[]>(
            "() => [document.querySelectorAll('svg[role=img]').length, document.querySelectorAll('svg[role=img] > title').length, document.querySelectorAll('svg rect.chart-bar').length]");
        Assert.True(charts[0] >= 2, $"{charts[0]} charts");
        Assert.Equal(charts[0], charts[1]);
        Assert.True(charts[2] > 0, "the charts draw bars");

        await AssertNothingWiderThanAsync(page, A4WidthPx, "on screen at A4 width");
        Assert.True(File.Exists(await Screenshots.SaveAsync(page, "digest-2026-Q1-hostile")));
        await Axe.AssertCleanAsync(page, "the HTML digest");

        // Print: as laid out on an A4 page's printable width, nothing is cut off on the right.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.SetViewportSizeAsync(PrintableWidthPx, 1000);
        Assert.False(await page.Locator("nav").IsVisibleAsync(), "the contents list is not printed");
        await AssertNothingWiderThanAsync(page, PrintableWidthPx, "in print media at A4's printable width");
        Assert.True(File.Exists(await Screenshots.SaveAsync(page, "digest-2026-Q1-print")));

        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        Directory.CreateDirectory(Screenshots.Directory);
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, "digest-2026-Q1.pdf"), pdf);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var raw = Encoding.Latin1.GetString(pdf);
        var pages = PdfPage().Matches(raw).Count;
        // The fixed data set fills a few pages; a page per element or a single cut-off page would both be wrong.
        Assert.InRange(pages, 3, 30);
        var boxes = PdfMediaBox().Matches(raw);
        Assert.NotEmpty(boxes);
        foreach (Match box in boxes)
        {
            // A4 is 595.3 x 841.9 points (Chromium's default paper, Letter, is 612 x 792): the page size comes from @page.
            var w = double.Parse(box.Groups[3].Value, CultureInfo.InvariantCulture) - double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture);
            var h = double.Parse(box.Groups[4].Value, CultureInfo.InvariantCulture) - double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.InRange(w, 593, 598);
            Assert.InRange(h, 839, 845);
        }
        Console.WriteLine($"Digest PDF: {pages} A4 pages, {pdf.Length:N0} bytes");

        Assert.Empty(foreign);
        Assert.Empty(consoleErrors);
    }

    /// <summary>Fails when the page scrolls sideways or any element's box reaches past <paramref name="width"/> pixels.</summary>
    private static async Task AssertNothingWiderThanAsync(IPage page, int width, string where)
    {
        var result = await page.EvaluateAsync<string[]>(
            """
            w => {
              const out = [];
              const doc = document.documentElement;
              if (doc.scrollWidth > doc.clientWidth) out.push(`the page scrolls: ${doc.scrollWidth} px wide in ${doc.clientWidth}`);
              if (doc.clientWidth > w) out.push(`the viewport is ${doc.clientWidth} px, expected at most ${w}`);
              for (const e of document.body.querySelectorAll('*')) {
                const r = e.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                if (r.right > doc.clientWidth + 0.5 || r.left < -0.5) out.push(`${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''} spans ${Math.round(r.left)}..${Math.round(r.right)}`);
                if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') out.push(`${e.tagName.toLowerCase()} hides ${e.scrollWidth - e.clientWidth} px`);
              }
              return out.slice(0, 20);
            }
            """, width);
        Assert.True(result.Length == 0, $"Cut off {where}:\n  " + string.Join("\n  ", result));
    }

    /// <summary>The golden files' data set with a group of children's answers that are hostile text, on a leading theme.</summary>
    private static DigestModel HostileModel()
    {
        var current = DigestFixture.Current();
        var at = DigestFixture.Period.FromUtc.AddDays(9);
        string[] texts = [Script, LongWord, Emoji, Rtl, Script + " listen", Emoji + " listen", Rtl + " again", LongWord + " listen"];
        for (var i = 0; i < texts.Length; i++)
        {
            current.Add(DigestFixture.Response($"hostile-{i}", "young-voices", Audience.Child, at.AddHours(i), Channel.Web, "oak-youth", [],
                [("better", texts[i], [("listen-to-me", "Listen to me", "listen")], SentimentLabel.Neutral, ["listen", "youth club"])]));
        }
        var actions = DigestFixture.Actions.Append(new ActionRecord
        {
            Id = "a3", Quarter = new Quarter(2026, 1), ThemeId = "listen-to-me", YouSaid = Rtl, WeDid = Script + " " + LongWord,
            RecordedBy = "Officer", RecordedUtc = at,
        }).ToList();
        return DigestBuilder.Build(DigestFixture.Period, DigestFixture.Surveys, current, DigestFixture.Previous(), actions, concernsRaised: 2, concernsReviewed: 1,
            title: "Voice of the child digest 👩‍👩‍👧");
    }
}
