using System.Text.Json;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace FeedbackCollector.Core.Tests;

/// <summary>
/// A reviewer, the alert function, the raiser and a withdrawal write different fields of one concern row. Each must keep
/// the others' fields and must not give up because another wrote first (a reviewer once got "changed while you were
/// reviewing" because the alert was stamped delivered at the same moment).
/// </summary>
public class ConcernRaceTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private readonly string _id = ResponseId.New(T);
    private readonly ConcernStore _store;
    private readonly Mock<IResponseRepository> _responses = new();

    public ConcernRaceTests()
    {
        _store = new ConcernStore(new ConcernRecord { Id = _id, SurveyCode = "s", Category = ConcernCategory.SelfHarm, ReceivedUtc = T, RaisedUtc = T });
    }

    private static JsonElement Body(string json) => JsonDocument.Parse(json).RootElement;

    private ConcernReviewHandler Reviews() => new(_store, _responses.Object, new PlainScreen(), TimeProvider.System, NullLogger<ConcernReviewHandler>.Instance);

    [Fact]
    public async Task A_review_that_races_the_alert_stamp_is_stored_with_the_stamp_kept()
    {
        _store.OtherWriters.Enqueue(c => c with { AlertDeliveredUtc = T.AddSeconds(1) });

        var o = await Reviews().ReviewAsync(_id, Body("""{"note":"Passed to the DSL"}"""), "Lead", default);

        Assert.Equal(OutcomeKind.Ok, o.Kind);
        Assert.Equal("Lead", _store.Current.ReviewedBy);
        Assert.Equal("Passed to the DSL", _store.Current.ReviewNote);
        Assert.Equal(T.AddSeconds(1), _store.Current.AlertDeliveredUtc);
        Assert.Equal(2, _store.Updates);
    }

    [Fact]
    public async Task A_review_that_loses_to_another_review_is_refused_and_the_first_review_stands()
    {
        _store.OtherWriters.Enqueue(c => c with { ReviewedBy = "First", ReviewedUtc = T.AddSeconds(1), ReviewNote = "first" });

        var o = await Reviews().ReviewAsync(_id, Body("""{"note":"second"}"""), "Second", default);

        Assert.Equal(OutcomeKind.Conflict, o.Kind);
        Assert.Contains("already reviewed by First", o.Message);
        Assert.Equal("first", _store.Current.ReviewNote);
    }

    [Fact]
    public async Task A_delivered_alert_is_stamped_even_when_a_review_lands_first()
    {
        _store.OtherWriters.Enqueue(c => c with { ReviewedBy = "Lead", ReviewedUtc = T.AddSeconds(1), ReviewNote = "seen" });
        var notifier = new Mock<IConcernNotifier>();
        var alerts = new ConcernAlertHandler(_store, notifier.Object, Mock.Of<IQueueSender>(), Options.Create(new StorageNamesOptions()),
            Options.Create(new AlertOptions()), TimeProvider.System, NullLogger<ConcernAlertHandler>.Instance);

        await alerts.HandleAsync(_id, default);

        Assert.NotNull(_store.Current.AlertDeliveredUtc);
        Assert.Equal("Lead", _store.Current.ReviewedBy);
    }

    [Fact]
    public async Task A_withdrawal_keeps_the_redacted_text_through_other_writers_and_gives_up_without_deleting_if_they_never_stop()
    {
        var response = new SurveyResponse
        {
            Id = _id, SurveyCode = "s", Audience = Audience.Child, ReceivedUtc = T,
            FreeText = [new FreeTextAnswer("better", "I hurt myself")],
        };
        _responses.Setup(r => r.FindAsync(_id, It.IsAny<CancellationToken>())).ReturnsAsync(response);
        var withdraw = new WithdrawResponseHandler(_responses.Object, _store, new PlainScreen(), TimeProvider.System, NullLogger<WithdrawResponseHandler>.Instance);

        // Writers that never stop: the withdrawal is refused, nothing is deleted, and the respondent can try again.
        for (var i = 0; i < ConcernUpdates.MaxAttempts; i++)
        {
            _store.OtherWriters.Enqueue(c => c with { AlertAttempts = c.AlertAttempts + 1 });
        }
        var refused = await withdraw.WithdrawAsync(_id, default);
        Assert.Equal(OutcomeKind.Conflict, refused.Kind);
        Assert.Contains("Nothing was deleted", refused.Message);
        Assert.Null(_store.Current.KeptText);
        _responses.Verify(r => r.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);

        // Two writers, then quiet: the text is kept and the response goes.
        _store.OtherWriters.Enqueue(c => c with { AlertDeliveredUtc = T.AddSeconds(2) });
        _store.OtherWriters.Enqueue(c => c with { ReviewedBy = "Lead", ReviewedUtc = T.AddSeconds(3), ReviewNote = "seen" });
        var ok = await withdraw.WithdrawAsync(_id, default);

        Assert.True(Assert.IsType<WithdrawalReceipt>(ok.Value).ConcernKept);
        Assert.Contains("I hurt myself", _store.Current.KeptText);
        Assert.NotNull(_store.Current.WithdrawnUtc);
        Assert.Equal("Lead", _store.Current.ReviewedBy);
        Assert.Equal(T.AddSeconds(2), _store.Current.AlertDeliveredUtc);
        Assert.Equal(ConcernUpdates.MaxAttempts, _store.Current.AlertAttempts);
        _responses.Verify(r => r.DeleteAsync(_id, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_change_that_is_not_needed_writes_nothing_and_an_unknown_concern_is_reported()
    {
        var (result, _) = await _store.ChangeAsync(_id, _ => null, default);
        Assert.Equal(ConcernChange.NotNeeded, result);
        Assert.Equal(0, _store.Updates);
        var (missing, concern) = await _store.ChangeAsync(ResponseId.New(T.AddDays(1)), c => c, default);
        Assert.Equal(ConcernChange.NotFound, missing);
        Assert.Null(concern);
    }

    /// <summary>
    /// One concern with ETag checks like the table's. Each queued "other writer" lands between a caller's read and its
    /// write, as another function instance would.
    /// </summary>
    private sealed class ConcernStore(ConcernRecord initial) : IConcernRepository
    {
        private int _version = 1;

        public ConcernRecord Current { get; private set; } = initial with { ETag = "1" };

        public Queue<Func<ConcernRecord, ConcernRecord>> OtherWriters { get; } = new();

        public int Updates { get; private set; }

        public Task<bool> TryAddAsync(ConcernRecord concern, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<ConcernRecord?> FindAsync(string id, CancellationToken cancellationToken = default) =>
            Task.FromResult(id == Current.Id ? Current : null);

        public Task<ConcernRecord> UpdateAsync(ConcernRecord concern, CancellationToken cancellationToken = default)
        {
            Updates++;
            if (OtherWriters.TryDequeue(out var other))
            {
                Current = other(Current) with { ETag = (++_version).ToString() };
            }
            if (concern.ETag != Current.ETag)
            {
                throw new ConcurrencyConflictException($"Concern {concern.Id} was changed since it was read.");
            }
            Current = concern with { ETag = (++_version).ToString() };
            return Task.FromResult(Current);
        }

        public Task<IReadOnlyList<ConcernRecord>> ListAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ConcernRecord>>([Current]);
    }

    /// <summary>Flags nothing and redacts nothing: these tests are about the row, not the screen.</summary>
    private sealed class PlainScreen : IConcernScreen
    {
        public ScreenResult Screen(string text, Audience audience) => new(ConcernResult.None, text);
    }
}
