using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// A second handle given after a first one without its platform: "snap me at x.k04 or my other one zayy.k", "@jaz_99 and
/// jazzy.b2". A token shaped like a handle (letters with a dot, an underscore or digits) soon after a handle already found,
/// or soon after "snap", "insta" or "tiktok", is one too. Hand scanning, and only in a text with a handle or a platform.
/// </summary>
internal static class HandleFinder
{
    /// <summary>How far after the end of one handle the next may start: "x.k04 or my other one is zayy.k".</summary>
    private const int Reach = 48;

    /// <summary>The platforms whose name alone, a little before a handle-shaped token, makes it a handle.</summary>
    private static readonly string[] Platforms = ["snapchat", "snap", "instagram", "insta", "tiktok"];

    /// <summary>
    /// Adds handle-shaped tokens that follow a handle already in <paramref name="found"/>, or, when there is none and
    /// <paramref name="cued"/> says the text names a platform, that follow the first "snap", "insta" or "tiktok": "my snap
    /// got hacked, new one is kyle.b09".
    /// </summary>
    public static void FindFollowing(string text, List<Candidate> found, bool cued)
    {
        var lastEnd = -1;
        var count = found.Count;
        for (var i = 0; i < count; i++)
        {
            if (found[i].Type == PiiType.Handle && (lastEnd < 0 || found[i].End < lastEnd))
            {
                lastEnd = found[i].End;
            }
        }

        if (lastEnd < 0 && cued)
        {
            lastEnd = PlatformEnd(text);
        }

        if (lastEnd < 0)
        {
            return;
        }

        var p = lastEnd;
        while (p < text.Length)
        {
            while (p < text.Length && !IsHandleChar(text[p]))
            {
                p++;
            }

            var start = p;
            while (p < text.Length && IsHandleChar(text[p]))
            {
                p++;
            }

            // A full stop after the token ends the sentence, not the handle.
            var end = p;
            while (end > start && text[end - 1] == '.')
            {
                end--;
            }

            if (end == start)
            {
                continue;
            }

            if (start - lastEnd > Reach)
            {
                return;
            }

            // A token joined to other characters ("x.k04's", "£5.50") is not a handle on its own.
            var joined = (start > 0 && !IsBoundary(text[start - 1])) || (p < text.Length && !IsBoundary(text[p]));
            if (Covered(found, start, end, out var coveredEnd))
            {
                // Already found (a later handle with its own cue): the next one is reckoned from there.
                lastEnd = Math.Max(lastEnd, coveredEnd);
                continue;
            }

            if (joined || !IsHandleShaped(text.AsSpan(start, end - start)))
            {
                continue;
            }

            found.Add(Candidate.Of(PiiType.Handle, start, end));
            lastEnd = end;
        }
    }

    /// <summary>Where the first platform word ("snap", "insta", "tiktok", as a whole word) ends, or -1.</summary>
    private static int PlatformEnd(string text)
    {
        var span = text.AsSpan();
        var best = -1;
        foreach (var platform in Platforms)
        {
            for (var from = 0; from < span.Length;)
            {
                var i = span[from..].IndexOf(platform, StringComparison.OrdinalIgnoreCase);
                if (i < 0)
                {
                    break;
                }

                var at = from + i;
                var end = at + platform.Length;
                from = end;
                if ((at == 0 || !char.IsLetterOrDigit(span[at - 1])) && (end == span.Length || !char.IsLetterOrDigit(span[end])))
                {
                    best = best < 0 ? end : Math.Min(best, end);
                    break;
                }
            }
        }

        return best;
    }

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';

    private static bool IsBoundary(char c) => char.IsWhiteSpace(c) || c is ',' or ';' or '!' or '?' or ')' or '(' or '"' or '/' or ':';

    /// <summary>A handle already found there (a later one with its own cue) or another kind of personal data.</summary>
    private static bool Covered(List<Candidate> found, int start, int end, out int coveredEnd)
    {
        coveredEnd = -1;
        foreach (var c in found)
        {
            if (c.Start < end && start < c.End)
            {
                coveredEnd = c.Type == PiiType.Handle ? c.End : -1;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Four to thirty characters starting with a letter or underscore, at least two letters, and a dot, underscore or digit
    /// inside: "zayy.k", "x.k04", "jazzy_b2". Not an abbreviation ("a.k.a"), a school year ("yr10"), an ordinary word and a
    /// number ("book2", "level10") or text-speak ("gr8", "l8r").
    /// </summary>
    internal static bool IsHandleShaped(ReadOnlySpan<char> token)
    {
        if (token.Length is < 4 or > 30 || !(char.IsAsciiLetter(token[0]) || token[0] == '_'))
        {
            return false;
        }

        var letters = 0;
        var marks = 0;
        var longestRun = 0;
        var run = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                letters += char.IsAsciiLetter(c) ? 1 : 0;
                marks += char.IsAsciiDigit(c) ? 1 : 0;
                run++;
                longestRun = Math.Max(longestRun, run);
            }
            else
            {
                run = 0;
                marks++;
            }
        }

        // "a.k.a": single letters between dots are an abbreviation.
        if (letters < 2 || marks == 0 || longestRun < 2)
        {
            return false;
        }

        if (token.StartsWith("yr", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(token[^1])
            || token.StartsWith("year", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(token[^1]))
        {
            return false;
        }

        // "book2", "level10": an ordinary word with a number after it, and no dot or underscore, is no handle.
        var letterEnd = 0;
        while (letterEnd < token.Length && char.IsAsciiLetter(token[letterEnd]))
        {
            letterEnd++;
        }

        if (letterEnd < token.Length && !token.ContainsAny('.', '_') && !token[letterEnd..].ContainsAnyExceptInRange('0', '9'))
        {
            var word = token[..letterEnd];
            if (EnglishWords.IsWordOrTextSpeak(word) || (Lexicon.Lookup(word) & (WordFlags.Common | WordFlags.Function | WordFlags.Service)) != 0)
            {
                return false;
            }
        }

        return !EnglishWords.IsWordOrTextSpeak(token);
    }
}
