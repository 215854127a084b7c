using System.Globalization;
using System.Text.Json.Nodes;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Core.Surveys;

namespace FeedbackCollector.Web;

/// <summary>
/// Reads a posted survey form (<c>a.{question}</c> fields plus <c>k</c>, <c>v</c>, <c>c</c>, <c>lang</c> and the
/// honeypot <c>website</c>) into the collector's JSON submission, so a form post is checked by exactly the same rules
/// as the JSON API, and maps the API's field errors back to questions.
/// </summary>
public static class SurveyForm
{
    /// <summary>The honeypot field's name.</summary>
    public const string Honeypot = "website";

    /// <summary>The posted values by question id.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Values(Survey survey, IReadOnlyDictionary<string, IReadOnlyList<string>> form)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var q in survey.Questions)
        {
            if (form.TryGetValue("a." + q.Id, out var v) && v.Count > 0)
            {
                values[q.Id] = v;
            }
        }
        return values;
    }

    /// <summary>
    /// The JSON body for <see cref="SubmitResponseHandler"/>. Fields it does not know are passed on, so the handler
    /// refuses them exactly as the API does; empty answers (a blank text box, "I'd rather not say") are left out.
    /// </summary>
    public static JsonObject ToSubmission(Survey survey, IReadOnlyDictionary<string, IReadOnlyList<string>> form, string? venue, string channel)
    {
        var answers = new JsonObject();
        var byId = survey.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        foreach (var (name, vals) in form)
        {
            if (!name.StartsWith("a.", StringComparison.Ordinal))
            {
                continue;
            }
            var id = name[2..];
            var nonEmpty = vals.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
            if (!byId.TryGetValue(id, out var q))
            {
                answers[id] = vals.FirstOrDefault();
                continue;
            }
            if (nonEmpty.Count == 0)
            {
                continue;
            }
            answers[id] = q.Kind switch
            {
                QuestionKind.EmojiScale => int.TryParse(nonEmpty[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : JsonValue.Create(nonEmpty[0]),
                QuestionKind.MultipleChoice => new JsonArray(nonEmpty.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
                QuestionKind.FreeText => JsonValue.Create(string.Join('\n', nonEmpty)),
                _ => nonEmpty.Count == 1 ? JsonValue.Create(nonEmpty[0]) : new JsonArray(nonEmpty.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            };
        }
        var body = new JsonObject { ["answers"] = answers, ["channel"] = channel };
        if (venue is not null)
        {
            body["venue"] = venue;
        }
        return body;
    }

    /// <summary>
    /// The handler's field errors as page-text keys by question id. Returns false when an error names something that is
    /// not a question (a tampered form), which the page reports as one problem.
    /// </summary>
    public static bool TryMapErrors(Survey survey, IReadOnlyDictionary<string, string> errors, out Dictionary<string, string> byQuestion)
    {
        byQuestion = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (field, message) in errors)
        {
            var q = field.StartsWith("answers.", StringComparison.Ordinal) ? survey.Questions.FirstOrDefault(x => x.Id == field["answers.".Length..]) : null;
            if (q is null)
            {
                ok = false;
                continue;
            }
            byQuestion[q.Id] = message.StartsWith("This question needs an answer", StringComparison.Ordinal) ? "errorRequired"
                : message.StartsWith("At most", StringComparison.Ordinal) ? "errorTooLong"
                : "errorInvalid";
        }
        return ok;
    }

    /// <summary>The venue from a link or form, when valid (otherwise it is dropped: a bad venue never blocks an answer).</summary>
    public static string? Venue(string? venue) => VenueCode.IsValid(venue) ? venue : null;

    /// <summary><c>qr</c> or <c>web</c>.</summary>
    public static string Channel(string? channel) => channel == "qr" ? "qr" : "web";
}
