using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.TestSupport;

namespace FeedbackCollector.LocalHost.Tests;

/// <summary>Session notes and digests end to end on the local host over a real Azurite.</summary>
[Collection("azurite")]
public sealed class NotesAndDigestEndToEndTests(AzuriteFixture azurite)
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static MultipartFormDataContent Upload(byte[] file, string name, string forum = "Northside Youth Forum", string? date = null)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        form.Add(new StringContent(forum), "forum");
        form.Add(new StringContent(date ?? Today), "sessionDate");
        form.Add(new StringContent("12"), "participants");
        form.Add(new StringContent("13-17"), "ageRange");
        return form;
    }

    [Fact]
    public async Task Notes_are_split_stored_analysed_counted_once_and_reach_the_digest()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var facilitator = await host.IssueKeyAsync(StaffRole.Facilitator);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);
        var notes = Encoding.UTF8.GetBytes("# Transport\n- The buses never come on time and nobody listens to us\n- Fares are too high for young people\n\nThe youth club closing means there is nothing to do\n");

        using (var res = await host.SendAsync(HttpMethod.Post, "/api/notes", facilitator, Upload(notes, "session.md")))
        {
            Assert.Equal(HttpStatusCode.Accepted, res.StatusCode);
            Assert.Equal(3, (await RunningHost.ReadJsonAsync(res)).GetProperty("pointsAccepted").GetInt32());
        }
        using (var again = await host.SendAsync(HttpMethod.Post, "/api/notes", facilitator, Upload(notes, "copy.md", "Another name")))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.True((await RunningHost.ReadJsonAsync(again)).GetProperty("duplicate").GetBoolean());
        }
        using (var wrongRole = await host.SendAsync(HttpMethod.Post, "/api/notes", officer, Upload(notes, "x.md")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        }

        var repo = host.Get<IResponseRepository>();
        await RunningHost.WaitForAsync(async () =>
            await repo.ListAsync(new ResponseQuery(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(1))).CountAsync(r => r.Analysis is not null) == 3,
            TimeSpan.FromSeconds(20), "the three points to be analysed");

        using (var action = await host.SendAsync(HttpMethod.Post, "/api/actions", officer,
            RunningHost.Json("""{"themeId":"things-to-do","youSaid":"Nothing to do","weDid":"The club opens on Fridays again"}""")))
        {
            Assert.Equal(HttpStatusCode.Created, action.StatusCode);
        }
        var quarter = Quarter.Of(DateTimeOffset.UtcNow);
        var from = quarter.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var gen = await host.SendAsync(HttpMethod.Post, "/api/digests", officer, RunningHost.Json($$"""{"from":"{{from}}","to":"{{Today}}"}""")))
        {
            Assert.Equal(HttpStatusCode.Created, gen.StatusCode);
        }
        var key = Today == quarter.End.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ? quarter.ToString() : $"{from}_{Today}";
        using (var list = await host.SendAsync(HttpMethod.Get, "/api/digests", officer))
        {
            Assert.Contains(key, (await RunningHost.ReadJsonAsync(list)).GetProperty("digests").EnumerateArray().Select(d => d.GetProperty("period").GetString()));
        }
        using (var html = await host.SendAsync(HttpMethod.Get, $"/api/digests/{key}/digest.html", officer))
        {
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
            Assert.Contains("default-src 'none'", html.Headers.GetValues("Content-Security-Policy").Single());
            var page = await html.Content.ReadAsStringAsync();
            Assert.Contains("What forum sessions told us", page);
            Assert.Contains("The club opens on Fridays again", page);
        }
        using (var csv = await host.SendAsync(HttpMethod.Get, $"/api/digests/{key}/themes.csv", officer))
        {
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        }
        using (var missing = await host.SendAsync(HttpMethod.Get, $"/api/digests/{key}/secrets.txt", officer))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    [Fact]
    public async Task Bad_uploads_get_400_413_or_415_and_store_nothing()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var facilitator = await host.IssueKeyAsync(StaffRole.Facilitator);
        var random = new byte[2048];
        new Random(3).NextBytes(random);

        var cases = new (HttpContent Content, HttpStatusCode Status, string Mentions)[]
        {
            (Upload(Encoding.UTF8.GetBytes("- a point"), "notes.pdf"), HttpStatusCode.UnsupportedMediaType, ".docx"),
            (Upload([], "notes.txt"), HttpStatusCode.BadRequest, "empty"),
            (Upload(random, "notes.docx"), HttpStatusCode.BadRequest, "not a .docx"),
            (Upload(new byte[5 * 1024 * 1024 + 10], "big.txt"), HttpStatusCode.RequestEntityTooLarge, "5 MB"),
            (Upload(Encoding.UTF8.GetBytes("- a point"), "n.txt", date: "2999-01-01"), HttpStatusCode.BadRequest, "future"),
            (RunningHost.Json("""{"forum":"x"}"""), HttpStatusCode.UnsupportedMediaType, "multipart"),
        };
        foreach (var (content, status, mentions) in cases)
        {
            using var res = await host.SendAsync(HttpMethod.Post, "/api/notes", facilitator, content);
            Assert.Equal(status, res.StatusCode);
            Assert.Contains(mentions, await res.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(0, await host.Get<IResponseRepository>().ListAsync(new ResponseQuery(DateTimeOffset.UtcNow.AddYears(-10), DateTimeOffset.UtcNow.AddYears(1000))).CountAsync());
    }
}
