using System.Runtime.CompilerServices;

namespace FeedbackCollector.Analysis.Text;

/// <summary>
/// Built-in data for normalising real writing: text-speak, frequent misspellings that are more than one edit away
/// (one-edit slips are caught by <see cref="SpellCorrector"/>), and emoji. Keys are lower case, without apostrophes.
/// </summary>
internal static class NormalizationData
{
    /// <summary>
    /// This class's field initialisers run once, at start-up: compiled without optimisation (MinOpts), the
    /// JIT takes a fraction of the time a full optimisation of this long straight-line method takes (the CLI turns
    /// quick JIT off, so it would otherwise be fully optimised). See docs/analyzer.md, branch s12-speed.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoOptimization)]
    static NormalizationData()
    {
    }

    /// <summary>Whole-word replacements. A value may be several words ("idk" becomes "i dont know").</summary>
    public static readonly (string From, string To)[] Replacements =
    [
        // Text-speak and chat abbreviations.
        ("idk", "i dont know"), ("idc", "i dont care"), ("idek", "i dont even know"), ("dunno", "dont know"), ("duno", "dont know"),
        ("ik", "i know"), ("tbh", "to be honest"), ("tbf", "to be fair"), ("ngl", "not gonna lie"), ("imo", "in my opinion"),
        ("imho", "in my opinion"), ("smh", "shaking my head"), ("fr", "for real"), ("frfr", "for real"), ("istg", "i swear"),
        ("ppl", "people"), ("peeps", "people"), ("ppls", "people"), ("cuz", "because"), ("coz", "because"), ("cos", "because"),
        ("cus", "because"), ("cause", "because"), ("bc", "because"), ("bcoz", "because"), ("bcos", "because"), ("bcz", "because"),
        ("becuz", "because"), ("becoz", "because"), ("becos", "because"), ("bcuz", "because"), ("b4", "before"),
        ("u", "you"), ("ya", "you"), ("yu", "you"), ("ur", "your"), ("yr", "your"), ("youre", "you are"), ("ure", "you are"),
        ("r", "are"), ("n", "and"), ("nd", "and"), ("y", "why"), ("wen", "when"), ("wn", "when"), ("wat", "what"),
        ("wot", "what"), ("wht", "what"), ("wut", "what"), ("wuz", "was"), ("woz", "was"), ("wer", "were"), ("dat", "that"),
        ("dis", "this"), ("dey", "they"), ("dem", "them"), ("tha", "the"), ("wiv", "with"), ("wit", "with"),
        ("w", "with"), ("wid", "with"), ("abt", "about"), ("bout", "about"), ("thru", "through"), ("tho", "though"),
        ("altho", "although"), ("rn", "right now"), ("atm", "at the moment"), ("asap", "as soon as possible"),
        ("pls", "please"), ("plz", "please"), ("plez", "please"), ("plss", "please"), ("thx", "thanks"), ("thnx", "thanks"),
        ("thnks", "thanks"), ("thanx", "thanks"), ("tnx", "thanks"), ("ty", "thank you"), ("tyvm", "thank you very much"),
        ("tysm", "thank you so much"), ("thankyou", "thank you"), ("thanku", "thank you"), ("fanks", "thanks"),
        ("gr8", "great"), ("gud", "good"), ("gd", "good"), ("luv", "love"), ("lv", "love"), ("h8", "hate"), ("l8", "late"),
        ("l8r", "later"), ("m8", "mate"), ("m8s", "mates"), ("2day", "today"), ("2moro", "tomorrow"), ("2morrow", "tomorrow"),
        ("tmrw", "tomorrow"), ("tmr", "tomorrow"), ("2nite", "tonight"), ("4get", "forget"),
        ("some1", "someone"), ("sum1", "someone"), ("no1", "no one"), ("noone", "no one"), ("any1", "anyone"),
        ("every1", "everyone"), ("evry1", "everyone"), ("evry", "every"), ("nothin", "nothing"), ("nuthin", "nothing"),
        ("nuffin", "nothing"), ("sumthin", "something"), ("somethin", "something"), ("sumfin", "something"),
        ("anythin", "anything"), ("everythin", "everything"), ("nobdy", "nobody"), ("nobodys", "nobody"),
        ("dont", "dont"), ("dnt", "dont"), ("don", "dont"), ("doesnt", "doesnt"), ("dosnt", "doesnt"), ("dosent", "doesnt"),
        ("doesent", "doesnt"), ("didnt", "didnt"), ("didint", "didnt"), ("didn", "didnt"), ("dint", "didnt"), ("ddnt", "didnt"),
        ("cant", "cant"), ("cnt", "cant"), ("carnt", "cant"), ("wont", "wont"), ("wnt", "wont"), ("isnt", "isnt"),
        ("wasnt", "wasnt"), ("wasent", "wasnt"), ("wernt", "werent"), ("werent", "werent"), ("arent", "arent"),
        ("aint", "aint"), ("havent", "havent"), ("hasnt", "hasnt"), ("hadnt", "hadnt"), ("couldnt", "couldnt"),
        ("cudnt", "couldnt"), ("wouldnt", "wouldnt"), ("wudnt", "wouldnt"), ("shouldnt", "shouldnt"),
        ("shudnt", "shouldnt"), ("nt", "not"), ("nvr", "never"), ("neva", "never"), ("nevr", "never"),
        ("im", "i am"), ("ive", "i have"), ("iv", "i have"),
        ("gonna", "going to"), ("gunna", "going to"), ("wanna", "want to"), ("wana", "want to"), ("gotta", "got to"),
        ("kinda", "kind of"), ("sorta", "sort of"), ("lotta", "lot of"), ("outta", "out of"), ("dunno", "dont know"),
        ("yeah", "yes"), ("yea", "yes"), ("yh", "yes"), ("ye", "yes"), ("yep", "yes"), ("yup", "yes"), ("ya", "you"),
        ("nah", "no"), ("nope", "no"), ("naw", "no"), ("ok", "ok"), ("okay", "ok"), ("k", "ok"), ("kk", "ok"), ("okk", "ok"),
        ("cud", "could"), ("cld", "could"), ("wud", "would"), ("wld", "would"), ("shud", "should"), ("shld", "should"),
        ("av", "have"), ("ave", "have"), ("hav", "have"), ("giv", "give"), ("tel", "tell"), ("sed", "said"), ("sez", "says"),
        ("sayin", "saying"), ("goin", "going"), ("doin", "doing"), ("nothin", "nothing"), ("talkin", "talking"),
        ("listenin", "listening"), ("waitin", "waiting"), ("helpin", "helping"), ("tryin", "trying"), ("feelin", "feeling"),
        ("gettin", "getting"), ("lookin", "looking"), ("comin", "coming"), ("bein", "being"), ("askin", "asking"),
        ("rly", "really"), ("rlly", "really"), ("rele", "really"), ("reli", "really"), ("v", "very"), ("vv", "very"),
        ("def", "definitely"), ("defo", "definitely"), ("deffo", "definitely"), ("prob", "probably"), ("probs", "probably"),
        ("prolly", "probably"), ("obvs", "obviously"), ("obv", "obviously"), ("soz", "sorry"), ("sry", "sorry"),
        ("srry", "sorry"), ("sorz", "sorry"), ("nvm", "never mind"), ("btw", "by the way"), ("omg", "oh my god"),
        ("omfg", "oh my god"), ("lol", "lol"), ("lmao", "lol"), ("lmfao", "lol"), ("rofl", "lol"), ("haha", "haha"),
        ("hahaha", "haha"), ("xd", "haha"), ("wtf", "wtf"), ("ffs", "ffs"), ("fml", "fml"), ("stfu", "shut up"),
        ("bf", "boyfriend"), ("gf", "girlfriend"), ("bff", "best friend"), ("bestie", "best friend"), ("fam", "family"),
        ("mam", "mum"), ("mom", "mum"), ("mommy", "mum"), ("mummy", "mum"), ("ma", "mum"), ("mams", "mums"), ("moms", "mums"),
        ("bro", "brother"), ("bruv", "brother"), ("sis", "sister"), ("nan", "nan"), ("nana", "nan"), ("grandad", "grandad"),
        ("txt", "text"), ("txts", "texts"), ("txted", "texted"), ("msg", "message"), ("msgs", "messages"), ("fone", "phone"),
        ("phn", "phone"), ("insta", "instagram"), ("ig", "instagram"), ("yt", "youtube"), ("dm", "message"), ("dms", "messages"), ("pic", "picture"), ("pics", "pictures"),
        ("skool", "school"), ("skl", "school"), ("skul", "school"), ("skewl", "school"), ("scool", "school"),
        ("shcool", "school"), ("schl", "school"), ("sch", "school"), ("hw", "homework"), ("teachr", "teacher"),
        ("techer", "teacher"), ("sw", "social worker"), ("sws", "social workers"), ("swer", "social worker"), ("socialworker", "social worker"),
        ("socialworkers", "social workers"), ("socail", "social"), ("socal", "social"), ("sosial", "social"),
        ("soshal", "social"), ("socila", "social"), ("sociel", "social"), ("worke", "worker"), ("wroker", "worker"),
        ("wokrer", "worker"), ("workr", "worker"), ("wrker", "worker"), ("becuase", "because"), ("becasue", "because"),
        ("beacuse", "because"), ("becouse", "because"), ("becaus", "because"), ("becuse", "because"), ("bcause", "because"),
        ("realy", "really"), ("relly", "really"), ("reallly", "really"), ("freinds", "friends"), ("freind", "friend"),
        ("frends", "friends"), ("frend", "friend"), ("frens", "friends"), ("fren", "friend"), ("mates", "mates"),
        ("councelling", "counselling"), ("counceling", "counselling"), ("counseling", "counselling"),
        ("councilling", "counselling"), ("conselling", "counselling"), ("councling", "counselling"),
        ("councellor", "counsellor"), ("councelor", "counsellor"), ("counselor", "counsellor"), ("councillor", "counsellor"),
        ("consellor", "counsellor"), ("anxeity", "anxiety"), ("anxity", "anxiety"), ("anxiaty", "anxiety"),
        ("anxiousness", "anxiety"), ("anxitey", "anxiety"), ("anixety", "anxiety"), ("axiety", "anxiety"),
        ("anxoius", "anxious"), ("anxous", "anxious"), ("anxios", "anxious"), ("depresion", "depression"),
        ("depressoin", "depression"), ("depresed", "depressed"), ("depresssed", "depressed"), ("sucide", "suicide"),
        ("suicde", "suicide"), ("sucidal", "suicidal"), ("suicidle", "suicidal"), ("selfharm", "self harm"),
        ("selfharming", "self harming"), ("bulied", "bullied"), ("bullyed", "bullied"), ("bulleyed", "bullied"),
        ("bulling", "bullying"), ("buling", "bullying"), ("bulying", "bullying"), ("bullyin", "bullying"),
        ("bulliying", "bullying"), ("bullys", "bullies"), ("bulys", "bullies"), ("bulled", "bullied"),
        ("lisen", "listen"), ("lissen", "listen"), ("listn", "listen"), ("lisson", "listen"), ("listend", "listened"),
        ("lisend", "listened"), ("lisened", "listened"), ("listning", "listening"), ("lisening", "listening"),
        ("lissening", "listening"), ("listerning", "listening"), ("somone", "someone"), ("sumone", "someone"),
        ("sombody", "somebody"), ("dissapointed", "disappointed"), ("disapointed", "disappointed"),
        ("dissappointed", "disappointed"), ("dissapointing", "disappointing"), ("disapointing", "disappointing"),
        ("apointment", "appointment"), ("appointmant", "appointment"), ("apointments", "appointments"),
        ("appoinment", "appointment"), ("appt", "appointment"), ("appts", "appointments"), ("waitting", "waiting"),
        ("wating", "waiting"), ("waitng", "waiting"), ("wiating", "waiting"), ("untill", "until"), ("til", "until"),
        ("till", "until"), ("definately", "definitely"), ("definetly", "definitely"), ("defintely", "definitely"),
        ("tommorow", "tomorrow"), ("tomorow", "tomorrow"), ("wierd", "weird"), ("beleive", "believe"), ("belive", "believe"),
        ("recieve", "receive"), ("recieved", "received"), ("truely", "truly"), ("familly", "family"), ("famly", "family"),
        ("seperate", "separate"), ("seperated", "separated"), ("comunication", "communication"),
        ("communcation", "communication"), ("comunicate", "communicate"), ("confidentality", "confidentiality"),
        ("confidentiallity", "confidentiality"), ("confidentialty", "confidentiality"), ("confidencial", "confidential"),
        ("privicy", "privacy"), ("privasy", "privacy"), ("goverment", "government"), ("neighbor", "neighbour"),
        ("neighbors", "neighbours"), ("neighbourhood", "neighbourhood"), ("neighborhood", "neighbourhood"),
        ("behavior", "behaviour"), ("behaviors", "behaviours"), ("theripist", "therapist"), ("therapyst", "therapist"),
        ("mentaly", "mentally"), ("mentel", "mental"), ("mentle", "mental"), ("helth", "health"), ("heath", "health"),
        ("stratergy", "strategy"), ("assesment", "assessment"), ("assessmant", "assessment"), ("asessment", "assessment"),
        ("proffesional", "professional"), ("profesional", "professional"), ("proffessional", "professional"),
        ("proffesionals", "professionals"), ("profesionals", "professionals"), ("proffessionals", "professionals"),
        ("accomodation", "accommodation"), ("acommodation", "accommodation"), ("exlcusion", "exclusion"),
        ("exclution", "exclusion"), ("excluded", "excluded"), ("exculded", "excluded"), ("temporay", "temporary"),
        ("placment", "placement"), ("plasement", "placement"), ("placemnt", "placement"), ("fostor", "foster"),
        ("forster", "foster"), ("carers", "carers"), ("guardien", "guardian"), ("opertunity", "opportunity"),
        ("oppertunity", "opportunity"), ("oportunity", "opportunity"), ("activites", "activities"),
        ("activitys", "activities"), ("actvities", "activities"), ("acitivities", "activities"), ("clubes", "clubs"),
        ("yoof", "youth"), ("cuncil", "council"), ("counsil", "council"), ("councel", "council"),
        ("polise", "police"), ("pollice", "police"), ("poilce", "police"), ("feds", "police"), ("5-0", "police"), ("garentee", "guarantee"), ("embarrased", "embarrassed"), ("embarassed", "embarrassed"),
        ("embarased", "embarrassed"), ("frustated", "frustrated"), ("fustrated", "frustrated"), ("frustarted", "frustrated"),
        ("fustrating", "frustrating"), ("frustating", "frustrating"), ("dissmissed", "dismissed"), ("ignord", "ignored"),
        ("ignorded", "ignored"), ("judgemental", "judgemental"), ("judgmental", "judgemental"), ("judgment", "judgement"),
        ("unsafe", "unsafe"), ("saftey", "safety"), ("safty", "safety"), ("secure", "secure"), ("gangs", "gangs"),
        ("drugz", "drugs"), ("alchohol", "alcohol"), ("alcohal", "alcohol"), ("alchol", "alcohol"), ("alkohol", "alcohol"),
        ("cyberbullying", "cyber bullying"), ("cyberbullied", "cyber bullied"), ("homophobia", "homophobia"),
        ("transphobia", "transphobia"), ("lgbt", "lgbt"), ("lgbtq", "lgbt"), ("lgbtq+", "lgbt"), ("lgbtqia", "lgbt"),
        ("lgbtqia+", "lgbt"), ("lgbt+", "lgbt"), ("interpeter", "interpreter"), ("interperter", "interpreter"),
        ("interprter", "interpreter"), ("translater", "translator"), ("jargan", "jargon"), ("jargen", "jargon"),
        ("explaned", "explained"), ("explaind", "explained"), ("explane", "explain"), ("understan", "understand"),
        ("undastand", "understand"), ("understnd", "understand"), ("undrstand", "understand"), ("respons", "response"),
        ("reponse", "response"), ("responce", "response"), ("coordinated", "coordinated"), ("cordinated", "coordinated"),
        ("co-ordinated", "coordinated"), ("sencos", "sencos"), ("ehcps", "ehcp"), ("ehc", "ehc"), ("camhs", "camhs"),
        ("cahms", "camhs"), ("cahmhs", "camhs"), ("camhes", "camhs"), ("camh", "camhs"), ("cams", "camhs"),
        ("kams", "camhs"), ("camhs's", "camhs"), ("youthclub", "youth club"), ("youthclubs", "youth clubs"),
        ("carpark", "car park"), ("playpark", "play park"), ("skatepark", "skate park"), ("caseloads", "caseloads"),
        ("case-load", "caseload"), ("case-loads", "caseloads"), ("paperwork", "paperwork"), ("timetable", "timetable"),
        ("timetabel", "timetable"), ("parttime", "part time"), ("fulltime", "full time"), ("waitinglist", "waiting list"),
        ("waitlist", "waiting list"), ("wait-list", "waiting list"), ("mh", "mental health"), ("mentalhealth", "mental health"),
        ("pshe", "pshe"), ("gp", "gp"), ("a&e", "a and e"),
    ];

    /// <summary>Emoji (first code point) and their sentiment valence, -3 (very negative) to +3 (very positive).</summary>
    public static readonly (int CodePoint, float Valence)[] Emoji =
    [
        (0x1F621, -3f), (0x1F92C, -3f), (0x1F620, -2.5f), (0x1F622, -2f), (0x1F62D, -2.5f), (0x1F61E, -2f), (0x1F614, -2f),
        (0x2639, -2f), (0x1F641, -1.5f), (0x1F615, -1f), (0x1F629, -2f), (0x1F62B, -2f), (0x1F624, -2f), (0x1F494, -2.5f),
        (0x1F44E, -2f), (0x1F612, -1.5f), (0x1F644, -1.5f), (0x1F62A, -1.5f), (0x1F630, -2f), (0x1F628, -2f),
        (0x1F631, -2f), (0x1F616, -2f), (0x1F623, -2f), (0x1F613, -1.5f), (0x1F92E, -2.5f), (0x1F4A9, -2f),
        (0x1F625, -1.5f), (0x1F61F, -1.5f), (0x1F61F, -1.5f), (0x1F97A, -1f), (0x1F62C, -0.5f), (0x1F633, -0.5f),
        (0x1F480, -0.5f), (0x1F910, -0.5f), (0x1F637, -0.5f), (0x1F922, -2f), (0x1F494, -2.5f), (0x1F62E, -0.5f),
        (0x1F44D, 2f), (0x1F44F, 2f), (0x1F64C, 2f), (0x2764, 2.5f), (0x1F495, 2f), (0x1F496, 2f), (0x1F497, 2f),
        (0x1F499, 2f), (0x1F49A, 2f), (0x1F49B, 2f), (0x1F49C, 2f), (0x1F9E1, 2f), (0x1F90D, 2f), (0x1F49D, 2f),
        (0x1F49E, 2f), (0x1F493, 2f), (0x1F60D, 3f), (0x1F970, 3f), (0x1F60A, 2f), (0x1F642, 1.5f), (0x1F600, 2f),
        (0x1F603, 2f), (0x1F604, 2f), (0x1F601, 2f), (0x1F606, 1.5f), (0x1F602, 1f), (0x1F923, 1f), (0x1F609, 1f),
        (0x263A, 2f), (0x1F917, 2f), (0x1F973, 2.5f), (0x1F389, 2f), (0x2B50, 2f), (0x1F31F, 2f), (0x2728, 1f),
        (0x1F4AF, 2f), (0x1F64F, 1.5f), (0x1F44C, 1.5f), (0x2705, 1f), (0x1F60E, 1.5f), (0x1F618, 2f), (0x1F607, 1.5f),
        (0x1F929, 2.5f), (0x1F44B, 0.5f), (0x1F4AA, 1.5f), (0x1F3C6, 2f), (0x1F308, 1f), (0x1F60C, 1f), (0x1F643, -0.5f),
        (0x1F610, 0f), (0x1F611, -0.5f), (0x1F636, 0f), (0x1F914, 0f), (0x1F937, 0f), (0x1F926, -1f), (0x1F62F, -0.5f),
        (0x1F635, -1f), (0x1F974, -0.5f), (0x1F620, -2.5f), (0x1F47F, -2.5f), (0x1F595, -2.5f), (0x1F4A2, -2f),
        (0x274C, -1.5f), (0x1F6AB, -1.5f), (0x26A0, -0.5f),
    ];

    /// <summary>ASCII emoticons and their valence.</summary>
    public static readonly (string Text, float Valence)[] Emoticons =
    [
        (":)", 1.5f), (":-)", 1.5f), ("(:", 1.5f), (":D", 2f), (":-D", 2f), (";)", 1f), (";-)", 1f), (":P", 1f), (":p", 1f),
        ("<3", 2.5f), (":(", -2f), (":-(", -2f), ("):", -2f), (":'(", -2.5f), (":/", -1f), (":-/", -1f), (":|", -0.5f),
        (">:(", -2.5f), ("</3", -2.5f), (":@", -2.5f), ("D:", -2f),
    ];
}
