using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// Finds named schools: name words then a school word ("St Mary's Primary", "Oakwood Academy", "kingsway college").
/// Leading function and common words are dropped ("I go to oakwood academy" keeps "oakwood academy"); nothing left
/// means an ordinary phrase ("my school", "secondary school", "after school").
/// </summary>
internal static class SchoolFinder
{
    public static void Find(string text, List<Candidate> found)
    {
        for (var m = NextSchoolWord(text, 0); m is not null; m = NextSchoolWord(text, m.Index + m.Length))
        {
            var kind = m.Groups["kind"];

            // Up to four words before the school word ("St", then up to three name words), stopping at punctuation.
            var nameStart = kind.Index;
            for (var n = 0; n < 4; n++)
            {
                var j = nameStart - 1;
                if (j < 0 || !char.IsWhiteSpace(text[j]))
                {
                    break;
                }

                while (j >= 0 && text[j] == ' ')
                {
                    j--;
                }

                var wordEnd = j + 1;

                // "St." keeps its full stop; any other full stop ends the sentence, and so the name.
                if (j >= 2 && text[j] == '.' && (text[j - 1] is 't' or 'T') && (text[j - 2] is 's' or 'S') && (j == 2 || char.IsWhiteSpace(text[j - 3])))
                {
                    j -= 3;
                }
                else
                {
                    while (j >= 0 && (char.IsLetter(text[j]) || text[j] is '\'' or '’' or '-'))
                    {
                        j--;
                    }
                }

                if (j + 1 == wordEnd)
                {
                    break;
                }

                if (j >= 0 && !char.IsWhiteSpace(text[j]))
                {
                    // "School (Northgate Academy) aware": a bracket or an opening quote starts the name.
                    if (text[j] is '(' or '[' or '"' or '“')
                    {
                        nameStart = j + 1;
                    }

                    break;
                }

                nameStart = j + 1;
            }

            if (nameStart == kind.Index)
            {
                continue;
            }

            var name = (Index: nameStart, Length: kind.Index - nameStart);
            var words = text.AsSpan(name.Index, name.Length);

            // Drop leading words that cannot be part of a school's name.
            var start = name.Index;
            var saint = false;
            var kept = 0;
            var allCommonLower = true;
            foreach (var range in words.Split(' '))
            {
                var w = words[range];
                if (w.IsEmpty)
                {
                    continue;
                }

                var at = name.Index + range.Start.Value;
                if (w.Equals("st", StringComparison.OrdinalIgnoreCase) || w.Equals("st.", StringComparison.OrdinalIgnoreCase)
                    || w.Equals("saint", StringComparison.OrdinalIgnoreCase))
                {
                    if (kept == 0)
                    {
                        start = at;
                    }

                    saint = true;
                    kept++;
                    continue;
                }

                var baseWord = StripPossessive(w).TrimEnd("'’");
                var flags = Lexicon.Lookup(baseWord);

                // "st johns ambulance first aid": a service ends even a saint's name.
                if ((flags & WordFlags.Service) != 0 && !IsSchoolWord(baseWord))
                {
                    kept = 0;
                    saint = false;
                    start = at + w.Length;
                    allCommonLower = true;
                    continue;
                }

                // A capital that only starts a sentence ("Boring school.") says nothing.
                var capital = char.IsUpper(w[0]) && !StartsSentence(text, at);
                // "my son attends Maple Leaf Primary": a school cue is never part of the name.
                var never = (flags & (WordFlags.Function | WordFlags.Service)) != 0 || IsSchoolWord(baseWord) || IsOneOf(baseWord, PlaceCues)
                    || IsOneOf(baseWord, ToVerbs);
                if (kept == 0 || (!saint && never))
                {
                    if (never || ((flags & WordFlags.Common) != 0 && !capital))
                    {
                        kept = 0;
                        start = at + w.Length;
                        allCommonLower = true;
                        continue;
                    }

                    start = kept == 0 ? at : start;
                }
                else if (!saint && !capital && (flags & WordFlags.Common) != 0 && !allCommonLower)
                {
                    // "YP said school": a lower-case common word after a capitalised one is not part of a name.
                    kept = 0;
                    start = at + w.Length;
                    allCommonLower = true;
                    continue;
                }

                kept++;
                if (capital || (flags & WordFlags.Common) == 0)
                {
                    allCommonLower = false;
                }
            }

            if (kept == 0 && !saint && CuedCommonName(text, name.Index, kind.Index, kind.ValueSpan) is var common and >= 0)
            {
                found.Add(Candidate.Of(PiiType.School, common, kind.Index + kind.Length));
                continue;
            }

            if (kept == 0 || (allCommonLower && !saint))
            {
                continue;
            }

            // "High" alone as the school word must be written as a name ("Oakwood High"), not "feeling high";
            // a church word alone ("St Anne's C of E") needs the saint.
            var kindText = kind.ValueSpan;
            if (!saint && IsChurchOnly(kindText))
            {
                continue;
            }

            // After a saint's name "high" is the school in lower case too ("st marys high").
            if (kindText.Equals("high", StringComparison.OrdinalIgnoreCase) || kindText.Equals("first", StringComparison.OrdinalIgnoreCase)
                || kindText.Equals("middle", StringComparison.OrdinalIgnoreCase) || kindText.Equals("prep", StringComparison.OrdinalIgnoreCase))
            {
                if (!char.IsUpper(kindText[0]) && !(kindText.Equals("high", StringComparison.Ordinal) && (saint || UnknownNameBefore(text, kind.Index))))
                {
                    continue;
                }
            }

            found.Add(Candidate.Of(PiiType.School, start, kind.Index + kind.Length));
        }
    }

    /// <summary>
    /// The first match of <see cref="PiiPatterns.School"/> that starts at or after <paramref name="from"/>, or null: the
    /// anchored pattern (<see cref="PiiPatterns.SchoolAt"/>) is tried only where <see cref="MayStartSchoolWord"/> allows,
    /// in text order, so the result is the one the scanning pattern finds (a match does not depend on where the scan
    /// began), without the pattern trying each of the many letters its alternatives start with.
    /// </summary>
    internal static System.Text.RegularExpressions.Match? NextSchoolWord(string text, int from)
    {
        for (var p = from; p < text.Length; p++)
        {
            // Inside a word (after an ASCII letter, digit or underscore) no match starts: the common case, decided here.
            if (p > 0 && (char.IsAsciiLetterOrDigit(text[p - 1]) || text[p - 1] == '_'))
            {
                continue;
            }

            if (MayStartSchoolWord(text, p) && PiiPatterns.SchoolAt().Match(text, p) is { Success: true } m)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a match of <see cref="PiiPatterns.School"/> may start at <paramref name="p"/>: a word boundary before it (the
    /// character before is no ASCII letter, digit or underscore) and the start of one of the pattern's first words
    /// ("catholic", "primary", "rc", "r.", "cof", "ce", "c" then a space...), ignoring ASCII case. A non-ASCII character
    /// where a letter is compared may match it under the pattern's case-insensitivity (the Kelvin sign, the long s), so
    /// it is let through; so is anything but an ASCII letter or digit after a first "c" ("c of e" with any white space).
    /// </summary>
    internal static bool MayStartSchoolWord(string text, int p)
    {
        if (p > 0 && (char.IsAsciiLetterOrDigit(text[p - 1]) || text[p - 1] == '_'))
        {
            return false;
        }

        var c = text[p];
        if (c >= 128)
        {
            return true;
        }

        return (c | 0x20) switch
        {
            'a' => At(text, p, "academy"),
            'b' => At(text, p, "boys"),
            'c' => p + 1 >= text.Length || !char.IsAsciiLetterOrDigit(text[p + 1]) || At(text, p, "catholic") || At(text, p, "church")
                || At(text, p, "community") || At(text, p, "college") || At(text, p, "cof") || At(text, p, "ce"),
            'f' => At(text, p, "first"),
            'g' => At(text, p, "girls") || At(text, p, "grammar"),
            'h' => At(text, p, "high"),
            'i' => At(text, p, "islamic") || At(text, p, "infant"),
            'j' => At(text, p, "jewish") || At(text, p, "junior"),
            'm' => At(text, p, "methodist") || At(text, p, "muslim") || At(text, p, "middle"),
            'n' => At(text, p, "nursery"),
            'p' => At(text, p, "primary") || At(text, p, "prep"),
            'r' => At(text, p, "rc") || At(text, p, "r."),
            's' => At(text, p, "secondary") || At(text, p, "school") || At(text, p, "sixth"),
            _ => false,
        };

        // The text at 'at' starts with the lower-case word, ignoring ASCII case; a non-ASCII character matches any letter.
        static bool At(string text, int at, string word)
        {
            if (at + word.Length > text.Length)
            {
                return false;
            }

            for (var k = 0; k < word.Length; k++)
            {
                var t = text[at + k];
                var w = word[k];
                if (t == w || (t >= 128 && w != '.') || (char.IsAsciiLetter(w) && (t | 0x20) == w))
                {
                    continue;
                }

                return false;
            }

            return true;
        }
    }

    /// <summary>Words before "to" that make it a school cue: "goes to maple leaf primary", "moved to oak tree academy".</summary>
    private static readonly string[] ToVerbs =
        ["go", "goes", "went", "going", "gone", "move", "moved", "moving", "moves", "start", "started", "starting", "transferred", "sent", "back"];

    /// <summary>Cues right before a school's name written in ordinary lower-case words: "at", "outside", "from", "in", "attends".</summary>
    private static readonly string[] PlaceCues = ["at", "outside", "from", "in", "attends", "attend", "attended", "attending"];

    /// <summary>
    /// Words that describe a school or what it teaches rather than name it: "at further education college", "goes to a
    /// pupil referral school", "at night school", "in big school", "at art college", "at police academy".
    /// </summary>
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Descriptors =
        System.Collections.Frozen.FrozenSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "further", "higher", "education", "adult", "technical", "technology", "tech", "performing", "arts", "art", "music", "drama", "dance",
            "sport", "sports", "beauty", "hair", "hairdressing", "catering", "construction", "business", "language", "languages", "faith", "free",
            "state", "special", "needs", "autism", "autistic", "behaviour", "pupil", "referral", "unit", "alternative", "provision", "local", "new",
            "old", "big", "little", "small", "nice", "good", "bad", "great", "different", "same", "other", "next", "last", "previous", "current",
            "day", "night", "evening", "weekend", "holiday", "forest", "home", "village", "city", "town", "mixed", "single", "sex", "main", "top",
            "best", "worst", "rubbish", "crap", "strict", "posh", "police", "army", "military", "bible", "film", "media", "games", "gaming",
            "football", "boxing", "gymnastics", "coding", "stage", "theatre", "singing", "cooking", "care", "health", "social", "nursing", "medical",
            "agricultural", "farming", "animal", "uni", "university", "secondary", "year", "whole", "entire", "normal", "regular", "proper",
            "residential", "specialist", "independent", "online", "hospital", "training", "national", "county", "council", "outstanding", "failing",
            "early", "late", "lower", "upper", "key", "own", "usual").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A school named in ordinary lower-case words, right after a school cue: "she goes to maple leaf primary", "outside oak
    /// tree academy", "at willow bank primary". Two name words or more (one is enough before "primary", "infant" or
    /// "junior": "at brook primary"), each a common word in lower case that does not describe a school ("at further
    /// education college", "at night school"). Returns where the name starts, or -1.
    /// </summary>
    private static int CuedCommonName(string text, int nameIndex, int kindIndex, ReadOnlySpan<char> kind)
    {
        var primaryLike = kind.StartsWith("primary", StringComparison.OrdinalIgnoreCase) || kind.StartsWith("infant", StringComparison.OrdinalIgnoreCase)
            || kind.StartsWith("junior", StringComparison.OrdinalIgnoreCase);
        if (kind.Equals("high", StringComparison.OrdinalIgnoreCase) || IsChurchOnly(kind))
        {
            return -1;
        }

        // The run of name words that ends at the school word, read backwards.
        var start = kindIndex;
        var count = 0;
        while (true)
        {
            var w = WordBefore(text, start, out var ws);
            if (ws < nameIndex || w.IsEmpty || ws + w.Length != TrimEndSpaces(text, start) || !IsLowerLetters(w) || Descriptors.Contains(w)
                || IsSchoolWord(w) || (Lexicon.Lookup(w) & (WordFlags.Function | WordFlags.Service | WordFlags.Calendar)) != 0)
            {
                break;
            }

            start = ws;
            count++;
        }

        if (count < (primaryLike ? 1 : 2))
        {
            return -1;
        }

        var cue = WordBefore(text, start, out var cueStart);
        if (IsOneOf(cue, PlaceCues) || (cue.Equals("to", StringComparison.OrdinalIgnoreCase) && IsOneOf(WordBefore(text, cueStart, out _), ToVerbs)))
        {
            return start;
        }

        return -1;
    }

    /// <summary>Where the text before <paramref name="end"/> ends once spaces are dropped.</summary>
    private static int TrimEndSpaces(string text, int end)
    {
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        return end;
    }

    private static bool IsLowerLetters(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The word of letters that ends before <paramref name="end"/> (past spaces).</summary>
    private static ReadOnlySpan<char> WordBefore(string text, int end, out int start)
    {
        var q = end - 1;
        while (q >= 0 && text[q] == ' ')
        {
            q--;
        }

        var e = q + 1;
        while (q >= 0 && char.IsLetter(text[q]))
        {
            q--;
        }

        start = q + 1;
        return text.AsSpan(start, e - start);
    }

    /// <summary>"ferncliffe high": the word before a lower-case "high" is no English word or text-speak ("feeling high", "sky high").</summary>
    private static bool UnknownNameBefore(string text, int kindIndex)
    {
        var e = kindIndex;
        while (e > 0 && text[e - 1] == ' ')
        {
            e--;
        }

        var s = e;
        while (s > 0 && char.IsLetter(text[s - 1]))
        {
            s--;
        }

        var word = text.AsSpan(s, e - s);
        return word.Length >= 3 && Lexicon.Lookup(word) == WordFlags.None && !EnglishWords.IsWordOrTextSpeak(word);
    }

    private static bool IsChurchOnly(ReadOnlySpan<char> kind) =>
        kind.Equals("c of e", StringComparison.OrdinalIgnoreCase) || kind.Equals("cofe", StringComparison.OrdinalIgnoreCase)
        || kind.Equals("ce", StringComparison.OrdinalIgnoreCase) || kind.Equals("rc", StringComparison.OrdinalIgnoreCase)
        || kind.Equals("r.c.", StringComparison.OrdinalIgnoreCase) || kind.Equals("catholic", StringComparison.OrdinalIgnoreCase)
        || kind.Equals("church of england", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Schools named without a school word but after a school cue: "goes to St Michael's", "in year 9 at Whitcliffe
    /// Mount", "im Liam from Cardinal Heenan".
    /// </summary>
    public static void FindCued(string text, List<Candidate> found)
    {
        var span = text.AsSpan();
        if (HasCapitalSaint(span))
        {
            FindCued(PiiPatterns.SaintSchool(), text, found);
        }

        // One pass for both scans: most texts hold neither a word "st" nor a devotional name.
        if (span.IndexOfAny(SaintOrDevotion) >= 0 || span.StartsWith("st", StringComparison.OrdinalIgnoreCase))
        {
            FindSaintsInAnyCase(text, found);
            if (span.IndexOfAny(DevotionalStarts) >= 0)
            {
                FindDevotionalSchools(text, found);
            }
        }

        if (span.IndexOfAnyInRange('0', '9') >= 0 && span.Contains(" at ", StringComparison.Ordinal))
        {
            FindCued(PiiPatterns.YearAtSchool(), text, found);
        }

        if (HasSchoolYear(span))
        {
            FindSchoolYearPlaces(text, found);
        }

        if (span.Contains(" from ", StringComparison.Ordinal) && HasCapitalAfterFrom(span))
        {
            FindCued(PiiPatterns.IntroFromSchool(), text, found);
        }
    }

    /// <summary>
    /// Whether the text holds "St" or "Saint" (case-sensitive), which every match of <see cref="PiiPatterns.SaintSchool"/>
    /// does: one search for the capital S, which most texts hold seldom, instead of two searches for the words.
    /// </summary>
    internal static bool HasCapitalSaint(ReadOnlySpan<char> span)
    {
        for (var i = span.IndexOf('S'); i >= 0; i = span.IndexOf('S'))
        {
            span = span[(i + 1)..];
            if (span.StartsWith('t') || span.StartsWith("aint", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every match of <see cref="PiiPatterns.SchoolYearPlace"/> holds a school year: "year", "yr" or "y", an optional white
    /// space and a digit ("year 8", "yr9", "y 10"). Most texts have none, and this keeps the regex off them.
    /// </summary>
    internal static bool HasSchoolYear(ReadOnlySpan<char> span)
    {
        // Most texts have no digit at all: two vectorised passes say so without visiting each 'y'.
        if (span.IndexOfAnyInRange('0', '9') < 0 && System.Text.Ascii.IsValid(span))
        {
            return false;
        }

        for (var i = span.IndexOfAny('y', 'Y'); i >= 0; i = Next(span, i + 1))
        {
            var p = i + 1;
            if (span[p..].StartsWith("ear", StringComparison.OrdinalIgnoreCase))
            {
                p += 3;
            }
            else if (p < span.Length && span[p] is 'r' or 'R')
            {
                p++;
            }

            if (p < span.Length && char.IsWhiteSpace(span[p]))
            {
                p++;
            }

            // The pattern's \d matches the digits of every script.
            if (p < span.Length && char.IsDigit(span[p]))
            {
                return true;
            }
        }

        return false;

        static int Next(ReadOnlySpan<char> span, int from)
        {
            var i = from < span.Length ? span[from..].IndexOfAny('y', 'Y') : -1;
            return i < 0 ? -1 : from + i;
        }
    }

    /// <summary>
    /// "started at ferncliffe in year 7", "in yr 9 at oakdene": a word no list knows (no English word, text-speak, name
    /// list word or service) in a sentence about school years; "was at lunch in year 7" and "year 9 at camhs" stay.
    /// </summary>
    private static void FindSchoolYearPlaces(string text, List<Candidate> found)
    {
        for (var m = PiiPatterns.SchoolYearPlace().Match(text); m.Success; m = m.NextMatch())
        {
            var g = m.Groups["school"];
            var word = g.ValueSpan;
            if (word.Length < 4 || Lexicon.Lookup(word) != WordFlags.None || EnglishWords.IsWordOrTextSpeak(word))
            {
                continue;
            }

            found.Add(Candidate.Of(PiiType.School, g.Index, g.Index + g.Length));
        }
    }

    /// <summary>Words before a saint's name that make it a school: "moving to st marys", "she goes to st bedes", "starting at st anne's".</summary>
    private static readonly string[] SchoolCues =
        ["go", "goes", "went", "going", "attend", "attends", "attended", "attending", "at", "to", "start", "starts", "started", "starting",
         "join", "joined", "joining", "from"];

    /// <summary>Towns named after a saint: "we moved to st helens" is a town, not a school.</summary>
    private static readonly string[] SaintTowns =
        ["albans", "helens", "ives", "austell", "andrews", "neots", "helier", "leonards", "davids", "asaph", "mawes", "columb", "pancras", "blazey"];

    /// <summary>Words after a saint's name that make it something else: "st johns ambulance", "st thomas hospital", "st james park".</summary>
    private static readonly string[] NotSchoolAfter =
        ["ambulance", "hospital", "hospice", "church", "cathedral", "chapel", "road", "rd", "street", "st", "lane", "avenue", "ave", "park",
         "square", "sq", "centre", "center", "close", "way", "drive", "station", "shopping", "market", "hall", "surgery", "medical",
         "practice", "clinic", "ward", "day", "house", "court", "place", "gardens", "terrace", "crescent", "grove", "walk", "precinct",
         "retail", "island", "bay", "beach", "fc", "football", "stadium"];

    /// <summary>
    /// A saint's school in any case, with no school word, after a school cue: "moving to st marys in september", "i go to st
    /// johns", "starting at st anne's". Not a town ("moved to st helens") nor a hospital, church, park or ambulance service
    /// ("st thomas hospital", "st johns ambulance"). Hand scanning for "st" or "st." as a word ("Saint" is left to the regex).
    /// </summary>
    private static void FindSaintsInAnyCase(string text, List<Candidate> found)
    {
        var span = text.AsSpan();
        for (var at = span.IndexOf("st", StringComparison.OrdinalIgnoreCase); at >= 0; at = Next(span, at + 2))
        {
            if (at > 0 && span[at - 1] != ' ')
            {
                continue;
            }

            var p = at + 2;
            if (p < span.Length && span[p] == '.')
            {
                p++;
            }

            if (p + 1 >= span.Length || span[p] != ' ' || !char.IsLetter(span[p + 1]))
            {
                continue;
            }

            var ns = p + 1;
            var ne = ns;
            while (ne < span.Length && char.IsLetter(span[ne]))
            {
                ne++;
            }

            var name = span[ns..ne];
            if (ne + 1 < span.Length && span[ne] is '\'' or '’' && span[ne + 1] is 's' or 'S' && (ne + 2 == span.Length || !char.IsLetter(span[ne + 2])))
            {
                ne += 2;
            }

            // "St Aidan's shared my notes": a capitalised saint's name with a possessive needs no cue.
            var written = span[at] == 'S' && char.IsUpper(name[0]) && ne - ns > name.Length;
            if (name.Length < 3 || !(written || IsCued(text, at)) || IsOneOf(name, SaintTowns) || IsOneOf(WordAfter(span, ne), NotSchoolAfter)
                || (Lexicon.Lookup(name) & (WordFlags.Function | WordFlags.Service)) != 0)
            {
                continue;
            }

            found.Add(Candidate.Of(PiiType.School, at, ne));
        }

        static int Next(ReadOnlySpan<char> span, int from)
        {
            if (from >= span.Length)
            {
                return -1;
            }

            var i = span[from..].IndexOf("st", StringComparison.OrdinalIgnoreCase);
            return i < 0 ? -1 : from + i;
        }
    }

    /// <summary>" st ", " st." (a saint's school) or the first words of <see cref="DevotionalNames"/>.</summary>
    private static readonly System.Buffers.SearchValues<string> SaintOrDevotion =
        System.Buffers.SearchValues.Create([" st ", " st.", "holy ", "sacred ", "all saints", "corpus ", "christ the"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The first words of <see cref="DevotionalNames"/>, to keep the scan off most texts.</summary>
    private static readonly System.Buffers.SearchValues<string> DevotionalStarts =
        System.Buffers.SearchValues.Create(["holy ", "sacred ", "all saints", "corpus ", "christ the"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Schools named for a devotion rather than a saint, written without a school word.</summary>
    private static readonly string[] DevotionalNames =
        ["holy trinity", "holy cross", "holy family", "holy rosary", "holy name", "holy spirit", "holy ghost", "holy redeemer",
         "sacred heart", "all saints", "corpus christi", "christ the king"];

    /// <summary>
    /// "kicked out of holy trinity", "she goes to sacred heart": a devotional school name after a school cue (or "out of"),
    /// in any case. Not a church or a hospital after it, nor without a cue ("holy moly").
    /// </summary>
    private static void FindDevotionalSchools(string text, List<Candidate> found)
    {
        var span = text.AsSpan();
        foreach (var name in DevotionalNames)
        {
            var from = 0;
            for (var at = span.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = Find(span, name, from))
            {
                var end = at + name.Length;
                from = end;
                if ((at > 0 && span[at - 1] != ' ') || (end < span.Length && char.IsLetter(span[end])))
                {
                    continue;
                }

                if (IsOneOf(WordAfter(span, end), NotSchoolAfter) || !(IsCued(text, at) || OutOf(text, at)))
                {
                    continue;
                }

                found.Add(Candidate.Of(PiiType.School, at, end));
            }
        }

        static int Find(ReadOnlySpan<char> span, string name, int from)
        {
            if (from >= span.Length)
            {
                return -1;
            }

            var i = span[from..].IndexOf(name, StringComparison.OrdinalIgnoreCase);
            return i < 0 ? -1 : from + i;
        }
    }

    /// <summary>"out of" right before <paramref name="at"/>: "kicked out of holy trinity".</summary>
    private static bool OutOf(string text, int at)
    {
        var before = text.AsSpan(0, at).TrimEnd(' ');
        return before.EndsWith(" out of", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A school cue is the word right before the saint at <paramref name="at"/>.</summary>
    private static bool IsCued(string text, int at)
    {
        var q = at - 1;
        while (q >= 0 && text[q] == ' ')
        {
            q--;
        }

        var e = q + 1;
        while (q >= 0 && char.IsLetter(text[q]))
        {
            q--;
        }

        return e > q + 1 && IsOneOf(text.AsSpan(q + 1, e - q - 1), SchoolCues);
    }

    private static ReadOnlySpan<char> WordAfter(ReadOnlySpan<char> span, int p)
    {
        while (p < span.Length && span[p] == ' ')
        {
            p++;
        }

        var e = p;
        while (e < span.Length && char.IsLetter(span[e]))
        {
            e++;
        }

        return span[p..e];
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var w in words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="PiiPatterns.IntroFromSchool"/> needs "from", white space and a capital: most texts with " from "
    /// ("miles from my brother") have none, and this keeps the regex off them.
    /// </summary>
    private static bool HasCapitalAfterFrom(ReadOnlySpan<char> span)
    {
        for (var at = span.IndexOf("from", StringComparison.Ordinal); at >= 0; at = span.IndexOf("from", StringComparison.Ordinal))
        {
            span = span[(at + 4)..];
            var rest = span.TrimStart();
            if (rest.Length < span.Length && rest.Length > 0 && char.IsAsciiLetterUpper(rest[0]))
            {
                return true;
            }
        }

        return false;
    }

    private static void FindCued(System.Text.RegularExpressions.Regex regex, string text, List<Candidate> found)
    {
        for (var m = regex.Match(text); m.Success; m = m.NextMatch())
        {
            var g = m.Groups["school"];
            var words = g.ValueSpan;

            // The named place must not be a service, a known word or a person ("year 9 at Childline", "from Mum").
            var first = words.IndexOf(' ') is var sp and > 0 ? words[..sp] : words;
            var flags = Lexicon.Lookup(StripPossessive(first));
            if ((flags & (WordFlags.Function | WordFlags.Service | WordFlags.Calendar)) != 0)
            {
                continue;
            }

            found.Add(Candidate.Of(PiiType.School, g.Index, g.Index + g.Length));
        }
    }

    private static bool StartsSentence(string text, int at)
    {
        for (var i = at - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is '.' or '!' or '?' or '\n' or '\r' or ':' or '"' or '“')
            {
                return true;
            }

            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> w) =>
        w.Length > 2 && (w[^2] == '\'' || w[^2] == '’') && (w[^1] == 's' || w[^1] == 'S') ? w[..^2] : w;

    private static bool IsSchoolWord(ReadOnlySpan<char> w) =>
        w.Equals("primary", StringComparison.OrdinalIgnoreCase) || w.Equals("secondary", StringComparison.OrdinalIgnoreCase)
        || w.Equals("high", StringComparison.OrdinalIgnoreCase) || w.Equals("school", StringComparison.OrdinalIgnoreCase)
        || w.Equals("college", StringComparison.OrdinalIgnoreCase) || w.Equals("academy", StringComparison.OrdinalIgnoreCase)
        || w.Equals("junior", StringComparison.OrdinalIgnoreCase) || w.Equals("infant", StringComparison.OrdinalIgnoreCase)
        || w.Equals("grammar", StringComparison.OrdinalIgnoreCase) || w.Equals("special", StringComparison.OrdinalIgnoreCase)
        || w.Equals("boarding", StringComparison.OrdinalIgnoreCase) || w.Equals("private", StringComparison.OrdinalIgnoreCase)
        || w.Equals("state", StringComparison.OrdinalIgnoreCase) || w.Equals("mainstream", StringComparison.OrdinalIgnoreCase)
        || w.Equals("sixth", StringComparison.OrdinalIgnoreCase) || w.Equals("form", StringComparison.OrdinalIgnoreCase)
        || w.Equals("nursery", StringComparison.OrdinalIgnoreCase) || w.Equals("catholic", StringComparison.OrdinalIgnoreCase)
        || w.Equals("summer", StringComparison.OrdinalIgnoreCase) || w.Equals("sunday", StringComparison.OrdinalIgnoreCase)
        || w.Equals("driving", StringComparison.OrdinalIgnoreCase) || w.Equals("football", StringComparison.OrdinalIgnoreCase)
        || w.Equals("dance", StringComparison.OrdinalIgnoreCase) || w.Equals("drama", StringComparison.OrdinalIgnoreCase);
}
