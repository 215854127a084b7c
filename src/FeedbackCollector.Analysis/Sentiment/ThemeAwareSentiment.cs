using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Sentiment;

/// <summary>Sentiment decisions that look beyond the lexicon: the themes found, and the trained model's output.</summary>
internal static class ThemeAwareSentiment
{
    /// <summary>
    /// Themes that name a problem (harm, bullying, waiting, breaches, records, caseloads...): with the lexicon alone, a
    /// text about one with no good word in it is a complaint told as a fact ("ive been on the list since march").
    /// </summary>
    private static readonly HashSet<string> ProblemThemes =
        ["feeling-safe", "bullying", "mental-health", "early-help", "confidentiality", "joined-up-working", "workforce"];

    /// <summary>The wire name of a label (as in the dev set and the model file).</summary>
    public static string Name(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => "positive",
        SentimentLabel.Negative => "negative",
        SentimentLabel.Mixed => "mixed",
        _ => "neutral",
    };

    /// <summary>The label of a wire name.</summary>
    /// <exception cref="InvalidDataException">Not a sentiment label.</exception>
    public static SentimentLabel Parse(string name) => name switch
    {
        "positive" => SentimentLabel.Positive,
        "negative" => SentimentLabel.Negative,
        "mixed" => SentimentLabel.Mixed,
        "neutral" => SentimentLabel.Neutral,
        _ => throw new InvalidDataException($"'{name}' is not a sentiment label."),
    };

    /// <summary>A neutral lexicon result on a problem theme with no good word becomes negative.</summary>
    public static SentimentResult LeanOnProblemThemes(SentimentResult sentiment, IReadOnlyList<ThemeMatch> themes)
    {
        if (sentiment.Label != SentimentLabel.Neutral || sentiment.Positive > 0.1 || themes.Count == 0)
        {
            return sentiment;
        }
        foreach (var t in themes)
        {
            if (ProblemThemes.Contains(t.ThemeId))
            {
                var negative = Math.Round(Math.Max(sentiment.Negative, 0.5), 3);
                return new SentimentResult(SentimentLabel.Negative, sentiment.Positive, Math.Round(1 - negative - sentiment.Positive, 3), negative);
            }
        }
        return sentiment;
    }

    /// <summary>
    /// The label with the highest softmax probability; scores are positive, neutral and negative probabilities, with
    /// mixed shared half and half between positive and negative so that the three still sum to 1.
    /// </summary>
    public static SentimentResult FromLogits(ReadOnlySpan<float> logits, SentimentLabel[] labels)
    {
        var max = float.MinValue;
        var best = 0;
        for (var k = 0; k < logits.Length; k++)
        {
            if (logits[k] > max)
            {
                max = logits[k];
                best = k;
            }
        }
        double sum = 0, pos = 0, neu = 0, neg = 0;
        for (var k = 0; k < logits.Length; k++)
        {
            sum += Math.Exp(logits[k] - max);
        }
        for (var k = 0; k < logits.Length; k++)
        {
            var p = Math.Exp(logits[k] - max) / sum;
            switch (labels[k])
            {
                case SentimentLabel.Positive: pos += p; break;
                case SentimentLabel.Negative: neg += p; break;
                case SentimentLabel.Mixed: pos += p / 2; neg += p / 2; break;
                default: neu += p; break;
            }
        }
        var positive = Math.Round(pos, 3);
        var negative = Math.Round(neg, 3);
        return new SentimentResult(labels[best], positive, Math.Round(Math.Max(0, 1 - positive - negative), 3), negative);
    }
}
