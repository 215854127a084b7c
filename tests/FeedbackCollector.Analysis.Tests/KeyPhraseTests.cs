namespace FeedbackCollector.Analysis.Tests;

public class KeyPhraseTests
{
    private static IReadOnlyList<string> Phrases(string text) => TestAnalyzers.Default.ExtractKeyPhrases(text);

    [Fact]
    public void Multi_word_domain_phrases_come_first()
    {
        var p = Phrases("we have been on the waiting list for camhs for months and the social worker keeps changing");
        Assert.Contains("waiting list", p);
        Assert.Contains("social worker", p);
        Assert.Contains("camhs", p);
    }

    [Fact]
    public void Phrases_are_short_deduplicated_and_in_normalised_spelling()
    {
        var p = Phrases("my socail worker is nice. my social worker listens. the youth club shut and the youth club was the only place");
        Assert.All(p, k => Assert.InRange(k.Split(' ').Length, 1, 3));
        Assert.Equal(p.Count, p.Distinct().Count());
        Assert.Contains("social worker", p);
        Assert.Contains("youth club", p);
        Assert.DoesNotContain("socail worker", p);
        Assert.True(p.Count <= 5);
    }

    [Fact]
    public void Placeholders_never_appear()
    {
        var p = Phrases("[name] from [school] rang [name] about the [address] housing repair and the part time timetable");
        Assert.DoesNotContain(p, k => k.Contains('[') || k.Contains(']'));
        Assert.Contains("part time timetable", p);
    }

    [Fact]
    public void Stop_words_and_generic_words_alone_are_not_phrases()
    {
        var p = Phrases("it was really really good and they were nice to me and i liked it");
        Assert.DoesNotContain("good", p);
        Assert.DoesNotContain("really", p);
        Assert.DoesNotContain("it", p);
    }

    [Fact]
    public void Capitalised_unknown_words_mid_sentence_are_kept_out_as_possible_names()
    {
        var p = Phrases("the worker called Zarvonia helped with the housing forms");
        Assert.DoesNotContain(p, k => k.Contains("zarvonia"));
        Assert.Contains(p, k => k.Contains("housing"));
    }

    [Fact]
    public void Empty_and_emoji_only_texts_have_none()
    {
        Assert.Empty(Phrases(""));
        Assert.Empty(Phrases("😡😡😡"));
    }
}
