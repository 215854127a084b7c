using CsvHelper;

namespace FeedbackCollector.Digest.Rendering;

/// <summary>
/// Two CSV files (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read it as UTF-8, CRLF line ends): the theme
/// table, and the redacted comments with a column per theme. A text cell starting with = + - @, a tab or a carriage
/// return is prefixed with an apostrophe, so a spreadsheet shows it instead of running it as a formula; counts are
/// written as numbers, and hidden counts as "fewer than 5" or "withheld".
/// </summary>
public static class CsvDigestRenderer
{
    /// <summary>themes.csv.</summary>
    public static byte[] RenderThemes(DigestModel m)
    {
        return Write(w =>
        {
            w.WriteRecord(["rank", "theme_id", "theme", "responses", "share_percent", "previous", "change_points", "positive", "neutral", "negative", "mixed", "you_said_we_did"]);
            foreach (var t in m.Themes)
            {
                w.WriteField(t.Rank, default);
                Text(w, t.Theme.Id);
                Text(w, t.Theme.Label);
                CountField(w, t.Count);
                if (t.Share is { } share)
                {
                    w.WriteField(Math.Round(share * 100, 1, MidpointRounding.AwayFromZero), "0.0");
                }
                else
                {
                    Text(w, Count.Withheld);
                }
                CountField(w, t.Previous);
                if (t.HasPrevious && !(t.IsNew && t.Count.Shown) && t.Change is { } c)
                {
                    w.WriteField(Math.Round(c, 1, MidpointRounding.AwayFromZero), "0.0");
                }
                else
                {
                    Text(w, t.ChangeDisplay);
                }
                CountField(w, t.Sentiment.Positive);
                CountField(w, t.Sentiment.Neutral);
                CountField(w, t.Sentiment.Negative);
                CountField(w, t.Sentiment.Mixed);
                Text(w, string.Join(" | ", t.Actions.Select(a => a.WeDid)));
                w.EndRecord();
            }
        });
    }

    /// <summary>comments.csv: one row per redacted comment, a 1/0 column per theme that is shown in the theme table.</summary>
    public static byte[] RenderComments(DigestModel m)
    {
        return Write(w =>
        {
            w.WriteRecord(["number", "audience", "comment", .. m.CommentThemes.Select(t => t.Id)]);
            foreach (var c in m.Comments)
            {
                w.WriteField(c.Number, default);
                Text(w, c.Audience);
                Text(w, c.Text);
                foreach (var t in m.CommentThemes)
                {
                    w.WriteField(c.ThemeIds.Contains(t.Id) ? 1 : 0, default);
                }
                w.EndRecord();
            }
        });
    }

    private static void CountField(CsvWriter w, Count c)
    {
        if (c.Shown)
        {
            w.WriteField(c.Value, default);
        }
        else
        {
            Text(w, c.Display);
        }
    }

    private static void Text(CsvWriter w, string text) => w.WriteField(text);

    private static byte[] Write(Action<CsvWriter> body)
    {
        using var ms = new MemoryStream();
        var options = new CsvWriterOptions
        {
            Injection = CsvInjection.Escape,
            NewLine = "\r\n",
            WriteByteOrderMark = true,
        };
        using (var w = CsvWriter.Create(ms, options, leaveOpen: true))
        {
            body(w);
        }
        return ms.ToArray();
    }
}
