using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.TestSupport;

namespace FeedbackCollector.LocalHost.Tests;

/// <summary>The staff console and the APIs it stands on, end to end on the local host over Azurite.</summary>
[Collection("azurite")]
public sealed partial class ConsoleApiTests(AzuriteFixture azurite)
{
    private const string Survey = "young-people";

    [GeneratedRegex("""from '(/console/[a-z-]+\.js)'""")]
    private static partial Regex ModuleImport();

    internal static async Task<string> SubmitAsync(RunningHost host, string text, string? venue = null, int listened = 2)
    {
        var venuePart = venue is null ? "" : $",\"venue\":\"{venue}\"";
        using var res = await host.SendAsync(HttpMethod.Post, $"/api/surveys/{Survey}/responses", content: RunningHost.Json(
            "{\"answers\":{\"listened\":" + listened + ",\"one-thing\":" + JsonSerializer.Serialize(text) + "}" + venuePart + "}"));
        Assert.Equal(HttpStatusCode.Accepted, res.StatusCode);
        return (await RunningHost.ReadJsonAsync(res)).GetProperty("id").GetString()!;
    }

    internal static async Task WaitAnalysedAsync(RunningHost host, params string[] ids)
    {
        var responses = host.Get<IResponseRepository>();
        await RunningHost.WaitForAsync(async () =>
        {
            foreach (var id in ids)
            {
                if ((await responses.FindAsync(id))?.Analysis is null)
                {
                    return false;
                }
            }
            return true;
        }, TimeSpan.FromSeconds(20), "the responses to be analysed");
    }

    internal static async Task<JsonElement> GetJsonAsync(RunningHost host, string path, string key, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var res = await host.SendAsync(HttpMethod.Get, path, key);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(expected == res.StatusCode, $"GET {path}: expected {expected}, got {res.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    internal static async Task<JsonElement> WaitJobDoneAsync(RunningHost host, string officer, string jobId)
    {
        JsonElement progress = default;
        await RunningHost.WaitForAsync(async () =>
        {
            progress = await GetJsonAsync(host, $"/api/reanalyse/{jobId}", officer);
            return progress.GetProperty("status").GetString() == "done";
        }, TimeSpan.FromSeconds(60), "the re-analysis to finish");
        return progress;
    }

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> SendJsonAsync(RunningHost host, HttpMethod method, string path, string key, string json, string? ifMatch = null)
    {
        using var req = new HttpRequestMessage(method, path) { Content = RunningHost.Json(json) };
        req.Headers.Add(RoleKeys.Header, key);
        if (ifMatch is not null)
        {
            req.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        using var res = await host.Http.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        return (res.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task The_console_and_every_module_it_imports_are_served_with_a_strict_policy()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);

        using var page = await host.SendAsync(HttpMethod.Get, "/console");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("src=\"/console/app.js\"", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);

        // Every module the console imports is there: a missing one would break the whole page.
        var pending = new Queue<string>(["/console/app.js"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }
            using var res = await host.SendAsync(HttpMethod.Get, path);
            Assert.True(res.StatusCode == HttpStatusCode.OK, $"{path}: {res.StatusCode}");
            Assert.Equal("text/javascript", res.Content.Headers.ContentType!.MediaType);
            var js = await res.Content.ReadAsStringAsync();
            await AssertModuleParsesAsync(path, js);
            Assert.DoesNotContain("innerHTML", js);
            Assert.DoesNotContain("eval(", js);
            foreach (Match m in ModuleImport().Matches(js))
            {
                pending.Enqueue(m.Groups[1].Value);
            }
        }
        Assert.Contains("/console/surveys.js", seen);

        using var css = await host.SendAsync(HttpMethod.Get, "/console/console.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("@import", await css.Content.ReadAsStringAsync());
        Assert.DoesNotContain("url(", await css.Content.ReadAsStringAsync());

        using (var again = new HttpRequestMessage(HttpMethod.Get, "/console/console.css"))
        {
            again.Headers.TryAddWithoutValidation("If-None-Match", css.Headers.ETag!.ToString());
            using var notModified = await host.Http.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
        using var missing = await host.SendAsync(HttpMethod.Get, "/console/nothing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var climb = await host.SendAsync(HttpMethod.Get, "/console/..%2Fhost.json");
        Assert.Equal(HttpStatusCode.NotFound, climb.StatusCode);
    }

    /// <summary>Node (which runs Azurite, so it is there) parses the module: a syntax error would blank the whole console.</summary>
    private static async Task AssertModuleParsesAsync(string path, string js)
    {
        var file = Path.Combine(Path.GetTempPath(), $"console-{Guid.NewGuid():N}.mjs");
        await File.WriteAllTextAsync(file, js);
        try
        {
            var psi = new System.Diagnostics.ProcessStartInfo("node") { RedirectStandardError = true, RedirectStandardOutput = true };
            psi.ArgumentList.Add("--check");
            psi.ArgumentList.Add(file);
            using var node = System.Diagnostics.Process.Start(psi)!;
            var errors = await node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            Assert.True(node.ExitCode == 0, $"{path} does not parse as a module:\n{errors}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Me_tells_each_role_its_pages_and_refuses_a_bad_key()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var expected = new Dictionary<StaffRole, string[]>
        {
            [StaffRole.Officer] = ["surveys", "responses", "digests", "taxonomy"],
            [StaffRole.Facilitator] = ["notes"],
            [StaffRole.Safeguarding] = ["concerns"],
        };
        foreach (var (role, pages) in expected)
        {
            var key = await host.IssueKeyAsync(role);
            var me = await GetJsonAsync(host, "/api/me", key);
            Assert.Equal(FeedbackJson.WireName(role), me.GetProperty("role").GetString());
            Assert.Equal($"Test {role}", me.GetProperty("label").GetString());
            Assert.Equal(pages, me.GetProperty("pages").EnumerateArray().Select(p => p.GetString()).ToArray());
        }
        using var none = await host.SendAsync(HttpMethod.Get, "/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        using var bad = await host.SendAsync(HttpMethod.Get, "/api/me", "fck_000000000000_notarealsecretatallxxxxxxx");
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task Venues_are_part_of_a_survey_and_a_bad_venue_changes_nothing()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);

        var templates = await GetJsonAsync(host, "/api/survey-templates", officer);
        Assert.Equal(DefaultSurveys.Codes, templates.EnumerateArray().Select(t => t.GetProperty("code").GetString()!).ToArray());

        var definition = JsonNode.Parse(templates.EnumerateArray().First(t => t.GetProperty("code").GetString() == "parents").GetRawText())!.AsObject();
        definition["code"] = "parents-north";
        definition["venues"] = new JsonArray(new JsonObject { ["code"] = "oak-school", ["name"] = "Oak School" });
        var (created, survey) = await SendJsonAsync(host, HttpMethod.Post, "/api/surveys", officer, definition.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("oak-school", survey.GetProperty("venues")[0].GetProperty("code").GetString());
        var etag = survey.GetProperty("eTag").GetString()!;

        // An update that leaves venues out keeps them.
        definition.Remove("venues");
        definition["title"] = "Parents and carers, north";
        var (updated, afterTitle) = await SendJsonAsync(host, HttpMethod.Put, "/api/surveys/parents-north", officer, definition.ToJsonString(), etag);
        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.Equal(1, afterTitle.GetProperty("venues").GetArrayLength());
        etag = afterTitle.GetProperty("eTag").GetString()!;

        definition["venues"] = new JsonArray(
            new JsonObject { ["code"] = "oak-school", ["name"] = "Oak School" },
            new JsonObject { ["code"] = "Bad Code!", ["name"] = "Elm Clinic" },
            new JsonObject { ["code"] = "oak-school", ["name"] = "" });
        var (refused, problem) = await SendJsonAsync(host, HttpMethod.Put, "/api/surveys/parents-north", officer, definition.ToJsonString(), etag);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("venues[1].code", out _));
        Assert.True(errors.TryGetProperty("venues[2].code", out _));
        Assert.True(errors.TryGetProperty("venues[2].name", out _));

        var stored = await host.Get<ISurveyRepository>().FindAsync("parents-north");
        Assert.Equal("Parents and carers, north", stored!.Title);
        Assert.Equal([new SurveyVenue("oak-school", "Oak School")], stored.Venues);
    }

    [Fact]
    public async Task Officers_filter_responses_correct_their_themes_and_export_the_corrections_as_dev_set_lines()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        await host.CreateOpenSurveyAsync(officer);

        var listen = await SubmitAsync(host, "my social worker never listens to me and i had to tell my story over and over", "oak-youth");
        var praise = await SubmitAsync(host, "my worker is brilliant and really helped my family, thank you", "elm-school", listened: 5);
        var plain = await SubmitAsync(host, "more youth clubs in the evenings please", "oak-youth");
        await WaitAnalysedAsync(host, listen, praise, plain);

        var all = await GetJsonAsync(host, "/api/responses", officer);
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(["elm-school", "oak-youth"], all.GetProperty("venues").EnumerateArray().Select(v => v.GetString()!).ToArray());

        var oak = await GetJsonAsync(host, $"/api/responses?survey={Survey}&venue=oak-youth", officer);
        Assert.Equal(new[] { listen, plain }.Order(StringComparer.Ordinal), Ids(oak).Order(StringComparer.Ordinal));
        Assert.Equal(2, oak.GetProperty("total").GetInt32());

        var listenTheme = await GetJsonAsync(host, "/api/responses?theme=listen-to-me", officer);
        Assert.Contains(listen, Ids(listenTheme));
        Assert.DoesNotContain(praise, Ids(listenTheme));

        var positive = await GetJsonAsync(host, "/api/responses?sentiment=positive&audience=child", officer);
        Assert.Equal([praise], Ids(positive));
        var parents = await GetJsonAsync(host, "/api/responses?audience=parent", officer);
        Assert.Equal(0, parents.GetProperty("total").GetInt32());

        var bad = await GetJsonAsync(host, "/api/responses?venue=Not%20A%20Venue&sentiment=grumpy&from=yesterday", officer, HttpStatusCode.BadRequest);
        var badFields = bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["from", "sentiment", "venue"], badFields);

        // A correction naming a theme that does not exist is refused whole, and nothing is stored.
        var (refused, problem) = await SendJsonAsync(host, HttpMethod.Put, $"/api/responses/{plain}/themes", officer,
            """{"answers":{"one-thing":["early-help","no-such-theme"]}}""");
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.True(problem.GetProperty("errors").TryGetProperty("answers.one-thing[1]", out _));
        var (unknownQuestion, _) = await SendJsonAsync(host, HttpMethod.Put, $"/api/responses/{plain}/themes", officer, """{"answers":{"listened":["early-help"]}}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknownQuestion);
        Assert.Null((await host.Get<IResponseRepository>().FindAsync(plain))!.Correction);

        var (ok, view) = await SendJsonAsync(host, HttpMethod.Put, $"/api/responses/{ResponseId.ToReceipt(plain)}/themes", officer,
            """{"answers":{"one-thing":["early-help"]}}""");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("Test Officer", view.GetProperty("correction").GetProperty("correctedBy").GetString());
        Assert.Equal("early-help", view.GetProperty("freeText")[0].GetProperty("correctedThemes")[0].GetProperty("themeId").GetString());

        var stored = (await host.Get<IResponseRepository>().FindAsync(plain))!;
        Assert.Equal(["early-help"], stored.EffectiveThemeIds());
        Assert.Equal("Test Officer", stored.Correction!.CorrectedBy);

        var corrected = await GetJsonAsync(host, "/api/responses?theme=early-help&corrected=true", officer);
        Assert.Equal([plain], Ids(corrected));

        using var export = await host.SendAsync(HttpMethod.Get, "/api/corrections/export", officer);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/x-ndjson", export.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".jsonl", export.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var text = await export.Content.ReadAsStringAsync();
        var items = DevSetReader.Read(new StringReader(text), "export");
        var item = Assert.Single(items);
        Assert.Equal($"corr-{plain}-one-thing", item.Id);
        Assert.Equal(["early-help"], item.Themes);
        Assert.Equal(Core.Analysis.Audience.Child, item.Audience);
        Assert.Null(item.Concern);

        // Removing the correction brings the analyzer's themes back.
        var (removed, afterRemove) = await SendJsonAsync(host, HttpMethod.Put, $"/api/responses/{plain}/themes", officer, """{"answers":{}}""");
        Assert.Equal(HttpStatusCode.OK, removed);
        Assert.False(afterRemove.TryGetProperty("correction", out _));
        Assert.Null((await host.Get<IResponseRepository>().FindAsync(plain))!.Correction);
    }

    [Fact]
    public async Task An_edited_taxonomy_is_used_at_once_and_re_analysis_brings_stored_responses_to_it_keeping_corrections()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        await host.CreateOpenSurveyAsync(officer);
        var before = await SubmitAsync(host, "we need a zebra crossing by the park");
        var corrected = await SubmitAsync(host, "more youth clubs in the evenings please");
        await WaitAnalysedAsync(host, before, corrected);
        var (ok, _) = await SendJsonAsync(host, HttpMethod.Put, $"/api/responses/{corrected}/themes", officer, """{"answers":{"one-thing":["feeling-safe"]}}""");
        Assert.Equal(HttpStatusCode.OK, ok);

        var current = await GetJsonAsync(host, "/api/taxonomy", officer);
        var version = current.GetProperty("version").GetString()!;
        Assert.Equal("built-in", current.GetProperty("source").GetString());
        Assert.Equal(current.GetProperty("taxonomy").GetProperty("themes").GetArrayLength(), current.GetProperty("themes").GetArrayLength());
        var responses = host.Get<IResponseRepository>();
        Assert.Equal(version, (await responses.FindAsync(before))!.Analysis!.Analyzer.TaxonomyVersion);
        Assert.DoesNotContain("feeling-safe", (await responses.FindAsync(before))!.EffectiveThemeIds());

        var edited = JsonNode.Parse(current.GetProperty("taxonomy").GetRawText())!.AsObject();
        var safe = edited["themes"]!.AsArray().First(t => t!["id"]!.GetValue<string>() == "feeling-safe")!;
        safe["phrases"]!.AsArray().Add("zebra crossing");

        // Invalid, an old version, or a stale edit: each refused, and nothing changes.
        var broken = edited.DeepClone().AsObject();
        broken["version"] = "9.9.9";
        broken["themes"]![0]!["phrases"] = new JsonArray();
        var (invalid, invalidProblem) = await SendJsonAsync(host, HttpMethod.Put, "/api/taxonomy", officer, broken.ToJsonString(), version);
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        Assert.Contains("phrases", invalidProblem.GetProperty("errors").GetProperty("taxonomy[0]").GetString());
        var (sameVersion, sameProblem) = await SendJsonAsync(host, HttpMethod.Put, "/api/taxonomy", officer, edited.ToJsonString(), version);
        Assert.Equal(HttpStatusCode.BadRequest, sameVersion);
        Assert.True(sameProblem.GetProperty("errors").TryGetProperty("version", out _));
        edited["version"] = "1.0.1-test";
        var (stale, _) = await SendJsonAsync(host, HttpMethod.Put, "/api/taxonomy", officer, edited.ToJsonString(), "0.0.1-not-current");
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal(version, (await GetJsonAsync(host, "/api/taxonomy", officer)).GetProperty("version").GetString());

        var (saved, savedView) = await SendJsonAsync(host, HttpMethod.Put, "/api/taxonomy", officer, edited.ToJsonString(), version);
        Assert.Equal(HttpStatusCode.OK, saved);
        Assert.Equal("1.0.1-test", savedView.GetProperty("version").GetString());
        Assert.Equal("stored", savedView.GetProperty("source").GetString());
        Assert.Equal("Test Officer", savedView.GetProperty("savedBy").GetString());
        Assert.Equal("1.0.1-test", savedView.GetProperty("versions")[0].GetProperty("version").GetString());

        // New answers are analysed with the new version at once.
        var after = await SubmitAsync(host, "please put a zebra crossing on my road");
        await WaitAnalysedAsync(host, after);
        var fresh = (await responses.FindAsync(after))!;
        Assert.Equal("1.0.1-test", fresh.Analysis!.Analyzer.TaxonomyVersion);
        Assert.Contains("feeling-safe", fresh.EffectiveThemeIds());

        // The request only stores and queues the job: its responses are listed and re-analysed in the background.
        var (started, job) = await SendJsonAsync(host, HttpMethod.Post, "/api/reanalyse", officer, "{}");
        Assert.Equal(HttpStatusCode.Accepted, started);
        Assert.Equal("queued", job.GetProperty("status").GetString());
        Assert.Equal(0, job.GetProperty("total").GetInt32());
        Assert.Equal("1.0.1-test", job.GetProperty("taxonomyVersion").GetString());
        var jobId = job.GetProperty("id").GetString()!;
        var progress = await WaitJobDoneAsync(host, officer, jobId);
        Assert.Equal(2, progress.GetProperty("total").GetInt32());
        Assert.Equal(2, progress.GetProperty("done").GetInt32());
        Assert.Equal(0, progress.GetProperty("remaining").GetInt32());

        var reanalysed = (await responses.FindAsync(before))!;
        Assert.Equal("1.0.1-test", reanalysed.Analysis!.Analyzer.TaxonomyVersion);
        Assert.Contains("feeling-safe", reanalysed.EffectiveThemeIds());
        var keptCorrection = (await responses.FindAsync(corrected))!;
        Assert.Equal("1.0.1-test", keptCorrection.Analysis!.Analyzer.TaxonomyVersion);
        Assert.Equal(["feeling-safe"], keptCorrection.EffectiveThemeIds());

        // A second run finds nothing left to do.
        var (again, nothing) = await SendJsonAsync(host, HttpMethod.Post, "/api/reanalyse", officer, "{}");
        Assert.Equal(HttpStatusCode.Accepted, again);
        var none = await WaitJobDoneAsync(host, officer, nothing.GetProperty("id").GetString()!);
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        await GetJsonAsync(host, "/api/reanalyse/20260101000000-deadbeef", officer, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Officer_pages_refuse_other_roles()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var facilitator = await host.IssueKeyAsync(StaffRole.Facilitator);
        var safeguarding = await host.IssueKeyAsync(StaffRole.Safeguarding);
        foreach (var key in new[] { facilitator, safeguarding })
        {
            foreach (var path in new[] { "/api/taxonomy", "/api/responses", "/api/corrections/export", "/api/survey-templates" })
            {
                using var res = await host.SendAsync(HttpMethod.Get, path, key);
                Assert.True(res.StatusCode == HttpStatusCode.Forbidden, $"{path}: {res.StatusCode}");
            }
            using var reanalyse = await host.SendAsync(HttpMethod.Post, "/api/reanalyse", key);
            Assert.Equal(HttpStatusCode.Forbidden, reanalyse.StatusCode);
        }
    }

    [Fact]
    public async Task The_digest_preview_style_block_is_the_one_inline_style_the_console_policy_allows()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        var (created, digest) = await SendJsonAsync(host, HttpMethod.Post, "/api/digests", officer, """{"from":"2026-01-01","to":"2026-03-31"}""");
        Assert.Equal(HttpStatusCode.Created, created);
        using var html = await host.SendAsync(HttpMethod.Get, $"/api/digests/{digest.GetProperty("period").GetString()}/digest.html", officer);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var text = await html.Content.ReadAsStringAsync();
        var start = text.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length;
        var end = text.IndexOf("</style>", start, StringComparison.Ordinal);
        Assert.True(start > 6 && end > start);
        Assert.Equal(1, Regex.Count(text, "<style"));
        Assert.DoesNotContain(" style=", text);
        var hash = "sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text[start..end])));

        using var page = await host.SendAsync(HttpMethod.Get, "/console");
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        var styleSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("style-src ", StringComparison.Ordinal));
        Assert.Equal($"style-src 'self' '{hash}'", styleSrc);
    }

    [Fact]
    public async Task A_notes_preview_shows_the_points_and_their_themes_and_stores_nothing()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var facilitator = await host.IssueKeyAsync(StaffRole.Facilitator);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        static MultipartFormDataContent Form(string name, string text, string type = "text/plain")
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            form.Add(file, "file", name);
            form.Add(new StringContent("Northside Youth Forum"), "forum");
            form.Add(new StringContent("2026-02-10"), "sessionDate");
            return form;
        }
        const string Notes = "# What we talked about\n- Nobody listens to young people when decisions are made\n- More youth clubs open in the evenings\n- Buses home are not safe at night\n";

        using var res = await host.SendAsync(HttpMethod.Post, "/api/notes/preview", facilitator, Form("session.md", Notes));
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == HttpStatusCode.OK, body);
        var preview = JsonDocument.Parse(body).RootElement;
        var points = preview.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(3, points.Count);
        Assert.Contains("listen-to-me", points[0].GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("themeId").GetString()));
        Assert.Equal("What we talked about", points[0].GetProperty("heading").GetString());
        Assert.Equal(0, await host.Get<IResponseRepository>().ListAsync(new ResponseQuery(DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddYears(1))).CountAsync());

        using var wrongType = await host.SendAsync(HttpMethod.Post, "/api/notes/preview", facilitator, Form("session.pdf", "%PDF-1.4", "application/pdf"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        using var empty = await host.SendAsync(HttpMethod.Post, "/api/notes/preview", facilitator, Form("session.txt", ""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var notFacilitator = await host.SendAsync(HttpMethod.Post, "/api/notes/preview", officer, Form("session.md", Notes));
        Assert.Equal(HttpStatusCode.Forbidden, notFacilitator.StatusCode);
    }

    private static string[] Ids(JsonElement listing) =>
        listing.GetProperty("responses").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToArray();
}
