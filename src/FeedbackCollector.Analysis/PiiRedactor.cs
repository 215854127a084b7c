using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using FeedbackCollector.Analysis.Redaction;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis;

/// <summary>
/// Finds personal data (names, phone numbers, emails, addresses, postcodes, schools, dates of birth, handles,
/// URLs, NHS and National Insurance numbers) and replaces each with a typed placeholder such as <c>[name]</c>.
/// Recall first: a child's details left in a digest are worse than a word redacted by mistake. Thread-safe and
/// allocation-light: patterns are source-generated, words come from embedded lists loaded once.
/// </summary>
public sealed class PiiRedactor : IPiiRedactor
{
    private static readonly SearchValues<string> SchoolWords = SearchValues.Create(
        ["school", "academy", "college", "primary", "high", "junior", "infant", "secondary", "grammar", "sixth form", "nursery", "prep", "middle", "first",
         "c of e", "cofe", "catholic", "rc ", "church of england"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> LivingWords = SearchValues.Create(
        ["live", "stay", "move", "house is", "home on", "house on", "flat on", " at my ", " at our ", "im at", "i'm at", "round at"],
        StringComparison.OrdinalIgnoreCase);

    // Apart from LivingWords: one non-ASCII value would send the search of every text down the slower Unicode path.
    private const string LivingCurlyQuote = "i’m at";

    private static readonly SearchValues<string> HandleCues = SearchValues.Create(
        ["snap", "sc:", " sc ", "insta", " ig", "ig:", "tik", " tt", "tt:", "twitter", "discord", "kik", " fb", "fb:", "facebook", "telegram",
         "threads", "youtube", " yt", "yt:", "twitch", "roblox", "xbox", "psn", "gamertag", "steam", "bereal", "reddit"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>A URL needs a scheme, "www." or a known top-level domain.</summary>
    private static readonly SearchValues<string> UrlMarks = SearchValues.Create(
        ["http", "www.", ".com", ".co", ".org", ".net", ".uk", ".io", ".info", ".biz", ".me", ".tv", ".app", ".ly", ".gg", ".ie", ".eu",
         ".edu", ".gov", ".xyz", ".online", ".site", ".link"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <see cref="PiiPatterns.NamedStreet"/> is case-sensitive and must end in one of its street words, each of which
    /// starts with one of these: without one the regex cannot match, and most texts have none.
    /// </summary>
    private static readonly SearchValues<string> StreetNameSuffixes = SearchValues.Create(
        ["St", "Rd", "Road", "Ave", "Lane", "Crescent", "Terrace", "Gardens", "Grove", "Close", "Drive", "Mews"], StringComparison.Ordinal);

    /// <summary>Every cue of <see cref="PiiPatterns.DateOfBirth"/> contains one of these ("date of birth" and "birthday" contain "birth").</summary>
    private static readonly SearchValues<string> BirthCues = SearchValues.Create(
        ["born", "dob", "d.o.b", "birth", "bday", "b'day"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The words that <see cref="PiiPatterns.UnitAddress"/> starts with.</summary>
    private static readonly SearchValues<string> UnitWords = SearchValues.Create(
        ["flat", "apt", "apartment", "unit", "room", "suite", "block"], StringComparison.OrdinalIgnoreCase);

    private static readonly string[] Placeholders = BuildPlaceholders();

    [ThreadStatic]
    private static List<Candidate>? candidateBuffer;

    [ThreadStatic]
    private static StringBuilder? builderBuffer;

    private readonly NameModel? _names;

    /// <summary>A redactor with the shipped name model (<c>Redaction/name-model.bin</c>) beside the name rules.</summary>
    public PiiRedactor()
        : this(NameModel.Default)
    {
    }

    /// <summary>A redactor with <paramref name="names"/> beside the name rules, or the rules alone when null.</summary>
    internal PiiRedactor(NameModel? names)
    {
        _names = names;
    }

    /// <summary>The placeholder for <paramref name="type"/>: <c>[</c> + kebab-case type + <c>]</c>, for example <c>[date-of-birth]</c>.</summary>
    public static string PlaceholderFor(PiiType type) => Placeholders[(int)type];

    /// <inheritdoc />
    public RedactionResult Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return new RedactionResult(text, []);
        }

        var found = candidateBuffer ??= new List<Candidate>(16);
        found.Clear();
        Collect(text, found, _names, null);
        if (found.Count == 0)
        {
            return new RedactionResult(text, []);
        }

        var spans = Resolve(found);
        return new RedactionResult(Replace(text, spans), spans);
    }

    /// <summary>The words the name model would score in <paramref name="text"/>, with their features, after the rules (training).</summary>
    internal static List<NameExample> NameExamples(string text)
    {
        var examples = new List<NameExample>();
        Collect(text, [], null, examples);
        return examples;
    }

    private static void Collect(string text, List<Candidate> found, NameModel? names, List<NameExample>? examples)
    {
        var span = text.AsSpan();
        var digits = CountDigits(span);
        var hasAt = span.Contains('@');

        // Whether the text has a street word (StreetWords.MayHoldSuffix), worked out when first asked: 0 not yet, 1 no, 2 yes.
        var suffix = 0;

        if (hasAt)
        {
            AddAll(PiiPatterns.Email(), text, PiiType.Email, found);
            AddHandles(text, found);
        }

        if (span.IndexOfAny(UrlMarks) >= 0)
        {
            AddUrls(text, found);
        }

        // Each structured kind needs a number of digits: cheap gates keep the regexes off most texts.
        if (digits >= 9)
        {
            AddNhsNumbers(text, found);
            AddPhones(text, found);
        }

        if (digits >= 6 && MayHoldNiNumber(span))
        {
            AddNiNumbers(text, found);
        }

        if (digits >= 1)
        {
            if (HasLetterThenDigit(span))
            {
                AddPostcodes(text, found);
            }

            if (span.IndexOfAny(BirthCues) >= 0)
            {
                AddAll(PiiPatterns.DateOfBirth(), text, PiiType.DateOfBirth, found, "date");
            }

            if (StreetSuffix(span, ref suffix))
            {
                AddNumberedAddresses(text, found);
            }

            var units = span.IndexOfAny(UnitWords) >= 0;
            if (units)
            {
                if (StreetSuffix(span, ref suffix))
                {
                    AddAll(PiiPatterns.UnitAddress(), text, PiiType.Address, found);
                }

                AddAll(PiiPatterns.UnitNumber(), text, PiiType.Address, found);
            }

            if (units || span.Contains("house", StringComparison.OrdinalIgnoreCase))
            {
                AddAll(PiiPatterns.UnitBuilding(), text, PiiType.Address, found);
            }
            // "at 9 hollins tonight", "im at my dads, 22 kingsway": a house number and a street name no list knows.
            HouseNumberFinder.Find(text, found);

            if (digits >= 4 && MayHoldYear(span))
            {
                AddBareDates(text, found);
            }
        }

        var platform = span.IndexOfAny(HandleCues) >= 0;
        if (platform)
        {
            AddCuedHandles(text, found);
            AddAll(PiiPatterns.HandleBeforePlatform(), text, PiiType.Handle, found, "h");
        }

        // "snap me at x.k04 or my other one zayy.k": a second handle after the first, without its platform.
        HandleFinder.FindFollowing(text, found, platform);

        if ((span.IndexOfAny(LivingWords) >= 0 || (span.Contains('’') && span.Contains(LivingCurlyQuote, StringComparison.OrdinalIgnoreCase))) && StreetSuffix(span, ref suffix))
        {
            AddCuedAddresses(text, found);
            AddStreetsAfterPreposition(text, found);
        }

        if (span.IndexOfAny(StreetNameSuffixes) >= 0)
        {
            foreach (var m in PiiPatterns.NamedStreet().EnumerateMatches(text))
            {
                if (StreetWords.IsNamedStreet(text, m.Index, m.Length))
                {
                    found.Add(Candidate.Of(PiiType.Address, m.Index, m.Index + m.Length));
                }
            }
        }

        if (span.IndexOfAny(SchoolWords) >= 0)
        {
            SchoolFinder.Find(text, found);
        }

        SchoolFinder.FindCued(text, found);

        // "the Elms surgery", "Beechwood children's home", "the Meadowbank estate", "staff at Maple Lodge".
        NamedPlaceFinder.Find(text, found);

        NameFinder.Find(text, found, names, examples);
    }

    private static bool StreetSuffix(ReadOnlySpan<char> span, ref int known)
    {
        if (known == 0)
        {
            known = StreetWords.MayHoldSuffix(span) ? 2 : 1;
        }

        return known == 2;
    }

    private static int CountDigits(ReadOnlySpan<char> span)
    {
        var count = 0;
        var at = span.IndexOfAnyInRange('0', '9');
        while (at >= 0)
        {
            count++;
            span = span[(at + 1)..];
            at = span.IndexOfAnyInRange('0', '9');
        }

        return count;
    }

    /// <summary>
    /// Every match of <see cref="PiiPatterns.NiNumber"/> holds two letters, an optional space or dash, then three pairs of
    /// digits with an optional space or dash between pairs ("AB 12 34 56"). Phone numbers and counts have none, and this
    /// keeps the regex (which tries every letter) off them. The pattern's letters are letters under any casing (the Kelvin
    /// sign among them), and its <c>\d</c> matches the digits of every script, so the test uses
    /// <see cref="char.IsLetter(char)"/> and <see cref="char.IsDigit(char)"/>; the word boundaries are left to the regex.
    /// </summary>
    internal static bool MayHoldNiNumber(ReadOnlySpan<char> span)
    {
        for (var j = 2; j + 1 < span.Length; j++)
        {
            if (!char.IsDigit(span[j]) || !char.IsDigit(span[j + 1]))
            {
                continue;
            }

            var p = span[j - 1] is ' ' or '-' ? j - 2 : j - 1;
            if (p < 1 || !char.IsLetter(span[p]) || !char.IsLetter(span[p - 1]))
            {
                continue;
            }

            var k = DigitPair(span, j + 2);
            if (k >= 0 && DigitPair(span, k) >= 0)
            {
                return true;
            }
        }

        return false;

        // An optional space or dash, then two digits, from 'at': where it ends, or -1.
        static int DigitPair(ReadOnlySpan<char> span, int at)
        {
            if (at < span.Length && span[at] is ' ' or '-')
            {
                at++;
            }

            return at + 1 < span.Length && char.IsDigit(span[at]) && char.IsDigit(span[at + 1]) ? at + 2 : -1;
        }
    }

    /// <summary>A postcode's outward code needs a letter right before a digit ("M1", "ls6").</summary>
    private static bool HasLetterThenDigit(ReadOnlySpan<char> span)
    {
        for (var i = 1; i < span.Length; i++)
        {
            if (char.IsAsciiDigit(span[i]) && char.IsAsciiLetter(span[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddAll(Regex regex, string text, PiiType type, List<Candidate> found, string? group = null)
    {
        for (var m = regex.Match(text); m.Success; m = m.NextMatch())
        {
            if (group is null)
            {
                found.Add(Candidate.Of(type, m.Index, m.Index + m.Length));
            }
            else
            {
                var g = m.Groups[group];
                if (g.Success && g.Length > 0)
                {
                    found.Add(Candidate.Of(type, g.Index, g.Index + g.Length));
                }
            }
        }
    }

    private static void AddUrls(string text, List<Candidate> found)
    {
        foreach (var m in PiiPatterns.Url().EnumerateMatches(text))
        {
            // Sentence punctuation after a URL is not part of it.
            var length = m.Length;
            while (length > 0 && ".,;:!?)'\"".Contains(text[m.Index + length - 1]))
            {
                length--;
            }

            if (length > 3)
            {
                found.Add(Candidate.Of(PiiType.Url, m.Index, m.Index + length));
            }
        }
    }

    private static void AddPhones(string text, List<Candidate> found)
    {
        foreach (var m in PiiPatterns.Phone().EnumerateMatches(text))
        {
            found.Add(Candidate.Of(PiiType.Phone, m.Index, m.Index + m.Length));
        }
    }

    private static void AddNhsNumbers(string text, List<Candidate> found)
    {
        foreach (var m in PiiPatterns.NhsNumber().EnumerateMatches(text))
        {
            var value = text.AsSpan(m.Index, m.Length);
            var cued = HasCueBefore(text, m.Index, "nhs", 30);

            // A leading 0 is a phone number unless the text says it is an NHS number.
            if ((value[0] != '0' || cued) && (Validators.IsValidNhsNumber(value) || cued))
            {
                found.Add(Candidate.Of(PiiType.NhsNumber, m.Index, m.Index + m.Length));
            }
        }
    }

    private static void AddNiNumbers(string text, List<Candidate> found)
    {
        for (var m = PiiPatterns.NiNumber().Match(text); m.Success; m = m.NextMatch())
        {
            if (!Validators.IsValidNiPrefix(m.Groups["prefix"].ValueSpan))
            {
                continue;
            }

            // Without the A-D suffix only when the text says it is a National Insurance number.
            if (m.Groups["suffix"].Success
                || HasCueBefore(text, m.Index, "ni ", 30) || HasCueBefore(text, m.Index, "nino", 30)
                || HasCueBefore(text, m.Index, "insurance", 30) || HasCueBefore(text, m.Index, "ni:", 30) || HasCueBefore(text, m.Index, "ni no", 30))
            {
                found.Add(Candidate.Of(PiiType.NiNumber, m.Index, m.Index + m.Length));
            }
        }
    }

    private static void AddPostcodes(string text, List<Candidate> found)
    {
        for (var m = PiiPatterns.Postcode().Match(text); m.Success; m = m.NextMatch())
        {
            if (!Validators.IsPostcodeArea(m.Groups["area"].ValueSpan))
            {
                continue;
            }

            // "w1 1st" or "s4 2nd" in lower case are ordinals, not postcodes.
            var inward = m.Groups["inward"].ValueSpan;
            if (IsOrdinal(inward) && !char.IsUpper(inward[1]))
            {
                continue;
            }

            found.Add(Candidate.Of(PiiType.Postcode, m.Index, m.Index + m.Length));

            // A named building or a flat just before the postcode is the rest of the address: "Waterloo House, LS9 8AB".
            var from = Math.Max(0, m.Index - 48);
            var prefix = PiiPatterns.AddressPrefix().Match(text, from, m.Index - from);
            if (prefix.Success)
            {
                var end = prefix.Index + prefix.Length;
                while (end > prefix.Index && text[end - 1] is ' ' or ',')
                {
                    end--;
                }

                found.Add(Candidate.Of(PiiType.Address, prefix.Index, end));
            }
        }
    }

    private static bool IsOrdinal(ReadOnlySpan<char> inward) =>
        inward[1..].Equals("st", StringComparison.OrdinalIgnoreCase) || inward[1..].Equals("nd", StringComparison.OrdinalIgnoreCase)
        || inward[1..].Equals("rd", StringComparison.OrdinalIgnoreCase) || inward[1..].Equals("th", StringComparison.OrdinalIgnoreCase);

    private static void AddNumberedAddresses(string text, List<Candidate> found)
    {
        for (var m = PiiPatterns.NumberedAddress().Match(text); m.Success; m = m.NextMatch())
        {
            // A flat, unit or named building just before it belongs to the address ("flat 3, 14 high st").
            var start = m.Index;
            var from = Math.Max(0, m.Index - 48);
            var prefix = PiiPatterns.AddressPrefix().Match(text, from, m.Index - from);
            if (prefix.Success)
            {
                start = prefix.Index;
            }

            var suffix = m.Groups["suffix"];
            if (!StreetWords.IsStrongSuffix(suffix.ValueSpan) && !char.IsUpper(text[suffix.Index])
                && !(StreetWords.NamesWeakStreet(m.Groups["words"].ValueSpan) && (prefix.Success || HouseNumberFinder.IsLivingPlace(text, m.Index))))
            {
                // "2 friends close by", "3 times a day": a weak street word must be written as a name, unless a flat or a
                // living cue says where someone lives ("im at 9 larch way", "flat 3 41 holbeck towers").
                continue;
            }

            if (StreetWords.AllFunctionWords(m.Groups["words"].ValueSpan))
            {
                continue;
            }

            found.Add(Candidate.Of(PiiType.Address, start, m.Index + m.Length));
        }
    }

    /// <summary>
    /// "lives on Rose Lane", "I live at Oak Court"; not when every word before the street word is a function word ("live on
    /// our street") or describes the street ("lives on a busy road", "lives on main road").
    /// </summary>
    private static void AddCuedAddresses(string text, List<Candidate> found)
    {
        for (var m = PiiPatterns.CuedAddress().Match(text); m.Success; m = m.NextMatch())
        {
            var street = m.Groups["street"];
            if (!StreetWords.AllFunctionWords(m.Groups["words"].ValueSpan) && !StreetWords.AllDescribing(m.Groups["words"].ValueSpan))
            {
                found.Add(Candidate.Of(PiiType.Address, street.Index, street.Index + street.Length));
            }
        }
    }

    /// <summary>
    /// "at my nans on Rowan street", "on kelburn road": each name word capitalised (not a function word) or one no list knows;
    /// right after "lives on", "home on" and the like also an ordinary word that does not describe the street ("the care
    /// home on elm grove", not "lives on main road").
    /// </summary>
    private static void AddStreetsAfterPreposition(string text, List<Candidate> found)
    {
        for (var m = PiiPatterns.StreetAfterPreposition().Match(text); m.Success; m = m.NextMatch())
        {
            var words = m.Groups["words"];
            var anchored = StreetWords.IsHomeBefore(text, m.Index);
            var named = true;
            foreach (var range in words.ValueSpan.Split(' '))
            {
                var w = words.ValueSpan[range].Trim();
                if (w.IsEmpty)
                {
                    continue;
                }

                var flags = Lexicon.Lookup(w);
                if ((flags & (WordFlags.Function | WordFlags.Service)) != 0
                    || (!char.IsUpper(w[0]) && (flags != WordFlags.None || EnglishWords.IsWordOrTextSpeak(w))
                        && (!anchored || StreetWords.IsPlainAdjective(w))))
                {
                    named = false;
                    break;
                }
            }

            if (named)
            {
                found.Add(Candidate.Of(PiiType.Address, words.Index, m.Index + m.Length));
            }
        }
    }

    /// <summary>
    /// A full date whose year makes it a child's or young adult's date of birth (born 1940 to three years ago) is
    /// redacted even without a birth cue ("Reece Walsh 5/1/2011"); recent dates are appointments and stay.
    /// </summary>
    private static void AddBareDates(string text, List<Candidate> found)
    {
        for (var m = PiiPatterns.BareDate().Match(text); m.Success; m = m.NextMatch())
        {
            var year = DigitsValue(m.Groups["y"].ValueSpan);
            var day = DigitsValue(m.Groups["d"].ValueSpan);
            var month = m.Groups["m"].Success ? DigitsValue(m.Groups["m"].ValueSpan) : 1;
            if (year >= 1940 && year <= LatestBirthYear && day is >= 1 and <= 31 && month is >= 1 and <= 12)
            {
                found.Add(Candidate.Of(PiiType.DateOfBirth, m.Index, m.Index + m.Length));
            }
        }
    }

    private static readonly int LatestBirthYear = DateTime.UtcNow.Year - 3;

    /// <summary>
    /// The value of a run of decimal digits that the pattern's <c>\d</c> matched. <c>\d</c> matches the digits of every
    /// script ("19٩٠"), which <see cref="int.Parse(string)"/> refuses: the text then failed to be analysed at all.
    /// </summary>
    private static int DigitsValue(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (int)char.GetNumericValue(c);
        }

        return value;
    }

    /// <summary>
    /// Every branch of <see cref="PiiPatterns.BareDate"/> holds a year: "19" or "20", two more digits, and no digit
    /// just before it. Phone numbers and counts ("07700 900123", "14 months") have none, and this keeps the regex off
    /// them, so that it is neither run nor JIT-compiled (its matcher is ~5.5 KB of IL) in a run without dates.
    /// <c>\d</c> matches any decimal digit, so the test uses <see cref="char.IsDigit(char)"/>, not ASCII only.
    /// </summary>
    internal static bool MayHoldYear(ReadOnlySpan<char> span)
    {
        for (var i = 0; i + 3 < span.Length; i++)
        {
            if (((span[i] == '1' && span[i + 1] == '9') || (span[i] == '2' && span[i + 1] == '0'))
                && char.IsDigit(span[i + 2]) && char.IsDigit(span[i + 3]) && (i == 0 || !char.IsDigit(span[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddHandles(string text, List<Candidate> found)
    {
        for (var m = PiiPatterns.AtHandle().Match(text); m.Success; m = m.NextMatch())
        {
            var handle = m.Groups["h"].ValueSpan;

            // "@ 5pm" or "@3" is a time, not a handle.
            if (!handle.ContainsAnyExceptInRange('0', '9') || IsTime(handle))
            {
                continue;
            }

            found.Add(Candidate.Of(PiiType.Handle, m.Index, m.Index + m.Length));
        }
    }

    private static bool IsTime(ReadOnlySpan<char> handle) =>
        char.IsAsciiDigit(handle[0]) && (handle.EndsWith("am", StringComparison.OrdinalIgnoreCase) || handle.EndsWith("pm", StringComparison.OrdinalIgnoreCase));

    private static void AddCuedHandles(string text, List<Candidate> found)
    {
        for (var m = PiiPatterns.CuedHandle().Match(text); m.Success; m = m.NextMatch())
        {
            var h = m.Groups["h"];
            var handle = h.ValueSpan;
            var sep = m.Groups["sep"].ValueSpan.Trim();
            var looksLikeHandle = handle.ContainsAny("0123456789_.") || text[h.Index - 1] == '@';
            var flags = Lexicon.Lookup(handle);

            // "snap me later", "snap us tonight": after "snap me" only a handle-like token is a handle ("snap me at x.k04").
            if ((sep.StartsWith("me", StringComparison.OrdinalIgnoreCase) || sep.StartsWith("us", StringComparison.OrdinalIgnoreCase))
                && (!looksLikeHandle || !char.IsAsciiLetter(handle[0]) && handle[0] != '_'))
            {
                // "snap me at 7pm", "snap me at 10.30": a time, not a handle.
                continue;
            }

            // A plain word after the platform ("my snap is private", "insta is toxic") is not a handle; an explicit "is"/":"
            // before an unknown word, or a handle-like token (digits, underscore, dot, @), is.
            if (!looksLikeHandle && (sep.IsEmpty || (flags & (WordFlags.Common | WordFlags.Function | WordFlags.Service)) != 0
                || ((flags & (WordFlags.Name | WordFlags.WordName)) == 0 && EnglishWords.Contains(handle))))
            {
                continue;
            }

            if (handle.Length < 3 || (!looksLikeHandle && (flags & WordFlags.Calendar) != 0))
            {
                continue;
            }

            var start = text[h.Index - 1] == '@' ? h.Index - 1 : h.Index;
            found.Add(Candidate.Of(PiiType.Handle, start, h.Index + h.Length));
        }
    }

    private static bool HasCueBefore(string text, int index, string cue, int window)
    {
        var from = Math.Max(0, index - window);
        return text.AsSpan(from, index - from).Contains(cue, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Keeps the strongest of overlapping candidates and returns spans in text order.</summary>
    private static PiiSpan[] Resolve(List<Candidate> found)
    {
        found.Sort(static (a, b) =>
        {
            var byPriority = b.Priority.CompareTo(a.Priority);
            return byPriority != 0 ? byPriority : b.Length.CompareTo(a.Length);
        });

        var kept = 0;
        for (var i = 0; i < found.Count; i++)
        {
            var c = found[i];
            var overlaps = false;
            for (var k = 0; k < kept; k++)
            {
                if (c.Start < found[k].End && found[k].Start < c.End)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                found[kept++] = c;
            }
        }

        found.RemoveRange(kept, found.Count - kept);
        found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var spans = new PiiSpan[kept];
        for (var i = 0; i < kept; i++)
        {
            spans[i] = new PiiSpan(found[i].Type, found[i].Start, found[i].Length);
        }

        return spans;
    }

    private static string Replace(string text, PiiSpan[] spans)
    {
        var sb = builderBuffer ??= new StringBuilder(256);
        sb.Clear();
        var at = 0;
        foreach (var s in spans)
        {
            sb.Append(text, at, s.Start - at).Append(Placeholders[(int)s.Type]);
            at = s.Start + s.Length;
        }

        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }

    private static string[] BuildPlaceholders()
    {
        var types = Enum.GetValues<PiiType>();
        var result = new string[types.Length];
        foreach (var type in types)
        {
            result[(int)type] = "[" + Kebab(type.ToString()) + "]";
        }

        return result;
    }

    private static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
