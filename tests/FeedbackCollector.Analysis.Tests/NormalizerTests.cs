namespace FeedbackCollector.Analysis.Tests;

public class NormalizerTests
{
    private static IReadOnlyList<(string Surface, string Normalised)> Norm(string text) => TestAnalyzers.Default.Normalise(text);

    private static string Words(string text) => string.Join(" ", Norm(text).Select(t => t.Normalised));

    [Theory]
    [InlineData("idk tbh", "i dont know to be honest")]
    [InlineData("ppl dont listen cuz they r busy", "people dont listen because they are busy")]
    [InlineData("u never txt back wen u say", "you never text back when you say")]
    [InlineData("my sw is gr8 ngl", "my social worker is great not gonna lie")]
    [InlineData("coz ur not there rn", "because your not there right now")]
    [InlineData("I DON'T want to", "i dont want to")]
    [InlineData("She didn’t listen", "she didnt listen")]
    [InlineData("my worker's phone", "my worker phone")]
    public void Text_speak_and_apostrophes(string text, string expected) => Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("socail", "social")]
    [InlineData("becuase", "because")]
    [InlineData("realy", "really")]
    [InlineData("freinds", "friends")]
    [InlineData("skool", "school")]
    [InlineData("councelling", "counselling")]
    [InlineData("anxeity", "anxiety")]
    [InlineData("lisening", "listening")]
    [InlineData("bullyed", "bullied")]
    [InlineData("confidentality", "confidentiality")]
    public void Misspellings_are_corrected(string word, string expected) => Assert.Equal(expected, Words(word));

    [Theory]
    [InlineData("threshhold", "threshold")] // one letter too many
    [InlineData("placemnet", "placement")] // two letters swapped
    [InlineData("caseloda", "caseload")]
    public void One_edit_slips_reach_domain_words_without_a_list(string word, string expected) => Assert.Equal(expected, Words(word));

    [Theory]
    [InlineData("calm")] // a real word one edit from "call" stays itself
    [InlineData("lesson")]
    [InlineData("trusty")]
    public void Real_words_are_never_corrected(string word) => Assert.Equal(word, Words(word));

    [Fact]
    public void Stretched_letters_collapse_to_a_known_word()
    {
        Assert.Equal("so good", Words("sooooo goooood"));
        Assert.Equal("please", Words("pleaseeeee"));
        Assert.Equal("really", Words("reallllly"));
    }

    [Fact]
    public void Offsets_point_at_the_words_as_written_even_when_expanded()
    {
        var text = "idk why my SOCAIL wrker never rang back";
        var tokens = Norm(text);
        Assert.Equal(("idk", "i"), tokens[0]);
        Assert.Equal(("idk", "dont"), tokens[1]);
        Assert.Equal(("idk", "know"), tokens[2]);
        Assert.Contains(("SOCAIL", "social"), tokens);
        Assert.Contains(("wrker", "worker"), tokens);
    }

    [Fact]
    public void Placeholders_emoji_and_emoticons_are_tokens()
    {
        var tokens = Norm("[name] was great 😡😢 :( ❤️ x");
        Assert.Equal("[name]", tokens[0].Normalised);
        Assert.Contains(tokens, t => t.Surface == "😡");
        Assert.Contains(tokens, t => t.Surface == "😢");
        Assert.Contains(tokens, t => t.Surface == ":(");
        Assert.Contains(tokens, t => t.Surface == "❤");
        Assert.DoesNotContain(tokens, t => t.Surface.Contains('\uFE0F'));
    }

    [Fact]
    public void No_punctuation_and_odd_spacing_still_tokenise()
    {
        Assert.Equal("no one listens to me at school they just ignore me", Words("no one listens to me at school they just ignore me"));
        Assert.Equal("waiting list camhs", Words("waiting-list...CAMHS!!!"));
    }
}
