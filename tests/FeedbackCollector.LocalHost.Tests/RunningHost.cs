using System.Net.Http.Json;
using System.Text.Json;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.LocalHost.Tests;

/// <summary>The local host started on a free loopback port over a test's own tables and queues.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private RunningHost(WebApplication app, HttpClient http)
    {
        App = app;
        Http = http;
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<RunningHost> StartAsync(StorageScope scope, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>(scope.Settings)
        {
            ["urls"] = "http://127.0.0.1:0",
            // Short leases so a test that stops a host mid-message sees the message come back quickly.
            ["LocalHost:Queues:Lease"] = "00:00:05",
            ["LocalHost:Queues:MinPollingInterval"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
            // Bursts from one address are the point of several tests; the rate limits have tests of their own.
            ["Survey:DeviceBurst"] = "100000",
            ["Survey:NetworkBurst"] = "100000",
        };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }
        var app = LocalHostApp.Build([], c => c.AddInMemoryCollection(settings), services);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningHost(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>Issues a role key straight into storage, as the command line does.</summary>
    public async Task<string> IssueKeyAsync(StaffRole role)
    {
        var (key, record) = RoleKeys.Issue(role, $"Test {role}", DateTimeOffset.UtcNow);
        Assert.True(await Get<IRoleKeyRepository>().TryAddAsync(record));
        return key;
    }

    /// <summary>Creates and opens a default survey through the officer API.</summary>
    public async Task CreateOpenSurveyAsync(string officerKey, string code = "young-people")
    {
        var d = DefaultSurveys.Load(code) with { Status = SurveyStatus.Open };
        using var req = new HttpRequestMessage(HttpMethod.Post, "/api/surveys")
        {
            Content = JsonContent.Create(d, options: FeedbackJson.Options),
        };
        req.Headers.Add(RoleKeys.Header, officerKey);
        using var res = await Http.SendAsync(req);
        Assert.Equal(System.Net.HttpStatusCode.Created, res.StatusCode);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key = null, HttpContent? content = null)
    {
        var req = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            req.Headers.Add(RoleKeys.Header, key);
        }
        return await Http.SendAsync(req);
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage res) =>
        JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Waits until <paramref name="condition"/> holds, polling; fails after <paramref name="timeout"/>.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
