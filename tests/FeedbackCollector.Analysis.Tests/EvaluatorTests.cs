using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

public class EvaluatorTests
{
    private static readonly AnalyzerInfo Info = new("test", "1", "t1");

    private static LabelledItem Item(string id, string text, string[] themes, SentimentLabel sentiment, ConcernCategory? concern = null,
        LabelledPii[]? pii = null, string language = "en") =>
        new(id, Audience.Child, text, language, themes, sentiment, concern, pii ?? []);

    private static AnalysisResult Result(string id, string redacted, string[] themes, SentimentLabel sentiment,
        ConcernCategory? flaggedAs = null, string language = "en") =>
        new(id, language,
            themes.Select(t => new ThemeMatch(t, t, 0.9, [t])).ToList(),
            new SentimentResult(sentiment, 0.4, 0.3, 0.3),
            [],
            redacted,
            [],
            flaggedAs is { } c ? new ConcernResult(true, c, [c], "x") : ConcernResult.None,
            Info);

    // Five items whose figures are worked out by hand in the tests below.
    private static readonly LabelledItem[] Items =
    [
        Item("a", "they never listen", ["listen-to-me", "relationships"], SentimentLabel.Negative, ConcernCategory.Exploitation),
        Item("b", "Sarah listens", ["listen-to-me"], SentimentLabel.Positive, ConcernCategory.SelfHarm, [new(PiiType.Name, "Sarah")]),
        Item("c", "ok", [], SentimentLabel.Neutral),
        Item("d", "my sw will is ok, he will call 07700 900123", ["bullying"], SentimentLabel.Mixed, ConcernCategory.DomesticAbuse,
            [new(PiiType.Name, "will"), new(PiiType.Phone, "07700 900123")]),
        Item("e", "Nikt mnie nie słucha", [], SentimentLabel.Negative, language: "pl"),
    ];

    private static readonly AnalysisResult[] Results =
    [
        Result("a", "they never listen", ["listen-to-me"], SentimentLabel.Negative),
        Result("b", "[name] listens", ["listen-to-me", "praise"], SentimentLabel.Positive, ConcernCategory.SelfHarm),
        Result("c", "ok", ["praise"], SentimentLabel.Positive, ConcernCategory.Exploitation),
        Result("d", "my sw [name] is ok, he will call 07700 900123", ["bullying"], SentimentLabel.Negative, ConcernCategory.ImmediateDanger),
        Result("e", "[name] mnie nie słucha", [], SentimentLabel.Negative, language: "en"),
    ];

    private static readonly string[] Known = ["listen-to-me", "relationships", "bullying", "praise", "school"];

    [Fact]
    public void Theme_counts_precision_recall_and_f1_per_theme()
    {
        var report = Evaluator.Evaluate(Items, Results, Known);

        Assert.Equal(["listen-to-me", "relationships", "bullying", "praise", "school"], report.Themes.Select(t => t.ThemeId));
        var listen = report.Themes[0];
        Assert.Equal((2, 0, 0, 2), (listen.TruePositives, listen.FalsePositives, listen.FalseNegatives, listen.Support));
        Assert.Equal(1.0, listen.Precision);
        Assert.Equal(1.0, listen.Recall);
        Assert.Equal(1.0, listen.F1);

        var relationships = report.Themes[1];
        Assert.Equal((0, 0, 1, 1), (relationships.TruePositives, relationships.FalsePositives, relationships.FalseNegatives, relationships.Support));
        Assert.Null(relationships.Precision);
        Assert.Equal(0.0, relationships.Recall);
        Assert.Equal(0.0, relationships.F1);

        var praise = report.Themes[3];
        Assert.Equal((0, 2, 0, 0), (praise.TruePositives, praise.FalsePositives, praise.FalseNegatives, praise.Support));
        Assert.Equal(0.0, praise.Precision);
        Assert.Null(praise.Recall);
        Assert.Equal(0.0, praise.F1);

        var school = report.Themes[4];
        Assert.Equal(0, school.Support);
        Assert.Null(school.F1);
    }

    [Fact]
    public void Macro_f1_averages_only_themes_with_support()
    {
        // listen-to-me 1, relationships 0, bullying 1; praise (support 0, F1 0) and school are left out.
        var report = Evaluator.Evaluate(Items, Results, Known);
        Assert.Equal(2.0 / 3.0, report.MacroF1!.Value, 10);
    }

    [Fact]
    public void F1_is_harmonic_mean_of_precision_and_recall()
    {
        var m = new ThemeMetrics("x", TruePositives: 3, FalsePositives: 1, FalseNegatives: 3);
        Assert.Equal(0.75, m.Precision);
        Assert.Equal(0.5, m.Recall);
        Assert.Equal(2 * 0.75 * 0.5 / (0.75 + 0.5), m.F1!.Value, 10);
    }

    [Fact]
    public void Unknown_themes_follow_the_known_ones_sorted_by_id()
    {
        var items = new[] { Item("x", "t", ["zeta", "listen-to-me"], SentimentLabel.Neutral) };
        var results = new[] { Result("x", "t", ["alpha"], SentimentLabel.Neutral) };
        var report = Evaluator.Evaluate(items, results, ["listen-to-me"]);
        Assert.Equal(["listen-to-me", "alpha", "zeta"], report.Themes.Select(t => t.ThemeId));
    }

    [Fact]
    public void Sentiment_accuracy_and_confusion_matrix()
    {
        var s = Evaluator.Evaluate(Items, Results).Sentiment;

        Assert.Equal(5, s.Total);
        Assert.Equal(3, s.Correct);
        Assert.Equal(0.6, s.Accuracy!.Value, 10);
        Assert.Equal(2, s.Confusion[SentimentLabel.Negative][SentimentLabel.Negative]);
        Assert.Equal(1, s.Confusion[SentimentLabel.Positive][SentimentLabel.Positive]);
        Assert.Equal(1, s.Confusion[SentimentLabel.Neutral][SentimentLabel.Positive]);
        Assert.Equal(1, s.Confusion[SentimentLabel.Mixed][SentimentLabel.Negative]);
        Assert.Equal(5, s.Confusion.Values.Sum(row => row.Values.Sum()));
        Assert.All(s.Confusion.Values, row => Assert.Equal(4, row.Count));
    }

    [Fact]
    public void Concern_recall_precision_and_category_accuracy()
    {
        var c = Evaluator.Evaluate(Items, Results).Concern;

        // a missed (FN); b right (TP, category right); c false alarm (FP); d flagged with the wrong category (TP).
        Assert.Equal((2, 1, 1), (c.TruePositives, c.FalsePositives, c.FalseNegatives));
        Assert.Equal(2.0 / 3.0, c.Recall!.Value, 10);
        Assert.Equal(2.0 / 3.0, c.Precision!.Value, 10);
        Assert.Equal(0.5, c.CategoryAccuracy);

        var byCategory = c.PerCategory.ToDictionary(p => p.Category);
        Assert.Equal(5, byCategory.Count);
        Assert.Equal((1, 1, 1), (byCategory[ConcernCategory.SelfHarm].Labelled, byCategory[ConcernCategory.SelfHarm].Flagged, byCategory[ConcernCategory.SelfHarm].CategoryCorrect));
        Assert.Equal((1, 1, 0), (byCategory[ConcernCategory.DomesticAbuse].Labelled, byCategory[ConcernCategory.DomesticAbuse].Flagged, byCategory[ConcernCategory.DomesticAbuse].CategoryCorrect));
        Assert.Equal(0.0, byCategory[ConcernCategory.Exploitation].Recall);
        Assert.Null(byCategory[ConcernCategory.ImmediateDanger].Recall);
    }

    [Fact]
    public void Redaction_recall_counts_labelled_occurrences_and_false_redaction_counts_clean_texts()
    {
        var r = Evaluator.Evaluate(Items, Results).Redaction;

        // b: Sarah gone. d: "will" is labelled once, occurs twice, once left (the verb): removed; the phone is left.
        Assert.Equal(3, r.Labelled);
        Assert.Equal(2, r.Removed);
        Assert.Equal(2.0 / 3.0, r.Recall!.Value, 10);
        Assert.Equal([PiiType.Name, PiiType.Phone], r.PerType.Select(p => p.Type));
        Assert.Equal(1.0, r.PerType[0].Recall);
        Assert.Equal(0.0, r.PerType[1].Recall);

        // a, c, e have no personal data; e came back altered.
        Assert.Equal(3, r.CleanTexts);
        Assert.Equal(1, r.CleanTextsAltered);
        Assert.Equal(1.0 / 3.0, r.FalseRedactionRate!.Value, 10);
    }

    [Fact]
    public void Each_occurrence_of_a_repeated_name_counts()
    {
        var items = new[] { Item("x", "Sarah said Sarah would ring", [], SentimentLabel.Neutral, pii: [new(PiiType.Name, "Sarah"), new(PiiType.Name, "Sarah")]) };
        var results = new[] { Result("x", "[name] said Sarah would ring", [], SentimentLabel.Neutral) };
        var r = Evaluator.Evaluate(items, results).Redaction;
        Assert.Equal((2, 1), (r.Labelled, r.Removed));
    }

    [Fact]
    public void Over_redaction_of_a_word_like_name_does_not_inflate_recall()
    {
        // Both "will"s removed: still one labelled occurrence, one removed.
        var items = new[] { Item("x", "will said he will", [], SentimentLabel.Neutral, pii: [new(PiiType.Name, "will")]) };
        var results = new[] { Result("x", "[name] said he [name]", [], SentimentLabel.Neutral) };
        var r = Evaluator.Evaluate(items, results).Redaction;
        Assert.Equal((1, 1), (r.Labelled, r.Removed));
        Assert.Null(r.FalseRedactionRate);
    }

    [Fact]
    public void Language_accuracy_ignores_case()
    {
        var items = new[] { Item("x", "Hola", [], SentimentLabel.Neutral, language: "es"), Item("y", "hi", [], SentimentLabel.Neutral) };
        var results = new[] { Result("x", "Hola", [], SentimentLabel.Neutral, language: "ES"), Result("y", "hi", [], SentimentLabel.Neutral, language: "und") };
        var l = Evaluator.Evaluate(items, results).Language;
        Assert.Equal((2, 1), (l.Total, l.Correct));
        Assert.Equal(0.5, l.Accuracy);
        Assert.Equal(4.0 / 5.0, Evaluator.Evaluate(Items, Results).Language.Accuracy!.Value, 10);
    }

    [Fact]
    public void Find_errors_lists_every_mistake_in_item_order()
    {
        var errors = Evaluator.FindErrors(Items, Results);

        Assert.Equal(
        [
            (EvaluationErrorKind.ThemeMissed, "a", "relationships", "listen-to-me"),
            (EvaluationErrorKind.ConcernMissed, "a", "exploitation", "(none)"),
            (EvaluationErrorKind.ThemeExtra, "b", "listen-to-me", "praise"),
            (EvaluationErrorKind.ThemeExtra, "c", "(none)", "praise"),
            (EvaluationErrorKind.Sentiment, "c", "neutral", "positive"),
            (EvaluationErrorKind.ConcernFalseAlarm, "c", "(none)", "exploitation"),
            (EvaluationErrorKind.Sentiment, "d", "mixed", "negative"),
            (EvaluationErrorKind.ConcernCategory, "d", "domestic-abuse", "immediate-danger"),
            (EvaluationErrorKind.PiiMissed, "d", "phone: 07700 900123", "my sw [name] is ok, he will call 07700 900123"),
            (EvaluationErrorKind.FalseRedaction, "e", "(none)", "[name] mnie nie słucha"),
            (EvaluationErrorKind.Language, "e", "pl", "en"),
        ], errors.Select(e => (e.Kind, e.Id, e.Expected, e.Actual)));
        Assert.All(errors, e => Assert.Equal(Items.Single(i => i.Id == e.Id).Text, e.Text));
    }

    [Fact]
    public void A_perfect_analyzer_scores_one_everywhere_and_has_no_errors()
    {
        var perfect = Items.Select(i => Result(i.Id, Redact(i), [.. i.Themes], i.Sentiment, i.Concern, i.Language)).ToArray();
        var report = Evaluator.Evaluate(Items, perfect);
        Assert.Equal(1.0, report.MacroF1);
        Assert.Equal(1.0, report.Sentiment.Accuracy);
        Assert.Equal(1.0, report.Concern.Recall);
        Assert.Equal(1.0, report.Concern.Precision);
        Assert.Equal(1.0, report.Concern.CategoryAccuracy);
        Assert.Equal(1.0, report.Redaction.Recall);
        Assert.Equal(0.0, report.Redaction.FalseRedactionRate);
        Assert.Equal(1.0, report.Language.Accuracy);
        Assert.Empty(Evaluator.FindErrors(Items, perfect));

        static string Redact(LabelledItem i) =>
            i.Id == "d" ? "my sw [name] is ok, he will call [phone]" : i.Pii.Aggregate(i.Text, (t, p) => t.Replace(p.Text, "[name]"));
    }

    [Fact]
    public void Results_must_pair_with_items_by_count_and_id()
    {
        Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(Items, Results[..4]));
        var swapped = Results.ToArray();
        (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
        Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(Items, swapped));
        Assert.Throws<ArgumentException>(() => Evaluator.FindErrors(Items, swapped));
    }

    [Fact]
    public void Empty_set_has_no_figures()
    {
        var report = Evaluator.Evaluate([], []);
        Assert.Equal(0, report.Items);
        Assert.Null(report.MacroF1);
        Assert.Null(report.Sentiment.Accuracy);
        Assert.Null(report.Concern.Recall);
        Assert.Null(report.Redaction.Recall);
        Assert.Null(report.Language.Accuracy);
    }

    [Theory]
    [InlineData("Also Al came", "Al", 1)]
    [InlineData("willing will", "will", 1)]
    [InlineData("will said he will", "will", 2)]
    [InlineData("call 07700 900123 or 07700 900123", "07700 900123", 2)]
    [InlineData("a07700 900123", "07700 900123", 0)]
    [InlineData("ask @jo.x", "@jo.x", 1)]
    [InlineData("Sarah's phone", "Sarah", 1)]
    [InlineData("", "Sarah", 0)]
    public void Occurrences_respect_word_edges(string haystack, string needle, int expected)
    {
        Assert.Equal(expected, Evaluator.CountOccurrences(haystack, needle));
    }
}
