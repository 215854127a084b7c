using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// Source-generated patterns for the structured kinds of personal data. Each is anchored on something cheap
/// (a digit, '@', a keyword) and bounded, so none backtracks badly; checks that a regex cannot express well
/// (NHS check digit, postcode areas, National Insurance prefixes) are done in code by the detectors.
/// </summary>
internal static partial class PiiPatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"(?<![\w.+-])[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*\.[a-z]{2,24}\b", Options)]
    internal static partial Regex Email();

    /// <summary>Scheme or www. URLs, and bare domains on a known top-level domain (example.co.uk, bit.ly/x).</summary>
    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""'\[\]{}]+|(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.)+(?:co\.uk|org\.uk|gov\.uk|ac\.uk|sch\.uk|nhs\.uk|ltd\.uk|me\.uk|net\.uk|police\.uk|com|org|net|uk|io|info|biz|me|tv|app|ly|gg|co|ie|eu|edu|gov|xyz|online|site|link)\b(?:/[^\s<>""']*)?", Options)]
    internal static partial Regex Url();

    /// <summary>UK numbers: 0 or +44/0044 then 9-10 digits, with spaces, dots, dashes or brackets between digits.</summary>
    [GeneratedRegex(@"(?<![\w+/])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:[ .()\-]{0,2}\d){8,9}(?![\d/])", Options)]
    internal static partial Regex Phone();

    /// <summary>Outward code then inward code; the area letters are checked against the real postcode areas in code.</summary>
    [GeneratedRegex(@"\b(?<area>[a-z]{1,2})[0-9][a-z0-9]?[ ]{0,2}(?<inward>[0-9][abd-hjlnp-uw-z]{2})\b", Options)]
    internal static partial Regex Postcode();

    /// <summary>Ten digits, optionally spaced or dashed 3-3-4; the Modulus 11 check digit is verified in code.</summary>
    [GeneratedRegex(@"(?<![\d+/.])\d{3}[ \-]?\d{3}[ \-]?\d{4}(?![\d/])", Options)]
    internal static partial Regex NhsNumber();

    /// <summary>Two prefix letters, six digits (spaced in pairs or not) and an optional A-D suffix; prefixes checked in code.</summary>
    [GeneratedRegex(@"\b(?<prefix>[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z])[ \-]?\d{2}[ \-]?\d{2}[ \-]?\d{2}(?:[ \-]?(?<suffix>[a-d]))?\b", Options)]
    internal static partial Regex NiNumber();

    /// <summary>A date after a birth cue: "dob 12/03/2011", "born 3rd March 2011", "birthday is March 3rd", "born in 2011".</summary>
    [GeneratedRegex(@"\b(?:born|dob|d\.o\.b\.?|date\s+of\s+birth|birth\s?day|b'?day|bday)(?:\s*[:=\-,]\s*|\s+)(?:(?:is|was|on|in|=)\s+)?(?:(?:is|was|on|in)\s+)?(?:the\s+)?(?<date>"
        + @"\d{4}-\d{1,2}-\d{1,2}"
        + @"|\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:\d{4}|\d{2})\b"
        + @"|\d{1,2}(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:,?\s*(?:19|20)\d{2}\b|\s+'?\d{2}\b)?"
        + @"|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?\s*(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s*(?:19|20)\d{2}\b)?|(?:19|20)\d{2}\b)"
        + @"|\d{1,2}(?:st|nd|rd|th)\b"
        + @"|(?:19|20)\d{2}\b)", Options)]
    internal static partial Regex DateOfBirth();

    /// <summary>An @handle not inside an email address.</summary>
    [GeneratedRegex(@"(?<![\w.@])@(?<h>[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?)", Options)]
    internal static partial Regex AtHandle();

    /// <summary>A handle after a platform cue: "my snap is x", "insta: x", "add me on tiktok x_1", "snap hes x_2k11", "tiktok is called x", "snap me at x.k04".</summary>
    [GeneratedRegex(@"\b(?<cue>snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|tt|twitter|discord|kik|fb|facebook|telegram|threads|youtube|yt|twitch|roblox|xbox|psn|gamertag|steam|bereal|reddit)(?:\s+(?:name|handle|username|user\s?name|user|id|account|acc|tag|@))?(?<sep>\s*[:=\-]\s*|\s+(?:(?:is|it's|its|he's|hes|she's|shes|mines|mine's|was)(?:\s+called)?|called|=|(?:me|us)(?:\s+(?:at|on))?)\s+|\s+)@?(?<h>[a-z0-9_](?:[a-z0-9_.]{1,28}[a-z0-9_])?)", Options)]
    internal static partial Regex CuedHandle();

    /// <summary>A flat, unit or named building just before a numbered address: "flat 3, ", "Westfield House, ".</summary>
    [GeneratedRegex(@"(?:(?:\b(?-i:(?:[A-Z][a-z]+\s+){1,2}(?:" + BuildingWords + @")),?\s+)?\b(?:flat|apt|apartment|unit|house|room|suite|block)\s*(?:no\.?\s*)?\d{1,4}[a-z]?\s*,?\s*|\b(?-i:(?:[A-Z][a-z]+\s+){1,2}(?:" + BuildingWords + @")),?\s+)\z", Options)]
    internal static partial Regex AddressPrefix();

    /// <summary>A numbered street address: "12 Acacia Avenue", "14 high st"; a flat or building in front is added by <see cref="AddressPrefix"/>.</summary>
    internal static Regex NumberedAddress() => numberedAddress ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(NumberedAddressPattern, Options) : NumberedAddressGenerated();

    private const string NumberedAddressPattern =
        @"\b\d{1,4}[a-z]?,?\s+(?<words>(?:[a-z][a-z'’\-]*\s+){1,3}?)(?<suffix>" + StreetSuffixes + @")\b\.?";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(NumberedAddressPattern, Options)]
    private static partial Regex NumberedAddressGenerated();

    // Interpreted (built once), not source-generated, like CuedAddress: redaction runs it only on texts with a street
    // word (StreetWords.MayHoldSuffix), and JIT-compiling the generated matcher (5.5 KB of IL) cost more CPU in every
    // process than interpreting it on those few texts (docs/analyzer.md, branch s13-speed).
    private static Regex? numberedAddress;

    /// <summary>A flat, unit or room then a street without a house number: "Unit 4, Kirkstall Road", "Room 6, Albion Street".</summary>
    [GeneratedRegex(@"\b(?:flat|apt|apartment|unit|room|suite|block)\s*\d{1,4}[a-z]?\s*,?\s+(?:[a-z][a-z'’\-]*\s+){1,3}?(?:" + StreetSuffixes + @")\b\.?", Options)]
    internal static partial Regex UnitAddress();

    /// <summary>
    /// A flat, apartment, unit or house number then a named building, with no street: "Flat 12, Waterloo House",
    /// "Apartment 4, Riverside Mill", "house 3 Oakwood Lodge". The building's name must be capitalised.
    /// </summary>
    [GeneratedRegex(@"\b(?:flat|apt|apartment|unit|house|block|suite)\s*(?:no\.?\s*)?\d{1,4}[a-z]?\s*,?\s+(?-i:(?:[A-Z][a-z'’]+\s+){1,3}(?:" + BuildingWords + @"))\b", Options)]
    internal static partial Regex UnitBuilding();

    /// <summary>
    /// A flat or apartment number on its own: capitalised ("Flat 12", "Apartment 4b"), "apartment 7" in any case, "flat 2b" or
    /// "flat 3 41 ..." in lower case, or after a living cue ("we live in flat 3", "moved to unit 7"); not a count ("flat 5 days").
    /// </summary>
    [GeneratedRegex(@"(?:\b(?-i:Flat)|\b(?:apartment|apt)|\bflat(?=\s*\d{1,4}(?:[a-h]\b|\s*,?\s+\d))|(?<=\b(?:" + LivingVerbs + @")\s+(?:at|in|to|into)\s+)(?:flat|apartment|apt|unit))\s*(?:no\.?\s*)?\d{1,4}[a-z]?\b(?!\s*(?:%|days?\b|weeks?\b|months?\b|years?\b|hours?\b|hrs?\b|minutes?\b|mins?\b|times?\b|floors?\b|storeys?\b|people\b|of\b))", Options)]
    internal static partial Regex UnitNumber();

    /// <summary>A full date with no birth cue; the year decides whether it can be a child's date of birth.</summary>
    [GeneratedRegex(@"(?<![\d/.\-])(?<d>\d{1,2})\s?[/.\-]\s?(?<m>\d{1,2})\s?[/.\-]\s?(?<y>(?:19|20)\d{2})(?![\d/])|(?<![\d/.\-])(?<y>(?:19|20)\d{2})-(?<m>\d{1,2})-(?<d>\d{1,2})(?![\d/])|\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?<y>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex BareDate();

    /// <summary>A handle without '@' named by its platform after it: "ellie_xo.x on tiktok".</summary>
    [GeneratedRegex(@"(?<![\w@.])(?<h>[a-z0-9_]*[_.0-9][a-z0-9_.]*[a-z0-9_])\s+on\s+(?:snap(?:chat)?|insta(?:gram)?|tik\s?tok|twitter|discord|kik|facebook|fb|telegram|threads|youtube|twitch|roblox|xbox|psn|steam|bereal|reddit)\b", Options)]
    internal static partial Regex HandleBeforePlatform();

    /// <summary>A street named after a living cue: "lives on Rose Lane", "I live at Oak Court".</summary>
    internal static Regex CuedAddress() => cuedAddress ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(CuedAddressPattern, Options) : CuedAddressGenerated();

    private const string CuedAddressPattern =
        @"\b(?:" + LivingVerbs + @"|house\s+is)\s+(?:on|at|in|to|off|near|by)\s+(?<street>(?<words>(?:[a-z][a-z'’\-]*\s+){1,3}?)(?<suffix>" + StreetSuffixes + @"))\b\.?";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(CuedAddressPattern, Options)]
    private static partial Regex CuedAddressGenerated();

    // In the JIT build interpreted (built once), not source-generated: redaction runs it only on texts with a living cue and a street
    // word, and JIT-compiling the generated matcher (7.3 KB of IL) cost more CPU in every process than interpreting it
    // on those few texts (docs/analyzer.md, branch s13-speed).
    private static Regex? cuedAddress;

    /// <summary>
    /// A street without a number after "on", "off", "down"... in a text about where someone lives or stays: "at my nans on
    /// Rowan street". The name words are checked in code (a capital, or a word no list knows; not "our street", "the main road").
    /// </summary>
    internal static Regex StreetAfterPreposition() => streetAfterPreposition ??= new Regex(
        @"\b(?:on|off|along|down|up|near)\s+(?<words>(?:[a-z][a-z'’\-]*\s+){1,2}?)(?<suffix>street|road|lane|avenue|close|crescent|drive|grove|terrace|gardens|mews|way|walk|row|view|rise|croft|fold|garth|green|parade|vale|wynd|hill|place|square|court|towers|heights|brow)\b", Options);

    // Interpreted (built once), like CuedAddress: it runs only on texts with a living cue and a street word.
    private static Regex? streetAfterPreposition;

    /// <summary>A capitalised street name without number or cue: "Acacia Avenue", "Rose Lane" (case-sensitive).</summary>
    [GeneratedRegex(@"\b(?:[A-Z][a-z'’\-]+\s+){1,3}(?:Street|Road|Avenue|Lane|Crescent|Terrace|Gardens|Grove|Close|Drive|Mews|Rd|St|Ave)\b\.?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    internal static partial Regex NamedStreet();

    /// <summary>Verbs of where someone lives or stays, before "at"/"in"/"to": "lives at", "moved into", "staying on".</summary>
    private const string LivingVerbs = "live|lives|living|lived|stay|stays|staying|stayed|moved|move";

    /// <summary>Words that end a named building (case-sensitive where used): "Waterloo House", "Riverside Mill".</summary>
    private const string BuildingWords =
        "House|Court|Lodge|Hall|Mansions|Buildings|Cottage|Cottages|Farm|Flats|Tower|Towers|Point|Place|Villas|Mill|Mews|Gardens|Heights"
        + "|Wharf|Quay|Works|Yard|Apartments";

    /// <summary>The street words that end <see cref="NumberedAddress"/>, <see cref="UnitAddress"/> and <see cref="CuedAddress"/>.</summary>
    internal const string StreetSuffixes =
        "street|st|road|rd|avenue|ave|lane|ln|close|cl|drive|dr|way|crescent|cres|court|ct|place|pl|grove|gardens|gdns"
        + "|terrace|tce|park|square|sq|hill|rise|mews|walk|row|view|green|parade|vale|wharf|fold|brow|croft|boulevard"
        + "|estate|heights|fields|meadow|meadows|gate|chase|end|wynd|circus|garth|towers";

    /// <summary>A saint's school named without a school word after a school cue: "goes to St Michael's", "at St Anne's".</summary>
    [GeneratedRegex(@"(?<school>(?:St\.?|Saint)\s+[A-Z][a-z]+(?:['’]s)?)(?<=\b(?:go|goes|went|going|attend|attends|attended|at|from|to|moved\s+to|move\s+to)\s+(?:St\.?|Saint)\s+[A-Z][a-z]+(?:['’]s)?)(?![\w'’])(?!\s+(?:Hospital|Church|Hospice|Road|Street|Lane|Avenue|Park|Square|Centre|Center|Close|Way|Drive|Cathedral|Chapel|Day|Ambulance|Station|Hall|Surgery|Market))", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    internal static partial Regex SaintSchool();

    /// <summary>Capitalised words after "year 9 at": "in year 9 at Whitcliffe Mount".</summary>
    [GeneratedRegex(@"\b(?:[Yy]ear|[Yy]r|Y)\s?\d{1,2}\s+at\s+(?<school>[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){0,2})", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    internal static partial Regex YearAtSchool();

    /// <summary>
    /// One word for a school in a sentence about school years, any case: "started at ferncliffe in year 7", "changed schools to
    /// oakdene in yr 9", "in year 9 at ferncliffe"; the word is checked in code (no word any list knows).
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:started|starting|start|joined|joining|was|been)\s+at|(?:moved|changed|moving|changing)\s+schools?\s+to|transferred\s+to)\s+(?<school>[a-z]+)\s+in\s+(?:year|yr|y)\s?\d{1,2}\b|\b(?:year|yr|y)\s?\d{1,2}\s+at\s+(?<school>[a-z]+)\b", Options)]
    internal static partial Regex SchoolYearPlace();

    /// <summary>Capitalised words after a self-introduction's "from": "im Liam from Cardinal Heenan".</summary>
    [GeneratedRegex(@"\b(?:[Ii]m|[Ii]['’]m|[Ii]\s+am|[Ii]ts|[Ii]t['’]s|[Tt]his\s+is)\s+[A-Za-z][a-z]+\s+from\s+(?<school>[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){0,2})", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    internal static partial Regex IntroFromSchool();

    /// <summary>A school word ("Primary", "High School", "Academy", "C of E"); the name words before it are read in code.</summary>
    [GeneratedRegex(@"\b(?<kind>(?:(?:c\s?of\s?e|ce|rc|r\.c\.|catholic|church\s+of\s+england|methodist|community|church|jewish|muslim|islamic|girls'?|boys'?)\s+)?(?:(?:primary|junior|juniors|infant|infants|secondary|high|grammar|middle|prep|nursery|first)(?:\s+(?:school|academy))?|academy|college|school|sixth\s+form(?:\s+college)?)|c\s?of\s?e|r\.?c\.?|catholic|church\s+of\s+england)\b", Options)]
    internal static partial Regex School();

    /// <summary>
    /// <see cref="School"/> anchored where the search starts (<c>\G</c>): tried only at the places
    /// <see cref="SchoolFinder"/> picks as a possible start, instead of the regex trying every letter of the text.
    /// </summary>
    [GeneratedRegex(@"\G\b(?<kind>(?:(?:c\s?of\s?e|ce|rc|r\.c\.|catholic|church\s+of\s+england|methodist|community|church|jewish|muslim|islamic|girls'?|boys'?)\s+)?(?:(?:primary|junior|juniors|infant|infants|secondary|high|grammar|middle|prep|nursery|first)(?:\s+(?:school|academy))?|academy|college|school|sixth\s+form(?:\s+college)?)|c\s?of\s?e|r\.?c\.?|catholic|church\s+of\s+england)\b", Options)]
    internal static partial Regex SchoolAt();
}
