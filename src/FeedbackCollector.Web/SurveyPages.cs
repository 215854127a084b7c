using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;
using FeedbackCollector.Core.Surveys;

namespace FeedbackCollector.Web;

/// <summary>
/// Renders the respondent's pages as small, self-contained HTML: phone first, large tap targets, native form controls
/// with real labels, landmarks and headings for screen readers, and an always-present "need help now?" panel. The form
/// is a plain POST that works with JavaScript off; the script only adds a letter counter, read-aloud buttons, a guard
/// against sending twice and focus on problems. Survey content (written by officers, in English) is marked
/// <c>lang="en"</c> when the page is in another language, so screen readers and speech use the right voice.
/// </summary>
public static class SurveyPages
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly string[] Faces = ["😢", "🙁", "😐", "🙂", "😄"];

    /// <summary>HTML-encodes text.</summary>
    public static string H(string? text) => text is null ? "" : Encoder.Encode(text);

    /// <summary>The survey form.</summary>
    public static WebPage Survey(Survey survey, PageText t, FormState state, int status = 200)
    {
        var child = survey.Audience == Audience.Child;
        var en = Content(t);
        var b = new StringBuilder(8 * 1024);
        b.Append("<h1").Append(en).Append('>').Append(H(survey.Title)).Append("</h1>");
        if (state.Errors.Count > 0 || state.Problem is not null)
        {
            b.Append("<div class=\"errors\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"errors-h\"><h2 id=\"errors-h\">").Append(H(t["errorsTitle"])).Append("</h2><ul>");
            if (state.Problem is not null)
            {
                b.Append("<li>").Append(H(t[state.Problem])).Append("</li>");
            }
            for (var i = 0; i < survey.Questions.Count; i++)
            {
                var q = survey.Questions[i];
                if (state.Errors.TryGetValue(q.Id, out var key))
                {
                    b.Append("<li><a href=\"#").Append(FirstInputId(q)).Append("\">").Append(H(t.Format("question", i + 1))).Append(": ").Append(H(t[key])).Append("</a></li>");
                }
            }
            b.Append("</ul></div>");
        }
        if (!string.IsNullOrWhiteSpace(survey.Intro))
        {
            b.Append("<p").Append(en).Append('>').Append(H(survey.Intro)).Append("</p>");
        }
        var aud = child ? "child" : "adult";
        b.Append("<section class=\"note\" data-read aria-labelledby=\"anon-h\"><h2 id=\"anon-h\">").Append(H(t["anonTitle." + aud])).Append("</h2><p>")
            .Append(H(t["anon." + aud])).Append("</p><p>").Append(H(t["whoReads." + aud])).Append("</p><p><strong>").Append(H(t["noNames." + aud])).Append("</strong></p></section>");

        b.Append("<form method=\"post\" action=\"/s/").Append(H(survey.Code)).Append("\" data-once>");
        Hidden(b, "k", state.Key);
        Hidden(b, "lang", t.Lang);
        Hidden(b, "c", state.Channel);
        if (state.Venue is not null)
        {
            Hidden(b, "v", state.Venue);
        }
        // A honeypot: people never see or reach it; form-filling robots fill it in.
        b.Append("<div class=\"hp\" aria-hidden=\"true\"><label for=\"website\">").Append(H(t["honeypot"]))
            .Append("</label><input type=\"text\" id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>");
        for (var i = 0; i < survey.Questions.Count; i++)
        {
            Question(b, survey.Questions[i], i + 1, t, state, en);
        }
        b.Append("<button type=\"submit\" class=\"send\" data-busy=\"").Append(H(t["sending"])).Append("\">").Append(H(t["send"])).Append("</button></form>");
        b.Append(HelpPanel(t, first: false));
        return Page(status, t, survey.Title, b.ToString(), LanguageLinks(t, "/s/" + survey.Code, state.Venue, state.Channel), FooterLinks(t, survey.Code));
    }

    /// <summary>The thank-you page with the receipt; when <paramref name="needsHelp"/>, the help panel comes first and large.</summary>
    public static WebPage Thanks(Survey survey, PageText t, string receipt, bool needsHelp)
    {
        var b = new StringBuilder(4 * 1024);
        if (needsHelp)
        {
            b.Append(HelpPanel(t, first: true));
        }
        b.Append("<h1>").Append(H(t["thanksTitle"])).Append("</h1><p>").Append(H(t["thanksBody"])).Append("</p>");
        b.Append("<h2 id=\"receipt-h\">").Append(H(t["receiptLabel"])).Append("</h2><p class=\"receipt\" lang=\"en\">").Append(H(receipt)).Append("</p>");
        b.Append("<p>").Append(H(t["receiptHelp"])).Append("</p>");
        b.Append("<p><a href=\"/s/").Append(H(survey.Code)).Append("/withdraw?lang=").Append(t.Lang).Append("\">").Append(H(t["withdrawLink"])).Append("</a></p>");
        if (!needsHelp)
        {
            b.Append(HelpPanel(t, first: false));
        }
        return Page(200, t, t["thanksTitle"], b.ToString(), null, "");
    }

    /// <summary>The withdraw form; <paramref name="problem"/> is a <see cref="PageText"/> key shown with the field.</summary>
    public static WebPage Withdraw(string surveyCode, PageText t, string? receipt = null, string? problem = null, int status = 200)
    {
        var b = new StringBuilder(3 * 1024);
        b.Append("<h1>").Append(H(t["withdrawTitle"])).Append("</h1><p>").Append(H(t["withdrawIntro"])).Append("</p><p>").Append(H(t["withdrawKept"])).Append("</p>");
        if (problem is not null)
        {
            b.Append("<div class=\"errors\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"errors-h\"><h2 id=\"errors-h\">").Append(H(t["errorsTitle"]))
                .Append("</h2><ul><li><a href=\"#receipt\">").Append(H(t[problem])).Append("</a></li></ul></div>");
        }
        b.Append("<form method=\"post\" action=\"/s/").Append(H(surveyCode)).Append("/withdraw\" data-once>");
        Hidden(b, "lang", t.Lang);
        b.Append("<div class=\"q\"><label for=\"receipt\" id=\"l-receipt\">").Append(H(t["withdrawField"])).Append("</label>");
        if (problem is not null)
        {
            b.Append("<p class=\"err\" id=\"e-receipt\">").Append(H(t[problem])).Append("</p>");
        }
        b.Append("<input type=\"text\" id=\"receipt\" name=\"receipt\" lang=\"en\" dir=\"ltr\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" maxlength=\"40\" required value=\"")
            .Append(H(receipt)).Append('"');
        if (problem is not null)
        {
            b.Append(" aria-invalid=\"true\" aria-describedby=\"e-receipt\"");
        }
        b.Append("></div><button type=\"submit\" class=\"send\" data-busy=\"").Append(H(t["sending"])).Append("\">").Append(H(t["withdrawButton"])).Append("</button></form>");
        b.Append(HelpPanel(t, first: false));
        return Page(status, t, t["withdrawTitle"], b.ToString(), LanguageLinks(t, $"/s/{surveyCode}/withdraw", null, null), "");
    }

    /// <summary>The page after a withdrawal.</summary>
    public static WebPage Withdrawn(string surveyCode, PageText t, bool concernKept)
    {
        var b = new StringBuilder(2 * 1024);
        b.Append("<h1>").Append(H(t["withdrawnTitle"])).Append("</h1><p>").Append(H(t["withdrawnBody"])).Append("</p>");
        if (concernKept)
        {
            b.Append("<p>").Append(H(t["withdrawKept"])).Append("</p>");
        }
        b.Append(HelpPanel(t, first: concernKept));
        return Page(200, t, t["withdrawnTitle"], b.ToString(), null, "");
    }

    /// <summary>A short message page (not found, closed, too many, unavailable...), with the help panel.</summary>
    public static WebPage Message(int status, PageText t, string titleKey, string bodyKey, string? backToSurvey = null, int? retryAfter = null)
    {
        var b = new StringBuilder(2 * 1024);
        b.Append("<h1>").Append(H(t[titleKey])).Append("</h1><p>").Append(H(retryAfter is { } s ? t.Format(bodyKey, s) : t[bodyKey])).Append("</p>");
        if (backToSurvey is not null)
        {
            b.Append("<p><a href=\"/s/").Append(H(backToSurvey)).Append("?lang=").Append(t.Lang).Append("\">").Append(H(t["backToSurvey"])).Append("</a></p>");
        }
        b.Append(HelpPanel(t, first: false));
        return Page(status, t, t[titleKey], b.ToString(), null, "") with { RetryAfterSeconds = retryAfter };
    }

    /// <summary>The printable A4 poster: title, one line of invitation, the QR code (inline SVG) and the short link.</summary>
    public static WebPage Poster(Survey survey, PageText t, string shortLink, string qrSvg, string? venue)
    {
        var en = Content(t);
        var aud = survey.Audience == Audience.Child ? "child" : "adult";
        var b = new StringBuilder(qrSvg.Length + 2048);
        b.Append("<div class=\"poster\"><h1").Append(en).Append('>').Append(H(survey.Title)).Append("</h1><p class=\"invite\">").Append(H(t["posterInvite." + aud])).Append("</p>");
        b.Append(qrSvg);
        b.Append("<p>").Append(H(t["posterLink"])).Append("</p><p class=\"link\">").Append(H(shortLink)).Append("</p>");
        b.Append("<p>").Append(H(t["noNames." + aud])).Append(' ').Append(H(t["helpChildline"])).Append(". ").Append(H(t["help999"])).Append(".</p></div>");
        return Page(200, t, survey.Title, b.ToString(), LanguageLinks(t, $"/s/{survey.Code}/poster", venue, null), "");
    }

    /// <summary>The "need help now?" panel: Childline, Shout, 999. First and large after a worrying answer.</summary>
    public static string HelpPanel(PageText t, bool first)
    {
        var b = new StringBuilder(1024);
        b.Append("<section class=\"help").Append(first ? " first" : "").Append("\" data-read aria-labelledby=\"help-h\"><h2 id=\"help-h\">")
            .Append(H(first ? t["helpFirstTitle"] : t["helpTitle"])).Append("</h2><p>").Append(H(first ? t["helpFirst"] : t["helpIntro"])).Append("</p><ul>")
            .Append("<li><a href=\"tel:08001111\">").Append(H(t["helpChildline"])).Append("</a></li>")
            .Append("<li><a href=\"sms:85258?body=SHOUT\">").Append(H(t["helpShout"])).Append("</a></li>")
            .Append("<li><a href=\"tel:999\">").Append(H(t["help999"])).Append("</a></li></ul>");
        if (first)
        {
            b.Append("<p>").Append(H(t["helpFirstAnon"])).Append("</p>");
        }
        return b.Append("</section>").ToString();
    }

    private static void Question(StringBuilder b, Question q, int number, PageText t, FormState state, string en)
    {
        state.Values.TryGetValue(q.Id, out var values);
        values ??= [];
        var bad = state.Errors.TryGetValue(q.Id, out var errorKey);
        var described = new List<string>();
        if (bad)
        {
            described.Add("e-" + q.Id);
        }
        if (q.Hint is not null)
        {
            described.Add("h-" + q.Id);
        }
        if (q.Kind == QuestionKind.FreeText)
        {
            var max = Math.Min(q.MaxLength ?? SurveyRules.MaxFreeTextLength, SurveyRules.MaxFreeTextLength);
            described.Add("q-" + q.Id + "-count");
            b.Append("<div class=\"q\" data-read><label for=\"q-").Append(H(q.Id)).Append("\" id=\"l-").Append(H(q.Id)).Append("\"><span class=\"num\">")
                .Append(H(t.Format("question", number))).Append("</span><span").Append(en).Append('>').Append(H(q.Text)).Append("</span></label>");
            Hint(b, q, en);
            Error(b, q, t, errorKey);
            b.Append("<textarea id=\"q-").Append(H(q.Id)).Append("\" name=\"a.").Append(H(q.Id)).Append("\" rows=\"5\" maxlength=\"").Append(max.ToString(CultureInfo.InvariantCulture))
                .Append("\" aria-describedby=\"").Append(string.Join(' ', described)).Append('"').Append(bad ? " aria-invalid=\"true\"" : "").Append('>')
                .Append(H(values.FirstOrDefault())).Append("</textarea>");
            b.Append("<p class=\"count\" id=\"q-").Append(H(q.Id)).Append("-count\" aria-live=\"polite\" data-tpl=\"").Append(H(t["count"])).Append("\">")
                .Append(H(t.Format("countStart", 0, max.ToString("N0", CultureInfo.InvariantCulture)))).Append("</p></div>");
            return;
        }
        b.Append("<fieldset data-read").Append(bad ? " class=\"bad\"" : "");
        if (described.Count > 0)
        {
            b.Append(" aria-describedby=\"").Append(string.Join(' ', described)).Append('"');
        }
        b.Append("><legend id=\"l-").Append(H(q.Id)).Append("\"><span class=\"num\">").Append(H(t.Format("question", number))).Append("</span><span").Append(en).Append('>').Append(H(q.Text)).Append("</span></legend>");
        Hint(b, q, en);
        if (q.Required)
        {
            b.Append("<p class=\"hint\">").Append(H(t["required"])).Append("</p>");
        }
        Error(b, q, t, errorKey);
        var options = q.Kind switch
        {
            QuestionKind.EmojiScale => Enumerable.Range(1, 5).Select(n => (Value: n.ToString(CultureInfo.InvariantCulture), Text: t["face" + n], Face: Faces[n - 1], Content: false)).ToList(),
            QuestionKind.YesNotSureNo => [("yes", t["yes"], "", false), ("not-sure", t["notSure"], "", false), ("no", t["no"], "", false)],
            _ => q.Options.Select(o => (Value: o.Id, Text: o.Text, Face: "", Content: true)).ToList(),
        };
        if (q.Kind == QuestionKind.AgeBand)
        {
            options.Add(("", t["skipAge"], "", false));
        }
        var type = q.Kind == QuestionKind.MultipleChoice ? "checkbox" : "radio";
        b.Append("<div class=\"opts").Append(q.Kind == QuestionKind.EmojiScale ? " faces" : "").Append("\">");
        for (var i = 0; i < options.Count; i++)
        {
            var (value, text, face, content) = options[i];
            var id = $"q-{q.Id}-{i}";
            var isChecked = values.Contains(value, StringComparer.Ordinal) && (value.Length > 0 || values.Count > 0);
            b.Append("<label class=\"opt\" for=\"").Append(H(id)).Append("\"><input type=\"").Append(type).Append("\" id=\"").Append(H(id)).Append("\" name=\"a.").Append(H(q.Id))
                .Append("\" value=\"").Append(H(value)).Append('"').Append(isChecked ? " checked" : "").Append(q.Required && type == "radio" ? " required" : "").Append('>');
            if (face.Length > 0)
            {
                b.Append("<span class=\"e\" aria-hidden=\"true\">").Append(face).Append("</span>");
            }
            b.Append("<span").Append(content ? en : "").Append('>').Append(H(text)).Append("</span></label>");
        }
        b.Append("</div></fieldset>");
    }

    private static void Hint(StringBuilder b, Question q, string en)
    {
        if (q.Hint is not null)
        {
            b.Append("<p class=\"hint\" id=\"h-").Append(H(q.Id)).Append('"').Append(en).Append('>').Append(H(q.Hint)).Append("</p>");
        }
    }

    private static void Error(StringBuilder b, Question q, PageText t, string? errorKey)
    {
        if (errorKey is not null)
        {
            b.Append("<p class=\"err\" id=\"e-").Append(H(q.Id)).Append("\">").Append(H(t[errorKey])).Append("</p>");
        }
    }

    private static string FirstInputId(Question q) => q.Kind == QuestionKind.FreeText ? "q-" + q.Id : $"q-{q.Id}-0";

    private static void Hidden(StringBuilder b, string name, string value) =>
        b.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(H(value)).Append("\">");

    // Officers write surveys in English: mark that content so speech and screen readers switch voice on other pages.
    private static string Content(PageText t) => t.Lang == "en" ? "" : " lang=\"en\" dir=\"ltr\"";

    private static string LanguageLinks(PageText current, string path, string? venue, string? channel)
    {
        var b = new StringBuilder(256);
        b.Append("<nav class=\"langs\" aria-label=\"").Append(H(current["languages"])).Append("\"><ul>");
        foreach (var other in PageText.All)
        {
            var href = new StringBuilder(path).Append("?lang=").Append(other.Lang);
            if (venue is not null)
            {
                href.Append("&v=").Append(Uri.EscapeDataString(venue));
            }
            if (channel == "qr")
            {
                href.Append("&c=qr");
            }
            b.Append("<li><a href=\"").Append(H(href.ToString())).Append("\" lang=\"").Append(other.Lang).Append("\" hreflang=\"").Append(other.Lang).Append('"')
                .Append(other.Lang == current.Lang ? " aria-current=\"true\"" : "").Append('>').Append(H(other.Name)).Append("</a></li>");
        }
        return b.Append("</ul></nav>").ToString();
    }

    private static string FooterLinks(PageText t, string surveyCode) =>
        "<p><a href=\"/s/" + H(surveyCode) + "/withdraw?lang=" + t.Lang + "\">" + H(t["withdrawLink"]) + "</a></p>";

    private static WebPage Page(int status, PageText t, string title, string main, string? languageLinks, string footerExtra)
    {
        var b = new StringBuilder(main.Length + Assets.Css.Length + Assets.Script.Length + 1024);
        b.Append("<!doctype html><html lang=\"").Append(t.Lang).Append("\" dir=\"").Append(t.Dir).Append("\" data-say=\"").Append(H(t["readAloud"])).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\"><title>")
            .Append(H(title)).Append(" – ").Append(H(t["brand"])).Append("</title><style>").Append(Assets.Css).Append("</style></head><body>")
            .Append("<header class=\"top\"><div class=\"wrap\"><p class=\"brand\">").Append(H(t["brand"])).Append("</p>").Append(languageLinks ?? "").Append("</div></header>")
            .Append("<main class=\"wrap\" id=\"main\">").Append(main).Append("</main>")
            .Append("<footer class=\"wrap\"><p>").Append(H(t["privacyFooter"])).Append("</p>").Append(footerExtra).Append("</footer>")
            .Append("<script>").Append(Assets.Script).Append("</script></body></html>");
        return new WebPage(status, b.ToString(), t.Lang);
    }
}
