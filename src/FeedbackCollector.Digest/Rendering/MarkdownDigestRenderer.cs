using System.Globalization;
using System.Text;

namespace FeedbackCollector.Digest.Rendering;

/// <summary>
/// The digest as Markdown (CommonMark with pipe tables). Text from people is escaped so that it can neither format the
/// page, start a list or heading, break a table, nor bring in HTML.
/// </summary>
public static class MarkdownDigestRenderer
{
    /// <summary>Renders the digest (UTF-8, LF line ends).</summary>
    public static byte[] Render(DigestModel m) => Encoding.UTF8.GetBytes(RenderText(m));

    /// <summary>Renders the digest as text.</summary>
    public static string RenderText(DigestModel m)
    {
        var s = new StringBuilder(32 * 1024);
        s.Append("# ").Append(Md(m.Title)).Append("\n\n").Append(Md(m.Period.Label)).Append(" (").Append(Md(m.Period.Key)).Append(")\n\n");

        s.Append("## Responses\n\n");
        s.Append("- Responses: ").Append(m.Responses.Display).Append('\n');
        s.Append("- Previous period: ").Append(m.PreviousResponses.Display).Append(" (").Append(Md(m.Period.PreviousLabel)).Append(")\n\n");
        Table(s, "Audience", m.ByAudience);
        Table(s, "Channel", m.ByChannel);
        Table(s, "Survey", m.BySurvey);
        Table(s, "Venue", m.ByVenue);

        s.Append("## Themes\n\n");
        if (m.Themes.Count == 0)
        {
            s.Append("No themes were found in this period.\n\n");
        }
        else
        {
            s.Append("| Rank | Theme | Responses | Share | Previous | Change | Positive | Neutral | Negative | Mixed | You said, we did |\n");
            s.Append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            foreach (var t in m.Themes)
            {
                s.Append("| ").Append(t.Rank.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Cell(t.Theme.Label)).Append(" | ").Append(t.Count.Display)
                    .Append(" | ").Append(t.ShareDisplay).Append(" | ").Append(t.Previous.Display).Append(" | ").Append(t.ChangeDisplay)
                    .Append(" | ").Append(t.Sentiment.Positive.Display).Append(" | ").Append(t.Sentiment.Neutral.Display).Append(" | ").Append(t.Sentiment.Negative.Display)
                    .Append(" | ").Append(t.Sentiment.Mixed.Display).Append(" | ").Append(string.Join("; ", t.Actions.Select(a => Cell(a.WeDid)))).Append(" |\n");
            }
            s.Append("\nShare is of the ").Append(m.Method.WithText.Display).Append(" responses with analysed free text; a response may have several themes. Change is in percentage points of share.\n\n");
        }

        foreach (var a in m.Audiences)
        {
            s.Append("## ").Append(Md(a.Title)).Append("\n\nResponses: ").Append(a.Responses.Display).Append(".\n\n");
            if (a.Forum is { } f)
            {
                s.Append("Sessions: ").Append(f.Sessions.Display).Append(". Young people taking part: ").Append(f.YoungPeople.Display);
                if (f.Ages is not null)
                {
                    s.Append(", aged ").Append(Md(f.Ages));
                }
                s.Append(".\n\n");
            }
            foreach (var t in a.Themes)
            {
                s.Append("### ").Append(Md(t.Theme.Label)).Append(" (").Append(t.Count.Display).Append(" responses)\n\n");
                if (t.Quotes.Count == 0)
                {
                    s.Append(t.Count.Shown ? "No answer could be quoted safely." : "Too few responses to quote.").Append("\n\n");
                }
                foreach (var q in t.Quotes)
                {
                    s.Append("> ").Append(Md(q)).Append("\n\n");
                }
            }
        }

        s.Append("## Key phrases that rose\n\n");
        if (m.RisingPhrases.Count == 0)
        {
            s.Append("No key phrase rose by enough to report.\n\n");
        }
        else
        {
            s.Append("| Phrase | Responses | Previous |\n|---|---:|---:|\n");
            foreach (var p in m.RisingPhrases)
            {
                s.Append("| ").Append(Cell(p.Phrase)).Append(" | ").Append(p.Now.Display).Append(" | ").Append(p.Before.Display).Append(" |\n");
            }
            s.Append('\n');
        }

        s.Append("## Closed questions\n\n");
        if (m.ClosedQuestions.Count == 0)
        {
            s.Append("No closed questions were answered in this period.\n\n");
        }
        foreach (var q in m.ClosedQuestions)
        {
            s.Append("### ").Append(Md(q.Text)).Append("\n\n").Append(Md(q.SurveyTitle)).Append("; answered by ").Append(q.Answered.Display)
                .Append(q.SeveralAnswers ? "; several answers allowed" : "").Append(".\n\n");
            Table(s, "Answer", q.Options);
        }

        s.Append("## You said, we did\n\n");
        if (m.Actions.Count == 0)
        {
            s.Append("No actions were recorded for this period.\n\n");
        }
        else
        {
            s.Append("| Theme | You said | We did | Period |\n|---|---|---|---|\n");
            foreach (var a in m.Actions)
            {
                s.Append("| ").Append(Cell(a.Theme.Label)).Append(" | ").Append(Cell(a.YouSaid)).Append(" | ").Append(Cell(a.WeDid)).Append(" | ").Append(Cell(a.Period)).Append(" |\n");
            }
            s.Append('\n');
        }

        var n = m.Method;
        s.Append("## Method\n\n");
        s.Append("- Responses: ").Append(m.Responses.Display).Append('\n');
        s.Append("- Analysed: ").Append(n.Analysed.Display).Append('\n');
        s.Append("- Not yet analysed: ").Append(n.Pending.Display).Append('\n');
        s.Append("- With free text: ").Append(n.WithText.Display).Append('\n');
        s.Append("- Concerns raised: ").Append(n.ConcernsRaised.Display).Append('\n');
        s.Append("- Concerns reviewed: ").Append(n.ConcernsReviewed.Display).Append('\n');
        s.Append("- Comments held back: ").Append(n.CommentsHeldBack.Display).Append("\n\n");
        if (n.Analyzers.Count > 0)
        {
            Table(s, "Analyzer", n.Analyzers);
        }
        s.Append(Md(n.SuppressionRule)).Append("\n\n").Append(Md(n.QuoteRule)).Append('\n');
        return s.ToString();
    }

    private static void Table(StringBuilder s, string head, IReadOnlyList<CountRow> rows)
    {
        s.Append("| ").Append(head).Append(" | Responses |\n|---|---:|\n");
        foreach (var r in rows)
        {
            s.Append("| ").Append(Cell(r.Label)).Append(" | ").Append(r.Count.Display).Append(" |\n");
        }
        s.Append('\n');
    }

    /// <summary>Escapes inline text: every Markdown punctuation is backslash-escaped, and &amp; written as an entity.</summary>
    public static string Md(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    sb.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~' or '!' or '{' or '}' or '(' or ')' or '+' or '-' or '=' or '"':
                    sb.Append('\\').Append(c);
                    break;
                case '\n' or '\r':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Escaped text for a table cell.</summary>
    private static string Cell(string? text) => Md(text);
}
