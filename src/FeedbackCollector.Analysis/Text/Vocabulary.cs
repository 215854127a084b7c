using System.Collections.Concurrent;
using FeedbackCollector.Analysis.Languages;
using FeedbackCollector.Analysis.Sentiment;

namespace FeedbackCollector.Analysis.Text;

/// <summary>One element of a pattern: a word, a stem (<c>listen*</c>) or a gap (<c>*</c>, up to two any words).</summary>
internal readonly record struct PatternElement(PatternElementKind Kind, string Text);

/// <summary>Kinds of <see cref="PatternElement"/>.</summary>
internal enum PatternElementKind
{
    Word,
    Stem,
    Gap,
}

/// <summary>
/// The words the analyzer knows (taxonomy phrases, sentiment lexicon, function words), each with an id, and the
/// normalisation of surface words to them: lower case, apostrophes, stretched letters, text-speak, misspellings.
/// Built once per taxonomy; thread-safe; resolved surface words are cached.
/// </summary>
internal sealed class Vocabulary
{
    /// <summary>Shortest stem allowed in a pattern.</summary>
    public const int MinStemLength = 3;

    /// <summary>Longest surface word that is looked up; longer runs of letters are not words.</summary>
    public const int MaxWordLength = 48;

    private const int MaxCacheEntries = 250_000;

    private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _stemIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _replacements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NormWord> _norms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (float Valence, bool Situational)> _valence = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (float Valence, bool Situational)> _stemValence = new(StringComparer.Ordinal);
    private readonly Dictionary<string, float> _modifiers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _negators;
    private readonly HashSet<string> _irrealis;
    private readonly HashSet<string> _contrast;
    private readonly HashSet<string> _stop;
    private readonly HashSet<string> _generic;
    private readonly HashSet<string> _englishCommon;
    private readonly HashSet<string> _dictionary;
    private readonly Dictionary<string, (uint Mask, uint Strong)> _languageWords = new(StringComparer.Ordinal);
    private readonly int _maxStemLength;
    private SpellCorrector? _corrector;
    private bool _frozen;

    private readonly ConcurrentDictionary<string, RawWord> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RawWord>.AlternateLookup<ReadOnlySpan<char>> _cacheLookup;
    private int _cacheCount;

    /// <summary>Creates a vocabulary holding the built-in function words, lexicons and language profiles.</summary>
    public Vocabulary()
    {
        _cacheLookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (from, to) in NormalizationData.Replacements)
        {
            _replacements.TryAdd(from, to.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        _negators = [.. SentimentLexicon.Negators];
        _irrealis = [.. SentimentLexicon.Irrealis];
        _contrast = [.. SentimentLexicon.Contrast];
        _englishCommon = [.. LanguageProfiles.EnglishCommon];
        _stop = [.. StopWords.Words, .. LanguageProfiles.EnglishCommon.Where(w => !StopWords.NotStop.Contains(w))];
        _generic = [.. StopWords.Generic];
        _dictionary = EnglishDictionary.All;
        foreach (var (w, f) in SentimentLexicon.Intensifiers)
        {
            _modifiers[w] = f;
        }
        foreach (var (w, f) in SentimentLexicon.Dampeners)
        {
            _modifiers.TryAdd(w, f);
        }
        foreach (var (list, situational) in new[] { (SentimentLexicon.Words, false), (SentimentLexicon.Situations, true) })
        {
            foreach (var (pattern, v) in list)
            {
                if (pattern.EndsWith('*'))
                {
                    _stemValence[pattern[..^1]] = (v, situational);
                }
                else
                {
                    _valence[pattern] = (v, situational);
                }
            }
        }
        var profiles = LanguageProfiles.Latin.Select((p, i) => (p, Bit: 1u << i))
            .Concat(LanguageProfiles.ArabicScript.Select((p, i) => (p, Bit: 1u << (LanguageDetector.ArabicBase + i))));
        foreach (var (p, bit) in profiles)
        {
            foreach (var w in p.Words)
            {
                if (_englishCommon.Contains(w))
                {
                    continue; // says nothing about the language
                }
                _languageWords[w] = _languageWords.TryGetValue(w, out var m) ? (m.Mask | bit, m.Strong) : (bit, 0u);
            }
            foreach (var w in p.StrongWords)
            {
                _languageWords[w] = _languageWords.TryGetValue(w, out var m) ? (m.Mask | bit, m.Strong | bit) : (bit, bit);
            }
        }
        _maxStemLength = MaxWordLength;
    }

    /// <summary>Number of ids handed out (words and stems share the id space).</summary>
    public int KeyCount => _wordIds.Count + _stemIds.Count;

    /// <summary>Parses a pattern ("never listen*", "self-harm", "waiting * years") into normalised elements.</summary>
    public List<PatternElement> ParsePattern(string pattern)
    {
        var result = new List<PatternElement>();
        foreach (var part in pattern.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "*")
            {
                result.Add(new PatternElement(PatternElementKind.Gap, "*"));
                continue;
            }
            var isStem = part.Length > 1 && part[^1] == '*';
            var body = isStem ? part[..^1] : part;
            var words = SplitWords(body);
            for (var i = 0; i < words.Count; i++)
            {
                var w = words[i];
                if (isStem && i == words.Count - 1)
                {
                    result.Add(new PatternElement(PatternElementKind.Stem, w));
                }
                else if (_replacements.TryGetValue(w, out var rep))
                {
                    foreach (var r in rep)
                    {
                        result.Add(new PatternElement(PatternElementKind.Word, r));
                    }
                }
                else
                {
                    result.Add(new PatternElement(PatternElementKind.Word, w));
                }
            }
        }
        return result;
    }

    /// <summary>Splits a pattern part into words the way the tokenizer splits text (hyphens, apostrophes, possessive 's).</summary>
    private static List<string> SplitWords(string body)
    {
        var words = new List<string>(2);
        // Start-up parses every taxonomy and lexicon pattern: a stack buffer, not a StringBuilder per pattern part.
        Span<char> word = body.Length <= 256 ? stackalloc char[body.Length] : new char[body.Length];
        var length = 0;
        for (var i = 0; i <= body.Length; i++)
        {
            var c = i < body.Length ? body[i] : ' ';
            if (Tokenizer.IsWordChar(c))
            {
                word[length++] = char.ToLowerInvariant(c);
            }
            else if (Tokenizer.IsApostrophe(c) && i + 1 < body.Length && char.IsLetter(body[i + 1]))
            {
                if ((body[i + 1] is 's' or 'S') && (i + 2 == body.Length || !char.IsLetter(body[i + 2])))
                {
                    i++; // possessive 's is dropped, as in text
                }
            }
            else if (length > 0)
            {
                words.Add(new string(word[..length]));
                length = 0;
            }
        }
        return words;
    }

    /// <summary>Gives the id of a word or stem, adding it if new. Not allowed once text has been resolved.</summary>
    public int Register(PatternElement e)
    {
        if (_frozen)
        {
            throw new InvalidOperationException("The vocabulary is frozen once text has been analysed.");
        }
        var map = e.Kind == PatternElementKind.Stem ? _stemIds : _wordIds;
        if (!map.TryGetValue(e.Text, out var id))
        {
            id = KeyCount;
            map[e.Text] = id;
        }
        return id;
    }

    /// <summary>The id of a registered word, or -1.</summary>
    public int WordId(string word) => _wordIds.TryGetValue(word, out var id) ? id : -1;

    /// <summary>The id of a registered stem (without <c>*</c>), or -1.</summary>
    public int StemId(string stem) => _stemIds.TryGetValue(stem, out var id) ? id : -1;

    /// <summary>Ends registration and builds the spelling corrector over the registered words.</summary>
    public void Freeze()
    {
        if (_frozen)
        {
            return;
        }
        _frozen = true;
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in _wordIds.Keys)
        {
            if (w.Length >= SpellCorrector.MinLength - 1 && IsAsciiLetters(w))
            {
                targets.Add(w);
            }
        }
        foreach (var w in _valence.Keys)
        {
            if (IsAsciiLetters(w))
            {
                targets.Add(w);
            }
        }
        // Real words that a stem covers ("listen*": listens, listened, listening), so "lisening" finds "listening".
        string[] suffixes = ["", "s", "es", "ed", "d", "ing", "er", "ers", "ful", "ly", "ment", "ments", "ness", "ion", "ions", "ation", "ive", "y", "ies", "ied", "al", "ally", "ity"];
        // Stem + suffix is looked up in one buffer: a string is made only for the real words (most are not).
        var dictionary = _dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
        var candidate = new char[MaxWordLength + 8];
        foreach (var stem in _stemIds.Keys.Concat(_stemValence.Keys))
        {
            if (stem.Length >= SpellCorrector.MinLength && IsAsciiLetters(stem))
            {
                targets.Add(stem); // "caseload*": "caseloda" still reaches it
            }
            if (stem.Length + 8 > candidate.Length)
            {
                candidate = new char[stem.Length + 8]; // the longest suffix has five letters
            }
            stem.CopyTo(candidate);
            foreach (var s in suffixes)
            {
                s.CopyTo(candidate.AsSpan(stem.Length));
                if (dictionary.TryGetValue(candidate.AsSpan(0, stem.Length + s.Length), out var w))
                {
                    targets.Add(w);
                }
            }
        }
        _corrector = new SpellCorrector(targets);
    }

    /// <summary>
    /// Resolves a surface word (already lower-cased, apostrophes removed) to its normalised words and language marks.
    /// Cached; safe from several threads.
    /// </summary>
    public RawWord Resolve(ReadOnlySpan<char> lowered) => Resolve(lowered, SpanWordTable<RawWord>.Hash(lowered));

    /// <summary>As <see cref="Resolve(ReadOnlySpan{char})"/>, with the word's <see cref="SpanWordTable{TValue}.Hash"/> already computed.</summary>
    public RawWord Resolve(ReadOnlySpan<char> lowered, uint hash)
    {
        // A per-thread flat table in front of the shared concurrent one: no locks, cheap hashing.
        var local = _local;
        if (local is null || !ReferenceEquals(_localOwner, this))
        {
            _local = local = new SpanWordTable<RawWord>(MaxCacheEntries, initialSlotBits: 12, initialChars: 1 << 15);
            _localOwner = this;
        }
        if (local.TryGetValue(lowered, hash, out var hit))
        {
            return hit;
        }
        if (!_cacheLookup.TryGetValue(lowered, out hit))
        {
            var key = lowered.ToString();
            hit = Compute(key);
            if (_cacheCount < MaxCacheEntries && _cache.TryAdd(key, hit))
            {
                Interlocked.Increment(ref _cacheCount);
            }
        }
        // Computing a word may have added others meanwhile, so the add probes again; beyond the cap it is refused.
        local.TryAdd(lowered, hit);
        return hit;
    }

    [ThreadStatic]
    private static SpanWordTable<RawWord>? _local;

    /// <summary>The vocabulary <see cref="_local"/> was made for (a thread may use more than one in tests).</summary>
    [ThreadStatic]
    private static Vocabulary? _localOwner;

    /// <summary>The shared normalised word for a placeholder such as <c>[name]</c>.</summary>
    public NormWord Placeholder(ReadOnlySpan<char> text)
    {
        if (_cacheLookup.TryGetValue(text, out var hit))
        {
            return hit.Norms[0];
        }
        var key = text.ToString().ToLowerInvariant();
        var norm = new NormWord(key) { Flags = WordFlags.Placeholder | WordFlags.Stop };
        var raw = new RawWord([norm], 0, 0);
        _cache.TryAdd(text.ToString(), raw);
        return norm;
    }

    private readonly ConcurrentDictionary<int, NormWord> _emoji = new();

    /// <summary>The shared normalised word for an emoji code point or emoticon, with its valence.</summary>
    public NormWord Emoji(int codePoint, string text, float valence) =>
        _emoji.GetOrAdd(codePoint, _ => new NormWord(text) { Flags = WordFlags.Emoji | WordFlags.Stop, Valence = valence });

    private RawWord Compute(string raw)
    {
        var word = raw;
        if (HasStretch(raw))
        {
            // "sooooo" -> "soo" or "so"; "pleaseeee" -> "please": keep whichever is a known word.
            var two = Collapse(raw, 2);
            var one = Collapse(raw, 1);
            word = IsKnown(one) && !IsKnown(two) ? one : IsKnown(two) ? two : IsKnown(one) ? one : two;
        }
        uint mask = 0, strong = 0;
        if (_languageWords.TryGetValue(word, out var lw))
        {
            mask = lw.Mask;
            strong = lw.Strong;
        }
        var english = _englishCommon.Contains(word) || _replacements.ContainsKey(word) || _wordIds.ContainsKey(word)
                      || _valence.ContainsKey(word);
        var inDictionary = !english && _dictionary.Contains(word);
        if (english)
        {
            mask |= LanguageDetector.EnglishBit;
        }
        else if (inDictionary)
        {
            mask |= LanguageDetector.EnglishDictionaryBit;
        }

        string[] words;
        if (_replacements.TryGetValue(word, out var rep))
        {
            words = rep;
        }
        else
        {
            if (!english && !inDictionary && mask == 0 && _corrector is not null && word.Length >= SpellCorrector.MinLength
                && IsAsciiLetters(word) && _corrector.Correct(word) is { } fixedWord)
            {
                word = fixedWord;
                mask |= LanguageDetector.EnglishBit;
            }
            words = [word];
        }
        var norms = new NormWord[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            norms[i] = Norm(words[i]);
        }
        return new RawWord(norms, mask, strong);
    }

    private bool IsKnown(string w) =>
        _englishCommon.Contains(w) || _replacements.ContainsKey(w) || _wordIds.ContainsKey(w) || _valence.ContainsKey(w)
        || _dictionary.Contains(w) || _modifiers.ContainsKey(w) || _languageWords.ContainsKey(w);

    private NormWord Norm(string w)
    {
        lock (_norms)
        {
            if (_norms.TryGetValue(w, out var existing))
            {
                return existing;
            }
        }
        var keys = new List<int>(2);
        if (_wordIds.TryGetValue(w, out var id))
        {
            keys.Add(id);
        }
        (float Valence, bool Situational) stemValence = (0f, false);
        var stemLookup = _stemIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var stemValenceLookup = _stemValence.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var len = MinStemLength; len <= w.Length && len <= _maxStemLength; len++)
        {
            var p = w.AsSpan(0, len);
            if (stemLookup.TryGetValue(p, out var sid))
            {
                keys.Add(sid);
            }
            if (stemValenceLookup.TryGetValue(p, out var sv))
            {
                stemValence = sv; // the longest stem wins
            }
        }
        var flags = WordFlags.None;
        if (_stop.Contains(w))
        {
            flags |= WordFlags.Stop;
        }
        if (_generic.Contains(w))
        {
            flags |= WordFlags.Generic;
        }
        if (_negators.Contains(w))
        {
            flags |= WordFlags.Negator;
        }
        if (_irrealis.Contains(w))
        {
            flags |= WordFlags.Irrealis;
        }
        if (_contrast.Contains(w))
        {
            flags |= WordFlags.Contrast;
        }
        var modifier = 1f;
        if (_modifiers.TryGetValue(w, out var m))
        {
            flags |= WordFlags.Modifier;
            modifier = m;
        }
        if (IsDigits(w))
        {
            flags |= WordFlags.Number | WordFlags.Stop;
        }
        if (_englishCommon.Contains(w) || _dictionary.Contains(w) || keys.Count > 0 || _valence.ContainsKey(w))
        {
            flags |= WordFlags.KnownEnglish;
        }
        var valence = _valence.TryGetValue(w, out var v) ? v : stemValence;
        if (valence.Situational)
        {
            flags |= WordFlags.Situational;
        }
        var norm = new NormWord(w)
        {
            Keys = keys.ToArray(),
            Flags = flags,
            Valence = valence.Valence,
            Modifier = modifier,
        };
        lock (_norms)
        {
            return _norms.TryAdd(w, norm) ? norm : _norms[w];
        }
    }

    private static bool HasStretch(string s)
    {
        for (var i = 2; i < s.Length; i++)
        {
            if (s[i] == s[i - 1] && s[i] == s[i - 2] && char.IsLetter(s[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static string Collapse(string s, int keep)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        var run = 0;
        for (var i = 0; i < s.Length; i++)
        {
            run = i > 0 && s[i] == s[i - 1] ? run + 1 : 1;
            // Only runs of three or more are stretched; "ll" in "really" stays.
            var runLength = run;
            var j = i + 1;
            while (j < s.Length && s[j] == s[i])
            {
                runLength++;
                j++;
            }
            if (run <= keep || (runLength < 3 && run <= 2))
            {
                sb.Append(s[i]);
            }
        }
        return sb.ToString();
    }

    private static bool IsAsciiLetters(string s)
    {
        foreach (var c in s)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }
        return s.Length > 0;
    }

    private static bool IsDigits(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return s.Length > 0;
    }
}
