using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Concerns;

/// <summary>
/// The concern rules. Each is a small source-generated regex over <see cref="ConcernText"/> (lower case,
/// apostrophes dropped, Polish letters folded, one space between words, sentence ends a lone '.'), and a list of
/// anchor words of which every match contains at least one. The detector runs a rule only when one of its anchors
/// is in the text, so a typical text costs a word scan and a dictionary look-up per word, not dozens of regex
/// scans. Disclosure rules hold phrases shaped like a disclosure; topic rules hold bare topic words ("self harm",
/// "county lines") that count only with a personal anchor and outside awareness or process talk.
/// </summary>
internal static partial class ConcernRules
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace;

    // Building blocks (const so that the generator sees one constant pattern).
    private const string Self = @"(?:my\x20?self|meself|myslf|myslef|mysef|mysefl|her\x20?self|him\x20?self|them\x20?selves|them\x20?self|your\x20?self)";
    private const string SelfAnchors = "myself meself myslf myslef mysef mysefl self herself himself themselves themself yourself";
    private const string Whose = @"(?:my|her|his|their)";
    private const string Neg = @"(?:dont|dont|dnt|do\x20not|doesnt|doesnt|does\x20not|didnt|didnt|never|cant|cant|no\x20longer)";
    private const string Kin = @"(?:dad|daddy|father|mum|mam|mom|mummy|mother|step\x20?(?:dad|mum|mom|father|mother)|stepdad|stepmum|stepmom|nan|nana|gran|grandad|grandpa|grandma|uncle|aunt(?:ie|y)?|brother|bro|sister|sis|cousin|carer|foster\x20(?:carer|mum|dad)|boyfriend|girlfriend|bf|gf|(?:mum|mom|mam|mums|moms|mams)s?\x20(?:new\x20)?(?:boyfriend|bf|partner|fella|husband)|dads?\x20(?:new\x20)?(?:girlfriend|gf|partner|wife))";
    private const string Perp = @"(?:he|she|they|someone|somebody|people|a\x20man|a\x20boy|an\x20adult|name|(?:my|his|her|their|our)\x20" + Kin + @"|" + Kin + @")";
    private const string HarmVerb = @"(?:hits?|hitting|beats?|beating|beat\x20up|beats\x20up|beaten|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?|smack(?:s|ed|ing)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|batter(?:s|ed|ing)?|whip(?:s|ped)?|belt(?:s|ed)|burn(?:s|t|ed)|hurt(?:s|ing)?|abus(?:es|ed|ing)|attack(?:s|ed|ing)?|push(?:es|ed)|shov(?:es|ed)|throws?\x20(?:things|stuff)\x20at|threw\x20(?:things|stuff|a\x20\w+|the\x20\w+)\x20at|bit(?:es)?|pinch(?:es|ed)|starv(?:es|ed))";
    private const string AdultVictim = @"(?:her|mum|mam|mom|mummy|mother|my\x20(?:mum|mam|mom|mummy|mother|dad|nan|step\x20?mum)|dad|each\x20other|nan|(?:his|her)\x20(?:wife|girlfriend|gf|partner|husband|boyfriend))";
    private const string ChildVictim = @"(?:me|us|them|him|her|my\x20(?:little\x20|baby\x20|younger\x20|big\x20|older\x20)?(?:brother|sister|siblings?|bro|sis)|the\x20(?:baby|kids)|my\x20friend)";
    private const string Partner = @"(?:(?:my|his|her|their|mums|moms|mams|dads)\x20)?(?:dad|daddy|father|step\x20?dad|stepdad|(?:mum|mom|mam|mums|moms)s?\x20(?:new\x20)?(?:boyfriend|bf|partner|fella|husband|ex)|he|uncle|mum|mom|mam|mother|step\x20?mum|dads?\x20(?:new\x20)?(?:girlfriend|gf|partner|wife)|partner|husband|boyfriend|bf|ex|ex\x20partner|fella|wife|girlfriend)";
    private const string HarmAnchors = "hit hits hitting beat beats beating beaten punch punches punched punching kick kicks kicked kicking slap slaps slapped slapping smack smacks smacked smacking chokes choked choking strangles strangled strangling batter batters battered battering whip whips whipped belts belted burns burnt burned hurt hurts hurting abuses abused abusing attack attacks attacked attacking pushes pushed shoves shoved throw throws threw bit bites pinches pinched starves starved";
    private const string Online = @"(?:online|on\x20(?:snap(?:chat)?|insta(?:gram)?|tiktok|tik\x20tok|discord|roblox|fortnite|xbox|whatsapp|the\x20internet|a\x20game|an\x20app|facebook|omegle|telegram))";

    /// <summary>Every rule, disclosure rules before topic rules, in the order categories lead: danger now first.</summary>
    public static readonly ConcernRule[] All =
    [
        new(ConcernCategory.ImmediateDanger, Topic: false, "following follow follows followed sledzi", IdFollowing()),
        new(ConcernCategory.ImmediateDanger, Topic: false, "knife gun blade machete weapon shank hammer bat noz", IdWeapon()),
        new(ConcernCategory.ImmediateDanger, Topic: false, "hurt kill stab shoot beat batter rape attack slash shank merk do get jump find dead coming", IdThreat(),
            Requires: "me us him them my dead scared | going gonna gna will hell shell theyll hed shed theyd said threatened threatening threatens coming comin want wants scared"),
        new(ConcernCategory.ImmediateDanger, Topic: false, "breathe breathing wake waking jump bridge roof doing letters note goodbye suicide missing find ran run running away sleeping ambulance tonight today now", IdEmergency(),
            // The second set holds a word of every branch too ("going to", "gonna"... for "do it tonight"), so that "now" and
            // "do" alone, common together, do not run the regex.
            Requires: "breathe breathing wake waking jump doing take do end kill letters note goodbye suicide missing find away sleeping ambulance"
                + " | breathe breathing wake waking jump doing going gonna about will gna written suicide missing find away sleeping ambulance"),
        new(ConcernCategory.ImmediateDanger, Topic: false, "danger safe help niebezpieczenstwie khatre mujhe", IdNow(),
            Requires: "now danger asap quick quickly urgently please jestem mujhe khatre"),
        new(ConcernCategory.ImmediateDanger, Topic: false, "outside door trying coming life stabbed shot raped hiding locked waiting let leave burn fire torch", IdOutside(),
            Requires: "outside door trying coming life stabbed shot raped let house flat home room bathroom toilet cupboard wardrobe"),
        new(ConcernCategory.SelfHarm, Topic: false, "kms kys", ShKys()),
        new(ConcernCategory.SelfHarm, Topic: false, SelfAnchors, ShMyself()),
        new(ConcernCategory.SelfHarm, Topic: false, "life", ShLife()),
        new(ConcernCategory.SelfHarm, Topic: false, "suicide suicidal", ShSuicidal()),
        new(ConcernCategory.SelfHarm, Topic: false, "end ending", ShEndIt()),
        new(ConcernCategory.SelfHarm, Topic: false, "die dead disappear exist existing here wake end over stop", ShDie()),
        new(ConcernCategory.SelfHarm, Topic: false, "here born alive better happier easier", ShNotBorn()),
        new(ConcernCategory.SelfHarm, Topic: false, "want wanna wana", ShNotWant()),
        new(ConcernCategory.SelfHarm, Topic: false, "point reason worth cope cant", ShNoPoint(), Requires: "living alive live life on here cope"),
        new(ConcernCategory.SelfHarm, Topic: false, "cut cuts cutting cuttin cuting scratch scratches scratching scratched burn burns burning burnt carve carving carved head till until til", ShCutting(),
            Requires: "my her his their bleed bleeds cutting cuttin cuting cut"),
        new(ConcernCategory.SelfHarm, Topic: false, "self selfharm selfharming selfharmed selfharmin", ShSelfHarm()),
        new(ConcernCategory.SelfHarm, Topic: false, "sh", ShSh()),
        new(ConcernCategory.SelfHarm, Topic: false, "eating make starve starving", ShEating()),
        new(ConcernCategory.SelfHarm, Topic: false, "overdose overdosed overdosing od odd oded", ShOverdose()),
        new(ConcernCategory.SelfHarm, Topic: false, "pills tablets paracetamol painkillers meds", ShPills()),
        new(ConcernCategory.SelfHarm, Topic: false, "scars marks cuts noose slit jump", ShMarks()),
        new(ConcernCategory.SelfHarm, Topic: false, "chce umrzec zabije zyc tne samookaleczenie samookaleczam samookaleczanie samookaleczenia marna marne mar khudkushi khud apne", ShOther()),
        new(ConcernCategory.Exploitation, Topic: false, "groomed grooming exploited trafficked used", ExGroomed()),
        new(ConcernCategory.Exploitation, Topic: false, "send sends sent sending nudes naked pics pictures photos sexy videos share shared leak leaked post posted", ExImages()),
        new(ConcernCategory.Exploitation, Topic: false, "older give gave gives giving pay paid pays paying offer offered offers offering promised buy buys bought sending sends sent", ExOlder()),
        new(ConcernCategory.Exploitation, Topic: false, "carry carrying carried hold holding move moving drop dropping deliver delivering sell selling sold hide hiding hid stash stashing stashed shotting dealing deal shot make made makes towns town put puts", ExCarry(),
            Requires: "drugs weed gear packages parcels package parcel for coke crack sell carry hold deliver move off with bag pocket room school coat bra"),
        new(ConcernCategory.Exploitation, Topic: false, "county line lines trap trapping cunch cunching plugging jugging bando", ExLines()),
        // "said i have to work for them" holds none of owe/debt/off, so "work" anchors too, gated on the words that open
        // a branch (owe, debt, off, said, says, told) so that plain "work" does not run the regex.
        new(ConcernCategory.Exploitation, Topic: false, "owe debt off work", ExDebt(), Requires: "owe debt off said says told"),
        new(ConcernCategory.Exploitation, Topic: false, "online snap snapchat insta instagram tiktok tik discord roblox fortnite xbox whatsapp internet game app facebook omegle telegram hes", ExOnline(),
            Requires: "wants wanted asked asks asking said says told telling messages messaging sends sent sending offered offering older adult meet met meeting talking speaking"),
        new(ConcernCategory.Exploitation, Topic: false, "boyfriend bf girlfriend gf lad man guy boy bloke fella grown men cars car vans picked collected wants wanted asked asks asking says said claims claimed sends sent sending comes coming came", ExAdult(),
            Requires: "boyfriend bf girlfriend gf lad man guy boy bloke fella grown older men guys lads car cars adult stranger his hes he shes she person with online"),
        new(ConcernCategory.Exploitation, Topic: false, "missing sex sexual prosi chce", ExMissing()),
        new(ConcernCategory.AbuseNeglect, Topic: false, HarmAnchors, AnHarm()),
        // Every branch holds a negation ("not", "never", "un", a Neg word before "feel safe"): "i feel safe" alone does not run it.
        new(ConcernCategory.AbuseNeglect, Topic: false, "safe unsafe", AnUnsafe(), Requires: "not never un unsafe notsafe neversafe dont dnt do doesnt does didnt cant no"),
        new(ConcernCategory.AbuseNeglect, Topic: false, "home scared afraid frightened terrified petrified", AnHome(),
            Requires: "scared afraid frightened terrified petrified dread dreading want wanna cant"),
        new(ConcernCategory.AbuseNeglect, Topic: false, "lock locks locked", AnLocked()),
        new(ConcernCategory.AbuseNeglect, Topic: false, "food eat eaten ate hungry", AnFood()),
        new(ConcernCategory.AbuseNeglect, Topic: false, "nobody noone no1 one body alone left feed wash change drinks drunk high drugs face bed eat leftovers look electric electricity heating gas water", AnNobody(),
            // The second set holds the word that opens each branch ("nobody", "dont", "mum", "left"...), so "one" and "home" alone do not run it.
            Requires: "after care cares feed feeds home washes changes cleans cooks food up wash change drinks drunk high drugs face bed allowed leftovers left electric electricity heating gas water"
                + " | no noone nobody no1 forget forgets forgot doesnt dont never wont refuses cant mum dad mam mom she he allowed leftovers left"),
        new(ConcernCategory.AbuseNeglect, Topic: false, "out", AnKickedOut()),
        // A word of every branch ("up" of "felt up", what "made me" do, "molest\w*"): "feel" or "made" alone does not run it.
        new(ConcernCategory.AbuseNeglect, Topic: false, "touched touches touching touch feels feel felt made sexually raped rape raping molest molested molesting molests molester", AnSexual(),
            Requires: "touched touches touching touch up things stuff sexual porn videos clothes undress sex suck strip naked kiss sexually raped rape raping molest*"),
        new(ConcernCategory.AbuseNeglect, Topic: false, "marks bruises bruise being neglected abused beaten stuff things", AnMarks(),
            Requires: "marks bruises bruise abused hurt neglected hit beaten me"),
        new(ConcernCategory.AbuseNeglect, Topic: false, "secret tell secrets quiet room bed bedroom", AnSecret(),
            Requires: "keep night when secret cant can mustnt shouldnt shouldn isnt arent not | make makes come comes coming came gets says said told"),
        // Every branch holds a word besides "mnie" ("dotykal\w*" any word so starting), so "mnie" alone does not run it.
        new(ConcernCategory.AbuseNeglect, Topic: false, "bije bija mnie boje jestem dotykal dotykala jedzenia mujhe ghar khana", AnOther(),
            Requires: "bije bija boje jestem dotykal* jedzenia mujhe ghar khana"),
        new(ConcernCategory.DomesticAbuse, Topic: false, HarmAnchors + " grabbed grabs grabbing squeezed squeezes", DaHarm(),
            Requires: "her mum mums mam mom mummy mother my dad each nan his by"),
        new(ConcernCategory.DomesticAbuse, Topic: false, "threaten threatens threatened threatening kill shouts screams yells hurt stab hit batter beat", DaThreat()),
        new(ConcernCategory.DomesticAbuse, Topic: false, "fight fighting fought argue arguing row rowing police bruises eye eyes marks cuts", DaFights()),
        new(ConcernCategory.DomesticAbuse, Topic: false, "controls controlling controlled let checks leave frightened scared terrified smash smashed smashes smashing refuge fled punch punched punches punching", DaControl()),
        new(ConcernCategory.DomesticAbuse, Topic: false, "tata abbu abba papa walid baba", DaOther()),
        new(ConcernCategory.ImmediateDanger, Topic: true, "knife weapon", TopicImmediateDanger()),
        new(ConcernCategory.SelfHarm, Topic: true, "self selfharm selfharming selfharmed suicide suicidal", TopicSelfHarm()),
        new(ConcernCategory.Exploitation, Topic: true, "groomed grooming exploited exploiting exploitation county nudes sexting cse csa cce trafficked trafficking missing", TopicExploitation()),
        new(ConcernCategory.AbuseNeglect, Topic: true, "abuse abused abusive neglect neglected neglecting rape raped", TopicAbuseNeglect()),
        new(ConcernCategory.DomesticAbuse, Topic: true, "domestic", TopicDomesticAbuse()),
    ];

    /// <summary>kms; kys aimed at oneself.</summary>
    [GeneratedRegex(
        @"\bkms\b | \b(?:im|i\x20am|ill|ima|imma|gonna|going\x20to|want\x20to|wanna|might|should|could|will|just|about\x20to|finna|gna)\x20(?:\w+\x20)?kys\b", Options)]
    private static partial Regex ShKys();

    /// <summary>Hurting, cutting or killing oneself.</summary>
    [GeneratedRegex(
        @"\b(?:kill|killing|kil|end|ending|hurt|hurting|hurtin|harm|harming|cut|cutting|cuttin|burn|burning|starve|starving|hang|hanging|drown|poison|stab|stabbing|punish|punishing|scratch|scratching)\x20" + Self + @"\b", Options)]
    private static partial Regex ShMyself();

    /// <summary>Taking one's own life.</summary>
    [GeneratedRegex(
        @"\b(?:take|taking|end|ending|took|end\x20to|ends)\x20" + Whose + @"\x20(?:own\x20)?life\b", Options)]
    private static partial Regex ShLife();

    /// <summary>Feeling suicidal; attempting or planning suicide.</summary>
    [GeneratedRegex(
        @"\b(?:feel|feeling|felt|am|im|been|get|getting|was|is|are|be)\x20(?:really\x20|so\x20|very\x20|quite\x20|a\x20bit\x20|kinda\x20|abit\x20)?suicidal\b
          | \bsuicidal\x20(?:thoughts|feelings|again)\b
          | \b(?:tried|try|trying|attempt(?:ed|ing)?|think(?:s|ing)?\x20(?:of|about)|thought\x20about|talk(?:s|ing|ed)?\x20about|plan(?:s|ned|ning)?(?:\x20to|\x20on)?)\x20(?:to\x20)?(?:suicide|committing\x20suicide|commit\x20suicide)", Options)]
    private static partial Regex ShSuicidal();

    /// <summary>Ending it (all).</summary>
    [GeneratedRegex(
        @"\b(?:tried|try|trying|attempt(?:ed)?|think(?:s|ing)?\x20(?:of|about)|thought\x20about|talk(?:s|ing|ed)?\x20about|plan(?:s|ned|ning)?(?:\x20to|\x20on)?|want\x20to|wanna|going\x20to|gonna)\x20(?:to\x20)?(?:ending|end)\x20it\b(?!\x20(?:with|off)) | \bend(?:ing)?\x20it\x20all\b", Options)]
    private static partial Regex ShEndIt();

    /// <summary>Wanting to die or be dead.</summary>
    [GeneratedRegex(
        @"\b(?:want|wants|wanted|wanting|wish|wishing)\x20(?:to|i\x20could|i\x20was|i\x20were)\x20(?:just\x20)?(?:die|be\x20dead|dead|disappear\x20forever|not\x20exist|stop\x20existing|not\x20be\x20here|never\x20wake\x20up|not\x20wake\x20up)\b(?!\x20(?:of|from|laughing|lol|for))
          | \b(?:wanna|wana|wnt\x20to|want\x202|wan2)\x20(?:just\x20)?(?:die|be\x20dead|not\x20exist)\b(?!\x20(?:of|from|laughing|lol|for))
          | \bwish\x20i\x20(?:was|were|wer)\x20dead\b | \b(?:want|wanna|i\x20just\x20want)\x20to\x20disappear\b(?!\x20(?:for\x20a\x20(?:bit|while|day|week)|into|on|from\x20(?:school|class|the)))
          | \bwant\x20(?:it\x20all|everything|my\x20life|life|all\x20of\x20this|this\x20all)\x20to\x20(?:end|be\x20over|stop)\b", Options)]
    private static partial Regex ShDie();

    /// <summary>Wishing one had never been born; better off dead.</summary>
    [GeneratedRegex(
        @"\bwish\x20i\x20(?:wasnt|werent|was\x20never|had\x20never\x20been|hadnt\x20been)\x20(?:here|born|alive)\b | \bbetter\x20off\x20(?:dead|without\x20me|if\x20i\x20(?:wasnt|werent|was\x20not|was\x20gone|died|was\x20dead|wasnt\x20here|wasnt\x20around))\b
          | \bwould\x20be\x20(?:better|happier|easier)\x20(?:off\x20)?(?:for\x20(?:everyone|them|him|her|my\x20\w+)\x20)?(?:without\x20me|if\x20i\x20(?:was|were|wasnt|werent|was\x20not|died|disappeared|wasnt\x20here|was\x20gone|was\x20dead))\b", Options)]
    private static partial Regex ShNotBorn();

    /// <summary>Not wanting to be here or alive.</summary>
    [GeneratedRegex(
        @"\b" + Neg + @"\x20(?:want|wanna|wana)\x20(?:to\x20)?(?:be\x20here|be\x20alive|live|exist|wake\x20up|be\x20around|carry\x20on|go\x20on)\b(?!\x20(?:with|there|in|at|near|on|here\x20with|like\x20this\x20with))", Options)]
    private static partial Regex ShNotWant();

    /// <summary>No point living; can't go on.</summary>
    [GeneratedRegex(
        @"\bno\x20(?:point|reason)\x20(?:in\x20)?(?:living|being\x20alive|to\x20live|in\x20life|going\x20on|to\x20go\x20on|to\x20be\x20here)\b
          | \b(?:not|isnt)\x20worth\x20living\b
          | \bcant\x20(?:go\x20on|cope)\x20(?:any\x20?more|like\x20this)\b", Options)]
    private static partial Regex ShNoPoint();

    /// <summary>Cutting.</summary>
    private static Regex ShCutting() => shCuttingRegex ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(ShCuttingPattern, Options) : ShCuttingGenerated();

    private const string ShCuttingPattern =
        @"\b(?:cut|cuts|cutting|cuttin|scratch|scratches|scratching|scratched|burn|burns|burning|burnt|carve|carving|carved)\x20(?:on\x20)?" + Whose + @"\x20(?:arms?|wrists?|legs?|thighs?|skin|stomach|belly|hips?)\b
          | \b(?:hit|hitting|bang|banging|punch|punching)\x20" + Whose + @"\x20head\x20(?:against|on)\x20the\x20wall\b | \b(?:till|until|til)\x20(?:it|i|they)\x20bleeds?\b
          | \b(?:i|ive|been|started|start|keep|kept|still|stop|stopped|back\x20to|relapsed?|urges?\x20to|want\x20to|wanna)\x20(?:\w+\x20)?(?:cutting|cuttin|cuting)\b(?!\x20(?:back|down|out|off|up|in\b|the\b|a\b|class|lessons?|school|corners|hair|my\x20hair|grass|ties|people|some|someone|them|him|her|it\b|things|paper|onions|food|my\x20(?:food|nails|hair)))
          | \bi\x20cut\x20(?:again|last\x20night|yesterday|today|deep|deeper)\b";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(ShCuttingPattern, Options)]
    private static partial Regex ShCuttingGenerated();

    // In the JIT build interpreted (built once), not source-generated: its words gate it, so it runs on few texts,
    // and JIT-compiling the generated matcher (tens of ms of CPU in every process) cost more than interpreting it
    // there (measured: docs/analyzer.md, branch s12-speed).
    private static Regex? shCuttingRegex;

    /// <summary>Self-harm in the first or third person.</summary>
    [GeneratedRegex(
        @"\b(?:i|ive|i\x20have|been|started|start|keep|still|stopped|relapsed?|was|am|im|she|he|shes|hes|they|friend|is)\x20(?:\w+\x20)?self\x20?harm(?:ing|ed|in|s)?\b
          | \bself\x20?harm(?:ing|in)?\x20again\b | \bmy\x20self\x20?harm\b | \bselfharm(?:ing|ed|in)?\b(?!\x20(?:support|group|service|training|awareness|session))", Options)]
    private static partial Regex ShSelfHarm();

    /// <summary>&quot;sh&quot; as self-harm.</summary>
    [GeneratedRegex(
        @"\b(?:my|i|do|did|doing|been|started|start|to|relapsed?(?:\x20on)?|urges?|urge\x20to|wanna|into)\x20sh\b | \bsh\x20(?:again|scars?|urges?|cuts?|marks?|relapse)\b", Options)]
    private static partial Regex ShSh();

    /// <summary>Starving or making oneself sick.</summary>
    [GeneratedRegex(
        @"\b(?:stopped|stop|not|havent\x20been|quit)\x20eating\x20on\x20purpose\b | \bmake\x20" + Self + @"\x20(?:sick|throw\x20up|vomit|bleed)\b | \bstarv(?:e|ing)\x20" + Self + @"", Options)]
    private static partial Regex ShEating();

    /// <summary>Overdose.</summary>
    [GeneratedRegex(
        @"\boverdos(?:e|ed|ing)\b | \b(?:i|she|he|they|had|nearly)\x20(?:od|odd|oded)\b | \bod\x20on\b", Options)]
    private static partial Regex ShOverdose();

    /// <summary>Taking pills.</summary>
    [GeneratedRegex(
        @"\b(?:pills|tablets|meds|paracetamol)\b[^.]{0,60}\b(?:take|swallow|taking)\x20them\x20all\b | \b(?:took|take|taking|swallowed|swallow)\x20(?:a\x20(?:whole\x20)?(?:load|lot|bunch|handful|box|packet|pack|strip|bottle)\x20of\x20|(?:the\x20)?(?:whole|entire)\x20(?:packet|box|bottle|pack|strip)\x20of\x20|loads\x20of\x20|lots\x20of\x20|too\x20many\x20|all\x20(?:my|the|of\x20my|of\x20the|mums?)\x20|some\x20|a\x20bottle\x20of\x20|\d+\x20|heaps\x20of\x20)(?:pills|tablets|paracetamol|painkillers|meds|sleeping\x20pills)\b", Options)]
    private static partial Regex ShPills();

    /// <summary>Scars, noose, jumping.</summary>
    [GeneratedRegex(
        @"\b(?:scars|marks|cuts)\x20on\x20my\x20(?:arms?|wrists?|legs?|thighs?)\b | \bnoose\b | \bslit\x20my\x20wrists?\b | \bjump\x20(?:off|in\x20front\x20of)\x20(?:a|the)\x20(?:bridge|train|building|roof|car|bus)\b", Options)]
    private static partial Regex ShMarks();

    /// <summary>Polish and romanised Urdu.</summary>
    [GeneratedRegex(
        @"\bchce\x20umrzec\b | \bzabije\x20sie\b | \bnie\x20chce\x20(?:juz\x20)?zyc\b | \btne\x20sie\b | \bsamookalecz\w*
          | \b(?:marna|mar\x20jana|marne)\x20(?:chahta|chahti|chahte|chata|chati)\b | \bkhud\x20?kushi\b | \bapne\x20(?:aap|ap)\x20ko\x20(?:maar|mar|nuqsan|nuksan|zakhmi|takleef|khatam)\w*", Options)]
    private static partial Regex ShOther();

    /// <summary>Someone hurting the writer or a child.</summary>
    [GeneratedRegex(
        @"\b" + Perp + @"\x20(?:always\x20|keeps\x20|still\x20|sometimes\x20|has\x20|had\x20|will\x20|would\x20|used\x20to\x20|really\x20|physically\x20|sexually\x20)?" + HarmVerb + @"\x20" + ChildVictim + @"\b(?!\x20(?:up\b|at\b|to\x20it))
          | \b(?:i|we|me|us|im|my\x20(?:little\x20|baby\x20|younger\x20|big\x20|older\x20)?(?:brother|sister|siblings?))\x20(?:get|gets|got|getting|am|was|been|are|were|keep\x20getting)\x20(?:hit|beaten|beat\x20up|punched|kicked|slapped|smacked|hurt|attacked|strangled|choked|burnt|burned|locked\x20in|touched|abused)\x20by\b
          | \b" + HarmVerb + @"\x20(?:me|us)\b(?!\x20(?:up\b|at\b|in\x20(?:a|the)\x20(?:race|game|match)|to\x20it|on\x20(?:fifa|the\x20game)))", Options)]
    private static partial Regex AnHarm();

    /// <summary>Not safe.</summary>
    [GeneratedRegex(
        @"\b(?:im|i\x20am|were|we\x20are|shes|hes|theyre|(?:my\x20)?(?:brother|sister|friend)\x20is|i\x20feel|i\x20am\x20not|feel)\x20(?:really\x20|just\x20|still\x20|so\x20|very\x20)?(?:not|never|un)\x20?safe\b(?!\x20(?:in\x20(?:the\x20|our\x20|my\x20)?(?:town|city|park|area|streets?|centre|estate|dark|public|school)|on\x20the\x20(?:bus|buses|streets?|estate|train)|at\x20(?:night|school|the\x20(?:bus\x20stop|station|park))|after\x20dark|round\x20here|around\x20here|outside|walking|going\x20out))
          | \b" + Neg + @"\x20feels?\x20(?:\w+\x20)?safe\b(?!\x20(?:walking|going\x20out|out\x20(?:alone|at\x20night)|in\x20(?:town|the\x20(?:town|city|park|area|street|streets|centre|city\x20centre|town\x20centre)|our\x20area|my\x20area|the\x20dark)|on\x20the\x20(?:bus|buses|train|bus\x20stop|streets?|estate)|at\x20the\x20(?:bus\x20stop|station|park)|after\x20dark|round\x20here|around\x20here|outside|in\x20public|in\x20school|at\x20school|in\x20class))
          | \b(?:un|not)\x20?safe\x20(?:at|in)\x20(?:home|my\x20house|the\x20house|my\x20room|(?:my\x20)?(?:dad|mum|mom)s)\b
          | \bits\x20not\x20safe\x20(?:at|in)\x20(?:home|my\x20house)\b", Options)]
    private static partial Regex AnUnsafe();

    /// <summary>Scared to go home; scared of a parent.</summary>
    private static Regex AnHome() => anHomeRegex ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(AnHomePattern, Options) : AnHomeGenerated();

    private const string AnHomePattern =
        @"\b(?:scared|afraid|frightened|terrified|petrified|dread|dreading|" + Neg + @"\x20(?:want|wanna))\x20(?:to\x20go(?:ing)?|of\x20going|going|to\x20be\x20going|of\x20being)\x20(?:back\x20)?(?:home|at\x20home)\b | \bcant\x20go\x20(?:back\x20)?home\b
          | \b(?:scared|afraid|frightened|terrified|petrified)\x20(?:of|off)\x20(?:my\x20)?(?:dad|mum|mom|step\x20?dad|stepdad|step\x20?mum|father|mother|(?:mum|mom)s?\x20(?:boyfriend|partner|bf)|carer|foster\x20\w+|uncle)\b";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(AnHomePattern, Options)]
    private static partial Regex AnHomeGenerated();

    // In the JIT build interpreted (built once), not source-generated: its words gate it, so it runs on few texts,
    // and JIT-compiling the generated matcher (tens of ms of CPU in every process) cost more than interpreting it
    // there (measured: docs/analyzer.md, branch s12-speed).
    private static Regex? anHomeRegex;

    /// <summary>Locked in or out.</summary>
    [GeneratedRegex(
        @"\block(?:s|ed)?\x20(?:me|us)\x20(?:in|out|up)\b(?!\x20(?:of\x20(?:class|school|the\x20game)))
          | \blocked\x20in\x20(?:my|the|a|our)\x20(?:room|bedroom|cupboard|house|flat|shed|bathroom)\b", Options)]
    private static partial Regex AnLocked();

    /// <summary>No food.</summary>
    [GeneratedRegex(
        @"\bno\x20food\x20(?:at\x20home|in\x20the\x20house|in\x20(?:my|our)\x20house|in\x20the\x20fridge)\b | \bnever\x20(?:any\x20)?food\x20(?:at\x20home|in\x20the\x20house)\b
          | \bnothing\x20to\x20eat\b | \b(?:havent|have\x20not|not|didnt)\x20(?:eaten|ate|had\x20(?:any(?:thing)?\x20)?(?:food|to\x20eat))\x20(?:in|for|since)\b
          | \bgo(?:es)?\x20to\x20bed\x20hungry\b | \b(?:always|so)\x20hungry\x20(?:at\x20home|cos|coz|because)\b", Options)]
    private static partial Regex AnFood();

    /// <summary>Nobody looks after me; left alone.</summary>
    [GeneratedRegex(
        @"\b(?:no\x20?one|nobody|noone|no1|no\x20body)\x20(?:looks?\x20after|cares?\x20for|feeds?|takes?\x20care\x20of|is\x20(?:ever\x20)?(?:at\x20home|home|there\x20to\x20look\x20after))\b
          | \b(?:no\x20?one|nobody|noone|no1)\x20(?:washes|changes|feeds|cleans|cooks\x20for|makes\x20(?:me|us)\x20food|picks\x20(?:me|us)\x20up|gets\x20(?:me|us)\x20up)\b
          | \b(?:forgets?|forgot|doesnt|dont|never|wont|refuses\x20to|cant\x20be\x20bothered\x20to)\x20(?:to\x20)?(?:feed|wash|change)\x20(?:us|me|him|her|them|the\x20baby|my\x20\w+)\b
          | \b(?:mum|dad|mam|mom|she|he)\x20(?:drinks|is\x20drunk|is\x20always\x20drunk|is\x20high|takes\x20drugs|is\x20off\x20(?:her|his)\x20face)\x20(?:all\x20day|every\x20day|all\x20the\x20time|and)\b | \b(?:mum|dad|mam|mom)\x20(?:doesnt|dont|never|wont)\x20get\x20out\x20of\x20bed\b
          | \bnot\x20allowed\x20to\x20eat\b | \bget\x20the\x20leftovers\b
          | \bleft\x20to\x20look\x20after\x20(?:\w+\x20){0,2}?(?:brother|sister|siblings|baby|kids|brothers|sisters)\b
          | \bleft\x20(?:me\x20|us\x20)?(?:home\x20)?(?:alone|on\x20(?:my|our|their|his|her)\x20own)\x20(?:\w+\x20){0,2}?(?:for\x20(?:days|\d+\x20days|the\x20weekend|a\x20week|ages|hours|\d+\x20hours)|all\x20(?:weekend|night|day)|overnight|at\x20night)\b
          | \bno\x20(?:electric|electricity|heating|gas|hot\x20water|water)\x20(?:at\x20home|in\x20the\x20house|for\x20days)\b | \bleft\x20(?:alone|on\x20(?:my|our)\x20own)\b[^.]{0,40}\bno\x20(?:electric|electricity|heating|food)\b
          | \bleft\x20(?:me\x20|us\x20)?(?:home\x20)?alone\x20(?:for\x20(?:days|the\x20weekend|a\x20week|ages|hours|\d+\x20days)|all\x20(?:weekend|night|day)|overnight|at\x20night)\b", Options)]
    private static partial Regex AnNobody();

    /// <summary>Thrown out of home.</summary>
    [GeneratedRegex(
        @"\b(?:kicked|chucked|threw|thrown|kick|chuck)\x20me\x20out\b(?!\x20of\x20(?:school|class|the\x20lesson|the\x20club|the\x20game|the\x20group))", Options)]
    private static partial Regex AnKickedOut();

    /// <summary>Sexual abuse.</summary>
    private static Regex AnSexual() => anSexualRegex ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(AnSexualPattern, Options) : AnSexualGenerated();

    private const string AnSexualPattern =
        @"\b(?:touched|touches|touching|touch|feels?\x20up|felt\x20up)\x20(?:me|her|him|my\x20(?:daughter|son|sister|brother|child|little\x20\w+)|(?:my|her|his)\x20(?:private|privates|private\x20parts|body|bum|chest|boobs|breasts|willy|penis|vagina|thighs?|legs?))\b(?!\x20(?:base|up\b|on\x20the\x20shoulder|on\x20the\x20arm))
          | \bmade\x20me\x20(?:do\x20(?:things|stuff|sexual)|touch|watch\x20(?:porn|things|stuff|videos)|take\x20(?:off\x20)?my\x20clothes|undress|have\x20sex|suck|strip|get\x20naked|kiss)\b
          | \bsexually\x20(?:abused|assaulted|touched|abusing)\b | \brap(?:ed|e\x20me|ing\x20me)\b | \bmolest\w*";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(AnSexualPattern, Options)]
    private static partial Regex AnSexualGenerated();

    // In the JIT build interpreted (built once), not source-generated: gated by its words, it runs on few texts, and JIT-compiling the
    // generated matcher cost more CPU than interpreting it there (profile: docs/analyzer.md, branch s12-speed).
    private static Regex? anSexualRegex;

    /// <summary>Marks, bruises, being abused.</summary>
    private static Regex AnMarks() => anMarksRegex ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(AnMarksPattern, Options) : AnMarksGenerated();

    private const string AnMarksPattern =
        @"\b(?:leaves?|left)\x20(?:me\x20with\x20)?(?:marks|bruises)\b | \bbruises?\x20(?:from|because|cos|coz|where)\b
          | \bbeing\x20(?:abused|hurt\x20at\x20home|neglected|hit\x20at\x20home|beaten)\b | \b(?:neglected|abused|beaten)\x20(?:at\x20home|by\x20(?:my|his|her|their))\b
          | \b(?:he|she|they|" + Kin + @")\x20(?:does|did|do)\x20(?:stuff|things)\x20to\x20me\b";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(AnMarksPattern, Options)]
    private static partial Regex AnMarksGenerated();

    // In the JIT build interpreted (built once), not source-generated: gated by its words, it runs on few texts, and JIT-compiling the
    // generated matcher cost more CPU than interpreting it there (profile: docs/analyzer.md, branch s12-speed).
    private static Regex? anMarksRegex;

    /// <summary>Secrets imposed by an abuser: "says its our secret", "makes me keep secrets"; night visits to a child's room.</summary>
    private static Regex AnSecret() => anSecretRegex ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(AnSecretPattern, Options) : AnSecretGenerated();

    private const string AnSecretPattern =
        @"\bmakes?\x20(?:me|her|him|us)\x20keep\x20(?:secrets|it\x20(?:a\x20)?secret|quiet)\b | \b(?:comes?|coming|came|keeps\x20coming|gets)\x20(?:in|into)\x20(?:my|her|his)\x20(?:room|bed|bedroom)\x20(?:at\x20night|when|every\x20night)\b | \b(?:says|said|told\x20(?:me|her|him|us))\x20(?:its|it\x20is|it\x20was|this\x20is)\x20(?:our|a)\x20(?:little\x20)?secret\b | \b(?:says|said|told\x20(?:me|her|him))\x20(?:i|she|he|we)\x20(?:cant|can\x20not|mustnt|shouldnt|shouldn\x20t|isnt\x20allowed\x20to|arent\x20allowed\x20to|not\x20allowed\x20to)\x20tell\x20(?:anyone|anybody|no\x20one|my\x20mum|my\x20parents|her\x20mum|his\x20mum)\b";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(AnSecretPattern, Options)]
    private static partial Regex AnSecretGenerated();

    // In the JIT build interpreted (built once), not source-generated: its words gate it, so it runs on few texts,
    // and JIT-compiling the generated matcher (tens of ms of CPU in every process) cost more than interpreting it
    // there (measured: docs/analyzer.md, branch s12-speed).
    private static Regex? anSecretRegex;

    /// <summary>Polish and romanised Urdu.</summary>
    private static Regex AnOther() => anOtherRegex ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(AnOtherPattern, Options) : AnOtherGenerated();

    private const string AnOtherPattern =
        @"\bbij(?:e|a)\x20mnie\b | \bboje\x20sie\x20(?:wr(?:a|o)cic|wracac)\b | \bnie\x20jestem\x20bezpieczn\w+ | \bdotykal\w*\x20mnie\b | \bnie\x20ma\x20jedzenia\b
          | \bmujhe\x20(?:maar|mar|peet)t?[aei]\x20ha(?:i|in|y)\b | \bmujhe\x20(?:maara|mara|peeta|pita)\b | \bghar\x20(?:mein|me|mai|pe)\x20(?:mehfooz|mahfooz|mehfuz|safe)\x20nahi\b | \bghar\x20jane\x20se\x20da?r\b | \bmujhe\x20(?:chhua|chua|chhoo\w*|choo\w*)\b | \bkhana\x20nahi\x20(?:milta|deti|dete|diya)\b";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(AnOtherPattern, Options)]
    private static partial Regex AnOtherGenerated();

    // In the JIT build interpreted (built once), not source-generated: its words gate it, so it runs on few texts,
    // and JIT-compiling the generated matcher (tens of ms of CPU in every process) cost more than interpreting it
    // there (measured: docs/analyzer.md, branch s12-speed).
    private static Regex? anOtherRegex;

    /// <summary>A parent or partner hurting the other.</summary>
    [GeneratedRegex(
        @"\b" + Partner + @"\x20(?:[a-z]+\x20){0,5}?" + HarmVerb + @"\x20" + AdultVictim + @"\b(?!\x20(?:at\x20(?:fifa|games|chess|cards)|to\x20it))
          | \b(?:grabbed|grabs|grabbing|squeezed|squeezes)\x20(?:her|mums?|my\x20mums?)\x20(?:by\x20the\x20)?(?:neck|throat|hair)\b | \bthrew\x20(?:a|the|an|his|her)\x20\w+\x20at\x20(?:her|mum|my\x20mum)\b
          | \b(?:mum|mam|mom|step\x20?mum|she|my\x20\w+)\x20(?:gets|got|getting|is|was|has\x20been|keeps\x20getting)\x20(?:hit|beaten|beat\x20up|punched|kicked|slapped|hurt|attacked|strangled|choked|pushed)\x20by\b", Options)]
    private static partial Regex DaHarm();

    /// <summary>Threats to a parent.</summary>
    [GeneratedRegex(
        @"\b(?:threaten(?:s|ed)|threatening)\x20(?:to\x20(?:kill|stab|hurt|hit|burn|shoot|take\x20the\x20(?:kids|children))\x20)?(?:mum|my\x20mum|mom|her|the\x20kids|the\x20children)\b | \bthreatened\x20to\x20take\x20the\x20(?:kids|children)\b
          | \b(?:hell|he\x20will|he\x20would|hed|says\x20he\x20will|said\x20he\x20would)\x20(?:hurt|kill|stab|hit|batter|beat)\x20(?:mum|her|my\x20mum|mom)\b
          | \b(?:dad|he|step\x20?dad|stepdad)\x20(?:said\x20(?:hed|hell|he\x20will|he\x20would)|is\x20going\x20to|threatened\x20to|says\x20hell)\x20kill\x20(?:mum|her|us|my\x20mum|my\x20mom|mom)\b
          | \b(?:dad|he|step\x20?dad|stepdad)\x20(?:shouts|screams|yells)\x20at\x20(?:mum|mom|my\x20mum)\x20and\b", Options)]
    private static partial Regex DaThreat();

    /// <summary>Violent rows; police at home; a parent's injuries.</summary>
    [GeneratedRegex(
        @"\b(?:parents|mum\x20and\x20dad|mom\x20and\x20dad|they)\x20(?:fight|fighting|fought|argue|arguing|row|rowing)\x20(?:all\x20the\x20time|every\x20(?:day|night)|and\x20(?:he|she|dad|mum)\x20(?:hits|hurts|throws|punches|hit|hurt|threw|punched))\b
          | \bpolice\x20(?:came|come|were\x20called|got\x20called|keep\x20coming|had\x20to\x20come|were|are|was|is|always)\x20(?:(?:at|to|round)\x20(?:ours|our\x20(?:house|flat|home)|the\x20(?:house|flat)|my\x20(?:house|flat)|her\x20(?:house|flat)|his\x20(?:house|flat))|round|again)\b | \bpolice\x20at\x20(?:ours|our\x20(?:house|flat))\b
          | \b(?:mums?|moms?|mams?|my\x20mums?|my\x20moms?)\x20(?:has\x20|had\x20|has\x20got\x20|got\x20|always\x20has\x20)?(?:bruises|a\x20black\x20eye|black\x20eyes|marks\x20on\x20her)\b", Options)]
    private static partial Regex DaFights();

    /// <summary>Coercive control, smashing things, fleeing: "controls all the money", "smashed mums phone", "in a refuge".</summary>
    [GeneratedRegex(
        @"\b(?:controls|controlling|controlled)\x20(?:all\x20)?(?:the\x20money|my\x20money|her\x20money|everything\x20(?:i|she)|who\x20(?:i|she)\x20see|where\x20(?:i|she)\x20go)\b
          | \b(?:wont|doesnt|will\x20not|does\x20not|never)\x20let\x20(?:me|her|mum)\x20(?:see\x20(?:my|her)\x20(?:family|friends)|go\x20out|leave|have\x20(?:money|a\x20phone|my\x20phone))\b
          | \bchecks\x20(?:my|her|mums)\x20phone\b | \b(?:too\x20)?scared\x20to\x20leave\x20(?:him|her|because)\b
          | \b(?:children|kids|we|the\x20kids)\x20are\x20(?:frightened|scared|terrified)\x20of\x20(?:him|their\x20dad|my\x20partner|my\x20husband)\b
          | \bsmash(?:ed|es|ing)\x20(?:the|her|mums?|my\x20mums?|our)\x20(?:phone|tv|telly|door|window|plates?|stuff|things)\b
          | \bpunch(?:ed|es|ing)?\x20(?:a\x20hole|holes)\x20in\x20the\x20(?:wall|door)\b
          | \b(?:in|to|at)\x20a\x20refuge\b | \bfled\x20(?:from\x20)?(?:him|her|domestic|my\x20ex|my\x20partner|my\x20husband|abuse|violence)\b", Options)]
    private static partial Regex DaControl();

    /// <summary>Polish and romanised Urdu.</summary>
    [GeneratedRegex(
        @"\btata\x20bije\x20mame\b | \b(?:abbu|abba|papa|walid|baba)\x20(?:ammi|amma|maa|mama|ami)\x20ko\x20(?:maar|mar|peet)t?[ae]\b", Options)]
    private static partial Regex DaOther();

    /// <summary>Being groomed or exploited.</summary>
    [GeneratedRegex(
        @"\bbeing\x20(?:groomed|exploited|trafficked|used\x20to\x20(?:sell|carry|deal))\b | \bgroom(?:ing|ed)\x20(?:me|her|him|my)\b | \b(?:he|she|they|someone|i|hes|shes|im)\x20(?:is|was|am|are|been|got)?\x20?groomed\b", Options)]
    private static partial Regex ExGroomed();

    /// <summary>Sexual images asked for or sent.</summary>
    [GeneratedRegex(
        @"\b(?:send|sends|sent|sending|keeps\x20sending|kept\x20sending)\x20me\x20(?:\w+\x20)?(?:pics|pictures|photos|nudes|videos|vids|dick\x20pics|naked|explicit)\b(?!\x20of\x20(?:her|his|my|the|a|an|our|their|its)\b)
          | \b(?:asked|asking|asks|want|wants|wanted|keeps\x20asking|kept\x20asking|pressur(?:e|es|ed|ing)|made|make|making|begging|begged)\x20(?:me\x20|her\x20|him\x20)?(?:for\x20|to\x20send\x20|to\x20take\x20|to\x20share\x20|into\x20sending\x20)(?:some\x20|a\x20|more\x20)?(?:nudes|naked|pics|pictures|photos|sexy|videos)\b
          | \b(?:send|sent|share|shared|leak|leaked|post|posted)\x20(?:my\x20)?nudes\b | \bnudes\x20of\x20me\b", Options)]
    private static partial Regex ExImages();

    /// <summary>Older people giving money, drugs or gifts.</summary>
    [GeneratedRegex(
        @"\bolder\x20(?:boys?|men|man|guys?|lads?|girls?|people|kids|teens|ones)\x20(?:\w+\x20){0,2}?(?:give|gave|giving|gives|buy|buys|bought|pay|paid|pays|offer(?:ed|s)?|get|got)\x20(?:me|us|her|him)\b\x20(?:some\x20|free\x20|loads\x20of\x20)?(?:money|cash|weed|drugs|stuff|alcohol|vodka|drink|drinks|vapes?|cigs|phones?|a\x20phone|gifts|things|presents|trainers|clothes|lifts\x20and)\b
          | \b(?:give|gave|gives|giving|pay|paid|pays|offer(?:ed|s)?|promised)\x20(?:me|us|her|him|them)\x20(?:money|cash|\d+|weed|drugs|stuff|phones?|a\x20phone|trainers|gifts|alcohol|vodka|cigs|vapes?|clothes)\x20(?:to|for|if)\x20(?:carry|hold|take|move|drop|deliver|sell|run|keep|hide|do|look\x20after|go)\b
          | \b(?:gave|give|gives|giving)\x20(?:me|her|him|us)\x20(?:some\x20)?(?:weed|drugs|stuff|gear|coke|pills|packages?|a\x20(?:package|bag|parcel))\x20to\x20(?:sell|shot|hold|move|take|carry|drop|deliver|keep|hide)\b
          | \b(?:give|gives|gave|giving|buy|buys|bought)\x20(?:me|her|him|us)\x20(?:alcohol|vodka|drink|drugs|weed|gifts|money|lifts|phones?|vapes?)\x20(?:and|then|if|but|so)\b
          | \b(?:man|men|guy|guys|lads?|bloke|adults?|older\x20\w+|who)\x20(?:\w+\x20){0,3}?(?:give|gives|gave|giving|buy|buys|bought|pays|paid|pay|sending|sends|sent|offering|offered)\x20(?:me|her|him|us|them|my\x20\w+)\x20(?:free\x20)?(?:\w+\x20)?(?:alcohol|vodka|drink|drinks|drugs|weed|gifts|money|cash|phones?|vapes?|cigs|stuff|presents|trainers)\b
          | \b(?:pay|pays|paid|paying|offering|offered|offer|offers)\x20(?:me|him|her|us|them|my\x20\w+)\x20(?:money\x20|cash\x20|\d+\x20)?to\x20(?:go|carry|take|drop|deliver|hold|move|run|sell|keep)\b | \b(?:offering|offered|offer|offers)\x20(?:money\x20|cash\x20|\d+\x20)?to\x20(?:drop|carry|hold|deliver|move|sell|run)\b", Options)]
    private static partial Regex ExOlder();

    /// <summary>Carrying or selling drugs for others.</summary>
    private static Regex ExCarry() => exCarryRegex ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(ExCarryPattern, Options) : ExCarryGenerated();

    private const string ExCarryPattern =
        @"\b(?:carry|carrying|carried|hold|holding|move|moving|drop|dropping|deliver|delivering|sell|selling|sold|hide|hiding|stash|stashing)\x20(?:drugs|weed|gear|packages|parcels|a\x20package|a\x20parcel|stuff\x20for\x20(?:them|older|some)|things\x20for\x20(?:them|older|some)|for\x20(?:them|some\x20(?:older\x20)?(?:boys|lads|guys|people|men)|older\x20(?:boys|lads|guys|men)))\b
          | \b(?:selling|shotting|dealing|sell|deal|shot)\x20(?:weed|drugs|gear|coke|crack|for\x20(?:them|him|some\x20\w+|older))\b
          | \b(?:make|made|makes)\x20(?:me|him|her|us)\x20(?:sell|carry|hold|deliver|move)\b
          | \bdrop\x20(?:stuff|things|packages|bags|parcels)\x20off\b | \bother\x20towns?\x20with\x20(?:packages|bags|parcels|stuff|drugs)\b
          | \b(?:put|puts|hid|hide|stashed|stash)\x20(?:drugs|weed|stuff|a\x20package|packages|a\x20knife)\x20in\x20(?:my|his|her)\x20(?:bag|pocket|room|school\x20bag|coat|bra)\b";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(ExCarryPattern, Options)]
    private static partial Regex ExCarryGenerated();

    // In the JIT build interpreted (built once), not source-generated: its words gate it, so it runs on few texts,
    // and JIT-compiling the generated matcher (tens of ms of CPU in every process) cost more than interpreting it
    // there (measured: docs/analyzer.md, branch s12-speed).
    private static Regex? exCarryRegex;

    /// <summary>County lines.</summary>
    [GeneratedRegex(
        @"\b(?:doing|do|did|involved\x20in|into|made\x20to\x20do|forced\x20into|working|work|run|running)\x20(?:county\x20lines?|a\x20line|lines|the\x20line)\b
          | \b(?:trap\x20house|trapping|going\x20cunch|cunching|plugging|jugging|bando|run\x20(?:a\x20)?line|on\x20a\x20line)\b", Options)]
    private static partial Regex ExLines();

    /// <summary>Debt bondage.</summary>
    [GeneratedRegex(
        @"\bi\x20owe\x20(?:them|him|her|people|some\x20(?:people|lads|boys|guys|men)|these\x20\w+|a\x20lot\x20of|loads|a\x20gang|(?:some\x20)?money|\d+)\b | \bin\x20debt\x20(?:to|with)\x20(?:them|him|some|these|a\x20gang|people)\b
          | \b(?:said|says|told\x20me)\x20i\x20(?:owe|have\x20to\x20pay|need\x20to\x20pay|(?:have|need)\x20to\x20work\x20(?:for\x20(?:them|him|her)|it\x20off|off\x20(?:the|what|my)))\b | \bwork\x20(?:it|the\x20debt)\x20off\b", Options)]
    private static partial Regex ExDebt();

    /// <summary>Someone online wanting to meet.</summary>
    private static Regex ExOnline() => exOnlineRegex ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(ExOnlinePattern, Options) : ExOnlineGenerated();

    private const string ExOnlinePattern =
        @"\b(?:man|guy|bloke|older\x20(?:boy|guy|man|lad|girl)|person|adult|stranger|someone|somebody|boy|girl|lad|he|she)\x20(?:i\x20(?:met|talk\x20to|speak\x20to|chat\x20to|know)\x20)?" + Online + @"\x20(?:\w+\x20){0,3}?(?:wants|wanted|asked|asks|asking|keeps\x20asking|is\x20asking|said|says|told|telling|messages|messaging|sends|sent|sending|offered|offering|is\x20(?:older|an\x20adult))\b
          | \b" + Online + @"\x20(?:\w+\x20){0,3}?wants?\x20to\x20meet\x20(?:me|up)\b | \bwants?\x20to\x20meet\x20(?:me|up)\x20(?:\w+\x20){0,3}?" + Online + @"
          | \b(?:met|meet|meeting|talking\x20to|speaking\x20to)\x20(?:him|her|someone|an\x20adult|an\x20older\x20\w+|a\x20(?:man|guy|boy|girl|lad|person|stranger)|this\x20(?:man|guy|boy))\x20(?:i\x20met\x20)?" + Online + @"\b
          | \bhe\x20(?:says|said)\x20hes\x20(?:\d+|my\x20age|a\x20teenager)\b";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(ExOnlinePattern, Options)]
    private static partial Regex ExOnlineGenerated();

    // In the JIT build interpreted (built once), not source-generated: gated by its words, it runs on few texts, and JIT-compiling the
    // generated matcher cost more CPU than interpreting it there (profile: docs/analyzer.md, branch s12-speed).
    private static Regex? exOnlineRegex;

    /// <summary>An adult with a child: age gaps, "a grown man", "men in cars", "wants me to go to his flat", "says he's 16".</summary>
    [GeneratedRegex(
        @"\b(?:boyfriend|bf|girlfriend|gf|lad|man|guy|boy|bloke|fella)\x20(?:whos|who\x20is|is|thats|hes|aged)\x20(?:1[89]|[2-9]\d)\b
          | \b(?:grown\x20(?:man|men|up\x20man)|older\x20men|(?:a\x20)?man\x20in\x20his\x20(?:20s|30s|40s|50s|twenties|thirties|forties)|(?:men|man|guys|lads)\x20in\x20(?:different\x20|various\x20|other\x20|flash\x20|fancy\x20|expensive\x20|their\x20)?(?:cars?|a\x20car|vans?))\b
          | \b(?:getting|got|gets|get)\x20(?:in|into)\x20(?:a\x20|the\x20)?cars?\x20with\x20(?:older|men|a\x20man|strangers|adults)\b
          | \b(?:picked\x20up|collected)\x20by\x20(?:a\x20man|men|older|an\x20adult|a\x20stranger)\b
          | \b(?:wants|wanted|asked|asks|keeps\x20asking)\x20(?:me|her|him)\x20to\x20(?:go|come)\x20(?:to|round\x20to|back\x20to|over\x20to)\x20his\x20(?:flat|house|place|car|hotel)\b
          | \b(?:says|said|claims|claimed)\x20(?:hes|he\x20is|shes|she\x20is)\x20(?:only\x20)?\d+\b
          | \b(?:sends?|sent|sending)\x20(?:pics|pictures|photos|nudes|videos)\x20to\x20(?:a|this|some|an\x20older)\x20(?:guy|man|boy|lad|person|bloke|stranger)\b
          | \b(?:comes?|coming|came)\x20(?:in|home|back|into\x20school)\x20with\x20(?:new|expensive|loads\x20of)\x20(?:phones?|trainers|clothes|stuff|money|cash)\b
          | \b(?:man|men|online|older|adult|guy|stranger|bloke)\b[^.]{0,80}?\b(?:asking|asked|asks|wants|wanted)\x20(?:me|her|him)\x20to\x20meet\b", Options)]
    private static partial Regex ExAdult();

    /// <summary>Going missing; sex for money; Polish.</summary>
    [GeneratedRegex(
        @"\b(?:keeps?|kept|been|have\x20been|has\x20been|i)\x20(?:going|gone|go)\x20missing\b
          | \b(?:sex|sexual\x20(?:stuff|things))\x20(?:for|with)\x20(?:money|drugs|alcohol|older|men|his\x20(?:friends|mates))\b
          | \bprosi\x20(?:mnie\x20)?o\x20(?:nagie\x20)?zdjecia\b | \bchce\x20sie\x20(?:ze\x20mna\x20)?spotkac\b", Options)]
    private static partial Regex ExMissing();

    /// <summary>Being followed.</summary>
    [GeneratedRegex(
        @"\b(?:someone|somebody|a\x20(?:man|guy|car|van|boy|group|gang)|he|she|they|people|name|this\x20\w+|some\x20\w+|hes|shes|theyre)\x20(?:is\x20|are\x20|keeps\x20|keep\x20|kept\x20|has\x20been\x20|have\x20been\x20|was\x20|were\x20|been\x20|started\x20)?following\x20me\b
          | \bfollow(?:s|ing|ed)?\x20me\x20(?:home|around|everywhere|after\x20school|from\x20school)\b | \bktos\x20mnie\x20sledzi\b", Options)]
    private static partial Regex IdFollowing();

    /// <summary>Someone with a weapon.</summary>
    [GeneratedRegex(
        @"\b(?:he|she|they|someone|somebody|dad|step\x20?dad|stepdad|a\x20(?:man|guy|boy|lad|group)|name|my\x20\w+|his\x20\w+|this\x20\w+|hes|shes)\x20(?:has|have|had|has\x20got|s\x20got|got|pulled|pulls|carries|carried|brought|is\x20carrying|showed\x20me|waved|threatened\x20me\x20with)\x20(?:out\x20)?(?:a\x20|his\x20|her\x20|their\x20|the\x20)?(?:knife|gun|blade|machete|weapon|shank|hammer|bat)\b | \bma\x20noz\b", Options)]
    private static partial Regex IdWeapon();

    /// <summary>Threats to hurt the writer.</summary>
    private static Regex IdThreat() => idThreatRegex ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(IdThreatPattern, Options) : IdThreatGenerated();

    private const string IdThreatPattern =
        @"\b(?:going\x20to|gonna|gna|will|hell|shell|theyll|hed|shed|theyd|said\x20(?:hed|hell|he\x20would|he\x20will|shed|shell|she\x20would|she\x20will|theyd|theyll|they\x20would|they\x20will)|threaten(?:ed|ing|s)\x20to|coming\x20to|comin\x20to|want\x20to|wants\x20to|is\x20going\x20to|are\x20going\x20to)\x20(?:hurt|kill|stab|shoot|beat|batter|rape|attack|slash|shank|merk|do)\x20(?:me|us|him|them|my\x20(?:friend|mate|brother|sister))\b(?!\x20(?:a\x20favour|good|proud|in\x20(?:fifa|the\x20game)))
          | \bsaid\x20(?:im|i\x20am|youre|ur|hes|shes)\x20dead\b | \bscared\x20(?:hes|shes|theyre|he\x20is|they\x20are)\x20coming\x20(?:back|round|for\x20me)\b
          | \b(?:going\x20to|gonna|coming\x20to)\x20(?:get|jump|find)\x20me\x20(?:tonight|today|later|now|after\x20school|when)\b";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(IdThreatPattern, Options)]
    private static partial Regex IdThreatGenerated();

    // In the JIT build interpreted (built once), not source-generated: gated by its words, it runs on few texts, and JIT-compiling the
    // generated matcher cost more CPU than interpreting it there (profile: docs/analyzer.md, branch s12-speed).
    private static Regex? idThreatRegex;

    /// <summary>Emergencies now: not breathing, can't wake someone, going to jump, doing it tonight, missing now, sleeping rough.</summary>
    [GeneratedRegex(
        @"\b(?:isnt|not|stopped|cant|cannot|struggling)\x20breath(?:e|ing)\b | \b(?:cant|can\x20not|couldnt)\x20wake\x20(?:her|him|them|my\x20\w+|mum|dad)\x20up\b | \b(?:shes|hes|theyre|she\x20is|he\x20is)\x20not\x20waking\x20up\b
          | \b(?:going\x20to|gonna|about\x20to|wants\x20to|threatening\x20to|says\x20(?:shes|hes|she\x20is|he\x20is)\x20going\x20to)\x20jump\b | \bon\x20(?:the|a)\x20(?:bridge|roof)\b[^.]{0,40}\bjump\b
          | \b(?:im|i\x20am)\x20doing\x20it\x20(?:tonight|today|now)\b | \b(?:going\x20to|gonna|about\x20to|will|gna)\x20(?:take\x20them\x20all|do\x20it|end\x20it|end\x20my\x20life|kill\x20myself|jump)\x20(?:tonight|today|now|right\x20now)\b | \bwritten\x20(?:my\x20)?(?:letters|a\x20note|my\x20note|goodbye|suicide\x20note)\b | \bsuicide\x20note\b
          | \b(?:has\x20been|been|is|is\x20still|went|gone|go)\x20missing\x20(?:since|for|overnight|last\x20night|all\x20night)\b | \b(?:cant|can\x20not|couldnt)\x20find\x20(?:her|him|them|my\x20(?:son|daughter|child|brother|sister))\b
          | \b(?:ive|i\x20have|i\x20just|just|i\x20had\x20to|has|have)\x20(?:ran|run)\x20away\b | \b(?:ran|run|running|run\x20off)\x20away\x20from\x20(?:home|my\x20(?:house|mums|dads|carers|foster\x20\w+|placement|home))\b | \bsleeping\x20(?:in\x20the\x20park|on\x20the\x20streets?|rough|outside|in\x20a\x20(?:car|tent|doorway))\b
          | \b(?:ambulance\x20(?:was\x20|has\x20been\x20)?called|called\x20(?:an|the)\x20ambulance|(?:call|ring)\x20(?:an|the)\x20ambulance)\b", Options)]
    private static partial Regex IdEmergency();

    /// <summary>In danger now; help me now.</summary>
    private static Regex IdNow() => idNowRegex ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(IdNowPattern, Options) : IdNowGenerated();

    private const string IdNowPattern =
        @"\b(?:in\x20danger|not\x20safe)\x20(?:right\x20)?now\b | \bim\x20in\x20danger\b | \bi\x20am\x20in\x20danger\b
          | \b(?:help\x20me|please\x20help|need\x20help)\x20(?:now|right\x20now|asap|quick|quickly|urgently)\b | \bplease\x20(?:someone\x20)?help\x20me\b
          | \bjestem\x20w\x20niebezpieczenstwie\b | \bmujhe\x20(?:maar|mar)\x20(?:de|daal)(?:ga|gi|nge|enge)\b | \bkhatre\x20(?:mein|me|mai)\b";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(IdNowPattern, Options)]
    private static partial Regex IdNowGenerated();

    // In the JIT build interpreted (built once), not source-generated: its words gate it, so it runs on few texts,
    // and JIT-compiling the generated matcher (tens of ms of CPU in every process) cost more than interpreting it
    // there (measured: docs/analyzer.md, branch s12-speed).
    private static Regex? idNowRegex;

    /// <summary>Someone outside; attacked; hiding.</summary>
    private static Regex IdOutside() => idOutsideRegex ??=
        RuntimeFeature.IsDynamicCodeSupported ? new Regex(IdOutsidePattern, Options) : IdOutsideGenerated();

    private const string IdOutsidePattern =
        @"\b(?:he|she|they|someone|dad)(?:s|re|\x20is|\x20are)\x20(?:outside|at\x20the\x20door|banging\x20on\x20the\x20door|trying\x20to\x20get\x20in|coming\x20(?:for|to\x20get)\x20me)\b | \btrying\x20to\x20(?:get|break)\x20in(?:to)?\x20(?:my|the|our)\b
          | \b(?:scared|fear|afraid)\x20for\x20my\x20life\b
          | \b(?:i|ive|she|he|they|just|been)\x20(?:got\x20|been\x20|was\x20|just\x20got\x20)?(?:stabbed|shot)\b | \b(?:got|been|was|get)\x20raped\b
          | \bwaiting\x20for\x20(?:me|him|her|us)\x20outside\b | \b(?:wont|will\x20not|wouldnt|isnt\x20letting|not\x20letting|doesnt\x20let)\x20let\x20(?:me|her|him|us)\x20(?:leave|go|out)\b
          | \b(?:burn|set\x20fire\x20to|torch)\x20(?:the|our|my|her|his)\x20(?:house|flat|home)\b
          | \b(?:hiding|locked\x20" + Self + @")\x20in\x20(?:my|the|a)\x20(?:room|bathroom|toilet|cupboard|wardrobe)\b";

    // The native build has no JIT, so nothing to compile at run time: there the generated matcher is the cheaper one.
    [GeneratedRegex(IdOutsidePattern, Options)]
    private static partial Regex IdOutsideGenerated();

    // In the JIT build interpreted (built once), not source-generated: its words gate it, so it runs on few texts,
    // and JIT-compiling the generated matcher (tens of ms of CPU in every process) cost more than interpreting it
    // there (measured: docs/analyzer.md, branch s12-speed).
    private static Regex? idOutsideRegex;

    /// <summary>Topic: self-harm, suicide.</summary>
    [GeneratedRegex(
        @"\bself\x20?harm\w*|\bsuicid(?:e|al)\b", Options)]
    private static partial Regex TopicSelfHarm();

    /// <summary>Topic: abuse, neglect.</summary>
    [GeneratedRegex(
        @"(?<!\b(?:its|thats|is|literally|basically|pure|child|feel|feels|felt|feeling)\x20)\b(?:abuse|abused|abusive|neglect|neglected|neglecting|rape|raped)\b(?!\x20by\x20(?:the\x20)?(?:council|local\x20authority|services|childrens\x20services|social\x20services|system|government|management|senior|school|nhs|camhs|professionals))", Options)]
    private static partial Regex TopicAbuseNeglect();

    /// <summary>Topic: domestic abuse.</summary>
    [GeneratedRegex(
        @"\bdomestic\x20(?:abuse|violence)\b", Options)]
    private static partial Regex TopicDomesticAbuse();

    /// <summary>Topic: exploitation.</summary>
    [GeneratedRegex(
        @"\bgroom(?:ed|ing)\b|\bexploit(?:ed|ing|ation)\b|\bcounty\x20lines?\b|\bnudes\b|\bsexting\b|\bcs[ae]\b|\bcce\b|\btraffick\w*|\bgo(?:ing|es|ne)?\x20missing\b", Options)]
    private static partial Regex TopicExploitation();

    /// <summary>Topic: weapons.</summary>
    [GeneratedRegex(
        @"\bknife\b|\bweapon\b", Options)]
    private static partial Regex TopicImmediateDanger();

}

/// <summary>
/// A concern rule: its category, whether it is a bare topic, its anchor words and its pattern. Every match contains one
/// of the anchors; <paramref name="Requires"/> adds further word sets, '|' between sets, of which every match also holds
/// a word of each (words of two letters or more, as whole words of <see cref="ConcernText"/>), so that a rule whose
/// anchor is a common word ("now", "do", "said") runs only when the rest of what it needs is in the text too.
/// </summary>
internal sealed record ConcernRule(ConcernCategory Category, bool Topic, string Anchors, Regex Pattern, string? Requires = null);
