// Trains the local analyzer's theme and sentiment models and reports k-fold cross-validated figures.
//
//   dotnet run -c Release --project tools/FeedbackCollector.ModelTraining -- [options]
//     --data FILE[,FILE...]  labelled JSONL to train on (default: every *.jsonl in tests/FeedbackCollector.Analysis.Tests/DevSet)
//     --folds K              cross-validation folds (default 5; 0 skips cross-validation)
//     --seed N               fold shuffle seed (default 42)
//     --test FILE[,FILE...]  also train on all the data and score these files (rules alone and with the model)
//     --out PATH             write the model trained on all the data here
//     --l2 X --l2w X --pos X --iter N --min N --tfolds N  training options (defaults: TrainingOptions;
//                            --tfolds 0 keeps every theme's decision point at 0.5)
//     --grid                 cross-validate a small grid of options and stop
//     --concerns             train the concern backstop instead (see ConcernTraining.cs)
//     --names                train the name recall layer of redaction instead (see NameTraining.cs)
//     --errors N             with --test: also list up to N missed and N extra themes of the model per file
//     --sl2w X --sbalance X  sentiment model: L2 on whole-text features; label balance (0 keeps the mix, 1 balances)
//     --sgrid                cross-validate a grid of sentiment options only (theme model trained once a fold);
//                            --sgrid-l2 X,Y,... and --sgrid-balance X,Y,... set the grid (default 0.001,0.003,0.01 x 0,0.5,1)
//     --all-sentiment        also train the sentiment model on the sets whose sentiment labels are placeholders
//                            (DevSetFiles.SentimentPlaceholders; off since s14; they are never scored for sentiment)
//     --speed                CPU time per text of the theme and sentiment steps, rules alone and with the models
//     --taxonomy PATH        train and score with this taxonomy file instead of the built-in one (try phrase or
//                            threshold edits without rebuilding; the shipped model must match the shipped taxonomy)
using System.Globalization;
using FeedbackCollector.Analysis;
using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Analysis.Themes;

if (args.Contains("--names"))
{
    return NameTraining.Run(args);
}
if (args.Contains("--concerns"))
{
    return ConcernTraining.Run(args);
}

var options = new TrainingOptions();
var data = new List<string>();
var tests = new List<string>();
string? output = null;
string? taxonomyPath = null;
var folds = 5;
var grid = false;
var sentimentGrid = false;
double[] gridL2 = [0.001, 0.003, 0.01];
double[] gridBalance = [0.0, 0.5, 1.0];
var speed = false;
var errors = 0;
for (var i = 0; i < args.Length; i++)
{
    string Next() => args[++i];
    switch (args[i])
    {
        case "--data": data.AddRange(Next().Split(',')); break;
        case "--test": tests.AddRange(Next().Split(',')); break;
        case "--out": output = Next(); break;
        case "--taxonomy": taxonomyPath = Next(); break;
        case "--folds": folds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--seed": options = options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--l2": options = options with { L2 = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--l2w": options = options with { L2Whole = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--grid": grid = true; break;
        case "--speed": speed = true; break;
        case "--all-sentiment": options = options with { SentimentOnPlaceholders = true }; break;
        case "--sl2w": options = options with { SentimentL2Whole = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--sbalance": options = options with { SentimentBalance = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--sgrid": sentimentGrid = true; break;
        case "--sgrid-l2": gridL2 = [.. Next().Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture))]; break;
        case "--sgrid-balance": gridBalance = [.. Next().Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture))]; break;
        case "--errors": errors = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--sl2": options = options with { SentimentL2 = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--pos": options = options with { PositiveWeight = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--iter": options = options with { Iterations = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--tfolds": options = options with { ThresholdFolds = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--min": options = options with { MinCount = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
    }
}
if (data.Count == 0)
{
    // Even the sets written for concerns, whose theme labels are simpler: more data beat a hand-picked subset.
    data.AddRange(DevSetFiles.All());
}

// Sets whose sentiment labels are placeholders are never scored for sentiment, and train the theme model only unless
// --all-sentiment is given.
static List<LabelledItem> Read(IEnumerable<string> paths) =>
    [.. paths.SelectMany(p =>
    {
        using var r = File.OpenText(p);
        var read = DevSetReader.Read(r, p);
        return !DevSetFiles.HasPlaceholderSentiment(p) ? read : (IEnumerable<LabelledItem>)[.. read.Select(i => i with { SentimentReviewed = false })];
    })];

static void Print(string title, ModelFigures f)
{
    Console.WriteLine(FormattableString.Invariant($"{title,-34} n={f.Items,4}  themes macro-F1 {f.ThemeMacroF1:0.000}  sentiment {f.SentimentAccuracy:0.000}"));
}

static double MeanRecall(ModelFigures f)
{
    var labels = f.SentimentConfusion.Keys.Select(k => k.Labelled).Distinct().ToList();
    return labels.Count == 0 ? 0 : labels.Average(l =>
        (double)f.SentimentConfusion.GetValueOrDefault((l, l)) / f.SentimentConfusion.Where(kv => kv.Key.Labelled == l).Sum(kv => kv.Value));
}

static void PrintThemes(ModelFigures rules, ModelFigures model)
{
    foreach (var (id, f1) in model.ThemeF1)
    {
        Console.WriteLine(FormattableString.Invariant($"    {id,-20} rules {rules.ThemeF1.GetValueOrDefault(id):0.000}  model {f1:0.000}"));
    }
    Console.WriteLine("    sentiment confusion (labelled -> predicted: model count / rules count):");
    foreach (var key in model.SentimentConfusion.Keys.Union(rules.SentimentConfusion.Keys).Where(k => k.Labelled != k.Predicted).OrderBy(k => k.Labelled).ThenBy(k => k.Predicted))
    {
        Console.WriteLine($"      {key.Labelled,-8} -> {key.Predicted,-8} {model.SentimentConfusion.GetValueOrDefault(key),4} / {rules.SentimentConfusion.GetValueOrDefault(key),4}");
    }
}

var taxonomy = taxonomyPath is null ? Taxonomy.LoadDefault() : Taxonomy.Load(taxonomyPath);
var items = Read(data);
Console.WriteLine(FormattableString.Invariant($"Training data: {items.Count} items from {string.Join(", ", data)}; {options}"));
if (grid)
{
    // A small grid of regularisation and class weights, by cross-validation only.
    foreach (var (l2, pos, sl2) in new[] { (0.003, 3.0, 0.001), (0.01, 2.0, 0.01), (0.01, 3.0, 0.003), (0.03, 3.0, 0.03) })
    {
        var o = options with { L2 = l2, PositiveWeight = pos, SentimentL2 = sl2 };
        var (m, _) = AnalyzerModelTrainer.CrossValidate(items, taxonomy, folds, o);
        Print(FormattableString.Invariant($"CV l2={l2} pos={pos} sl2={sl2}"), m);
    }
    return 0;
}
if (sentimentGrid)
{
    // Sentiment options only, by cross-validation (the theme model is trained once a fold): accuracy, and the mean of
    // the four labels' recalls, which a set with another mix of labels rewards.
    var variants = (from sl2 in gridL2
                    from balance in gridBalance
                    select options with { SentimentL2 = sl2, SentimentBalance = balance }).ToList();
    var figures = AnalyzerModelTrainer.CrossValidateSentiment(items, taxonomy, Math.Max(folds, 2), variants);
    for (var v = 0; v < variants.Count; v++)
    {
        Console.WriteLine(FormattableString.Invariant($"CV sl2={variants[v].SentimentL2} sl2w={variants[v].SentimentL2Whole} balance={variants[v].SentimentBalance}: sentiment {figures[v].SentimentAccuracy:0.000}, mean recall {MeanRecall(figures[v]):0.000}"));
    }
    return 0;
}
if (folds > 1)
{
    var (model, rules) = AnalyzerModelTrainer.CrossValidate(items, taxonomy, folds, options);
    Print($"{folds}-fold CV, rules alone", rules);
    Print($"{folds}-fold CV, model", model);
    Console.WriteLine(FormattableString.Invariant($"    sentiment mean recall over the labels: rules {MeanRecall(rules):0.000}, model {MeanRecall(model):0.000}"));
    PrintThemes(rules, model);
}
if (tests.Count > 0 || output is not null)
{
    var bytes = AnalyzerModelTrainer.Train(items, taxonomy, options);
    Console.WriteLine($"Model trained on all {items.Count} items: {bytes.Length:N0} bytes");
    foreach (var test in tests)
    {
        var testItems = Read([test]);
        var rules = AnalyzerModelTrainer.Evaluate(null, testItems, taxonomy);
        var model = AnalyzerModelTrainer.Evaluate(bytes, testItems, taxonomy);
        Print($"{Path.GetFileName(test)}, rules alone", rules);
        Print($"{Path.GetFileName(test)}, model", model);
        PrintThemes(rules, model);
        if (errors > 0)
        {
            var predictions = AnalyzerModelTrainer.Predict(bytes, testItems, taxonomy);
            var missed = predictions.SelectMany(p => p.Item.Themes.Except(p.Themes).Select(t => (p.Item, Theme: t, p.Themes))).ToList();
            var extra = predictions.SelectMany(p => p.Themes.Except(p.Item.Themes).Select(t => (p.Item, Theme: t, p.Themes))).ToList();
            foreach (var (title, list) in new[] { ("missed", missed), ("extra", extra) })
            {
                Console.WriteLine($"    {title}: {list.Count}");
                foreach (var (item, theme, found) in list.OrderBy(e => e.Theme, StringComparer.Ordinal).Take(errors))
                {
                    Console.WriteLine($"      {theme,-18} {item.Id,-8} [{string.Join(", ", found)}] {item.Text}");
                }
            }
        }
    }
    if (speed)
    {
        // Themes and sentiment (redaction, tokens, phrases, models) per text, rules alone against with the models.
        var all = items.Where(i => i.Language == "en").ToList();
        foreach (var (name, m) in new[] { ("rules alone", (byte[]?)null), ("with models", bytes) })
        {
            AnalyzerModelTrainer.Evaluate(m, all, taxonomy);
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            const int rounds = 5;
            for (var r = 0; r < rounds; r++)
            {
                AnalyzerModelTrainer.Evaluate(m, all, taxonomy);
            }
            var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(FormattableString.Invariant($"Speed, {name}: {used.TotalMicroseconds / (rounds * all.Count):0.0} CPU-µs a text (redaction, tokens, themes, sentiment; {rounds}x{all.Count} texts; analyzer build included)"));
        }
    }
    if (output is not null)
    {
        File.WriteAllBytes(output, bytes);
        Console.WriteLine($"Wrote {output}");
    }
}
return 0;
