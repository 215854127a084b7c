// The names mode of the trainer: trains the name recall layer (NameModel) beside the redaction rules and reports
// cross-validated redaction figures.
//
//   dotnet run -c Release --project tools/FeedbackCollector.ModelTraining -- --names [options]
//     --data FILE[,FILE...]  labelled JSONL to train on (default: every *.jsonl in tests/FeedbackCollector.Analysis.Tests/DevSet)
//     --folds K              cross-validation folds (default 5; 0 skips cross-validation)
//     --test FILE[,FILE...]  score these files with the rules alone and with the model trained on all the data
//     --out PATH             write the model trained on all the data here, at the cross-validated threshold
//     --threshold P,W        use these thresholds (unknown words, ordinary words) instead of the cross-validated ones
//     --l2 X --pos X --iter N --seed N --extra X   training options (defaults: NameTrainingOptions)
//     --misses N             list up to N names the cross-validated rules + model miss and N clean texts they change
using System.Globalization;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Analysis.Redaction;

internal static class NameTraining
{
    public static int Run(string[] args)
    {
        var options = new NameTrainingOptions();
        var data = new List<string>();
        var tests = new List<string>();
        string? output = null;
        (double T, double W)? threshold = null;
        var folds = 5;
        var misses = 0;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            double Number() => double.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--names": break;
                case "--data": data.AddRange(Next().Split(',')); break;
                case "--test": tests.AddRange(Next().Split(',')); break;
                case "--out": output = Next(); break;
                case "--threshold":
                    var pair = Next().Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                    threshold = (pair[0], pair[1]);
                    break;
                case "--folds": folds = (int)Number(); break;
                case "--seed": options = options with { Seed = (int)Number() }; break;
                case "--l2": options = options with { L2 = Number() }; break;
                case "--pos": options = options with { PositiveWeight = Number() }; break;
                case "--iter": options = options with { Iterations = (int)Number() }; break;
                case "--extra": options = options with { MaxExtraFalseRedaction = Number() }; break;
                case "--misses": misses = (int)Number(); break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
            }
        }

        if (data.Count == 0)
        {
            data.AddRange(DevSetFiles.All());
        }

        var files = data.Select(p => (File: Path.GetFileName(p), Items: DevSetReader.ReadFile(p))).ToList();
        var items = files.SelectMany(f => f.Items).ToList();
        Console.WriteLine(FormattableString.Invariant($"Training data: {items.Count} items ({items.Count(i => i.Pii.Count > 0)} with personal data) from {data.Count} files; {options}"));
        if (folds > 1)
        {
            var cv = NameModelTrainer.CrossValidate(items, folds, options);
            Console.WriteLine(FormattableString.Invariant($"{folds}-fold CV over {cv.Words} candidate words ({cv.NameWords} inside a labelled name): thresholds {cv.Threshold:0.00} (unknown words), {cv.WordThreshold:0.00} (ordinary words) (false redaction within {options.MaxExtraFalseRedaction:0.000} of the rules')"));
            Print("  rules alone", cv.Rules);
            Print(FormattableString.Invariant($"  rules + model, chosen {cv.Threshold:0.00}/{cv.WordThreshold:0.00}"), cv.Chosen);
            Console.WriteLine("  the curve (pairs no other pair beats on both names removed and clean texts changed):");
            foreach (var p in cv.Curve.Where(p => !cv.Curve.Any(q => q.Figures.NamesRemoved >= p.Figures.NamesRemoved && q.Figures.CleanChanged <= p.Figures.CleanChanged
                && (q.Figures.NamesRemoved > p.Figures.NamesRemoved || q.Figures.CleanChanged < p.Figures.CleanChanged))).OrderBy(p => p.Figures.CleanChanged))
            {
                Print(FormattableString.Invariant($"  rules + model, t={p.Threshold:0.00}/{p.WordThreshold:0.00}"), p.Figures);
            }

            // Per file, out of fold, for the files with names: the sets written by people who never saw the rules show it.
            var at = 0;
            foreach (var (file, fileItems) in files)
            {
                var range = new Range(at, at + fileItems.Count);
                at += fileItems.Count;
                if (!fileItems.Any(i => i.Pii.Any(p => p.Type == PiiType.Name)))
                {
                    continue;
                }

                var rules = NameModelTrainer.Figures(fileItems, cv.RulesRedacted.Take(range).ToList());
                var both = NameModelTrainer.Figures(fileItems, cv.ChosenRedacted.Take(range).ToList());
                Console.WriteLine(FormattableString.Invariant(
                    $"    {file,-28} names {rules.NamesRemoved,3} -> {both.NamesRemoved,3} of {rules.Names,3}  all pii {rules.SpansRemoved,3} -> {both.SpansRemoved,3} of {rules.Spans,3}  clean changed {rules.CleanChanged,3} -> {both.CleanChanged,3} of {rules.Clean,4}"));
            }

            if (misses > 0)
            {
                Console.WriteLine("  names missed (rules + model, out of fold):");
                foreach (var m in cv.Chosen.MissedNames.Take(misses))
                {
                    Console.WriteLine($"    {m}");
                }

                var rulesChanged = cv.Rules.Changed.ToHashSet();
                Console.WriteLine("  clean texts changed by the model (out of fold):");
                foreach (var id in cv.Chosen.Changed.Where(c => !rulesChanged.Contains(c)).Take(misses))
                {
                    var item = items.First(i => i.Id == id);
                    Console.WriteLine($"    {id}: {item.Text}");
                }
            }

            threshold ??= (cv.Threshold, cv.WordThreshold);
        }

        if (tests.Count > 0 || output is not null)
        {
            var (t, w) = threshold ?? (0.5, 0.5);
            var bytes = NameModelTrainer.Train(items, t, w, options);
            Console.WriteLine(FormattableString.Invariant($"Model trained on all {items.Count} items at thresholds {t:0.00}/{w:0.00}: {bytes.Length:N0} bytes"));
            foreach (var test in tests)
            {
                var testItems = DevSetReader.ReadFile(test);
                Print($"{Path.GetFileName(test)}, rules alone", NameModelTrainer.Evaluate(null, testItems));
                Print($"{Path.GetFileName(test)}, rules + model", NameModelTrainer.Evaluate(bytes, testItems));
            }

            if (output is not null)
            {
                File.WriteAllBytes(output, bytes);
                Console.WriteLine($"Wrote {output}");
            }
        }

        return 0;
    }

    private static void Print(string title, RedactionFigures f) =>
        Console.WriteLine(FormattableString.Invariant(
            $"{title,-34} names {f.NameRecall:0.0000} ({f.NamesRemoved}/{f.Names})  all pii {f.SpanRecall:0.0000} ({f.SpansRemoved}/{f.Spans})  clean changed {f.FalseRedactionRate:0.0000} ({f.CleanChanged}/{f.Clean})"));
}
