using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.AzureLanguage.Tests;

/// <summary>Successful calls for each kind, the batching and splitting, and the per-document fallback.</summary>
public sealed class AnalysisTests : AnalyzerTestBase
{
    [Fact]
    public async Task Each_kind_comes_from_azure_and_concerns_and_themes_from_local()
    {
        const string text = "Alice Smith at SW1A 1AA said I love it when staff listen. Call 07700 900123.";
        var results = await Analyzer().AnalyzeAsync(Requests(text, "Nothing much to say really."));

        var r = results[0];
        Assert.Equal("resp-0", r.Id);
        Assert.Equal(AzureLanguageAnalyzer.AzureName, r.Analyzer.Name);
        Assert.Equal("rest-2025-11-01", r.Analyzer.Version);
        Assert.Equal("taxonomy-7", r.Analyzer.TaxonomyVersion);
        Assert.Equal("en", r.Language);
        // Azure's person and phone, and the local postcode, rebuilt with the product's placeholders.
        Assert.Equal("[name] at [postcode] said I love it when staff listen. Call [phone].", r.RedactedText);
        Assert.Equal(
            [new PiiSpan(PiiType.Name, 0, 11), new PiiSpan(PiiType.Postcode, 15, 8), new PiiSpan(PiiType.Phone, text.IndexOf("07700", StringComparison.Ordinal), 12)],
            r.Pii);
        Assert.Equal(SentimentLabel.Positive, r.Sentiment.Label);
        Assert.Equal(0.9, r.Sentiment.Positive, 3);
        Assert.DoesNotContain("local phrase", r.KeyPhrases);
        Assert.DoesNotContain("[name]", r.KeyPhrases); // a placeholder is not a key phrase
        Assert.Equal("listen-to-me", Assert.Single(r.Themes).ThemeId);
        Assert.Equal(SentimentLabel.Neutral, results[1].Sentiment.Label);
        Assert.Equal(AzureLanguageAnalyzer.AzureName, results[1].Analyzer.Name);
    }

    [Fact]
    public async Task Works_with_the_products_local_analyzer()
    {
        var local = AnalyzerServiceCollectionExtensions.CreateLocal(new AnalysisOptions());
        var analyzer = new AzureLanguageAnalyzer(Options(), local, Logger, credential: null, transport: null);
        const string text = "Alice Smith told me I want to kill myself. Nobody listens at Oakfield Academy.";

        var r = (await analyzer.AnalyzeAsync(Requests(text)))[0];

        Assert.Equal(AzureLanguageAnalyzer.AzureName, r.Analyzer.Name);
        Assert.StartsWith("[name]", r.RedactedText, StringComparison.Ordinal);
        Assert.Contains("[school]", r.RedactedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", r.RedactedText, StringComparison.Ordinal);
        Assert.True(r.Concern.Flagged, "the local concern detector still runs");
        Assert.DoesNotContain("Alice", r.Concern.Evidence ?? "", StringComparison.Ordinal);
        Assert.Equal(local.Info.TaxonomyVersion, r.Analyzer.TaxonomyVersion);
    }

    [Fact]
    public async Task Requests_follow_the_documented_shape_and_only_pii_sees_the_original_text()
    {
        const string text = "Jordan from Oakfield Academy says CAMHS never listen.";
        var r = (await Analyzer().AnalyzeAsync(Requests(text)))[0];

        var pii = Assert.Single(Service.OfKind("PiiEntityRecognition"));
        Assert.Equal("POST", pii.Method);
        Assert.Equal("/language/:analyze-text", pii.Path);
        Assert.Contains("api-version=2025-11-01", pii.Query, StringComparison.Ordinal);
        Assert.Equal("test-key", pii.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.Equal("Utf16CodeUnit", (string?)pii.Body!["parameters"]!["stringIndexType"]);
        Assert.True((bool)pii.Body!["parameters"]!["loggingOptOut"]!);
        Assert.Contains("Person", pii.Body!["parameters"]!["piiCategories"]!.AsArray().Select(c => (string)c!));
        var doc = Assert.Single(pii.Documents);
        Assert.Equal(("0.0", "en", text), doc); // positional ids: the caller's ids stay in the app

        foreach (var kind in new[] { "SentimentAnalysis", "KeyPhraseExtraction" })
        {
            var req = Assert.Single(Service.OfKind(kind));
            var sent = Assert.Single(req.Documents).Text;
            Assert.DoesNotContain("Jordan", sent, StringComparison.Ordinal);
            Assert.Contains("[name]", sent, StringComparison.Ordinal);
        }
        // A school is redacted; a service (CAMHS) is what the comment is about, so it stays.
        Assert.Equal("[name] from [school] says CAMHS never listen.", r.RedactedText);
    }

    [Fact]
    public async Task Batches_stay_within_the_documented_document_limits()
    {
        var texts = Enumerable.Range(0, 23).Select(i => $"Comment number {i} about the youth club.").ToArray();
        var results = await Analyzer(o => o.MaxConcurrentRequests = 3).AnalyzeAsync(Requests(texts));

        Assert.Equal(23, results.Count);
        Assert.All(results, r => Assert.Equal(AzureLanguageAnalyzer.AzureName, r.Analyzer.Name));
        Assert.Equal(texts.Select((_, i) => $"resp-{i}"), results.Select(r => r.Id));
        AssertBatches("PiiEntityRecognition", 5, 5);
        AssertBatches("SentimentAnalysis", 10, 3);
        AssertBatches("KeyPhraseExtraction", 10, 3);

        void AssertBatches(string kind, int limit, int expectedRequests)
        {
            var requests = Service.OfKind(kind);
            Assert.Equal(expectedRequests, requests.Count);
            Assert.All(requests, q => Assert.InRange(q.Documents.Count, 1, limit));
            Assert.Equal(23, requests.Sum(q => q.Documents.Count));
            Assert.Equal(23, requests.SelectMany(q => q.Documents).Select(d => d.Id).Distinct().Count());
        }
    }

    [Fact]
    public async Task Long_notes_are_split_and_joined_back()
    {
        // Forum notes of about 12,600 characters: a positive first part, a negative last part, a name near the end.
        var first = string.Concat(Enumerable.Repeat("We love the new youth centre and everything happening there. ", 100));
        var second = string.Concat(Enumerable.Repeat("Young people said the buses are awful and expensive tonight. ", 100));
        var text = first + second + "Ask Alice about transport.";
        var r = (await Analyzer().AnalyzeAsync(Requests(text)))[0];

        var pii = Service.OfKind("PiiEntityRecognition").SelectMany(q => q.Documents).ToList();
        Assert.True(pii.Count >= 3, $"{pii.Count} pieces");
        Assert.All(pii, d => Assert.InRange(d.Text.Length, 1, 5120));
        Assert.Equal(text, string.Concat(pii.Select(d => d.Text))); // pieces cover the text exactly, in order
        Assert.All(pii, d => Assert.True(d.Text.EndsWith(' ') || d.Text.EndsWith('.') || d == pii[^1], "pieces end at a boundary"));

        var name = Assert.Single(r.Pii);
        Assert.Equal(new PiiSpan(PiiType.Name, text.IndexOf("Alice", StringComparison.Ordinal), 5), name); // offset shifted back
        Assert.EndsWith("Ask [name] about transport.", r.RedactedText, StringComparison.Ordinal);
        Assert.Equal(text.Length - 5 + 6, r.RedactedText.Length);

        Assert.Equal(SentimentLabel.Mixed, r.Sentiment.Label); // positive pieces and negative pieces
        Assert.Equal(1.0, r.Sentiment.Positive + r.Sentiment.Neutral + r.Sentiment.Negative, 6);
        Assert.InRange(r.Sentiment.Positive, 0.3, 0.6);
        // Key phrases from every piece, once each.
        Assert.Contains("expensive", r.KeyPhrases);
        Assert.Contains("everything", r.KeyPhrases);
        Assert.Equal(r.KeyPhrases.Count, r.KeyPhrases.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(AzureLanguageAnalyzer.AzureName, r.Analyzer.Name);
    }

    [Fact]
    public async Task A_document_error_in_every_kind_leaves_that_text_to_the_local_analyzer()
    {
        var texts = new[] { "Great club, Alice runs it well.", "#ERR this one the service rejects" };
        var results = await Analyzer().AnalyzeAsync(Requests(texts));

        Assert.Equal(AzureLanguageAnalyzer.AzureName, results[0].Analyzer.Name);
        Assert.Equal("[name]", results[0].RedactedText.Substring(results[0].RedactedText.IndexOf('[', StringComparison.Ordinal), 6));
        var local = Local.Analyze(Requests(texts)[1]);
        AssertSameResult(local, results[1]);
        Assert.Equal("local", results[1].Analyzer.Name);
        Assert.Contains(Logger.Entries, e => e.Id.Id == 6003);
    }

    [Fact]
    public async Task A_document_error_in_one_kind_falls_back_for_that_part_only()
    {
        const string text = "We love it when Alice is there #ERR-SentimentAnalysis marker";
        var r = (await Analyzer().AnalyzeAsync(Requests(text)))[0];

        Assert.Equal(AzureLanguageAnalyzer.FallbackName, r.Analyzer.Name);
        Assert.Equal(FakeLocalAnalyzer.LocalSentiment, r.Sentiment); // sentiment from local
        Assert.Contains("[name]", r.RedactedText, StringComparison.Ordinal); // personal data from Azure
        Assert.DoesNotContain("local phrase", r.KeyPhrases); // key phrases from Azure
    }

    [Fact]
    public async Task A_pii_failure_keeps_the_local_redaction_and_sends_only_that_onwards()
    {
        const string text = "Alice at SW1A 1AA loves the club #ERR-PiiEntityRecognition";
        var r = (await Analyzer().AnalyzeAsync(Requests(text)))[0];

        Assert.Equal(AzureLanguageAnalyzer.FallbackName, r.Analyzer.Name);
        Assert.Equal(Local.Analyze(Requests(text)[0]).RedactedText, r.RedactedText);
        Assert.Equal(SentimentLabel.Positive, r.Sentiment.Label);
        var sent = Assert.Single(Service.OfKind("SentimentAnalysis")).Documents[0].Text;
        Assert.Contains("[postcode]", sent, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeLocalAnalyzer.Postcode, sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concerns_always_come_from_local_and_their_evidence_loses_names_azure_found()
    {
        const string text = "Alice said she wants to hurt herself";
        var r = (await Analyzer().AnalyzeAsync(Requests(text)))[0];

        Assert.True(r.Concern.Flagged);
        Assert.Equal(ConcernCategory.SelfHarm, r.Concern.Category);
        Assert.Equal("[name] said she wants to hurt herself", r.Concern.Evidence);
    }

    [Fact]
    public async Task Concerns_are_flagged_even_when_every_call_fails()
    {
        Service.Intercept = (_, _) => Task.FromResult<FakeLanguageService.Reply?>(new(500, """{"error":{"code":"InternalServerError","message":"x"}}"""));
        var r = (await Analyzer(o => o.MaxRetries = 0).AnalyzeAsync(Requests("I want to hurt myself")))[0];

        Assert.True(r.Concern.Flagged);
        Assert.Equal("local", r.Analyzer.Name);
    }

    [Fact]
    public async Task Non_english_text_gets_the_local_language_hint_and_no_themes()
    {
        var r = (await Analyzer().AnalyzeAsync(Requests("Bonjour, the club is great and they listen")))[0];
        Assert.Equal("fr", r.Language);
        Assert.Empty(r.Themes);
        Assert.Equal("fr", Assert.Single(Service.OfKind("PiiEntityRecognition")).Documents[0].Language);
    }

    [Fact]
    public async Task Blank_texts_make_no_call_and_keep_their_place()
    {
        var results = await Analyzer().AnalyzeAsync(Requests("   ", "Great stuff"));
        Assert.Equal(2, results.Count);
        Assert.Equal("local", results[0].Analyzer.Name);
        Assert.Equal(AzureLanguageAnalyzer.AzureName, results[1].Analyzer.Name);
        Assert.Single(Assert.Single(Service.OfKind("PiiEntityRecognition")).Documents);
    }

    [Fact]
    public async Task An_empty_batch_makes_no_call()
    {
        Assert.Empty(await Analyzer().AnalyzeAsync([]));
        Assert.Empty(Service.Requests);
    }

    [Fact]
    public async Task Logs_carry_no_text()
    {
        Service.Intercept = (r, _) => Task.FromResult<FakeLanguageService.Reply?>(
            r.Kind == "SentimentAnalysis" ? new(500, """{"error":{"code":"InternalServerError","message":"Alice Smith"}}""") : null);
        await Analyzer(o => o.MaxRetries = 0).AnalyzeAsync(Requests("Alice Smith hates the #ERR-KeyPhraseExtraction bus"));

        Assert.NotEmpty(Logger.Entries);
        Assert.All(Logger.Entries, e =>
        {
            Assert.DoesNotContain("Alice", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("bus", e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Caller_cancellation_is_not_swallowed()
    {
        using var cts = new CancellationTokenSource();
        Service.Intercept = async (_, _) =>
        {
            await cts.CancelAsync();
            return new FakeLanguageService.Reply(200, "{}", Delay: TimeSpan.FromSeconds(5));
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Analyzer().AnalyzeAsync(Requests("Great"), cts.Token));
    }
}
