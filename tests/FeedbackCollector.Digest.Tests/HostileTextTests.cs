using System.Text;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Digests;
using FeedbackCollector.Core.Responses;
using FeedbackCollector.Digest.Rendering;

namespace FeedbackCollector.Digest.Tests;

public class HostileTextTests
{
    private const string Script = "<script>alert('x')</script> & \"quotes\"";
    private static readonly string LongWord = new('W', 600);
    private const string Emoji = "Brilliant 👍🏽 youth workers 👩‍👩‍👧";
    private const string Rtl = "المدرسة لا تستمع \u202Eevil\u202C";
    private const string Formula = "=SUM(A1:A9),\"x\"";

    private static DigestModel Model()
    {
        var at = DigestFixture.Period.FromUtc.AddDays(2);
        var texts = new[] { Script, LongWord, Emoji, Rtl, Formula, "+1 more please", "-minus start", "@ the start", "\tTabbed" };
        var responses = new List<SurveyResponse>();
        for (var i = 0; i < 10; i++)
        {
            var t = texts[i % texts.Length];
            responses.Add(DigestFixture.Response($"h{i}", "hostile", Audience.Child, at.AddHours(i), Channel.Web, null, [],
                [("q", t, [("x-theme", "<b>Theme</b> | pipe", "x")], SentimentLabel.Neutral, [t])]));
        }
        var actions = new[]
        {
            new ActionRecord { Id = "h", Quarter = new Quarter(2026, 1), ThemeId = "x-theme", YouSaid = Rtl, WeDid = "=1+1", RecordedBy = "o", RecordedUtc = at },
        };
        return DigestBuilder.Build(DigestFixture.Period, [], responses, [], actions, 0, 0, title: "Digest <i>title</i> 👩‍👩‍👧");
    }

    [Fact]
    public void Html_escapes_markup_and_isolates_text_direction()
    {
        var html = HtmlDigestRenderer.RenderText(Model());
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>Theme</b>", html);
        Assert.DoesNotContain("<i>title</i>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;", html);
        // Bidirectional overrides are removed; right-to-left text is isolated from the page around it.
        Assert.DoesNotContain('\u202E', html);
        Assert.Contains("<td class=\"t\" dir=\"auto\">المدرسة", html);
        Assert.All(html.Split("<blockquote>").Skip(1), b => Assert.StartsWith("<p dir=\"auto\">", b));
        Assert.Contains("overflow-wrap:anywhere", html);
        Assert.Contains("👩‍👩‍👧", html);
    }

    [Fact]
    public void Markdown_escapes_markup_and_table_pipes()
    {
        var md = MarkdownDigestRenderer.RenderText(Model());
        Assert.DoesNotContain("<script>", md);
        Assert.Contains("\\<script\\>", md);
        Assert.Contains(@"\<b\>Theme\</b\> \| pipe", md);
        Assert.DoesNotContain('\u202E', md);
        // Every table row keeps its column count despite the pipe in the theme label.
        foreach (var line in md.Split('\n').Where(l => l.StartsWith("| 1 |", StringComparison.Ordinal)))
        {
            Assert.Equal(12, line.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|'));
        }
    }

    [Fact]
    public void Csv_cells_that_a_spreadsheet_would_run_are_neutralised()
    {
        var model = Model();
        var csv = Encoding.UTF8.GetString(CsvDigestRenderer.RenderComments(model)) + Encoding.UTF8.GetString(CsvDigestRenderer.RenderThemes(model));
        foreach (var cell in Cells(csv))
        {
            var c = cell.Trim('"');
            if (c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                Assert.True(double.TryParse(c, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _), $"Formula cell not neutralised: {c}");
            }
        }
        Assert.Contains("\"'=SUM(A1:A9),\"\"x\"\"\"", csv);
        Assert.Contains("'+1 more please", csv);
        Assert.Contains("'-minus start", csv);
        Assert.Contains("'@ the start", csv);
        Assert.Contains("'=1+1", csv);
    }

    [Fact]
    public void Json_keeps_text_as_data()
    {
        var json = Encoding.UTF8.GetString(JsonDigestRenderer.Render(Model()));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("Digest <i>title</i> 👩‍👩‍👧", doc.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Very_long_words_are_not_cut_in_quotes_and_labels_are_cut_whole()
    {
        var model = Model();
        Assert.Contains(model.Comments, c => c.Text == LongWord);
        Assert.Equal("ab\u2026", DigestText.Truncate("abcdef", 3));
        Assert.Equal("👩‍👩‍👧\u2026", DigestText.Truncate("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", 2));
    }

    [Theory]
    [InlineData("write to kid@example.com", false)]
    [InlineData("call 07700 900123", false)]
    [InlineData("see https://x.org", false)]
    [InlineData("I live near SW1A 1AA", false)]
    [InlineData("postcode B33 8TH here", false)]
    [InlineData("My [name] said hi", true)]
    [InlineData("Year 10 and 11 students", true)]
    [InlineData("we meet @ the park", true)]
    public void Personal_data_guard(string text, bool clean) => Assert.Equal(clean, DigestText.LooksClean(text));

    private static IEnumerable<string> Cells(string csv)
    {
        // Enough of RFC 4180 for the test: quoted cells may hold commas and doubled quotes.
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var ch in csv)
        {
            if (ch == '"')
            {
                quoted = !quoted;
                cell.Append(ch);
            }
            else if (!quoted && (ch == ',' || ch == '\n'))
            {
                yield return cell.ToString().TrimEnd('\r').TrimStart('\uFEFF');
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }
    }
}
