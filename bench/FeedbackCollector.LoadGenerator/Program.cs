using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

// Bounded load on loopback only: a fixed number of submissions, a fixed concurrency, a time limit. Reports accepted
// submissions a second with p50/p99 latency, then waits until every accepted response is analysed and reports
// analysed responses a second.
var opts = Options.Parse(args);
if (!opts.Url.IsLoopback)
{
    Console.Error.WriteLine("The load generator only targets loopback addresses (localhost, 127.0.0.1).");
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = opts.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = opts.Url,
    Timeout = TimeSpan.FromSeconds(30),
};
string[] texts =
[
    "my social worker never listens to me and keeps changing",
    "the wait for camhs was way too long, i needed help before it got bad",
    "i had to tell my story over and over to different people",
    "my worker actually listens now and texts me back, thank you",
    "more youth clubs and places to go at night please",
    "idk who to talk to when things go wrong at school tbh",
    "teachers dont do anything about bullying online",
    "nothing to add",
];

var latencies = new double[opts.Requests];
var ids = new string?[opts.Requests];
var statuses = new int[opts.Requests];
var next = -1;
var deadline = Stopwatch.StartNew();
var clock = Stopwatch.StartNew();
var startedUtc = DateTimeOffset.UtcNow;

async Task Worker()
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < opts.Requests && deadline.Elapsed < opts.TimeLimit)
    {
        var body = $$"""{"answers":{"listened":{{(i % 5) + 1}},"one-thing":"{{texts[i % texts.Length]}}"},"channel":"web"}""";
        var t0 = Stopwatch.GetTimestamp();
        try
        {
            // Each submission comes from its own phone (a distinct private address in X-Forwarded-For, which
            // load.sh tells the host to trust), so the per-client rate limits apply as they would to real clients.
            using var req = new HttpRequestMessage(HttpMethod.Post, $"/api/surveys/{opts.Survey}/responses")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            var a = i + opts.FirstClient;
            req.Headers.Add("X-Forwarded-For", $"10.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}");
            using var res = await http.SendAsync(req);
            statuses[i] = (int)res.StatusCode;
            if (res.StatusCode == HttpStatusCode.Accepted)
            {
                using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
                ids[i] = doc.RootElement.GetProperty("id").GetString();
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            statuses[i] = -1;
        }
        latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
    }
}

await Task.WhenAll(Enumerable.Range(0, opts.Concurrency).Select(_ => Task.Run(Worker)));
var submitSeconds = clock.Elapsed.TotalSeconds;
var sent = Math.Min(opts.Requests, next);
var accepted = ids.Count(id => id is not null);
var lat = latencies.Take(sent).Order().ToArray();
double Pct(double p) => lat.Length == 0 ? 0 : lat[Math.Min(lat.Length - 1, (int)Math.Ceiling(p * lat.Length) - 1)];

Console.WriteLine($"submitted     {sent} requests with concurrency {opts.Concurrency} in {submitSeconds:F2} s");
Console.WriteLine($"accepted      {accepted} (202)  others: {string.Join(", ", statuses.Take(sent).Where(s => s != 202).GroupBy(s => s).Select(g => $"{g.Key}: {g.Count()}"))}");
Console.WriteLine($"accepted/s    {accepted / submitSeconds:F0}");
Console.WriteLine($"latency       p50 {Pct(0.50):F1} ms   p99 {Pct(0.99):F1} ms   max {lat.LastOrDefault():F1} ms");

// Analysed: confirm each accepted id through the officer API. The queue is roughly first in, first out, so while the
// analysis lags only the oldest unconfirmed id is asked about (a few reads a second); once it is done, the next ones in
// submission order are asked in windows. The figure comes from the stored analysedUtc times, so how often this asks does
// not change it; asking lightly keeps these reads from slowing the analysis they measure.
var pending = ids.Where(id => id is not null).Cast<string>().ToList();
var lastAnalysed = DateTimeOffset.MinValue;
var waitUntil = Stopwatch.StartNew();
var probes = 0;
http.DefaultRequestHeaders.Add("X-Feedback-Key", opts.OfficerKey);
async Task<DateTimeOffset?> AnalysedAt(string id)
{
    Interlocked.Increment(ref probes);
    using var res = await http.GetAsync($"/api/responses/{id}");
    if (!res.IsSuccessStatusCode)
    {
        return null;
    }
    using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
    return doc.RootElement.TryGetProperty("analysedUtc", out var a) && a.ValueKind == JsonValueKind.String ? a.GetDateTimeOffset() : null;
}
while (pending.Count > 0 && waitUntil.Elapsed < opts.AnalysisWait)
{
    if (await AnalysedAt(pending[0]) is null)
    {
        await Task.Delay(200);
        continue;
    }
    var window = pending.Take(64).ToList();
    var done = await Task.WhenAll(window.Select(AnalysedAt));
    var still = new HashSet<string>(StringComparer.Ordinal);
    for (var k = 0; k < window.Count; k++)
    {
        if (done[k] is { } when)
        {
            lastAnalysed = when > lastAnalysed ? when : lastAnalysed;
        }
        else
        {
            still.Add(window[k]);
        }
    }
    pending = [.. window.Where(still.Contains), .. pending.Skip(window.Count)];
    if (still.Count > 0)
    {
        await Task.Delay(200);
    }
}
var analysed = accepted - pending.Count;
var analysisSeconds = (lastAnalysed - startedUtc).TotalSeconds;
Console.WriteLine($"analysed      {analysed} of {accepted} accepted; not analysed: {pending.Count}");
Console.WriteLine($"analysed/s    {(analysisSeconds > 0 ? analysed / analysisSeconds : 0):F0}  (first submission to last analysis: {analysisSeconds:F2} s)");
Console.WriteLine($"confirmed     with {probes} officer reads ({(accepted > 0 ? (double)probes / accepted : 0):F2} a response)");
return pending.Count == 0 && accepted == sent ? 0 : 1;

internal sealed record Options(Uri Url, string Survey, string OfficerKey, int Requests, int Concurrency, TimeSpan TimeLimit, TimeSpan AnalysisWait, int FirstClient)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new Options(
            new Uri(Get("url", "http://127.0.0.1:7071")),
            Get("survey", "young-people"),
            Get("officer-key", Environment.GetEnvironmentVariable("FEEDBACK_OFFICER_KEY") ?? ""),
            int.Parse(Get("requests", "6000"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("concurrency", "32"), System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(int.Parse(Get("time-limit", "60"), System.Globalization.CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(int.Parse(Get("analysis-wait", "120"), System.Globalization.CultureInfo.InvariantCulture)),
            // The number of the first simulated phone (its address): a warm-up run and the measured run use different phones.
            int.Parse(Get("first-client", "0"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
