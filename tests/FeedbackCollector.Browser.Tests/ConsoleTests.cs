using System.Text;
using System.Text.Json;
using FeedbackCollector.Browser.Tests.Infrastructure;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;
using Microsoft.Playwright;

namespace FeedbackCollector.Browser.Tests;

/// <summary>
/// Each role walks through its pages of the staff console in headless Chromium, against the local host over Azurite:
/// every page is checked with axe-core, photographed (TestResults/screenshots), asks no other host for anything, breaks
/// no rule of its Content-Security-Policy, and fits the screen; every failing action says why and changes nothing.
/// </summary>
[Collection("browser")]
public sealed class ConsoleTests(AzuriteFixture azurite, BrowserFixture browser)
{
    [BrowserFact]
    public async Task Sign_in_refuses_a_wrong_key_shows_only_the_roles_pages_and_sign_out_forgets_the_key()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        var facilitator = await site.IssueKeyAsync(StaffRole.Facilitator, "Northside facilitator");
        await using var console = await ConsoleSession.StartAsync(browser, site.BaseUri, ConsoleScreen.Laptop);

        await console.Page.GotoAsync(new Uri(site.BaseUri, "console").ToString());
        await console.Heading("Sign in").WaitForAsync();
        await console.CheckAsync("sign-in");

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await console.ExpectProblemAsync("Enter your staff key.");
        await console.Page.GetByLabel("Staff key").FillAsync(facilitator + "x");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await console.ExpectProblemAsync("That key was not accepted");
        Assert.Equal("true", await console.Page.GetByLabel("Staff key").GetAttributeAsync("aria-invalid"));
        await console.CheckAsync("sign-in-refused");
        Assert.Null(await console.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('feedback.key')"));

        await console.Page.GetByLabel("Staff key").FillAsync(facilitator);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await console.Heading("Session notes").WaitForAsync();
        var links = await console.Page.GetByRole(AriaRole.Navigation, new() { Name = "Console pages" }).GetByRole(AriaRole.Link).AllInnerTextsAsync();
        Assert.Equal(["Session notes"], links);
        Assert.Contains("Signed in as Northside facilitator (facilitator)", await console.Page.Locator("#who-text").InnerTextAsync());
        // The key lives in this tab's session storage only: no cookie, nothing in local storage.
        Assert.Equal(facilitator, await console.Page.EvaluateAsync<string>("() => sessionStorage.getItem('feedback.key')"));
        Assert.Empty(await console.Context.CookiesAsync());
        Assert.Equal(0, await console.Page.EvaluateAsync<int>("() => localStorage.length"));

        // An officer's page by its address: refused in words, and the server would refuse it anyway.
        await console.Page.GotoAsync(new Uri(site.BaseUri, "console#/surveys").ToString());
        await console.Heading("Not for your role").WaitForAsync();
        await console.CheckAsync("not-for-your-role");

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await console.Heading("Sign in").WaitForAsync();
        Assert.Null(await console.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('feedback.key')"));
        Assert.False(await console.Page.GetByRole(AriaRole.Navigation, new() { Name = "Console pages" }).IsVisibleAsync());
    }

    [BrowserFact]
    public async Task An_officer_creates_a_survey_with_a_venue_opens_it_and_edits_its_questions()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        var officer = await site.IssueKeyAsync(StaffRole.Officer, "Participation officer");
        await using var console = await ConsoleSession.StartAsync(browser, site.BaseUri, ConsoleScreen.Laptop);
        await console.SignInAsync(officer, "Surveys");
        await console.Page.GetByText("There are no surveys yet").WaitForAsync();
        await console.CheckAsync("surveys-empty");

        await console.Page.GetByLabel("Start from").SelectOptionAsync(new SelectOptionValue { Value = "young-people" });
        Assert.Equal("young-people", await console.Page.GetByLabel("Code", new() { Exact = true }).InputValueAsync());
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Create survey" }).ClickAsync();
        await console.Heading("Your say: getting help in our area").WaitForAsync();
        await console.ExpectFlashAsync("created as a draft");
        await console.CheckAsync("survey-new");

        // A venue with a code the server refuses: the reason is shown, nothing is stored.
        await console.Page.GetByLabel("Venue name").FillAsync("Oak Youth Club");
        Assert.Equal("oak-youth-club", await console.Page.GetByLabel("Venue code").InputValueAsync());
        await console.Page.GetByLabel("Venue code").FillAsync("Oak Youth!");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Add venue" }).ClickAsync();
        await console.ExpectProblemAsync("lower-case letters, digits and hyphens");
        await console.CheckAsync("survey-venue-refused");
        Assert.Empty((await site.Get<ISurveyRepository>().FindAsync("young-people"))!.Venues);

        await console.Page.GetByLabel("Venue code").FillAsync("oak-youth");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Add venue" }).ClickAsync();
        await console.ExpectFlashAsync("Venue \"Oak Youth Club\" added");
        await console.Page.GetByText("Open the survey to print its poster.").WaitForAsync();
        Assert.Equal("oak-youth", Assert.Single((await site.Get<ISurveyRepository>().FindAsync("young-people"))!.Venues).Code);

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Open the survey" }).ClickAsync();
        await console.ExpectFlashAsync("The survey is open.");
        Assert.Equal(Core.Surveys.SurveyStatus.Open, (await site.Get<ISurveyRepository>().FindAsync("young-people"))!.Status);
        // Once open, the venue's QR code is drawn (by the survey pages' own function) and its poster is one click away.
        var qr = console.Page.GetByRole(AriaRole.Img, new() { Name = "QR code for Oak Youth Club" });
        await qr.WaitForAsync();
        await console.Page.WaitForFunctionAsync("() => { const i = document.querySelector('img.qr'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.Equal("/s/young-people/poster?v=oak-youth",
            await console.Page.GetByRole(AriaRole.Link, new() { Name = "Poster for Oak Youth Club (opens in a new tab)" }).GetAttributeAsync("href"));
        await console.CheckAsync("survey-open");

        // Edit a question; a question asking for a name is refused with the reason next to it.
        var first = console.Page.GetByRole(AriaRole.Group, new() { Name = "Question 1", Exact = true });
        await first.GetByLabel("Question", new() { Exact = true }).FillAsync("What is your full name?");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Save questions" }).ClickAsync();
        await console.ExpectProblemAsync("may not ask for a name");
        Assert.Equal("true", await first.GetByLabel("Question", new() { Exact = true }).GetAttributeAsync("aria-invalid"));
        await console.CheckAsync("survey-question-refused");
        Assert.Equal("How well do the people helping you listen to you?", (await site.Get<ISurveyRepository>().FindAsync("young-people"))!.Questions[0].Text);

        await first.GetByLabel("Question", new() { Exact = true }).FillAsync("How well do the adults helping you listen to you?");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Save questions" }).ClickAsync();
        await console.ExpectFlashAsync("Questions saved.");
        Assert.Equal("How well do the adults helping you listen to you?", (await site.Get<ISurveyRepository>().FindAsync("young-people"))!.Questions[0].Text);
        await console.CheckAsync("survey-saved");

        await console.OpenAsync("Surveys", "Surveys");
        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Your say: getting help in our area" }).WaitForAsync();
        await console.CheckAsync("surveys-list");
    }

    [BrowserFact]
    public async Task An_officer_filters_responses_corrects_themes_and_exports_the_corrections()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        var officer = await site.IssueKeyAsync(StaffRole.Officer, "Participation officer");
        await site.OpenDefaultSurveysAsync("young-people");
        var listen = await ConsoleSeed.SubmitAsync(site, "young-people", "my social worker never listens to me and i had to tell my story over and over", "oak-youth");
        var clubs = await ConsoleSeed.SubmitAsync(site, "young-people", "more youth clubs in the evenings please", "elm-school");
        await ConsoleSeed.WaitAnalysedAsync(site, listen, clubs);

        await using var console = await ConsoleSession.StartAsync(browser, site.BaseUri, ConsoleScreen.Tablet);
        await console.SignInAsync(officer, "Surveys");
        await console.OpenAsync("Responses", "Responses");
        await console.Page.GetByRole(AriaRole.Heading, new() { Name = "2 responses", Level = 2 }).WaitForAsync();
        await console.CheckAsync("responses");

        await console.Page.GetByLabel("Venue").SelectOptionAsync(new SelectOptionValue { Value = "oak-youth" });
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Show responses" }).ClickAsync();
        await console.Page.GetByRole(AriaRole.Heading, new() { Name = "1 response", Level = 2 }).WaitForAsync();
        var card = console.Page.GetByRole(AriaRole.Article);
        await card.GetByText("never listens to me").WaitForAsync();
        await card.GetByText("because of:").First.WaitForAsync();

        // A bad period is refused by the server with the field named; the list stays as it was.
        await console.Page.GetByLabel("From", new() { Exact = true }).FillAsync("2026-06-01");
        await console.Page.GetByLabel("To (included)", new() { Exact = true }).FillAsync("2026-01-01");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Show responses" }).ClickAsync();
        await console.ExpectProblemAsync("'to' must be after 'from'");
        await console.CheckAsync("responses-refused");

        // A fresh load keeps the sign-in (this tab's session) and starts from the default filters.
        await console.Page.ReloadAsync();
        await console.Page.GetByRole(AriaRole.Heading, new() { Name = "2 responses", Level = 2 }).WaitForAsync();
        var clubCard = console.Page.GetByRole(AriaRole.Article).Filter(new() { HasText = "more youth clubs" });
        await clubCard.GetByText("Correct the themes").ClickAsync();
        var choices = clubCard.GetByRole(AriaRole.Group, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Themes for") });
        foreach (var box in await choices.GetByRole(AriaRole.Checkbox).AllAsync())
        {
            await box.SetCheckedAsync(false);
        }
        await choices.GetByLabel("Early help and waiting", new() { Exact = true }).CheckAsync();
        await clubCard.GetByRole(AriaRole.Button, new() { Name = "Save themes" }).ClickAsync();
        await console.ExpectFlashAsync("corrected");
        await clubCard.GetByText("Themes corrected by Participation officer").WaitForAsync();
        await console.CheckAsync("responses-corrected");
        var stored = await site.Get<IResponseRepository>().FindAsync(clubs);
        Assert.Equal(["early-help"], stored!.EffectiveThemeIds());

        var download = await console.Page.RunAndWaitForDownloadAsync(() =>
            console.Page.GetByRole(AriaRole.Button, new() { Name = "Download corrections (JSON Lines)" }).ClickAsync());
        Assert.EndsWith(".jsonl", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        var line = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal(["early-help"], line.GetProperty("themes").EnumerateArray().Select(t => t.GetString()!).ToArray());
    }

    [BrowserFact]
    public async Task An_officer_edits_the_taxonomy_and_watches_re_analysis_finish()
    {
        await using var scope = azurite.NewScope();
        // Batches of two: the six responses are re-analysed in three background steps, each shown as it is counted.
        await using var site = await SiteHost.StartAsync(scope, new Dictionary<string, string?> { ["Reanalysis:BatchSize"] = "2" });
        var officer = await site.IssueKeyAsync(StaffRole.Officer, "Participation officer");
        await site.OpenDefaultSurveysAsync("young-people");
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await ConsoleSeed.SubmitAsync(site, "young-people", $"we need a zebra crossing by the park, number {i}"));
        }
        await ConsoleSeed.WaitAnalysedAsync(site, [.. ids]);

        await using var console = await ConsoleSession.StartAsync(browser, site.BaseUri, ConsoleScreen.Laptop);
        await console.SignInAsync(officer, "Surveys");
        await console.OpenAsync("Taxonomy", "Taxonomy");
        await console.Page.GetByText("the taxonomy shipped with the analyzer").WaitForAsync();
        await console.CheckAsync("taxonomy");

        var feelingSafe = console.Page.Locator("details.theme-editor").Filter(new() { HasText = "Feeling safe" }).First;
        await feelingSafe.Locator("summary").ClickAsync();
        var phrases = feelingSafe.GetByLabel("Phrases");
        await phrases.FillAsync(await phrases.InputValueAsync() + "\n{not json");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await console.ExpectProblemAsync("is not a JSON object");

        await phrases.FillAsync((await phrases.InputValueAsync()).Replace("\n{not json", "\nzebra crossing", StringComparison.Ordinal));
        await console.Page.GetByLabel("New version").FillAsync("1.0.0");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await console.ExpectProblemAsync("exists already");
        await console.CheckAsync("taxonomy-refused");
        Assert.Null(await site.Get<Core.Themes.ITaxonomyStore>().GetCurrentVersionAsync());

        await console.Page.GetByLabel("New version").FillAsync("1.0.1");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await console.Page.GetByText("Version 1.0.1 saved and in use").WaitForAsync();
        Assert.Equal("1.0.1", await site.Get<Core.Themes.ITaxonomyStore>().GetCurrentVersionAsync());

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Re-analyse stored responses" }).ClickAsync();
        await console.Page.Locator(".progress progress").WaitForAsync();
        await console.Page.GetByText("Re-analysed 6 of 6 responses with version 1.0.1").WaitForAsync(new() { Timeout = 60_000 });
        await console.ExpectFlashAsync("Re-analysis finished");
        await console.CheckAsync("taxonomy-reanalysed");
        var job = (await site.Get<Core.Themes.ITaxonomyStore>().FindJobAsync(
            (await console.Page.EvaluateAsync<string>("() => sessionStorage.getItem('feedback.reanalysis')"))))!;
        Assert.Equal((3, 6, 6), (job.Batches, job.Total, job.Done));

        // The job runs in the background: after a reload the page shows it again.
        await console.Page.ReloadAsync();
        await console.Heading("Taxonomy").WaitForAsync();
        await console.Page.GetByText("Re-analysed 6 of 6 responses with version 1.0.1").WaitForAsync();
        foreach (var id in ids)
        {
            var r = await site.Get<IResponseRepository>().FindAsync(id);
            Assert.Equal("1.0.1", r!.Analysis!.Analyzer.TaxonomyVersion);
            Assert.Contains("feeling-safe", r.EffectiveThemeIds());
        }
    }

    [BrowserFact]
    public async Task Every_page_of_each_role_is_checked_on_a_laptop_and_a_tablet_and_a_blank_survey_is_created_opened_and_closed()
    {
        // The walks above each use one screen; here every page of every role is checked on both (axe, nothing wider than
        // the screen, no foreign request or policy error, a screenshot each).
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        var officer = await site.IssueKeyAsync(StaffRole.Officer, "Participation officer");
        var facilitator = await site.IssueKeyAsync(StaffRole.Facilitator, "Forum facilitator");
        var lead = await site.IssueKeyAsync(StaffRole.Safeguarding, "Safeguarding lead");
        foreach (var screen in new[] { ConsoleScreen.Laptop, ConsoleScreen.Tablet })
        {
            await using (var console = await ConsoleSession.StartAsync(browser, site.BaseUri, screen))
            {
                await console.SignInAsync(officer, "Surveys");
                await console.CheckAsync("every-surveys");
                foreach (var page in new[] { "Responses", "Digests", "Taxonomy" })
                {
                    await console.OpenAsync(page, page);
                    await console.CheckAsync("every-" + page.ToLowerInvariant());
                }
            }
            await using (var console = await ConsoleSession.StartAsync(browser, site.BaseUri, screen))
            {
                await console.SignInAsync(facilitator, "Session notes");
                await console.CheckAsync("every-notes");
            }
            await using (var console = await ConsoleSession.StartAsync(browser, site.BaseUri, screen))
            {
                await console.SignInAsync(lead, "Concerns");
                await console.CheckAsync("every-concerns");
            }
        }

        // From scratch (not from a default survey), then opened and closed, on the tablet.
        await using var tablet = await ConsoleSession.StartAsync(browser, site.BaseUri, ConsoleScreen.Tablet);
        await tablet.SignInAsync(officer, "Surveys");
        await tablet.Page.GetByLabel("Start from").SelectOptionAsync(new SelectOptionValue { Value = "" });
        await tablet.Page.GetByLabel("Title", new() { Exact = true }).FillAsync("Youth forum check-in");
        Assert.Equal("youth-forum-check-in", await tablet.Page.GetByLabel("Code", new() { Exact = true }).InputValueAsync());
        await tablet.Page.GetByLabel("Who it is for").SelectOptionAsync(new SelectOptionValue { Value = "parent" });
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Create survey" }).ClickAsync();
        await tablet.Heading("Youth forum check-in").WaitForAsync();
        await tablet.ExpectFlashAsync("created as a draft");
        var created = (await site.Get<ISurveyRepository>().FindAsync("youth-forum-check-in"))!;
        Assert.Equal((Core.Analysis.Audience.Parent, Core.Surveys.SurveyStatus.Draft), (created.Audience, created.Status));
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Open the survey" }).ClickAsync();
        await tablet.ExpectFlashAsync("The survey is open.");
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Close the survey" }).ClickAsync();
        await tablet.ExpectFlashAsync("The survey is closed.");
        await tablet.Page.GetByText("Closed: no new answers are taken.").WaitForAsync();
        await tablet.CheckAsync("survey-closed");
        Assert.Equal(Core.Surveys.SurveyStatus.Closed, (await site.Get<ISurveyRepository>().FindAsync("youth-forum-check-in"))!.Status);
    }

    [BrowserFact]
    public async Task A_failed_re_analysis_is_shown_as_failed_with_its_reason_and_a_second_start_is_refused()
    {
        // The failure itself (a batch poisoned after host.json's attempts) is made and read back through the API in
        // LocalHost.Tests; here the console's script is given the API's answers for it, to check what it shows.
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        var officer = await site.IssueKeyAsync(StaffRole.Officer, "Participation officer");
        await using var console = await ConsoleSession.StartAsync(browser, site.BaseUri, ConsoleScreen.Tablet);
        await console.SignInAsync(officer, "Surveys");
        await console.OpenAsync("Taxonomy", "Taxonomy");

        const string failure = "A batch of 2 responses could not be re-analysed after 5 attempts and keeps its earlier analysis; 4 of 6 were re-analysed. "
            + "To finish, requeue it with the command \"feedback poison requeue --queue analysis-jobs\" once the cause is fixed, or start the re-analysis again.";
        static string Job(string status, int done, string? failure) => JsonSerializer.Serialize(new
        {
            id = "20261127030000-0badc0de", taxonomyVersion = "1.0.0", total = 6, done, remaining = 6 - done, status,
            createdBy = "Participation officer", createdUtc = "2026-11-27T03:00:00+00:00", updatedUtc = "2026-11-27T03:01:00+00:00",
            failed = failure is null ? 0 : 2, failure,
        });
        var polls = 0;
        await console.Page.RouteAsync("**/api/reanalyse**", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await route.FulfillAsync(new() { Status = 202, ContentType = "application/json", Body = Job("running", 0, null) });
                return;
            }
            var n = Interlocked.Increment(ref polls);
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = n < 2 ? Job("running", 4, null) : Job("failed", 4, failure) });
        });
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Re-analyse stored responses" }).ClickAsync();
        var shown = console.Page.Locator(".progress-failed [role=alert]");
        await shown.GetByText("Re-analysis failed: A batch of 2 responses could not be re-analysed after 5 attempts").WaitForAsync(new() { Timeout = 15_000 });
        Assert.Contains("feedback poison requeue", await shown.InnerTextAsync());
        await console.ExpectFlashAsync("Re-analysis failed");
        // Not a bar waiting for ever: it shows what was done, and the page stops asking.
        Assert.Equal("4", await console.Page.Locator(".progress-failed progress").GetAttributeAsync("value"));
        var asked = Volatile.Read(ref polls);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(asked, Volatile.Read(ref polls));
        await console.CheckAsync("taxonomy-reanalysis-failed");

        // A second start while one runs: the server's 409 is shown as the reason, and nothing else changes.
        await console.Page.UnrouteAsync("**/api/reanalyse**");
        await console.Page.RouteAsync("**/api/reanalyse", route => route.FulfillAsync(new()
        {
            Status = 409, ContentType = "application/problem+json",
            Body = JsonSerializer.Serialize(new { title = "Conflict", status = 409, detail = "A re-analysis to version 1.0.0 is already running (2 of 6 responses done), started by Officer (job 20261127030000-0badc0de). Nothing was started: follow that one, or start again once it has finished or failed." }),
        }));
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Re-analyse stored responses" }).ClickAsync();
        await console.ExpectProblemAsync("is already running");
        await console.CheckAsync("taxonomy-reanalysis-refused");
    }

    [BrowserFact]
    public async Task An_officer_generates_previews_and_downloads_a_digest_and_records_an_action()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        var officer = await site.IssueKeyAsync(StaffRole.Officer, "Participation officer");
        await using var console = await ConsoleSession.StartAsync(browser, site.BaseUri, ConsoleScreen.Laptop);
        await console.SignInAsync(officer, "Surveys");
        await console.OpenAsync("Digests", "Digests");
        await console.Page.GetByText("No digest has been generated yet.").WaitForAsync();
        await console.CheckAsync("digests-empty");

        // A period the server refuses: the reason is shown and nothing is generated.
        await console.Page.GetByLabel("From").FillAsync("2026-03-31");
        await console.Page.GetByLabel("To (included)").FillAsync("2026-01-01");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Generate digest" }).ClickAsync();
        await console.ExpectProblemAsync("There is a problem");
        Assert.Empty(await site.Get<IDigestArchive>().ListAsync(""));

        await console.Page.GetByLabel("From").FillAsync("2026-01-01");
        await console.Page.GetByLabel("To (included)").FillAsync("2026-03-31");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Generate digest" }).ClickAsync();
        await console.ExpectFlashAsync("generated");
        var frame = console.Page.FrameLocator("iframe.preview-frame");
        await frame.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        // The digest's own style block is allowed by its hash: its layout applies inside the frame.
        var width = await frame.Locator("main").EvaluateAsync<string>("m => getComputedStyle(m).maxWidth");
        Assert.Equal("960px", width);
        await console.CheckAsync("digest-preview");

        var download = await console.Page.RunAndWaitForDownloadAsync(() =>
            console.Page.GetByRole(AriaRole.Button, new() { Name = "Download Themes (CSV) for 2026-Q1" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        Assert.StartsWith("rank,", (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF'), StringComparison.Ordinal);

        // Every format the digest was written in downloads from its own button, none empty.
        var buttons = console.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Download .* for 2026-Q1$") });
        var count = await buttons.CountAsync();
        Assert.True(count >= 4, $"only {count} formats can be downloaded");
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var file = await console.Page.RunAndWaitForDownloadAsync(() => buttons.Nth(i).ClickAsync());
            names.Add(file.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync((await file.PathAsync())!);
            Assert.True(bytes.Length > 0, $"{file.SuggestedFilename} is empty");
        }
        Assert.Equal(count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(names, n => n.EndsWith(".html", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith(".json", StringComparison.Ordinal));

        await console.Page.GetByLabel("You said", new() { Exact = true }).FillAsync("Nobody listens before decisions are made.");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Record action" }).ClickAsync();
        await console.ExpectProblemAsync("'We did' is required");
        await console.Page.GetByLabel("Theme", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "listen-to-me" });
        await console.Page.GetByLabel("We did", new() { Exact = true }).FillAsync("Young people now sit on the partnership board.");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Record action" }).ClickAsync();
        await console.ExpectFlashAsync("Action recorded");
        await console.Page.GetByRole(AriaRole.Cell, new() { Name = "Young people now sit on the partnership board." }).WaitForAsync();
        await console.CheckAsync("digests-action");
    }

    [BrowserFact]
    public async Task A_facilitator_previews_session_notes_then_uploads_them()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        var facilitator = await site.IssueKeyAsync(StaffRole.Facilitator, "Northside facilitator");
        await using var console = await ConsoleSession.StartAsync(browser, site.BaseUri, ConsoleScreen.Tablet);
        await console.SignInAsync(facilitator, "Session notes");
        await console.CheckAsync("notes");

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Preview the points" }).ClickAsync();
        await console.ExpectProblemAsync("Choose the notes file.");

        await console.Page.GetByLabel("Notes file").SetInputFilesAsync(new FilePayload { Name = "session.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4 not notes") });
        await console.Page.GetByLabel("Forum").FillAsync("Northside Youth Forum");
        await console.Page.GetByLabel("Session date").FillAsync("2026-02-10");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Preview the points" }).ClickAsync();
        await console.ExpectProblemAsync("Supported:");
        await console.CheckAsync("notes-refused");

        var notes = "# What we talked about\n- Nobody listens to young people when decisions are made\n- More youth clubs open in the evenings\n- Buses home are not safe at night\n";
        await console.Page.GetByLabel("Notes file").SetInputFilesAsync(new FilePayload { Name = "session.md", MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes(notes) });
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Preview the points" }).ClickAsync();
        await console.Page.GetByRole(AriaRole.Heading, new() { Name = "3 points found" }).WaitForAsync();
        await console.Page.GetByText("Under “What we talked about”").First.WaitForAsync();
        await console.CheckAsync("notes-preview");
        var stored = await site.Get<IResponseRepository>().ListAsync(new ResponseQuery(DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(1))).CountAsync();
        Assert.Equal(0, stored);

        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Upload these 3 points" }).ClickAsync();
        await console.Page.GetByRole(AriaRole.Heading, new() { Name = "Notes uploaded" }).WaitForAsync();
        await console.CheckAsync("notes-uploaded");
        Assert.Equal(3, await site.Get<IResponseRepository>().ListAsync(new ResponseQuery(DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(1))).CountAsync());
    }

    [BrowserFact]
    public async Task A_safeguarding_lead_reviews_an_open_concern_and_officers_never_see_its_words()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope);
        var lead = await site.IssueKeyAsync(StaffRole.Safeguarding, "Safeguarding lead, north");
        var officer = await site.IssueKeyAsync(StaffRole.Officer, "Participation officer");
        await site.OpenDefaultSurveysAsync("young-people");
        const string Disclosure = "my step dad hits me when he is drunk and i am scared to go home";
        var id = await ConsoleSeed.SubmitAsync(site, "young-people", Disclosure, "oak-youth");
        var concerns = site.Get<Core.Concerns.IConcernRepository>();
        await SiteHost.WaitForAsync(async () => (await concerns.FindAsync(id)) is not null, TimeSpan.FromSeconds(30), "the concern to be raised");

        await using (var console = await ConsoleSession.StartAsync(browser, site.BaseUri, ConsoleScreen.Tablet))
        {
            await console.SignInAsync(lead, "Concerns");
            await console.Page.GetByRole(AriaRole.Heading, new() { Name = "Open concerns (1)" }).WaitForAsync();
            var card = console.Page.GetByRole(AriaRole.Article);
            await card.Locator("blockquote mark").Filter(new() { HasText = "hits me" }).WaitForAsync();
            await card.GetByText("oak-youth").WaitForAsync();
            // The words that raised it are marked within the text and repeated in plain words, with their kind.
            var marks = await card.Locator("blockquote mark").AllInnerTextsAsync();
            Assert.NotEmpty(marks);
            Assert.All(marks, m => Assert.Contains(m, Disclosure, StringComparison.OrdinalIgnoreCase));
            await card.GetByText("Words that raised it:").WaitForAsync();
            Assert.Contains("Kind", await card.Locator("dl").InnerTextAsync());
            await console.CheckAsync("concerns-open");

            await card.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Mark reviewed") }).ClickAsync();
            await console.ExpectProblemAsync("Say what was done");
            Assert.Null((await concerns.FindAsync(id))!.ReviewedUtc);
            await console.CheckAsync("concerns-refused");

            await card.GetByLabel("What was done").FillAsync("Referred to MASH, ref 1234; DSL at Oak informed.");
            await card.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Mark reviewed") }).ClickAsync();
            await console.ExpectFlashAsync("marked reviewed");
            await console.Page.GetByRole(AriaRole.Heading, new() { Name = "Open concerns (0)" }).WaitForAsync();
            await console.Page.GetByRole(AriaRole.Cell, new() { Name = "Safeguarding lead, north" }).WaitForAsync();
            await console.Page.GetByRole(AriaRole.Cell, new() { Name = "Referred to MASH, ref 1234; DSL at Oak informed." }).WaitForAsync();
            await console.CheckAsync("concerns-audit");
            var reviewed = (await concerns.FindAsync(id))!;
            Assert.Equal("Safeguarding lead, north", reviewed.ReviewedBy);
        }

        await using var officerConsole = await ConsoleSession.StartAsync(browser, site.BaseUri, ConsoleScreen.Laptop);
        await officerConsole.SignInAsync(officer, "Surveys");
        Assert.DoesNotContain("Concerns", await officerConsole.Page.GetByRole(AriaRole.Navigation, new() { Name = "Console pages" }).InnerTextAsync());
        await officerConsole.OpenAsync("Responses", "Responses");
        await officerConsole.Page.GetByRole(AriaRole.Heading, new() { Name = "1 response", Level = 2 }).WaitForAsync();
        await officerConsole.Page.GetByText("Withheld: this answer may be a safeguarding concern").WaitForAsync();
        Assert.DoesNotContain("hits me", await officerConsole.Page.ContentAsync());
        await officerConsole.CheckAsync("responses-withheld");
    }

    [BrowserFact]
    public async Task Behind_app_service_authentication_staff_are_signed_in_by_their_organisation_with_the_pages_of_their_roles()
    {
        await using var scope = azurite.NewScope();
        await using var site = await SiteHost.StartAsync(scope, new Dictionary<string, string?>
        {
            ["AppServiceAuth:Enabled"] = "true",
            ["AppServiceAuth:OfficerRoles:0"] = "FeedbackCollector.Officer",
            ["AppServiceAuth:SafeguardingRoles:0"] = "FeedbackCollector.Safeguarding",
        });
        var principal = AppServicePrincipals.Encode("name", "roles", ("name", "Jo Bloggs"), ("roles", "FeedbackCollector.Officer"), ("roles", "FeedbackCollector.Safeguarding"));

        await using (var console = await ConsoleSession.StartAsync(browser, site.BaseUri, ConsoleScreen.Tablet))
        {
            // App Service puts the principal on every request it lets through; here the browser sends it.
            await console.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [AppServicePrincipals.Header] = principal });
            await console.Page.GotoAsync(new Uri(site.BaseUri, "console").ToString());
            await console.Heading("Surveys").WaitForAsync();
            var links = await console.Page.GetByRole(AriaRole.Navigation, new() { Name = "Console pages" }).GetByRole(AriaRole.Link).AllInnerTextsAsync();
            Assert.Equal(["Surveys", "Responses", "Digests", "Taxonomy", "Concerns"], links);
            Assert.Contains("Signed in as Jo Bloggs", await console.Page.Locator("#who-text").InnerTextAsync());
            Assert.Null(await console.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('feedback.key')"));
            await console.CheckAsync("app-service-signed-in");
            await console.OpenAsync("Concerns", "Concerns");
            await console.Page.GetByRole(AriaRole.Heading, new() { Name = "Open concerns (0)" }).WaitForAsync();

            // Signing out of the console keeps it signed out in this tab until asked, and offers the organisation's sign-out.
            await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await console.Heading("Sign in").WaitForAsync();
            await console.Page.GetByRole(AriaRole.Link, new() { Name = "Sign out of your organisation account" }).WaitForAsync();
            await console.CheckAsync("app-service-signed-out");
            await console.Page.ReloadAsync();
            await console.Heading("Sign in").WaitForAsync();
            await console.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in again with your organisation account" }).ClickAsync();
            await console.Heading("Surveys").WaitForAsync();
        }

        await using var stranger = await ConsoleSession.StartAsync(browser, site.BaseUri, ConsoleScreen.Laptop);
        await stranger.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string>
        {
            [AppServicePrincipals.Header] = AppServicePrincipals.Encode("name", "roles", ("name", "Sam Visitor"), ("roles", "Another.App")),
        });
        await stranger.Page.GotoAsync(new Uri(site.BaseUri, "console").ToString());
        await stranger.Heading("Sign in").WaitForAsync();
        await stranger.Page.GetByText("no FeedbackCollector role").WaitForAsync();
        await stranger.CheckAsync("app-service-no-role");
    }
}
