using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace FeedbackCollector.Analysis.Concerns;

/// <summary>
/// Context checks for concern matches, over <see cref="ConcernText"/>: awareness or process talk, a personal
/// anchor, a specific child, a negation or a figurative subject just before a harm phrase.
/// </summary>
internal static partial class ConcernPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace;

    /// <summary>Awareness, education, service and process talk: "we talked about", "training on", "support groups", "thresholds".</summary>
    [GeneratedRegex(
        @"\b(?:training|trained|course|courses|workshop|workshops|sessions?|talked\x20about|talk\x20about|talking\x20about|talks\x20about|discuss(?:ed|ion|ing)?|learn(?:t|ed|ing)?\x20about|lessons?|assembly|assemblies|awareness|campaign|posters?|leaflets?|information|info|support\x20groups?|groups?|services?|charity|charities|thresholds?|process|processes|procedures?|policy|policies|referrals?|pathway|mash|strategy\x20meetings?|multi\x20?agency|news|crime|crimes|statistics|rates?|topics?|understand(?:ing)?|more\x20about|how\x20to\x20(?:spot|recognise|recognize|respond|deal|help|support|keep)|signs\x20of|risks?\x20of|dangers\x20of|educat\w+|teach\w*|taught|aware|protocols?|guidance|framework|staff|colleagues|professionals|practitioners|agencies|partners|in\x20(?:our|the|my)\x20(?:area|community|city|town)|websites?|apps?|helpline|documentar(?:y|ies)|watched|watching|tiktoks?|videos?|films?|programmes?|articles?|read\x20about|heard\x20about|help\x20(?:people|others|kids|young\x20people)|people\x20who|those\x20who|anyone\x20who|when\x20im\x20older|great|helpful|useful|brilliant|amazing|good\x20(?:support|work)|should\x20(?:be|talk|teach|learn)|more\x20(?:help|support))\b",
        Options)]
    internal static partial Regex Awareness();

    /// <summary>Words that tie a topic to a real person: the writer, a friend, a named or described child.</summary>
    [GeneratedRegex(
        @"\b(?:i|im|im|ive|ive|me|my|myself|mine|we|us|our|he|she|him|her|his|they|them|their|friend|mate|brother|sister|cousin|someone|somebody|child|young\x20person|yp|girl|boy|pupil|student|son|daughter)\b|\bname\b",
        Options)]
    internal static partial Regex PersonalAnchor();

    /// <summary>A practitioner describing a specific child, not process: "a girl on my caseload", "this young person", "disclosed".</summary>
    [GeneratedRegex(
        @"\b(?:caseload|case\x20load|disclosed|disclose|discloses|disclosing|(?:a|an)\x20\d+\x20(?:year|yr)\x20old|year\x20\d+\x20(?:girl|boy|pupil|student)|disclosure\x20(?:from|by)|one\x20of\x20(?:my|our)\x20(?:young\x20people|children|kids|pupils|students|families|cases)|(?:a|one|this|the)\x20(?:young\x20person|child|girl|boy|pupil|student|teenager|yp|lad|young\x20man|young\x20woman|family|mum|dad)\x20(?:i|we|on|in|who|that|told|said|has|is|was|came|in\x20my)|im\x20(?:worried|concerned)\x20(?:about|that)\x20(?:a|one|this|him|her)|(?:yp|young\x20person|friend|mate|sister|brother|daughter|son|girl|boy|child|pupil|student)\x20(?:\w+\x20)?(?:is|was|has|had|said|says|told|mentioned|shared|disclosed|received|got|gets|showed|reported|admitted|explained|described|spoke)|friend\x20of\x20(?:a\x20|the\x20)?(?:yp|young\x20person)|currently|right\x20now|this\x20week|today|last\x20night|he\x20(?:is|has|was|told|said)|she\x20(?:is|has|was|told|said))\b|\bname\b",
        Options)]
    internal static partial Regex SpecificChild();

    /// <summary>A subject that makes "hit me"/"hurts me" a feeling, not an assault: "it hit me", "that hurts me".</summary>
    [GeneratedRegex(@"\b(?:it|that|this|what|which|reality|ball|truth|wave|thought|idea|song|film|words?|comment)\x20(?:really\x20|just\x20|kind\x20of\x20|kinda\x20)?$", Options)]
    internal static partial Regex FigurativeSubject();

    /// <summary>Signs that harm is past and support is in place: "but", "haven't", "clean for", "anymore".</summary>
    [GeneratedRegex(@"\b(?:but|havent|hasnt|have\x20not|has\x20not|clean|stopped|any\x20?more|no\x20longer|now\x20(?:im|i\x20am|she|he|they)\x20(?:is\x20|are\x20)?(?:ok|fine|better|happy|doing\x20well)|for\x20(?:over\x20)?(?:a\x20year|\w+\x20(?:months|years)))\b", Options)]
    internal static partial Regex Recovery();

    /// <summary>A family member's "will kill me if..." joke: "my mum will kill me if she finds out lol".</summary>
    [GeneratedRegex(@"\b(?:mum|mam|mom|dad|parents|nan|brother|sister|teacher|miss|sir|coach|bro|sis)\x20(?:\w+\x20){0,3}?(?:will|would|is\x20going\x20to|gonna|is\x20gonna|said\x20(?:she|he|they)\x20(?:would|will|d|ll)|said\x20(?:shed|hed|theyd|shell|hell))\x20(?:literally\x20)?kill\x20me\x20(?:if|when|for|lol)\b|\bkill\x20me\x20(?:if|when)\b[^.]{0,60}\b(?:lol|lmao|haha|finds\x20out|find\x20out|found\x20out)\b", Options)]
    internal static partial Regex JokingThreat();

    /// <summary>A hypothetical exercise: "what would you do if", "imagine a friend", "scenario", "role play".</summary>
    [GeneratedRegex(@"\bwhat\x20(?:would|should|could|can)\x20(?:you|u|we|people)\x20do\x20if\b|\bwhat\x20if\x20(?:a|your|someone|somebody)\b|\bimagine\x20(?:if\x20)?(?:a|your|you|someone)\b|\bscenarios?\b|\bexercise\b|\brole\x20?plays?\b|\bquiz\b|\bcase\x20stud(?:y|ies)\b", Options)]
    internal static partial Regex Hypothetical();

    /// <summary>A negation just before a harm phrase: "my dad never hits me", "he doesnt hurt me".</summary>
    [GeneratedRegex(@"(?:\b(?:never|not|doesnt|doesnt|does\x20not|didnt|didnt|did\x20not|dont|dont|wouldnt|wouldnt|wont|wont|no\x20one|nobody|noone)\x20(?:\w+\x20)?)$", Options)]
    internal static partial Regex NegatedBefore();

    /// <summary>
    /// Harm told as past and resolved, for the model's flags (the dev set's convention): a past marker ("used to",
    /// "years ago", "when i was little") and a resolution ("safe now", "havent for over a year", "clean for", "it stopped").
    /// </summary>
    internal static Regex PastResolved() => pastResolvedRegex ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(PastResolvedPattern, Options) : PastResolvedGenerated();

    private const string PastResolvedPattern =
        @"\b(?:used\x20to|years\x20ago|a\x20while\x20ago|a\x20few\x20years\x20back|when\x20i\x20was\x20(?:little|younger|small|a\x20kid))\b[^.]*?(?:\b(?:safe\x20now|(?:were|we\x20are|im|i\x20am)\x20safe|clean\x20for|it\x20stopped|no\x20longer|got\x20out|(?:havent|hasnt|not)\x20(?:\w+\x20){0,3}?(?:for|in)\x20(?:over\x20|nearly\x20|almost\x20)?(?:a|\d+|two|three|four|six)\x20(?:year|years|months))\b)";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(PastResolvedPattern, Options)]
    private static partial Regex PastResolvedGenerated();

    // In the JIT build interpreted (built once), not source-generated: it runs only when the model flags a text,
    // and JIT-compiling the generated matcher (tens of ms of CPU in every process) cost more than interpreting it
    // there (measured: docs/analyzer.md, branch s12-speed).
    private static Regex? pastResolvedRegex;
}
