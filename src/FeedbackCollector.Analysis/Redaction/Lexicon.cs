using System.Reflection;
using System.Runtime.InteropServices;
using FeedbackCollector.Analysis.Text;

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

/// <summary>
/// Which general word lists hold a word, apart from the redactor's own lists (<see cref="WordFlags"/>): kept out of
/// <see cref="WordFlags"/> because "the lexicon knows it" (flags not <see cref="WordFlags.None"/>) means the redactor's lists only.
/// </summary>
[Flags]
internal enum WordKinds : byte
{
    None = 0,
    /// <summary>In the British English word list (<see cref="EnglishDictionary"/>), lower-cased.</summary>
    English = 1,
    /// <summary>Text-speak the normaliser expands ("tmrw", "gr8"), ignoring case.</summary>
    TextSpeak = 2,
}

/// <summary>What the lexicon holds for one word: its flags and, for a word the name finder compares with, which cue word it is.</summary>
/// <param name="Flags">The word's flags; <see cref="WordFlags.None"/> for a cue word that is in no list.</param>
/// <param name="Cue">The cue word it equals, ignoring case; <see cref="CueWord.None"/> for most words.</param>
internal readonly record struct Entry(WordFlags Flags, CueWord Cue);

/// <summary>The embedded word lists, loaded once into a case-insensitive dictionary and a flat table of their ASCII words.</summary>
internal static class Lexicon
{
    private static readonly Dictionary<string, WordFlags> Words = Load();

    /// <summary>
    /// The same words, plus the cue words the name finder compares with and every word of the English word list and of the
    /// normaliser's text-speak (with their <see cref="WordKinds"/>), keyed by their ASCII lower-case form: the name
    /// finder reads every word of every text, and lower-casing a copy while hashing it, then one probe of a flat table,
    /// is several times cheaper than a case-insensitive lookup over keys that include non-ASCII names (chloé, łukasz).
    /// For an ASCII word ignoring case is the same as lower-casing both sides: no non-ASCII letter of the lists
    /// upper-cases to an ASCII one, so no non-ASCII key can equal an ASCII word. Other words use <see cref="FullEntries"/>.
    /// The English and text-speak lists are lower-case ASCII (a test holds them to it), so for an ASCII word the table's
    /// <see cref="WordKinds"/> are what the lists' own sets say, and the name finder reads them from the token it looked up
    /// anyway instead of asking a second, larger hash set for each candidate word.
    /// </summary>
    private static readonly AsciiWordTable AsciiEntries;

    /// <summary>
    /// Every word and cue word, case-insensitive: for words with a non-ASCII letter, which are few, so the dictionary the
    /// tables are built from serves as it is (freezing it cost more at start-up than it saves on those lookups).
    /// </summary>
    private static readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> FullEntries;

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

        FullEntries = entries.GetAlternateLookup<ReadOnlySpan<char>>();

        // The ASCII table's words: the lexicon's ASCII words and cue words, then the English and text-speak words with their
        // kinds (the table merges a word given twice). A list word that is not lower-case ASCII of at most
        // AsciiWordTable.MaxWord characters is left out (TryAdd says so): no ASCII word of that length could equal it (the
        // English set is matched lower-cased and the text-speak keys are all lower-case ASCII), and longer words are looked
        // up elsewhere. Added one by one, not through an iterator: 70,000 words at every start.
        var table = new AsciiWordTable(entries.Count + EnglishDictionary.All.Count + NormalizationData.Replacements.Length);
        foreach (var (word, entry) in entries)
        {
            if (System.Text.Ascii.IsValid(word) && !table.TryAdd(word.ToLowerInvariant(), entry, WordKinds.None))
            {
                throw new InvalidOperationException($"The lexicon word '{word}' is longer than {AsciiWordTable.MaxWord} characters.");
            }
        }
        foreach (var word in EnglishDictionary.All)
        {
            table.TryAdd(word, default, WordKinds.English);
        }
        foreach (var (from, _) in NormalizationData.Replacements)
        {
            table.TryAdd(from, default, WordKinds.TextSpeak);
        }
        AsciiEntries = table;
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
        AsciiEntries.TryFind(word, out var entry, out _) ? entry : LookupIgnoringCase(word);

    /// <summary>
    /// <see cref="LookupEntry(ReadOnlySpan{char})"/>, and which general word lists hold <paramref name="word"/>
    /// (<see cref="Kinds"/>), from the same probe for an ASCII word.
    /// </summary>
    public static Entry LookupEntry(ReadOnlySpan<char> word, out WordKinds kinds)
    {
        if (AsciiEntries.TryFind(word, out var entry, out kinds))
        {
            return entry;
        }
        kinds = EnglishWords.KindsFromLists(word);
        return LookupIgnoringCase(word);
    }

    /// <summary>
    /// Whether <paramref name="word"/> is in the English word list (lower-cased; none longer than 32 characters) and
    /// whether it is text-speak (ignoring case): one probe of the ASCII table, or the lists' own sets for other words.
    /// </summary>
    public static WordKinds Kinds(ReadOnlySpan<char> word) =>
        AsciiEntries.TryFind(word, out _, out var kinds) ? kinds : EnglishWords.KindsFromLists(word);

    /// <summary>The case-insensitive lookup every word could use (the reference for the ASCII table; non-ASCII words use it).</summary>
    internal static Entry LookupIgnoringCase(ReadOnlySpan<char> word) => FullEntries.TryGetValue(word, out var entry) ? entry : default;

    private static Dictionary<string, WordFlags> Load()
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
        foreach (var key in words.Keys)
        {
            // Overwriting a value in place leaves the enumeration valid.
            ref var flags = ref CollectionsMarshal.GetValueRefOrNullRef(words, key);
            if ((flags & WordFlags.WordName) != 0)
            {
                flags &= ~WordFlags.Name;
            }

            if ((flags & (WordFlags.Name | WordFlags.WordName)) != 0)
            {
                flags &= ~WordFlags.Common;
            }
        }

        return words;
    }

    private static void AddCueWords(Dictionary<string, WordFlags> words, WordFlags flag, string list)
    {
        foreach (var word in list.Split(' '))
        {
            CollectionsMarshal.GetValueRefOrAddDefault(words, word, out _) |= flag;
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

                CollectionsMarshal.GetValueRefOrAddDefault(words, word.ToString(), out _) |= lineFlag;
            }
        }
    }
}

/// <summary>
/// A read-only open-addressing (linear probing) table from lower-case ASCII words to their <see cref="Entry"/> and
/// <see cref="WordKinds"/>. A slot is 16 bytes and holds a key's first eight letters (one byte each), its length, its
/// entry and kinds, and where the rest of a longer key sits in one character array: a lookup is one pass over the word
/// (lower-casing and hashing it) and usually one slot, compared as one number, and only a word of more than eight letters
/// reads the array too. The table holds some 65,000 words (the English list among them), so that one cache line a lookup matters.
/// </summary>
internal sealed class AsciiWordTable
{
    /// <summary>Longest word the table holds or looks up; a longer word is reported as not ASCII-lookupable.</summary>
    public const int MaxWord = 32;

    /// <summary>Letters of a key held in its slot.</summary>
    private const int Inline = 8;

    private Slot[] _slots;
    private char[] _rest;
    private int _shift;

    /// <summary>How many characters of <see cref="_rest"/> are taken.</summary>
    private int _used;

    /// <summary>How many words the table holds.</summary>
    private int _count;

    /// <summary>Builds the table from lower-case ASCII words of 1 to <see cref="MaxWord"/> characters, without kinds (a word given twice: the last entry that is not the default one).</summary>
    public AsciiWordTable(IEnumerable<(string Word, Entry Entry)> words)
        : this(words.Select(w => (w.Word, w.Entry, WordKinds.None)))
    {
    }

    /// <summary>
    /// Builds the table from lower-case ASCII words of 1 to <see cref="MaxWord"/> characters with their kinds. A word given
    /// more than once keeps the union of its kinds and the last of its entries that is not the default one.
    /// </summary>
    /// <param name="words">The words.</param>
    /// <param name="capacity">How many words to make room for at once (more are taken, the table growing).</param>
    public AsciiWordTable(IEnumerable<(string Word, Entry Entry, WordKinds Kinds)> words, int capacity = 0)
        : this(capacity)
    {
        foreach (var (word, entry, kinds) in words)
        {
            if (!TryAdd(word, entry, kinds))
            {
                throw new ArgumentException($"'{word}' is not a lower-case ASCII word of 1 to {MaxWord} characters.", nameof(words));
            }
        }
    }

    /// <summary>An empty table with room for <paramref name="capacity"/> words, filled with <see cref="TryAdd"/>.</summary>
    public AsciiWordTable(int capacity)
    {
        // At most two thirds full: the smallest power of two at least 1.5 times the number of words (the 67,000 words of
        // the lexicon and the English list fit 2^17 slots, 2 MB, half full). Sized for the capacity given, and grown
        // (doubled) as it fills beyond it.
        var bits = 4;
        while ((1 << bits) < capacity + (capacity / 2))
        {
            bits++;
        }
        _slots = new Slot[1 << bits];
        _shift = 32 - bits;
        _rest = new char[1024];
    }

    /// <summary>
    /// Adds <paramref name="word"/> with its entry and kinds, or merges them into the word's slot when it is there already
    /// (the union of the kinds; the entry unless it is the default one). Returns false, adding nothing, when the word is
    /// not a key (<see cref="IsKey"/>): the check is made on the one pass that hashes the word.
    /// </summary>
    public bool TryAdd(string word, Entry entry, WordKinds kinds)
    {
        if (!TryHash(word, out var hash, out var prefix))
        {
            return false;
        }
        var slots = _slots;
        var mask = slots.Length - 1;
        var at = (int)(unchecked(hash * 2654435769u) >> _shift);
        while (slots[at].Length != 0 && !Same(slots[at], prefix, word, _rest))
        {
            at = (at + 1) & mask;
        }
        if (slots[at].Length != 0)
        {
            var held = slots[at];
            slots[at] = entry == default ? held with { Kinds = held.Kinds | kinds } : held with { Flags = entry.Flags, Cue = entry.Cue, Kinds = held.Kinds | kinds };
            return true;
        }
        var tail = Math.Max(0, word.Length - Inline);
        if (_used + tail > _rest.Length)
        {
            Array.Resize(ref _rest, Math.Max(_rest.Length * 2, _used + tail));
        }
        word.AsSpan(word.Length - tail).CopyTo(_rest.AsSpan(_used));
        if (_used >= 1 << 24)
        {
            throw new InvalidOperationException("Too many long words for the table.");
        }
        slots[at] = new Slot(prefix, ((uint)_used << 8) | (uint)word.Length, entry.Flags, entry.Cue, kinds);
        _used += tail;
        if (++_count * 3 > slots.Length * 2)
        {
            (_slots, _shift) = Grown(slots, _shift, _rest);
        }
        return true;

        static bool Same(Slot slot, ulong prefix, string word, char[] rest) =>
            slot.Prefix == prefix && slot.Length == word.Length
            && (word.Length <= Inline || word.AsSpan(Inline).SequenceEqual(rest.AsSpan(slot.Offset, word.Length - Inline)));

        static (Slot[] Slots, int Shift) Grown(Slot[] old, int shift, char[] rest)
        {
            var slots = new Slot[old.Length * 2];
            shift--;
            var mask = slots.Length - 1;
            foreach (var s in old)
            {
                if (s.Length == 0)
                {
                    continue;
                }
                // The key again, from its first letters and the rest, for its hash.
                var hash = 2166136261u;
                for (var i = 0; i < s.Length; i++)
                {
                    var c = i < Inline ? (char)((s.Prefix >> (8 * i)) & 0xFF) : rest[s.Offset + i - Inline];
                    hash = unchecked((hash ^ c) * 16777619u);
                }
                var at = (int)(unchecked(hash * 2654435769u) >> shift);
                while (slots[at].Length != 0)
                {
                    at = (at + 1) & mask;
                }
                slots[at] = s;
            }
            return (slots, shift);
        }
    }

    /// <summary>A word the table can hold: 1 to <see cref="MaxWord"/> ASCII characters, no upper-case letter.</summary>
    public static bool IsKey(string word) =>
        word.Length is > 0 and <= MaxWord && System.Text.Ascii.IsValid(word) && !word.AsSpan().ContainsAnyInRange('A', 'Z');

    /// <summary>
    /// Looks <paramref name="word"/> up ignoring ASCII case. Returns false with no entry when the word is not ASCII or is
    /// longer than <see cref="MaxWord"/> (the caller asks a full table then); true otherwise, with the default entry for
    /// an unknown word.
    /// </summary>
    public bool TryFind(ReadOnlySpan<char> word, out Entry entry) => TryFind(word, out entry, out _);

    /// <summary>
    /// Looks <paramref name="word"/> up ignoring ASCII case. Returns false with no entry when the word is not ASCII or is
    /// longer than <see cref="MaxWord"/> (the caller asks a full table then); true otherwise, with the default entry and no
    /// kinds for an unknown word.
    /// </summary>
    public bool TryFind(ReadOnlySpan<char> word, out Entry entry, out WordKinds kinds)
    {
        entry = default;
        kinds = WordKinds.None;
        if (word.Length > MaxWord)
        {
            return false;
        }
        var hash = 2166136261u;
        var prefix = 0ul;
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
            hash = unchecked((hash ^ c) * 16777619u);
            if (i < Inline)
            {
                prefix |= (ulong)c << (8 * i);
            }
        }
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
            if (slot.Prefix == prefix && slot.Length == word.Length && (word.Length <= Inline || SameRest(word, slot.Offset)))
            {
                entry = new Entry(slot.Flags, slot.Cue);
                kinds = slot.Kinds;
                return true;
            }
            at = (at + 1) & mask;
        }
    }

    /// <summary>The letters of an ASCII <paramref name="word"/> after the eighth, lower-cased, against the rest of a key at <paramref name="offset"/>.</summary>
    private bool SameRest(ReadOnlySpan<char> word, int offset)
    {
        var rest = _rest.AsSpan(offset, word.Length - Inline);
        for (var i = 0; i < rest.Length; i++)
        {
            var c = word[Inline + i];
            if (char.IsAsciiLetterUpper(c))
            {
                c = (char)(c | 0x20);
            }
            if (c != rest[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The FNV-1a hash of a key, and its first <see cref="Inline"/> letters as bytes, the first lowest; false when
    /// <paramref name="word"/> is not a key (<see cref="IsKey"/>).
    /// </summary>
    private static bool TryHash(string word, out uint hash, out ulong prefix)
    {
        hash = 2166136261u;
        prefix = 0;
        if (word.Length is 0 or > MaxWord)
        {
            return false;
        }
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c >= 128 || char.IsAsciiLetterUpper(c))
            {
                return false;
            }
            hash = unchecked((hash ^ c) * 16777619u);
            if (i < Inline)
            {
                prefix |= (ulong)c << (8 * i);
            }
        }
        return true;
    }

    /// <summary>
    /// A slot: the key's first letters, its place (offset of the letters after the eighth in the array, shifted left by 8,
    /// or'ed with the key's length; 0 for an empty slot), its entry's flags and cue word, and its kinds. 16 bytes.
    /// </summary>
    private readonly record struct Slot(ulong Prefix, uint Place, WordFlags Flags, CueWord Cue, WordKinds Kinds)
    {
        public int Length => (int)(Place & 0xFF);

        public int Offset => (int)(Place >> 8);
    }
}
