using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;

namespace FeedbackCollector.LocalHost.Tests;

[CollectionDefinition("azurite")]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;

/// <summary>The collector end to end on the local host over a real Azurite.</summary>
[Collection("azurite")]
public sealed class EndToEndTests(AzuriteFixture azurite)
{
    private const string Survey = "young-people";

    private static async Task<int> CountResponsesAsync(RunningHost host) =>
        await host.Get<IResponseRepository>()
            .ListAsync(new ResponseQuery(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(1)))
            .CountAsync();

    [Fact]
    public async Task A_submission_is_accepted_analysed_within_seconds_and_visible_to_officers_with_themes()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        await host.CreateOpenSurveyAsync(officer);

        using var res = await host.SendAsync(HttpMethod.Post, $"/api/surveys/{Survey}/responses", content: RunningHost.Json(
            """{"answers":{"listened":2,"know-where":"no","one-thing":"my socail worker never listens to me and i had to tell my story over and over"},"venue":"oak-youth","channel":"qr"}"""));
        Assert.Equal(HttpStatusCode.Accepted, res.StatusCode);
        var receipt = await RunningHost.ReadJsonAsync(res);
        var id = receipt.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9A-Z]{5}-[0-9A-Z]{5}$", receipt.GetProperty("receipt").GetString()!);

        JsonElement view = default;
        await RunningHost.WaitForAsync(async () =>
        {
            using var r = await host.SendAsync(HttpMethod.Get, $"/api/responses/{id}", officer);
            view = await RunningHost.ReadJsonAsync(r);
            return r.StatusCode == HttpStatusCode.OK && view.GetProperty("status").GetString() == "analysed";
        }, TimeSpan.FromSeconds(15), "the response to be analysed");

        var answer = view.GetProperty("freeText")[0];
        var themes = answer.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("themeId").GetString()).ToList();
        Assert.Contains("listen-to-me", themes);
        Assert.Equal("oak-youth", view.GetProperty("venue").GetString());
        Assert.Equal("qr", view.GetProperty("channel").GetString());

        using var list = await host.SendAsync(HttpMethod.Get, $"/api/surveys/{Survey}/responses", officer);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(1, (await RunningHost.ReadJsonAsync(list)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Every_bad_input_gets_a_clear_problem_and_stores_nothing()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        await host.CreateOpenSurveyAsync(officer);
        await host.CreateOpenSurveyAsync(officer, "parents");
        using (await host.SendAsync(HttpMethod.Post, "/api/surveys/parents/close", officer))
        {
        }

        var cases = new (string Path, HttpContent Content, HttpStatusCode Status, string? Field)[]
        {
            ($"/api/surveys/{Survey}/responses", RunningHost.Json("""{"answers":{"listened":2,}"""), HttpStatusCode.BadRequest, "$"),
            ("/api/surveys/no-such-survey/responses", RunningHost.Json("""{"answers":{"listened":2}}"""), HttpStatusCode.NotFound, null),
            ("/api/surveys/parents/responses", RunningHost.Json("""{"answers":{"communication":2}}"""), HttpStatusCode.Conflict, null),
            ($"/api/surveys/{Survey}/responses", RunningHost.Json("""{"answers":{"listened":2,"one-thing":"PAD"}}""".Replace("PAD", new string('x', 70_000), StringComparison.Ordinal)), HttpStatusCode.RequestEntityTooLarge, null),
            ($"/api/surveys/{Survey}/responses", new StringContent("listened=2", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType, null),
            ($"/api/surveys/{Survey}/responses", RunningHost.Json("""{"answers":{"listened":2,"favourite-colour":"blue"}}"""), HttpStatusCode.BadRequest, "answers.favourite-colour"),
            ($"/api/surveys/{Survey}/responses", RunningHost.Json("""{"answers":{"listened":7}}"""), HttpStatusCode.BadRequest, "answers.listened"),
            ($"/api/surveys/{Survey}/responses", RunningHost.Json("""{"answers":{"listened":2,"one-thing":"PAD"}}""".Replace("PAD", new string('x', 4_001), StringComparison.Ordinal)), HttpStatusCode.BadRequest, "answers.one-thing"),
        };
        foreach (var (path, content, status, field) in cases)
        {
            using var res = await host.SendAsync(HttpMethod.Post, path, content: content);
            Assert.True(status == res.StatusCode, $"{path}: expected {status}, got {res.StatusCode}");
            Assert.StartsWith("application/problem+json", res.Content.Headers.ContentType!.ToString());
            var problem = await RunningHost.ReadJsonAsync(res);
            Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
            if (field is not null)
            {
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path}: the problem should name {field}");
            }
        }
        Assert.Equal(0, await CountResponsesAsync(host));
    }

    [Fact]
    public async Task Staff_endpoints_need_a_key_with_the_right_role()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var facilitator = await host.IssueKeyAsync(StaffRole.Facilitator);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);

        using var none = await host.SendAsync(HttpMethod.Get, "/api/surveys");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        using var wrong = await host.SendAsync(HttpMethod.Get, "/api/surveys", officer + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var role = await host.SendAsync(HttpMethod.Get, "/api/surveys", facilitator);
        Assert.Equal(HttpStatusCode.Forbidden, role.StatusCode);
        using var ok = await host.SendAsync(HttpMethod.Get, "/api/surveys", officer);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        RoleKeys.TryParse(officer, out var keyId, out _);
        await host.Get<IRoleKeyRepository>().RevokeAsync(keyId, DateTimeOffset.UtcNow);
        using var revoked = await host.SendAsync(HttpMethod.Get, "/api/surveys", officer);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task A_message_handled_twice_changes_nothing_the_second_time()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        await host.CreateOpenSurveyAsync(officer);
        using var res = await host.SendAsync(HttpMethod.Post, $"/api/surveys/{Survey}/responses", content: RunningHost.Json(
            """{"answers":{"listened":3,"one-thing":"more youth clubs please"}}"""));
        var id = (await RunningHost.ReadJsonAsync(res)).GetProperty("id").GetString()!;
        var responses = host.Get<IResponseRepository>();
        await RunningHost.WaitForAsync(async () => (await responses.FindAsync(id))?.Analysis is not null, TimeSpan.FromSeconds(15), "analysis");
        var first = (await responses.FindAsync(id))!.Analysis!;

        var queue = new QueueClient(scope.ConnectionString, scope.Names.AnalysisQueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await queue.SendMessageAsync(id);
        await RunningHost.WaitForAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, TimeSpan.FromSeconds(15), "the repeat to be handled");
        await Task.Delay(500);

        var second = (await responses.FindAsync(id))!.Analysis!;
        Assert.Equal(first.AnalysedUtc, second.AnalysedUtc);
    }

    [Fact]
    public async Task A_message_that_always_fails_ends_in_the_poison_queue_after_max_dequeue_count_and_can_be_requeued()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var queue = new QueueClient(scope.ConnectionString, scope.Names.AnalysisQueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await queue.SendMessageAsync("this is not a response id");

        var admin = host.Get<IPoisonQueueAdmin>();
        IReadOnlyList<PoisonMessage> poisoned = [];
        await RunningHost.WaitForAsync(async () => (poisoned = await admin.PeekAsync(scope.Names.AnalysisQueueName, 10)).Count == 1,
            TimeSpan.FromSeconds(60), "the message to reach the poison queue");
        Assert.Equal("this is not a response id", poisoned[0].Body);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Nothing_acknowledged_is_lost_when_the_host_restarts_mid_queue()
    {
        await using var scope = azurite.NewScope();
        var ids = new List<string>();
        await using (var first = await RunningHost.StartAsync(scope))
        {
            var officer = await first.IssueKeyAsync(StaffRole.Officer);
            await first.CreateOpenSurveyAsync(officer);
            var sends = Enumerable.Range(0, 150).Select(async i =>
            {
                using var res = await first.SendAsync(HttpMethod.Post, $"/api/surveys/{Survey}/responses",
                    content: RunningHost.Json("{\"answers\":{\"listened\":" + ((i % 5) + 1) + ",\"one-thing\":\"answer " + i + ": the wait for help was too long\"}}"));
                Assert.Equal(HttpStatusCode.Accepted, res.StatusCode);
                return (await RunningHost.ReadJsonAsync(res)).GetProperty("id").GetString()!;
            });
            ids.AddRange(await Task.WhenAll(sends));
        }

        // A new host over the same storage finishes whatever the first left in the queue.
        await using var second = await RunningHost.StartAsync(scope);
        var responses = second.Get<IResponseRepository>();
        await RunningHost.WaitForAsync(async () =>
        {
            var analysed = 0;
            await foreach (var r in responses.ListAsync(new ResponseQuery(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1))))
            {
                analysed += r.Analysis is null ? 0 : 1;
            }
            return analysed == ids.Count;
        }, TimeSpan.FromSeconds(60), "every acknowledged response to be analysed");
    }

    [Fact]
    public async Task The_timer_writes_the_digest_of_the_quarter_just_ended()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope, new Dictionary<string, string?> { ["DigestSchedule"] = "*/1 * * * * *" });
        var archive = host.Get<IDigestArchive>();
        var expected = Core.Digests.DigestPaths.Json(Quarter.Of(DateTimeOffset.UtcNow).Previous);
        await RunningHost.WaitForAsync(async () => (await archive.ReadAsync(expected)) is not null, TimeSpan.FromSeconds(20), expected);
    }

    [Fact]
    public async Task Storage_down_answers_503_with_retry_after_and_health_says_so()
    {
        await using var scope = azurite.NewScope();
        var closedPort = FreePort();
        var down = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};" +
                   $"BlobEndpoint=http://127.0.0.1:{closedPort}/{AzuriteFixture.AccountName};QueueEndpoint=http://127.0.0.1:{closedPort}/{AzuriteFixture.AccountName};TableEndpoint=http://127.0.0.1:{closedPort}/{AzuriteFixture.AccountName};";
        await using var host = await RunningHost.StartAsync(scope, new Dictionary<string, string?> { ["Storage"] = down });

        using var submit = await host.SendAsync(HttpMethod.Post, $"/api/surveys/{Survey}/responses", content: RunningHost.Json("""{"answers":{"listened":2}}"""));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, submit.StatusCode);
        Assert.NotNull(submit.Headers.RetryAfter);
        using var health = await host.SendAsync(HttpMethod.Get, "/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    [Fact]
    public async Task Health_is_200_when_storage_answers()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        using var health = await host.SendAsync(HttpMethod.Get, "/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
