using System.Globalization;
using System.Text;

namespace FeedbackCollector.Digest.Rendering;

/// <summary>
/// A self-contained HTML page: no script, font, image or style sheet from elsewhere. Accessible (landmarks, one h1 and
/// ordered headings, captioned tables with header scopes, charts as images with a text title and the same figures in
/// the table beside them, text that runs right to left isolated) and printable on A4. Every text is HTML-escaped.
/// A hidden count never draws a bar.
/// </summary>
public static class HtmlDigestRenderer
{
    private const int ChartWidth = 640;
    private const int LabelWidth = 210;
    private const int BarHeight = 20;
    private const int RowHeight = 28;

    /// <summary>
    /// The page's only style sheet, inline in its one <c>&lt;style&gt;</c> element (as "\n" + Css + "\n"). Public so a page
    /// that previews a digest under a Content-Security-Policy can allow exactly this block by its hash.
    /// </summary>
    public const string Css = """
        :root{--ink:#1b1b1b;--muted:#505a5f;--line:#b1b4b6;--bar:#1d70b8;--bar2:#00703c;--bg:#f3f2f1}
        *{box-sizing:border-box}
        body{margin:0;font-family:Arial,Helvetica,sans-serif;color:var(--ink);line-height:1.45;font-size:16px}
        main{max-width:60rem;margin:0 auto;padding:1.5rem}
        h1{font-size:2rem;margin:0 0 .25rem}h2{font-size:1.5rem;margin:2rem 0 .75rem;border-top:2px solid var(--ink);padding-top:.75rem}
        h3{font-size:1.2rem;margin:1.5rem 0 .5rem}h4{font-size:1rem;margin:1rem 0 .25rem}
        .period{color:var(--muted);font-size:1.1rem;margin:0 0 1rem}
        a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:var(--ink)}
        nav li{margin:.3rem 0}nav a{display:inline-block;min-height:24px;line-height:24px}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
        caption{text-align:left;font-weight:bold;padding:.25rem 0}
        th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
        th[scope=col]{border-bottom:2px solid var(--ink)}
        th[scope=row]{min-width:8rem;max-width:18rem}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        td.t{min-width:10rem;max-width:24rem;overflow-wrap:anywhere}
        blockquote{margin:.5rem 0;padding:.5rem .75rem;border-left:5px solid var(--line);background:var(--bg);overflow-wrap:anywhere;word-break:break-word}
        blockquote p{margin:0}
        .note{color:var(--muted)}
        .actions{margin:.25rem 0 0;padding-left:1.1rem}
        dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.summary dt{font-weight:bold}dl.summary dd{margin:0}
        svg{max-width:100%;height:auto;display:block;margin:.5rem 0}
        svg text{font-family:Arial,Helvetica,sans-serif;font-size:13px;fill:#1b1b1b}
        .chart-bar{fill:var(--bar)}.chart-hidden{fill:var(--muted);font-style:italic}
        @page{size:A4;margin:16mm 14mm}
        @media print{body{font-size:11pt}main{max-width:none;padding:0}nav{display:none}h2{break-before:auto;break-after:avoid}h3,h4{break-after:avoid}
          table,blockquote,svg,figure{break-inside:avoid}thead{display:table-header-group}a{color:var(--ink);text-decoration:none}}
        """;

    /// <summary>Renders the page (UTF-8, LF line ends).</summary>
    public static byte[] Render(DigestModel m) => Encoding.UTF8.GetBytes(RenderText(m));

    /// <summary>Renders the page as text.</summary>
    public static string RenderText(DigestModel m)
    {
        var h = new StringBuilder(64 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>").Append(E(m.Title)).Append(" \u2014 ").Append(E(m.Period.Key)).Append("</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        h.Append("<header>\n<h1>").Append(E(m.Title)).Append("</h1>\n<p class=\"period\">").Append(E(m.Period.Label)).Append(" (").Append(E(m.Period.Key)).Append(")</p>\n</header>\n");
        h.Append("<nav aria-label=\"Contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n");
        foreach (var (id, title) in Sections(m))
        {
            h.Append("<li><a href=\"#").Append(id).Append("\">").Append(E(title)).Append("</a></li>\n");
        }
        h.Append("</ol>\n</nav>\n");

        Responses(h, m);
        Themes(h, m);
        foreach (var (section, i) in m.Audiences.Select((s, i) => (s, i)))
        {
            Audience(h, section, i);
        }
        Phrases(h, m);
        Closed(h, m);
        Actions(h, m);
        Method(h, m);
        h.Append("</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static IEnumerable<(string Id, string Title)> Sections(DigestModel m)
    {
        yield return ("responses", "Responses");
        yield return ("themes", "Themes");
        for (var i = 0; i < m.Audiences.Count; i++)
        {
            yield return ($"audience-{i + 1}", m.Audiences[i].Title);
        }
        yield return ("phrases", "Key phrases that rose");
        yield return ("closed", "Closed questions");
        yield return ("you-said-we-did", "You said, we did");
        yield return ("method", "Method");
    }

    private static void Responses(StringBuilder h, DigestModel m)
    {
        h.Append("<section aria-labelledby=\"responses\">\n<h2 id=\"responses\">Responses</h2>\n<dl class=\"summary\">\n");
        h.Append("<dt>Responses</dt><dd>").Append(E(m.Responses.Display)).Append("</dd>\n");
        h.Append("<dt>Previous period</dt><dd>").Append(E(m.PreviousResponses.Display)).Append(" (").Append(E(m.Period.PreviousLabel)).Append(")</dd>\n</dl>\n");
        Chart(h, "chart-audience", "Responses by audience", m.ByAudience.Select(r => (r.Label, r.Count)).ToList());
        Table(h, "Responses by audience", "Audience", m.ByAudience);
        Table(h, "Responses by channel", "Channel", m.ByChannel);
        Table(h, "Responses by survey", "Survey", m.BySurvey);
        Table(h, "Responses by venue", "Venue", m.ByVenue);
        h.Append("</section>\n");
    }

    private static void Themes(StringBuilder h, DigestModel m)
    {
        h.Append("<section aria-labelledby=\"themes\">\n<h2 id=\"themes\">Themes</h2>\n");
        if (m.Themes.Count == 0)
        {
            h.Append("<p>No themes were found in this period.</p>\n</section>\n");
            return;
        }
        Chart(h, "chart-themes", "Responses by theme (top 10)", m.Themes.Take(10).Select(t => (t.Theme.Label, t.Count)).ToList());
        // Two tables rather than one of eleven columns, which would be wider than an A4 page: the ranking with its
        // actions, then the sentiment within each theme.
        h.Append("<table>\n<caption>Themes ranked by responses, with change against ").Append(E(m.Period.PreviousLabel)).Append("</caption>\n<thead>\n<tr>")
            .Append("<th scope=\"col\" class=\"n\">Rank</th><th scope=\"col\">Theme</th><th scope=\"col\" class=\"n\">Responses</th><th scope=\"col\" class=\"n\">Share</th>")
            .Append("<th scope=\"col\" class=\"n\">Previous</th><th scope=\"col\" class=\"n\">Change</th><th scope=\"col\">You said, we did</th></tr>\n</thead>\n<tbody>\n");
        foreach (var t in m.Themes)
        {
            h.Append("<tr><td class=\"n\">").Append(t.Rank.ToString(CultureInfo.InvariantCulture)).Append("</td><th scope=\"row\"><bdi>").Append(E(t.Theme.Label)).Append("</bdi></th>")
                .Append(N(t.Count.Display)).Append(N(t.ShareDisplay)).Append(N(t.Previous.Display)).Append(N(t.ChangeDisplay))
                .Append("<td class=\"t\">");
            if (t.Actions.Count > 0)
            {
                h.Append("<ul class=\"actions\">");
                foreach (var a in t.Actions)
                {
                    h.Append("<li dir=\"auto\">").Append(E(a.WeDid)).Append("</li>");
                }
                h.Append("</ul>");
            }
            h.Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n<p class=\"note\">Share is of the ").Append(E(m.Method.WithText.Display))
            .Append(" responses with analysed free text; a response may have several themes. Change is in percentage points of share.</p>\n");
        h.Append("<table>\n<caption>Sentiment within each theme (responses)</caption>\n<thead>\n<tr>")
            .Append("<th scope=\"col\">Theme</th><th scope=\"col\" class=\"n\">Positive</th><th scope=\"col\" class=\"n\">Neutral</th>")
            .Append("<th scope=\"col\" class=\"n\">Negative</th><th scope=\"col\" class=\"n\">Mixed</th></tr>\n</thead>\n<tbody>\n");
        foreach (var t in m.Themes)
        {
            h.Append("<tr><th scope=\"row\"><bdi>").Append(E(t.Theme.Label)).Append("</bdi></th>")
                .Append(N(t.Sentiment.Positive.Display)).Append(N(t.Sentiment.Neutral.Display)).Append(N(t.Sentiment.Negative.Display)).Append(N(t.Sentiment.Mixed.Display))
                .Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Audience(StringBuilder h, AudienceSection s, int index)
    {
        var id = $"audience-{index + 1}";
        h.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">").Append(E(s.Title)).Append("</h2>\n");
        h.Append("<p>Responses: ").Append(E(s.Responses.Display)).Append(".</p>\n");
        if (s.Forum is { } f)
        {
            h.Append("<p>Sessions: ").Append(E(f.Sessions.Display)).Append(". Young people taking part: ").Append(E(f.YoungPeople.Display));
            if (f.Ages is not null)
            {
                h.Append(", aged ").Append(E(f.Ages));
            }
            h.Append(".</p>\n");
        }
        if (s.Themes.Count == 0)
        {
            h.Append("<p>No themes were found in these responses.</p>\n");
        }
        foreach (var t in s.Themes)
        {
            h.Append("<h3><bdi>").Append(E(t.Theme.Label)).Append("</bdi> <span class=\"note\">(").Append(E(t.Count.Display)).Append(" responses)</span></h3>\n");
            if (t.Quotes.Count == 0)
            {
                h.Append("<p class=\"note\">").Append(t.Count.Shown ? "No answer could be quoted safely." : "Too few responses to quote.").Append("</p>\n");
            }
            foreach (var q in t.Quotes)
            {
                h.Append("<blockquote><p dir=\"auto\">").Append(E(q)).Append("</p></blockquote>\n");
            }
        }
        h.Append("</section>\n");
    }

    private static void Phrases(StringBuilder h, DigestModel m)
    {
        h.Append("<section aria-labelledby=\"phrases\">\n<h2 id=\"phrases\">Key phrases that rose</h2>\n");
        if (m.RisingPhrases.Count == 0)
        {
            h.Append("<p>No key phrase rose by enough to report.</p>\n</section>\n");
            return;
        }
        h.Append("<table>\n<caption>Key phrases mentioned more than in ").Append(E(m.Period.PreviousLabel)).Append("</caption>\n<thead>\n<tr><th scope=\"col\">Phrase</th><th scope=\"col\" class=\"n\">Responses</th><th scope=\"col\" class=\"n\">Previous</th></tr>\n</thead>\n<tbody>\n");
        foreach (var p in m.RisingPhrases)
        {
            h.Append("<tr><th scope=\"row\"><bdi>").Append(E(p.Phrase)).Append("</bdi></th>").Append(N(p.Now.Display)).Append(N(p.Before.Display)).Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Closed(StringBuilder h, DigestModel m)
    {
        h.Append("<section aria-labelledby=\"closed\">\n<h2 id=\"closed\">Closed questions</h2>\n");
        if (m.ClosedQuestions.Count == 0)
        {
            h.Append("<p>No closed questions were answered in this period.</p>\n");
        }
        var i = 0;
        foreach (var q in m.ClosedQuestions)
        {
            i++;
            h.Append("<h3><bdi>").Append(E(q.Text)).Append("</bdi></h3>\n<p class=\"note\"><bdi>").Append(E(q.SurveyTitle)).Append("</bdi>; answered by ")
                .Append(E(q.Answered.Display)).Append(q.SeveralAnswers ? "; several answers allowed" : "").Append(".</p>\n");
            Chart(h, $"chart-q{i}", q.Text, q.Options.Select(o => (o.Label, o.Count)).ToList());
            Table(h, q.Text, "Answer", q.Options);
        }
        h.Append("</section>\n");
    }

    private static void Actions(StringBuilder h, DigestModel m)
    {
        h.Append("<section aria-labelledby=\"you-said-we-did\">\n<h2 id=\"you-said-we-did\">You said, we did</h2>\n");
        if (m.Actions.Count == 0)
        {
            h.Append("<p>No actions were recorded for this period.</p>\n");
        }
        else
        {
            h.Append("<table>\n<caption>Actions recorded against themes</caption>\n<thead>\n<tr><th scope=\"col\">Theme</th><th scope=\"col\">You said</th><th scope=\"col\">We did</th><th scope=\"col\">Period</th></tr>\n</thead>\n<tbody>\n");
            foreach (var a in m.Actions)
            {
                h.Append("<tr><th scope=\"row\"><bdi>").Append(E(a.Theme.Label)).Append("</bdi></th><td class=\"t\" dir=\"auto\">").Append(E(a.YouSaid)).Append("</td><td class=\"t\" dir=\"auto\">")
                    .Append(E(a.WeDid)).Append("</td><td>").Append(E(a.Period)).Append("</td></tr>\n");
            }
            h.Append("</tbody>\n</table>\n");
        }
        h.Append("</section>\n");
    }

    private static void Method(StringBuilder h, DigestModel m)
    {
        var n = m.Method;
        h.Append("<section aria-labelledby=\"method\">\n<h2 id=\"method\">Method</h2>\n<dl class=\"summary\">\n");
        h.Append("<dt>Responses</dt><dd>").Append(E(m.Responses.Display)).Append("</dd>\n");
        h.Append("<dt>Analysed</dt><dd>").Append(E(n.Analysed.Display)).Append("</dd>\n");
        h.Append("<dt>Not yet analysed</dt><dd>").Append(E(n.Pending.Display)).Append("</dd>\n");
        h.Append("<dt>With free text</dt><dd>").Append(E(n.WithText.Display)).Append("</dd>\n");
        h.Append("<dt>Concerns raised</dt><dd>").Append(E(n.ConcernsRaised.Display)).Append("</dd>\n");
        h.Append("<dt>Concerns reviewed</dt><dd>").Append(E(n.ConcernsReviewed.Display)).Append("</dd>\n");
        h.Append("<dt>Comments held back</dt><dd>").Append(E(n.CommentsHeldBack.Display)).Append("</dd>\n</dl>\n");
        if (n.Analyzers.Count > 0)
        {
            Table(h, "Analyzer and taxonomy versions", "Analyzer", n.Analyzers);
        }
        h.Append("<p>").Append(E(n.SuppressionRule)).Append("</p>\n<p>").Append(E(n.QuoteRule)).Append("</p>\n</section>\n");
    }

    private static void Table(StringBuilder h, string caption, string head, IReadOnlyList<CountRow> rows)
    {
        h.Append("<table>\n<caption>").Append(E(caption)).Append("</caption>\n<thead>\n<tr><th scope=\"col\">").Append(E(head))
            .Append("</th><th scope=\"col\" class=\"n\">Responses</th></tr>\n</thead>\n<tbody>\n");
        foreach (var r in rows)
        {
            h.Append("<tr><th scope=\"row\"><bdi>").Append(E(r.Label)).Append("</bdi></th>").Append(N(r.Count.Display)).Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
    }

    /// <summary>A horizontal bar chart. Bars are drawn only for shown counts; a hidden count is written, not drawn.</summary>
    private static void Chart(StringBuilder h, string id, string title, IReadOnlyList<(string Label, Count Count)> items)
    {
        if (items.Count == 0)
        {
            return;
        }
        var max = Math.Max(1, items.Where(i => i.Count.Shown).Select(i => i.Count.Value).DefaultIfEmpty(0).Max());
        var height = (items.Count * RowHeight) + 8;
        var barSpace = ChartWidth - LabelWidth - 90;
        var inv = CultureInfo.InvariantCulture;
        h.Append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"").Append(id).Append("-t\" viewBox=\"0 0 ")
            .Append(ChartWidth.ToString(inv)).Append(' ').Append(height.ToString(inv)).Append("\" width=\"").Append(ChartWidth.ToString(inv))
            .Append("\" height=\"").Append(height.ToString(inv)).Append("\">\n<title id=\"").Append(id).Append("-t\">").Append(E(title)).Append(": ")
            .Append(E(string.Join("; ", items.Select(i => $"{i.Label} {i.Count.Display}")))).Append("</title>\n");
        for (var i = 0; i < items.Count; i++)
        {
            var (label, count) = items[i];
            var y = 4 + (i * RowHeight);
            var textY = (y + 15).ToString(inv);
            var shortLabel = DigestText.Truncate(label, 30);
            h.Append("<text x=\"").Append((LabelWidth - 8).ToString(inv)).Append("\" y=\"").Append(textY).Append("\" text-anchor=\"end\">").Append(E(shortLabel)).Append("</text>");
            if (count.Shown)
            {
                var w = count.Value == 0 ? 0 : Math.Max(1, (int)Math.Round((double)count.Value / max * barSpace, MidpointRounding.AwayFromZero));
                h.Append("<rect class=\"chart-bar\" x=\"").Append(LabelWidth.ToString(inv)).Append("\" y=\"").Append(y.ToString(inv)).Append("\" width=\"").Append(w.ToString(inv))
                    .Append("\" height=\"").Append(BarHeight.ToString(inv)).Append("\"/><text x=\"").Append((LabelWidth + w + 6).ToString(inv)).Append("\" y=\"").Append(textY).Append("\">")
                    .Append(E(count.Display)).Append("</text>\n");
            }
            else
            {
                h.Append("<text class=\"chart-hidden\" x=\"").Append(LabelWidth.ToString(inv)).Append("\" y=\"").Append(textY).Append("\">").Append(E(count.Display)).Append("</text>\n");
            }
        }
        h.Append("</svg>\n</figure>\n");
    }

    private static string N(string display) => "<td class=\"n\">" + E(display) + "</td>";

    /// <summary>Escapes text for HTML content and attribute values.</summary>
    public static string E(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }
        return sb.ToString();
    }
}
