using System.Text.RegularExpressions;

namespace FeedbackCollector.Core.Surveys;

/// <summary>The limits and checks that keep survey definitions safe and anonymous.</summary>
public static partial class SurveyRules
{
    /// <summary>Longest free-text answer accepted, in characters.</summary>
    public const int MaxFreeTextLength = 4000;

    /// <summary>Most questions a survey may have.</summary>
    public const int MaxQuestions = 40;

    /// <summary>Most options a choice question may have.</summary>
    public const int MaxOptions = 20;

    /// <summary>Most venues a survey may have.</summary>
    public const int MaxVenues = 200;

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    // A survey must never ask who someone is: the product promises anonymity.
    [GeneratedRegex(@"\b(your|ur)\s+(full\s+|first\s+|last\s+|sur)?name\b|\bsurname\b|\b(e-?mail|phone|mobile|telephone)\s*(number|address)?\b|\bhome\s+address\b|\bdate\s+of\s+birth\b|\bpostcode\b|\bcontact\s+details\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdentifyingQuestion();

    /// <summary>True when <paramref name="code"/> is a valid survey code (3-40 of a-z, 0-9 and inner hyphens).</summary>
    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>Checks a definition; returns field-keyed problems (empty when valid).</summary>
    public static IReadOnlyDictionary<string, string> Validate(Survey survey)
    {
        var errors = new Dictionary<string, string>();
        if (!IsValidCode(survey.Code))
        {
            errors["code"] = "Use 3 to 40 characters: lower-case letters, digits and inner hyphens.";
        }
        if (string.IsNullOrWhiteSpace(survey.Title) || survey.Title.Length > 200)
        {
            errors["title"] = "A title of 1 to 200 characters is required.";
        }
        if (survey.Intro is { Length: > 2000 })
        {
            errors["intro"] = "The introduction is at most 2,000 characters.";
        }
        if (survey.Questions.Count == 0 || survey.Questions.Count > MaxQuestions)
        {
            errors["questions"] = $"A survey has 1 to {MaxQuestions} questions.";
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < survey.Questions.Count; i++)
        {
            var q = survey.Questions[i];
            var at = $"questions[{i}]";
            if (q is null)
            {
                errors[at] = "A question is missing.";
                continue;
            }
            if (q.Id is null || !IdPattern().IsMatch(q.Id))
            {
                errors[at + ".id"] = "Use 1 to 40 characters: lower-case letters, digits, '-' and '_'.";
            }
            else if (!seen.Add(q.Id))
            {
                errors[at + ".id"] = $"The id '{q.Id}' is used twice.";
            }
            if (string.IsNullOrWhiteSpace(q.Text) || q.Text.Length > 500)
            {
                errors[at + ".text"] = "Question text of 1 to 500 characters is required.";
            }
            else if (IdentifyingQuestion().IsMatch(q.Text) || (q.Hint is not null && IdentifyingQuestion().IsMatch(q.Hint)))
            {
                errors[at + ".text"] = "Surveys are anonymous: a question may not ask for a name or contact details.";
            }
            var needsOptions = q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.AgeBand;
            if (needsOptions)
            {
                if (q.Options.Count < 2 || q.Options.Count > MaxOptions)
                {
                    errors[at + ".options"] = $"A {FeedbackJson.WireName(q.Kind)} question has 2 to {MaxOptions} options.";
                }
                var optionIds = new HashSet<string>(StringComparer.Ordinal);
                foreach (var o in q.Options)
                {
                    if (o is null || o.Id is null || !IdPattern().IsMatch(o.Id) || !optionIds.Add(o.Id) || string.IsNullOrWhiteSpace(o.Text))
                    {
                        errors[at + ".options"] = "Each option needs a unique id (lower-case letters, digits, '-', '_') and text.";
                        break;
                    }
                }
            }
            else if (q.Options.Count > 0)
            {
                errors[at + ".options"] = $"A {FeedbackJson.WireName(q.Kind)} question has no options.";
            }
            if (q.Kind == QuestionKind.FreeText)
            {
                if (q.MaxLength is < 1 or > MaxFreeTextLength)
                {
                    errors[at + ".maxLength"] = $"maxLength is 1 to {MaxFreeTextLength}.";
                }
                if (q.Required)
                {
                    errors[at + ".required"] = "Free text is never required: nobody should have to write.";
                }
            }
            if (q.Kind == QuestionKind.AgeBand && q.Required)
            {
                errors[at + ".required"] = "The age band is always optional.";
            }
        }
        CheckVenues(survey.Venues, errors);
        return errors;
    }

    private static void CheckVenues(IReadOnlyList<SurveyVenue>? venues, Dictionary<string, string> errors)
    {
        if (venues is null)
        {
            errors["venues"] = "venues must be a list (empty for none).";
            return;
        }
        if (venues.Count > MaxVenues)
        {
            errors["venues"] = $"A survey has at most {MaxVenues} venues.";
            return;
        }
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < venues.Count; i++)
        {
            var v = venues[i];
            var at = $"venues[{i}]";
            if (v is null)
            {
                errors[at] = "A venue is missing.";
                continue;
            }
            if (!Responses.VenueCode.IsValid(v.Code))
            {
                errors[at + ".code"] = "Use 1 to 40 characters: lower-case letters, digits and hyphens.";
            }
            else if (!codes.Add(v.Code))
            {
                errors[at + ".code"] = $"The venue code '{v.Code}' is used twice.";
            }
            if (string.IsNullOrWhiteSpace(v.Name) || v.Name.Length > 100)
            {
                errors[at + ".name"] = "A venue name of 1 to 100 characters is required.";
            }
        }
    }
}
