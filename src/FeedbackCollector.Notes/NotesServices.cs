using FeedbackCollector.Core.Notes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedbackCollector.Notes;

/// <summary>Registers the notes reader.</summary>
public static class NotesServices
{
    /// <summary>Adds <see cref="INotesReader"/>.</summary>
    public static IServiceCollection AddFeedbackNotes(this IServiceCollection services)
    {
        services.TryAddSingleton<INotesReader, NotesReader>();
        return services;
    }
}
