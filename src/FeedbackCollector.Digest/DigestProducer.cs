using FeedbackCollector.Core.Concerns;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Digest.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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
/// <remarks>
/// Read from the projection, every quoted response is confirmed in the responses repository before the digest is returned:
/// an analysis that finishes after its response was withdrawn can leave an entry behind, and a withdrawn answer must never be
/// quoted. An entry found orphaned is left out, deleted from the projection, and the digest built again without it.
/// </remarks>
public sealed partial class DigestProducer(
    IResponseRepository responses,
    ISurveyRepository surveys,
    IActionRepository actions,
    IConcernRepository concerns,
    IOptions<DigestOptions> options,
    IDigestProjection? projection = null,
    IPendingResponseSource? pending = null,
    ILogger<DigestProducer>? logger = null) : IDigestProducer
{
    /// <summary>
    /// Builds of one digest at most: each build after the first follows the removal of at least one orphaned entry, so this
    /// many means a projection far out of step with the responses table (rebuild it); the digest is refused rather than
    /// published with a quote not confirmed.
    /// </summary>
    public const int MaxBuilds = 8;

    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <inheritdoc />
    public async Task<IReadOnlyList<DigestFile>> ProduceAsync(DigestPeriod period, CancellationToken cancellationToken = default) =>
        DigestRenderer.RenderAll(await BuildAsync(period, cancellationToken));

    /// <summary>The model of <paramref name="period"/>.</summary>
    /// <exception cref="InvalidOperationException">Read from the projection, quoted responses kept turning out withdrawn after <see cref="MaxBuilds"/> builds.</exception>
    public async Task<DigestModel> BuildAsync(DigestPeriod period, CancellationToken cancellationToken = default)
    {
        var surveyList = await surveys.ListAsync(cancellationToken);
        var actionList = new List<ActionRecord>();
        foreach (var q in Quarter.Overlapping(period.FromUtc, period.ToUtc))
        {
            actionList.AddRange(await actions.ListAsync(q, cancellationToken));
        }
        var (raised, reviewed) = await CountConcernsAsync(period, cancellationToken);
        if (!UsesProjection)
        {
            return await BuildOnceAsync(period, surveyList, actionList, raised, reviewed, null, cancellationToken);
        }

        // Responses found gone (left out of every later build) and found present (not read again).
        var gone = new HashSet<string>(StringComparer.Ordinal);
        var confirmed = new HashSet<string>(StringComparer.Ordinal);
        for (var build = 1; build <= MaxBuilds; build++)
        {
            var model = await BuildOnceAsync(period, surveyList, actionList, raised, reviewed, gone, cancellationToken);
            var found = 0;
            foreach (var id in QuotedResponseIds(model))
            {
                if (confirmed.Contains(id) || gone.Contains(id))
                {
                    continue;
                }
                if (await responses.FindAsync(id, cancellationToken) is not null)
                {
                    confirmed.Add(id);
                    continue;
                }
                // Withdrawn while it was being analysed: the analysis wrote the entry after the withdrawal deleted it.
                gone.Add(id);
                await projection!.DeleteAsync(id, cancellationToken);
                found++;
            }
            if (found == 0)
            {
                return model;
            }
            LogOrphans(_logger, found, period.Key);
        }
        throw new InvalidOperationException(
            $"Quoted responses of {period.Key} were still found withdrawn after {MaxBuilds} builds; rebuild the digest projection for the period.");
    }

    /// <summary>Every response quoted in <paramref name="model"/>, in the order quoted, each once.</summary>
    private static IEnumerable<string> QuotedResponseIds(DigestModel model)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in model.Audiences)
        {
            foreach (var t in a.Themes)
            {
                foreach (var id in t.QuoteResponseIds)
                {
                    if (seen.Add(id))
                    {
                        yield return id;
                    }
                }
            }
        }
    }

    /// <summary>One build of <paramref name="period"/>, leaving out the responses in <paramref name="excluded"/>.</summary>
    private async Task<DigestModel> BuildOnceAsync(DigestPeriod period, IReadOnlyList<Survey> surveyList, List<ActionRecord> actionList,
        int raised, int reviewed, HashSet<string>? excluded, CancellationToken cancellationToken)
    {
        var builder = new DigestBuilder(period, surveyList, options.Value.Title);
        var previous = period.Previous;
        if (UsesProjection && previous.ToUtc == period.FromUtc)
        {
            // Both periods in one read (one query for the pending responses, every shard of both quarters at once), each
            // response given to the period it was received in.
            await ReadAsync(previous.FromUtc, period.ToUtc, r =>
            {
                if (r.ReceivedUtc >= period.FromUtc)
                {
                    builder.Add(r);
                }
                else
                {
                    builder.AddPrevious(r);
                }
            }, excluded, cancellationToken);
        }
        else
        {
            await ReadAsync(period.FromUtc, period.ToUtc, builder.Add, excluded, cancellationToken);
            await ReadAsync(previous.FromUtc, previous.ToUtc, builder.AddPrevious, excluded, cancellationToken);
        }
        builder.AddActions(actionList);
        return builder.Build(raised, reviewed);
    }

    private async Task<(int Raised, int Reviewed)> CountConcernsAsync(DigestPeriod period, CancellationToken cancellationToken)
    {
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
        return (raised, reviewed);
    }

    /// <summary>Whether responses are read from the digest projection (else from the responses repository).</summary>
    public bool UsesProjection => projection is not null && pending is not null;

    /// <summary>Gives <paramref name="add"/> every response received in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    private async Task ReadAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, Action<SurveyResponse> add, HashSet<string>? excluded,
        CancellationToken cancellationToken)
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
            if (!waiting.Contains(entry.Id) && excluded?.Contains(entry.Id) != true)
            {
                add(entry.ToResponse());
            }
        }
    }
}

public sealed partial class DigestProducer
{
    [LoggerMessage(LogLevel.Warning, "Digest {PeriodKey}: {Count} quoted responses were withdrawn but still in the digest projection; left out, their entries deleted, digest built again")]
    private static partial void LogOrphans(ILogger logger, int count, string periodKey);
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
