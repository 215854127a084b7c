using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Security;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedbackCollector.Core;

/// <summary>Registers the handlers. Hosts add storage adapters, an analyzer (with its taxonomy runtime), a concern screen, a concern notifier, the notes reader and the digest producer.</summary>
public static class CoreServices
{
    /// <summary>Adds the core handlers and the system clock.</summary>
    public static IServiceCollection AddFeedbackCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SurveyCache>();
        services.AddOptions<AnalysisQueueOptions>();
        services.TryAddSingleton<AnalysisQueueCoalescer>();
        services.TryAddSingleton<SubmitResponseHandler>();
        services.TryAddSingleton<AnalyzeResponseHandler>();
        services.TryAddSingleton<ResponseQueryHandler>();
        services.TryAddSingleton<SurveyAdminHandler>();
        services.TryAddSingleton<ConcernRaiser>();
        services.TryAddSingleton<ConcernAlertHandler>();
        services.TryAddSingleton<ConcernReviewHandler>();
        services.TryAddSingleton<WithdrawResponseHandler>();
        services.TryAddSingleton<QuarterlyDigestHandler>();
        services.TryAddSingleton<DigestHandler>();
        services.TryAddSingleton<ActionsHandler>();
        services.TryAddSingleton<NotesUploadHandler>();
        services.TryAddSingleton<ImportHandler>();
        services.TryAddSingleton<StaffAuthenticator>();
        services.TryAddSingleton<ThemeCorrectionHandler>();
        services.TryAddSingleton<NotesPreviewHandler>();
        services.TryAddSingleton<Themes.TaxonomyHandler>();
        services.TryAddSingleton<Themes.ReanalysisHandler>();
        return services;
    }
}
