using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedbackCollector.Storage.Tests;

/// <summary>Builders for test data and for the adapters wired to a scope, through the real registration.</summary>
internal static class TestData
{
    public static ServiceProvider Services(StorageScope scope, ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(scope.Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddFeedbackStorage(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Services with the tables, queues and container created.</summary>
    public static async Task<ServiceProvider> CreatedServicesAsync(StorageScope scope)
    {
        var sp = Services(scope);
        await sp.GetRequiredService<StorageInitializer>().EnsureCreatedAsync();
        return sp;
    }

    public static Survey Survey(string code, int questions = 3, int textLength = 40) => new()
    {
        Code = code,
        Title = "How was the youth club?",
        Audience = Audience.Child,
        Intro = "Tell us what you think — 😀 welcome.",
        Status = SurveyStatus.Open,
        Questions = Enumerable.Range(1, questions).Select(i => new Question
        {
            Id = $"q{i}",
            Kind = i % 2 == 0 ? QuestionKind.FreeText : QuestionKind.SingleChoice,
            Text = new string('x', textLength),
            Options = i % 2 == 0 ? [] : [new ChoiceOption("a", "Yes"), new ChoiceOption("b", "No")],
            MaxLength = i % 2 == 0 ? 2000 : null,
        }).ToList(),
        CreatedUtc = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
        UpdatedUtc = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
    };

    public static SurveyResponse Response(DateTimeOffset receivedUtc, string survey = "club", string? id = null) => new()
    {
        Id = id ?? ResponseId.New(receivedUtc),
        SurveyCode = survey,
        Audience = Audience.Child,
        ReceivedUtc = receivedUtc,
        Venue = "oak-youth",
        Channel = Channel.Qr,
        Answers = new Dictionary<string, IReadOnlyList<string>> { ["q1"] = ["a"], ["q3"] = ["a", "b"] },
        FreeText = [new FreeTextAnswer("q2", "The staff listen to me 😀")],
    };

    public static ResponseAnalysis Analysis(string redacted = "The staff listen to me", SentimentLabel label = SentimentLabel.Positive, bool concern = false) => new(
        [
            new TextAnalysis("q2", new AnalysisResult(
                "q2", "en",
                [new ThemeMatch("listen-to-me", "Being listened to", 0.9, ["listen"])],
                new SentimentResult(label, 0.8, 0.15, 0.05),
                ["staff listen"],
                redacted,
                [new PiiSpan(PiiType.Name, 0, 3)],
                concern ? new ConcernResult(true, ConcernCategory.SelfHarm, [ConcernCategory.SelfHarm], "hurt") : ConcernResult.None,
                new AnalyzerInfo("local", "1.0.0", "2026.1"))),
        ],
        new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero),
        new AnalyzerInfo("local", "1.0.0", "2026.1"));

    /// <summary>A loopback port with nothing listening: connections are refused at once.</summary>
    public static int ClosedPort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    public static string ClosedConnectionString()
    {
        var p = ClosedPort();
        return $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};"
               + $"BlobEndpoint=http://127.0.0.1:{p}/{AzuriteFixture.AccountName};QueueEndpoint=http://127.0.0.1:{p}/{AzuriteFixture.AccountName};"
               + $"TableEndpoint=http://127.0.0.1:{p}/{AzuriteFixture.AccountName};";
    }

    public static StorageNamesOptions Names(string prefix = "t") => new() { TablePrefix = prefix };

    public static ILogger<T> Log<T>() => NullLogger<T>.Instance;
}
