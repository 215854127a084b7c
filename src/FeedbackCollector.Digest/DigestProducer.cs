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
/// With a digest projection and a source of pending responses (both registered by the storage adapters) the responses
/// are read from the projection, plus those still waiting for analysis; without them, from the responses repository.
/// Both give the same digest, byte for byte, when the projection is up to date.
/// </summary>
public sealed class DigestProducer(
    IResponseRepository responses,
    ISurveyRepository surveys,
    IActionRepository actions,
    IConcernRepository concerns,
    IOptions<DigestOptions> options,
    IDigestProjection? projection = null,
    IPendingResponseSource? pending = null) : IDigestProducer
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DigestFile>> ProduceAsync(DigestPeriod period, CancellationToken cancellationToken = default) =>
        DigestRenderer.RenderAll(await BuildAsync(period, cancellationToken));

    /// <summary>The model of <paramref name="period"/>.</summary>
    public async Task<DigestModel> BuildAsync(DigestPeriod period, CancellationToken cancellationToken = default)
    {
        var builder = new DigestBuilder(period, await surveys.ListAsync(cancellationToken), options.Value.Title);
        await ReadAsync(period.FromUtc, period.ToUtc, builder.Add, cancellationToken);
        var previous = period.Previous;
        await ReadAsync(previous.FromUtc, previous.ToUtc, builder.AddPrevious, cancellationToken);
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

    /// <summary>Whether responses are read from the digest projection (else from the responses repository).</summary>
    public bool UsesProjection => projection is not null && pending is not null;

    /// <summary>Gives <paramref name="add"/> every response received in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    private async Task ReadAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, Action<SurveyResponse> add, CancellationToken cancellationToken)
    {
        if (projection is null || pending is null)
        {
            await foreach (var r in responses.ListAsync(new ResponseQuery(fromUtc, toUtc), cancellationToken))
            {
                add(r);
            }
            return;
        }
        // A response waiting for analysis is read from the responses table, which is the truth about it; an entry the
        // projection may hold for it (written by a rebuild before it was analysed) is then skipped.
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var r in pending.ListPendingAsync(fromUtc, toUtc, cancellationToken))
        {
            if (waiting.Add(r.Id))
            {
                add(r);
            }
        }
        await foreach (var entry in projection.ListAsync(fromUtc, toUtc, cancellationToken))
        {
            if (!waiting.Contains(entry.Id))
            {
                add(entry.ToResponse());
            }
        }
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
