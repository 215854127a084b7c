using System.Runtime.CompilerServices;
using FeedbackCollector.Analysis.Text;
using FeedbackCollector.Analysis.Themes;

namespace FeedbackCollector.Analysis.KeyPhrases;

/// <summary>
/// Short (1-3 word) phrases for "what is new this quarter" digests, in normalised spelling ("socail worker" gives
/// "social worker"). Candidates are taxonomy phrases found in the text and runs of content words between stop words
/// and punctuation (RAKE-like); placeholders, emoji, numbers and likely proper names never enter a phrase.
/// </summary>
internal static class KeyPhraseExtractor
{
    /// <summary>Most phrases returned per text.</summary>
    public const int MaxPhrases = 5;

    private const int MaxWords = 3;

    /// <summary>Extracts the key phrases of a tokenised (redacted) text.</summary>
    public static List<string> Extract(string text, ReadOnlySpan<Token> tokens, List<PhraseHit> themeHits, ThemeMatcher matcher)
    {
        Span<Candidate> candidates = stackalloc Candidate[32];
        var count = 0;

        // Multi-word taxonomy phrases make the best digest phrases ("waiting list", "youth club").
        foreach (var hit in themeHits)
        {
            var words = hit.EndToken - hit.StartToken;
            if (words is < 2 or > MaxWords || matcher.WordsOf(hit) != words || count == candidates.Length)
            {
                continue;
            }
            if (Usable(text, tokens, hit.StartToken, hit.EndToken))
            {
                Add(candidates, ref count, new Candidate(hit.StartToken, hit.EndToken, 10 + words));
            }
        }

        // Runs of content words within a clause.
        var runStart = -1;
        for (var i = 0; i <= tokens.Length; i++)
        {
            var content = i < tokens.Length && IsContent(text, tokens, i);
            if (content && runStart >= 0 && tokens[i].Clause == tokens[runStart].Clause)
            {
                continue;
            }
            if (runStart >= 0)
            {
                for (var s = runStart; s < i && count < candidates.Length; s += MaxWords)
                {
                    var e = Math.Min(i, s + MaxWords);
                    var score = ScoreRun(tokens, s, e);
                    if (score > 0)
                    {
                        Add(candidates, ref count, new Candidate(s, e, score));
                    }
                }
            }
            runStart = content ? i : -1;
        }

        var result = new List<string>(Math.Min(count, MaxPhrases));
        if (count == 0)
        {
            return result;
        }
        // Best first; earlier first on ties. Insertion sort: there are few.
        var cands = candidates[..count];
        for (var a = 1; a < cands.Length; a++)
        {
            var x = cands[a];
            var b = a - 1;
            while (b >= 0 && (cands[b].Score < x.Score || (cands[b].Score == x.Score && cands[b].Start > x.Start)))
            {
                cands[b + 1] = cands[b];
                b--;
            }
            cands[b + 1] = x;
        }
        Span<bool> taken = tokens.Length <= 512 ? stackalloc bool[tokens.Length] : new bool[tokens.Length];
        foreach (var c in cands)
        {
            if (result.Count == MaxPhrases)
            {
                break;
            }
            var overlaps = false;
            for (var t = c.Start; t < c.End; t++)
            {
                overlaps |= taken[t];
            }
            if (overlaps)
            {
                continue;
            }
            var phrase = Join(tokens, c.Start, c.End);
            if (result.Contains(phrase))
            {
                continue;
            }
            for (var t = c.Start; t < c.End; t++)
            {
                taken[t] = true;
            }
            result.Add(phrase);
        }
        return result;
    }

    private static void Add(Span<Candidate> candidates, ref int count, Candidate c)
    {
        for (var i = 0; i < count; i++)
        {
            if (candidates[i].Start == c.Start && candidates[i].End == c.End)
            {
                if (c.Score > candidates[i].Score)
                {
                    candidates[i] = c;
                }
                return;
            }
        }
        if (count < candidates.Length)
        {
            candidates[count++] = c;
        }
    }

    private static int ScoreRun(ReadOnlySpan<Token> tokens, int start, int end)
    {
        var words = end - start;
        var specific = 0;
        var domain = 0;
        for (var i = start; i < end; i++)
        {
            var w = tokens[i].Word;
            if (!w.Is(WordFlags.Generic))
            {
                specific++;
            }
            if (w.Keys.Length > 0)
            {
                domain++;
            }
        }
        if (specific == 0)
        {
            return 0;
        }
        if (words == 1 && tokens[start].Word.Text.Length < 4)
        {
            return 0;
        }
        return (2 * specific) + domain + (words > 1 ? 1 : 0);
    }

    /// <summary>A phrase from a theme match is usable when its ends are content words.</summary>
    private static bool Usable(string text, ReadOnlySpan<Token> tokens, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var w = tokens[i].Word;
            if (w.Is(WordFlags.Placeholder | WordFlags.Emoji | WordFlags.Number | WordFlags.Negator) || LooksLikeName(text, tokens, i))
            {
                return false;
            }
        }
        return IsContent(text, tokens, start) && IsContent(text, tokens, end - 1) && tokens[start].Sentence == tokens[end - 1].Sentence;
    }

    private static bool IsContent(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var w = tokens[i].Word;
        if (w.Is(WordFlags.Stop | WordFlags.Placeholder | WordFlags.Emoji | WordFlags.Number | WordFlags.Negator | WordFlags.Contrast | WordFlags.Modifier))
        {
            return false;
        }
        if (!w.Is(WordFlags.KnownEnglish) || w.Text.Length < 2)
        {
            return false; // unknown words may be names the redactor did not know, or another language
        }
        return !LooksLikeName(text, tokens, i);
    }

    /// <summary>A capitalised word inside a sentence that is not a domain word is probably a name: keep it out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool LooksLikeName(string text, ReadOnlySpan<Token> tokens, int i)
    {
        ref readonly var t = ref tokens[i];
        if (t.Word.Keys.Length > 0 || !char.IsUpper(text[t.Start]) || (t.Flags & TokenFlags.AllCaps) != 0)
        {
            return false;
        }
        var sentenceStart = i == 0 || tokens[i - 1].Sentence != t.Sentence;
        return !sentenceStart;
    }

    private static string Join(ReadOnlySpan<Token> tokens, int start, int end)
    {
        if (end - start == 1)
        {
            return tokens[start].Word.Text;
        }
        var length = end - start - 1;
        for (var i = start; i < end; i++)
        {
            length += tokens[i].Word.Text.Length;
        }
        return string.Create(length, (tokens[start].Word, end - start > 1 ? tokens[start + 1].Word : null, end - start > 2 ? tokens[start + 2].Word : null), static (span, words) =>
        {
            var pos = 0;
            foreach (var w in new[] { words.Item1, words.Item2, words.Item3 })
            {
                if (w is null)
                {
                    break;
                }
                if (pos > 0)
                {
                    span[pos++] = ' ';
                }
                w.Text.AsSpan().CopyTo(span[pos..]);
                pos += w.Text.Length;
            }
        });
    }

    private readonly record struct Candidate(int Start, int End, int Score);
}
