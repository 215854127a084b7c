using System.Text.Json;

namespace FeedbackCollector.Core.Surveys;

/// <summary>
/// The surveys that ship with the product, written from what children, parents and practitioners say matters:
/// children (8-12, simpler words), young people (13+), parents and carers, practitioners.
/// </summary>
public static class DefaultSurveys
{
    /// <summary>Codes of the default surveys.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["children", "young-people", "parents", "practitioners"];

    /// <summary>Every default survey as a draft definition, valid by <see cref="SurveyRules"/>.</summary>
    public static IReadOnlyList<SurveyDefinition> All() => Codes.Select(Load).ToList();

    /// <summary>One default survey by code.</summary>
    public static SurveyDefinition Load(string code)
    {
        var name = $"{typeof(DefaultSurveys).Namespace}.Defaults.{code}.json";
        using var stream = typeof(DefaultSurveys).Assembly.GetManifestResourceStream(name)
                           ?? throw new ArgumentException($"There is no default survey '{code}'.", nameof(code));
        return JsonSerializer.Deserialize<SurveyDefinition>(stream, FeedbackJson.Options)
               ?? throw new InvalidDataException($"Default survey '{code}' is empty.");
    }
}
