using System.Text.RegularExpressions;

namespace FeedbackCollector.Analysis.Concerns;

/// <summary>
/// Source-generated patterns for safeguarding disclosures in children's real writing (misspellings, text-speak,
/// missing apostrophes, a few Polish and romanised Urdu phrases). <see cref="Disclosure"/> holds phrases shaped
/// like a disclosure, one named group per category; <see cref="Topic"/> holds bare topic words ("self harm",
/// "county lines") that count only with a personal anchor and outside awareness or process talk.
/// </summary>
internal static partial class ConcernPatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace;

    // Building blocks (const so that the generator sees one constant pattern).
    private const string Self = @"(?:my\s?self|meself|myslf|mysef|mysefl)";
    private const string Neg = @"(?:don'?t|dont|dnt|do\s+not|doesn'?t|doesnt|does\s+not|didn'?t|didnt|never|can'?t|cant|no\s+longer)";
    private const string Kin = @"(?:dad|daddy|father|mum|mam|mom|mummy|mother|step[\s-]?(?:dad|mum|mom|father|mother)|stepdad|stepmum|stepmom|nan|nana|gran|grandad|grandpa|grandma|uncle|aunt(?:ie|y)?|brother|bro|sister|sis|cousin|carer|foster\s+(?:carer|mum|dad)|boyfriend|girlfriend|bf|gf|(?:mum|mom|mam|mums|moms|mams)'?s?\s+(?:new\s+)?(?:boyfriend|bf|partner|fella|husband)|dad'?s?\s+(?:new\s+)?(?:girlfriend|gf|partner|wife))";
    private const string Perp = @"(?:he|she|they|someone|somebody|people|a\s+man|a\s+boy|an\s+adult|name\]|(?:my|his|her|their|our)\s+" + Kin + @"|" + Kin + @")";
    private const string HarmVerb = @"(?:hits?|hitting|beats?|beating|beat\s+up|beats\s+up|beaten|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?|smack(?:s|ed|ing)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|batter(?:s|ed|ing)?|whip(?:s|ped)?|belt(?:s|ed)|burn(?:s|t|ed)|hurt(?:s|ing)?|abus(?:es|ed|ing)|attack(?:s|ed|ing)?|push(?:es|ed)|shov(?:es|ed)|throws?\s+(?:things|stuff)\s+at|threw\s+(?:things|stuff|a\s+\w+|the\s+\w+)\s+at|bit(?:es)?|pinch(?:es|ed)|starv(?:es|ed))";
    private const string AdultVictim = @"(?:mum|mam|mom|mummy|mother|my\s+(?:mum|mam|mom|mother|dad|nan|step[\s-]?mum)|her|dad|him|each\s+other|nan)";
    private const string ChildVictim = @"(?:me|us|them|my\s+(?:little\s+|baby\s+|younger\s+|big\s+|older\s+)?(?:brother|sister|siblings?|bro|sis)|the\s+(?:baby|kids)|my\s+friend)";
    private const string Online = @"(?:online|on\s+(?:snap(?:chat)?|insta(?:gram)?|tiktok|tik\s+tok|discord|roblox|fortnite|xbox|whatsapp|the\s+internet|a\s+game|an\s+app|facebook|omegle|telegram))";

    /// <summary>Disclosure-shaped phrases. Group names: sh (self-harm), an (abuse/neglect), ex (exploitation), da (domestic abuse), id (immediate danger).</summary>
    [GeneratedRegex(
        // ---------------- self-harm and suicidal thoughts
        @"(?<sh>
            \bkms\b
          | \b(?:i'?m|im|i\s+am|i'?ll|ima|imma|gonna|going\s+to|want\s+to|wanna|might|should|could|will|just|about\s+to|finna|gna)\s+(?:\w+\s+)?kys\b
          | \b(?:kill|killing|kil|end|ending|hurt|hurting|hurtin|harm|harming|cut|cutting|cuttin|burn|burning|starve|starving|hang|hanging|drown|poison|stab|stabbing|punish|punishing|scratch|scratching)\s+" + Self + @"
          | \b(?:take|taking|end|ending|took|end\s+to)\s+my\s+(?:own\s+)?life\b
          | \b(?:feel|feeling|felt|am|i'?m|im|been|get|getting|was|is|are|be)\s+(?:really\s+|so\s+|very\s+|quite\s+|a\s+bit\s+|kinda\s+|abit\s+)?suicidal\b
          | \bsuicidal\s+(?:thoughts|feelings|again)\b
          | \b(?:tried|try|trying|attempt(?:ed)?|thinking\s+(?:of|about)|thought\s+about|plan(?:ning)?\s+(?:to|on))\s+(?:to\s+)?(?:suicide|killing\s+" + Self + @"|kill\s+" + Self + @"|ending\s+it|end\s+it|committing\s+suicide|commit\s+suicide)
          | \b(?:want|wants|wanted|wanting|wish|wishing)\s+(?:to|i\s+could|i\s+was|i\s+were)\s+(?:just\s+)?(?:die|be\s+dead|dead|disappear\s+forever|not\s+exist|stop\s+existing|not\s+be\s+here|never\s+wake\s+up|not\s+wake\s+up)\b(?!\s+(?:of|from|laughing|lol|for))
          | \b(?:wanna|wana|wnt\s+to|want\s+2|wan2)\s+(?:just\s+)?(?:die|be\s+dead|not\s+exist)\b(?!\s+(?:of|from|laughing|lol|for))
          | \bwish\s+i\s+(?:was|were|wer)\s+dead\b
          | \bwish\s+i\s+(?:wasn'?t|wasnt|weren'?t|was\s+never|had\s+never\s+been|hadn'?t\s+been)\s+(?:here|born|alive)\b
          | \bbetter\s+off\s+(?:dead|without\s+me)\b
          | \bend\s+it\s+all\b | \bending\s+it\s+all\b
          | \b" + Neg + @"\s+(?:want|wanna|wana)\s+(?:to\s+)?(?:be\s+here|be\s+alive|live|exist|wake\s+up|be\s+around|carry\s+on|go\s+on)\b
          | \bno\s+(?:point|reason)\s+(?:in\s+)?(?:living|being\s+alive|to\s+live|in\s+life|going\s+on|to\s+go\s+on|to\s+be\s+here)\b
          | \b(?:not|isn'?t|isnt)\s+worth\s+living\b
          | \bcan'?t\s+(?:go\s+on|cope)\s+(?:any\s?more|like\s+this)\b | \bcant\s+(?:go\s+on|cope)\s+(?:any\s?more|like\s+this)\b
          | \bcut(?:s|ting|tin)?\s+(?:on\s+)?my\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|belly|hips?)\b
          | \b(?:i|i'?ve|ive|been|started|start|keep|kept|still|stop|stopped|back\s+to|relapsed?|urges?\s+to|want\s+to|wanna)\s+(?:\w+\s+)?(?:cutting|cuttin|cuting)\b(?!\s+(?:back|down|out|off|up|in\b|the\b|a\b|class|lessons?|school|corners|hair|my\s+hair|grass|ties|people|some|someone|them|him|her|it\b|things|paper|onions|food|my\s+(?:food|nails|hair)))
          | \bi\s+cut\s+(?:again|last\s+night|yesterday|today|deep|deeper)\b
          | \b(?:i|i'?ve|ive|i\s+have|been|started|start|keep|still|stopped|relapsed?|was|am|i'?m|im)\s+(?:\w+\s+)?self[\s-]?harm(?:ing|ed|in)?\b
          | \bself[\s-]?harm(?:ing|in)?\s+again\b | \bmy\s+self[\s-]?harm\b | \bselfharm(?:ing|ed|in)?\b(?!\s+(?:support|group|service|training|awareness|session))
          | \b(?:my|i|do|did|doing|been|started|start|to|relapsed?|urges?|urge\s+to|wanna)\s+sh\b | \bsh\s+(?:again|scars?|urges?|cuts?|marks?|relapse)\b
          | \boverdos(?:e|ed|ing)\b | \bod'?d\b | \bod\s+on\b
          | \b(?:took|take|taking|swallowed|swallow)\s+(?:a\s+(?:load|lot|bunch|handful|box|packet)\s+of\s+|loads\s+of\s+|lots\s+of\s+|too\s+many\s+|all\s+(?:my|the|of\s+my|of\s+the|mums?|mum'?s)\s+|some\s+|a\s+bottle\s+of\s+|\d+\s+|heaps\s+of\s+)(?:pills|tablets|paracetamol|painkillers|meds|sleeping\s+pills)\b
          | \b(?:scars|marks|cuts)\s+on\s+my\s+(?:arms?|wrists?|legs?|thighs?)\b
          | \b(?:hang|hanging)\s+" + Self + @" | \bnoose\b | \bslit\s+my\s+wrists?\b | \bjump\s+(?:off|in\s+front\s+of)\s+(?:a|the)\s+(?:bridge|train|building|roof|car|bus)\b
          | \bchc(?:ę|e)\s+umrze(?:ć|c)\b | \bzabij(?:ę|e)\s+si(?:ę|e)\b | \bnie\s+chc(?:ę|e)\s+(?:ju(?:ż|z)\s+)?(?:ż|z)y(?:ć|c)\b | \bt(?:nę|ne)\s+si(?:ę|e)\b | \bsamookalecz\w*
          | \b(?:marna|mar\s+jana|marne)\s+(?:chahta|chahti|chahte|chata|chati)\b | \bkhud\s?kushi\b | \bapne\s+(?:aap|ap)\s+ko\s+(?:maar|mar|nuqsan|nuksan|zakhmi|takleef|khatam)\w*
        )"
        // ---------------- abuse and neglect of the writer or another child
        + @"|(?<an>
            \b" + Perp + @"\s+(?:always\s+|keeps\s+|still\s+|sometimes\s+|has\s+|had\s+|will\s+|would\s+|used\s+to\s+|really\s+|physically\s+|sexually\s+)?" + HarmVerb + @"\s+" + ChildVictim + @"\b(?!\s+up\b)
          | \b" + HarmVerb + @"\s+(?:me|us)\b(?!\s+up\b)
          | \b(?:i'?m|im|i\s+am|we'?re|we\s+are|she'?s|he'?s|they'?re|(?:my\s+)?(?:brother|sister|friend)\s+is|i\s+feel|i\s+am\s+not|feel)\s+(?:really\s+|just\s+|still\s+|so\s+|very\s+)?(?:not|never|un)\s*safe\b
          | \b" + Neg + @"\s+feel(?:s)?\s+(?:\w+\s+)?safe\b
          | \b(?:un|not)\s*safe\s+(?:at|in)\s+(?:home|my\s+house|the\s+house|my\s+room|(?:my\s+)?(?:dad|mum|mom)'?s)\b
          | \bit'?s\s+not\s+safe\s+(?:at|in)\s+(?:home|my\s+house)\b
          | \b(?:scared|afraid|frightened|terrified|petrified|dread|dreading|" + Neg + @"\s+(?:want|wanna))\s+(?:to\s+go(?:ing)?|of\s+going|going|to\s+be|of\s+being)\s+(?:back\s+)?(?:home|at\s+home)\b
          | \b(?:scared|afraid|frightened|terrified|petrified)\s+(?:of|off)\s+(?:my\s+)?(?:dad|mum|mom|step[\s-]?dad|stepdad|step[\s-]?mum|father|mother|(?:mum|mom)'?s?\s+(?:boyfriend|partner|bf)|carer|foster\s+\w+|uncle)\b
          | \block(?:s|ed)?\s+(?:me|us)\s+(?:in|out|up)\b(?!\s+(?:of\s+(?:class|school|the\s+game)))
          | \blocked\s+in\s+(?:my|the|a|our)\s+(?:room|bedroom|cupboard|house|flat|shed|bathroom)\b
          | \bno\s+food\s+(?:at\s+home|in\s+the\s+house|in\s+(?:my|our)\s+house|in\s+the\s+fridge)\b | \bnever\s+(?:any\s+)?food\s+(?:at\s+home|in\s+the\s+house)\b
          | \bnothing\s+to\s+eat\b | \b(?:haven'?t|havent|have\s+not|not|didn'?t|didnt)\s+(?:eaten|ate|had\s+(?:any(?:thing)?\s+)?(?:food|to\s+eat))\s+(?:in|for|since)\b
          | \bgo(?:es)?\s+to\s+bed\s+hungry\b | \b(?:always|so)\s+hungry\s+(?:at\s+home|cos|coz|because)\b
          | \b(?:no\s?one|nobody|noone|no\s+body)\s+(?:looks?\s+after|cares?\s+for|feeds?|takes?\s+care\s+of|is\s+(?:ever\s+)?(?:at\s+home|home|there\s+to\s+look\s+after))\s*(?:me|us)?\b
          | \bleft\s+(?:me\s+|us\s+)?(?:home\s+)?alone\s+(?:for\s+(?:days|the\s+weekend|a\s+week|ages|hours|\d+\s+days)|all\s+(?:weekend|night|day)|overnight|at\s+night)\b
          | \b(?:kicked|chucked|threw|thrown|kick|chuck)\s+me\s+out\b(?!\s+of\s+(?:school|class|the\s+lesson|the\s+club|the\s+game|the\s+group))
          | \b(?:touched|touches|touching|touch|feels?\s+up|felt\s+up)\s+(?:me|my\s+(?:private|privates|private\s+parts|body|bum|chest|boobs|breasts|willy|penis|vagina|thighs?|legs?))\b(?!\s+(?:base|up\b))
          | \bmade\s+me\s+(?:do\s+(?:things|stuff|sexual)|touch|watch\s+(?:porn|things|stuff|videos)|take\s+(?:off\s+)?my\s+clothes|undress|have\s+sex|suck|strip|get\s+naked|kiss)\b
          | \bsexually\s+(?:abused|assaulted|touched|abusing)\b | \brap(?:ed|e\s+me|ing\s+me)\b | \bmolest\w*
          | \b(?:leaves?|left)\s+(?:me\s+with\s+)?(?:marks|bruises)\b | \bbruises?\s+(?:from|because|cos|coz|where)\b
          | \bbeing\s+(?:abused|hurt\s+at\s+home|neglected|hit\s+at\s+home|beaten)\b | \b(?:neglected|abused|beaten)\s+(?:at\s+home|by\s+(?:my|his|her|their))\b
          | \b(?:he|she|they|" + Kin + @")\s+(?:does|did|do)\s+(?:stuff|things)\s+to\s+me\b
          | \bbij(?:e|ą|a)\s+mnie\b | \bboj(?:ę|e)\s+si(?:ę|e)\s+(?:wr(?:a|ó|o)ci(?:ć|c)|wraca(?:ć|c))\b | \bnie\s+jestem\s+bezpieczn\w+ | \bdotyka(?:ł|l)\w*\s+mnie\b | \bnie\s+ma\s+jedzenia\b
          | \bmujhe\s+(?:maar|mar|peet)t?[aei]\s+ha(?:i|in|y)\b | \bmujhe\s+(?:maara|mara|peeta|pita)\b | \bghar\s+(?:mein|me|mai|pe)\s+(?:mehfooz|mahfooz|mehfuz|safe)\s+nahi\b | \bghar\s+jane\s+se\s+da?r\b | \bmujhe\s+(?:chhua|chua|chhoo\w*|choo\w*)\b | \bkhana\s+nahi\s+(?:milta|deti|dete|diya)\b
        )"
        // ---------------- domestic abuse between adults at home
        + @"|(?<da>
            \b(?:(?:my|his|her|their)\s+)?(?:dad|daddy|father|step[\s-]?dad|stepdad|(?:mum|mom|mam|mums|moms)'?s?\s+(?:new\s+)?(?:boyfriend|bf|partner|fella|husband)|he|uncle|mum|mom|mam|mother|step[\s-]?mum|dad'?s?\s+(?:girlfriend|partner))\s+(?:always\s+|keeps\s+|still\s+|sometimes\s+|has\s+|had\s+|used\s+to\s+|really\s+)?" + HarmVerb + @"\s+" + AdultVictim + @"\b
          | \b(?:threaten(?:s|ed)|threatening)\s+(?:to\s+kill\s+)?(?:mum|my\s+mum|mom|her)\b
          | \b(?:parents|mum\s+and\s+dad|mom\s+and\s+dad|they)\s+(?:fight|fighting|fought|argue|arguing|row|rowing)\s+(?:all\s+the\s+time|every\s+(?:day|night)|and\s+(?:he|she|dad|mum)\s+(?:hits|hurts|throws|punches|hit|hurt|threw|punched))\b
          | \bpolice\s+(?:came|come|were\s+called|got\s+called|keep\s+coming|had\s+to\s+come)\s+(?:to\s+(?:our|the|my)\s+(?:house|flat|home)|round|again)\b
          | \b(?:mum|mom|mam|my\s+mum|my\s+mom)\s+(?:has|had|has\s+got|got)\s+(?:bruises|a\s+black\s+eye|marks|cuts)\b
          | \b(?:dad|he|step[\s-]?dad|stepdad)\s+(?:said\s+he'?(?:d|ll|\s+will|\s+would)|is\s+going\s+to|threatened\s+to|says\s+he'?ll)\s+kill\s+(?:mum|her|us|my\s+mum|my\s+mom|mom)\b
          | \b(?:dad|he|step[\s-]?dad|stepdad)\s+(?:shouts|screams|yells)\s+at\s+(?:mum|mom|my\s+mum)\s+and\b
          | \btata\s+bije\s+mam(?:ę|e)\b | \b(?:abbu|abba|papa|walid|baba)\s+(?:ammi|amma|maa|mama|ami)\s+ko\s+(?:maar|mar|peet)t?[ae]\b
        )"
        // ---------------- sexual and criminal exploitation, grooming, county lines
        + @"|(?<ex>
            \bbeing\s+(?:groomed|exploited|trafficked|used\s+to\s+(?:sell|carry|deal))\b | \bgroom(?:ing|ed)\s+(?:me|her|him|my)\b | \b(?:he|she|they|someone|i)\s+(?:is|was|am|are|'?s|'?m|been|got)\s+groomed\b
          | \b(?:send|sends|sent|sending|keeps\s+sending|kept\s+sending)\s+me\s+(?:\w+\s+)?(?:pics|pictures|photos|nudes|videos|vids|dick\s+pics|naked|explicit)\b
          | \b(?:asked|asking|asks|want|wants|wanted|keeps\s+asking|kept\s+asking|pressur(?:e|es|ed|ing)|made|make|making|begging|begged)\s+(?:me\s+|her\s+|him\s+)?(?:for\s+|to\s+send\s+|to\s+take\s+|to\s+share\s+|into\s+sending\s+)(?:some\s+|a\s+|more\s+)?(?:nudes|naked|pics|pictures|photos|sexy|videos)\b
          | \b(?:send|sent|share|shared|leak|leaked|post|posted)\s+(?:my\s+)?nudes\b | \bnudes\s+of\s+me\b
          | \bolder\s+(?:boys?|men|man|guys?|lads?|girls?|people|kids|teens|ones)\s+(?:\w+\s+){0,2}?(?:give|gave|giving|gives|buy|buys|bought|pay|paid|pays|offer(?:ed|s)?|get|got)\s+(?:me|us|her|him|them)\b
          | \b(?:give|gave|gives|giving|pay|paid|pays|offer(?:ed|s)?|promised)\s+(?:me|us|her|him|them)\s+(?:money|cash|£?\d+|weed|drugs|stuff|phones?|a\s+phone|trainers|gifts|alcohol|vodka|cigs|vapes?|clothes)\s+(?:to|for|if)\s+(?:carry|hold|take|move|drop|deliver|sell|run|keep|hide|do|look\s+after|go)\b
          | \b(?:gave|give|gives|giving)\s+(?:me|her|him|us)\s+(?:some\s+)?(?:weed|drugs|stuff|gear|coke|pills|packages?|a\s+(?:package|bag|parcel))\s+to\s+(?:sell|shot|hold|move|take|carry|drop|deliver|keep|hide)\b
          | \b(?:carry|carrying|carried|hold|holding|move|moving|drop|dropping|deliver|delivering|sell|selling|sold|hide|hiding|stash|stashing)\s+(?:drugs|weed|gear|packages|parcels|a\s+package|a\s+parcel|stuff\s+for\s+(?:them|older|some)|things\s+for\s+(?:them|older|some)|for\s+(?:them|some\s+(?:older\s+)?(?:boys|lads|guys|people|men)|older\s+(?:boys|lads|guys|men)))\b
          | \b(?:doing|do|did|involved\s+in|into|made\s+to\s+do|forced\s+into|working|work|run|running)\s+(?:county\s+lines?|a\s+line|lines|the\s+line)\b
          | \b(?:selling|shotting|dealing|sell|deal|shot)\s+(?:weed|drugs|gear|coke|crack|for\s+(?:them|him|some\s+\w+|older))\b
          | \bi\s+owe\s+(?:them|him|her|people|some\s+(?:people|lads|boys|guys|men)|these\s+\w+|a\s+lot\s+of|loads|a\s+gang|(?:some\s+)?money|£?\d+)\b | \bin\s+debt\s+(?:to|with)\s+(?:them|him|some|these|a\s+gang|people)\b
          | \b(?:said|says|told\s+me)\s+i\s+(?:owe|have\s+to\s+(?:pay|work)|need\s+to\s+pay)\b | \bwork\s+(?:it|the\s+debt)\s+off\b
          | \b(?:man|guy|bloke|older\s+(?:boy|guy|man|lad|girl)|person|adult|stranger|someone|somebody|boy|girl|lad|he|she)\s+(?:i\s+(?:met|talk\s+to|speak\s+to|chat\s+to|know)\s+)?" + Online + @"\s+(?:\w+\s+){0,3}?(?:wants|wanted|asked|asks|keeps\s+asking|is\s+asking|said|says|told|messages|sends|sent|offered|is\s+(?:older|an\s+adult))\b
          | \b" + Online + @"\s+(?:\w+\s+){0,3}?wants?\s+to\s+meet\s+(?:me|up)\b | \bwants?\s+to\s+meet\s+(?:me|up)\s+(?:\w+\s+){0,3}?" + Online + @"
          | \b(?:met|meet|meeting|talking\s+to|speaking\s+to)\s+(?:him|her|someone|a\s+(?:man|guy|boy|girl|lad|person)|this\s+(?:man|guy|boy))\s+(?:i\s+met\s+)?" + Online + @"\b
          | \bhe\s+(?:says|said)\s+he'?s\s+(?:\d+|my\s+age|a\s+teenager|16|15|14)\b
          | \b(?:trap\s+house|trapping|going\s+cunch|cunching|plugging|jugging|bando|run\s+(?:a\s+)?line|on\s+a\s+line)\b
          | \b(?:keeps?|kept|been|have\s+been|has\s+been|i)\s+(?:going|gone|go)\s+missing\b
          | \b(?:sex|sexual\s+(?:stuff|things))\s+(?:for|with)\s+(?:money|drugs|alcohol|older|men|his\s+(?:friends|mates))\b
          | \b(?:give|gives|gave|giving|buy|buys|bought)\s+(?:me|her|him|us)\s+(?:alcohol|vodka|drink|drugs|weed|gifts|money|lifts|phones?|vapes?)\s+(?:and|then|if|but|so)\b
          | \bmake\s+me\s+(?:sell|carry|hold|deliver|move)\b | \bmade\s+me\s+(?:sell|carry|hold|deliver|move)\b
          | \bprosi\s+(?:mnie\s+)?o\s+(?:nagie\s+)?zdj(?:ę|e)cia\b | \bchce\s+si(?:ę|e)\s+(?:ze\s+mn(?:ą|a)\s+)?spotka(?:ć|c)\b
        )"
        // ---------------- someone in danger now
        + @"|(?<id>
            \b(?:someone|somebody|a\s+(?:man|guy|car|van|boy|group|gang)|he|she|they|people|name\]|this\s+\w+|some\s+\w+)\s+(?:is|are|keeps?|kept|has\s+been|have\s+been|was|were|been|'?s|'?re|started)\s+following\s+me\b
          | \bfollow(?:s|ing|ed)?\s+me\s+(?:home|around|everywhere|after\s+school|from\s+school)\b
          | \b(?:he|she|they|someone|somebody|dad|step[\s-]?dad|stepdad|a\s+(?:man|guy|boy|lad|group)|name\]|my\s+\w+|his\s+\w+|this\s+\w+)\s+(?:has|have|had|has\s+got|'?s\s+got|got|pulled|pulls|carries|carried|brought|is\s+carrying|showed\s+me|waved|threatened\s+me\s+with)\s+(?:out\s+)?(?:a\s+|his\s+|her\s+|their\s+|the\s+)?(?:knife|gun|blade|machete|weapon|shank|hammer|bat)\b
          | \b(?:going\s+to|gonna|gna|will|'ll|said\s+(?:he|she|they)(?:'?d|'?ll|\s+would|\s+will)|threaten(?:ed|ing|s)\s+to|coming\s+to|comin\s+to|want\s+to|wants\s+to|is\s+going\s+to|are\s+going\s+to)\s+(?:hurt|kill|stab|shoot|beat|batter|rape|attack|slash|shank|merk|do)\s+(?:me|us)\b(?!\s+(?:a\s+favour|good|proud))
          | \b(?:going\s+to|gonna|coming\s+to)\s+(?:get|jump|find)\s+me\s+(?:tonight|today|later|now|after\s+school|when)\b
          | \b(?:in\s+danger|not\s+safe)\s+(?:right\s+)?now\b | \bi'?m\s+in\s+danger\b | \b(?:i\s+am|im)\s+in\s+danger\b
          | \b(?:help\s+me|please\s+help|need\s+help)\s+(?:now|right\s+now|asap|quick|quickly|urgently)\b | \bplease\s+(?:someone\s+)?help\s+me\b
          | \b(?:he|she|they|someone|dad)(?:'?s|'?re|\s+is|\s+are)\s+(?:outside|at\s+the\s+door|banging\s+on\s+the\s+door|trying\s+to\s+get\s+in|coming\s+(?:for|to\s+get)\s+me)\b | \btrying\s+to\s+(?:get|break)\s+in(?:to)?\s+(?:my|the|our)\b
          | \b(?:scared|fear|afraid)\s+for\s+my\s+life\b
          | \b(?:i\s+)?(?:got|been|was|get)\s+(?:stabbed|shot|jumped|attacked|beaten\s+up|mugged|raped)\b
          | \b(?:hiding|locked\s+" + Self + @")\s+in\s+(?:my|the|a)\s+(?:room|bathroom|toilet|cupboard|wardrobe)\b
          | \bjestem\s+w\s+niebezpiecze(?:ń|n)stwie\b | \bkto(?:ś|s)\s+mnie\s+(?:ś|s)ledzi\b | \bma\s+n(?:ó|o)(?:ż|z)\b
          | \bmujhe\s+(?:maar|mar)\s+(?:de|daal)(?:ga|gi|nge|enge)\b | \bkhatre\s+(?:mein|me|mai)\b
        )",
        Options)]
    internal static partial Regex Disclosure();

    /// <summary>Bare topic words: a concern only with a personal anchor and outside awareness or process talk.</summary>
    [GeneratedRegex(
        @"(?<sh>\bself[\s-]?harm\w*|\bsuicid(?:e|al)\b|\bcutting\b)
        |(?<an>\b(?:abuse|abused|abusive|neglect|neglected|neglecting|rape|raped)\b)
        |(?<da>\bdomestic\s+(?:abuse|violence)\b|\bdv\b)
        |(?<ex>\bgroom(?:ed|ing)\b|\bexploit(?:ed|ing|ation)\b|\bcounty\s+lines?\b|\bnudes\b|\bsexting\b|\bcs[ae]\b|\bcce\b|\btraffick\w*|\bgo(?:ing|es|ne)?\s+missing\b)
        |(?<id>\bknife\b|\bweapon\b|\bdanger\b)",
        Options)]
    internal static partial Regex Topic();

    /// <summary>Awareness, education, service and process talk: "we talked about", "training on", "support groups", "thresholds".</summary>
    [GeneratedRegex(
        @"\b(?:training|trained|course|courses|workshop|workshops|sessions?|talked\s+about|talk\s+about|talking\s+about|talks\s+about|discuss(?:ed|ion|ing)?|learn(?:t|ed|ing)?\s+about|lessons?|assembly|assemblies|awareness|campaign|posters?|leaflets?|information|info|support\s+groups?|groups?|services?|charity|charities|thresholds?|process|processes|procedures?|policy|policies|referrals?|pathway|mash|strategy\s+meetings?|multi[\s-]agency|news|crime|crimes|statistics|rates?|topics?|understand(?:ing)?|more\s+about|how\s+to\s+(?:spot|recognise|recognize|respond|deal|help|support|keep)|signs\s+of|risks?\s+of|dangers\s+of|educat\w+|teach\w*|taught|aware|protocols?|guidance|framework|staff|colleagues|professionals|practitioners|agencies|partners|in\s+(?:our|the|my)\s+(?:area|community|city|town)|websites?|apps?|helpline|great|helpful|useful|brilliant|amazing|good\s+(?:support|work)|should\s+(?:be|talk|teach|learn)|more\s+(?:help|support))\b",
        Options)]
    internal static partial Regex Awareness();

    /// <summary>Words that tie a topic to a real person: the writer, a friend, a named or described child.</summary>
    [GeneratedRegex(
        @"\b(?:i|i'?m|im|i'?ve|ive|me|my|myself|mine|we|us|our|he|she|him|her|his|they|them|their|friend|mate|brother|sister|cousin|someone|somebody|child|young\s+person|yp|girl|boy|pupil|student|son|daughter)\b|\[name\]",
        Options)]
    internal static partial Regex PersonalAnchor();

    /// <summary>A practitioner describing a specific child, not process: "a girl on my caseload", "this young person", "disclosed".</summary>
    [GeneratedRegex(
        @"\b(?:caseload|case\s+load|disclosed|disclosure\s+(?:from|by)|one\s+of\s+(?:my|our)\s+(?:young\s+people|children|kids|pupils|students|families|cases)|(?:a|one|this|the)\s+(?:young\s+person|child|girl|boy|pupil|student|teenager|yp|lad|young\s+man|young\s+woman|family|mum|dad)\s+(?:i|we|on|in|who|that|told|said|has|is|was|came|in\s+my)|i'?m\s+(?:worried|concerned)\s+(?:about|that)\s+(?:a|one|this|him|her)|currently|right\s+now|this\s+week|today|last\s+night|he\s+(?:is|has|was|told|said)|she\s+(?:is|has|was|told|said))\b|\[name\]",
        Options)]
    internal static partial Regex SpecificChild();

    /// <summary>A subject that makes "hit me"/"hurts me" a feeling, not an assault: "it hit me", "that hurts me".</summary>
    [GeneratedRegex(@"\b(?:it|that|this|what|which|reality|ball|truth|wave|thought|idea|song|film|words?|comment)\s+(?:really\s+|just\s+|kind\s+of\s+|kinda\s+)?$", Options)]
    internal static partial Regex FigurativeSubject();

    /// <summary>A negation just before a harm phrase: "my dad never hits me", "he doesn't hurt me".</summary>
    [GeneratedRegex(@"(?:\b(?:never|not|doesn'?t|doesnt|does\s+not|didn'?t|didnt|did\s+not|don'?t|dont|wouldn'?t|wouldnt|won'?t|wont|no\s+one|nobody|noone)\s+(?:\w+\s+)?)$", Options)]
    internal static partial Regex NegatedBefore();
}
