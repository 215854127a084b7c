using System.Text.Json;
using FeedbackCollector.Core.Surveys;

namespace FeedbackCollector.Core.Responses;

/// <summary>A submission that passed validation, ready to store.</summary>
public sealed record ValidSubmission(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Answers,
    IReadOnlyList<FreeTextAnswer> FreeText,
    string? Venue,
    Channel Channel);

/// <summary>
/// Reads and checks a submission body against its survey: <c>{"answers": {"q1": 4, "q2": "yes", "q3": ["a","b"], "q4": "text"},
/// "venue": "oak-youth", "channel": "qr"}</c>. Problems are keyed by JSON path so the caller can name the field.
/// </summary>
public static class SubmissionParser
{
    private static readonly string[] YesNo = ["yes", "not-sure", "no"];

    /// <summary>Parses and validates; returns the submission or the field errors (never both).</summary>
    public static (ValidSubmission? Submission, IReadOnlyDictionary<string, string> Errors) Parse(JsonElement body, Survey survey)
    {
        var errors = new Dictionary<string, string>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = "The body must be a JSON object.";
            return (null, errors);
        }
        string? venue = null;
        var channel = Channel.Web;
        JsonElement answers = default;
        foreach (var p in body.EnumerateObject())
        {
            switch (p.Name)
            {
                case "answers":
                    answers = p.Value;
                    break;
                case "venue":
                    if (p.Value.ValueKind == JsonValueKind.Null)
                    {
                        break;
                    }
                    venue = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
                    if (!VenueCode.IsValid(venue))
                    {
                        errors["venue"] = "A venue is 1 to 40 characters: lower-case letters, digits and hyphens.";
                        venue = null;
                    }
                    break;
                case "channel":
                    if (p.Value.ValueKind != JsonValueKind.String || !FeedbackJson.TryParseWireName(p.Value.GetString(), out channel)
                        || channel is not (Channel.Web or Channel.Qr))
                    {
                        errors["channel"] = "channel is 'web' or 'qr'.";
                    }
                    break;
                default:
                    // Unknown fields are refused rather than dropped: a client sending a name field must not think it was kept.
                    errors[p.Name] = "Unknown field.";
                    break;
            }
        }
        if (answers.ValueKind != JsonValueKind.Object)
        {
            errors["answers"] = "answers must be an object of question id to answer.";
            return (null, errors);
        }

        var byId = survey.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var closed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var free = new List<FreeTextAnswer>();
        foreach (var a in answers.EnumerateObject())
        {
            var path = "answers." + a.Name;
            if (!byId.TryGetValue(a.Name, out var q))
            {
                errors[path] = "No such question in this survey.";
                continue;
            }
            if (a.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            switch (q.Kind)
            {
                case QuestionKind.EmojiScale:
                    if (a.Value.ValueKind == JsonValueKind.Number && a.Value.TryGetInt32(out var n) && n is >= 1 and <= 5)
                    {
                        closed[q.Id] = [n.ToString(System.Globalization.CultureInfo.InvariantCulture)];
                    }
                    else
                    {
                        errors[path] = "An emoji-scale answer is a whole number from 1 to 5.";
                    }
                    break;
                case QuestionKind.YesNotSureNo:
                    if (a.Value.ValueKind == JsonValueKind.String && YesNo.Contains(a.Value.GetString()))
                    {
                        closed[q.Id] = [a.Value.GetString()!];
                    }
                    else
                    {
                        errors[path] = "Answer 'yes', 'not-sure' or 'no'.";
                    }
                    break;
                case QuestionKind.SingleChoice:
                case QuestionKind.AgeBand:
                    if (a.Value.ValueKind == JsonValueKind.String && q.Options.Any(o => o.Id == a.Value.GetString()))
                    {
                        closed[q.Id] = [a.Value.GetString()!];
                    }
                    else
                    {
                        errors[path] = "Answer one of: " + string.Join(", ", q.Options.Select(o => o.Id)) + ".";
                    }
                    break;
                case QuestionKind.MultipleChoice:
                    var picked = new List<string>();
                    var ok = a.Value.ValueKind == JsonValueKind.Array;
                    if (ok)
                    {
                        foreach (var item in a.Value.EnumerateArray())
                        {
                            var id = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                            if (id is null || !q.Options.Any(o => o.Id == id) || picked.Contains(id))
                            {
                                ok = false;
                                break;
                            }
                            picked.Add(id);
                        }
                    }
                    if (ok)
                    {
                        closed[q.Id] = picked;
                    }
                    else
                    {
                        errors[path] = "Answer an array of distinct options from: " + string.Join(", ", q.Options.Select(o => o.Id)) + ".";
                    }
                    break;
                case QuestionKind.FreeText:
                    if (a.Value.ValueKind != JsonValueKind.String)
                    {
                        errors[path] = "A free-text answer is a string.";
                        break;
                    }
                    var text = a.Value.GetString()!.Trim();
                    var max = Math.Min(q.MaxLength ?? SurveyRules.MaxFreeTextLength, SurveyRules.MaxFreeTextLength);
                    if (text.Length > max)
                    {
                        errors[path] = $"At most {max:N0} characters (this has {text.Length:N0}).";
                    }
                    else if (text.Length > 0)
                    {
                        free.Add(new FreeTextAnswer(q.Id, text));
                    }
                    break;
            }
        }
        foreach (var q in survey.Questions.Where(q => q.Required))
        {
            if (!closed.ContainsKey(q.Id) && !errors.ContainsKey("answers." + q.Id))
            {
                errors["answers." + q.Id] = "This question needs an answer.";
            }
        }
        if (errors.Count == 0 && closed.Count == 0 && free.Count == 0)
        {
            errors["answers"] = "Answer at least one question.";
        }
        return errors.Count > 0 ? (null, errors) : (new ValidSubmission(closed, free, venue, channel), errors);
    }
}

/// <summary>Venue codes: where a response came from, never who.</summary>
public static class VenueCode
{
    /// <summary>True for 1 to 40 characters of lower-case letters, digits and hyphens.</summary>
    public static bool IsValid(string? venue) =>
        venue is { Length: >= 1 and <= 40 } && venue.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
