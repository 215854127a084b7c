using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Evaluation;

/// <summary>
/// Scores analysis results against hand labels. Pure: no I/O, no analyzer; the caller pairs each labelled item with
/// the result for it (same order, same id).
/// </summary>
public static class Evaluator
{
    private const string None = "(none)";

    /// <summary>Computes every figure.</summary>
    /// <param name="items">The labelled items.</param>
    /// <param name="results">One result per item, in the same order and with the same ids.</param>
    /// <param name="knownThemes">Theme ids to report even when neither labelled nor predicted (the taxonomy), in display order.</param>
    public static EvaluationReport Evaluate(IReadOnlyList<LabelledItem> items, IReadOnlyList<AnalysisResult> results, IEnumerable<string>? knownThemes = null)
    {
        CheckPaired(items, results);

        var themeOrder = new List<string>();
        var themeCounts = new Dictionary<string, int[]>(StringComparer.Ordinal); // [tp, fp, fn]
        foreach (var id in knownThemes ?? [])
        {
            Theme(id);
        }
        var knownCount = themeOrder.Count;

        var sentimentConfusion = new int[4, 4];
        var sentimentCorrect = 0;

        int concernTp = 0, concernFp = 0, concernFn = 0, concernCategoryCorrect = 0;
        var categories = Enum.GetValues<ConcernCategory>();
        var perCategory = new int[categories.Length, 3]; // labelled, flagged, category correct

        var piiTypes = Enum.GetValues<PiiType>();
        var piiPerType = new int[piiTypes.Length, 2]; // labelled, removed
        int piiLabelled = 0, piiRemoved = 0, clean = 0, cleanAltered = 0;

        var languageCorrect = 0;

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var result = results[i];

            var predicted = PredictedThemes(result);
            foreach (var t in item.Themes)
            {
                Theme(t)[predicted.Contains(t) ? 0 : 2]++;
            }
            foreach (var t in predicted)
            {
                if (!item.Themes.Contains(t, StringComparer.Ordinal))
                {
                    Theme(t)[1]++;
                }
            }

            sentimentConfusion[(int)item.Sentiment, (int)result.Sentiment.Label]++;
            if (item.Sentiment == result.Sentiment.Label)
            {
                sentimentCorrect++;
            }

            var flagged = result.Concern.Flagged;
            if (item.Concern is { } labelledCategory)
            {
                var c = (int)labelledCategory;
                perCategory[c, 0]++;
                if (flagged)
                {
                    concernTp++;
                    perCategory[c, 1]++;
                    if (result.Concern.Category == labelledCategory)
                    {
                        concernCategoryCorrect++;
                        perCategory[c, 2]++;
                    }
                }
                else
                {
                    concernFn++;
                }
            }
            else if (flagged)
            {
                concernFp++;
            }

            if (item.Pii.Count == 0)
            {
                clean++;
                if (!string.Equals(item.Text, result.RedactedText, StringComparison.Ordinal))
                {
                    cleanAltered++;
                }
            }
            else
            {
                foreach (var (pii, removed) in PiiOutcomes(item, result.RedactedText))
                {
                    piiLabelled++;
                    piiPerType[(int)pii.Type, 0]++;
                    if (removed)
                    {
                        piiRemoved++;
                        piiPerType[(int)pii.Type, 1]++;
                    }
                }
            }

            if (string.Equals(item.Language, result.Language, StringComparison.OrdinalIgnoreCase))
            {
                languageCorrect++;
            }
        }

        // Themes outside the known list (typos in labels, or an analyzer's extra themes) follow, by id.
        themeOrder.Sort(knownCount, themeOrder.Count - knownCount, StringComparer.Ordinal);
        var themes = themeOrder
            .Select(id => new ThemeMetrics(id, themeCounts[id][0], themeCounts[id][1], themeCounts[id][2]))
            .ToList();

        var confusion = new Dictionary<SentimentLabel, IReadOnlyDictionary<SentimentLabel, int>>();
        foreach (var expected in Enum.GetValues<SentimentLabel>())
        {
            var row = new Dictionary<SentimentLabel, int>();
            foreach (var actual in Enum.GetValues<SentimentLabel>())
            {
                row[actual] = sentimentConfusion[(int)expected, (int)actual];
            }
            confusion[expected] = row;
        }

        var categoryMetrics = categories
            .Select(c => new ConcernCategoryMetrics(c, perCategory[(int)c, 0], perCategory[(int)c, 1], perCategory[(int)c, 2]))
            .ToList();
        var typeMetrics = piiTypes
            .Where(t => piiPerType[(int)t, 0] > 0)
            .Select(t => new PiiTypeMetrics(t, piiPerType[(int)t, 0], piiPerType[(int)t, 1]))
            .ToList();

        return new EvaluationReport(
            items.Count,
            themes,
            new SentimentMetrics(items.Count, sentimentCorrect, confusion),
            new ConcernMetrics(concernTp, concernFp, concernFn, concernCategoryCorrect, categoryMetrics),
            new RedactionMetrics(piiLabelled, piiRemoved, clean, cleanAltered, typeMetrics),
            new LanguageMetrics(items.Count, languageCorrect));

        int[] Theme(string id)
        {
            if (!themeCounts.TryGetValue(id, out var counts))
            {
                counts = new int[3];
                themeCounts[id] = counts;
                themeOrder.Add(id);
            }
            return counts;
        }
    }

    /// <summary>Every mistake, item by item, in item order and within an item in the order of <see cref="EvaluationErrorKind"/>.</summary>
    public static IReadOnlyList<EvaluationError> FindErrors(IReadOnlyList<LabelledItem> items, IReadOnlyList<AnalysisResult> results)
    {
        CheckPaired(items, results);
        var errors = new List<EvaluationError>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var result = results[i];
            var predicted = PredictedThemes(result);
            var predictedList = predicted.Count == 0 ? None : string.Join(", ", result.Themes.Select(t => t.ThemeId).Distinct(StringComparer.Ordinal));
            var labelledList = item.Themes.Count == 0 ? None : string.Join(", ", item.Themes);

            foreach (var t in item.Themes)
            {
                if (!predicted.Contains(t))
                {
                    errors.Add(new(EvaluationErrorKind.ThemeMissed, item.Id, item.Text, t, predictedList));
                }
            }
            foreach (var t in result.Themes.Select(t => t.ThemeId).Distinct(StringComparer.Ordinal))
            {
                if (!item.Themes.Contains(t, StringComparer.Ordinal))
                {
                    errors.Add(new(EvaluationErrorKind.ThemeExtra, item.Id, item.Text, labelledList, t));
                }
            }

            if (item.Sentiment != result.Sentiment.Label)
            {
                errors.Add(new(EvaluationErrorKind.Sentiment, item.Id, item.Text, WireNames.Of(item.Sentiment), WireNames.Of(result.Sentiment.Label)));
            }

            var actualConcern = result.Concern.Flagged
                ? result.Concern.Category is { } cat ? WireNames.Of(cat) : "flagged"
                : None;
            if (item.Concern is { } labelled)
            {
                if (!result.Concern.Flagged)
                {
                    errors.Add(new(EvaluationErrorKind.ConcernMissed, item.Id, item.Text, WireNames.Of(labelled), actualConcern));
                }
                else if (result.Concern.Category != labelled)
                {
                    errors.Add(new(EvaluationErrorKind.ConcernCategory, item.Id, item.Text, WireNames.Of(labelled), actualConcern));
                }
            }
            else if (result.Concern.Flagged)
            {
                errors.Add(new(EvaluationErrorKind.ConcernFalseAlarm, item.Id, item.Text, None, actualConcern));
            }

            if (item.Pii.Count == 0)
            {
                if (!string.Equals(item.Text, result.RedactedText, StringComparison.Ordinal))
                {
                    errors.Add(new(EvaluationErrorKind.FalseRedaction, item.Id, item.Text, None, result.RedactedText));
                }
            }
            else
            {
                foreach (var (pii, removed) in PiiOutcomes(item, result.RedactedText))
                {
                    if (!removed)
                    {
                        errors.Add(new(EvaluationErrorKind.PiiMissed, item.Id, item.Text, $"{WireNames.Of(pii.Type)}: {pii.Text}", result.RedactedText));
                    }
                }
            }

            if (!string.Equals(item.Language, result.Language, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new(EvaluationErrorKind.Language, item.Id, item.Text, item.Language, result.Language));
            }
        }
        return errors;
    }

    /// <summary>
    /// Counts non-overlapping occurrences of <paramref name="needle"/> in <paramref name="haystack"/> (ordinal), where an
    /// edge of the needle that is a letter or digit must not continue into a letter or digit of the haystack, so that the
    /// name "Al" is not found in "Also" and "will" is not found in "willing".
    /// </summary>
    public static int CountOccurrences(string haystack, string needle)
    {
        ArgumentNullException.ThrowIfNull(haystack);
        ArgumentException.ThrowIfNullOrEmpty(needle);
        var checkStart = char.IsLetterOrDigit(needle[0]);
        var checkEnd = char.IsLetterOrDigit(needle[^1]);
        var count = 0;
        var from = 0;
        while (from <= haystack.Length - needle.Length)
        {
            var at = haystack.IndexOf(needle, from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }
            var end = at + needle.Length;
            var startOk = !checkStart || at == 0 || !char.IsLetterOrDigit(haystack[at - 1]);
            var endOk = !checkEnd || end == haystack.Length || !char.IsLetterOrDigit(haystack[end]);
            if (startOk && endOk)
            {
                count++;
                from = end;
            }
            else
            {
                from = at + 1;
            }
        }
        return count;
    }

    /// <summary>
    /// For each labelled occurrence, whether it is gone from the redacted text. A text labelled k times whose string
    /// occurs n times in the original and m times in the redacted text has min(k, n - m) occurrences removed: when the
    /// same string also occurs as an ordinary word ("will" the name and "will" the verb), only the labelled ones count.
    /// </summary>
    internal static IEnumerable<(LabelledPii Pii, bool Removed)> PiiOutcomes(LabelledItem item, string redactedText)
    {
        foreach (var group in item.Pii.GroupBy(p => p.Text, StringComparer.Ordinal))
        {
            var original = CountOccurrences(item.Text, group.Key);
            var remaining = CountOccurrences(redactedText, group.Key);
            var removed = Math.Max(0, original - remaining);
            foreach (var pii in group)
            {
                yield return (pii, removed-- > 0);
            }
        }
    }

    private static HashSet<string> PredictedThemes(AnalysisResult result)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in result.Themes)
        {
            set.Add(t.ThemeId);
        }
        return set;
    }

    private static void CheckPaired(IReadOnlyList<LabelledItem> items, IReadOnlyList<AnalysisResult> results)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(results);
        if (items.Count != results.Count)
        {
            throw new ArgumentException($"{items.Count} labelled items but {results.Count} results.", nameof(results));
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (!string.Equals(items[i].Id, results[i].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Result {i} has id '{results[i].Id}' but item {i} is '{items[i].Id}'.", nameof(results));
            }
        }
    }
}
