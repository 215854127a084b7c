using System.Net;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.AzureLanguage.Tests;

/// <summary>Throttling, authentication failures, server errors, malformed replies and slow servers.</summary>
public sealed class ResilienceTests : AnalyzerTestBase
{
    private static FakeLanguageService.Reply Error(int status, string code, Dictionary<string, string>? headers = null) =>
        new(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"Request failed.\"}}", headers);

    [Fact]
    public async Task Throttling_is_retried_after_the_servers_retry_after()
    {
        Service.Intercept = (r, n) => Task.FromResult(r.Kind == "PiiEntityRecognition" && n == 1
            ? Error(429, "TooManyRequests", new() { ["Retry-After"] = "1" })
            : null);
        var r = (await Analyzer().AnalyzeAsync(Requests("Alice loves it")))[0];

        Assert.Equal(AzureLanguageAnalyzer.AzureName, r.Analyzer.Name);
        var pii = Service.OfKind("PiiEntityRecognition");
        Assert.Equal(2, pii.Count);
        // The back-off is configured at 10 ms; the server asked for a second, and got it.
        Assert.True(pii[1].At - pii[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {(pii[1].At - pii[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Server_errors_are_retried_with_back_off_then_succeed()
    {
        Service.Intercept = (r, n) => Task.FromResult(r.Kind == "SentimentAnalysis" && n <= 2 ? Error(503, "ServiceUnavailable") : null);
        var r = (await Analyzer(o => { o.MaxRetries = 3; o.RetryDelay = TimeSpan.FromMilliseconds(40); o.MaxRetryDelay = TimeSpan.FromMilliseconds(200); })
            .AnalyzeAsync(Requests("We love it")))[0];

        Assert.Equal(AzureLanguageAnalyzer.AzureName, r.Analyzer.Name);
        Assert.Equal(SentimentLabel.Positive, r.Sentiment.Label);
        var calls = Service.OfKind("SentimentAnalysis");
        Assert.Equal(3, calls.Count);
        Assert.True(calls[2].At - calls[0].At >= TimeSpan.FromMilliseconds(40), "some back-off happened");
    }

    [Fact]
    public async Task Persistent_server_errors_fall_back_after_the_configured_retries()
    {
        Service.Intercept = (r, _) => Task.FromResult(r.Kind == "KeyPhraseExtraction" ? Error(500, "InternalServerError") : null);
        var r = (await Analyzer(o => o.MaxRetries = 2).AnalyzeAsync(Requests("We love it")))[0];

        Assert.Equal(3, Service.OfKind("KeyPhraseExtraction").Count); // the attempt and two retries
        Assert.Equal(AzureLanguageAnalyzer.FallbackName, r.Analyzer.Name);
        Assert.Equal(["local phrase"], r.KeyPhrases);
        Assert.Equal(SentimentLabel.Positive, r.Sentiment.Label);
        Assert.Contains(Logger.Entries, e => e.Id.Id == 6001 && e.Message.Contains("500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unauthorized_is_not_retried_and_everything_falls_back_to_local()
    {
        Service.Intercept = (_, _) => Task.FromResult<FakeLanguageService.Reply?>(Error(401, "401"));
        var texts = Requests("Alice loves it", "Terrible buses");
        var results = await Analyzer().AnalyzeAsync(texts);

        Assert.Equal(2, results.Count);
        AssertSameResult(Local.Analyze(texts[0]), results[0]);
        AssertSameResult(Local.Analyze(texts[1]), results[1]);
        Assert.Single(Service.OfKind("PiiEntityRecognition"));
        Assert.Single(Service.OfKind("SentimentAnalysis"));
        Assert.Single(Service.OfKind("KeyPhraseExtraction"));
        Assert.Contains(Logger.Entries, e => e.Id.Id == 6002 && e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"kind":"PiiEntityRecognitionResults"}""")]
    [InlineData("""{"kind":"SentimentAnalysisResults","results":{"documents":[],"errors":[]}}""")]
    [InlineData("""{"kind":"PiiEntityRecognitionResults","results":{"documents":[{"id":"0.0","redactedText":"**","entities":[{"category":"Person","offset":5,"length":9}]}],"errors":[]}}""")]
    public async Task Malformed_replies_fall_back_to_local(string body)
    {
        Service.Intercept = (r, _) => Task.FromResult(r.Kind == "PiiEntityRecognition" ? new FakeLanguageService.Reply(200, body) : null);
        const string text = "Alice at SW1A 1AA loves it";
        var r = (await Analyzer().AnalyzeAsync(Requests(text)))[0];

        Assert.Equal(AzureLanguageAnalyzer.FallbackName, r.Analyzer.Name);
        Assert.Equal("Alice at [postcode] loves it", r.RedactedText); // the local redaction, nothing partial
        Assert.Equal(SentimentLabel.Positive, r.Sentiment.Label);
    }

    [Fact]
    public async Task A_slow_server_times_out_is_retried_and_falls_back()
    {
        Service.Intercept = (r, _) => Task.FromResult(r.Kind == "SentimentAnalysis"
            ? new FakeLanguageService.Reply(200, "{}", Delay: TimeSpan.FromSeconds(3))
            : null);
        var r = (await Analyzer(o => { o.Timeout = TimeSpan.FromMilliseconds(250); o.MaxRetries = 1; }).AnalyzeAsync(Requests("We love it")))[0];

        Assert.Equal(2, Service.OfKind("SentimentAnalysis").Count);
        Assert.Equal(AzureLanguageAnalyzer.FallbackName, r.Analyzer.Name);
        Assert.Equal(FakeLocalAnalyzer.LocalSentiment, r.Sentiment);
        Assert.NotEqual(["local phrase"], r.KeyPhrases);
    }

    [Fact]
    public async Task An_unreachable_endpoint_falls_back()
    {
        var port = Service.Server.Ports[0];
        Service.Server.Stop();
        var results = await Analyzer(o => { o.Endpoint = $"http://127.0.0.1:{port}"; o.MaxRetries = 1; }).AnalyzeAsync(Requests("We love it"));
        Assert.Equal("local", results[0].Analyzer.Name);
    }

    [Fact]
    public async Task Entra_id_tokens_are_sent_as_bearer_with_the_cognitive_services_scope()
    {
        using var tls = new FakeLanguageService(ssl: true);
        var credential = new RecordingCredential();
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        var options = Options(o => { o.Endpoint = tls.Url; o.ApiKey = null; });
        var analyzer = new AzureLanguageAnalyzer(options, Local, Logger, credential, new Azure.Core.Pipeline.HttpClientTransport(handler));

        var r = (await analyzer.AnalyzeAsync(Requests("We love it")))[0];

        Assert.Equal(AzureLanguageAnalyzer.AzureName, r.Analyzer.Name);
        Assert.Equal("Bearer test-token", tls.OfKind("PiiEntityRecognition")[0].Headers["Authorization"]);
        Assert.False(tls.OfKind("PiiEntityRecognition")[0].Headers.ContainsKey("Ocp-Apim-Subscription-Key"));
        Assert.Contains("https://cognitiveservices.azure.com/.default", credential.Scopes);
    }

    private sealed class RecordingCredential : Azure.Core.TokenCredential
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Scopes { get; } = [];

        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var s in requestContext.Scopes)
            {
                Scopes.Add(s);
            }
            return new Azure.Core.AccessToken("test-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
