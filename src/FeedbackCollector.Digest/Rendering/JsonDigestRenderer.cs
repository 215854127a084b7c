using System.Text.Encodings.Web;
using System.Text.Json;

namespace FeedbackCollector.Digest.Rendering;

/// <summary>
/// The digest as JSON (camelCase, indented, UTF-8). A shown count is a number; a hidden one is the string
/// <c>"fewer than 5"</c> or <c>"withheld"</c>, so the value of a hidden count is not in the file at all.
/// The redacted comments are in comments.csv, not here.
/// </summary>
public static class JsonDigestRenderer
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Text is escaped where it is rendered as HTML, not in JSON: keep emoji and non-Latin scripts readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>Renders the digest.</summary>
    public static byte[] Render(DigestModel m)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options))
        {
            w.WriteStartObject();
            w.WriteString("title", m.Title);
            w.WriteStartObject("period");
            w.WriteString("key", m.Period.Key);
            w.WriteString("label", m.Period.Label);
            w.WriteString("fromUtc", m.Period.FromUtc);
            w.WriteString("toUtc", m.Period.ToUtc);
            w.WriteString("previousKey", m.Period.PreviousKey);
            w.WriteString("previousLabel", m.Period.PreviousLabel);
            w.WriteEndObject();

            w.WriteStartObject("responses");
            CountProp(w, "total", m.Responses);
            CountProp(w, "previousTotal", m.PreviousResponses);
            Rows(w, "byAudience", m.ByAudience);
            Rows(w, "bySurvey", m.BySurvey);
            Rows(w, "byVenue", m.ByVenue);
            Rows(w, "byChannel", m.ByChannel);
            w.WriteEndObject();

            w.WriteStartArray("themes");
            foreach (var t in m.Themes)
            {
                w.WriteStartObject();
                w.WriteNumber("rank", t.Rank);
                w.WriteString("id", t.Theme.Id);
                w.WriteString("label", t.Theme.Label);
                CountProp(w, "responses", t.Count);
                w.WriteString("share", t.ShareDisplay);
                CountProp(w, "previous", t.Previous);
                w.WriteString("change", t.ChangeDisplay);
                w.WriteStartObject("sentiment");
                CountProp(w, "positive", t.Sentiment.Positive);
                CountProp(w, "neutral", t.Sentiment.Neutral);
                CountProp(w, "negative", t.Sentiment.Negative);
                CountProp(w, "mixed", t.Sentiment.Mixed);
                w.WriteEndObject();
                Actions(w, "youSaidWeDid", t.Actions);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("audiences");
            foreach (var a in m.Audiences)
            {
                w.WriteStartObject();
                w.WriteString("audience", Core.FeedbackJson.WireName(a.Audience));
                w.WriteString("title", a.Title);
                CountProp(w, "responses", a.Responses);
                if (a.Forum is { } f)
                {
                    w.WriteStartObject("forum");
                    CountProp(w, "sessions", f.Sessions);
                    CountProp(w, "youngPeople", f.YoungPeople);
                    if (f.Ages is not null)
                    {
                        w.WriteString("ages", f.Ages);
                    }
                    w.WriteEndObject();
                }
                w.WriteStartArray("leadingThemes");
                foreach (var t in a.Themes)
                {
                    w.WriteStartObject();
                    w.WriteString("id", t.Theme.Id);
                    w.WriteString("label", t.Theme.Label);
                    CountProp(w, "responses", t.Count);
                    w.WriteStartArray("quotes");
                    foreach (var q in t.Quotes)
                    {
                        w.WriteStringValue(q);
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("risingPhrases");
            foreach (var p in m.RisingPhrases)
            {
                w.WriteStartObject();
                w.WriteString("phrase", p.Phrase);
                CountProp(w, "responses", p.Now);
                CountProp(w, "previous", p.Before);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("closedQuestions");
            foreach (var q in m.ClosedQuestions)
            {
                w.WriteStartObject();
                w.WriteString("survey", q.SurveyCode);
                w.WriteString("surveyTitle", q.SurveyTitle);
                w.WriteString("question", q.QuestionId);
                w.WriteString("text", q.Text);
                w.WriteString("kind", q.Kind);
                CountProp(w, "answered", q.Answered);
                w.WriteBoolean("severalAnswers", q.SeveralAnswers);
                Rows(w, "options", q.Options);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            Actions(w, "youSaidWeDid", m.Actions);

            var n = m.Method;
            w.WriteStartObject("method");
            Rows(w, "analyzers", n.Analyzers);
            CountProp(w, "analysed", n.Analysed);
            CountProp(w, "pending", n.Pending);
            CountProp(w, "withFreeText", n.WithText);
            CountProp(w, "concernsRaised", n.ConcernsRaised);
            CountProp(w, "concernsReviewed", n.ConcernsReviewed);
            CountProp(w, "commentsHeldBack", n.CommentsHeldBack);
            w.WriteString("suppression", n.SuppressionRule);
            w.WriteString("quotes", n.QuoteRule);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }

    private static void CountProp(Utf8JsonWriter w, string name, Count c)
    {
        if (c.Shown)
        {
            w.WriteNumber(name, c.Value);
        }
        else
        {
            w.WriteString(name, c.Display);
        }
    }

    private static void Rows(Utf8JsonWriter w, string name, IReadOnlyList<CountRow> rows)
    {
        w.WriteStartArray(name);
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("key", r.Key);
            w.WriteString("label", r.Label);
            CountProp(w, "count", r.Count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Actions(Utf8JsonWriter w, string name, IReadOnlyList<ActionItem> actions)
    {
        w.WriteStartArray(name);
        foreach (var a in actions)
        {
            w.WriteStartObject();
            w.WriteString("themeId", a.Theme.Id);
            w.WriteString("theme", a.Theme.Label);
            w.WriteString("period", a.Period);
            w.WriteString("youSaid", a.YouSaid);
            w.WriteString("weDid", a.WeDid);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
