using FeedbackCollector.Analysis.Text;

namespace FeedbackCollector.Analysis.Languages;

/// <summary>
/// Tells the language of a text from its writing system, then (for Latin and Arabic script) from the share of each
/// language's common words and distinctive letters. English includes text-speak and the domain vocabulary, so
/// short English with "idk tbh" is never taken for another language. Returns an ISO 639-1 code or <c>und</c>.
/// </summary>
internal static class LanguageDetector
{
    /// <summary>Bit offset of the Arabic-script profiles in a language mask.</summary>
    public const int ArabicBase = 16;

    /// <summary>Mask bit: a common English word, text-speak or domain word.</summary>
    public const uint EnglishBit = 1u << 30;

    /// <summary>Mask bit: a word of the English dictionary only.</summary>
    public const uint EnglishDictionaryBit = 1u << 31;

    /// <summary>Code for "cannot tell".</summary>
    public const string Undetermined = "und";

    private const int EnglishSlot = 30;

    /// <summary>Adds one surface word's language marks to the text's scores.</summary>
    public static void Accumulate(RawWord raw, TokenBuffer buffer)
    {
        var mask = raw.LanguageMask;
        if (mask == 0)
        {
            return;
        }
        buffer.RecognisedWords++;
        var scores = buffer.LanguageScores;
        if ((mask & EnglishBit) != 0)
        {
            scores[EnglishSlot] += 1f;
        }
        else if ((mask & EnglishDictionaryBit) != 0)
        {
            scores[EnglishSlot] += 0.5f;
        }
        var foreign = mask & ~(EnglishBit | EnglishDictionaryBit);
        while (foreign != 0)
        {
            var bit = System.Numerics.BitOperations.TrailingZeroCount(foreign);
            scores[bit] += (raw.StrongMask & (1u << bit)) != 0 ? 2.5f : 1f;
            foreign &= foreign - 1;
        }
    }

    /// <summary>Decides the language of <paramref name="text"/> from a buffer tokenised with language scoring.</summary>
    public static string Detect(string text, TokenBuffer buffer)
    {
        var letters = buffer.ScriptLetters;
        var total = 0;
        var top = Script.Latin;
        for (var s = 0; s < letters.Length; s++)
        {
            total += letters[s];
            if (letters[s] > letters[(int)top])
            {
                top = (Script)s;
            }
        }
        if (total == 0)
        {
            return Undetermined;
        }
        if (top != Script.Latin && letters[(int)top] * 2 >= total)
        {
            return NonLatin(top, text, buffer);
        }
        return Latin(text, buffer);
    }

    private static string Latin(string text, TokenBuffer buffer)
    {
        var scores = buffer.LanguageScores;
        var english = scores[EnglishSlot];
        var profiles = LanguageProfiles.Latin;
        // Distinctive letters are all outside ASCII: most English texts skip the letter scan.
        var hasNonAscii = text.AsSpan().ContainsAnyExceptInRange((char)0, (char)127);
        Span<char> lowered = !hasNonAscii ? [] : text.Length <= StackLetters ? stackalloc char[text.Length] : new char[text.Length];
        var nonAscii = hasNonAscii ? LowerNonAscii(text, lowered) : lowered;
        // Emoji are the usual non-ASCII characters and are no profile's letter: without any other, no bonus to add.
        hasNonAscii = !nonAscii.IsEmpty;
        var best = -1;
        var bestScore = 0f;
        for (var p = 0; p < profiles.Length; p++)
        {
            var score = scores[p];
            if (hasNonAscii)
            {
                score += LetterBonus(nonAscii, profiles[p].Letters);
            }
            if (score > bestScore)
            {
                bestScore = score;
                best = p;
            }
        }
        if (best >= 0 && bestScore >= 2f && bestScore > english)
        {
            return profiles[best].Code;
        }
        if (english > 0)
        {
            return "en";
        }
        if (best >= 0 && bestScore >= 1.5f)
        {
            return profiles[best].Code;
        }
        // Latin letters with no evidence for any profiled language: in this product that is nearly always English
        // too short or too odd to recognise ("s11 8ut", "dob").
        return "en";
    }

    /// <summary>Texts up to this length have their letters lowered on the stack.</summary>
    private const int StackLetters = 512;

    /// <summary>
    /// The text's non-ASCII characters, lower-cased once (not once per profile: case mapping outside ASCII is slow).
    /// Surrogates (emoji halves) are left out: no profile's distinctive letters holds one, so they never score.
    /// </summary>
    private static ReadOnlySpan<char> LowerNonAscii(string text, Span<char> into)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (c > 127 && !char.IsSurrogate(c))
            {
                into[n++] = char.ToLowerInvariant(c);
            }
        }
        return into[..n];
    }

    private static float LetterBonus(ReadOnlySpan<char> loweredNonAscii, string distinctive)
    {
        if (distinctive.Length == 0)
        {
            return 0;
        }
        var hits = 0;
        foreach (var c in loweredNonAscii)
        {
            if (distinctive.Contains(c))
            {
                hits++;
            }
        }
        return Math.Min(hits * 0.5f, 2.5f);
    }

    private static string NonLatin(Script script, string text, TokenBuffer buffer) => script switch
    {
        Script.Arabic => ArabicScript(text, buffer),
        Script.Gurmukhi => "pa",
        Script.Bengali => "bn",
        Script.Devanagari => "hi",
        Script.Gujarati => "gu",
        Script.Tamil => "ta",
        Script.Greek => "el",
        Script.Hebrew => "he",
        Script.Thai => "th",
        Script.Hangul => "ko",
        Script.Kana => "ja",
        Script.Han => buffer.ScriptLetters[(int)Script.Kana] > 0 ? "ja" : "zh",
        Script.Cyrillic => text.AsSpan().IndexOfAny("іїєґІЇЄҐ") >= 0 ? "uk" : "ru",
        // Tigrinya writes the glottal vowel as ኣ where Amharic writes አ.
        Script.Ethiopic => text.Contains('ኣ') ? "ti" : "am",
        _ => Undetermined,
    };

    private static string ArabicScript(string text, TokenBuffer buffer)
    {
        var profiles = LanguageProfiles.ArabicScript;
        Span<char> lowered = text.Length <= StackLetters ? stackalloc char[text.Length] : new char[text.Length];
        var nonAscii = LowerNonAscii(text, lowered);
        var best = -1;
        var bestScore = 0f;
        for (var p = 0; p < profiles.Length; p++)
        {
            var score = buffer.LanguageScores[ArabicBase + p] + LetterBonus(nonAscii, profiles[p].Letters);
            if (score > bestScore)
            {
                bestScore = score;
                best = p;
            }
        }
        // Arabic script with no evidence either way is most often Arabic.
        return best >= 0 ? profiles[best].Code : "ar";
    }
}
