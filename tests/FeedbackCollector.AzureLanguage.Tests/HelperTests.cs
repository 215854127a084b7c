using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.AzureLanguage.Tests;

public sealed class TextChunkerTests
{
    [Fact]
    public void Short_text_is_one_piece()
    {
        Assert.Equal([(0, 11)], TextChunker.Split("hello there"));
    }

    [Fact]
    public void Pieces_cover_the_text_within_the_limit_and_break_at_line_then_sentence_then_space()
    {
        var line = new string('a', 70) + "\n";
        var text = string.Concat(Enumerable.Repeat(line, 3)); // 213 chars
        var pieces = TextChunker.Split(text, 100);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 100));
        Assert.Equal(text.Length, pieces.Sum(p => p.Length));
        Assert.Equal('\n', text[pieces[0].Offset + pieces[0].Length - 1]);

        var sentences = string.Concat(Enumerable.Repeat("Word word word. ", 20));
        var s = TextChunker.Split(sentences, 100);
        Assert.EndsWith(". ", sentences.Substring(s[0].Offset, s[0].Length), StringComparison.Ordinal);

        var noSpaces = new string('x', 250);
        Assert.Equal([(0, 100), (100, 100), (200, 50)], TextChunker.Split(noSpaces, 100));
    }

    [Fact]
    public void A_hard_cut_never_splits_a_surrogate_pair()
    {
        var text = new string('x', 99) + "😀" + new string('y', 50);
        var pieces = TextChunker.Split(text, 100);
        Assert.Equal(99, pieces[0].Length);
        Assert.Equal("😀", text.Substring(pieces[1].Offset, 2));
    }
}

public sealed class RedactionTests
{
    [Fact]
    public void Union_merges_overlaps_and_keeps_order()
    {
        var azure = new[] { new PiiSpan(PiiType.Address, 10, 20), new PiiSpan(PiiType.Name, 0, 5) };
        var local = new[] { new PiiSpan(PiiType.Postcode, 22, 8), new PiiSpan(PiiType.Handle, 40, 6), new PiiSpan(PiiType.Name, 2, 6) };
        var merged = Redaction.Union(azure, local, 50);
        Assert.Equal([new PiiSpan(PiiType.Name, 0, 8), new PiiSpan(PiiType.Address, 10, 20), new PiiSpan(PiiType.Handle, 40, 6)], merged);
    }

    [Fact]
    public void Spans_outside_the_text_are_dropped()
    {
        Assert.Empty(Redaction.Union([new PiiSpan(PiiType.Name, 8, 5)], [new PiiSpan(PiiType.Name, -1, 2)], 10));
    }

    [Fact]
    public void Apply_uses_the_products_placeholders()
    {
        const string text = "Jo, born 1 May 2012, NHS 943 476 5919";
        var spans = new[] { new PiiSpan(PiiType.Name, 0, 2), new PiiSpan(PiiType.DateOfBirth, 9, 10), new PiiSpan(PiiType.NhsNumber, 25, 12) };
        Assert.Equal("[name], born [date-of-birth], NHS [nhs-number]", Redaction.Apply(text, spans));
    }

    [Fact]
    public void Scrub_replaces_what_only_the_other_detector_found()
    {
        Assert.Equal("[name] said he hurts", Redaction.Scrub("Sam said he hurts", "Sam said he hurts", [new PiiSpan(PiiType.Name, 0, 3)]));
    }
}

public sealed class SentimentCombinerTests
{
    private static SentimentResult S(SentimentLabel l, double p, double n, double g) => new(l, p, n, g);

    [Fact]
    public void Positive_and_negative_pieces_are_mixed_and_scores_are_length_weighted()
    {
        var r = SentimentCombiner.Combine([(S(SentimentLabel.Positive, 0.9, 0.1, 0), 300), (S(SentimentLabel.Negative, 0, 0.1, 0.9), 100)]);
        Assert.Equal(SentimentLabel.Mixed, r.Label);
        Assert.Equal(0.675, r.Positive, 6);
        Assert.Equal(0.225, r.Negative, 6);
        Assert.Equal(1, r.Positive + r.Neutral + r.Negative, 9);
    }

    [Theory]
    [InlineData(SentimentLabel.Positive, SentimentLabel.Neutral, SentimentLabel.Positive)]
    [InlineData(SentimentLabel.Neutral, SentimentLabel.Negative, SentimentLabel.Negative)]
    [InlineData(SentimentLabel.Neutral, SentimentLabel.Neutral, SentimentLabel.Neutral)]
    [InlineData(SentimentLabel.Mixed, SentimentLabel.Neutral, SentimentLabel.Mixed)]
    public void Labels_follow_the_services_document_rule(SentimentLabel a, SentimentLabel b, SentimentLabel expected)
    {
        Assert.Equal(expected, SentimentCombiner.Combine([(S(a, 0.3, 0.4, 0.3), 10), (S(b, 0.3, 0.4, 0.3), 10)]).Label);
    }
}

public sealed class PiiMappingTests
{
    [Theory]
    [InlineData("Person", "Sam", PiiType.Name)]
    [InlineData("PhoneNumber", "07700 900123", PiiType.Phone)]
    [InlineData("Email", "a@b.c", PiiType.Email)]
    [InlineData("Address", "1 High St", PiiType.Address)]
    [InlineData("URL", "x.com", PiiType.Url)]
    [InlineData("UKNationalHealthNumber", "943 476 5919", PiiType.NhsNumber)]
    [InlineData("UKNationalInsuranceNumber", "QQ123456C", PiiType.NiNumber)]
    [InlineData("DateOfBirth", "1 May 2012", PiiType.DateOfBirth)]
    [InlineData("Organization", "Oakfield Primary", PiiType.School)]
    [InlineData("Organization", "St Mary's Academy", PiiType.School)]
    public void Categories_map_to_the_products_types(string category, string text, PiiType expected)
    {
        Assert.Equal(expected, PiiMapping.Map(category, text));
    }

    [Theory]
    [InlineData("Organization", "CAMHS")]
    [InlineData("Organization", "the council")]
    [InlineData("Age", "14")]
    [InlineData("DateTime", "Tuesday")]
    public void Other_entities_are_not_redacted(string category, string text)
    {
        Assert.Null(PiiMapping.Map(category, text));
    }

    [Fact]
    public void Every_requested_category_maps()
    {
        Assert.All(PiiMapping.RequestedCategories, c => Assert.NotNull(PiiMapping.Map(c, "Oak School")));
    }
}
