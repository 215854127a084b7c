using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace FeedbackCollector.AzureLanguage.Tests;

/// <summary>
/// A stand-in for Azure AI Language on WireMock.Net that answers in the documented JSON shapes, from simple rules on the
/// text, and records every request. Per-test behaviour (errors, throttling, delays) goes in <see cref="Intercept"/>.
/// </summary>
public sealed class FakeLanguageService : IDisposable
{
    /// <summary>Words the fake's PII model finds, with their Azure category.</summary>
    public static readonly (string Text, string Category)[] Entities =
    [
        ("Alice Smith", "Person"), ("Alice", "Person"), ("Jordan", "Person"), ("07700 900123", "PhoneNumber"), ("jo@example.com", "Email"),
        ("Oakfield Academy", "Organization"), ("CAMHS", "Organization"), ("943 476 5919", "UKNationalHealthNumber"),
    ];

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, (Recorded Job, int Polls)> _jobs = new();

    public FakeLanguageService(bool ssl = false)
    {
        var settings = new WireMockServerSettings { UseSSL = ssl };
        if (ssl)
        {
            // A throw-away self-signed certificate, made in memory: no developer certificate is needed.
            settings.CertificateSettings = new WireMockCertificateSettings { X509Certificate = SelfSigned() };
        }
        Server = WireMockServer.Start(settings);
        Server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    public WireMockServer Server { get; }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 SelfSigned()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=localhost", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        var san = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the private key in an exportable, loadable form.
        return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(cert.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
    }

    public string Url => Server.Url!;

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    /// <summary>Returns a reply to use instead of the default, or null for the default. Arguments: the request and its number (1-based) for its kind.</summary>
    public Func<Recorded, int, Task<Reply?>>? Intercept { get; set; }

    /// <summary>How many polls a job stays "running" before it succeeds.</summary>
    public int JobRunningPolls { get; set; } = 1;

    /// <summary>The final job status.</summary>
    public string JobFinalStatus { get; set; } = "succeeded";

    /// <summary>Host put in Operation-Location (null for this server).</summary>
    public string? OperationHost { get; set; }

    public sealed record Recorded(string Method, string Path, string Query, string Kind, JsonObject? Body, IReadOnlyDictionary<string, string> Headers, TimeSpan At)
    {
        public IReadOnlyList<(string Id, string Language, string Text)> Documents =>
            Body?["analysisInput"]?["documents"]?.AsArray().Select(d => ((string)d!["id"]!, (string)d["language"]!, (string)d["text"]!)).ToList() ?? [];
    }

    public sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

    public IReadOnlyList<Recorded> OfKind(string kind) => Requests.Where(r => r.Kind == kind).OrderBy(r => r.At).ToList();

    private async Task<IResponseMessage> HandleAsync(IRequestMessage req)
    {
        JsonObject? body = null;
        try
        {
            body = string.IsNullOrEmpty(req.Body) ? null : JsonNode.Parse(req.Body)?.AsObject();
        }
        catch (JsonException)
        {
        }
        var kind = req.Method == "GET" ? "JobStatus" : req.Path.EndsWith("/jobs", StringComparison.Ordinal) ? "Job" : (string?)body?["kind"] ?? "?";
        var headers = req.Headers?.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase) ?? [];
        var recorded = new Recorded(req.Method, req.Path, req.RawQuery ?? "", kind, body, headers, _clock.Elapsed);
        Requests.Enqueue(recorded);
        var number = Requests.Count(r => r.Kind == kind);
        var reply = Intercept is null ? null : await Intercept(recorded, number);
        reply ??= Default(recorded);
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay);
        }
        var message = new ResponseMessage
        {
            StatusCode = reply.Status,
            BodyData = new BodyData { BodyAsString = reply.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", "application/json");
        foreach (var (k, v) in reply.Headers ?? new Dictionary<string, string>())
        {
            message.AddHeader(k, v);
        }
        return message;
    }

    private Reply Default(Recorded r) => r.Kind switch
    {
        "PiiEntityRecognition" => Ok(Results("PiiEntityRecognitionResults", r, Pii)),
        "SentimentAnalysis" => Ok(Results("SentimentAnalysisResults", r, Sentiment)),
        "KeyPhraseExtraction" => Ok(Results("KeyPhraseExtractionResults", r, KeyPhrases)),
        "Job" => Submit(r),
        "JobStatus" => JobStatus(r.Path.Split('/')[^1]),
        _ => new Reply(404, """{"error":{"code":"NotFound","message":"no route"}}"""),
    };

    private Reply Submit(Recorded r)
    {
        var id = Guid.NewGuid().ToString();
        _jobs[id] = (r, 0);
        return new Reply(202, "", new Dictionary<string, string>
        {
            ["Operation-Location"] = $"{OperationHost ?? Url}/language/analyze-text/jobs/{id}?api-version=2025-11-01",
        });
    }

    private Reply JobStatus(string id)
    {
        if (!_jobs.TryGetValue(id, out var state))
        {
            return new Reply(404, """{"error":{"code":"NotFound","message":"no job"}}""");
        }
        var job = state.Job;
        var poll = state.Polls + 1;
        _jobs[id] = (job, poll);
        if (poll <= JobRunningPolls)
        {
            return Ok(new JsonObject { ["jobId"] = "1", ["status"] = "running", ["tasks"] = new JsonObject { ["completed"] = 0, ["failed"] = 0, ["inProgress"] = 1, ["total"] = 1 } });
        }
        var results = Results(null, job, Classes);
        results["results"]!["projectName"] = (string?)job.Body!["tasks"]![0]!["parameters"]!["projectName"];
        results["results"]!["deploymentName"] = (string?)job.Body!["tasks"]![0]!["parameters"]!["deploymentName"];
        return Ok(new JsonObject
        {
            ["jobId"] = "1",
            ["createdDateTime"] = "2026-01-01T00:00:00Z",
            ["lastUpdatedDateTime"] = "2026-01-01T00:00:01Z",
            ["status"] = JobFinalStatus,
            ["errors"] = new JsonArray(),
            ["tasks"] = new JsonObject
            {
                ["completed"] = 1,
                ["failed"] = 0,
                ["inProgress"] = 0,
                ["total"] = 1,
                ["items"] = new JsonArray(new JsonObject
                {
                    ["kind"] = "CustomMultiLabelClassificationLROResults",
                    ["taskName"] = "themes",
                    ["lastUpdateDateTime"] = "2026-01-01T00:00:01Z",
                    ["status"] = "succeeded",
                    ["results"] = results["results"]!.DeepClone(),
                }),
            },
        });
    }

    private static Reply Ok(JsonNode body) => new(200, body.ToJsonString());

    /// <summary>The documented results envelope; documents whose text contains "#ERR" (or "#ERR-{kind}") go to errors.</summary>
    private static JsonObject Results(string? kind, Recorded r, Func<string, JsonObject> document)
    {
        var docs = new JsonArray();
        var errors = new JsonArray();
        foreach (var (id, _, text) in r.Documents)
        {
            if (text.Contains("#ERR ", StringComparison.Ordinal) || (r.Kind != "?" && text.Contains("#ERR-" + r.Kind, StringComparison.Ordinal)))
            {
                errors.Add(new JsonObject { ["id"] = id, ["error"] = new JsonObject { ["code"] = "InvalidArgument", ["message"] = "Invalid document in request.", ["innererror"] = new JsonObject { ["code"] = "InvalidDocument", ["message"] = "Document text is empty." } } });
                continue;
            }
            var d = document(text);
            d["id"] = id;
            d["warnings"] = new JsonArray();
            docs.Add(d);
        }
        var result = new JsonObject { ["results"] = new JsonObject { ["documents"] = docs, ["errors"] = errors, ["modelVersion"] = "2025-11-01" } };
        if (kind is not null)
        {
            result["kind"] = kind;
        }
        return result;
    }

    private static JsonObject Pii(string text)
    {
        var entities = new JsonArray();
        var redacted = text.ToCharArray();
        var taken = new bool[text.Length];
        foreach (var (value, category) in Entities)
        {
            var at = 0;
            while ((at = text.IndexOf(value, at, StringComparison.Ordinal)) >= 0)
            {
                if (!taken[at])
                {
                    entities.Add(new JsonObject { ["text"] = value, ["category"] = category, ["offset"] = at, ["length"] = value.Length, ["confidenceScore"] = 0.9 });
                    for (var i = at; i < at + value.Length; i++)
                    {
                        redacted[i] = '*';
                        taken[i] = true;
                    }
                }
                at += value.Length;
            }
        }
        return new JsonObject { ["redactedText"] = new string(redacted), ["entities"] = entities };
    }

    private static JsonObject Sentiment(string text)
    {
        var pos = text.Contains("love", StringComparison.OrdinalIgnoreCase) || text.Contains("great", StringComparison.OrdinalIgnoreCase);
        var neg = text.Contains("hate", StringComparison.OrdinalIgnoreCase) || text.Contains("awful", StringComparison.OrdinalIgnoreCase);
        var (label, p, n, g) = (pos, neg) switch
        {
            (true, true) => ("mixed", 0.45, 0.1, 0.45),
            (true, false) => ("positive", 0.9, 0.08, 0.02),
            (false, true) => ("negative", 0.05, 0.15, 0.8),
            _ => ("neutral", 0.1, 0.8, 0.1),
        };
        var scores = new JsonObject { ["positive"] = p, ["neutral"] = n, ["negative"] = g };
        return new JsonObject
        {
            ["sentiment"] = label,
            ["confidenceScores"] = scores,
            ["sentences"] = new JsonArray(new JsonObject { ["sentiment"] = label, ["confidenceScores"] = scores.DeepClone(), ["offset"] = 0, ["length"] = text.Length, ["text"] = text }),
        };
    }

    /// <summary>Key phrases: the distinct words of seven letters or more, and "[name]" when the text has it.</summary>
    private static JsonObject KeyPhrases(string text)
    {
        var phrases = new JsonArray();
        foreach (var w in text.Split([' ', '.', ',', '\n', '!', '?'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 7 && w.All(char.IsLetter)).Distinct())
        {
            phrases.Add(w);
        }
        if (text.Contains("[name]", StringComparison.Ordinal))
        {
            phrases.Add("[name]");
        }
        return new JsonObject { ["keyPhrases"] = phrases };
    }

    private static JsonObject Classes(string text)
    {
        var classes = new JsonArray();
        if (text.Contains("listen", StringComparison.OrdinalIgnoreCase))
        {
            classes.Add(new JsonObject { ["category"] = "listen-to-me", ["confidenceScore"] = 0.91 });
        }
        if (text.Contains("school", StringComparison.OrdinalIgnoreCase))
        {
            classes.Add(new JsonObject { ["category"] = "school-life", ["confidenceScore"] = 0.7 });
        }
        if (text.Contains("bored", StringComparison.OrdinalIgnoreCase))
        {
            classes.Add(new JsonObject { ["category"] = "things-to-do", ["confidenceScore"] = 0.3 });
        }
        return new JsonObject { ["class"] = classes };
    }

    public void Dispose() => Server.Stop();
}
