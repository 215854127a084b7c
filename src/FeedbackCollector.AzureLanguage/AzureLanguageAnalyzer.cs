using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using FeedbackCollector.Core.Analysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedbackCollector.AzureLanguage;

/// <summary>
/// Analyses text with Azure AI Language: personal data, sentiment and key phrases from the service, themes from a
/// custom classification project when one is configured (else the local theme model), and safeguarding concerns
/// always from the local analyzer, so that catching a disclosure never depends on a cloud call. Whatever the service
/// cannot answer (a request failing after retries, a per-document error, an unreadable reply) is taken from the local
/// analyzer for those texts; each result names the analyzer that produced it.
/// </summary>
public sealed partial class AzureLanguageAnalyzer : ITextAnalyzer
{
    /// <summary>Analyzer name of a result produced entirely with Azure AI Language (concerns are always local).</summary>
    public const string AzureName = "azure-language";

    /// <summary>Analyzer name of a result where part of the analysis fell back to the local analyzer.</summary>
    public const string FallbackName = "azure-language+local-fallback";

    // Documented per-request document limits of the synchronous API, and of an analyze-text job.
    internal const int PiiBatchSize = 5;
    internal const int SentimentBatchSize = 10;
    internal const int KeyPhraseBatchSize = 10;
    internal const int JobBatchSize = 25;
    internal const int JobMaxCharacters = 125_000;

    private const string PiiKind = "PiiEntityRecognition";
    private const string SentimentKind = "SentimentAnalysis";
    private const string KeyPhraseKind = "KeyPhraseExtraction";
    private const string ClassificationKind = "CustomMultiLabelClassification";

    private readonly ITextAnalyzer _local;
    private readonly AzureLanguageOptions _options;
    private readonly LanguageRestClient _client;
    private readonly ILogger _logger;
    private readonly string _version;
    private readonly string? _customTaxonomyVersion;

    /// <summary>
    /// Creates the analyzer. Without <see cref="AzureLanguageOptions.ApiKey"/> it authenticates with
    /// <see cref="DefaultAzureCredential"/>.
    /// </summary>
    /// <param name="options">Validated options; invalid options throw <see cref="ArgumentException"/> with every problem.</param>
    /// <param name="local">The local analyzer: fallback, local themes and safeguarding concerns.</param>
    /// <param name="logger">Logger; structured messages never carry text.</param>
    public AzureLanguageAnalyzer(AzureLanguageOptions options, ITextAnalyzer local, ILogger<AzureLanguageAnalyzer>? logger = null)
        : this(options, local, logger, credential: null, transport: null)
    {
    }

    /// <summary>Creates the analyzer with an explicit credential and transport (tests, or a host with its own identity).</summary>
    /// <param name="options">Validated options.</param>
    /// <param name="local">The local analyzer.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="credential">Entra ID credential when no key is configured; null for <see cref="DefaultAzureCredential"/>.</param>
    /// <param name="transport">HTTP transport; null for the default.</param>
    public AzureLanguageAnalyzer(AzureLanguageOptions options, ITextAnalyzer local, ILogger? logger, TokenCredential? credential, HttpPipelineTransport? transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(local);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }
        _options = options;
        _local = local;
        _logger = logger ?? NullLogger.Instance;
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            credential ??= new DefaultAzureCredential();
        }
        _client = new LanguageRestClient(options, credential, transport);
        _version = "rest-" + options.ApiVersion.Trim();
        if (options.HasCustomClassification)
        {
            _customTaxonomyVersion = $"custom:{options.CustomClassification!.ProjectName}/{options.CustomClassification.DeploymentName}";
        }
    }

    /// <inheritdoc />
    public AnalyzerInfo Info => new(AzureName, _version, _customTaxonomyVersion ?? _local.Info.TaxonomyVersion);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AnalysisResult>> AnalyzeAsync(IReadOnlyList<AnalysisRequest> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return [];
        }
        // The local pass runs first and for every text: it is the fallback, the concern detector and (without a custom
        // project) the theme model, and it is fast enough to cost nothing next to a network call.
        var local = await _local.AnalyzeAsync(batch, cancellationToken).ConfigureAwait(false);
        if (local.Count != batch.Count)
        {
            throw new InvalidOperationException($"The local analyzer returned {local.Count} results for {batch.Count} texts.");
        }

        var items = new Item[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            items[i] = new Item(batch[i], local[i]);
        }
        using var gate = new SemaphoreSlim(_options.MaxConcurrentRequests);

        // 1. Personal data, on the original text.
        var pii = BuildPlan(items, it => it.Request.Text, it => true);
        await RunAsync(PiiKind, pii, PiiBatchSize, WritePiiParameters, ParsePii, gate, cancellationToken).ConfigureAwait(false);
        foreach (var it in items.Where(it => it.HasText))
        {
            ApplyPii(it, pii);
        }

        // 2. Sentiment, key phrases and (optionally) themes, on the redacted text only.
        var sentiment = BuildPlan(items, it => it.RedactedText, it => true);
        var phrases = BuildPlan(items, it => it.RedactedText, it => true);
        var classify = _options.HasCustomClassification ? BuildPlan(items, it => it.RedactedText, it => !it.Local.IsNonEnglish) : null;
        var tasks = new List<Task>
        {
            RunAsync(SentimentKind, sentiment, SentimentBatchSize, WriteSentimentParameters, ParseSentiment, gate, cancellationToken),
            RunAsync(KeyPhraseKind, phrases, KeyPhraseBatchSize, static _ => { }, ParseKeyPhrases, gate, cancellationToken),
        };
        if (classify is not null)
        {
            tasks.Add(RunJobsAsync(classify, gate, cancellationToken));
        }
        await Task.WhenAll(tasks).ConfigureAwait(false);

        var results = new AnalysisResult[items.Length];
        int azure = 0, mixed = 0, localOnly = 0;
        for (var i = 0; i < items.Length; i++)
        {
            results[i] = Assemble(items[i], sentiment, phrases, classify);
            switch (results[i].Analyzer.Name)
            {
                case AzureName: azure++; break;
                case FallbackName: mixed++; break;
                default: localOnly++; break;
            }
        }
        LogBatch(batch.Count, azure, mixed, localOnly);
        return results;
    }

    private AnalysisResult Assemble(Item it, Plan sentimentPlan, Plan phrasePlan, Plan? classifyPlan)
    {
        var local = it.Local;
        if (!it.HasText)
        {
            return local;
        }
        var sentiment = Collect<SentimentResult>(sentimentPlan, it) is { } s ? SentimentCombiner.Combine(s.Select(x => (x.Value, x.Weight)).ToArray()) : null;
        var phrases = Collect<IReadOnlyList<string>>(phrasePlan, it) is { } p ? MergePhrases(p.Select(x => x.Value)) : null;
        IReadOnlyList<ThemeMatch>? themes = null;
        var themesExpected = classifyPlan is not null && !local.IsNonEnglish;
        if (themesExpected && Collect<IReadOnlyList<(string Category, double Confidence)>>(classifyPlan!, it) is { } c)
        {
            themes = Themes(c.Select(x => x.Value), local);
        }

        var fromAzure = (it.PiiFromAzure ? 1 : 0) + (sentiment is null ? 0 : 1) + (phrases is null ? 0 : 1) + (themes is null ? 0 : 1);
        var expected = 3 + (themesExpected ? 1 : 0);
        if (fromAzure == 0)
        {
            return local; // nothing came from the service: the local result, under the local analyzer's name
        }

        var extra = it.AzureOnlySpans;
        var concern = local.Concern;
        if (concern.Evidence is { } ev && extra.Count > 0)
        {
            concern = concern with { Evidence = Redaction.Scrub(ev, it.Request.Text, extra) };
        }
        var themesFromCustom = themes is not null;
        themes ??= ScrubThemes(local.Themes, it.Request.Text, extra);
        var name = fromAzure == expected ? AzureName : FallbackName;
        var taxonomy = themesFromCustom ? _customTaxonomyVersion! : local.Analyzer.TaxonomyVersion;
        return new AnalysisResult(
            it.Request.Id,
            local.Language,
            themes,
            sentiment ?? local.Sentiment,
            phrases ?? local.KeyPhrases,
            it.RedactedText,
            it.Spans,
            concern,
            new AnalyzerInfo(name, _version, taxonomy));
    }

    private IReadOnlyList<ThemeMatch> Themes(IEnumerable<IReadOnlyList<(string Category, double Confidence)>> pieces, AnalysisResult local)
    {
        var custom = _options.CustomClassification!;
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var piece in pieces)
        {
            foreach (var (category, confidence) in piece)
            {
                if (!best.TryGetValue(category, out var b) || confidence > b)
                {
                    best[category] = confidence;
                }
            }
        }
        var themes = new List<ThemeMatch>(best.Count);
        foreach (var (category, confidence) in best.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (confidence < custom.MinimumConfidence)
            {
                continue;
            }
            // The local model's label and evidence for the same theme, when it found it too; a classifier gives no evidence.
            var localMatch = local.Themes.FirstOrDefault(t => t.ThemeId == category);
            var label = localMatch?.Label ?? (custom.Labels.TryGetValue(category, out var l) ? l : category);
            themes.Add(new ThemeMatch(category, label, Math.Clamp(confidence, 0, 1), localMatch?.Evidence ?? []));
        }
        return themes;
    }

    private static IReadOnlyList<ThemeMatch> ScrubThemes(IReadOnlyList<ThemeMatch> themes, string original, IReadOnlyList<PiiSpan> extra)
    {
        if (extra.Count == 0)
        {
            return themes;
        }
        return themes.Select(t => t with { Evidence = t.Evidence.Select(e => Redaction.Scrub(e, original, extra)).ToArray() }).ToArray();
    }

    private static IReadOnlyList<string> MergePhrases(IEnumerable<IReadOnlyList<string>> pieces)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var merged = new List<string>();
        foreach (var piece in pieces)
        {
            foreach (var phrase in piece)
            {
                var p = phrase.Trim();
                if (p.Length > 0 && !PiiMapping.IsPlaceholderWord(p) && seen.Add(p))
                {
                    merged.Add(p);
                }
            }
        }
        return merged;
    }

    private void ApplyPii(Item it, Plan plan)
    {
        var pieces = Collect<IReadOnlyList<AzureEntity>>(plan, it);
        if (pieces is null)
        {
            return; // keeps the local redaction
        }
        var text = it.Request.Text;
        var azure = new List<PiiSpan>();
        foreach (var (entities, offset, length) in pieces)
        {
            foreach (var e in entities)
            {
                if (e.Offset + e.Length > length)
                {
                    return; // a span outside its piece: the reply does not match the text, so keep the local redaction
                }
                var start = offset + e.Offset;
                if (PiiMapping.Map(e.Category, text.Substring(start, e.Length)) is { } type)
                {
                    azure.Add(new PiiSpan(type, start, e.Length));
                }
            }
        }
        var spans = Redaction.Union(azure, it.Local.Pii, text.Length);
        it.Spans = spans;
        it.RedactedText = Redaction.Apply(text, spans);
        it.PiiFromAzure = true;
        it.AzureOnlySpans = azure.Where(a => !it.Local.Pii.Any(l => l.Start <= a.Start && a.Start + a.Length <= l.Start + l.Length)).ToArray();
    }

    /// <summary>The pieces' values with their offsets for one item, or null when any piece failed.</summary>
    private static List<(T Value, int Offset, int Weight)>? Collect<T>(Plan plan, Item it)
        where T : class
    {
        if (!plan.Ranges.TryGetValue(it, out var range))
        {
            return null;
        }
        var list = new List<(T, int, int)>(range.Count);
        for (var d = range.First; d < range.First + range.Count; d++)
        {
            if (plan.Results[d] is not T value)
            {
                return null;
            }
            list.Add((value, plan.Offsets[d], plan.Documents[d].Text.Length));
        }
        return list;
    }

    private async Task RunAsync<T>(string kind, Plan plan, int batchSize, Action<Utf8JsonWriter> parameters, Func<JsonElement, T?> parse, SemaphoreSlim gate, CancellationToken ct)
        where T : class
    {
        var batches = new List<Task>();
        for (var first = 0; first < plan.Documents.Count; first += batchSize)
        {
            var start = first;
            var count = Math.Min(batchSize, plan.Documents.Count - first);
            batches.Add(SendAsync(kind, plan, start, count, gate, ct, docs => _client.AnalyzeAsync(kind, docs, parameters, parse, ct)));
        }
        await Task.WhenAll(batches).ConfigureAwait(false);
    }

    private async Task RunJobsAsync(Plan plan, SemaphoreSlim gate, CancellationToken ct)
    {
        var batches = new List<Task>();
        var first = 0;
        while (first < plan.Documents.Count)
        {
            var count = 0;
            var chars = 0;
            while (first + count < plan.Documents.Count && count < JobBatchSize && chars + plan.Documents[first + count].Text.Length <= JobMaxCharacters)
            {
                chars += plan.Documents[first + count].Text.Length;
                count++;
            }
            var start = first;
            var n = count;
            batches.Add(SendAsync(ClassificationKind, plan, start, n, gate, ct, docs => _client.ClassifyAsync(_options.CustomClassification!, docs, ct)));
            first += count;
        }
        await Task.WhenAll(batches).ConfigureAwait(false);
    }

    private async Task SendAsync<T>(string kind, Plan plan, int first, int count, SemaphoreSlim gate, CancellationToken ct, Func<IReadOnlyList<LanguageDocument>, Task<BatchOutcome<T>>> send)
        where T : class
    {
        var docs = new LanguageDocument[count];
        for (var i = 0; i < count; i++)
        {
            docs[i] = plan.Documents[first + i];
        }
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var outcome = await send(docs).ConfigureAwait(false);
            string? firstCode = null;
            var failed = 0;
            for (var i = 0; i < count; i++)
            {
                if (outcome.Documents.TryGetValue(docs[i].Id, out var value) && !outcome.Errors.ContainsKey(docs[i].Id))
                {
                    plan.Results[first + i] = value;
                }
                else
                {
                    failed++;
                    firstCode ??= outcome.Errors.TryGetValue(docs[i].Id, out var code) ? code : "MissingResult";
                }
            }
            if (failed > 0)
            {
                LogDocumentErrors(kind, failed, firstCode!);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Anything the service could not do for these texts comes from the local analyzer instead; the reason is
            // logged by status or exception type, never by message, which may quote the request.
            if (ex is RequestFailedException { Status: 401 or 403 } rf)
            {
                LogUnauthorized(kind, rf.Status);
            }
            else
            {
                LogRequestFailed(kind, count, ex is RequestFailedException r ? r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : ex.GetType().Name);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static Plan BuildPlan(Item[] items, Func<Item, string> text, Func<Item, bool> include)
    {
        var plan = new Plan();
        for (var i = 0; i < items.Length; i++)
        {
            var it = items[i];
            if (!it.HasText || !include(it))
            {
                continue;
            }
            var t = text(it);
            var pieces = TextChunker.Split(t);
            plan.Ranges[it] = (plan.Documents.Count, pieces.Count);
            for (var p = 0; p < pieces.Count; p++)
            {
                var (offset, length) = pieces[p];
                // Ids are positions: the caller's ids never leave the app.
                plan.Documents.Add(new LanguageDocument($"{i}.{p}", it.LanguageHint, t.Substring(offset, length)));
                plan.Offsets.Add(offset);
            }
        }
        plan.Results = new object?[plan.Documents.Count];
        return plan;
    }

    private void WritePiiParameters(Utf8JsonWriter w)
    {
        // UTF-16 offsets match .NET strings exactly, so spans need no conversion.
        w.WriteString("stringIndexType", "Utf16CodeUnit");
        w.WriteStartArray("piiCategories");
        foreach (var c in PiiMapping.RequestedCategories)
        {
            w.WriteStringValue(c);
        }
        w.WriteEndArray();
    }

    private static void WriteSentimentParameters(Utf8JsonWriter w) => w.WriteString("stringIndexType", "Utf16CodeUnit");

    private static IReadOnlyList<AzureEntity>? ParsePii(JsonElement doc)
    {
        if (!doc.TryGetProperty("entities", out var entities) || entities.ValueKind != JsonValueKind.Array
            || !doc.TryGetProperty("redactedText", out var redacted) || redacted.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        // redactedText has the text's length (asterisks); it bounds the offsets without keeping the text.
        var length = redacted.GetString()!.Length;
        var list = new List<AzureEntity>(entities.GetArrayLength());
        foreach (var e in entities.EnumerateArray())
        {
            if (!e.TryGetProperty("category", out var cat) || cat.ValueKind != JsonValueKind.String
                || !e.TryGetProperty("offset", out var off) || !off.TryGetInt32(out var offset)
                || !e.TryGetProperty("length", out var len) || !len.TryGetInt32(out var l)
                || offset < 0 || l <= 0 || offset + l > length)
            {
                return null; // an unusable entity makes the whole document unusable: redaction must not be partial
            }
            list.Add(new AzureEntity(cat.GetString()!, offset, l));
        }
        return list;
    }

    private static SentimentResult? ParseSentiment(JsonElement doc)
    {
        if (!doc.TryGetProperty("sentiment", out var s) || s.ValueKind != JsonValueKind.String
            || SentimentCombiner.ParseLabel(s.GetString()) is not { } label
            || !doc.TryGetProperty("confidenceScores", out var scores) || scores.ValueKind != JsonValueKind.Object
            || !TryScore(scores, "positive", out var pos) || !TryScore(scores, "neutral", out var neu) || !TryScore(scores, "negative", out var neg))
        {
            return null;
        }
        var sum = pos + neu + neg;
        return sum > 0 ? new SentimentResult(label, pos / sum, neu / sum, neg / sum) : new SentimentResult(label, 0, 1, 0);

        static bool TryScore(JsonElement scores, string name, out double value)
        {
            value = 0;
            return scores.TryGetProperty(name, out var v) && v.TryGetDouble(out value) && value is >= 0 and <= 1;
        }
    }

    private static IReadOnlyList<string>? ParseKeyPhrases(JsonElement doc)
    {
        if (!doc.TryGetProperty("keyPhrases", out var phrases) || phrases.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var list = new List<string>(phrases.GetArrayLength());
        foreach (var p in phrases.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            list.Add(p.GetString()!);
        }
        return list;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Azure Language {Kind} request for {DocumentCount} documents failed ({Reason}); those texts fall back to the local analyzer")]
    private partial void LogRequestFailed(string kind, int documentCount, string reason);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Azure Language refused the {Kind} request (status {Status}): check AzureLanguage:ApiKey, or the identity's Cognitive Services User role; the local analyzer is used meanwhile")]
    private partial void LogUnauthorized(string kind, int status);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Azure Language {Kind} returned no usable result for {DocumentCount} documents (first error {ErrorCode}); those texts fall back to the local analyzer")]
    private partial void LogDocumentErrors(string kind, int documentCount, string errorCode);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Analysed {Count} texts: {AzureCount} with Azure Language, {FallbackCount} with partial local fallback, {LocalCount} locally")]
    private partial void LogBatch(int count, int azureCount, int fallbackCount, int localCount);

    private readonly record struct AzureEntity(string Category, int Offset, int Length);

    /// <summary>The documents of one task kind across a batch, and where each item's pieces are.</summary>
    private sealed class Plan
    {
        public List<LanguageDocument> Documents { get; } = [];

        public List<int> Offsets { get; } = [];

        public Dictionary<Item, (int First, int Count)> Ranges { get; } = new(ReferenceEqualityComparer.Instance);

        public object?[] Results { get; set; } = [];
    }

    /// <summary>One text's state while the batch is analysed.</summary>
    private sealed class Item(AnalysisRequest request, AnalysisResult local)
    {
        public AnalysisRequest Request { get; } = request;

        public AnalysisResult Local { get; } = local;

        public bool HasText { get; } = !string.IsNullOrWhiteSpace(request.Text);

        /// <summary>The language the local analyzer found; the service needs one, and English is its default.</summary>
        public string LanguageHint { get; } = local.Language is { Length: 2 } l && l != "un" ? l : "en";

        public string RedactedText { get; set; } = local.RedactedText;

        public IReadOnlyList<PiiSpan> Spans { get; set; } = local.Pii;

        public bool PiiFromAzure { get; set; }

        public IReadOnlyList<PiiSpan> AzureOnlySpans { get; set; } = [];
    }
}
