using System.Globalization;

namespace FeedbackCollector.Analysis.Text;

/// <summary>
/// Splits a text into normalised word tokens by hand scanning (no regex): words (with inner apostrophes),
/// redaction placeholders (<c>[name]</c>), emoji and ASCII emoticons; sentence and clause boundaries are noted.
/// Each token keeps the offsets of the surface word, so evidence maps back to what was written.
/// </summary>
internal sealed class Tokenizer(Vocabulary vocabulary)
{
    private static readonly Dictionary<int, float> EmojiValence = BuildEmoji();

    private static Dictionary<int, float> BuildEmoji()
    {
        var d = new Dictionary<int, float>();
        foreach (var (cp, v) in NormalizationData.Emoji)
        {
            d.TryAdd(cp, v);
        }
        return d;
    }

    /// <summary>True for characters that belong inside a word: letters, digits and combining marks.</summary>
    public static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c);
        }
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }
        if (c is '\uFE0F' or '\uFE0E')
        {
            return false; // emoji variation selectors are marks but not letters
        }
        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>True for the apostrophes people type.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u02BC';

    /// <summary>
    /// Tokenises <paramref name="text"/> into <paramref name="buffer"/> (cleared first). When <paramref name="scoreLanguages"/>
    /// is true, script letters and language word marks are counted for <see cref="Languages.LanguageDetector"/>.
    /// </summary>
    public void Tokenize(string text, TokenBuffer buffer, bool scoreLanguages)
    {
        buffer.Clear();
        Span<char> lower = stackalloc char[Vocabulary.MaxWordLength];
        var sentence = 0;
        var clause = 0;
        RawWord? previousRaw = null;
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                var start = i;
                var len = 0;
                var letters = 0;
                var uppers = 0;
                var stretched = false;
                var latin = 0;
                // The word's hash for the vocabulary's cache, built while the word is lowered (one pass, not two).
                var hash = SpanWordTable<RawWord>.HashSeed;
                while (i < n)
                {
                    var ch = text[i];
                    if (ch < 128)
                    {
                        // ASCII fast path: most text is plain ASCII.
                        var folded = (char)(ch | 0x20);
                        if (folded is >= 'a' and <= 'z')
                        {
                            letters++;
                            if (ch <= 'Z')
                            {
                                uppers++;
                            }
                            latin++;
                        }
                        else if (ch is < '0' or > '9')
                        {
                            if (IsApostrophe(ch) && i + 1 < n && char.IsLetter(text[i + 1]) && len > 0)
                            {
                                if ((text[i + 1] is 's' or 'S') && (i + 2 >= n || !IsWordChar(text[i + 2])))
                                {
                                    i += 2;
                                    break;
                                }
                                i++;
                                continue;
                            }
                            break;
                        }
                        else
                        {
                            folded = ch;
                        }
                        if (len < lower.Length)
                        {
                            if (len >= 2 && lower[len - 1] == folded && lower[len - 2] == folded && folded >= 'a')
                            {
                                stretched = true;
                            }
                            lower[len++] = folded;
                            hash = SpanWordTable<RawWord>.HashStep(hash, folded);
                        }
                        i++;
                    }
                    else if (IsWordChar(ch))
                    {
                        if (char.IsLetter(ch))
                        {
                            letters++;
                            if (char.IsUpper(ch))
                            {
                                uppers++;
                            }
                            if (scoreLanguages)
                            {
                                buffer.ScriptLetters[(int)ScriptOf(ch)]++;
                            }
                        }
                        var lc = char.ToLowerInvariant(ch);
                        if (len < lower.Length)
                        {
                            if (len >= 2 && lower[len - 1] == lc && lower[len - 2] == lc && char.IsLetter(lc))
                            {
                                stretched = true;
                            }
                            lower[len++] = lc;
                            hash = SpanWordTable<RawWord>.HashStep(hash, lc);
                        }
                        i++;
                    }
                    else if (IsApostrophe(ch) && i + 1 < n && char.IsLetter(text[i + 1]) && len > 0)
                    {
                        // "don't" -> "dont"; possessive "worker's" -> "worker".
                        if ((text[i + 1] is 's' or 'S') && (i + 2 >= n || !IsWordChar(text[i + 2])))
                        {
                            i += 2;
                            break;
                        }
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }
                if (scoreLanguages)
                {
                    buffer.ScriptLetters[(int)Script.Latin] += latin;
                }
                if (len >= lower.Length)
                {
                    continue; // a run of letters this long is not a word (a pasted link or key mash)
                }
                var raw = vocabulary.Resolve(lower[..len], hash);
                buffer.SurfaceWords++;
                if (scoreLanguages && !ReferenceEquals(raw, previousRaw))
                {
                    // "la la la" is one piece of evidence, not three.
                    Languages.LanguageDetector.Accumulate(raw, buffer);
                }
                previousRaw = raw;
                var flags = TokenFlags.None;
                if (uppers == letters && letters >= 3)
                {
                    flags |= TokenFlags.AllCaps;
                }
                if (stretched)
                {
                    flags |= TokenFlags.Elongated;
                }
                foreach (var norm in raw.Norms)
                {
                    buffer.Add(new Token { Start = start, Length = i - start, Word = norm, Sentence = sentence, Clause = clause, Flags = flags });
                }
                continue;
            }

            if (c == '[' && TryPlaceholder(text, i, out var end))
            {
                buffer.Add(new Token
                {
                    Start = i, Length = end - i, Word = vocabulary.Placeholder(text.AsSpan(i, end - i)), Sentence = sentence, Clause = clause,
                });
                i = end;
                continue;
            }

            if (TryEmoticon(text, i, out var emoLength, out var emoValence, out var emoKey))
            {
                buffer.Add(new Token
                {
                    Start = i, Length = emoLength, Word = vocabulary.Emoji(emoKey, text.Substring(i, emoLength), emoValence), Sentence = sentence, Clause = clause,
                });
                i += emoLength;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                AddSymbol(cp, 2);
                continue;
            }
            if (c >= 0x2190 && c <= 0x2BFF)
            {
                AddSymbol(c, 1); // arrows, dingbats and misc symbols: ❤ ☺ ☹ ⭐ ✅
                continue;
            }

            switch (c)
            {
                case '.':
                    // "2.5" and "e.g" are not sentence ends.
                    if (!(i + 1 < n && char.IsLetterOrDigit(text[i + 1]) && i > 0 && char.IsLetterOrDigit(text[i - 1])))
                    {
                        sentence++;
                        clause++;
                    }
                    break;
                case '!' or '?' or '\n' or '\r' or '\u2026':
                    sentence++;
                    clause++;
                    break;
                case ',' or ';' or ':' or '(' or ')' or '"' or '\u201C' or '\u201D' or '\u2013' or '\u2014' or '/' or '|':
                    clause++;
                    break;
                case '-':
                    if ((i == 0 || text[i - 1] == ' ') || (i + 1 < n && text[i + 1] == ' '))
                    {
                        clause++; // a dash between spaces, not a hyphen inside a word
                    }
                    break;
            }
            i++;
        }

        void AddSymbol(int cp, int width)
        {
            if (EmojiValence.TryGetValue(cp, out var v))
            {
                buffer.Add(new Token
                {
                    Start = i, Length = width, Word = vocabulary.Emoji(cp, text.Substring(i, width), v), Sentence = sentence, Clause = clause,
                });
            }
            else if (IsPictograph(cp))
            {
                buffer.Add(new Token
                {
                    Start = i, Length = width, Word = vocabulary.Emoji(cp, text.Substring(i, width), 0f), Sentence = sentence, Clause = clause,
                });
            }
            i += width;
        }
    }

    private static bool IsPictograph(int cp) =>
        cp is >= 0x1F300 and <= 0x1FAFF and not (>= 0x1F3FB and <= 0x1F3FF) || cp is >= 0x2600 and <= 0x27BF;

    private static bool TryPlaceholder(string text, int i, out int end)
    {
        var j = i + 1;
        while (j < text.Length && j - i <= 24 && (char.IsAsciiLetterLower(text[j]) || char.IsAsciiLetterUpper(text[j]) || text[j] is '-' or '_'))
        {
            j++;
        }
        if (j < text.Length && text[j] == ']' && j > i + 1)
        {
            end = j + 1;
            return true;
        }
        end = i;
        return false;
    }

    private static bool TryEmoticon(string text, int i, out int length, out float valence, out int key)
    {
        var c = text[i];
        if (c is not (':' or ';' or '<' or '(' or '>'))
        {
            length = 0;
            valence = 0;
            key = 0;
            return false;
        }
        // An emoticon stands apart: not glued to a word on its left ("note:)" is rare; "time:" must not match).
        var table = NormalizationData.Emoticons;
        for (var k = 0; k < table.Length; k++)
        {
            var e = table[k].Text;
            if (string.CompareOrdinal(text, i, e, 0, e.Length) == 0)
            {
                var after = i + e.Length;
                if (after < text.Length && char.IsLetterOrDigit(text[after]))
                {
                    continue;
                }
                length = e.Length;
                valence = table[k].Valence;
                key = -1 - k; // emoticons get negative keys so they never meet emoji code points
                return true;
            }
        }
        length = 0;
        valence = 0;
        key = 0;
        return false;
    }

    /// <summary>The writing system of a letter.</summary>
    public static Script ScriptOf(char c)
    {
        if (c < 0x0250)
        {
            return Script.Latin;
        }
        return c switch
        {
            >= '\u1E00' and <= '\u1EFF' => Script.Latin,
            >= '\u0370' and <= '\u03FF' => Script.Greek,
            >= '\u0400' and <= '\u052F' => Script.Cyrillic,
            >= '\u0590' and <= '\u05FF' => Script.Hebrew,
            >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => Script.Arabic,
            >= '\u0900' and <= '\u097F' => Script.Devanagari,
            >= '\u0980' and <= '\u09FF' => Script.Bengali,
            >= '\u0A00' and <= '\u0A7F' => Script.Gurmukhi,
            >= '\u0A80' and <= '\u0AFF' => Script.Gujarati,
            >= '\u0B80' and <= '\u0BFF' => Script.Tamil,
            >= '\u0E00' and <= '\u0E7F' => Script.Thai,
            >= '\u1200' and <= '\u139F' => Script.Ethiopic,
            >= '\u3040' and <= '\u30FF' => Script.Kana,
            >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' => Script.Han,
            >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF' => Script.Hangul,
            _ => Script.Other,
        };
    }
}
