using Azure.Data.Tables;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class SurveyRepositoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageScope _scope = null!;
    private ServiceProvider _sp = null!;
    private ISurveyRepository _repo = null!;

    public async Task InitializeAsync()
    {
        _scope = azurite.NewScope();
        _sp = await TestData.CreatedServicesAsync(_scope);
        // The adapter itself: the built-in surveys its registration adds are tested in Core.
        _repo = _sp.GetRequiredService<TableSurveyRepository>();
    }

    public async Task DisposeAsync()
    {
        await _sp.DisposeAsync();
        await _scope.DisposeAsync();
    }

    [Fact]
    public async Task Add_find_and_list_round_trip_the_definition()
    {
        var added = await _repo.TryAddAsync(TestData.Survey("club"));
        Assert.NotNull(added);
        Assert.False(string.IsNullOrEmpty(added.ETag));
        await _repo.TryAddAsync(TestData.Survey("school-2"));

        var found = await _repo.FindAsync("club");
        Assert.NotNull(found);
        Assert.Equal(added.ETag, found.ETag);
        Assert.Equal("Tell us what you think — 😀 welcome.", found.Intro);
        Assert.Equal(SurveyStatus.Open, found.Status);
        Assert.Equal(3, found.Questions.Count);
        Assert.Equal(["a", "b"], found.Questions[0].Options.Select(o => o.Id));
        Assert.Equal(2000, found.Questions[1].MaxLength);
        Assert.Equal(TestData.Survey("club").CreatedUtc, found.CreatedUtc);

        Assert.Null(await _repo.FindAsync("nope"));
        Assert.Null(await _repo.FindAsync("Bad/Code"));
        Assert.Equal(["club", "school-2"], (await _repo.ListAsync()).Select(s => s.Code).Order());
    }

    [Fact]
    public async Task Adding_a_taken_code_returns_null_and_keeps_the_first()
    {
        Assert.NotNull(await _repo.TryAddAsync(TestData.Survey("club")));
        Assert.Null(await _repo.TryAddAsync(TestData.Survey("club") with { Title = "Other" }));
        Assert.Equal("How was the youth club?", (await _repo.FindAsync("club"))!.Title);
    }

    [Fact]
    public async Task Update_needs_the_current_etag()
    {
        var v1 = (await _repo.TryAddAsync(TestData.Survey("club")))!;
        var v2 = await _repo.UpdateAsync(v1 with { Title = "Second" });
        Assert.NotEqual(v1.ETag, v2.ETag);
        Assert.Equal("Second", (await _repo.FindAsync("club"))!.Title);

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _repo.UpdateAsync(v1 with { Title = "Lost update" }));
        Assert.Contains("changed", stale.Message);
        Assert.Equal("Second", (await _repo.FindAsync("club"))!.Title);

        await _sp.GetRequiredService<TableServiceClient>().GetTableClient(_scope.Names.SurveysTable).DeleteEntityAsync(TableSurveyRepository.Partition, "club");
        var deleted = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _repo.UpdateAsync(v2 with { Title = "Gone" }));
        Assert.Contains("deleted", deleted.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => _repo.UpdateAsync(v2 with { ETag = null }));
    }

    [Fact]
    public async Task A_definition_over_one_property_is_chunked_and_read_back_whole()
    {
        // 40 questions of 1,000 characters: about 45,000 characters of JSON, more than one string property holds.
        var big = TestData.Survey("big", questions: 40, textLength: 1000);
        Assert.NotNull(await _repo.TryAddAsync(big));
        var raw = (await _sp.GetRequiredService<TableServiceClient>().GetTableClient(_scope.Names.SurveysTable)
            .GetEntityAsync<TableEntity>(TableSurveyRepository.Partition, "big")).Value;
        Assert.True(raw.ContainsKey("Definition1"));
        var found = (await _repo.FindAsync("big"))!;
        Assert.Equal(40, found.Questions.Count);
        Assert.All(found.Questions, q => Assert.Equal(1000, q.Text.Length));
    }
}
