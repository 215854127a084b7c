using System.Security.Cryptography;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedbackCollector.Notes.Tests;

public class ImportHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly MemoryResponses _responses = new();
    private readonly MemoryQueue _queue = new();
    private readonly MemoryLedger _ledger = new();

    private ImportHandler Handler() => new(_ledger, _responses, _queue, Options.Create(new StorageNamesOptions()), new FakeTimeProvider(Now), NullLogger<ImportHandler>.Instance);

    private const string Export =
        "Timestamp,Email Address,What should change?\n" +
        "15/03/2026 10:22:33,,More people who listen to what we say\n" +
        "16/04/2026 11:00:00,,A safer walk home from the youth centre\n";

    private static ImportRequest Request(string csv = Export)
    {
        var bytes = TestFiles.Utf8(csv);
        var table = SurveyExportReader.ReadTable(bytes, ExportTool.GoogleForms);
        var sel = SurveyExportReader.Select(table, ExportTool.GoogleForms, null, null, null);
        return new ImportRequest("responses.csv", Convert.ToHexStringLower(SHA256.HashData(bytes)), "google", "youth-survey-2026", Audience.Child,
            SurveyExportReader.ReadRows(table, sel));
    }

    [Fact]
    public async Task Each_row_is_stored_as_an_imported_response_and_queued()
    {
        var o = await Handler().HandleAsync(Request(), "cli", default);

        Assert.Equal(OutcomeKind.Accepted, o.Kind);
        var stored = _responses.Items.Values.OrderBy(r => r.ReceivedUtc).ToList();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, r =>
        {
            Assert.Equal(Channel.Import, r.Channel);
            Assert.Equal(Audience.Child, r.Audience);
            Assert.Equal("youth-survey-2026", r.SurveyCode);
            Assert.Equal("responses.csv", r.Provenance!.Source);
        });
        Assert.Equal(new Quarter(2026, 1), ResponseId.QuarterOf(stored[0].Id));
        Assert.Equal(new Quarter(2026, 2), ResponseId.QuarterOf(stored[1].Id));
        Assert.Equal(2, _queue.Sent.Count);
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing()
    {
        await Handler().HandleAsync(Request(), "cli", default);
        var again = await Handler().HandleAsync(Request(), "cli", default);
        Assert.True(Assert.IsType<ImportReport>(again.Value).Duplicate);
        Assert.Equal(2, _responses.Items.Count);
    }

    [Fact]
    public async Task Future_dates_are_refused_and_nothing_is_stored()
    {
        var o = await Handler().HandleAsync(Request(Export + "01/01/2027 10:00:00,,From the future, apparently\n"), "cli", default);
        Assert.Equal(OutcomeKind.Invalid, o.Kind);
        Assert.Contains("line 4", o.Errors!["rows"]);
        Assert.Empty(_responses.Items);
        Assert.Empty(_ledger.Items);
    }
}
