using System.Text.RegularExpressions;
using FeedbackCollector.Browser.Tests.Infrastructure;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.TestSupport;
using Microsoft.Playwright;

namespace FeedbackCollector.Browser.Tests;

/// <summary>The respondent's pages in headless Chromium on a phone-sized screen, with JavaScript on and off.</summary>
[Collection("browser")]
public sealed partial class SurveyPageTests(AzuriteFixture azurite, BrowserFixture browser)
{
    /// <summary>The budget for one page: HTML, CSS and script together, uncompressed.</summary>
    private const int PageBudgetBytes = 30 * 1024;

    public static TheoryData<string, bool> EverySurveyWithAndWithoutScript()
    {
        var data = new TheoryData<string, bool>();
        foreach (var code in DefaultSurveys.Codes)
        {
            data.Add(code, true);
            data.Add(code, false);
        }
        return data;
    }

    [GeneratedRegex("^[0-9A-Z]{5}-[0-9A-Z]{5}$")]
    private static partial Regex ReceiptPattern();

    [BrowserTheory]
    [MemberData(nameof(EverySurveyWithAndWithoutScript))]
    public async Task Each_default_survey_is_answered_and_sent_from_a_phone(string code, bool javaScript)
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        await site.OpenDefaultSurveysAsync(code);
        await using var phone = await browser.NewPhoneAsync(site.BaseUri, javaScript);
        var suffix = javaScript ? "js" : "nojs";

        var mark = phone.Mark();
        var page = await phone.GotoAsync($"s/{code}?v=oak-youth&c=qr");
        Assert.Equal(200, page.Status);
        var weight = await phone.BytesSinceAsync(mark);
        Assert.True(weight < PageBudgetBytes, $"The {code} page weighs {weight:N0} bytes; the budget is {PageBudgetBytes:N0}.");
        Console.WriteLine($"Page weight of /s/{code}: {weight:N0} bytes");
        var csp = await page.HeaderValueAsync("content-security-policy");
        Assert.StartsWith("default-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        await AssertFitsTheScreenAsync(phone.Page);
        await Screenshots.SaveAsync(phone.Page, $"survey-{code}-{suffix}");
        if (javaScript)
        {
            await Axe.AssertCleanAsync(phone.Page, $"/s/{code}");
            Assert.True(await phone.Page.Locator("button.say").CountAsync() > 0, "read-aloud buttons are added when speech synthesis exists");
        }

        var survey = DefaultSurveys.Load(code);
        foreach (var q in survey.Questions!)
        {
            await AnswerAsync(phone.Page, q);
        }
        await SubmitAsync(phone.Page, () => phone.Page.Locator("button.send").ClickAsync());
        var receipt = (await phone.Page.Locator(".receipt").InnerTextAsync()).Trim();
        Assert.Matches(ReceiptPattern(), receipt);
        await Screenshots.SaveAsync(phone.Page, $"thanks-{code}-{suffix}");
        if (javaScript)
        {
            await Axe.AssertCleanAsync(phone.Page, $"the thank-you page of {code}");
        }

        Assert.True(ResponseId.TryNormalize(receipt, out var id));
        var stored = await site.Get<IResponseRepository>().FindAsync(id);
        Assert.NotNull(stored);
        Assert.Equal("oak-youth", stored.Venue);
        Assert.Equal(Channel.Qr, stored.Channel);
        Assert.Equal(survey.Questions!.Count(q => q.Kind != QuestionKind.FreeText), stored.Answers.Count);
        Assert.Equal(survey.Questions!.Count(q => q.Kind == QuestionKind.FreeText), stored.FreeText.Count);
        Assert.Empty(phone.ForeignRequests);
        Assert.Empty(await phone.CookiesAsync());
    }

    /// <summary>
    /// Does <paramref name="action"/> and waits until the page it leads to has loaded. A form post answers at the same
    /// URL, so WaitForURL cannot tell the pages apart; Playwright marks this wait obsolete but it is the one that can.
    /// </summary>
    private static async Task SubmitAsync(IPage page, Func<Task> action)
    {
#pragma warning disable CS0612
        await page.RunAndWaitForNavigationAsync(action, new PageRunAndWaitForNavigationOptions { WaitUntil = WaitUntilState.Load });
#pragma warning restore CS0612
    }

    /// <summary>Nothing sticks out sideways: a phone would otherwise zoom out and the words become tiny.</summary>
    private static async Task AssertFitsTheScreenAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(sizes[0] <= sizes[1], $"The page is {sizes[0]} px wide on a {sizes[1]} px screen.");
    }

    private static async Task AnswerAsync(IPage page, Question q)
    {
        switch (q.Kind)
        {
            case QuestionKind.EmojiScale:
                await page.Locator($"#q-{q.Id}-3").CheckAsync();
                break;
            case QuestionKind.MultipleChoice:
                await page.Locator($"#q-{q.Id}-0").CheckAsync();
                await page.Locator($"#q-{q.Id}-1").CheckAsync();
                break;
            case QuestionKind.FreeText:
                await page.Locator($"#q-{q.Id}").FillAsync("More youth clubs open in the evening, and workers who call back.");
                break;
            default:
                await page.Locator($"#q-{q.Id}-0").CheckAsync();
                break;
        }
    }

    [BrowserFact]
    public async Task A_worrying_answer_puts_help_first_and_the_concern_is_recorded_and_alerted()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        await site.OpenDefaultSurveysAsync("young-people");
        await using var phone = await browser.NewPhoneAsync(site.BaseUri);

        await phone.GotoAsync("s/young-people?v=clinic-east");
        await phone.Page.Locator("#q-listened-0").CheckAsync();
        await phone.Page.Locator("#q-one-thing").FillAsync("my step dad hits me and I am scared to go home");
        await SubmitAsync(phone.Page, () => phone.Page.Locator("button.send").ClickAsync());

        var first = phone.Page.Locator("main > :first-child");
        Assert.Equal("section", await first.EvaluateAsync<string>("e => e.tagName.toLowerCase()"));
        Assert.Contains("first", await first.GetAttributeAsync("class") ?? "");
        var help = await first.InnerTextAsync();
        Assert.Contains("0800 1111", help);
        Assert.Contains("85258", help);
        Assert.Contains("999", help);
        Assert.Equal("tel:08001111", await first.Locator("a").First.GetAttributeAsync("href"));
        await Screenshots.SaveAsync(phone.Page, "thanks-needs-help");
        await Axe.AssertCleanAsync(phone.Page, "the thank-you page with help first");

        var receipt = (await phone.Page.Locator(".receipt").InnerTextAsync()).Trim();
        Assert.True(ResponseId.TryNormalize(receipt, out var id));
        var concerns = site.Get<IConcernRepository>();
        ConcernRecord? concern = null;
        await SiteHost.WaitForAsync(async () => (concern = await concerns.FindAsync(id)) is { AlertDeliveredUtc: not null }, TimeSpan.FromSeconds(20), "the alert to be delivered");
        Assert.Equal("clinic-east", concern!.Venue);
        Assert.Equal("young-people", concern.SurveyCode);
    }

    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_receipt_withdraws_the_answers(bool javaScript)
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        await site.OpenDefaultSurveysAsync("children");
        await using var phone = await browser.NewPhoneAsync(site.BaseUri, javaScript);

        await phone.GotoAsync("s/children");
        await phone.Page.Locator("#q-listened-4").CheckAsync();
        await SubmitAsync(phone.Page, () => phone.Page.Locator("button.send").ClickAsync());
        var receipt = (await phone.Page.Locator(".receipt").InnerTextAsync()).Trim();
        Assert.True(ResponseId.TryNormalize(receipt, out var id));
        Assert.NotNull(await site.Get<IResponseRepository>().FindAsync(id));

        await SubmitAsync(phone.Page, () => phone.Page.GetByRole(AriaRole.Link, new() { Name = "Take my answers back" }).ClickAsync());
        if (javaScript)
        {
            await Axe.AssertCleanAsync(phone.Page, "the withdraw page");
        }
        await phone.Page.GetByLabel("Your code").FillAsync(receipt.ToLowerInvariant());
        await SubmitAsync(phone.Page, () => phone.Page.Locator("button.send").ClickAsync());
        Assert.Equal("Your answers have been taken back", (await phone.Page.Locator("h1").InnerTextAsync()).Trim());
        await Screenshots.SaveAsync(phone.Page, $"withdrawn-{(javaScript ? "js" : "nojs")}");
        Assert.Null(await site.Get<IResponseRepository>().FindAsync(id));

        // The same code again: nothing left to take back, said beside the field.
        await phone.GotoAsync("s/children/withdraw");
        await phone.Page.GetByLabel("Your code").FillAsync(receipt);
        await SubmitAsync(phone.Page, () => phone.Page.Locator("button.send").ClickAsync());
        Assert.Contains("can't find", await phone.Page.Locator(".err").InnerTextAsync());
        Assert.Equal("true", await phone.Page.Locator("#receipt").GetAttributeAsync("aria-invalid"));
        if (javaScript)
        {
            await Axe.AssertCleanAsync(phone.Page, "the withdraw page with a problem");
        }
    }

    [BrowserFact]
    public async Task A_missing_required_answer_is_shown_beside_the_question_with_the_answers_kept()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        await site.OpenDefaultSurveysAsync("children");
        await using var phone = await browser.NewPhoneAsync(site.BaseUri);

        await phone.GotoAsync("s/children");
        await phone.Page.Locator("#q-explained-0").CheckAsync();
        await phone.Page.Locator("#q-one-thing").FillAsync("A club on Saturdays");
        // Past the browser's own check, as an old browser would send it: the server says the same thing.
        await phone.Page.Locator("form[data-once]").EvaluateAsync("f => f.noValidate = true");
        await SubmitAsync(phone.Page, () => phone.Page.Locator("button.send").ClickAsync());

        var summary = phone.Page.Locator(".errors");
        Assert.True(await summary.IsVisibleAsync());
        Assert.True(await summary.EvaluateAsync<bool>("e => document.activeElement === e"), "focus moves to the problems");
        Assert.Equal("#q-listened-0", await summary.Locator("a").First.GetAttributeAsync("href"));
        Assert.Contains("Please answer this question.", await phone.Page.Locator("#e-listened").InnerTextAsync());
        Assert.True(await phone.Page.Locator("#q-explained-0").IsCheckedAsync());
        Assert.Equal("A club on Saturdays", await phone.Page.Locator("#q-one-thing").InputValueAsync());
        await Screenshots.SaveAsync(phone.Page, "survey-children-problem");
        await Axe.AssertCleanAsync(phone.Page, "the survey with a problem");
    }

    [BrowserFact]
    public async Task The_page_is_in_urdu_right_to_left_for_an_urdu_browser_with_a_visible_switch_to_english()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        await site.OpenDefaultSurveysAsync("children");
        await using var phone = await browser.NewPhoneAsync(site.BaseUri, locale: "ur-PK");

        await phone.GotoAsync("s/children?v=oak-youth");
        Assert.Equal("ur", await phone.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("rtl", await phone.Page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("rtl", await phone.Page.Locator("main").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("میرے جوابات بھیجیں", (await phone.Page.Locator("button.send").InnerTextAsync()).Trim());
        // Survey content is English and says so, so speech and screen readers switch voice.
        Assert.Equal("en", await phone.Page.Locator("h1").GetAttributeAsync("lang"));
        await AssertFitsTheScreenAsync(phone.Page);
        await Screenshots.SaveAsync(phone.Page, "survey-children-ur");
        await Axe.AssertCleanAsync(phone.Page, "the Urdu page");

        await phone.Page.Locator("nav.langs a[hreflang=en]").ClickAsync();
        await phone.Page.WaitForURLAsync(new Regex(@"/s/children\?lang=en"));
        Assert.Equal("ltr", await phone.Page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("oak-youth", await phone.Page.Locator("input[name=v]").InputValueAsync());
    }

    [BrowserFact]
    public async Task Read_aloud_speaks_the_question_in_the_page_language()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        await site.OpenDefaultSurveysAsync("children");
        await using var phone = await browser.NewPhoneAsync(site.BaseUri);

        await phone.GotoAsync("s/children");
        await phone.Page.EvaluateAsync("() => { window.__said = []; speechSynthesis.speak = u => window.__said.push([u.text, u.lang]); }");
        await phone.Page.Locator("fieldset:has(#q-listened-0) button.say").ClickAsync();
        var said = await phone.Page.EvaluateAsync<string[][]>("() => window.__said");
        var (text, lang) = (said.Single()[0], said.Single()[1]);
        Assert.Contains("Do the grown-ups who help you listen to you?", text);
        Assert.Contains("Very happy", text);
        Assert.DoesNotContain("Read aloud", text);
        Assert.Equal("en", lang);
    }

    [BrowserFact]
    public async Task The_form_can_be_answered_and_sent_with_the_keyboard_alone()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        await site.OpenDefaultSurveysAsync("children");
        await using var phone = await browser.NewPhoneAsync(site.BaseUri, javaScript: false);

        await phone.GotoAsync("s/children");
        var reached = false;
        for (var i = 0; i < 30 && !reached; i++)
        {
            await phone.Page.Keyboard.PressAsync("Tab");
            reached = await phone.Page.EvaluateAsync<bool>("() => document.activeElement && document.activeElement.name === 'a.listened'");
        }
        Assert.True(reached, "Tab reaches the first question");
        await phone.Page.Keyboard.PressAsync("ArrowRight");
        await phone.Page.Keyboard.PressAsync("ArrowRight");
        Assert.True(await phone.Page.Locator("#q-listened-2").IsCheckedAsync());
        Assert.Equal("4px", await phone.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineWidth"));
        await phone.Page.Locator("button.send").FocusAsync();
        await SubmitAsync(phone.Page, () => phone.Page.Keyboard.PressAsync("Enter"));
        Assert.Matches(ReceiptPattern(), (await phone.Page.Locator(".receipt").InnerTextAsync()).Trim());
    }

    [BrowserFact]
    public async Task The_poster_prints_the_code_the_link_and_an_invitation()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope, new Dictionary<string, string?> { ["Survey:PublicBaseUrl"] = "https://feedback.example.org" });
        await site.OpenDefaultSurveysAsync("young-people");
        await using var phone = await browser.NewPhoneAsync(site.BaseUri);

        var mark = phone.Mark();
        await phone.GotoAsync("s/young-people/poster?v=oak-youth");
        Assert.Equal("https://feedback.example.org/s/young-people?v=oak-youth", (await phone.Page.Locator(".link").InnerTextAsync()).Trim());
        Assert.Equal(1, await phone.Page.Locator("main svg[role=img]").CountAsync());
        Assert.Contains("Scan the code", await phone.Page.Locator(".invite").InnerTextAsync());
        Assert.Empty(phone.ForeignRequests);
        await Axe.AssertCleanAsync(phone.Page, "the poster");
        await phone.Page.SetViewportSizeAsync(794, 1123);
        await Screenshots.SaveAsync(phone.Page, "poster-young-people");
        var pdf = await phone.Page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 1000);
        Console.WriteLine($"Poster page weight: {await phone.BytesSinceAsync(mark):N0} bytes");
    }
}
