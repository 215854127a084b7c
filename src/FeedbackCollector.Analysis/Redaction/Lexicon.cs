using System.Collections.Frozen;
using System.Reflection;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>What the redactor knows about a word.</summary>
[Flags]
internal enum WordFlags : ushort
{
    None = 0,
    /// <summary>A first name that is not also an ordinary word (Sarah, Mohammed, Kwame).</summary>
    Name = 1,
    /// <summary>A first name that is also a word (Will, Grace, Hope): a name only with a cue or mid-sentence capital.</summary>
    WordName = 2,
    /// <summary>A month or season that is also a name (April, May, Summer): a name only with a cue.</summary>
    Calendar = 4,
    /// <summary>A function, family or role word: never a name.</summary>
    Function = 8,
    /// <summary>A common English word: not a name from a weak cue when written in lower case.</summary>
    Common = 16,
    /// <summary>A service, agency or platform (CAMHS, Childline, Shout): never a name.</summary>
    Service = 32,
    /// <summary>A title before a name: Mr, Mrs, Ms, Mx, Dr, Miss, Sir.</summary>
    Title = 64,
    /// <summary>A worker's role before a name: sw, worker, teacher, mentor.</summary>
    Role = 128,
    /// <summary>A relation before a name: friend, sister, boyfriend, cousin.</summary>
    Relation = 256,
    /// <summary>A verb after a name: said, told, texted, helped.</summary>
    SaidVerb = 512,
    /// <summary>A greeting or thanks before a name: thanks, hi, dear.</summary>
    Greeting = 1024,
    /// <summary>A verb only a person does, after a name: rings, texts, cancelled, listens.</summary>
    PersonVerb = 2048,
    /// <summary>A word that describes a person after "is": kind, rude, patient.</summary>
    PersonTrait = 4096,
    /// <summary>An adverb between a name and its verb: never, always, still, keeps.</summary>
    Frequency = 8192,
    /// <summary>A pronoun or determiner after a word that makes it a verb, or before one that makes it a noun: "mark my", "hope you", "the bill".</summary>
    VerbObject = 16384,
    /// <summary>A verb whose object is a person: ask, talk (to), ring, text, tell, thank.</summary>
    ContactVerb = 32768,
}

/// <summary>What the lexicon holds for one word: its flags and, for a word the name finder compares with, which cue word it is.</summary>
/// <param name="Flags">The word's flags; <see cref="WordFlags.None"/> for a cue word that is in no list.</param>
/// <param name="Cue">The cue word it equals, ignoring case; <see cref="CueWord.None"/> for most words.</param>
internal readonly record struct Entry(WordFlags Flags, CueWord Cue);

/// <summary>The embedded word lists, loaded once into a case-insensitive frozen dictionary.</summary>
internal static class Lexicon
{
    private static readonly FrozenDictionary<string, WordFlags> Words = Load();

    /// <summary>
    /// The same words, plus the cue words the name finder compares with, keyed by their ASCII lower-case form: the name
    /// finder reads every word of every text, and lower-casing a copy while hashing it, then one probe of a flat table,
    /// is several times cheaper than a case-insensitive lookup over keys that include non-ASCII names (chloé, łukasz).
    /// For an ASCII word ignoring case is the same as lower-casing both sides: no non-ASCII letter of the lists
    /// upper-cases to an ASCII one, so no non-ASCII key can equal an ASCII word. Other words use <see cref="FullEntries"/>.
    /// </summary>
    private static readonly AsciiWordTable AsciiEntries;

    /// <summary>Every word and cue word, case-insensitive: for words with a non-ASCII letter.</summary>
    private static readonly FrozenDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> FullEntries;

#pragma warning disable CA1810 // the two tables are built together from the same entries
    static Lexicon()
#pragma warning restore CA1810
    {
        var entries = new Dictionary<string, Entry>(Words.Count + 128, StringComparer.OrdinalIgnoreCase);
        foreach (var (word, flags) in Words)
        {
            entries[word] = new Entry(flags, CueWord.None);
        }

        foreach (var (cue, word) in CueWords.All)
        {
            entries[word] = new Entry(entries.TryGetValue(word, out var e) ? e.Flags : WordFlags.None, cue);
        }

        var full = entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        FullEntries = full.GetAlternateLookup<ReadOnlySpan<char>>();
        AsciiEntries = new AsciiWordTable(entries.Where(e => System.Text.Ascii.IsValid(e.Key)).Select(e => (e.Key.ToLowerInvariant(), e.Value)));
    }

    /// <summary>Number of distinct words known (for tests and diagnostics).</summary>
    public static int Count => Words.Count;

    /// <summary>The flags of <paramref name="word"/>, ignoring case; <see cref="WordFlags.None"/> when unknown.</summary>
    public static WordFlags Lookup(ReadOnlySpan<char> word) => LookupEntry(word).Flags;

    /// <summary>
    /// The flags and cue word of <paramref name="word"/>, ignoring case: the flags of the word lists, and the
    /// <see cref="CueWord"/> it equals (ignoring case), if any.
    /// </summary>
    public static Entry LookupEntry(ReadOnlySpan<char> word) =>
        AsciiEntries.TryFind(word, out var entry) ? entry : LookupIgnoringCase(word);

    /// <summary>The case-insensitive lookup every word could use (the reference for the ASCII table; non-ASCII words use it).</summary>
    internal static Entry LookupIgnoringCase(ReadOnlySpan<char> word) => FullEntries.TryGetValue(word, out var entry) ? entry : default;

    private static FrozenDictionary<string, WordFlags> Load()
    {
        var words = new Dictionary<string, WordFlags>(8192, StringComparer.OrdinalIgnoreCase);
        Add(words, "common-words.txt", WordFlags.Common);
        Add(words, "function-words.txt", WordFlags.Function);
        Add(words, "services.txt", WordFlags.Service);
        Add(words, "first-names.txt", WordFlags.Name);
        Add(words, "word-names.txt", WordFlags.WordName);
        AddCueWords(words, WordFlags.Title, "mr mrs ms mx dr mister prof miss sir");
        AddCueWords(words, WordFlags.Role, "sw worker keyworker teacher counsellor counselor mentor therapist nurse coach tutor carer officer pa iro advocate doctor head headteacher manager senco dsl");
        AddCueWords(words, WordFlags.Relation, "friend mate bestie bff bf gf boyfriend girlfriend brother sister cousin bro sis stepdad stepmum partner son daughter nan grandad boy girl husband wife ex niece nephew baby twin twins grandson granddaughter stepson stepdaughter stepbrother stepsister godson goddaughter");
        AddCueWords(words, WordFlags.SaidVerb, "said says told tells texted messaged rang phoned asked helped listened from");
        AddCueWords(words, WordFlags.Greeting, "thanks thank thx ty cheers hi hiya hey dear");
        AddCueWords(words, WordFlags.PersonVerb, "rings rang rung ringing calls phones phoned phoning texts texted texting emails emailed emailing "
            + "answers answered answering replies replied replying responds responded listens listened listening cancels cancelled canceled "
            + "cancelling canceling promises promised promising forgets forgot forgetting ignores ignored ignoring shouts shouted shouting "
            + "swears swore explains explained talks talked talking speaks understands understood judges judged messages thinks thought reckons reckoned wants wanted");
        AddCueWords(words, WordFlags.Frequency, "never always still usually sometimes often really actually also finally even literally "
            + "honestly hardly rarely barely keeps kept so very super proper");
        AddCueWords(words, WordFlags.PersonTrait, "kind nice lovely friendly helpful rude patient caring supportive funny mean nasty "
            + "approachable bossy sarcastic");
        AddCueWords(words, WordFlags.VerbObject, "me you my your his her him it its us our them their the a an this that i to up by he she we they");
        AddCueWords(words, WordFlags.ContactVerb, "ask asked asking talk talked talking speak spoke speaking chat chatted tell told ring rang "
            + "call phone phoned text texted message messaged email emailed thank thanked meet met contact contacted");

        // A word-name is not also a plain name, and a listed name is never merely "common": the lists disagree on
        // purpose (the frequency list holds "john"), and the more specific list wins.
        foreach (var key in words.Keys.ToArray())
        {
            var flags = words[key];
            if ((flags & WordFlags.WordName) != 0)
            {
                flags &= ~WordFlags.Name;
            }

            if ((flags & (WordFlags.Name | WordFlags.WordName)) != 0)
            {
                flags &= ~WordFlags.Common;
            }

            words[key] = flags;
        }

        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void AddCueWords(Dictionary<string, WordFlags> words, WordFlags flag, string list)
    {
        foreach (var word in list.Split(' '))
        {
            words[word] = words.TryGetValue(word, out var existing) ? existing | flag : flag;
        }
    }

    private static void Add(Dictionary<string, WordFlags> words, string resource, WordFlags flag)
    {
        var name = "FeedbackCollector.Analysis.Redaction." + resource;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded word list {name} is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var lineFlag = flag;
            var body = line.AsSpan();
            if (body[0] == '!')
            {
                lineFlag = WordFlags.Calendar;
                body = body[1..];
            }

            foreach (var range in body.Split(' '))
            {
                var word = body[range].Trim();
                if (word.IsEmpty)
                {
                    continue;
                }

                var key = word.ToString();
                words[key] = words.TryGetValue(key, out var existing) ? existing | lineFlag : lineFlag;
            }
        }
    }
}

/// <summary>
/// A read-only open-addressing (linear probing) table from lower-case ASCII words to their <see cref="Entry"/>: the keys'
/// characters sit in one array, and a slot holds a key's hash, place, length and entry together, so a lookup is one
/// pass over the word (lower-casing and hashing it) and usually one slot and one key comparison.
/// </summary>
internal sealed class AsciiWordTable
{
    /// <summary>Longest word the table holds or looks up; a longer word is reported as not ASCII-lookupable.</summary>
    public const int MaxWord = 32;

    private readonly Slot[] _slots;
    private readonly char[] _chars;
    private readonly int _shift;

    /// <summary>Builds the table from lower-case ASCII words of 1 to <see cref="MaxWord"/> characters (duplicates: the last wins).</summary>
    public AsciiWordTable(IEnumerable<(string Word, Entry Entry)> words)
    {
        var list = words.ToList();
        var bits = 4;
        while ((1 << bits) < list.Count * 2)
        {
            bits++;
        }
        _slots = new Slot[1 << bits];
        _shift = 32 - bits;
        var chars = new List<char>();
        var mask = _slots.Length - 1;
        foreach (var (word, entry) in list)
        {
            if (word.Length is 0 or > MaxWord || !System.Text.Ascii.IsValid(word) || word.Any(char.IsAsciiLetterUpper))
            {
                throw new ArgumentException($"'{word}' is not a lower-case ASCII word of 1 to {MaxWord} characters.", nameof(words));
            }
            var hash = Hash(word);
            var at = (int)(unchecked(hash * 2654435769u) >> _shift);
            while (_slots[at].Length != 0 && !(_slots[at].Hash == hash && SameWord(chars, _slots[at], word)))
            {
                at = (at + 1) & mask;
            }
            var offset = _slots[at].Length != 0 ? _slots[at].Offset : chars.Count;
            if (_slots[at].Length == 0)
            {
                chars.AddRange(word);
            }
            _slots[at] = new Slot(hash, offset, (byte)word.Length, entry);
        }
        _chars = [.. chars];

        static bool SameWord(List<char> chars, Slot slot, string word)
        {
            if (slot.Length != word.Length)
            {
                return false;
            }
            for (var i = 0; i < word.Length; i++)
            {
                if (chars[slot.Offset + i] != word[i])
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>
    /// Looks <paramref name="word"/> up ignoring ASCII case. Returns false with no entry when the word is not ASCII or is
    /// longer than <see cref="MaxWord"/> (the caller asks a full table then); true otherwise, with the default entry for
    /// an unknown word.
    /// </summary>
    public bool TryFind(ReadOnlySpan<char> word, out Entry entry)
    {
        entry = default;
        if (word.Length > MaxWord)
        {
            return false;
        }
        Span<char> lower = stackalloc char[MaxWord];
        var hash = 2166136261u;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c >= 128)
            {
                return false;
            }
            if (char.IsAsciiLetterUpper(c))
            {
                c = (char)(c | 0x20);
            }
            lower[i] = c;
            hash = unchecked((hash ^ c) * 16777619u);
        }
        var key = lower[..word.Length];
        var slots = _slots;
        var mask = slots.Length - 1;
        var at = (int)(unchecked(hash * 2654435769u) >> _shift);
        while (true)
        {
            ref readonly var slot = ref slots[at];
            if (slot.Length == 0)
            {
                return true;
            }
            if (slot.Hash == hash && slot.Length == key.Length && key.SequenceEqual(_chars.AsSpan(slot.Offset, slot.Length)))
            {
                entry = slot.Entry;
                return true;
            }
            at = (at + 1) & mask;
        }
    }

    private static uint Hash(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }
        return hash;
    }

    private readonly record struct Slot(uint Hash, int Offset, byte Length, Entry Entry);
}
