// The concerns mode of the trainer: trains the concern backstop (ConcernModel) and reports cross-validated figures.
//
//   dotnet run -c Release --project tools/FeedbackCollector.ModelTraining -- --concerns [options]
//     --data FILE[,FILE...]  labelled JSONL to train on (default: every *.jsonl in tests/FeedbackCollector.Analysis.Tests/DevSet)
//     --folds K              cross-validation folds (default 5; 0 skips cross-validation)
//     --test FILE[,FILE...]  score these files with the rules alone and with the model trained on all the data
//     --out PATH             write the model trained on all the data here, at the cross-validated threshold
//     --threshold P          use this probability instead of the cross-validated one
//     --l2 X --pos X --iter N --cl2 X --recall X --precision X --seed N --whole   training options (defaults: ConcernTrainingOptions)
//     --grid                 cross-validate a small grid of options and stop
//     --speed                CPU time per text of concern detection, rules alone and with the model (warm)
//     --rules                score the data with the rules alone (misses and false alarms by id) and stop: no training
//                            (with --misses: each false alarm's category and evidence)
//     --misses               list the ids the cross-validated rules-or-model misses and flags wrongly, and the false alarms of the rules
//                            alone and of the model alone (with --test: the rules alone's misses and false alarms per file)
using System.Globalization;
using FeedbackCollector.Analysis.Concerns;
using FeedbackCollector.Analysis.Evaluation;

internal static class ConcernTraining
{
    public static int Run(string[] args)
    {
        var options = new ConcernTrainingOptions();
        var data = new List<string>();
        var tests = new List<string>();
        string? output = null;
        double? threshold = null;
        var folds = 5;
        var grid = false;
        var misses = false;
        var speed = false;
        var rulesOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            double Number() => double.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--concerns": break;
                case "--data": data.AddRange(Next().Split(',')); break;
                case "--test": tests.AddRange(Next().Split(',')); break;
                case "--out": output = Next(); break;
                case "--threshold": threshold = Number(); break;
                case "--folds": folds = (int)Number(); break;
                case "--seed": options = options with { Seed = (int)Number() }; break;
                case "--l2": options = options with { L2 = Number() }; break;
                case "--cl2": options = options with { CategoryL2 = Number() }; break;
                case "--pos": options = options with { PositiveWeight = Number() }; break;
                case "--iter": options = options with { Iterations = (int)Number() }; break;
                case "--recall": options = options with { TargetRecall = Number() }; break;
                case "--whole": options = options with { BestSentence = false }; break;
                case "--precision": options = options with { MinPrecision = Number() }; break;
                case "--grid": grid = true; break;
                case "--misses": misses = true; break;
                case "--speed": speed = true; break;
                case "--rules": rulesOnly = true; break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
            }
        }

        if (data.Count == 0)
        {
            // The general sets' ordinary answers are the false alarms the backstop must learn to leave alone.
            data.AddRange(DevSetFiles.All());
        }

        var items = data.SelectMany(p => DevSetReader.ReadFile(p)).ToList();
        Console.WriteLine(FormattableString.Invariant($"Training data: {items.Count} items ({items.Count(i => i.Concern is not null)} disclosures) from {string.Join(", ", data.Select(Path.GetFileName))}; {options}"));
        if (rulesOnly)
        {
            var rules = ConcernModelTrainer.Evaluate(null, items);
            Print("rules alone", rules);
            Console.WriteLine($"  missed: {string.Join(' ', rules.Missed)}");
            Console.WriteLine($"  extra:  {string.Join(' ', rules.Extra)}");
            if (misses)
            {
                // Why each false alarm was flagged: its category and the rule's evidence.
                var results = ConcernModelTrainer.Detect(null, items);
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i].Concern is null && results[i].Flagged)
                    {
                        Console.WriteLine($"  {items[i].Id} {results[i].Category}: {results[i].Evidence}");
                    }
                }
            }

            return 0;
        }

        if (grid)
        {
            // The ninth session's grid (docs/analyzer.md): L2 around the default, whole text against best sentence, fewer steps.
            foreach (var (l2, pos, best, iterations) in new[] { (0.0003, 4.0, true, 300), (0.0001, 4.0, true, 300), (0.00003, 4.0, true, 300), (0.00001, 4.0, true, 300), (0.00003, 4.0, false, 300), (0.00003, 2.0, true, 300), (0.00003, 4.0, true, 150) })
            {
                var o = options with { L2 = l2, PositiveWeight = pos, BestSentence = best, Iterations = iterations };
                var cv = ConcernModelTrainer.CrossValidate(items, folds, o);
                Print(FormattableString.Invariant($"CV l2={l2} pos={pos} bestSentence={best} iter={iterations} t={cv.Threshold:0.000}"), cv.Combined);
                Print("    model alone", cv.Model);
                foreach (var point in cv.Curve)
                {
                    Console.WriteLine(FormattableString.Invariant($"    curve: target recall {point.TargetRecall:0.000} threshold {point.Threshold:0.0000} recall {point.Recall:0.000} precision {point.Precision:0.000} (extra {point.FalseAlarms})"));
                }
            }

            return 0;
        }

        if (folds > 1)
        {
            var cv = ConcernModelTrainer.CrossValidate(items, folds, options);
            Console.WriteLine(FormattableString.Invariant($"{folds}-fold CV: threshold {cv.Threshold:0.0000} (rules or model reach recall {options.TargetRecall}, then lowered while precision stays {options.MinPrecision})"));
            Print("  rules alone", cv.Rules);
            Print("  model alone (out of fold)", cv.Model);
            Print("  rules or model (out of fold)", cv.Combined);
            foreach (var point in cv.Curve)
            {
                Console.WriteLine(FormattableString.Invariant($"    curve: target recall {point.TargetRecall:0.000} threshold {point.Threshold:0.0000} recall {point.Recall:0.000} precision {point.Precision:0.000} (extra {point.FalseAlarms})"));
            }

            if (misses)
            {
                Console.WriteLine($"  missed: {string.Join(' ', cv.Combined.Missed)}");
                Console.WriteLine($"  extra:  {string.Join(' ', cv.Combined.Extra)}");
                Console.WriteLine($"  rules alone extra: {string.Join(' ', cv.Rules.Extra)}");
                Console.WriteLine($"  model alone extra: {string.Join(' ', cv.Model.Extra)}");
            }

            threshold ??= cv.Threshold;
        }

        if (tests.Count > 0 || output is not null)
        {
            var bytes = ConcernModelTrainer.Train(items, threshold ?? 0.5, options);
            Console.WriteLine(FormattableString.Invariant($"Model trained on all {items.Count} items at threshold {threshold ?? 0.5:0.0000}: {bytes.Length:N0} bytes"));
            foreach (var test in tests)
            {
                var testItems = DevSetReader.ReadFile(test);
                var rulesAlone = ConcernModelTrainer.Evaluate(null, testItems);
                Print($"{Path.GetFileName(test)}, rules alone", rulesAlone);
                if (misses)
                {
                    Console.WriteLine($"  missed: {string.Join(' ', rulesAlone.Missed)}");
                    Console.WriteLine($"  extra:  {string.Join(' ', rulesAlone.Extra)}");
                }

                var withModel = ConcernModelTrainer.Evaluate(bytes, testItems);
                Print($"{Path.GetFileName(test)}, rules or model", withModel);
                if (misses)
                {
                    Console.WriteLine($"  missed: {string.Join(' ', withModel.Missed)}");
                    Console.WriteLine($"  extra:  {string.Join(' ', withModel.Extra)}");
                }
            }

            if (speed)
            {
                var (rules, withModel, step) = ConcernModelTrainer.MeasureSpeed(bytes, items, 10);
                Console.WriteLine(FormattableString.Invariant($"Speed on {items.Count} redacted texts, warm, least of 5 passes: detection with the rules alone {rules:0.00} CPU-µs a text, rules and model {withModel:0.00}; the model's scoring step {step:0.00}"));
            }

            if (output is not null)
            {
                File.WriteAllBytes(output, bytes);
                Console.WriteLine($"Wrote {output}");
            }
        }

        return 0;
    }

    private static void Print(string title, ConcernFigures f) =>
        Console.WriteLine(FormattableString.Invariant($"{title,-44} n={f.Items,5}  recall {f.Recall:0.000} ({f.Disclosures - f.Missed.Count}/{f.Disclosures})  precision {f.Precision:0.000} (extra {f.Extra.Count})  category {f.CategoryAccuracy:0.000}"));
}
