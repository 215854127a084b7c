using FeedbackCollector.Analysis.Text;
using FeedbackCollector.Analysis.Themes;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The word features built once per text and shared by the theme and sentiment models must give exactly what each model
/// building its own gives: the same themes, confidences and evidence, and bit-identical sentiment scores.
/// </summary>
public class WordFeaturesTests
{
    private static readonly string[] Texts =
    [
        "they never listen to me they just talk to my mum",
        "my worker actually listens now and she is sound",
        "idk who to talk to about stuff at home tbh",
        "my socail worker keeps changing every few months, ive had 4 this year",
        "been waiting ages for councelling becuase of my anxeity 😢",
        "Referrals to MASH get no feedback and health are not invited to strategy meetings.",
        "Caseloads of 28 children leave no time for direct work.",
        "Thank you to the early help team, they went above and beyond for us! ❤️",
        "We waited 14 months for CAMHS and nobody rang us back. The letters are full of jargon.",
        "not bad actually, she really helped but the school did nothing about the bullying",
        "[name] said to call [phone] lol",
        "ppl at skool r always picking on me cuz im gay",
        "sooooo boring nothing to do round here",
        "",
        "ok",
        "The family support worker was brilliant. However the waiting list was far too long and we reached crisis point.",
    ];

    [Fact]
    public void Shared_word_features_give_the_same_themes_and_sentiment_as_each_model_building_its_own()
    {
        var analyzer = TestAnalyzers.Default;
        foreach (var text in Texts)
        {
            foreach (var audience in new[] { Audience.Unknown, Audience.Child, Audience.Parent, Audience.Practitioner })
            {
                var own = analyzer.ScoreThemesAndSentiment(text, audience, shareWordFeatures: false);
                var shared = analyzer.ScoreThemesAndSentiment(text, audience, shareWordFeatures: true);
                Assert.Equal(own.Themes.Count, shared.Themes.Count);
                for (var i = 0; i < own.Themes.Count; i++)
                {
                    Assert.Equal(own.Themes[i].ThemeId, shared.Themes[i].ThemeId);
                    Assert.Equal(own.Themes[i].Confidence, shared.Themes[i].Confidence);
                    Assert.Equal(own.Themes[i].Evidence, shared.Themes[i].Evidence);
                }

                Assert.Equal(own.Sentiment.Label, shared.Sentiment.Label);
                Assert.Equal(BitConverter.DoubleToInt64Bits(own.Sentiment.Positive), BitConverter.DoubleToInt64Bits(shared.Sentiment.Positive));
                Assert.Equal(BitConverter.DoubleToInt64Bits(own.Sentiment.Neutral), BitConverter.DoubleToInt64Bits(shared.Sentiment.Neutral));
                Assert.Equal(BitConverter.DoubleToInt64Bits(own.Sentiment.Negative), BitConverter.DoubleToInt64Bits(shared.Sentiment.Negative));
            }
        }

        // The texts must exercise the models: some themed, some not, every sentiment the models give here.
        var results = Texts.Select(t => analyzer.ScoreThemesAndSentiment(t, Audience.Unknown, shareWordFeatures: true)).ToList();
        Assert.Contains(results, r => r.Themes.Count > 1);
        Assert.Contains(results, r => r.Themes.Count == 0);
        Assert.Contains(results, r => r.Sentiment.Label == SentimentLabel.Positive);
        Assert.Contains(results, r => r.Sentiment.Label == SentimentLabel.Negative);
    }

    [Fact]
    public void The_features_are_the_words_features_built_once_until_reset()
    {
        var vocabulary = new Vocabulary();
        vocabulary.Freeze();
        var tokenizer = new Tokenizer(vocabulary);
        var first = new TokenBuffer();
        var second = new TokenBuffer();
        tokenizer.Tokenize("they never listen to my mum", first, scoreLanguages: false);
        tokenizer.Tokenize("school was brilliant", second, scoreLanguages: false);

        var expected = new List<Feature>();
        TextFeatures.AddWords(first.Span, expected, []);
        var words = new WordFeatures();
        words.Reset();
        Assert.Equal(expected, words.Of(first.Span).ToArray());

        // Until Reset the features of the first text stand, whatever tokens are passed (one text, built once).
        Assert.Equal(expected, words.Of(second.Span).ToArray());

        words.Reset();
        var expectedSecond = new List<Feature>();
        TextFeatures.AddWords(second.Span, expectedSecond, []);
        Assert.Equal(expectedSecond, words.Of(second.Span).ToArray());
        Assert.NotEqual(expected, expectedSecond);
    }
}
