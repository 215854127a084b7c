using System.Text;
using FeedbackCollector.Digest.Rendering;

namespace FeedbackCollector.Digest.Tests;

public class DigestGoldenTests
{
    [Fact]
    public void Html_matches_its_golden_file() => Golden.Match("digest.html", HtmlDigestRenderer.Render(DigestFixture.Model()));

    [Fact]
    public void Markdown_matches_its_golden_file() => Golden.Match("digest.md", MarkdownDigestRenderer.Render(DigestFixture.Model()));

    [Fact]
    public void Themes_csv_matches_its_golden_file() => Golden.Match("themes.csv", CsvDigestRenderer.RenderThemes(DigestFixture.Model()));

    [Fact]
    public void Comments_csv_matches_its_golden_file() => Golden.Match("comments.csv", CsvDigestRenderer.RenderComments(DigestFixture.Model()));

    [Fact]
    public void Json_matches_its_golden_file() => Golden.Match("digest.json", JsonDigestRenderer.Render(DigestFixture.Model()));

    [Fact]
    public void The_same_data_in_another_order_gives_the_same_bytes()
    {
        var a = DigestRenderer.RenderAll(DigestFixture.Model());
        var shuffled = DigestFixture.Current();
        new Random(42).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
        var b = DigestRenderer.RenderAll(DigestFixture.Model(shuffled));
        Assert.Equal(a.Select(f => f.Name), b.Select(f => f.Name));
        foreach (var (x, y) in a.Zip(b))
        {
            Assert.True(x.Content.AsSpan().SequenceEqual(y.Content), x.Name + " differs");
        }
    }

    [Fact]
    public void Html_is_self_contained()
    {
        var html = Encoding.UTF8.GetString(HtmlDigestRenderer.Render(DigestFixture.Model()));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        // The only URL is the SVG namespace, which is an identifier, not a fetch.
        Assert.Equal(html.Split("http").Length - 1, html.Split("xmlns=\"http://www.w3.org/2000/svg\"").Length - 1);
        Assert.Contains("<html lang=\"en-GB\">", html);
        Assert.Contains("@page{size:A4", html);
        Assert.Contains("<svg", html);
    }
}
