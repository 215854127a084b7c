using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Evaluation;

/// <summary>Counts for one label treated as a yes/no decision, with precision, recall and F1.</summary>
/// <param name="TruePositives">Predicted and labelled.</param>
/// <param name="FalsePositives">Predicted, not labelled.</param>
/// <param name="FalseNegatives">Labelled, not predicted.</param>
public record BinaryCounts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>How many items carry the label.</summary>
    public int Support => TruePositives + FalseNegatives;

    /// <summary>Share of predictions that were right; null when nothing was predicted.</summary>
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Share of labelled items that were found; null when nothing is labelled.</summary>
    public double? Recall => Support == 0 ? null : (double)TruePositives / Support;

    /// <summary>Harmonic mean of precision and recall, 2TP/(2TP+FP+FN); null when there is neither a label nor a prediction.</summary>
    public double? F1 => TruePositives + FalsePositives + FalseNegatives == 0
        ? null
        : 2.0 * TruePositives / (2.0 * TruePositives + FalsePositives + FalseNegatives);
}

/// <summary>Precision, recall and F1 of one theme.</summary>
/// <param name="ThemeId">The theme id.</param>
/// <param name="TruePositives">Texts where the theme was labelled and found.</param>
/// <param name="FalsePositives">Texts where it was found but not labelled.</param>
/// <param name="FalseNegatives">Texts where it was labelled but not found.</param>
public sealed record ThemeMetrics(string ThemeId, int TruePositives, int FalsePositives, int FalseNegatives)
    : BinaryCounts(TruePositives, FalsePositives, FalseNegatives);

/// <summary>Sentiment accuracy over the four labels and the confusion matrix.</summary>
/// <param name="Total">Items scored.</param>
/// <param name="Correct">Items whose predicted label equals the labelled one.</param>
/// <param name="Confusion">Counts by labelled sentiment (outer key) and predicted sentiment (inner key), every pair present.</param>
public sealed record SentimentMetrics(int Total, int Correct, IReadOnlyDictionary<SentimentLabel, IReadOnlyDictionary<SentimentLabel, int>> Confusion)
{
    /// <summary>Correct / Total; null for an empty set.</summary>
    public double? Accuracy => Total == 0 ? null : (double)Correct / Total;
}

/// <summary>Recall of the concern flag for one labelled category.</summary>
/// <param name="Category">The labelled category.</param>
/// <param name="Labelled">Items labelled with it.</param>
/// <param name="Flagged">Of those, how many were flagged at all.</param>
/// <param name="CategoryCorrect">Of those flagged, how many had this category as the leading one.</param>
public sealed record ConcernCategoryMetrics(ConcernCategory Category, int Labelled, int Flagged, int CategoryCorrect)
{
    /// <summary>Flagged / Labelled; null when none is labelled.</summary>
    public double? Recall => Labelled == 0 ? null : (double)Flagged / Labelled;
}

/// <summary>How well the concern flag separates disclosures from the rest, and whether the category is right.</summary>
/// <param name="TruePositives">Labelled concerns that were flagged.</param>
/// <param name="FalsePositives">Texts without a labelled concern that were flagged.</param>
/// <param name="FalseNegatives">Labelled concerns that were not flagged.</param>
/// <param name="CategoryCorrect">True positives whose leading category equals the labelled one.</param>
/// <param name="PerCategory">Recall by labelled category, in enum order.</param>
public sealed record ConcernMetrics(int TruePositives, int FalsePositives, int FalseNegatives, int CategoryCorrect, IReadOnlyList<ConcernCategoryMetrics> PerCategory)
    : BinaryCounts(TruePositives, FalsePositives, FalseNegatives)
{
    /// <summary>CategoryCorrect / TruePositives; null when nothing was rightly flagged.</summary>
    public double? CategoryAccuracy => TruePositives == 0 ? null : (double)CategoryCorrect / TruePositives;
}

/// <summary>Redaction recall for one kind of personal data.</summary>
/// <param name="Type">The kind.</param>
/// <param name="Labelled">Labelled occurrences.</param>
/// <param name="Removed">Of those, how many no longer appear in the redacted text.</param>
public sealed record PiiTypeMetrics(PiiType Type, int Labelled, int Removed)
{
    /// <summary>Removed / Labelled; null when none is labelled.</summary>
    public double? Recall => Labelled == 0 ? null : (double)Removed / Labelled;
}

/// <summary>Personal-data redaction: how much labelled data is gone, and how often clean texts are altered.</summary>
/// <param name="Labelled">Labelled occurrences of personal data.</param>
/// <param name="Removed">Of those, how many no longer appear in the redacted text.</param>
/// <param name="CleanTexts">Texts with no labelled personal data.</param>
/// <param name="CleanTextsAltered">Of those, how many came back with a redacted text different from the original.</param>
/// <param name="PerType">Recall by kind, in enum order, for kinds that are labelled.</param>
public sealed record RedactionMetrics(int Labelled, int Removed, int CleanTexts, int CleanTextsAltered, IReadOnlyList<PiiTypeMetrics> PerType)
{
    /// <summary>Removed / Labelled; null when nothing is labelled.</summary>
    public double? Recall => Labelled == 0 ? null : (double)Removed / Labelled;

    /// <summary>CleanTextsAltered / CleanTexts; null when every text has personal data.</summary>
    public double? FalseRedactionRate => CleanTexts == 0 ? null : (double)CleanTextsAltered / CleanTexts;
}

/// <summary>Language identification accuracy.</summary>
/// <param name="Total">Items scored.</param>
/// <param name="Correct">Items whose detected language equals the labelled one.</param>
public sealed record LanguageMetrics(int Total, int Correct)
{
    /// <summary>Correct / Total; null for an empty set.</summary>
    public double? Accuracy => Total == 0 ? null : (double)Correct / Total;
}

/// <summary>Every figure of one evaluation run.</summary>
/// <param name="Items">How many labelled items were scored.</param>
/// <param name="Themes">Per-theme figures: the known themes in the order given, then any other labelled or predicted theme by id.</param>
/// <param name="Sentiment">Sentiment accuracy and confusion.</param>
/// <param name="Concern">Concern flag and category.</param>
/// <param name="Redaction">Personal-data redaction.</param>
/// <param name="Language">Language identification.</param>
public sealed record EvaluationReport(
    int Items,
    IReadOnlyList<ThemeMetrics> Themes,
    SentimentMetrics Sentiment,
    ConcernMetrics Concern,
    RedactionMetrics Redaction,
    LanguageMetrics Language)
{
    /// <summary>Mean F1 over the themes that have support (labelled at least once); null when none has.</summary>
    public double? MacroF1
    {
        get
        {
            var sum = 0.0;
            var count = 0;
            foreach (var t in Themes)
            {
                if (t.Support > 0)
                {
                    sum += t.F1 ?? 0;
                    count++;
                }
            }
            return count == 0 ? null : sum / count;
        }
    }
}

/// <summary>What kind of mistake an <see cref="EvaluationError"/> is.</summary>
public enum EvaluationErrorKind
{
    /// <summary>A labelled theme was not found.</summary>
    ThemeMissed,
    /// <summary>A theme was found that is not labelled.</summary>
    ThemeExtra,
    /// <summary>The sentiment label differs.</summary>
    Sentiment,
    /// <summary>A labelled concern was not flagged.</summary>
    ConcernMissed,
    /// <summary>A text without a labelled concern was flagged.</summary>
    ConcernFalseAlarm,
    /// <summary>A labelled concern was flagged with another leading category.</summary>
    ConcernCategory,
    /// <summary>Labelled personal data is still in the redacted text.</summary>
    PiiMissed,
    /// <summary>A text without labelled personal data was altered by redaction.</summary>
    FalseRedaction,
    /// <summary>The detected language differs.</summary>
    Language,
}

/// <summary>One misclassified example, for tuning.</summary>
/// <param name="Kind">The kind of mistake.</param>
/// <param name="Id">The item's id.</param>
/// <param name="Text">The item's original text.</param>
/// <param name="Expected">What the label says (a theme id, a sentiment, a category, the personal data...).</param>
/// <param name="Actual">What the analyzer returned (for redaction errors, the redacted text).</param>
public sealed record EvaluationError(EvaluationErrorKind Kind, string Id, string Text, string Expected, string Actual);
