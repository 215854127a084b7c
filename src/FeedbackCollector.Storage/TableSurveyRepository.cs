using Azure;
using Azure.Data.Tables;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Storage;

/// <summary>
/// Surveys in one partition (there are tens, not millions), row key = code. The definition is a JSON column; title,
/// status and audience are also columns so that the table reads well in Storage Explorer. Updates are conditional on the ETag.
/// </summary>
public sealed class TableSurveyRepository : ISurveyRepository
{
    /// <summary>The one partition key.</summary>
    public const string Partition = "survey";

    private const string Definition = "Definition";
    private readonly TableClient _table;

    /// <summary>Uses the surveys table named by <paramref name="names"/>.</summary>
    public TableSurveyRepository(TableServiceClient tables, IOptions<StorageNamesOptions> names)
    {
        _table = tables.GetTableClient(names.Value.SurveysTable);
    }

    /// <inheritdoc />
    public Task<Survey?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("find survey", async ct =>
        {
            if (!SurveyRules.IsValidCode(code))
            {
                return null;
            }
            var got = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, code, cancellationToken: ct).ConfigureAwait(false);
            return got.HasValue ? ToSurvey(got.Value!) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Survey>> ListAsync(CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync<IReadOnlyList<Survey>>("list surveys", async ct =>
        {
            var list = new List<Survey>();
            await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct).ConfigureAwait(false))
            {
                list.Add(ToSurvey(e));
            }
            return list;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<Survey?> TryAddAsync(Survey survey, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("add survey", async ct =>
        {
            ArgumentNullException.ThrowIfNull(survey);
            try
            {
                var response = await _table.AddEntityAsync(ToEntity(survey), ct).ConfigureAwait(false);
                return survey with { ETag = response.Headers.ETag?.ToString() };
            }
            catch (RequestFailedException ex) when (StorageFaults.IsConflict(ex))
            {
                return null;
            }
        }, cancellationToken);

    /// <inheritdoc />
    public Task<Survey> UpdateAsync(Survey survey, CancellationToken cancellationToken = default) =>
        StorageFaults.RunAsync("update survey", async ct =>
        {
            ArgumentNullException.ThrowIfNull(survey);
            if (string.IsNullOrEmpty(survey.ETag))
            {
                throw new ArgumentException("An update needs the ETag of the survey as read.", nameof(survey));
            }
            try
            {
                var response = await _table.UpdateEntityAsync(ToEntity(survey), new ETag(survey.ETag), TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return survey with { ETag = response.Headers.ETag?.ToString() };
            }
            catch (RequestFailedException ex) when (StorageFaults.IsPreconditionFailed(ex) || StorageFaults.IsNotFound(ex))
            {
                throw new ConcurrencyConflictException(ex.Status == 404
                    ? $"Survey '{survey.Code}' was deleted since it was read."
                    : $"Survey '{survey.Code}' was changed since it was read.");
            }
        }, cancellationToken);

    private static TableEntity ToEntity(Survey survey)
    {
        var e = new TableEntity(Partition, survey.Code)
        {
            ["Title"] = survey.Title,
            ["Status"] = FeedbackJson.WireName(survey.Status),
            ["Audience"] = FeedbackJson.WireName(survey.Audience),
            ["UpdatedUtc"] = survey.UpdatedUtc,
        };
        TableColumns.SetChunked(e, Definition, TableColumns.ToJson(survey with { ETag = null }));
        return e;
    }

    private static Survey ToSurvey(TableEntity e)
    {
        var survey = TableColumns.FromJson<Survey>(TableColumns.GetChunked(e, Definition))
                     ?? throw new InvalidDataException($"Survey {e.RowKey} has no definition.");
        return survey with { ETag = e.ETag.ToString() };
    }
}
