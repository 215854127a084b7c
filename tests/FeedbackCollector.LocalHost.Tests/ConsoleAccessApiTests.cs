using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Themes;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.LocalHost.Tests;

/// <summary>
/// Sign-in through App Service authentication, the evidence of a concern, and re-analysis in the background (surviving a
/// restart, counting every response once), end to end on the local host over Azurite.
/// </summary>
[Collection("azurite")]
public sealed class ConsoleAccessApiTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> AppService = new()
    {
        ["AppServiceAuth:Enabled"] = "true",
        ["AppServiceAuth:OfficerRoles:0"] = "FeedbackCollector.Officer",
        ["AppServiceAuth:SafeguardingRoles:0"] = "FeedbackCollector.Safeguarding",
        ["AppServiceAuth:FacilitatorRoles:0"] = "FeedbackCollector.Facilitator",
    };

    private static string Principal(params string[] roles) => AppServicePrincipals.Encode("name", "roles",
        [("name", "Jo Bloggs"), .. roles.Select(r => ("roles", r))]);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> AsPrincipalAsync(RunningHost host, HttpMethod method, string path, string? principal,
        bool console = true, string? key = null, string? json = null)
    {
        using var req = new HttpRequestMessage(method, path);
        if (principal is not null)
        {
            req.Headers.Add(AppServicePrincipals.Header, principal);
        }
        if (console)
        {
            req.Headers.Add(AppServicePrincipals.ConsoleHeader, "1");
        }
        if (key is not null)
        {
            req.Headers.Add(RoleKeys.Header, key);
        }
        if (json is not null)
        {
            req.Content = RunningHost.Json(json);
        }
        using var res = await host.Http.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        return (res.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Without_the_option_an_app_service_principal_header_is_ignored()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var (status, problem) = await AsPrincipalAsync(host, HttpMethod.Get, "/api/me", Principal("FeedbackCollector.Officer"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains(RoleKeys.Header, problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await AsPrincipalAsync(host, HttpMethod.Get, "/api/surveys", Principal("FeedbackCollector.Officer"))).Status);
    }

    [Fact]
    public async Task With_the_option_role_claims_give_the_mapped_roles_and_every_refusal_says_why()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope, AppService);

        var (ok, me) = await AsPrincipalAsync(host, HttpMethod.Get, "/api/me", Principal("FeedbackCollector.Officer", "FeedbackCollector.Safeguarding"));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("app-service", me.GetProperty("via").GetString());
        Assert.Equal("Jo Bloggs", me.GetProperty("label").GetString());
        Assert.Equal(["officer", "safeguarding"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var pages = me.GetProperty("pages").EnumerateArray().Select(p => p.GetString()!).ToArray();
        Assert.Contains("surveys", pages);
        Assert.Contains("concerns", pages);
        Assert.DoesNotContain("notes", pages);

        // Without the console's header the cookie-borne sign-in is refused (a page elsewhere could have sent it).
        var (crossSite, crossProblem) = await AsPrincipalAsync(host, HttpMethod.Get, "/api/me", Principal("FeedbackCollector.Officer"), console: false);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite);
        Assert.Contains(AppServicePrincipals.ConsoleHeader, crossProblem.GetProperty("detail").GetString());
        var (crossCreate, _) = await AsPrincipalAsync(host, HttpMethod.Post, "/api/surveys", Principal("FeedbackCollector.Officer"), console: false,
            json: """{"fromTemplate":"young-people","code":"cross-site"}""");
        Assert.Equal(HttpStatusCode.Forbidden, crossCreate);
        Assert.Null(await host.Get<ISurveyRepository>().FindAsync("cross-site"));

        // Signed in, but no role of this app: told so.
        var (noRole, noRoleProblem) = await AsPrincipalAsync(host, HttpMethod.Get, "/api/me", Principal("Some.Other.App"));
        Assert.Equal(HttpStatusCode.Forbidden, noRole);
        Assert.Contains("no FeedbackCollector role", noRoleProblem.GetProperty("detail").GetString());

        // Another role's page.
        var (wrongRole, wrongProblem) = await AsPrincipalAsync(host, HttpMethod.Get, "/api/concerns", Principal("FeedbackCollector.Officer"));
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole);
        Assert.Contains("safeguarding", wrongProblem.GetProperty("detail").GetString());

        // A header App Service would never send.
        var (garbled, garbledProblem) = await AsPrincipalAsync(host, HttpMethod.Get, "/api/me", "bm90IGpzb24=");
        Assert.Equal(HttpStatusCode.Unauthorized, garbled);
        Assert.Contains("could not be read", garbledProblem.GetProperty("detail").GetString());

        // A role key, when sent, decides: a facilitator's key with an officer's sign-in is a facilitator.
        var facilitator = await host.IssueKeyAsync(StaffRole.Facilitator);
        var (keyWins, _) = await AsPrincipalAsync(host, HttpMethod.Get, "/api/surveys", Principal("FeedbackCollector.Officer"), key: facilitator);
        Assert.Equal(HttpStatusCode.Forbidden, keyWins);
        var (asOfficer, _) = await AsPrincipalAsync(host, HttpMethod.Get, "/api/surveys", Principal("FeedbackCollector.Officer"));
        Assert.Equal(HttpStatusCode.OK, asOfficer);
    }

    [Fact]
    public async Task A_role_mapping_that_cannot_work_stops_the_host_at_start()
    {
        await using var scope = azurite.NewScope();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningHost.StartAsync(scope, new Dictionary<string, string?> { ["AppServiceAuth:Enabled"] = "true" }));
        Assert.Contains("map at least one role claim value", error.Message);
        var twice = new Dictionary<string, string?>(AppService) { ["AppServiceAuth:OfficerRoles:1"] = "FeedbackCollector.Safeguarding" };
        var clash = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningHost.StartAsync(scope, twice));
        Assert.Contains("more than one role", clash.Message);
    }

    [Fact]
    public async Task Queue_settings_that_cannot_work_stop_the_host_at_start_naming_each()
    {
        await using var scope = azurite.NewScope();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningHost.StartAsync(scope, new Dictionary<string, string?>
        {
            ["LocalHost:Queues:Lease"] = "00:00:00",
            ["LocalHost:Queues:BusyConcurrency"] = "-1",
        }));
        Assert.Contains("LocalHost:Queues:Lease", error.Message);
        Assert.Contains("LocalHost:Queues:BusyConcurrency", error.Message);
        Assert.DoesNotContain("BusyHttpRequests", error.Message);
    }

    [Fact]
    public async Task A_concern_shows_its_category_and_the_words_that_raised_it_located_in_the_redacted_text()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope, AppService);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        await host.CreateOpenSurveyAsync(officer);
        var id = await ConsoleApiTests.SubmitAsync(host, "Jake at school hurts me every day and I want to kill myself", "oak-youth", listened: 1);
        await ConsoleApiTests.WaitAnalysedAsync(host, id);

        var (status, list) = await AsPrincipalAsync(host, HttpMethod.Get, "/api/concerns", Principal("FeedbackCollector.Safeguarding"));
        Assert.Equal(HttpStatusCode.OK, status);
        var concern = list.GetProperty("concerns")[0];
        var text = concern.GetProperty("texts")[0];
        Assert.True(text.GetProperty("flagged").GetBoolean());
        var categories = text.GetProperty("categories").EnumerateArray().Select(k => k.GetString()).ToList();
        Assert.Contains("self-harm", categories);
        Assert.Contains(concern.GetProperty("category").GetString(), categories);
        var redacted = text.GetProperty("redactedText").GetString()!;
        var evidence = text.GetProperty("evidence").GetString()!;
        Assert.DoesNotContain("Jake", evidence);
        var highlights = text.GetProperty("highlights").EnumerateArray().ToList();
        Assert.NotEmpty(highlights);
        var marked = highlights.Select(r => redacted.Substring(r.GetProperty("start").GetInt32(), r.GetProperty("length").GetInt32())).ToList();
        Assert.All(marked, m => Assert.Contains(m, evidence, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(marked, m => m.Contains("kill myself", StringComparison.OrdinalIgnoreCase));

        // Reviewed by a signed-in lead: the audit trail names them.
        var (reviewed, view) = await AsPrincipalAsync(host, HttpMethod.Post, $"/api/concerns/{id}/review", Principal("FeedbackCollector.Safeguarding"),
            json: """{"note":"Referred to MASH"}""");
        Assert.Equal(HttpStatusCode.OK, reviewed);
        Assert.Equal("Jo Bloggs", view.GetProperty("reviewedBy").GetString());
        Assert.Equal("Jo Bloggs", (await host.Get<IConcernRepository>().FindAsync(id))!.ReviewedBy);
    }

    [Fact]
    public async Task Re_analysis_survives_a_restart_and_counts_each_response_once_however_often_its_messages_come()
    {
        await using var scope = azurite.NewScope();
        var small = new Dictionary<string, string?> { ["Reanalysis:BatchSize"] = "2" };
        string jobId;
        var ids = new List<string>();
        string officer;
        await using (var first = await RunningHost.StartAsync(scope, small))
        {
            officer = await first.IssueKeyAsync(StaffRole.Officer);
            await first.CreateOpenSurveyAsync(officer);
            for (var i = 0; i < 5; i++)
            {
                ids.Add(await ConsoleApiTests.SubmitAsync(first, $"we need a zebra crossing by the park {i}"));
            }
            await ConsoleApiTests.WaitAnalysedAsync(first, [.. ids]);
            var current = await ConsoleApiTests.GetJsonAsync(first, "/api/taxonomy", officer);
            var edited = JsonNode.Parse(current.GetProperty("taxonomy").GetRawText())!.AsObject();
            edited["themes"]!.AsArray().First(t => t!["id"]!.GetValue<string>() == "feeling-safe")!["phrases"]!.AsArray().Add("zebra crossing");
            edited["version"] = "1.0.1-restart";
            var (saved, _) = await ConsoleApiTests.SendJsonAsync(first, HttpMethod.Put, "/api/taxonomy", officer, edited.ToJsonString(), current.GetProperty("version").GetString());
            Assert.Equal(HttpStatusCode.OK, saved);
            var (started, job) = await ConsoleApiTests.SendJsonAsync(first, HttpMethod.Post, "/api/reanalyse", officer, "{}");
            Assert.Equal(HttpStatusCode.Accepted, started);
            jobId = job.GetProperty("id").GetString()!;
            // The host stops at once, with the job's message possibly in hand.
        }

        await using var second = await RunningHost.StartAsync(scope, small);
        var done = await ConsoleApiTests.WaitJobDoneAsync(second, officer, jobId);
        Assert.Equal((5, 5, 0), (done.GetProperty("total").GetInt32(), done.GetProperty("done").GetInt32(), done.GetProperty("remaining").GetInt32()));
        var responses = second.Get<IResponseRepository>();
        foreach (var id in ids)
        {
            Assert.Equal("1.0.1-restart", (await responses.FindAsync(id))!.Analysis!.Analyzer.TaxonomyVersion);
        }

        // Every message again, twice (as after a crash between a batch's work and its message's deletion): nothing is counted twice.
        var store = second.Get<ITaxonomyStore>();
        var stored = (await store.FindJobAsync(jobId))!;
        Assert.Equal(3, stored.Batches);
        var queue = new QueueClient(scope.ConnectionString, scope.Names.ReanalysisQueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        foreach (var message in new[] { jobId, jobId + ".0", jobId + ".1", jobId + ".2", jobId + ".0", jobId })
        {
            await queue.SendMessageAsync(message);
        }
        await RunningHost.WaitForAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, TimeSpan.FromSeconds(30), "the repeated messages to be taken");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = (await store.FindJobAsync(jobId))!;
        Assert.Equal((ReanalysisState.Done, 5, 5), (after.State, after.Total, after.Done));
        Assert.Empty(await store.ListOpenBatchesAsync(after));

        // A message that is neither form ends in the poison queue for a person to see.
        await queue.SendMessageAsync("not-a-job");
        var poison = second.Get<IPoisonQueueAdmin>();
        await RunningHost.WaitForAsync(async () => (await poison.PeekAsync(scope.Names.ReanalysisQueueName, 10)).Count == 1, TimeSpan.FromSeconds(60), "the bad message to be poisoned");
    }

    [Fact]
    public async Task Re_analysis_errors_say_why()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        var facilitator = await host.IssueKeyAsync(StaffRole.Facilitator);
        var (unknown, problem) = await ConsoleApiTests.SendJsonAsync(host, HttpMethod.Get, "/api/reanalyse/20260101000000-deadbeef", officer, "{}");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Contains("no re-analysis job", problem.GetProperty("detail").GetString());
        var (malformed, _) = await ConsoleApiTests.SendJsonAsync(host, HttpMethod.Get, "/api/reanalyse/..%2F..%2Fetc", officer, "{}");
        Assert.Equal(HttpStatusCode.NotFound, malformed);
        var (forbidden, forbiddenProblem) = await ConsoleApiTests.SendJsonAsync(host, HttpMethod.Post, "/api/reanalyse", facilitator, "{}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Contains("officer", forbiddenProblem.GetProperty("detail").GetString());
        using var anonymous = await host.SendAsync(HttpMethod.Post, "/api/reanalyse");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var anonymousProgress = await host.SendAsync(HttpMethod.Get, "/api/reanalyse/20260101000000-deadbeef");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousProgress.StatusCode);
    }
}
