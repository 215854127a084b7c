namespace FeedbackCollector.Analysis.Evaluation;

/// <summary>The k-fold split the trainers' cross-validations share.</summary>
internal static class Folds
{
    /// <summary>
    /// Fold <paramref name="fold"/> of <paramref name="folds"/> over a shuffled <paramref name="order"/> of item indices:
    /// every <paramref name="folds"/>-th position from <paramref name="fold"/> is held out, the rest train, both in
    /// <paramref name="order"/>'s order.
    /// </summary>
    public static (List<int> Test, List<int> Train) Split(int[] order, int folds, int fold)
    {
        var test = new List<int>();
        var train = new List<int>();
        for (var i = 0; i < order.Length; i++)
        {
            (i % folds == fold ? test : train).Add(order[i]);
        }

        return (test, train);
    }
}
