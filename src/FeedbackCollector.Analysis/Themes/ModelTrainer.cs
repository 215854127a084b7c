using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Analysis.Sentiment;
using FeedbackCollector.Analysis.Text;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Themes;

/// <summary>How the analyzer's models are trained. The defaults are the ones the shipped model was trained with.</summary>
/// <param name="Seed">Seed for shuffling folds (training itself is full-batch and deterministic).</param>
/// <param name="L2">
/// Theme model: L2 penalty on word weights, relative to the mean loss. 0.0004 since the eighth session of 27 November:
/// with 10,600 training lines, 5-fold CV macro-F1 was 0.752 at 0.003, 0.769 at 0.0015, 0.779 at 0.0008, 0.785 at 0.0004,
/// 0.784 at 0.0002 and 0.780 at 0.0001 (more data carries a weaker penalty).
/// </param>
/// <param name="L2Whole">Theme model: L2 penalty on the rule confidences (none: the phrases are trusted).</param>
/// <param name="PositiveWeight">Weight of a theme's positive examples (themes are rare, so recall needs a push).</param>
/// <param name="Iterations">Full-batch Adam steps.</param>
/// <param name="LearningRate">Adam step size.</param>
/// <param name="MinCount">A word feature is kept only when at least this many training texts have it (3 since the tenth session: the same CV as 2 with a third smaller model, which the analyzer reads on every text).</param>
/// <param name="SentimentL2">Sentiment model: L2 penalty on word weights.</param>
/// <param name="SentimentL2Whole">Sentiment model: L2 penalty on whole-text weights (lexicon scores, themes found).</param>
/// <param name="SentimentOnPlaceholders">
/// Sentiment model: also train on items whose sentiment label is a placeholder (<see cref="LabelledItem.SentimentReviewed"/>
/// false). Off since s14: those labels say "negative" for any disclosure and "neutral" for anything else.
/// </param>
/// <param name="SentimentBalance">
/// Sentiment model: how far each label's examples are weighted towards equal total weight per label: each example of
/// label k weighs (n / (4 n_k))^balance, so 0 keeps the training mix and 1 balances the labels fully.
/// </param>
/// <param name="ThresholdFolds">
/// Folds of the inner cross-validation that chooses each theme's decision point for F1 on held-out predictions of
/// the training data (0 or 1: every theme decides at probability 0.5). Off by default: with the positive examples
/// weighted, chosen decision points lowered cross-validated macro-F1 by about 0.01 (docs/analyzer.md).
/// </param>
public sealed record TrainingOptions(
    int Seed = 42,
    double L2 = 0.0004,
    double L2Whole = 0,
    double PositiveWeight = 5.0,
    int Iterations = 300,
    double LearningRate = 0.05,
    int MinCount = 3,
    double SentimentL2 = 0.001,
    double SentimentL2Whole = 0.001,
    int ThresholdFolds = 0,
    bool SentimentOnPlaceholders = false,
    double SentimentBalance = 0.75);

/// <summary>Figures of an analyzer over labelled English texts.</summary>
/// <param name="Items">Texts scored.</param>
/// <param name="ThemeMacroF1">Macro-F1 over the themes with support.</param>
/// <param name="ThemeF1">F1 per theme id (themes with support).</param>
/// <param name="SentimentAccuracy">Share of texts with the right sentiment label (over texts whose sentiment label is reviewed).</param>
/// <param name="SentimentConfusion">Counts by (labelled, predicted).</param>
public sealed record ModelFigures(
    int Items,
    double ThemeMacroF1,
    IReadOnlyDictionary<string, double> ThemeF1,
    double SentimentAccuracy,
    IReadOnlyDictionary<(SentimentLabel Labelled, SentimentLabel Predicted), int> SentimentConfusion);

/// <summary>
/// Trains the analyzer's linear models (themes one-vs-rest logistic regression, sentiment multinomial logistic
/// regression) over the features of <see cref="TextFeatures"/>, <see cref="ThemeMatcher.BuildFeatures"/> and
/// <see cref="SentimentScorer.BuildFeatures"/> — the very code that scores at run time — and measures them by k-fold
/// cross-validation. Full-batch Adam with an L2 penalty; no randomness except the fold shuffle, so a seed reproduces a
/// model bit for bit. Only English texts are used (other languages are not themed).
/// </summary>
public static class AnalyzerModelTrainer
{
    /// <summary>Trains both models on <paramref name="items"/> and returns the model file's bytes.</summary>
    public static byte[] Train(IReadOnlyList<LabelledItem> items, Taxonomy taxonomy, TrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(taxonomy);
        return TrainModels(English(items), taxonomy, options ?? new TrainingOptions()).ToBytes();
    }

    /// <summary>
    /// Scores <paramref name="items"/> (English ones) with the analyzer's theme and sentiment code, using
    /// <paramref name="model"/> (a model file's bytes) or the phrase and lexicon rules alone when null.
    /// </summary>
    public static ModelFigures Evaluate(byte[]? model, IReadOnlyList<LabelledItem> items, Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var models = model is null ? null : AnalyzerModels.Read(new MemoryStream(model));
        var pipeline = new Pipeline(taxonomy, models);
        var english = English(items);
        var predictions = english.Select(pipeline.Analyze).ToList();
        return Figures(english, predictions, taxonomy);
    }

    /// <summary>
    /// The themes the analyzer's theme step finds in each of <paramref name="items"/> (English ones, in order), with
    /// <paramref name="model"/> (a model file's bytes) or the phrases alone when null: for reading a set's misses.
    /// </summary>
    public static IReadOnlyList<(LabelledItem Item, IReadOnlyList<string> Themes)> Predict(byte[]? model, IReadOnlyList<LabelledItem> items, Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var pipeline = new Pipeline(taxonomy, model is null ? null : AnalyzerModels.Read(new MemoryStream(model)));
        return [.. English(items).Select(i => (i, pipeline.Analyze(i).Themes))];
    }

    /// <summary>
    /// K-fold cross-validation: for each fold, trains on the others and scores the fold; returns the figures over
    /// all held-out predictions, with the rules alone scored on the same texts for comparison.
    /// </summary>
    public static (ModelFigures Model, ModelFigures Rules) CrossValidate(IReadOnlyList<LabelledItem> items, Taxonomy taxonomy, int folds, TrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        options ??= new TrainingOptions();
        var english = English(items);
        var order = Enumerable.Range(0, english.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        var modelPredictions = new (IReadOnlyList<string> Themes, SentimentLabel Sentiment)[english.Count];
        var rules = new Pipeline(taxonomy, null);
        var rulePredictions = english.Select(rules.Analyze).ToList();
        for (var f = 0; f < folds; f++)
        {
            var (test, train) = Fold(english, order, folds, f);
            var pipeline = new Pipeline(taxonomy, TrainModels(train, taxonomy, options));
            foreach (var t in test)
            {
                modelPredictions[t] = pipeline.Analyze(english[t]);
            }
        }
        return (Figures(english, modelPredictions, taxonomy), Figures(english, rulePredictions, taxonomy));
    }

    // Fold f of a shuffled order: the held-out indices and the items to train on.
    private static (List<int> Test, List<LabelledItem> Train) Fold(List<LabelledItem> english, int[] order, int folds, int f)
    {
        var (test, train) = Folds.Split(order, folds, f);
        return (test, [.. train.Select(i => english[i])]);
    }

    private static List<LabelledItem> English(IReadOnlyList<LabelledItem> items) =>
        [.. items.Where(i => i.Language == "en")];

    private static AnalyzerModels TrainModels(IReadOnlyList<LabelledItem> items, Taxonomy taxonomy, TrainingOptions options)
    {
        var themeModel = TrainThemeModel(items, taxonomy, options);
        var (rows, labels) = SentimentRows(items, taxonomy, themeModel, options);
        return new AnalyzerModels(themeModel, FitSentiment(rows, labels, options));
    }

    /// <summary>
    /// Cross-validates sentiment options only: in each fold the theme model is trained once and each of
    /// <paramref name="variants"/> trains the sentiment model on the same rows (their theme options are those of the
    /// first). Returns the figures of each variant over all held-out predictions.
    /// </summary>
    public static IReadOnlyList<ModelFigures> CrossValidateSentiment(IReadOnlyList<LabelledItem> items, Taxonomy taxonomy, int folds, IReadOnlyList<TrainingOptions> variants)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var english = English(items);
        var order = Enumerable.Range(0, english.Count).ToArray();
        new Random(variants[0].Seed).Shuffle(order);
        var predictions = variants.Select(_ => new (IReadOnlyList<string> Themes, SentimentLabel Sentiment)[english.Count]).ToArray();
        for (var f = 0; f < folds; f++)
        {
            var (test, train) = Fold(english, order, folds, f);
            var themeModel = TrainThemeModel(train, taxonomy, variants[0]);
            for (var v = 0; v < variants.Count; v++)
            {
                var (rows, labels) = SentimentRows(train, taxonomy, themeModel, variants[v]);
                var pipeline = new Pipeline(taxonomy, new AnalyzerModels(themeModel, FitSentiment(rows, labels, variants[v])));
                foreach (var t in test)
                {
                    predictions[v][t] = pipeline.Analyze(english[t]);
                }
            }
        }
        return [.. predictions.Select(p => Figures(english, p, taxonomy))];
    }

    private static LinearModel TrainThemeModel(IReadOnlyList<LabelledItem> items, Taxonomy taxonomy, TrainingOptions options)
    {
        var themeIds = taxonomy.Themes.Select(t => t.Id).ToArray();
        var rules = new Pipeline(taxonomy, null);
        var themeRows = items.Select(rules.ThemeFeatures).ToList();
        var themeLabels = items.Select(i => themeIds.Select(id => i.Themes.Contains(id) ? 1 : 0).ToArray()).ToList();
        // A theme's rule confidence speaks only for that theme: letting one theme's phrases argue against another
        // taught the model that texts have one theme (most training texts do), and it then dropped themes from
        // texts that really have several.
        var own = new Dictionary<uint, int>();
        for (var k = 0; k < themeIds.Length; k++)
        {
            own[TextFeatures.Hash('r', themeIds[k])] = k;
        }
        var themeModel = Fit(themeRows, themeLabels, themeIds, softmax: false, options, own);
        if (options.ThresholdFolds > 1)
        {
            themeModel = themeModel.WithDecisionPoints(ChooseThresholds(themeRows, themeLabels, themeIds, options, own));
        }

        return themeModel;
    }

    /// <summary>
    /// The sentiment model's training rows. It reads the themes found, so it is trained on the themes the theme model
    /// finds. Items whose sentiment label is a placeholder do not train it (their labels say "negative" for any
    /// disclosure and "neutral" for anything else) unless the options say so.
    /// </summary>
    private static (List<Feature[]> Rows, List<int[]> Labels) SentimentRows(IReadOnlyList<LabelledItem> items, Taxonomy taxonomy, LinearModel themeModel, TrainingOptions options)
    {
        var withThemes = new Pipeline(taxonomy, new AnalyzerModels(themeModel, Empty(SentimentClasses)));
        var sentimentItems = items.Where(i => i.SentimentReviewed || options.SentimentOnPlaceholders).ToList();
        var rows = sentimentItems.Select(withThemes.SentimentFeatures).ToList();
        var labels = sentimentItems.Select(i => new[] { Array.IndexOf(SentimentClasses, ThemeAwareSentiment.Name(i.Sentiment)) }).ToList();
        return (rows, labels);
    }

    private static LinearModel FitSentiment(List<Feature[]> rows, List<int[]> labels, TrainingOptions options)
    {
        double[]? weights = null;
        if (options.SentimentBalance > 0)
        {
            var counts = new int[SentimentClasses.Length];
            foreach (var l in labels)
            {
                counts[l[0]]++;
            }
            weights = [.. counts.Select(n => n == 0 ? 1 : Math.Pow((double)labels.Count / (SentimentClasses.Length * n), options.SentimentBalance))];
        }
        return Fit(rows, labels, SentimentClasses, softmax: true, options with { L2 = options.SentimentL2, L2Whole = options.SentimentL2Whole }, classWeights: weights);
    }

    /// <summary>
    /// Chooses each theme's decision point by inner k-fold cross-validation on the training rows: the probability
    /// threshold (0.20-0.80 in steps of 0.05) that gives the best F1 over the held-out predictions; on a tie, the one
    /// nearest 0.5. Secondary themes get weaker word evidence than the main one, so their best point is often below
    /// 0.5; themes that over-fire get one above it.
    /// </summary>
    private static double[] ChooseThresholds(List<Feature[]> rows, List<int[]> labels, string[] classes, TrainingOptions options, Dictionary<uint, int> own)
    {
        var folds = options.ThresholdFolds;
        var order = Enumerable.Range(0, rows.Count).ToArray();
        new Random(options.Seed + 1).Shuffle(order);
        var probability = new double[rows.Count][];
        for (var f = 0; f < folds; f++)
        {
            var (test, train) = Folds.Split(order, folds, f);
            var model = Fit([.. train.Select(i => rows[i])], [.. train.Select(i => labels[i])], classes, softmax: false, options, own);
            foreach (var t in test)
            {
                probability[t] = Probabilities(model, rows[t]);
            }
        }
        var thresholds = new double[classes.Length];
        for (var k = 0; k < classes.Length; k++)
        {
            var best = -1.0;
            thresholds[k] = 0.5;
            for (var step = 4; step <= 16; step++)
            {
                var threshold = step * 0.05;
                int tp = 0, fp = 0, fn = 0;
                for (var i = 0; i < rows.Count; i++)
                {
                    var predicted = probability[i][k] >= threshold;
                    var labelled = labels[i][k] == 1;
                    tp += predicted && labelled ? 1 : 0;
                    fp += predicted && !labelled ? 1 : 0;
                    fn += !predicted && labelled ? 1 : 0;
                }
                var f1 = tp == 0 ? 0 : 2.0 * tp / ((2 * tp) + fp + fn);
                if (f1 > best + 1e-9 || (Math.Abs(f1 - best) <= 1e-9 && Math.Abs(threshold - 0.5) < Math.Abs(thresholds[k] - 0.5)))
                {
                    best = f1;
                    thresholds[k] = threshold;
                }
            }
        }
        return thresholds;
    }

    private static double[] Probabilities(LinearModel model, Feature[] row)
    {
        var logits = new float[model.ClassCount];
        model.Score([.. row], logits, []);
        return [.. logits.Select(z => 1 / (1 + Math.Exp(-z)))];
    }

    private static readonly string[] SentimentClasses = ["positive", "neutral", "negative", "mixed"];

    private static LinearModel Empty(string[] classes) => new(classes, [], [], new float[classes.Length]);

    /// <summary>
    /// Fits a linear model. One-vs-rest logistic (labels are 0/1 per class) or softmax (label is the class index).
    /// </summary>
    private static LinearModel Fit(List<Feature[]> rows, List<int[]> labels, string[] classes, bool softmax, TrainingOptions options, Dictionary<uint, int>? ownClass = null, double[]? classWeights = null)
    {
        // Keep whole-text features always, word features seen in enough texts.
        var counts = new Dictionary<uint, int>();
        var whole = new HashSet<uint>();
        foreach (var row in rows)
        {
            foreach (var f in row)
            {
                counts[f.Hash] = counts.GetValueOrDefault(f.Hash) + 1;
                if (f.StartToken < 0)
                {
                    whole.Add(f.Hash);
                }
            }
        }
        var kept = counts.Where(kv => kv.Value >= options.MinCount || whole.Contains(kv.Key)).Select(kv => kv.Key).Order().ToArray();
        var index = new Dictionary<uint, int>(kept.Length);
        for (var k = 0; k < kept.Length; k++)
        {
            index[kept[k]] = k;
        }
        var l2 = kept.Select(h => whole.Contains(h) ? options.L2Whole : options.L2).ToArray();
        // Weights held at zero: a feature that belongs to one class only (see ownClass).
        var frozen = new bool[kept.Length * classes.Length];
        if (ownClass is not null)
        {
            for (var j = 0; j < kept.Length; j++)
            {
                if (ownClass.TryGetValue(kept[j], out var only))
                {
                    for (var k = 0; k < classes.Length; k++)
                    {
                        frozen[(j * classes.Length) + k] = k != only;
                    }
                }
            }
        }
        var x = rows.Select(r => r.Where(f => index.ContainsKey(f.Hash)).Select(f => (index[f.Hash], f.Value)).ToArray()).ToArray();

        var c = classes.Length;
        var n = rows.Count;
        var w = new double[kept.Length * c];
        var b = new double[c];
        var z = new double[c];
        Adam.Minimise(w, b, options.Iterations, options.LearningRate, l2, c, frozen, (gw, gb) =>
        {
            for (var i = 0; i < n; i++)
            {
                b.CopyTo(z, 0);
                foreach (var (j, v) in x[i])
                {
                    for (var k = 0; k < c; k++)
                    {
                        z[k] += w[(j * c) + k] * v;
                    }
                }
                if (softmax)
                {
                    var max = z.Max();
                    var sum = 0.0;
                    for (var k = 0; k < c; k++)
                    {
                        z[k] = Math.Exp(z[k] - max);
                        sum += z[k];
                    }
                    var weight = classWeights is null ? 1 : classWeights[labels[i][0]];
                    for (var k = 0; k < c; k++)
                    {
                        z[k] = ((z[k] / sum) - (labels[i][0] == k ? 1 : 0)) * weight;
                    }
                }
                else
                {
                    for (var k = 0; k < c; k++)
                    {
                        var p = 1 / (1 + Math.Exp(-z[k]));
                        var y = labels[i][k];
                        z[k] = (p - y) * (y == 1 ? options.PositiveWeight : 1);
                    }
                }
                for (var k = 0; k < c; k++)
                {
                    gb[k] += z[k] / n;
                }
                foreach (var (j, v) in x[i])
                {
                    for (var k = 0; k < c; k++)
                    {
                        gw[(j * c) + k] += z[k] * v / n;
                    }
                }
            }
        });

        // Drop rows that carry nothing, to keep the shipped file small.
        var features = new List<uint>();
        var weights = new List<float>();
        for (var j = 0; j < kept.Length; j++)
        {
            var any = false;
            for (var k = 0; k < c; k++)
            {
                any |= Math.Abs(w[(j * c) + k]) >= 1e-3;
            }
            if (!any)
            {
                continue;
            }
            features.Add(kept[j]);
            for (var k = 0; k < c; k++)
            {
                weights.Add((float)w[(j * c) + k]);
            }
        }
        return new LinearModel(classes, [.. features], [.. weights], [.. b.Select(v => (float)v)]);
    }

    private static ModelFigures Figures(IReadOnlyList<LabelledItem> items, IReadOnlyList<(IReadOnlyList<string> Themes, SentimentLabel Sentiment)> predictions, Taxonomy taxonomy)
    {
        var f1 = new Dictionary<string, double>();
        foreach (var theme in taxonomy.Themes)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < items.Count; i++)
            {
                var labelled = items[i].Themes.Contains(theme.Id);
                var predicted = predictions[i].Themes.Contains(theme.Id);
                tp += labelled && predicted ? 1 : 0;
                fp += !labelled && predicted ? 1 : 0;
                fn += labelled && !predicted ? 1 : 0;
            }
            if (tp + fn > 0)
            {
                f1[theme.Id] = 2.0 * tp / ((2 * tp) + fp + fn);
            }
        }
        var confusion = new Dictionary<(SentimentLabel, SentimentLabel), int>();
        var right = 0;
        var scored = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (!items[i].SentimentReviewed)
            {
                continue;
            }
            scored++;
            var key = (items[i].Sentiment, predictions[i].Sentiment);
            confusion[key] = confusion.GetValueOrDefault(key) + 1;
            right += items[i].Sentiment == predictions[i].Sentiment ? 1 : 0;
        }
        return new ModelFigures(items.Count, f1.Count == 0 ? 0 : f1.Values.Average(), f1, scored == 0 ? 0 : (double)right / scored, confusion);
    }

    /// <summary>The analyzer's theme and sentiment steps (redaction, tokens, phrases, models), as at run time.</summary>
    private sealed class Pipeline
    {
        private readonly PiiRedactor _redactor = new();
        private readonly Tokenizer _tokenizer;
        private readonly ThemeMatcher _themes;
        private readonly SentimentScorer _sentiment;
        private readonly TokenBuffer _tokens = new();
        private readonly List<PhraseHit> _hits = [];
        private readonly List<PhraseHit> _phraseHits = [];
        private readonly int _themeCount;

        public Pipeline(Taxonomy taxonomy, AnalyzerModels? models)
        {
            var vocabulary = new Vocabulary();
            _themes = new ThemeMatcher(taxonomy, vocabulary, models?.Themes);
            _sentiment = new SentimentScorer(vocabulary, models is not null && models.Sentiment.Features.Length > 0 ? models.Sentiment : null);
            vocabulary.Freeze();
            _tokenizer = new Tokenizer(vocabulary);
            _themeCount = taxonomy.Themes.Count;
        }

        private string Prepare(LabelledItem item)
        {
            var redacted = _redactor.Redact(item.Text).RedactedText ?? string.Empty;
            _tokenizer.Tokenize(redacted, _tokens, scoreLanguages: false);
            _themes.FindHits(_tokens.Span, item.Audience, _hits);
            return redacted;
        }

        public (IReadOnlyList<string> Themes, SentimentLabel Sentiment) Analyze(LabelledItem item)
        {
            var redacted = Prepare(item);
            var themes = _themes.Score(redacted, _tokens.Span, _hits);
            var sentiment = _sentiment.Score(_tokens.Span, _phraseHits, themes, null, item.Audience);
            return ([.. themes.Select(t => t.ThemeId)], sentiment.Label);
        }

        public Feature[] ThemeFeatures(LabelledItem item)
        {
            Prepare(item);
            var confidence = new double[_themeCount];
            _themes.RuleConfidences(_hits, confidence);
            var features = new List<Feature>();
            _themes.BuildFeatures(_tokens.Span, confidence, features, []);
            return [.. features];
        }

        public Feature[] SentimentFeatures(LabelledItem item)
        {
            var redacted = Prepare(item);
            var themes = _themes.Score(redacted, _tokens.Span, _hits);
            var mass = _sentiment.Mass(_tokens.Span, _phraseHits);
            var rule = SentimentScorer.ToResult(mass.Pos, mass.Neg, mass.RawPos, mass.RawNeg);
            var features = new List<Feature>();
            SentimentScorer.BuildFeatures(_tokens.Span, mass, rule, themes, item.Audience, features, []);
            return [.. features];
        }
    }
}
