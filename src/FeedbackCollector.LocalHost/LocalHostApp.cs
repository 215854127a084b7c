using FeedbackCollector.Core;
using FeedbackCollector.Functions;

namespace FeedbackCollector.LocalHost;

/// <summary>Builds the local host: the Functions app's services and functions on ASP.NET Core, listening on http://localhost:7071 by default.</summary>
public static class LocalHostApp
{
    /// <summary>The default address, the same as <c>func start</c>.</summary>
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>Settings the Functions app gets from local.settings.json or app settings, with their local defaults.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["urls"] = DefaultUrl,
        ["Storage"] = "UseDevelopmentStorage=true",
        ["AnalysisQueueName"] = "analysis",
        ["AlertsQueueName"] = "alerts",
        ["DigestSchedule"] = QuarterlyDigest.DefaultSchedule,
    };

    /// <summary>
    /// Builds the app; <paramref name="configure"/> adds configuration last, <paramref name="services"/> registers services
    /// before the app's own (tests use them, for example to count storage requests).
    /// </summary>
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // Defaults first, so appsettings, environment variables and arguments all override them.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = Defaults });
        configure?.Invoke(builder.Configuration);

        var hostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));
        var functions = FunctionCatalog.Discover(typeof(Health).Assembly, key => builder.Configuration[key]);
        foreach (var f in functions)
        {
            FunctionInvoker.CheckSupported(f);
        }

        services?.Invoke(builder.Services);
        builder.Services.AddFeedbackCollector(builder.Configuration);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(hostJson);
        // The listener gives up on a message after host.json's maxDequeueCount; the re-analysis handler must know that limit.
        builder.Services.PostConfigure<FeedbackCollector.Core.Themes.ReanalysisOptions>(o => o.MaxDequeueCount = hostJson.MaxDequeueCount);
        builder.Services.AddSingleton(functions);
        builder.Services.AddValidatedOptions<LocalQueueOptions>(builder.Configuration.GetSection("LocalHost:Queues"), o => o.Validate());
        builder.Services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<LocalQueueOptions>>().Value);
        builder.Services.AddSingleton<HttpActivity>();
        foreach (var f in functions.Where(f => f.Trigger == TriggerKind.Queue))
        {
            builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueListener>(sp, f));
        }
        foreach (var f in functions.Where(f => f.Trigger == TriggerKind.Timer))
        {
            TimerScheduler.Parse(f.Schedule!, f.Name);
            builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerScheduler>(sp, f));
        }

        var app = builder.Build();
        var activity = app.Services.GetRequiredService<HttpActivity>();
        app.Use(async (context, next) =>
        {
            activity.Enter();
            try
            {
                await next(context);
            }
            finally
            {
                activity.Exit();
            }
        });
        var prefix = string.IsNullOrEmpty(hostJson.RoutePrefix) ? "" : "/" + hostJson.RoutePrefix.Trim('/');
        foreach (var f in functions.Where(f => f.Trigger == TriggerKind.Http))
        {
            app.MapMethods($"{prefix}/{f.Route}", f.HttpMethods.Select(m => m.ToUpperInvariant()), ctx => FunctionInvoker.InvokeHttpAsync(f, ctx))
               .WithName(f.Name);
        }
        return app;
    }
}
