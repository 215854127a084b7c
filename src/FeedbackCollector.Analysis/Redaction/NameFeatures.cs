namespace FeedbackCollector.Analysis.Redaction;

/// <summary>Receives the features of one candidate word one at a time (a struct, so scoring allocates nothing).</summary>
internal interface INameFeatureSink
{
    /// <summary>One feature: its bucket in the hashed weight table.</summary>
    void Add(int bucket);
}

/// <summary>
/// The features the name model (<see cref="NameModel"/>) reads for one word the rules left alone, from the tokens the
/// <see cref="NameFinder"/> built (no second tokenisation): the lower-cased word; its shape (capital, capital mid-sentence,
/// hyphen, apostrophe, length); what the lexicon, the English word list and the places know of it, alone and with its shape; the two
/// words before and after it, lower-cased, with what the lexicon knows of them and whether the rules found them to be
/// names, and as pairs with the word; the punctuation either side; a name the rules found across "and", "&amp;" or a comma; the start of a line or
/// sentence; brackets and quotes around it. Every feature is hashed (FNV-1a) into a table of <see cref="Buckets"/>
/// weights. Training reads the same code, so the two agree.
/// </summary>
internal static class NameFeatures
{
    /// <summary>Feature version: a model trained with other features is refused.</summary>
    public const int Version = 1;

    /// <summary>Bits of the hashed table: 2^18 buckets keep collisions rare for the few tens of thousands of features seen.</summary>
    public const int Bits = 18;

    /// <summary>Number of buckets.</summary>
    public const int Buckets = 1 << Bits;

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>
    /// A word the model may score: two letters or more (letters, inner hyphens and apostrophes, as tokenised), not a
    /// function, service, title, role, relation, cue or greeting word, and not an acronym ("CAMHS", "YP") or an acronym's
    /// plural ("IROs", "GCSEs") unless the whole text is written in capitals, nor a day of the week ("Fridays").
    /// </summary>
    public static bool IsCandidate(string text, Token t, bool shouting) =>
        t.BaseLength >= 2 && !t.NeverName && (shouting || (!t.Acronym && !IsAcronymPlural(text.AsSpan(t.Start, t.BaseLength))))
        && !PlaceWords.IsDay(text.AsSpan(t.Start, t.BaseLength));

    /// <summary>"IROs", "PCSOs", "Bs": capitals and a final "s".</summary>
    private static bool IsAcronymPlural(ReadOnlySpan<char> word) =>
        word.Length >= 2 && word[^1] == 's' && !word[..^1].ContainsAnyExceptInRange('A', 'Z');

    /// <summary>The lower-cased FNV-1a hash of each token's base word, into <paramref name="hashes"/>.</summary>
    public static void WordHashes(string text, List<Token> tokens, Span<uint> hashes)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            var h = FnvOffset;
            foreach (var c in text.AsSpan(t.Start, t.BaseLength))
            {
                h = unchecked((h ^ char.ToLowerInvariant(c)) * FnvPrime);
            }

            hashes[k] = h;
        }
    }

    /// <summary>
    /// Calls <paramref name="sink"/> with every feature of candidate token <paramref name="i"/>. Returns whether the word
    /// is also an ordinary word (in the English word list or the places, or a word-name, month, season or common word in the lexicon),
    /// which the model holds to a stricter threshold than a word no list knows.
    /// </summary>
    public static bool Extract<TSink>(string text, List<Token> tokens, int i, ReadOnlySpan<bool> isName, ReadOnlySpan<uint> words, bool shouting, uint textKnown, ref TSink sink)
        where TSink : struct, INameFeatureSink
    {
        var t = tokens[i];
        var cap = t.Capitalised && !shouting ? 1u : 0u;
        var start = i == 0 || t.SentenceStart ? 1u : 0u;
        var mid = cap == 1 && start == 0 ? 1u : 0u;
        var word = text.AsSpan(t.Start, t.BaseLength);
        var english = t.WordOrTextSpeak;
        var place = PlaceWords.IsPlace(word);

        // How much of the text the lexicon knows: a Welsh or Polish sentence is not a list of names.
        sink.Add(Bucket(Mix('t', textKnown, 0)));
        sink.Add(Bucket(Mix('w', words[i], 0)));
        sink.Add(Bucket(Mix('W', words[i], cap)));

        // Shape: capitals, hyphen, apostrophe, possessive, length.
        var shape = cap | (mid << 1) | (word.Contains('-') ? 4u : 0) | (word.Contains('\'') || word.Contains('’') ? 8u : 0)
            | (t.BaseLength < t.Length ? 16u : 0) | (shouting ? 32u : 0);
        sink.Add(Bucket(Mix('s', shape, 0)));
        sink.Add(Bucket(Mix('l', (uint)Math.Min(t.BaseLength, 9), cap)));

        // What the lists know, alone and with the shape: an unknown capitalised word mid-sentence is a name more often than a known one.
        var known = Known(t, english, place);
        if (!english && !place && !t.Has(WordFlags.Name | WordFlags.WordName))
        {
            // A misspelt or run-together word ("sumtimes", "actualy", "tonights", "keepin") or a name's plural or
            // possessive without an apostrophe ("jaydens").
            sink.Add(Bucket(Mix('m', Near(word), cap)));
        }

        sink.Add(Bucket(Mix('k', known, 0)));
        sink.Add(Bucket(Mix('K', known, cap | (mid << 1) | (start << 2))));
        for (var m = known; m != 0; m &= m - 1)
        {
            sink.Add(Bucket(Mix('b', (uint)System.Numerics.BitOperations.TrailingZeroCount(m), cap | (start << 1))));
        }

        // Line or sentence start; brackets and quotes.
        sink.Add(Bucket(Mix('p', start | (LineStart(text, t.Start) ? 2u : 0), cap)));
        var before = PrevChar(text, t.Start);
        var after = NextChar(text, t.End);
        sink.Add(Bucket(Mix('(', Mark(before), 0)));
        sink.Add(Bucket(Mix(')', Mark(after), 0)));

        // Neighbours: two words each side, their words, classes and the punctuation in between.
        var coordinated = false;
        for (var d = -2; d <= 2; d++)
        {
            if (d == 0)
            {
                continue;
            }

            var j = i + d;
            var o = (uint)(d + 2);
            if (j < 0 || j >= tokens.Count)
            {
                sink.Add(Bucket(Mix('e', o, 0)));
                continue;
            }

            var n = tokens[j];
            sink.Add(Bucket(Mix('n', words[j], o)));
            var cls = Class(n, isName[j], shouting);
            sink.Add(Bucket(Mix('c', cls, o)));
            for (var m = cls; m != 0; m &= m - 1)
            {
                sink.Add(Bucket(Mix('C', (uint)System.Numerics.BitOperations.TrailingZeroCount(m), o)));
            }

            if (d is -1 or 1)
            {
                // The word with its neighbour: "joy is", "mark the", "with tamsin".
                sink.Add(Bucket(Mix(d < 0 ? 'P' : 'Q', words[j] * FnvPrime, words[i])));
                // The neighbour's word with this word's capital: "the Okafor family" against "the whole family".
                sink.Add(Bucket(Mix('N', words[j], o | (cap << 4))));
                var gap = d == -1 ? Gap(text, n.End, t.Start) : Gap(text, t.End, n.Start);
                sink.Add(Bucket(Mix('g', gap, o)));
                coordinated |= isName[j] && gap is 2 or 3;
            }
            else if (isName[j])
            {
                var link = tokens[(i + j) / 2];
                coordinated |= link.Is(CueWord.And) || link.Is(CueWord.N) || link.Is(CueWord.Ampersand);
            }
        }

        if (coordinated)
        {
            sink.Add(Bucket(Mix('x', cap, 0)));
        }

        return english || place || t.Has(WordFlags.WordName | WordFlags.Calendar | WordFlags.Common);
    }

    /// <summary>The bucket of a hash.</summary>
    public static int Bucket(uint hash) => (int)((hash ^ (hash >> Bits)) & (Buckets - 1));

    /// <summary>What the lexicon and the word list know of the candidate word.</summary>
    private static uint Known(Token t, bool english, bool place)
    {
        var k = 0u;
        k |= t.Has(WordFlags.Name) ? 1u : 0;
        k |= t.Has(WordFlags.WordName) ? 2u : 0;
        k |= t.Has(WordFlags.Calendar) ? 4u : 0;
        k |= t.Has(WordFlags.Common) ? 8u : 0;
        k |= english ? 16u : 0;
        k |= t.Has(WordFlags.PersonVerb | WordFlags.PersonTrait | WordFlags.Frequency | WordFlags.VerbObject | WordFlags.ContactVerb) ? 32u : 0;
        k |= place ? 128u : 0;
        return k == 0 ? 64u : k;
    }

    /// <summary>
    /// What the word is one letter away from: 1 an English word by dropping one letter ("tonights", "wiv"→no), swapping two
    /// neighbours ("becuase") or doubling one ("actualy", "realy"), or "-in" for "-ing" ("keepin"); 2 a first name by
    /// dropping a final "s" ("jaydens"); 0 neither. At most three lookups a letter, for unknown words only.
    /// </summary>
    private static uint Near(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || word.Length > 24)
        {
            return 0;
        }

        if ((word[^1] is 's' or 'S') && Lexicon.Lookup(word[..^1]).HasFlag(WordFlags.Name))
        {
            return 2;
        }

        Span<char> buffer = stackalloc char[word.Length + 1];
        if (word.EndsWith("in", StringComparison.OrdinalIgnoreCase))
        {
            word.CopyTo(buffer);
            buffer[word.Length] = 'g';
            if (EnglishWords.Contains(buffer[..(word.Length + 1)]))
            {
                return 1;
            }
        }

        for (var k = 0; k < word.Length; k++)
        {
            // Drop letter k.
            word[..k].CopyTo(buffer);
            word[(k + 1)..].CopyTo(buffer[k..]);
            if (EnglishWords.Contains(buffer[..(word.Length - 1)]))
            {
                return 1;
            }

            // Double letter k.
            word[..(k + 1)].CopyTo(buffer);
            word[k..].CopyTo(buffer[(k + 1)..]);
            if (EnglishWords.Contains(buffer[..(word.Length + 1)]))
            {
                return 1;
            }

            // Swap letters k and k + 1.
            if (k + 1 < word.Length)
            {
                word.CopyTo(buffer);
                (buffer[k], buffer[k + 1]) = (buffer[k + 1], buffer[k]);
                if (EnglishWords.Contains(buffer[..word.Length]))
                {
                    return 1;
                }
            }
        }

        return 0;
    }

    /// <summary>The share of a text's words that the lexicon knows, in five steps (0: under half, 4: 90% or more).</summary>
    public static uint TextKnown(List<Token> tokens)
    {
        if (tokens.Count == 0)
        {
            return 0;
        }

        var known = 0;
        foreach (var t in tokens)
        {
            known += t.Flags != WordFlags.None || t.BaseCue != CueWord.None ? 1 : 0;
        }

        var share = (double)known / tokens.Count;
        return share switch { < 0.5 => 0, < 0.65 => 1, < 0.8 => 2, < 0.9 => 3, _ => 4 };
    }

    /// <summary>What a neighbouring word is: a name the rules found, a function word, a title, a role or relation, a verb of a person...</summary>
    private static uint Class(Token n, bool name, bool shouting)
    {
        var c = name ? 1u : 0;
        c |= n.Has(WordFlags.Function) ? 2u : 0;
        c |= n.Has(WordFlags.Title) ? 4u : 0;
        c |= n.Has(WordFlags.Role | WordFlags.Relation) ? 8u : 0;
        c |= n.Has(WordFlags.SaidVerb | WordFlags.PersonVerb) ? 16u : 0;
        c |= n.Has(WordFlags.Greeting | WordFlags.ContactVerb) ? 32u : 0;
        c |= n.Capitalised && !shouting ? 64u : 0;
        c |= n.Has(WordFlags.Name | WordFlags.WordName) ? 128u : 0;
        c |= n.Has(WordFlags.Common) ? 256u : 0;
        c |= n.Has(WordFlags.Service) ? 512u : 0;
        c |= n.BaseLength == 1 ? 1024u : 0;
        return c;
    }

    /// <summary>The punctuation between two words: 0 spaces, 1 a hyphen, 2 a comma, 3 "&amp;" or "+", 4 a sentence stop, 5 an opening bracket, 6 a closing one, 7 a quote, 8 a line break, 9 anything else.</summary>
    private static uint Gap(string text, int from, int to)
    {
        var gap = text.AsSpan(from, to - from);
        if (!gap.ContainsAnyExcept(' '))
        {
            return 0;
        }

        if (gap.Contains('\n') || gap.Contains('\r'))
        {
            return 8;
        }

        if (gap.Contains('('))
        {
            return 5;
        }

        if (gap.Contains(')'))
        {
            return 6;
        }

        if (gap.ContainsAny(".!?:;"))
        {
            return 4;
        }

        if (gap.Contains(','))
        {
            return 2;
        }

        if (gap.Contains('&') || gap.Contains('+'))
        {
            return 3;
        }

        if (gap.ContainsAny("\"'“”‘’"))
        {
            return 7;
        }

        return gap.Trim(' ') is "-" ? 1u : 9u;
    }

    private static uint Mark(char c) => c switch
    {
        '(' or '[' => 1,
        ')' or ']' => 2,
        '"' or '\'' or '“' or '”' or '‘' or '’' => 3,
        ',' => 4,
        '.' or '!' or '?' => 5,
        ':' or ';' => 6,
        '-' or '–' => 7,
        '\0' => 8,
        _ => 0,
    };

    /// <summary>The character just before <paramref name="at"/>, past spaces; '\0' at the start of the text.</summary>
    private static char PrevChar(string text, int at)
    {
        for (var k = at - 1; k >= 0; k--)
        {
            if (text[k] != ' ')
            {
                return text[k];
            }
        }

        return '\0';
    }

    /// <summary>The character just after <paramref name="at"/>, past spaces; '\0' at the end of the text.</summary>
    private static char NextChar(string text, int at)
    {
        for (var k = at; k < text.Length; k++)
        {
            if (text[k] != ' ')
            {
                return text[k];
            }
        }

        return '\0';
    }

    /// <summary>Nothing but spaces and a list mark ("-", "*", "•") between the start of the line and <paramref name="at"/>.</summary>
    private static bool LineStart(string text, int at)
    {
        for (var k = at - 1; k >= 0; k--)
        {
            var c = text[k];
            if (c is '\n' or '\r')
            {
                return true;
            }

            if (c is not (' ' or '-' or '*' or '•' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static uint Mix(char kind, uint a, uint b)
    {
        var h = unchecked((FnvOffset ^ kind) * FnvPrime);
        h = (h ^ (a & 0xFFFF)) * FnvPrime;
        h = (h ^ (a >> 16)) * FnvPrime;
        h = (h ^ (b & 0xFFFF)) * FnvPrime;
        return (h ^ (b >> 16)) * FnvPrime;
    }
}

/// <summary>A word the name model scores, as training sees it: where it is and its feature buckets.</summary>
/// <param name="Start">Offset of the word.</param>
/// <param name="End">End of the word (without a possessive "'s").</param>
/// <param name="Buckets">The buckets of its features, in extraction order.</param>
internal readonly record struct NameExample(int Start, int End, int[] Buckets);

/// <summary>Collects the buckets of one word's features (training only).</summary>
internal readonly struct NameExampleSink(List<int> buckets) : INameFeatureSink
{
    public List<int> Buckets { get; } = buckets;

    public void Add(int bucket) => Buckets.Add(bucket);
}
