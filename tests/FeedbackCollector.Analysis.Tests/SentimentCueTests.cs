using FeedbackCollector.Analysis.Sentiment;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The s14 sentiment cues (requests, sarcasm, reports, clauses leaning both ways, negated complaints), the lexicon's
/// idioms for praise told in words that look bad, and the word lists for the other languages the detector marks.
/// Examples are written for these tests, not taken from any labelled set.
/// </summary>
public class SentimentCueTests
{
    private static SentimentMass Mass(string text) => TestAnalyzers.Default.SentimentMassOf(text);

    private static SentimentLabel Lexicon(string text) => TestAnalyzers.Default.ScoreSentiment(text).Label;

    [Theory]
    [InlineData("there should be more police round the park")]
    [InlineData("id like information on whats out there for my son")]
    [InlineData("would welcome a directory of clubs")]
    [InlineData("more youth clubs please")]
    [InlineData("could we have a drop in on saturdays")]
    [InlineData("it would be nice if there was a group for dads")]
    [InlineData("maybe a text reminder before appointments")]
    [InlineData("what about a leaflet in polish")]
    public void Requests_and_suggestions_are_a_cue(string text) => Assert.True((Mass(text).Cues & Cue.Request) != 0);

    [Theory]
    [InlineData("they never listen")]
    [InlineData("she is great and always rings back")]
    [InlineData("we waited months and nobody rang")]
    [InlineData("i can talk to her about anything")]
    public void Complaints_and_praise_are_not_requests(string text) => Assert.Equal(Cue.None, Mass(text).Cues & Cue.Request);

    [Theory]
    [InlineData("thanks i guess 🙄")]
    [InlineData("yeah right like they care")]
    [InlineData("great service, thanks for nothing")]
    [InlineData("lovely 😒")]
    public void Sarcasm_is_a_cue(string text) => Assert.True((Mass(text).Cues & Cue.Sarcasm) != 0);

    [Theory]
    [InlineData("thank you so much for everything")]
    [InlineData("she got me a place at the club 😊")]
    [InlineData("nothing for young people round here")]
    public void Plain_praise_and_complaint_are_not_sarcasm(string text) => Assert.Equal(Cue.None, Mass(text).Cues & Cue.Sarcasm);

    [Fact]
    public void Sarcasm_takes_the_praise_back()
    {
        Assert.Equal(SentimentLabel.Positive, Lexicon("thanks, really helpful"));
        Assert.Equal(SentimentLabel.Negative, Lexicon("thanks, really helpful 🙄"));
        var m = Mass("thanks i guess 🙄");
        Assert.Equal(0f, m.Pos);
        Assert.True(m.Neg > 0);
        Assert.True((m.Cues & Cue.Grudging) != 0);
    }

    [Fact]
    public void A_note_reporting_a_disclosure_is_a_report_without_first_person()
    {
        var note = Mass("YP disclosed that mums partner pushed her down the stairs, referral made to MASH");
        Assert.True((note.Cues & Cue.Report) != 0);
        Assert.Equal(Cue.None, note.Cues & Cue.FirstPerson);

        var child = Mass("i told my teacher and she helped me");
        Assert.Equal(Cue.None, child.Cues & Cue.Report);
        Assert.True((child.Cues & Cue.FirstPerson) != 0);
    }

    [Theory]
    [InlineData("she is really nice. always late though")]
    [InlineData("the counsellor was brilliant but the wait was awful")]
    [InlineData("honestly everyone was rubbish until she came along, shes the first who gets me")]
    public void Praise_and_complaint_in_different_parts_lean_both_ways(string text)
    {
        var m = Mass(text);
        Assert.True(m.PositiveParts > 0, "positive part");
        Assert.True(m.NegativeParts > 0, "negative part");
    }

    [Fact]
    public void One_sided_texts_lean_one_way_and_the_last_part_is_known()
    {
        var praise = Mass("she is lovely, she always listens");
        Assert.Equal(0, praise.NegativeParts);
        Assert.Equal(1, praise.LastPart);

        var complaint = Mass("nice enough but she is always late and rude");
        Assert.Equal(-1, complaint.LastPart);
    }

    [Fact]
    public void A_bad_word_under_negation_is_counted()
    {
        Assert.True(Mass("they were never rude to us").NegatedBad > 0);
        Assert.Equal(0f, Mass("they were rude to us").NegatedBad);
    }

    [Theory]
    [InlineData("over the moon with the new placement")]
    [InlineData("i liked that they saw me on my own without mum and dad")]
    [InlineData("well run, no complaints from us")]
    [InlineData("seeing children alone is properly embedded now")]
    [InlineData("kooth is good cuz u dont have to talk out loud")]
    [InlineData("shes the first worker who actually gets me")]
    public void Praise_in_words_that_look_bad_is_positive_to_the_lexicon(string text) => Assert.Equal(SentimentLabel.Positive, Lexicon(text));

    [Theory]
    [InlineData("id like information on whats out there")]
    [InlineData("would welcome a directory of clubs")]
    [InlineData("would be good to have a group on fridays")]
    public void A_request_is_not_a_complaint_to_the_lexicon(string text) => Assert.Equal(SentimentLabel.Neutral, Lexicon(text));

    [Fact]
    public void Being_got_down_is_not_being_understood() => Assert.Equal(SentimentLabel.Negative, Lexicon("the waiting really gets me down"));

    [Theory]
    [InlineData("Pani z opieki jest bardzo miła i bardzo nam pomogła, dziękuję", "pl", SentimentLabel.Positive)]
    [InlineData("Nikt mi nie pomaga w szkole, jestem bardzo smutna", "pl", SentimentLabel.Negative)]
    [InlineData("Nauczycielka jest miła, ale nikt nie odpowiada na telefony", "pl", SentimentLabel.Mixed)]
    [InlineData("Asistentul social este foarte bun, mulțumesc pentru tot", "ro", SentimentLabel.Positive)]
    [InlineData("Nimeni nu ne ascultă și copilul are frică", "ro", SentimentLabel.Negative)]
    [InlineData("Muchas gracias, la trabajadora social es muy amable con nosotros", "es", SentimentLabel.Positive)]
    [InlineData("Nadie me escucha en el colegio y tengo miedo", "es", SentimentLabel.Negative)]
    [InlineData("Obrigada, a assistente foi muito gentil e ajudou muito a minha família", "pt", SentimentLabel.Positive)]
    [InlineData("Ninguém ouve o meu filho, estamos esperando há meses", "pt", SentimentLabel.Negative)]
    [InlineData("لا أحد يستمع إلينا في المدرسة وابني خائف", "ar", SentimentLabel.Negative)]
    [InlineData("شكرا جزيلا، المدرسة ساعدت ابني كثيرا", "ar", SentimentLabel.Positive)]
    public void Other_languages_get_their_writers_feeling(string text, string language, SentimentLabel expected)
    {
        var r = TestAnalyzers.Default.Analyze(new AnalysisRequest("x", text, Audience.Parent));
        Assert.Equal(language, r.Language);
        Assert.Empty(r.Themes);
        Assert.Equal(expected, r.Sentiment.Label);
        Assert.Equal(1.0, r.Sentiment.Positive + r.Sentiment.Neutral + r.Sentiment.Negative, 3);
    }

    [Theory]
    [InlineData("koi humari baat nahi sunta, hum bohat pareshan hain", SentimentLabel.Negative)]
    [InlineData("school wale bohat ache hain, shukriya", SentimentLabel.Positive)]
    [InlineData("madad nahi mili", SentimentLabel.Negative)]
    [InlineData("acha nahi hai", SentimentLabel.Negative)]
    public void Urdu_in_latin_script_negates_either_side(string text, SentimentLabel expected) =>
        Assert.Equal(expected, ForeignSentiment.Score(text, "ur")!.Label);

    [Fact]
    public void Accents_are_optional_and_unlisted_languages_stay_neutral()
    {
        Assert.Equal(SentimentLabel.Positive, ForeignSentiment.Score("dziekuje, bardzo pomocna pani", "pl")!.Label);
        Assert.Equal(SentimentLabel.Positive, ForeignSentiment.Score("multumesc frumos", "ro")!.Label);
        Assert.Equal(SentimentLabel.Neutral, ForeignSentiment.Score("mi hijo va al colegio los lunes", "es")!.Label);
        Assert.Null(ForeignSentiment.Score("Merci beaucoup", "fr"));
        Assert.Equal("dziekuje", ForeignSentiment.Fold("dziękuję"));
        Assert.Equal("multumesc", ForeignSentiment.Fold("mulțumesc"));
        Assert.Equal("otimo", ForeignSentiment.Fold("ótimo"));
    }
}
