using FeedbackCollector.Analysis.Concerns;
using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>The trained concern backstop beside the rules (embedded model; no I/O).</summary>
public class ConcernModelTests
{
    private static readonly ConcernModel Model = ConcernModel.Default ?? throw new InvalidOperationException("The concern model is not embedded.");

    private readonly ConcernDetector rulesAndModel = new();
    private readonly ConcernDetector rulesAlone = new(null);

    [Fact]
    public void The_embedded_model_loads_with_a_cross_validated_threshold()
    {
        Assert.InRange(Model.Threshold, 0.05f, 0.95f);
        Assert.True(Model.BestSentence);
    }

    [Theory]
    // The neglect rule's "left on our own for days" branch: "left" gates the rule (it was missing from its anchors, so the
    // branch never ran on a text without "alone" and the rule's other words).
    [InlineData("me and my little brother got left on our own for 3 days")]
    [InlineData("they left us on our own all weekend again")]
    public void The_rules_flag_children_left_on_their_own_for_days(string text)
    {
        var result = rulesAlone.Detect(text, Audience.Child);

        Assert.True(result.Flagged);
        Assert.Equal(ConcernCategory.AbuseNeglect, result.Category);
        Assert.Contains("left", result.Evidence!, StringComparison.Ordinal);
    }

    [Theory]
    // Phrasings the rules pass over (asserted below) that the model flags, with the category its head chooses.
    [InlineData("my stepdad comes in the bathroom when im in the shower and wont leave", Audience.Child, ConcernCategory.AbuseNeglect)]
    [InlineData("i dont think i can keep going much longer", Audience.Child, ConcernCategory.SelfHarm)]
    [InlineData("i have been thinking about not being here", Audience.Child, ConcernCategory.SelfHarm)]
    public void The_model_flags_phrasings_the_rules_miss(string text, Audience audience, ConcernCategory category)
    {
        Assert.False(rulesAlone.Detect(text, audience).Flagged);

        var result = rulesAndModel.Detect(text, audience);

        Assert.True(result.Flagged);
        Assert.Equal(category, result.Category);
        Assert.Equal([category], result.Categories);
        Assert.False(string.IsNullOrWhiteSpace(result.Evidence));
        Assert.Contains(result.Evidence!, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the wait for camhs is killing me", Audience.Child)]
    [InlineData("Attended domestic abuse training, really useful", Audience.Practitioner)]
    [InlineData("my mum will kill me if i fail my exams lol", Audience.Child)]
    [InlineData("id die for a decent youth club round here", Audience.Child)]
    [InlineData("The school is driving me mad, nobody answers emails", Audience.Parent)]
    [InlineData("my worker actually listens now and she writes down what i say", Audience.Child)]
    [InlineData("We had a briefing on county lines and exploitation, good session", Audience.Practitioner)]
    [InlineData("i used to hurt myself but i havent for over a year and im much better now", Audience.Child)]
    public void Hard_negatives_stay_unflagged_with_the_model(string text, Audience audience)
    {
        Assert.False(rulesAndModel.Detect(text, audience).Flagged);
    }

    [Fact]
    public void Past_and_resolved_harm_is_not_flagged_by_the_model_even_when_it_scores_high()
    {
        const string text = "i used to hurt myself every night and hide the marks and think about dying but im safe now";
        var normal = ConcernText.For(text);
        var tokens = ConcernTokens.For(normal.Text);

        Assert.True(Model.TryFlag(normal.Text, tokens, Audience.Child, out _));
        Assert.False(rulesAndModel.Detect(text, Audience.Child).Flagged);
    }

    [Fact]
    public void A_rule_flag_keeps_the_rules_category_and_evidence()
    {
        var withModel = rulesAndModel.Detect("he hits me when hes drunk", Audience.Child);
        var rules = rulesAlone.Detect("he hits me when hes drunk", Audience.Child);

        Assert.Equal(rules, withModel with { Categories = rules.Categories });
        Assert.Equal(rules.Categories, withModel.Categories);
    }

    [Fact]
    public void Evidence_is_the_words_that_weighed_most_and_lies_in_one_sentence()
    {
        const string text = "Thanks for the survey. The youth club is good. my stepdad comes in the bathroom when im in the shower and wont leave. See you soon.";

        var result = rulesAndModel.Detect(text, Audience.Child);

        Assert.True(result.Flagged);
        Assert.Contains(result.Evidence!, text, StringComparison.Ordinal);
        Assert.DoesNotContain('.', result.Evidence!);
        Assert.True(result.Evidence!.Split(' ').Length <= 8);
    }

    [Fact]
    public void The_category_head_gives_a_distribution_over_the_five_categories()
    {
        var normal = ConcernText.For("my mums boyfriend pushes her around and she cries every night");
        var tokens = ConcernTokens.For(normal.Text);

        var p = Model.CategoryProbabilities(normal.Text, tokens, Audience.Child);

        Assert.Equal(5, p.Length);
        Assert.Equal(1f, p.Sum(), 3);
        Assert.Equal(ConcernCategory.DomesticAbuse, ConcernModel.Categories[Array.IndexOf(p, p.Max())]);
    }

    [Fact]
    public void A_model_round_trips_through_its_bytes_and_scores_the_same()
    {
        var copy = ConcernModel.Read(new MemoryStream(Model.ToBytes()));
        foreach (var text in new[] { "my stepdad comes in the bathroom when im in the shower and wont leave", "the wait for camhs is killing me" })
        {
            var normal = ConcernText.For(text);
            var tokens = ConcernTokens.For(normal.Text);
            Assert.Equal(Model.Logit(normal.Text, tokens, Audience.Child), copy.Logit(normal.Text, tokens, Audience.Child));
        }

        Assert.Equal(Model.Threshold, copy.Threshold);
    }

    [Fact]
    public void A_model_read_back_writes_the_same_bytes_and_a_cut_file_is_refused()
    {
        var bytes = Model.ToBytes();
        Assert.Equal(bytes, ConcernModel.Read(new MemoryStream(bytes)).ToBytes());
        Assert.Throws<EndOfStreamException>(() => ConcernModel.Read(new MemoryStream(bytes[..^3])));
    }

    [Fact]
    public void A_file_that_is_not_a_concern_model_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => ConcernModel.Read(new MemoryStream("FCAM\u0002\0\0\0"u8.ToArray())));
    }

    [Fact]
    public void Detection_is_deterministic()
    {
        const string text = "i dont think i can keep going much longer";
        var first = rulesAndModel.Detect(text, Audience.Child);
        for (var i = 0; i < 3; i++)
        {
            var again = new ConcernDetector().Detect(text, Audience.Child);
            Assert.Equal(first.Flagged, again.Flagged);
            Assert.Equal(first.Category, again.Category);
            Assert.Equal(first.Evidence, again.Evidence);
        }
    }

    [Fact]
    public void Training_is_deterministic_and_learns_the_distinction_not_the_words()
    {
        // A toy set where the same strong word is a disclosure with a person harmed and a complaint with a service.
        var items = new List<LabelledItem>();
        string[] disclosures = ["my dad hurts me every night", "mums boyfriend hurts her", "he hurts me when he drinks", "my uncle hurts me", "stepdad hurts my brother"];
        string[] complaints = ["the wait hurts", "the council process hurts families", "waiting lists hurt everyone", "the cuts hurt services", "the delay hurt us"];
        for (var i = 0; i < disclosures.Length; i++)
        {
            items.Add(Item($"d{i}", disclosures[i], ConcernCategory.AbuseNeglect));
            items.Add(Item($"n{i}", complaints[i], null));
        }

        var options = new ConcernTrainingOptions(Iterations: 100);
        var first = ConcernModelTrainer.Train(items, 0.5, options);
        var second = ConcernModelTrainer.Train(items, 0.5, options);
        Assert.Equal(first, second);

        var model = ConcernModel.Read(new MemoryStream(first));
        Assert.True(Probability(model, "my dad hurts me") > 0.5);
        Assert.True(Probability(model, "the wait hurts") < 0.5);
    }

    private static float Probability(ConcernModel model, string text)
    {
        var normal = ConcernText.For(text);
        return model.Probability(normal.Text, ConcernTokens.For(normal.Text), Audience.Child);
    }

    private static LabelledItem Item(string id, string text, ConcernCategory? concern) =>
        new(id, Audience.Child, text, "en", [], SentimentLabel.Negative, concern, []);
}
