using FeedbackCollector.Analysis;
using FeedbackCollector.AzureLanguage;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Themes;
using FeedbackCollector.Digest;
using FeedbackCollector.Notes;
using FeedbackCollector.Functions.Http;
using FeedbackCollector.Functions.Themes;
using FeedbackCollector.Storage;
using FeedbackCollector.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Functions;

/// <summary>
/// The one composition of the product, used by the Functions app and by the local host alike, so both run the same
/// handlers over the same adapters.
/// </summary>
public static class FeedbackCollectorServices
{
    /// <summary>Adds core handlers, storage, the configured analyzer, alerts and HTTP helpers.</summary>
    public static IServiceCollection AddFeedbackCollector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeedbackCore();
        services.AddFeedbackStorage(configuration);
        // The local analyzer reloads a taxonomy an officer saved in the console; the Azure provider wraps it as usual.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ReloadableAnalyzer>(sp, sp.GetRequiredService<IOptions<AnalysisOptions>>().Value));
        services.AddSingleton<ITaxonomyRuntime>(sp => sp.GetRequiredService<ReloadableAnalyzer>());
        services.AddFeedbackAnalyzer(configuration, static (sp, _) => sp.GetRequiredService<ReloadableAnalyzer>());
        services.AddHostedService<Hosting.AnalyzerWarmup>();
        services.AddSingleton<StaffGate>();
        services.AddValidatedOptions<FeedbackCollector.Core.Security.AppServiceAuthOptions>(
            configuration.GetSection(FeedbackCollector.Core.Security.AppServiceAuthOptions.SectionName), o => o.Validate());
        // The submit-time screen: the local redactor and detector whichever analyzer the queue uses, so help is shown at once.
        services.AddSingleton<IConcernScreen, LocalConcernScreen>(_ => new LocalConcernScreen());
        services.AddFeedbackNotes();
        services.AddFeedbackDigest();
        services.Configure<FeedbackCollector.Digest.DigestOptions>(configuration.GetSection("Digest"));
        services.AddValidatedOptions<SurveyWebOptions>(configuration.GetSection(SurveyWebOptions.SectionName), o => o.Validate());
        services.AddSingleton<RateLimiter>();
        services.AddValidatedOptions<FeedbackCollector.Core.Responses.AnalysisQueueOptions>(
            configuration.GetSection(FeedbackCollector.Core.Responses.AnalysisQueueOptions.SectionName), o => o.Validate());
        services.AddValidatedOptions<ReanalysisOptions>(configuration.GetSection(ReanalysisOptions.SectionName), o => o.Validate())
            .PostConfigure(o =>
            {
                // The Functions host reads its retry limit from host.json or this app setting, which the worker sees too:
                // the handler must know the same limit to mark a job failed on the last attempt.
                if (int.TryParse(configuration["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"], System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out var max))
                {
                    o.MaxDequeueCount = max;
                }
            });

        services.AddValidatedOptions<AlertOptions>(configuration.GetSection("Alerts"), o => o.Validate());
        services.AddHttpClient<WebhookConcernNotifier>();
        services.AddSingleton<IConcernNotifier>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<AlertOptions>>().Value.WebhookUrl)
                ? ActivatorUtilities.CreateInstance<LogConcernNotifier>(sp)
                : sp.GetRequiredService<WebhookConcernNotifier>());

        services.AddValidatedOptions<DigestOptions>(configuration, o => DigestOptions.IsValidSchedule(o.DigestSchedule)
            ? []
            : [$"DigestSchedule '{o.DigestSchedule}' is not an NCRONTAB expression (for example '{QuarterlyDigest.DefaultSchedule}')."]);
        return services;
    }
}

/// <summary>When the quarterly digest runs.</summary>
public sealed class DigestOptions
{
    /// <summary>NCRONTAB schedule of the quarterly digest (UTC), also the timer trigger's <c>%DigestSchedule%</c>.</summary>
    public string DigestSchedule { get; set; } = QuarterlyDigest.DefaultSchedule;

    /// <summary>True for an NCRONTAB expression of five or six fields.</summary>
    public static bool IsValidSchedule(string? schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule))
        {
            return false;
        }
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return fields is 5 or 6 && NCrontab.CrontabSchedule.TryParse(schedule, new NCrontab.CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 }) is not null;
    }
}
