using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Digest.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Digest;

/// <summary>Settings of the digest (configuration section <c>Digest</c>).</summary>
public sealed class DigestOptions
{
    /// <summary>The title on every digest, for example the partnership's name for it.</summary>
    public string Title { get; set; } = DigestBuilder.DefaultTitle;
}

/// <summary>Every format of a digest from its model.</summary>
public static class DigestRenderer
{
    /// <summary>digest.html, digest.md, themes.csv, comments.csv and digest.json.</summary>
    public static IReadOnlyList<DigestFile> RenderAll(DigestModel model) =>
    [
        new(DigestPaths.Html, DigestPaths.Files[DigestPaths.Html], HtmlDigestRenderer.Render(model)),
        new(DigestPaths.Markdown, DigestPaths.Files[DigestPaths.Markdown], MarkdownDigestRenderer.Render(model)),
        new(DigestPaths.ThemesCsv, DigestPaths.Files[DigestPaths.ThemesCsv], CsvDigestRenderer.RenderThemes(model)),
        new(DigestPaths.CommentsCsv, DigestPaths.Files[DigestPaths.CommentsCsv], CsvDigestRenderer.RenderComments(model)),
        new(DigestPaths.JsonFile, DigestPaths.Files[DigestPaths.JsonFile], JsonDigestRenderer.Render(model)),
    ];
}

/// <summary>
/// Loads a period through the storage ports — its responses and the previous period's streamed into the builder,
/// the surveys, the actions of the quarters it overlaps and the concerns raised from its responses — and renders it.
/// </summary>
public sealed class DigestProducer(
    IResponseRepository responses,
    ISurveyRepository surveys,
    IActionRepository actions,
    IConcernRepository concerns,
    IOptions<DigestOptions> options) : IDigestProducer
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DigestFile>> ProduceAsync(DigestPeriod period, CancellationToken cancellationToken = default) =>
        DigestRenderer.RenderAll(await BuildAsync(period, cancellationToken));

    /// <summary>The model of <paramref name="period"/>.</summary>
    public async Task<DigestModel> BuildAsync(DigestPeriod period, CancellationToken cancellationToken = default)
    {
        var builder = new DigestBuilder(period, await surveys.ListAsync(cancellationToken), options.Value.Title);
        await foreach (var r in responses.ListAsync(new ResponseQuery(period.FromUtc, period.ToUtc), cancellationToken))
        {
            builder.Add(r);
        }
        var previous = period.Previous;
        await foreach (var r in responses.ListAsync(new ResponseQuery(previous.FromUtc, previous.ToUtc), cancellationToken))
        {
            builder.AddPrevious(r);
        }
        foreach (var q in Quarter.Overlapping(period.FromUtc, period.ToUtc))
        {
            builder.AddActions(await actions.ListAsync(q, cancellationToken));
        }
        int raised = 0, reviewed = 0;
        foreach (var c in await concerns.ListAsync(cancellationToken))
        {
            if (c.ReceivedUtc >= period.FromUtc && c.ReceivedUtc < period.ToUtc)
            {
                raised++;
                if (c.ReviewedUtc is not null)
                {
                    reviewed++;
                }
            }
        }
        return builder.Build(raised, reviewed);
    }
}

/// <summary>Registers the digest producer.</summary>
public static class DigestServices
{
    /// <summary>Adds <see cref="IDigestProducer"/> and <see cref="DigestOptions"/> (bound by the host from section <c>Digest</c>).</summary>
    public static IServiceCollection AddFeedbackDigest(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>();
        services.TryAddSingleton<IDigestProducer, DigestProducer>();
        return services;
    }
}
