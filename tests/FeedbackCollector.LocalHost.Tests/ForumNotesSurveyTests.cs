using System.Net;
using FeedbackCollector.Core.Security;
using FeedbackCollector.TestSupport;

namespace FeedbackCollector.LocalHost.Tests;

/// <summary>The built-in survey of forum session notes on the running host: officers list its responses, nobody can answer it online.</summary>
[Collection("azurite")]
public sealed class ForumNotesSurveyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Its_responses_are_listed_for_officers_but_it_has_no_page_poster_or_qr_code_and_takes_no_answers()
    {
        await using var scope = azurite.NewScope();
        await using var host = await RunningHost.StartAsync(scope);
        var officer = await host.IssueKeyAsync(StaffRole.Officer);

        // Its responses are listed like any survey's (none yet): without the built-in definition this was a 404.
        using var listed = await host.SendAsync(HttpMethod.Get, "/api/surveys/forum-notes/responses", officer);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        // The survey list holds the surveys officers manage; the built-in one is not among them.
        using var all = await host.SendAsync(HttpMethod.Get, "/api/surveys", officer);
        Assert.Equal(0, (await RunningHost.ReadJsonAsync(all)).GetArrayLength());

        foreach (var path in new[] { "/s/forum-notes", "/s/forum-notes/poster", "/s/forum-notes/qr.svg", "/s/forum-notes/qr.png", "/api/surveys/forum-notes" })
        {
            using var res = await host.SendAsync(HttpMethod.Get, path);
            Assert.True(res.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)res.StatusCode}");
        }
        using var posted = await host.SendAsync(HttpMethod.Post, "/api/surveys/forum-notes/responses", content: RunningHost.Json("""{"answers":{"point":"we want more buses"}}"""));
        Assert.NotEqual(HttpStatusCode.Accepted, posted.StatusCode);
        using var edited = await host.SendAsync(HttpMethod.Post, "/api/surveys/forum-notes/open", officer);
        Assert.Equal(HttpStatusCode.Conflict, edited.StatusCode);
    }
}
