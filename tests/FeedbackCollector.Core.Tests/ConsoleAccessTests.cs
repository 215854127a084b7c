using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Themes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace FeedbackCollector.Core.Tests;

/// <summary>App Service sign-in, the evidence shown with a concern, and re-analysis worked in the background.</summary>
public class ConsoleAccessTests
{
    private static AppServiceAuthOptions Options(bool enabled = true) => new()
    {
        Enabled = enabled,
        OfficerRoles = ["FeedbackCollector.Officer"],
        FacilitatorRoles = ["FeedbackCollector.Facilitator"],
        SafeguardingRoles = ["FeedbackCollector.Safeguarding", "DSL"],
    };

    private static string Principal(params string[] roles) => AppServicePrincipals.Encode("name", "roles",
        [("name", "Jo Bloggs"), ("preferred_username", "jo@example.org"), .. roles.Select(r => ("roles", r))]);

    [Fact]
    public void Role_claims_map_to_staff_roles_and_the_name_claim_labels_the_person()
    {
        Assert.True(AppServicePrincipals.TryRead(Principal("DSL", "Unrelated.Role", "FeedbackCollector.Officer"), null, Options(), out var p));
        Assert.Equal("Jo Bloggs", p.Name);
        Assert.Equal([StaffRole.Officer, StaffRole.Safeguarding], p.Roles);

        Assert.True(AppServicePrincipals.TryRead(Principal(), "jo@example.org", Options(), out var none));
        Assert.Empty(none.Roles);
    }

    [Fact]
    public void A_configured_role_claim_type_wins_over_the_principals_own()
    {
        var header = AppServicePrincipals.Encode("name", "roles", ("name", "Sam"), ("roles", "DSL"), ("groups", "FeedbackCollector.Officer"));
        var options = Options();
        options.RoleClaimType = "groups";
        Assert.True(AppServicePrincipals.TryRead(header, null, options, out var p));
        Assert.Equal([StaffRole.Officer], p.Roles);
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("bm90IGpzb24=")] // "not json"
    [InlineData("eyJhdXRoX3R5cCI6ImFhZCJ9")] // {"auth_typ":"aad"}: no claims
    [InlineData("")]
    public void A_header_that_is_not_a_principal_signs_nobody_in(string header) =>
        Assert.False(AppServicePrincipals.TryRead(header, null, Options(), out _));

    [Fact]
    public void Without_the_option_the_header_is_ignored_even_when_it_claims_a_role()
    {
        var keys = new Mock<IRoleKeyRepository>(MockBehavior.Strict);
        var off = new StaffAuthenticator(keys.Object, Microsoft.Extensions.Options.Options.Create(Options(enabled: false)));
        Assert.False(off.AppServiceEnabled);
        Assert.Equal(AuthStatus.Unauthenticated, off.AuthenticatePrincipal(Principal("FeedbackCollector.Officer"), null, [StaffRole.Officer]).Status);
        Assert.False(new StaffAuthenticator(keys.Object).AppServiceEnabled);

        var on = new StaffAuthenticator(keys.Object, Microsoft.Extensions.Options.Options.Create(Options()));
        var officer = on.AuthenticatePrincipal(Principal("FeedbackCollector.Officer"), null, [StaffRole.Officer]);
        Assert.Equal((AuthStatus.Allowed, StaffRole.Officer, "Jo Bloggs", AuthMethod.AppService), (officer.Status, officer.Role, officer.Label, officer.Method));
        Assert.Equal(AuthStatus.Forbidden, on.AuthenticatePrincipal(Principal("FeedbackCollector.Officer"), null, [StaffRole.Safeguarding]).Status);
        Assert.Equal(AuthStatus.Forbidden, on.AuthenticatePrincipal(Principal(), null, [StaffRole.Officer]).Status);
        Assert.Equal(AuthStatus.Unauthenticated, on.AuthenticatePrincipal("garbage", null, [StaffRole.Officer]).Status);
    }

    [Fact]
    public void The_option_is_checked_only_when_switched_on()
    {
        Assert.Empty(new AppServiceAuthOptions().Validate());
        Assert.Contains("map at least one role claim value", string.Join("\n", new AppServiceAuthOptions { Enabled = true }.Validate()));
        var twice = Options();
        twice.OfficerRoles.Add("DSL");
        Assert.Contains("'DSL' is mapped to more than one role", string.Join("\n", twice.Validate()));
        var blank = Options();
        blank.FacilitatorRoles.Add(" ");
        Assert.Single(blank.Validate());
        Assert.Empty(Options().Validate());
    }

    [Theory]
    [InlineData("my dad hits me and i am scared", "hits me", 7, 7)]
    [InlineData("I want to HURT MYSELF tonight", "hurt myself", 10, 11)]
    [InlineData("he hits me. [name] says i cannot go home", "hits me; cannot go home", 3, 7)]
    public void Evidence_is_located_in_the_redacted_text(string text, string evidence, int start, int length)
    {
        var ranges = ConcernText.Locate(text, evidence);
        Assert.Equal(new TextRange(start, length), ranges[0]);
        foreach (var r in ranges)
        {
            Assert.InRange(r.Start + r.Length, 0, text.Length);
        }
    }

    [Fact]
    public void Evidence_that_is_not_a_span_of_the_text_is_shown_without_a_highlight()
    {
        Assert.Empty(ConcernText.Locate("something else entirely", "hits me"));
        var flagged = new ConcernText("q", "my dad hits me").With(new ConcernResult(true, ConcernCategory.AbuseNeglect, [ConcernCategory.AbuseNeglect], "hits me"));
        Assert.True(flagged.Flagged);
        Assert.Equal([ConcernCategory.AbuseNeglect], flagged.Categories);
        Assert.Equal([new TextRange(7, 7)], flagged.Highlights);
        var plain = new ConcernText("q", "buses are late").With(ConcernResult.None);
        Assert.False(plain.Flagged);
        Assert.Null(plain.Evidence);
    }

    [Theory]
    [InlineData("20260314093000-0a1b2c3d", true, null)]
    [InlineData("20260314093000-0a1b2c3d.0", true, 0)]
    [InlineData("20260314093000-0a1b2c3d.41", true, 41)]
    [InlineData("20260314093000-0a1b2c3d.", false, null)]
    [InlineData("20260314093000-0a1b2c3d.-1", false, null)]
    [InlineData("20260314093000-0a1b2c3d/3", false, null)]
    [InlineData("0A0AAAAAAA", false, null)]
    public void Reanalysis_messages_have_two_forms(string message, bool valid, int? batch)
    {
        Assert.Equal(valid, ReanalysisHandler.TryParseMessage(message, out var job, out var n));
        if (valid)
        {
            Assert.Equal("20260314093000-0a1b2c3d", job);
            Assert.Equal(batch, n);
        }
    }

    [Fact]
    public async Task Starting_a_job_only_stores_and_queues_it_and_its_message_plans_batches_that_are_each_worked_once()
    {
        var info = new AnalyzerInfo("local", "1", "2.0.0");
        var analyzer = new Mock<ITextAnalyzer>();
        analyzer.SetupGet(a => a.Info).Returns(info);
        var runtime = new Mock<ITaxonomyRuntime>();
        var store = new Mock<ITaxonomyStore>();
        var curation = new Mock<IResponseCurationStore>(MockBehavior.Strict);
        var queue = new Mock<IQueueSender>();
        var sent = new List<string>();
        queue.Setup(q => q.SendAsync("analysis-jobs", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, CancellationToken>((_, m, _) => { lock (sent) { sent.Add(m); } }).Returns(Task.CompletedTask);
        ReanalysisJob? stored = null;
        store.Setup(s => s.AddJobUnlessRunningAsync(It.IsAny<ReanalysisJob>(), It.IsAny<CancellationToken>())).Callback<ReanalysisJob, CancellationToken>((j, _) => stored = j with { ETag = "e1" }).ReturnsAsync((ReanalysisJob?)null);
        store.Setup(s => s.FindJobAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => stored);
        var responses = new Mock<IResponseRepository> { CallBase = true }; // the versioned read and save fall back to FindAsync and SaveAnalysisAsync
        var analyse = new AnalyzeResponseHandler(responses.Object, analyzer.Object,
            new ConcernRaiser(Mock.Of<IConcernRepository>(), queue.Object, Microsoft.Extensions.Options.Options.Create(new StorageNamesOptions()), TimeProvider.System, NullLogger<ConcernRaiser>.Instance),
            TimeProvider.System, NullLogger<AnalyzeResponseHandler>.Instance);
        var handler = new ReanalysisHandler(curation.Object, store.Object, runtime.Object, analyzer.Object, analyse, queue.Object,
            Microsoft.Extensions.Options.Options.Create(new StorageNamesOptions()), Microsoft.Extensions.Options.Options.Create(new ReanalysisOptions { BatchSize = 2 }),
            TimeProvider.System, NullLogger<ReanalysisHandler>.Instance);

        var started = await handler.StartAsync("Officer", default);
        Assert.Equal(OutcomeKind.Accepted, started.Kind);
        var progress = Assert.IsType<ReanalysisProgress>(started.Value);
        Assert.Equal(("queued", 0), (progress.Status, progress.Total));
        Assert.Equal([progress.Id], sent);
        curation.VerifyNoOtherCalls(); // nothing was listed in the request

        var ids = new[] { "0A0AAAAAA3", "0A0AAAAAA1", "0A0AAAAAA2" };
        curation.Setup(c => c.ListStaleAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), "2.0.0", It.IsAny<CancellationToken>()))
            .Returns(ids.Select(i => new StaleAnalysis(i, DateTimeOffset.UtcNow, "1.0.0")).ToAsyncEnumerable());
        IReadOnlyList<IReadOnlyList<string>>? planned = null;
        store.Setup(s => s.PlanJobAsync(It.IsAny<ReanalysisJob>(), It.IsAny<IReadOnlyList<IReadOnlyList<string>>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback<ReanalysisJob, IReadOnlyList<IReadOnlyList<string>>, DateTimeOffset, CancellationToken>((_, b, _, _) => planned = b)
            .ReturnsAsync((ReanalysisJob j, IReadOnlyList<IReadOnlyList<string>> b, DateTimeOffset _, CancellationToken _) =>
                stored = j with { State = ReanalysisState.Running, Plan = "p", Total = 3, Batches = b.Count });
        store.Setup(s => s.ListOpenBatchesAsync(It.IsAny<ReanalysisJob>(), It.IsAny<CancellationToken>())).ReturnsAsync([0, 1]);
        sent.Clear();
        await handler.HandleAsync(progress.Id, 1, default);
        Assert.Equal([["0A0AAAAAA1", "0A0AAAAAA2"], ["0A0AAAAAA3"]], planned!.Select(b => b.ToArray()).ToArray());
        Assert.Equal([progress.Id + ".0", progress.Id + ".1"], sent.Order().ToArray());

        // A batch re-analyses its responses and is counted; delivered again once done, it does nothing.
        var batchDone = false;
        store.Setup(s => s.FindBatchAsync(It.IsAny<ReanalysisJob>(), 1, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new ReanalysisBatch(progress.Id, 1, ["0A0AAAAAA3"], batchDone));
        store.Setup(s => s.CompleteBatchAsync(It.IsAny<ReanalysisJob>(), 1, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback(() => batchDone = true).ReturnsAsync(true);
        await handler.HandleAsync(progress.Id + ".1", 1, default);
        await handler.HandleAsync(progress.Id + ".1", 1, default);
        responses.Verify(r => r.FindAsync("0A0AAAAAA3", It.IsAny<CancellationToken>()), Times.Once);
        store.Verify(s => s.CompleteBatchAsync(It.IsAny<ReanalysisJob>(), 1, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);

        await Assert.ThrowsAsync<FormatException>(() => handler.HandleAsync("not a job", 5, default));
    }

    [Fact]
    public async Task A_job_whose_message_cannot_be_queued_is_removed_and_the_failure_reported()
    {
        var analyzer = new Mock<ITextAnalyzer>();
        analyzer.SetupGet(a => a.Info).Returns(new AnalyzerInfo("local", "1", "2.0.0"));
        var store = new Mock<ITaxonomyStore>();
        string? added = null;
        store.Setup(s => s.AddJobUnlessRunningAsync(It.IsAny<ReanalysisJob>(), It.IsAny<CancellationToken>())).Callback<ReanalysisJob, CancellationToken>((j, _) => added = j.Id).ReturnsAsync((ReanalysisJob?)null);
        var queue = new Mock<IQueueSender>();
        queue.Setup(q => q.SendAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StorageUnavailableException("queue down"));
        var handler = new ReanalysisHandler(Mock.Of<IResponseCurationStore>(), store.Object, Mock.Of<ITaxonomyRuntime>(), analyzer.Object,
            new AnalyzeResponseHandler(Mock.Of<IResponseRepository>(), analyzer.Object,
                new ConcernRaiser(Mock.Of<IConcernRepository>(), queue.Object, Microsoft.Extensions.Options.Options.Create(new StorageNamesOptions()), TimeProvider.System, NullLogger<ConcernRaiser>.Instance),
                TimeProvider.System, NullLogger<AnalyzeResponseHandler>.Instance),
            queue.Object, Microsoft.Extensions.Options.Options.Create(new StorageNamesOptions()), Microsoft.Extensions.Options.Options.Create(new ReanalysisOptions()),
            TimeProvider.System, NullLogger<ReanalysisHandler>.Instance);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => handler.StartAsync("Officer", default));
        store.Verify(s => s.DeleteJobAsync(added!, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public void A_batch_size_out_of_range_is_refused(int size) => Assert.Single(new ReanalysisOptions { BatchSize = size }.Validate());

    [Fact]
    public async Task A_response_is_re_analysed_when_another_message_swapped_the_taxonomy_meanwhile()
    {
        // The refresh this message asks for finds the swap already made by a message handled beside it, so it says
        // "no change"; the response must still be compared with the taxonomy now in use, not skipped.
        var id = ResponseId.New(DateTimeOffset.UtcNow);
        var old = new AnalyzerInfo("local", "1", "1.0.0");
        var now = new AnalyzerInfo("local", "1", "1.0.1");
        var info = old;
        var analyzer = new Mock<ITextAnalyzer>();
        analyzer.SetupGet(a => a.Info).Returns(() => info);
        analyzer.Setup(a => a.AnalyzeAsync(It.IsAny<IReadOnlyList<AnalysisRequest>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<AnalysisRequest> r, CancellationToken _) => r.Select(x => new AnalysisResult(x.Id, "en", [],
                new SentimentResult(SentimentLabel.Neutral, 0, 1, 0), [], x.Text, [], ConcernResult.None, now)).ToList());
        var runtime = new Mock<ITaxonomyRuntime>();
        runtime.Setup(t => t.RefreshAsync(true, It.IsAny<CancellationToken>())).Callback(() => info = now).ReturnsAsync(false);
        var responses = new Mock<IResponseRepository> { CallBase = true }; // the versioned read and save fall back to FindAsync and SaveAnalysisAsync
        responses.Setup(r => r.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(new SurveyResponse
        {
            Id = id,
            SurveyCode = "s",
            Audience = Audience.Child,
            ReceivedUtc = DateTimeOffset.UtcNow,
            FreeText = [new FreeTextAnswer("q", "more buses")],
            Analysis = new ResponseAnalysis([], DateTimeOffset.UtcNow, old),
        });
        responses.Setup(r => r.SaveAnalysisAsync(id, It.IsAny<ResponseAnalysis>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var handler = new AnalyzeResponseHandler(responses.Object, analyzer.Object,
            new ConcernRaiser(Mock.Of<IConcernRepository>(), Mock.Of<IQueueSender>(), Microsoft.Extensions.Options.Options.Create(new StorageNamesOptions()), TimeProvider.System, NullLogger<ConcernRaiser>.Instance),
            TimeProvider.System, NullLogger<AnalyzeResponseHandler>.Instance, runtime.Object);
        await handler.HandleAsync(id, default);
        responses.Verify(r => r.SaveAnalysisAsync(id, It.Is<ResponseAnalysis>(a => a.Analyzer.TaxonomyVersion == "1.0.1"), It.IsAny<CancellationToken>()), Times.Once);
    }
}
