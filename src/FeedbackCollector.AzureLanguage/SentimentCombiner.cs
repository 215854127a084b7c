using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.AzureLanguage;

/// <summary>Joins the sentiment of the pieces of a long text into one, the way the service joins sentences into a document.</summary>
internal static class SentimentCombiner
{
    /// <summary>
    /// Scores are the length-weighted mean of the pieces' scores (normalised to sum to 1). The label follows the
    /// service's document rule: any mixed piece, or positive and negative pieces together, is mixed; otherwise positive
    /// or negative wins over neutral; all neutral is neutral.
    /// </summary>
    public static SentimentResult Combine(IReadOnlyList<(SentimentResult Sentiment, int Weight)> pieces)
    {
        if (pieces.Count == 1)
        {
            return pieces[0].Sentiment;
        }
        double pos = 0, neu = 0, neg = 0;
        bool anyPos = false, anyNeg = false, anyMixed = false;
        foreach (var (s, weight) in pieces)
        {
            var w = Math.Max(1, weight);
            pos += s.Positive * w;
            neu += s.Neutral * w;
            neg += s.Negative * w;
            anyPos |= s.Label == SentimentLabel.Positive;
            anyNeg |= s.Label == SentimentLabel.Negative;
            anyMixed |= s.Label == SentimentLabel.Mixed;
        }
        var sum = pos + neu + neg;
        if (sum <= 0)
        {
            (pos, neu, neg, sum) = (0, 1, 0, 1);
        }
        var label = anyMixed || (anyPos && anyNeg) ? SentimentLabel.Mixed
            : anyPos ? SentimentLabel.Positive
            : anyNeg ? SentimentLabel.Negative
            : SentimentLabel.Neutral;
        return new SentimentResult(label, pos / sum, neu / sum, neg / sum);
    }

    /// <summary>The product's label for the service's.</summary>
    public static SentimentLabel? ParseLabel(string? label) => label switch
    {
        "positive" => SentimentLabel.Positive,
        "neutral" => SentimentLabel.Neutral,
        "negative" => SentimentLabel.Negative,
        "mixed" => SentimentLabel.Mixed,
        _ => null,
    };
}
