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
}

/// <summary>The embedded word lists, loaded once into a case-insensitive frozen dictionary.</summary>
internal static class Lexicon
{
    private static readonly FrozenDictionary<string, WordFlags> Words = Load();

    /// <summary>Span lookup so that scanning a text allocates no strings.</summary>
    private static readonly FrozenDictionary<string, WordFlags>.AlternateLookup<ReadOnlySpan<char>> SpanLookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Number of distinct words known (for tests and diagnostics).</summary>
    public static int Count => Words.Count;

    /// <summary>The flags of <paramref name="word"/>, ignoring case; <see cref="WordFlags.None"/> when unknown.</summary>
    public static WordFlags Lookup(ReadOnlySpan<char> word) =>
        SpanLookup.TryGetValue(word, out var flags) ? flags : WordFlags.None;

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
        AddCueWords(words, WordFlags.Relation, "friend mate bestie bff bf gf boyfriend girlfriend brother sister cousin bro sis stepdad stepmum partner son daughter nan grandad boy girl husband wife ex niece nephew baby");
        AddCueWords(words, WordFlags.SaidVerb, "said says told tells texted messaged rang phoned asked helped listened from");
        AddCueWords(words, WordFlags.Greeting, "thanks thank thx ty cheers hi hiya hey dear");

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
