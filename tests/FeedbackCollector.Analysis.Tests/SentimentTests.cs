using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

public class SentimentTests
{
    private static SentimentResult Score(string text) => TestAnalyzers.Default.ScoreSentiment(text);

    private static SentimentLabel Label(string text) => Score(text).Label;

    [Theory]
    [InlineData("they never listen")]
    [InlineData("not helpful at all")]
    [InlineData("it didnt help")]
    [InlineData("still waiting for a call back")]
    [InlineData("nobody cares about us")]
    [InlineData("no one ever tells us anything")]
    [InlineData("waste of time tbh")]
    [InlineData("absolutely DISGUSTING service 😡😡")]
    [InlineData("they should listen to kids more")]
    [InlineData("i was so let down by everyone")]
    public void Negative(string text) => Assert.Equal(SentimentLabel.Negative, Label(text));

    [Theory]
    [InlineData("my worker actually listens now")]
    [InlineData("thank you so much for everything")]
    [InlineData("she is amazing and always there for me")]
    [InlineData("couldnt have done it without her")]
    [InlineData("not bad at all, really helpful")]
    [InlineData("youth club is soooo good 👍")]
    [InlineData("cant fault the service")]
    public void Positive(string text) => Assert.Equal(SentimentLabel.Positive, Label(text));

    [Theory]
    [InlineData("she is nice but always late")]
    [InlineData("the counselling was brilliant but the wait was awful")]
    [InlineData("i love my foster carers but i hate how far away i am from my mum")]
    public void Mixed(string text) => Assert.Equal(SentimentLabel.Mixed, Label(text));

    [Theory]
    [InlineData("I am 14 and live with my nan")]
    [InlineData("more youth clubs")]
    [InlineData("07700 900123")]
    public void Neutral(string text) => Assert.Equal(SentimentLabel.Neutral, Label(text));

    [Fact]
    public void Negation_flips_a_good_word()
    {
        Assert.True(Score("helpful").Positive > Score("helpful").Negative);
        Assert.True(Score("not helpful").Negative > Score("not helpful").Positive);
    }

    [Fact]
    public void Intensifiers_and_capitals_strengthen()
    {
        Assert.True(Score("very good").Positive > Score("good").Positive);
        Assert.True(Score("AWFUL").Negative > Score("awful").Negative);
    }

    [Fact]
    public void What_follows_but_weighs_more()
    {
        // Mild praise, then a clear complaint: the complaint wins.
        Assert.Equal(SentimentLabel.Negative, Label("it was ok but they never call back and nobody tells us anything"));
    }

    [Fact]
    public void Hard_subjects_in_thanks_stay_positive()
    {
        Assert.Equal(SentimentLabel.Positive, Label("Thank you to the counsellor who helped my daughter stop self-harming, she is doing so well now"));
    }

    [Fact]
    public void Scores_are_probabilities()
    {
        foreach (var text in new[] { "awful", "great", "ok", "great but awful", "" })
        {
            var s = Score(text);
            Assert.InRange(s.Positive, 0, 1);
            Assert.InRange(s.Neutral, 0, 1);
            Assert.InRange(s.Negative, 0, 1);
            Assert.Equal(1.0, s.Positive + s.Neutral + s.Negative, 3);
        }
    }

    [Fact]
    public void Long_angry_parent()
    {
        const string text = "I have phoned the team six times this month and nobody has rung me back. My son has been out of school since " +
                            "September and we are STILL waiting for his EHCP. Every time we get a new social worker we start again. " +
                            "I am at the end of my tether and frankly the whole system is a disgrace.";
        Assert.Equal(SentimentLabel.Negative, Label(text));
    }

    [Fact]
    public void Long_grateful_parent()
    {
        const string text = "I just want to say how grateful we are to our family support worker. She was honest with us from day one, " +
                            "she always rang back when she said she would, and she helped us get my daughter into counselling. " +
                            "Things are so much better at home now. Thank you.";
        Assert.Equal(SentimentLabel.Positive, Label(text));
    }
}
