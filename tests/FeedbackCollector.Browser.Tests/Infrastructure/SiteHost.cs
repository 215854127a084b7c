using System.Net.Http.Json;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.LocalHost;
using FeedbackCollector.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Browser.Tests.Infrastructure;

/// <summary>
/// The local host (every function of the Functions app) started in-process on a free loopback port over a test's own
/// tables and queues in Azurite, for a browser to visit.
/// </summary>
public sealed class SiteHost : IAsyncDisposable
{
    private SiteHost(WebApplication app, Uri baseUri)
    {
        App = app;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The running app.</summary>
    public WebApplication App { get; }

    /// <summary>The site's address, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>A client for API calls.</summary>
    public HttpClient Http { get; }

    /// <summary>A service of the app (repositories, handlers).</summary>
    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Starts the host over <paramref name="scope"/>; <paramref name="overrides"/> adds or replaces settings.</summary>
    public static async Task<SiteHost> StartAsync(StorageScope scope, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(scope.Settings)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["LocalHost:Queues:Lease"] = "00:00:05",
            ["LocalHost:Queues:MinPollingInterval"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }
        var app = LocalHostApp.Build([], c => c.AddInMemoryCollection(settings));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SiteHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Issues a role key straight into storage, as the command line does.</summary>
    public async Task<string> IssueKeyAsync(StaffRole role, string? label = null)
    {
        var (key, record) = RoleKeys.Issue(role, label ?? $"Test {role}", DateTimeOffset.UtcNow);
        Assert.True(await Get<IRoleKeyRepository>().TryAddAsync(record));
        return key;
    }

    /// <summary>Creates and opens default surveys (all four when none are named) straight through the admin handler.</summary>
    public async Task OpenDefaultSurveysAsync(params string[] codes)
    {
        var admin = Get<SurveyAdminHandler>();
        foreach (var code in codes.Length == 0 ? DefaultSurveys.Codes : codes)
        {
            var definition = DefaultSurveys.Load(code) with { Status = SurveyStatus.Open };
            var body = System.Text.Json.JsonSerializer.SerializeToElement(definition, FeedbackJson.Options);
            var outcome = await admin.CreateAsync(body, CancellationToken.None);
            Assert.True(outcome.Kind == OutcomeKind.Created, $"Could not create survey {code}: {outcome.Message}");
        }
    }

    /// <summary>Sends a request with an optional staff key.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key = null, HttpContent? content = null)
    {
        using var req = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            req.Headers.Add(RoleKeys.Header, key);
        }
        return await Http.SendAsync(req);
    }

    /// <summary>JSON content in the product's convention.</summary>
    public static HttpContent Json<T>(T value) => JsonContent.Create(value, options: FeedbackJson.Options);

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

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
