using FeedbackCollector.Cli.Commands;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using Moq;

namespace FeedbackCollector.Cli.Tests;

public class ReanalyseAndSurveysCommandTests
{
    private static SurveyResponse Response(bool analysed) => new()
    {
        Id = ResponseId.New(DateTimeOffset.UtcNow),
        SurveyCode = "young-people",
        Audience = Audience.Child,
        ReceivedUtc = DateTimeOffset.UtcNow,
        Analysis = analysed ? new ResponseAnalysis([], DateTimeOffset.UtcNow, new AnalyzerInfo("local", "1", "1")) : null,
    };

    private static async IAsyncEnumerable<SurveyResponse> Stream(params SurveyResponse[] items)
    {
        foreach (var i in items)
        {
            await Task.Yield();
            yield return i;
        }
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task Reanalyse_queues_unanalysed_responses_or_all(bool all, int expected)
    {
        var pending = Response(false);
        var done = Response(true);
        var responses = new Mock<IResponseRepository>();
        responses.Setup(r => r.ListAsync(It.IsAny<ResponseQuery>(), It.IsAny<CancellationToken>())).Returns(Stream(pending, done));
        var queue = new Mock<IQueueSender>();
        var storage = new Mock<ICliStorage>();
        storage.Setup(s => s.OpenResponses(null)).Returns((responses.Object, queue.Object));
        storage.SetupGet(s => s.AnalysisQueueName).Returns("analysis");
        var err = new StringWriter();
        var args = new List<string> { "--from", "2026-10-01", "--to", "2027-01-01" };
        if (all)
        {
            args.Add("--all");
        }

        var code = await new ReanalyseCommand(storage.Object).RunAsync(CliArgs.Parse(args, "all"), new CliConsole(TextReader.Null, new StringWriter(), err, false), default);

        Assert.Equal(0, code);
        queue.Verify(q => q.SendAsync("analysis", pending.Id, It.IsAny<CancellationToken>()), Times.Once);
        queue.Verify(q => q.SendAsync("analysis", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(expected));
        Assert.Contains($"{expected} queued", err.ToString());
    }

    [Fact]
    public async Task Reanalyse_refuses_a_backwards_period()
    {
        await Assert.ThrowsAsync<CliUsageException>(() => new ReanalyseCommand(Mock.Of<ICliStorage>())
            .RunAsync(CliArgs.Parse(["--from", "2026-10-01", "--to", "2026-01-01"]), new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, false), default));
    }

    [Fact]
    public async Task Seed_creates_the_missing_default_surveys_open_and_leaves_existing_ones()
    {
        var stored = new Dictionary<string, Survey>();
        var repo = new Mock<ISurveyRepository>();
        repo.Setup(r => r.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string c, CancellationToken _) => stored.GetValueOrDefault(c));
        repo.Setup(r => r.TryAddAsync(It.IsAny<Survey>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Survey s, CancellationToken _) => stored.TryAdd(s.Code, s) ? s : null);
        repo.Setup(r => r.UpdateAsync(It.IsAny<Survey>(), It.IsAny<CancellationToken>())).ReturnsAsync((Survey s, CancellationToken _) => stored[s.Code] = s);
        var storage = new Mock<ICliStorage>();
        storage.Setup(s => s.OpenSurveysAsync(null, It.IsAny<CancellationToken>())).ReturnsAsync(repo.Object);
        var console = new CliConsole(TextReader.Null, new StringWriter(), new StringWriter(), false);
        var command = new SurveysCommand(storage.Object, TimeProvider.System);

        Assert.Equal(0, await command.RunAsync(CliArgs.Parse(["seed"], "open"), console, default));
        Assert.Equal(DefaultSurveys.Codes.Order(), stored.Keys.Order());
        Assert.All(stored.Values, s => Assert.Equal(SurveyStatus.Draft, s.Status));

        Assert.Equal(0, await command.RunAsync(CliArgs.Parse(["seed", "--open"], "open"), console, default));
        Assert.All(stored.Values, s => Assert.Equal(SurveyStatus.Open, s.Status));
    }
}
