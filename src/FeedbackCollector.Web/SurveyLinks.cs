using QRCoder;

namespace FeedbackCollector.Web;

/// <summary>Short links and QR codes for a survey and venue: <c>{base}/s/{code}?v={venue}</c>.</summary>
public static class SurveyLinks
{
    /// <summary>
    /// The link for people to type or tap. <paramref name="fromQr"/> adds <c>c=qr</c>, so responses from the poster's
    /// code are told apart from typed links; the printed link leaves it out.
    /// </summary>
    public static string Survey(string baseUrl, string code, string? venue, bool fromQr = false)
    {
        var link = baseUrl.TrimEnd('/') + "/s/" + Uri.EscapeDataString(code);
        var query = new List<string>(2);
        if (venue is not null)
        {
            query.Add("v=" + Uri.EscapeDataString(venue));
        }
        if (fromQr)
        {
            query.Add("c=qr");
        }
        return query.Count == 0 ? link : link + "?" + string.Join('&', query);
    }

    /// <summary>The QR code as SVG (scalable, with a view box, for print), titled for screen readers.</summary>
    public static string Svg(string url, string title)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        var text = svg.GetGraphic(8, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = text.IndexOf("<svg", StringComparison.Ordinal);
        text = start > 0 ? text[start..] : text;
        // An image role and a name: a screen reader says what it is instead of reading hundreds of shapes.
        return "<svg role=\"img\" aria-label=\"" + SurveyPages.H(title) + "\"" + text["<svg".Length..];
    }

    /// <summary>The QR code as PNG (for documents and slides).</summary>
    public static byte[] Png(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(12);
    }
}
