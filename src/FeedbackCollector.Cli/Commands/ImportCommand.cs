using System.Security.Cryptography;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Notes;
using FeedbackCollector.Core.Storage;
using FeedbackCollector.Notes;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackCollector.Cli.Commands;

/// <summary>
/// <c>feedback import</c>: brings in a CSV export of Microsoft Forms, Google Forms or SurveyMonkey. Each row with an
/// answer in the chosen free-text columns is stored as a response (channel import) and queued for analysis. The same
/// file imported twice is added once; <c>--dry-run</c> shows what would be imported.
/// </summary>
[CliFlags("dry-run")]
public sealed class ImportCommand : ICliCommand
{
    private readonly Func<string?, CancellationToken, Task<IServiceProvider>> _services;
    private readonly ICliFiles _files;

    /// <summary>Uses storage configured from the environment, and the disk.</summary>
    public ImportCommand()
        : this(CliServices.CreateAsync, DiskFiles.Instance)
    {
    }

    /// <summary>Uses the services <paramref name="services"/> gives and <paramref name="files"/> (tests).</summary>
    internal ImportCommand(Func<string?, CancellationToken, Task<IServiceProvider>> services, ICliFiles files)
    {
        _services = services;
        _files = files;
    }

    /// <inheritdoc />
    public string Name => "import";

    /// <inheritdoc />
    public string Summary => "Import a Microsoft Forms, Google Forms or SurveyMonkey CSV export; each answer is analysed as a response.";

    /// <inheritdoc />
    public string Usage => """
        Usage: feedback import --file F --source forms|google|surveymonkey --survey CODE --audience child|parent|practitioner
                               [--text-columns C1,C2...] [--date-column C] [--date-format FORMAT] [--dry-run] [--connection CS]

          --file F          The CSV export.
          --source          The tool it came from. SurveyMonkey exports have two header rows; both are read.
          --survey CODE     The survey code the answers are counted under in digests (3-40 of a-z, 0-9, -).
          --audience        Who answered: child, parent or practitioner.
          --text-columns    The free-text columns, by number (1 = first) or name, comma-separated; a name that holds a
                            comma is matched whole. Default: detected (long, varied answers). Columns holding a name,
                            email or IP address are never imported.
          --date-column     The column of when each answer was given, by number or name. Default: Completion time
                            (Forms), Timestamp (Google), End Date (SurveyMonkey).
          --date-format     An exact .NET date format (dd/MM/yyyy HH:mm) when the dates are not recognised. Times without a
                            zone are read as UTC.
          --dry-run         Show the columns and rows that would be imported, and store nothing.

          --connection CS   A storage connection string; the default is as for 'feedback digest'.
        """;

    /// <inheritdoc />
    public async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        var file = args.Require("file");
        var sourceText = args.Require("source");
        var textColumns = args.Get("text-columns");
        var dateColumn = args.Get("date-column");
        var dateFormat = args.Get("date-format");
        var dryRun = args.Has("dry-run");
        var survey = dryRun ? args.Get("survey") ?? "import" : args.Require("survey");
        var audienceText = dryRun ? args.Get("audience") ?? "unknown" : args.Require("audience");
        var connection = args.Get("connection");
        args.RejectUnknown();
        if (!SurveyExportReader.TryParseTool(sourceText, out var tool))
        {
            throw new CliUsageException("--source is forms, google or surveymonkey.");
        }
        if (!FeedbackJson.TryParseWireName<Audience>(audienceText, out var audience) || (!dryRun && audience is not (Audience.Child or Audience.Parent or Audience.Practitioner)))
        {
            throw new CliUsageException("--audience is child, parent or practitioner.");
        }
        if (!_files.Exists(file))
        {
            await console.Error.WriteLineAsync($"No file '{file}'.");
            return 1;
        }
        var bytes = await _files.ReadAllBytesAsync(file, cancellationToken);
        IReadOnlyList<ImportRow> rows;
        try
        {
            var table = SurveyExportReader.ReadTable(bytes, tool);
            var selection = SurveyExportReader.Select(table, tool, textColumns, dateColumn, dateFormat);
            foreach (var note in selection.Notes)
            {
                await console.Error.WriteLineAsync(note);
            }
            rows = SurveyExportReader.ReadRows(table, selection);
            await console.Error.WriteLineAsync($"{rows.Count:N0} rows with an answer, of {table.Rows.Count:N0}; text columns: " +
                string.Join("; ", selection.TextColumns.Select(c => $"{c.Number} '{c.Name}'")) + $"; date column: {selection.DateColumn.Number} '{selection.DateColumn.Name}'.");
        }
        catch (ExportFormatException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        if (dryRun)
        {
            foreach (var r in rows.Take(5))
            {
                await console.Out.WriteLineAsync($"line {r.Line}, {r.ReceivedUtc:yyyy-MM-dd HH:mm}Z: {r.Texts.Count} answer(s)");
            }
            return 0;
        }

        return await CliStorage.RunWithServicesAsync(console, _services, connection, async services =>
        {
            var request = new ImportRequest(Path.GetFileName(file), Convert.ToHexStringLower(SHA256.HashData(bytes)), SurveyExportReader.NameOf(tool), survey, audience, rows);
            var outcome = await services.GetRequiredService<ImportHandler>().HandleAsync(request, "cli:" + Environment.UserName, cancellationToken);
            switch (outcome.Kind)
            {
                case OutcomeKind.Accepted or OutcomeKind.Ok when outcome.Value is ImportReport report:
                    await console.Out.WriteLineAsync(report.Message);
                    return 0;
                case OutcomeKind.Invalid:
                    foreach (var (field, error) in outcome.Errors ?? new Dictionary<string, string>())
                    {
                        await console.Error.WriteLineAsync($"{field}: {error}");
                    }
                    return 1;
                case OutcomeKind.Unavailable:
                    // Stopped part-way: the message says how far it got; running it again finishes it.
                    await console.Error.WriteLineAsync(outcome.Message);
                    return CliStorage.UnavailableExitCode;
                default:
                    await console.Error.WriteLineAsync(outcome.Message ?? outcome.Kind.ToString());
                    return 1;
            }
        }, cancellationToken);
    }
}
