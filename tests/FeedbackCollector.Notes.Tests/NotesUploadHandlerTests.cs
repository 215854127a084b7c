using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FeedbackCollector.Notes.Tests;

public class NotesUploadHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly MemoryResponses _responses = new();
    private readonly MemoryQueue _queue = new();
    private readonly MemoryLedger _ledger = new();

    private NotesUploadHandler Handler(IResponseRepository? responses = null) => new(
        new NotesReader(), _ledger, responses ?? _responses, _queue, Options.Create(new StorageNamesOptions()),
        new FakeTimeProvider(Now), NullLogger<NotesUploadHandler>.Instance);

    private static NotesUploadRequest Upload(string text = "# Transport\n- Buses are late\n- Fares too high\n\nParks need lights", string name = "notes.md",
        string forum = "Northside Youth Forum", string date = "2026-05-14", string? participants = "12", string? ages = "13 to 17") =>
        new(name, null, TestFiles.Utf8(text), forum, date, participants, ages);

    [Fact]
    public async Task Each_point_is_stored_as_a_forum_notes_response_then_queued()
    {
        var o = await Handler().HandleAsync(Upload(), "Facilitator north", default);

        Assert.Equal(OutcomeKind.Accepted, o.Kind);
        var receipt = Assert.IsType<NotesUploadReceipt>(o.Value);
        Assert.Equal(3, receipt.PointsAccepted);
        Assert.False(receipt.Duplicate);
        var stored = _responses.Items.Values.OrderBy(r => r.Provenance!.Line).ToList();
        Assert.Equal(3, stored.Count);
        Assert.All(stored, r =>
        {
            Assert.Equal(NotesUploadHandler.SurveyCode, r.SurveyCode);
            Assert.Equal(Audience.ForumNotes, r.Audience);
            Assert.Equal(Channel.ForumNotes, r.Channel);
            Assert.Equal("northside-youth-forum", r.Venue);
            Assert.Equal(new DateTimeOffset(2026, 5, 14, 0, 0, 0, TimeSpan.Zero), r.ReceivedUtc);
            Assert.Equal("Northside Youth Forum", r.Provenance!.Source);
            Assert.Equal("2026-05-14", r.Provenance.Session);
            Assert.Equal(["12"], r.Answers[NotesUploadHandler.ParticipantsAnswerId]);
            Assert.Equal(["13-17"], r.Answers[NotesUploadHandler.AgeRangeAnswerId]);
            Assert.Equal(new Quarter(2026, 2), ResponseId.QuarterOf(r.Id));
        });
        Assert.Equal(["Buses are late", "Fares too high", "Parks need lights"], stored.Select(r => r.FreeText.Single().Text));
        Assert.Equal([2, 3, 5], stored.Select(r => r.Provenance!.Line));
        Assert.Equal("Transport", stored[0].Provenance!.Context);
        Assert.Equal(stored.Select(r => r.Id).Order(), _queue.Sent.Select(s => s.Message).Order());
        Assert.All(_queue.Sent, s => Assert.Equal("analysis", s.Queue));
        Assert.Equal(UploadStatus.Completed, _ledger.Items.Values.Single().Status);
    }

    [Fact]
    public async Task The_same_file_twice_is_counted_once()
    {
        await Handler().HandleAsync(Upload(), "f", default);
        var again = await Handler().HandleAsync(Upload(forum: "Another name", date: "2026-05-15"), "f", default);

        Assert.Equal(OutcomeKind.Ok, again.Kind);
        var receipt = Assert.IsType<NotesUploadReceipt>(again.Value);
        Assert.True(receipt.Duplicate);
        Assert.Equal(0, receipt.PointsAccepted);
        Assert.Equal(3, _responses.Items.Count);
        Assert.Equal(3, _queue.Sent.Count);
    }

    [Fact]
    public async Task A_failure_part_way_queues_what_was_stored_and_the_same_upload_finishes_without_duplicates()
    {
        _responses.FailAfterWrites = 2;
        var first = await Handler().HandleAsync(Upload(), "f", default);

        Assert.Equal(OutcomeKind.Unavailable, first.Kind);
        Assert.Contains("2 of 3 points are stored and 2 are queued", first.Message);
        Assert.Equal(2, _responses.Items.Count);
        Assert.Equal(_responses.Items.Keys.Order(), _queue.Sent.Select(s => s.Message).Order());
        Assert.Equal(UploadStatus.InProgress, _ledger.Items.Values.Single().Status);

        _responses.FailAfterWrites = int.MaxValue;
        var second = await Handler().HandleAsync(Upload(), "f", default);

        Assert.Equal(OutcomeKind.Accepted, second.Kind);
        Assert.Equal(3, _responses.Items.Count);
        Assert.Contains("2 were stored before", second.Message ?? ((NotesUploadReceipt)second.Value!).Message);
        Assert.Equal(UploadStatus.Completed, _ledger.Items.Values.Single().Status);
    }

    [Fact]
    public async Task A_queue_failure_is_reported_and_not_silent()
    {
        _queue.FailAfter = 1;
        var o = await Handler().HandleAsync(Upload(), "f", default);
        Assert.Equal(OutcomeKind.Unavailable, o.Kind);
        Assert.Contains("1 are queued", o.Message);
        Assert.Equal(UploadStatus.InProgress, _ledger.Items.Values.Single().Status);
    }

    public static TheoryData<NotesUploadRequest, OutcomeKind, string> Refusals => new()
    {
        { Upload(name: "notes.pdf"), OutcomeKind.UnsupportedMediaType, ".docx" },
        { Upload(text: ""), OutcomeKind.Invalid, "file" },
        { new NotesUploadRequest("n.txt", null, new byte[NotesLimits.MaxBytes + 1], "Forum", "2026-05-01"), OutcomeKind.TooLarge, "MB" },
        { new NotesUploadRequest("n.docx", null, new byte[] { 1, 2, 3, 4, 5 }, "Forum", "2026-05-01"), OutcomeKind.Invalid, "not a .docx" },
        { Upload(text: "----\n\n"), OutcomeKind.Invalid, "no points" },
        { Upload(forum: " "), OutcomeKind.Invalid, "forum" },
        { Upload(date: "2026-05-22"), OutcomeKind.Invalid, "future" },
        { Upload(date: "14/05/2026"), OutcomeKind.Invalid, "yyyy-MM-dd" },
        { Upload(date: "2019-12-31"), OutcomeKind.Invalid, "2020" },
        { Upload(participants: "lots"), OutcomeKind.Invalid, "participants" },
        { Upload(participants: "0"), OutcomeKind.Invalid, "participants" },
        { Upload(ages: "17-13"), OutcomeKind.Invalid, "ageRange" },
        { Upload(ages: "teenagers"), OutcomeKind.Invalid, "ageRange" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_upload_stores_nothing(NotesUploadRequest request, OutcomeKind kind, string mentions)
    {
        var responses = new Mock<IResponseRepository>(MockBehavior.Strict);
        var o = await Handler(responses.Object).HandleAsync(request, "f", default);

        Assert.Equal(kind, o.Kind);
        var text = (o.Message ?? "") + " " + string.Join(" ", o.Errors?.Select(e => e.Key + ": " + e.Value) ?? []);
        Assert.Contains(mentions, text, StringComparison.OrdinalIgnoreCase);
        responses.VerifyNoOtherCalls();
        Assert.Empty(_queue.Sent);
        Assert.Empty(_ledger.Items);
    }

    [Fact]
    public async Task Today_in_a_time_zone_ahead_of_utc_is_not_the_future()
    {
        var o = await Handler().HandleAsync(Upload(date: "2026-05-20"), "f", default);
        Assert.Equal(OutcomeKind.Accepted, o.Kind);
    }

    [Theory]
    [InlineData("Northside Youth Forum", "northside-youth-forum")]
    [InlineData("  Café  Forum!! ", "cafe-forum")]
    [InlineData("منتدى", null)]
    public void Forum_names_become_venue_codes(string forum, string? venue) => Assert.Equal(venue, NotesUploadHandler.VenueOf(forum));
}
