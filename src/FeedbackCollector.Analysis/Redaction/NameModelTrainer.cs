using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>How the name model is trained. The defaults are the ones the shipped model was trained with.</summary>
/// <param name="Seed">Seed for shuffling folds (training itself is full-batch and deterministic).</param>
/// <param name="L2">L2 penalty on the weights, relative to the mean loss.</param>
/// <param name="PositiveWeight">Weight of a name word in the loss: about one candidate word in twenty is a name.</param>
/// <param name="Iterations">Full-batch Adam steps.</param>
/// <param name="LearningRate">Adam step size.</param>
/// <param name="MaxExtraFalseRedaction">
/// The thresholds are the pair of the grid that removes the most names out of fold while the out-of-fold share of texts
/// without personal data that get changed stays within this of the rules' own share (0.01: one percentage point).
/// </param>
public sealed record NameTrainingOptions(
    int Seed = 42,
    double L2 = 0.0003,
    double PositiveWeight = 20.0,
    int Iterations = 200,
    double LearningRate = 0.05,
    double MaxExtraFalseRedaction = 0.01);

/// <summary>Redaction figures over labelled texts, as <c>evaluate</c> counts them.</summary>
/// <param name="Items">Texts scored.</param>
/// <param name="Names">Labelled name occurrences.</param>
/// <param name="NamesRemoved">Of those, removed from the redacted text.</param>
/// <param name="Spans">Labelled personal-data occurrences of every kind.</param>
/// <param name="SpansRemoved">Of those, removed.</param>
/// <param name="Clean">Texts labelled with no personal data.</param>
/// <param name="CleanChanged">Of those, changed by redaction.</param>
/// <param name="MissedNames">Ids and texts of the name occurrences left in.</param>
/// <param name="Changed">Ids of the clean texts changed.</param>
public sealed record RedactionFigures(int Items, int Names, int NamesRemoved, int Spans, int SpansRemoved, int Clean, int CleanChanged,
    IReadOnlyList<string> MissedNames, IReadOnlyList<string> Changed)
{
    /// <summary>Share of labelled names removed.</summary>
    public double NameRecall => Names == 0 ? 1 : (double)NamesRemoved / Names;

    /// <summary>Share of labelled personal data of every kind removed.</summary>
    public double SpanRecall => Spans == 0 ? 1 : (double)SpansRemoved / Spans;

    /// <summary>Share of texts without personal data that redaction changed.</summary>
    public double FalseRedactionRate => Clean == 0 ? 0 : (double)CleanChanged / Clean;
}

/// <summary>Out-of-fold figures of rules + model at one pair of thresholds.</summary>
/// <param name="Threshold">The model's threshold for words no list knows as ordinary words.</param>
/// <param name="WordThreshold">The model's threshold for words that are also ordinary words (1: never).</param>
/// <param name="Figures">Rules and model together, out of fold.</param>
public sealed record NameThresholdPoint(double Threshold, double WordThreshold, RedactionFigures Figures);

/// <summary>Cross-validated figures and the thresholds they chose.</summary>
/// <param name="Threshold">The chosen threshold for unknown words.</param>
/// <param name="WordThreshold">The chosen threshold for ordinary words.</param>
/// <param name="Rules">The rules alone.</param>
/// <param name="Curve">Rules and model, out of fold, at each pair of thresholds tried.</param>
/// <param name="Chosen">Rules and model, out of fold, at the chosen pair.</param>
/// <param name="Words">Candidate words scored (those the rules left alone).</param>
/// <param name="NameWords">Of those, inside a labelled name.</param>
/// <param name="RulesRedacted">Each item's text redacted by the rules alone.</param>
/// <param name="ChosenRedacted">Each item's text redacted by the rules and its fold's model at the chosen pair.</param>
public sealed record NameCrossValidation(double Threshold, double WordThreshold, RedactionFigures Rules, IReadOnlyList<NameThresholdPoint> Curve, RedactionFigures Chosen, int Words, int NameWords,
    IReadOnlyList<string> RulesRedacted, IReadOnlyList<string> ChosenRedacted);

/// <summary>
/// Trains the name recall layer (<see cref="NameModel"/>) over the features of <see cref="NameFeatures"/> — the code
/// that scores at run time — from the <c>name</c> labels of the development sets: a word the rules left alone is a
/// positive when it lies inside a labelled name occurrence, a negative otherwise (words inside personal data of another
/// kind are left out: another finder owns them). Logistic regression, full-batch Adam with L2; only the fold shuffle
/// is random, so a seed reproduces a model bit for bit. Cross-validation runs the whole redactor with each fold's model.
/// </summary>
public static class NameModelTrainer
{
    /// <summary>The thresholds cross-validation tries for unknown words.</summary>
    public static readonly double[] Grid = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

    /// <summary>The thresholds cross-validation tries for ordinary words (1: never).</summary>
    public static readonly double[] WordGrid = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    /// <summary>Trains on all <paramref name="items"/> and returns the model file's bytes, marking at the two thresholds.</summary>
    public static byte[] Train(IReadOnlyList<LabelledItem> items, double threshold, double wordThreshold, NameTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        options ??= new NameTrainingOptions();
        return Fit([.. Prepare(items).SelectMany(e => e)], options).WithThresholds((float)threshold, (float)wordThreshold).ToBytes();
    }

    /// <summary>Redacts <paramref name="items"/> as at run time: with <paramref name="model"/> (bytes) beside the rules, or the rules alone when null.</summary>
    public static RedactionFigures Evaluate(byte[]? model, IReadOnlyList<LabelledItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var redactor = new PiiRedactor(model is null ? null : NameModel.Read(new MemoryStream(model)));
        return Figures(items, [.. items.Select(i => redactor.Redact(i.Text).RedactedText)]);
    }

    /// <summary>
    /// K-fold cross-validation over the items (each text one unit): each fold is redacted with the rules and a model
    /// trained on the other folds, at every pair of <see cref="Grid"/> and <see cref="WordGrid"/>; the pair chosen removes
    /// the most names while the out-of-fold false-redaction rate stays within
    /// <see cref="NameTrainingOptions.MaxExtraFalseRedaction"/> of the rules' (fewer clean texts changed breaks a tie).
    /// </summary>
    public static NameCrossValidation CrossValidate(IReadOnlyList<LabelledItem> items, int folds, NameTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        options ??= new NameTrainingOptions();
        var examples = Prepare(items);
        var order = Enumerable.Range(0, items.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        var pairs = (from t in Grid from w in WordGrid select (t, w)).ToArray();
        var redacted = pairs.Select(_ => new string[items.Count]).ToArray();
        for (var f = 0; f < folds; f++)
        {
            var (test, train) = Folds.Split(order, folds, f);
            var model = Fit([.. train.SelectMany(i => examples[i])], options);
            for (var g = 0; g < pairs.Length; g++)
            {
                var redactor = new PiiRedactor(model.WithThresholds((float)pairs[g].t, (float)pairs[g].w));
                foreach (var t in test)
                {
                    redacted[g][t] = redactor.Redact(items[t].Text).RedactedText;
                }
            }
        }

        var rulesRedactor = new PiiRedactor(null);
        string[] rulesRedacted = [.. items.Select(i => rulesRedactor.Redact(i.Text).RedactedText)];
        var rules = Figures(items, rulesRedacted);
        var curve = pairs.Select((p, g) => new NameThresholdPoint(p.t, p.w, Figures(items, redacted[g]))).ToList();
        var chosen = curve.Where(p => p.Figures.FalseRedactionRate <= rules.FalseRedactionRate + options.MaxExtraFalseRedaction + 1e-12)
            .OrderByDescending(p => p.Figures.NamesRemoved).ThenBy(p => p.Figures.CleanChanged).ThenByDescending(p => p.Threshold).ThenByDescending(p => p.WordThreshold)
            .FirstOrDefault() ?? curve[^1];
        var all = examples.SelectMany(e => e).ToList();
        return new NameCrossValidation(chosen.Threshold, chosen.WordThreshold, rules, curve, chosen.Figures, all.Count, all.Count(e => e.Label == 1),
            rulesRedacted, redacted[curve.IndexOf(chosen)]);
    }

    /// <summary>Redaction figures of <paramref name="items"/> whose texts were redacted into <paramref name="redacted"/>.</summary>
    public static RedactionFigures Figures(IReadOnlyList<LabelledItem> items, IReadOnlyList<string> redacted)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(redacted);
        int names = 0, namesRemoved = 0, spans = 0, spansRemoved = 0, clean = 0, cleanChanged = 0;
        var missed = new List<string>();
        var changed = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Pii.Count == 0)
            {
                clean++;
                if (!string.Equals(item.Text, redacted[i], StringComparison.Ordinal))
                {
                    cleanChanged++;
                    changed.Add(item.Id);
                }

                continue;
            }

            foreach (var (pii, removed) in Evaluator.PiiOutcomes(item, redacted[i]))
            {
                spans++;
                spansRemoved += removed ? 1 : 0;
                if (pii.Type == PiiType.Name)
                {
                    names++;
                    namesRemoved += removed ? 1 : 0;
                    if (!removed)
                    {
                        missed.Add($"{item.Id}: {pii.Text}");
                    }
                }
            }
        }

        return new RedactionFigures(items.Count, names, namesRemoved, spans, spansRemoved, clean, cleanChanged, missed, changed);
    }

    /// <summary>A candidate word as the trainer sees it: 1 inside a labelled name, 0 outside.</summary>
    private sealed record Example(int Label, (int Bucket, float Count)[] X);

    /// <summary>The labelled candidate words of each item, in item order.</summary>
    private static List<Example>[] Prepare(IReadOnlyList<LabelledItem> items)
    {
        var result = new List<Example>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var names = Occurrences(item, name: true);
            var others = Occurrences(item, name: false);
            var list = new List<Example>();
            foreach (var e in PiiRedactor.NameExamples(item.Text))
            {
                var label = Overlaps(names, e.Start, e.End) ? 1 : 0;
                if (label == 0 && Overlaps(others, e.Start, e.End))
                {
                    continue;
                }

                list.Add(new Example(label, [.. e.Buckets.GroupBy(b => b).OrderBy(g => g.Key).Select(g => (g.Key, (float)g.Count()))]));
            }

            result[i] = list;
        }

        return result;
    }

    /// <summary>Every place in the text where a labelled name (or other personal data) is written, between word boundaries.</summary>
    private static List<(int Start, int End)> Occurrences(LabelledItem item, bool name)
    {
        var ranges = new List<(int, int)>();
        foreach (var pii in item.Pii)
        {
            if ((pii.Type == PiiType.Name) != name || pii.Text.Length == 0)
            {
                continue;
            }

            for (var at = item.Text.IndexOf(pii.Text, StringComparison.Ordinal); at >= 0; at = item.Text.IndexOf(pii.Text, at + 1, StringComparison.Ordinal))
            {
                var end = at + pii.Text.Length;
                if ((at == 0 || !char.IsLetter(item.Text[at - 1])) && (end == item.Text.Length || !char.IsLetter(item.Text[end])))
                {
                    ranges.Add((at, end));
                }
            }
        }

        return ranges;
    }

    private static bool Overlaps(List<(int Start, int End)> ranges, int start, int end)
    {
        foreach (var (s, e) in ranges)
        {
            if (start < e && s < end)
            {
                return true;
            }
        }

        return false;
    }

    private static NameModel Fit(IReadOnlyList<Example> examples, NameTrainingOptions options)
    {
        var index = new Dictionary<int, int>();
        var (w, bias) = Adam.FitLogistic([.. examples.Select(e => (e.X, e.Label))], index, options.Iterations, options.LearningRate, options.L2, options.PositiveWeight);

        var weights = new float[NameFeatures.Buckets];
        foreach (var (bucket, j) in index)
        {
            weights[bucket] = Math.Abs(w[j]) < 1e-4 ? 0 : (float)w[j];
        }

        return new NameModel(weights, (float)bias, 0.5f, 0.5f);
    }
}
