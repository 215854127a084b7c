using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Surveys;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedbackCollector.Cli.Commands;

/// <summary>
/// <c>feedback surveys seed|list|show|create|update|open|close</c>: survey definitions, with the same checks as the officer API
/// (the same handler does the work).
/// </summary>
[CliFlags("open")]
[RequiresUnreferencedCode("Survey definitions go through FeedbackJson.Options, the core's reflection-based JSON; JIT build only.")]
[RequiresDynamicCode("Survey definitions go through FeedbackJson.Options, the core's reflection-based JSON; JIT build only.")]
public sealed class SurveysCommand : ICliCommand
{
    private readonly ICliStorage _storage;
    private readonly TimeProvider _time;

    /// <summary>The command with storage from the environment.</summary>
    public SurveysCommand()
        : this(new CliStorage(), TimeProvider.System)
    {
    }

    /// <summary>The command with the given storage and clock.</summary>
    public SurveysCommand(ICliStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    /// <inheritdoc />
    public string Name => "surveys";

    /// <inheritdoc />
    public string Summary => "Create, edit, open, close and list surveys; seed the default surveys.";

    /// <inheritdoc />
    public string Usage => """
        Usage:
          feedback surveys seed [--open]              add the default surveys that are missing (children, young-people, parents, practitioners)
          feedback surveys list
          feedback surveys show --code CODE           print the definition as JSON
          feedback surveys create --file F [--open]   create from a JSON definition (see 'show' for the shape)
          feedback surveys update --code CODE --file F
          feedback surveys open --code CODE
          feedback surveys close --code CODE
        Options:
          --connection CS   Storage connection string (default: the Storage environment variable, else UseDevelopmentStorage=true).
        Exit codes: 0 done, 1 refused (invalid, not found, conflict), 2 usage, 3 storage unavailable.
        """;

    /// <inheritdoc />
    public Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Positionals.Count != 1)
        {
            throw new CliUsageException("Give one action: seed, list, show, create, update, open or close.");
        }
        var action = args.Positionals[0];
        var connection = args.Get("connection");
        var open = args.Has("open");
        var code = action is "show" or "update" or "open" or "close" ? args.Require("code") : null;
        var file = action is "create" or "update" ? args.Require("file") : null;
        if (action is not ("seed" or "list" or "show" or "create" or "update" or "open" or "close"))
        {
            throw new CliUsageException($"Unknown action '{action}'.");
        }
        args.RejectUnknown();
        JsonElement body = default;
        if (file is not null)
        {
            body = ReadDefinition(file);
        }

        return CliStorage.RunAsync(console, async () =>
        {
            var repo = await _storage.OpenSurveysAsync(connection, cancellationToken);
            var handler = new SurveyAdminHandler(repo, new SurveyCache(repo, _time), _time, NullLogger<SurveyAdminHandler>.Instance);
            switch (action)
            {
                case "seed":
                    foreach (var d in DefaultSurveys.All())
                    {
                        var created = await handler.CreateAsync(JsonSerializer.SerializeToElement(d with { Status = open ? SurveyStatus.Open : SurveyStatus.Draft }, FeedbackJson.Options), cancellationToken);
                        var note = created.Kind == OutcomeKind.Created ? "created" : "already there";
                        if (open && created.Kind != OutcomeKind.Created)
                        {
                            note += ", " + ((await handler.SetStatusAsync(d.Code!, SurveyStatus.Open, cancellationToken)).Kind == OutcomeKind.Ok ? "open" : "could not open");
                        }
                        await console.Error.WriteLineAsync($"{d.Code,-14} {note}");
                    }
                    return 0;
                case "list":
                    foreach (var s in (await repo.ListAsync(cancellationToken)).OrderBy(s => s.Code, StringComparer.Ordinal))
                    {
                        await console.Out.WriteLineAsync($"{s.Code,-24} {FeedbackJson.WireName(s.Status),-8} {FeedbackJson.WireName(s.Audience),-14} {s.Questions.Count,3} questions  {s.Title}");
                    }
                    return 0;
                case "show":
                    return await Report(console, await handler.GetAsync(code!, cancellationToken), print: true);
                case "create":
                    if (open)
                    {
                        body = WithStatus(body, "open");
                    }
                    return await Report(console, await handler.CreateAsync(body, cancellationToken), print: false);
                case "update":
                    return await Report(console, await handler.UpdateAsync(code!, body, null, cancellationToken), print: false);
                default:
                    return await Report(console, await handler.SetStatusAsync(code!, action == "open" ? SurveyStatus.Open : SurveyStatus.Closed, cancellationToken), print: false);
            }
        });
    }

    private static JsonElement ReadDefinition(string file)
    {
        try
        {
            using var doc = JsonDocument.Parse(file == "-" ? Console.In.ReadToEnd() : File.ReadAllText(file));
            return doc.RootElement.Clone();
        }
        catch (IOException ex)
        {
            throw new CliUsageException($"Cannot read {file}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliUsageException($"Cannot read {file}: {ex.Message}");
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"{file} is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}");
        }
    }

    private static JsonElement WithStatus(JsonElement body, string status)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return body;
        }
        var dict = body.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        dict["status"] = JsonSerializer.SerializeToElement(status);
        return JsonSerializer.SerializeToElement(dict);
    }

    private static async Task<int> Report(CliConsole console, Outcome outcome, bool print)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok or OutcomeKind.Created:
                if (print)
                {
                    await console.Out.WriteLineAsync(JsonSerializer.Serialize(outcome.Value, new JsonSerializerOptions(FeedbackJson.Options) { WriteIndented = true }));
                }
                else if (outcome.Value is Survey s)
                {
                    await console.Error.WriteLineAsync($"{s.Code}: {FeedbackJson.WireName(s.Status)}, {s.Questions.Count} questions.");
                }
                return 0;
            case OutcomeKind.Invalid:
                await console.Error.WriteLineAsync(outcome.Message);
                foreach (var (field, error) in outcome.Errors ?? new Dictionary<string, string>())
                {
                    await console.Error.WriteLineAsync($"  {field}: {error}");
                }
                return 1;
            default:
                await console.Error.WriteLineAsync(outcome.Message);
                return 1;
        }
    }
}
