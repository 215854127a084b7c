using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;

namespace FeedbackCollector.LocalHost.Tests;

/// <summary>The survey pages' HTTP side, rate limits, idempotency, withdrawal, QR codes, concerns and alert retries, over Azurite.</summary>
[Collection("azurite")]
public sealed class SurveyWebApiTests(AzuriteFixture azurite)
{
    private const string Survey = "young-people";

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static async Task<int> CountResponsesAsync(RunningHost host) =>
        await host.Get<IResponseRepository>().ListAsync(new ResponseQuery(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(1))).CountAsync();

    private static async Task<RunningHost> StartWithSurveyAsync(StorageScope scope, IDictionary<string, string?>? overrides = null)
    {
        var host = await RunningHost.StartAsync(scope, overrides);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        await host.CreateOpenSurveyAsync(officer);
        return host;
    }

    [Fact]
    public async Task Pages_carry_a_strict_policy_set_no_cookie_and_fit_the_budget()
    {
        await using var scope = azurite.NewScope();
        await using var host = await StartWithSurveyAsync(scope);
        foreach (var path in new[] { $"/s/{Survey}", $"/s/{Survey}/withdraw", $"/s/{Survey}/poster", "/s/no-such-survey" })
        {
            using var res = await host.SendAsync(HttpMethod.Get, path);
            Assert.StartsWith("text/html", res.Content.Headers.ContentType!.ToString());
            var csp = string.Join(";", res.Headers.GetValues("Content-Security-Policy"));
            Assert.StartsWith("default-src 'none'; style-src 'sha256-", csp);
            Assert.DoesNotContain("unsafe", csp);
            Assert.False(res.Headers.Contains("Set-Cookie"), path);
            Assert.Equal("no-store", res.Headers.CacheControl!.ToString());
            var html = await res.Content.ReadAsStringAsync();
            // Nothing is fetched from anywhere: no link, source or form target with a host of its own.
            Assert.DoesNotMatch("(src|href|action)=\"(https?:)?//", html);
            Assert.DoesNotContain("<link", html);
            if (path == $"/s/{Survey}")
            {
                Assert.True(Encoding.UTF8.GetByteCount(html) < 30 * 1024);
            }
        }
        using var missing = await host.SendAsync(HttpMethod.Get, "/s/no-such-survey");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Every_bad_form_post_is_refused_with_a_page_and_stores_nothing()
    {
        await using var scope = azurite.NewScope();
        await using var host = await StartWithSurveyAsync(scope);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        await host.CreateOpenSurveyAsync(officer, "parents");
        using (await host.SendAsync(HttpMethod.Post, "/api/surveys/parents/close", officer))
        {
        }
        var cases = new (string Path, HttpContent Content, HttpStatusCode Status)[]
        {
            ($"/s/{Survey}", Form(("k", "form-key-000001"), ("a.listened", "3"), ("website", "http://spam.example")), HttpStatusCode.BadRequest),
            ($"/s/{Survey}", Form(("k", "form-key-000002"), ("a.listened", "3"), ("name", "Sam")), HttpStatusCode.BadRequest),
            ($"/s/{Survey}", Form(("k", "form-key-000003"), ("a.listened", "9")), HttpStatusCode.BadRequest),
            ($"/s/{Survey}", Form(("k", "form-key-000004"), ("a.one-thing", "only text")), HttpStatusCode.BadRequest),
            ($"/s/{Survey}", Form(("k", "form-key-000005"), ("a.listened", "3"), ("a.favourite", "x")), HttpStatusCode.BadRequest),
            ($"/s/{Survey}", Form(("k", "form-key-000006"), ("a.listened", "3"), ("a.one-thing", new string('x', 2001))), HttpStatusCode.BadRequest),
            ($"/s/{Survey}", Form(("k", "form-key-000007"), ("a.listened", "3"), ("a.one-thing", new string('x', 70_000))), HttpStatusCode.RequestEntityTooLarge),
            ($"/s/{Survey}", RunningHost.Json("""{"answers":{"listened":3}}"""), HttpStatusCode.UnsupportedMediaType),
            ("/s/no-such-survey", Form(("a.listened", "3")), HttpStatusCode.NotFound),
            ("/s/parents", Form(("a.communication", "3")), HttpStatusCode.Conflict),
        };
        foreach (var (path, content, status) in cases)
        {
            using var res = await host.SendAsync(HttpMethod.Post, path, content: content);
            Assert.True(status == res.StatusCode, $"{path} {await content.ReadAsStringAsync()}: expected {status}, got {res.StatusCode}");
            Assert.StartsWith("text/html", res.Content.Headers.ContentType!.ToString());
            Assert.Contains("Need help now?", await res.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, await CountResponsesAsync(host));

        // The form again, with the problem beside the question and the answer kept.
        using var again = await host.SendAsync(HttpMethod.Post, $"/s/{Survey}", content: Form(("k", "form-key-000008"), ("a.one-thing", "clubs"), ("a.involved", "yes")));
        var html = await again.Content.ReadAsStringAsync();
        Assert.Contains("id=\"e-listened\"", html);
        Assert.Contains(">clubs</textarea>", html);
        Assert.Contains("value=\"form-key-000008\"", html);
    }

    [Fact]
    public async Task A_form_sent_twice_is_stored_once_with_the_same_receipt()
    {
        await using var scope = azurite.NewScope();
        await using var host = await StartWithSurveyAsync(scope);
        static string Receipt(string html) => System.Text.RegularExpressions.Regex.Match(html, "class=\"receipt\"[^>]*>([^<]+)<").Groups[1].Value;

        using var first = await host.SendAsync(HttpMethod.Post, $"/s/{Survey}", content: Form(("k", "same-key-123456"), ("a.listened", "4"), ("v", "oak-youth"), ("c", "qr")));
        using var second = await host.SendAsync(HttpMethod.Post, $"/s/{Survey}", content: Form(("k", "same-key-123456"), ("a.listened", "4"), ("v", "oak-youth"), ("c", "qr")));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var r1 = Receipt(await first.Content.ReadAsStringAsync());
        Assert.Matches("^[0-9A-Z]{5}-[0-9A-Z]{5}$", r1);
        Assert.Equal(r1, Receipt(await second.Content.ReadAsStringAsync()));
        Assert.Equal(1, await CountResponsesAsync(host));

        using var changed = await host.SendAsync(HttpMethod.Post, $"/s/{Survey}", content: Form(("k", "same-key-123456"), ("a.listened", "1")));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);

        // The API honours Idempotency-Key the same way.
        HttpRequestMessage Api() => new(HttpMethod.Post, $"/api/surveys/{Survey}/responses")
        {
            Content = RunningHost.Json("""{"answers":{"listened":2}}"""),
            Headers = { { "Idempotency-Key", "api-key-abcdef12" } },
        };
        using var a1 = await host.Http.SendAsync(Api());
        using var a2 = await host.Http.SendAsync(Api());
        Assert.Equal(HttpStatusCode.Accepted, a2.StatusCode);
        Assert.Equal((await RunningHost.ReadJsonAsync(a1)).GetProperty("receipt").GetString(), (await RunningHost.ReadJsonAsync(a2)).GetProperty("receipt").GetString());
        Assert.Equal(2, await CountResponsesAsync(host));
        var bad = new HttpRequestMessage(HttpMethod.Post, $"/api/surveys/{Survey}/responses") { Content = RunningHost.Json("""{"answers":{"listened":2}}""") };
        bad.Headers.Add("Idempotency-Key", "bad key!");
        using var badRes = await host.Http.SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, badRes.StatusCode);
    }

    [Fact]
    public async Task A_classroom_gets_through_while_a_flooding_device_and_a_flooding_network_get_429_with_retry_after()
    {
        await using var scope = azurite.NewScope();
        await using var host = await StartWithSurveyAsync(scope, new Dictionary<string, string?>
        {
            ["Survey:DeviceBurst"] = "6",
            ["Survey:DevicePerMinute"] = "2",
            ["Survey:NetworkBurst"] = "40",
            ["Survey:NetworkPerMinute"] = "40",
        });
        async Task<HttpResponseMessage> Post(string key) =>
            await host.SendAsync(HttpMethod.Post, $"/s/{Survey}", content: Form(("k", key), ("a.listened", "3")));

        // 30 phones in one classroom, one school address, within seconds.
        for (var i = 0; i < 30; i++)
        {
            using var res = await Post($"phone-{i:D4}-key");
            Assert.True(res.StatusCode == HttpStatusCode.OK, $"phone {i} got {res.StatusCode}");
        }

        // One phone sending again and again: refused after its burst (6), without spending the classroom's allowance.
        var refused = 0;
        for (var i = 0; i < 12; i++)
        {
            using var res = await Post("flooding-phone-key");
            if (res.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused++;
                Assert.True(int.Parse(res.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
                Assert.Contains("Please wait", await res.Content.ReadAsStringAsync());
            }
        }
        Assert.Equal(6, refused);
        using (var classmate = await Post("late-classmate-key"))
        {
            Assert.Equal(HttpStatusCode.OK, classmate.StatusCode);
        }

        // A script rotating form keys: stopped by the network limit (40 here), with Retry-After.
        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 20 && last != HttpStatusCode.TooManyRequests; i++)
        {
            using var res = await Post($"script-{i:D4}-key");
            last = res.StatusCode;
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        using var api = await host.SendAsync(HttpMethod.Post, $"/api/surveys/{Survey}/responses", content: RunningHost.Json("""{"answers":{"listened":2}}"""));
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.NotNull(api.Headers.RetryAfter);
        Assert.StartsWith("application/problem+json", api.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Withdrawing_by_api_deletes_once_and_refuses_bad_codes()
    {
        await using var scope = azurite.NewScope();
        await using var host = await StartWithSurveyAsync(scope);
        using var sent = await host.SendAsync(HttpMethod.Post, $"/api/surveys/{Survey}/responses", content: RunningHost.Json("""{"answers":{"listened":2}}"""));
        var receipt = (await RunningHost.ReadJsonAsync(sent)).GetProperty("receipt").GetString()!;

        using var bad = await host.SendAsync(HttpMethod.Post, "/api/responses/not-a-code/withdraw");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var ok = await host.SendAsync(HttpMethod.Post, $"/api/responses/{receipt}/withdraw");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True((await RunningHost.ReadJsonAsync(ok)).GetProperty("withdrawn").GetBoolean());
        using var again = await host.SendAsync(HttpMethod.Post, $"/api/responses/{receipt}/withdraw");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(0, await CountResponsesAsync(host));
    }

    [Fact]
    public async Task Qr_codes_come_as_svg_and_png_for_a_survey_and_venue()
    {
        await using var scope = azurite.NewScope();
        await using var host = await StartWithSurveyAsync(scope);
        using var svg = await host.SendAsync(HttpMethod.Get, $"/s/{Survey}/qr.svg?v=oak-youth");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        var text = await svg.Content.ReadAsStringAsync();
        Assert.Contains("<svg", text);
        Assert.Contains($"/s/{Survey}?v=oak-youth&amp;c=qr", text);
        using var png = await host.SendAsync(HttpMethod.Get, $"/s/{Survey}/qr.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, (await png.Content.ReadAsByteArrayAsync())[..4]);
        using var badVenue = await host.SendAsync(HttpMethod.Get, $"/s/{Survey}/qr.svg?v=Oak%20Youth");
        Assert.Equal(HttpStatusCode.BadRequest, badVenue.StatusCode);
        using var unknown = await host.SendAsync(HttpMethod.Get, "/s/no-such-survey/qr.png");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_safeguarding_role_lists_open_concerns_with_redacted_text_and_records_reviews()
    {
        await using var scope = azurite.NewScope();
        await using var host = await StartWithSurveyAsync(scope);
        var safeguarding = await host.IssueKeyAsync(StaffRole.Safeguarding);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        using var sent = await host.SendAsync(HttpMethod.Post, $"/api/surveys/{Survey}/responses", content: RunningHost.Json(
            """{"answers":{"listened":1,"one-thing":"Jake at school hurts me every day and I want to kill myself"},"venue":"oak-youth"}"""));
        var receipt = await RunningHost.ReadJsonAsync(sent);
        Assert.True(receipt.GetProperty("needsHelp").GetBoolean());
        var id = receipt.GetProperty("id").GetString()!;

        using (var none = await host.SendAsync(HttpMethod.Get, "/api/concerns"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        }
        using (var wrong = await host.SendAsync(HttpMethod.Get, "/api/concerns", officer))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        }
        using var list = await host.SendAsync(HttpMethod.Get, "/api/concerns", safeguarding);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var body = await RunningHost.ReadJsonAsync(list);
        Assert.Equal(1, body.GetProperty("open").GetInt32());
        var c = body.GetProperty("concerns")[0];
        Assert.Equal(id, c.GetProperty("id").GetString());
        Assert.Equal("open", c.GetProperty("status").GetString());
        Assert.Equal(Survey, c.GetProperty("surveyCode").GetString());
        Assert.Equal("oak-youth", c.GetProperty("venue").GetString());
        Assert.True(c.TryGetProperty("receivedUtc", out _));
        var text = c.GetProperty("texts")[0].GetProperty("redactedText").GetString()!;
        Assert.Contains("kill myself", text);
        Assert.DoesNotContain("Jake", text);

        using var badBody = await host.SendAsync(HttpMethod.Post, $"/api/concerns/{id}/review", safeguarding, RunningHost.Json("""{"note":""}"""));
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
        using var unknown = await host.SendAsync(HttpMethod.Post, $"/api/concerns/{ResponseId.New(DateTimeOffset.UtcNow)}/review", safeguarding, RunningHost.Json("""{"note":"seen"}"""));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var reviewed = await host.SendAsync(HttpMethod.Post, $"/api/concerns/{id}/review", safeguarding, RunningHost.Json("""{"note":"Passed to the school's safeguarding lead"}"""));
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        var view = await RunningHost.ReadJsonAsync(reviewed);
        Assert.Equal("Test Safeguarding", view.GetProperty("reviewedBy").GetString());
        Assert.True(view.TryGetProperty("reviewedUtc", out _));
        using var twice = await host.SendAsync(HttpMethod.Post, $"/api/concerns/{id}/review", safeguarding, RunningHost.Json("""{"note":"again"}"""));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        // Withdrawn: the response goes, the concern and its redacted text stay for the safeguarding lead.
        using var withdrawn = await host.SendAsync(HttpMethod.Post, $"/api/responses/{id}/withdraw");
        Assert.True((await RunningHost.ReadJsonAsync(withdrawn)).GetProperty("concernKept").GetBoolean());
        using var after = await host.SendAsync(HttpMethod.Get, "/api/concerns", safeguarding);
        var kept = (await RunningHost.ReadJsonAsync(after)).GetProperty("concerns")[0];
        Assert.True(kept.GetProperty("withdrawn").GetBoolean());
        Assert.Contains("kill myself", kept.GetProperty("texts")[0].GetProperty("redactedText").GetString());
        Assert.Equal(0, await CountResponsesAsync(host));
    }

    [Fact]
    public async Task An_alert_survives_a_webhook_that_is_down_and_is_delivered_once_it_recovers()
    {
        await using var webhook = new FlakyWebhook(failures: 3);
        await using var scope = azurite.NewScope();
        await using var host = await StartWithSurveyAsync(scope, new Dictionary<string, string?>
        {
            ["Alerts:WebhookUrl"] = webhook.Url,
            ["Alerts:RetryBaseSeconds"] = "0.5",
            ["Alerts:RetryMaxSeconds"] = "2",
        });
        using var sent = await host.SendAsync(HttpMethod.Post, $"/api/surveys/{Survey}/responses", content: RunningHost.Json(
            """{"answers":{"listened":1,"one-thing":"my dad hits me when he is drunk"}}"""));
        var id = (await RunningHost.ReadJsonAsync(sent)).GetProperty("id").GetString()!;

        ConcernRecord? concern = null;
        await RunningHost.WaitForAsync(async () => (concern = await host.Get<IConcernRepository>().FindAsync(id)) is { AlertDeliveredUtc: not null },
            TimeSpan.FromSeconds(40), "the alert to be delivered after the webhook recovers");
        Assert.Equal(3, concern!.AlertAttempts);
        Assert.Equal(4, webhook.Requests);
        Assert.Contains(id, webhook.LastBody);
        Assert.DoesNotContain("drunk", webhook.LastBody);
        var poison = new QueueClient(scope.ConnectionString, scope.Names.AlertsQueueName + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        Assert.Empty((await poison.PeekMessagesAsync(10)).Value);
    }

    /// <summary>A webhook on a loopback port that answers 503 a number of times, then 200.</summary>
    private sealed class FlakyWebhook : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        private int _failuresLeft;
        private int _requests;

        public FlakyWebhook(int failures)
        {
            _failuresLeft = failures;
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/alert/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public string Url { get; }

        public int Requests => Volatile.Read(ref _requests);

        public string LastBody { get; private set; } = "";

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try
                {
                    ctx = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                using (var reader = new StreamReader(ctx.Request.InputStream))
                {
                    LastBody = await reader.ReadToEndAsync();
                }
                Interlocked.Increment(ref _requests);
                ctx.Response.StatusCode = Interlocked.Decrement(ref _failuresLeft) >= 0 ? 503 : 200;
                ctx.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            l.Start();
            return ((IPEndPoint)l.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
