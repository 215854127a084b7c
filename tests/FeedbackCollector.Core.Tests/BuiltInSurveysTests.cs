using System.Text.Json;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FeedbackCollector.Core.Tests;

/// <summary>The built-in survey of forum session notes: found and named everywhere, stored nowhere, never answered online.</summary>
public class BuiltInSurveysTests
{
    private readonly Mock<ISurveyRepository> _store = new(MockBehavior.Strict);

    private BuiltInSurveyRepository Repo() => new(_store.Object);

    private SurveyAdminHandler Admin()
    {
        var repo = Repo();
        return new SurveyAdminHandler(repo, new SurveyCache(repo, TimeProvider.System), TimeProvider.System, NullLogger<SurveyAdminHandler>.Instance);
    }

    [Fact]
    public void Forum_notes_is_a_valid_closed_survey_of_the_forum_audience_with_the_point_question()
    {
        var s = BuiltInSurveys.ForumNotes;
        Assert.Equal(NotesUploadHandler.SurveyCode, s.Code);
        Assert.Equal("forum-notes", s.Code);
        Assert.Equal(Audience.ForumNotes, s.Audience);
        Assert.Equal(SurveyStatus.Closed, s.Status);
        var q = Assert.Single(s.Questions);
        Assert.Equal(NotesUploadHandler.PointQuestionId, q.Id);
        Assert.Equal(QuestionKind.FreeText, q.Kind);
        Assert.Empty(SurveyRules.Validate(s));
        Assert.True(BuiltInSurveys.IsBuiltIn("forum-notes"));
        Assert.False(BuiltInSurveys.IsBuiltIn("young-people"));
        Assert.False(BuiltInSurveys.IsBuiltIn(null));
    }

    [Fact]
    public async Task The_store_finds_and_lists_it_without_asking_storage_for_it()
    {
        var stored = new Survey { Code = "young-people", Title = "Young people", Audience = Audience.Child, Questions = [] };
        var shadow = stored with { Code = "forum-notes", Title = "An impostor" };
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([stored, shadow]);
        _store.Setup(s => s.FindAsync("young-people", It.IsAny<CancellationToken>())).ReturnsAsync(stored);

        var repo = Repo();
        Assert.Same(BuiltInSurveys.ForumNotes, await repo.FindAsync("forum-notes"));
        Assert.Same(stored, await repo.FindAsync("young-people"));
        // By code, the built-in one winning over anything stored under its code.
        var list = await repo.ListAsync();
        Assert.Equal(["forum-notes", "young-people"], list.Select(s => s.Code));
        Assert.Same(BuiltInSurveys.ForumNotes, list[0]);
        _store.Verify(s => s.FindAsync("forum-notes", It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Its_code_cannot_be_stored_or_updated()
    {
        var repo = Repo();
        Assert.Null(await repo.TryAddAsync(BuiltInSurveys.ForumNotes with { Title = "Mine" }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => repo.UpdateAsync(BuiltInSurveys.ForumNotes));
        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Officers_cannot_create_edit_open_or_close_it()
    {
        var admin = Admin();
        using var body = JsonDocument.Parse("""
            {"code":"forum-notes","title":"Forum","audience":"forum-notes","questions":[{"id":"q1","kind":"free-text","text":"What did you talk about?"}]}
            """);
        var created = await admin.CreateAsync(body.RootElement, CancellationToken.None);
        Assert.Equal(OutcomeKind.Invalid, created.Kind);
        Assert.Contains("reserved", created.Errors!["code"]);

        var updated = await admin.UpdateAsync("forum-notes", body.RootElement, null, CancellationToken.None);
        Assert.Equal(OutcomeKind.Conflict, updated.Kind);
        Assert.Contains("built in", updated.Message);
        Assert.Equal(OutcomeKind.Conflict, (await admin.SetStatusAsync("forum-notes", SurveyStatus.Open, CancellationToken.None)).Kind);
        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task It_has_no_survey_page_but_officers_can_read_it()
    {
        var admin = Admin();
        Assert.Equal(OutcomeKind.NotFound, (await admin.GetPublicAsync("forum-notes", CancellationToken.None)).Kind);
        var got = await admin.GetAsync("forum-notes", CancellationToken.None);
        Assert.Equal(OutcomeKind.Ok, got.Kind);
        Assert.Same(BuiltInSurveys.ForumNotes, got.Value);
    }

    [Fact]
    public async Task The_officers_survey_list_holds_only_the_surveys_they_manage()
    {
        var stored = new Survey { Code = "young-people", Title = "Young people", Audience = Audience.Child, Questions = [] };
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([stored]);
        var listed = await Admin().ListAsync(CancellationToken.None);
        Assert.Equal(["young-people"], ((IEnumerable<Survey>)listed.Value!).Select(s => s.Code));
    }
}
