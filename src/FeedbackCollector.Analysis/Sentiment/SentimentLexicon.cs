using System.Runtime.CompilerServices;

namespace FeedbackCollector.Analysis.Sentiment;

/// <summary>
/// The built-in sentiment lexicon, written for feedback about children's services. Valence runs from -3 to +3.
/// An entry is a word, a stem (<c>frustrat*</c>) or a multi-word phrase; phrases win over the words inside them.
/// Words are in normalised form (lower case, no apostrophes: <c>dont</c>).
/// </summary>
internal static class SentimentLexicon
{
    /// <summary>
    /// This class's field initialisers run once, at start-up: compiled without optimisation (MinOpts), the
    /// JIT takes a fraction of the time a full optimisation of this long straight-line method takes (the CLI turns
    /// quick JIT off, so it would otherwise be fully optimised). See docs/analyzer.md, branch s12-speed.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoOptimization)]
    static SentimentLexicon()
    {
    }

    /// <summary>Words and stems with valence.</summary>
    public static readonly (string Pattern, float Valence)[] Words =
    [
        // Positive: service-related verbs that become complaints when negated ("never listen", "didnt help").
        ("listen*", 1.2f), ("heard", 0.8f), ("help", 1.2f), ("helps", 1.2f), ("helped", 1.6f), ("helping", 1.2f),
        ("helpful", 2f), ("support", 1f), ("supports", 1f), ("supported", 1.8f), ("supporting", 1f), ("supportive", 2f),
        ("care", 0.8f), ("cares", 1.2f), ("cared", 1.2f), ("caring", 2f), ("understand", 1f), ("understands", 1.3f),
        ("understood", 1.5f), ("understanding", 1.5f), ("explain*", 0.8f), ("respect*", 1.5f), ("trust", 1f),
        ("trusted", 1.5f), ("believe*", 0.8f), ("believed", 1.2f), ("included", 1.2f), ("involved", 0.6f),
        ("kept", 0.5f), ("safe", 1.2f), ("safer", 1.5f), ("welcom*", 1.8f), ("comfortable", 1.5f), ("reliable", 1.8f),
        ("responsive", 1.8f), ("approachable", 2f), ("available", 0.8f), ("consistent", 1.2f), ("clear", 0.8f),
        ("honest", 1.5f), ("open", 0.4f), ("patient", 1.5f), ("fair", 1.2f), ("calm", 0.8f), ("prompt", 1.2f),
        ("quick*", 0.8f), ("fast", 0.8f), ("better", 1.3f), ("improv*", 1.3f), ("progress", 1f), ("happy", 2f),
        ("happier", 2f), ("glad", 2f), ("pleased", 2f), ("relieved", 1.8f), ("confident", 1.5f), ("hopeful", 1.5f),
        ("proud", 2f), ("enjoy*", 2f), ("fun", 1.8f), ("liked", 1.2f), ("likes", 0.5f), ("love", 2.5f),
        ("loved", 2.5f), ("loves", 2.5f), ("lovely", 2.5f), ("good", 1.8f), ("great", 2.5f), ("nice", 1.8f), ("kind", 1.8f),
        ("kindness", 2f), ("brilliant", 3f), ("amazing", 3f), ("amazin", 3f), ("awesome", 3f), ("excellent", 3f),
        ("fantastic", 3f), ("wonderful", 3f), ("outstanding", 3f), ("superb", 3f), ("perfect", 2.5f), ("incredible", 3f),
        ("fab", 2.5f), ("fabulous", 3f), ("ace", 2f), ("lush", 2f), ("mint", 1.5f), ("sound", 1.2f), ("cool", 1.5f),
        ("decent", 1.2f), ("solid", 1f), ("best", 2.5f), ("star", 2f), ("legend", 2.5f), ("hero", 2.5f), ("gem", 2.5f),
        ("thank*", 2.2f), ("grateful", 2.5f), ("gratitude", 2.5f), ("appreciat*", 2.2f), ("recommend*", 2f),
        ("lifesaver", 3f), ("lifeline", 2.5f), ("invaluable", 3f), ("useful", 1.8f), ("worthwhile", 2f),
        ("positive", 1.5f), ("effective", 1.5f), ("efficient", 1.5f), ("dedicated", 2f), ("committed", 1.5f),
        ("compassion*", 2f), ("empath*", 1.5f), ("warm", 1.5f), ("friendly", 2f), ("polite", 1.5f), ("professional", 1f),
        ("knowledgeable", 1.5f), ("encourag*", 1.5f), ("reassur*", 1.8f), ("valued", 1.8f), ("empower*", 2f),
        ("smile*", 1.5f), ("laugh*", 1.2f), ("lol", 1f), ("haha", 1f), ("yay", 2f), ("wow", 1.5f), ("success*", 2f),
        ("resolved", 1.5f), ("sorted", 1.5f), ("easy", 1f), ("easier", 1.3f), ("well", 0.3f), ("ok", 0.3f), ("fine", 0.5f),
        ("alright", 0.5f), ("benefit*", 1.3f), ("difference", 0.3f), ("stable", 1f), ("settled", 1.2f), ("heal*", 1f),
        ("flexible", 1.2f), ("accessible", 1f), ("excited", 2f), ("exciting", 2f), ("win", 1.5f), ("wins", 1.5f),
        ("fair", 1.2f), ("praise", 1.5f), ("impressed", 2.2f), ("impressive", 2.2f), ("thorough", 1.5f),
        ("transformed", 2f), ("turned", 0f),

        // Negative.
        ("late", -1f), ("slow", -1.5f), ("delay*", -1.5f), ("cancel*", -1.2f), ("refused", -1.8f), ("denied", -1.8f), ("lack*", -1.2f), ("jargon", -1f), ("bureaucra*", -1.5f),
        ("bad", -2f), ("worse", -2.2f), ("worst", -3f), ("terrible", -3f), ("awful", -3f), ("horrible", -3f),
        ("horrendous", -3f), ("appalling", -3f), ("disgrac*", -3f), ("disgust*", -3f), ("shocking", -2.5f),
        ("dreadful", -3f), ("atrocious", -3f), ("abysmal", -3f), ("pathetic", -2.8f), ("useless", -2.8f),
        ("rubbish", -2.5f), ("crap", -2.5f), ("crappy", -2.5f), ("shit", -2.5f), ("shite", -2.5f), ("shitty", -2.5f),
        ("sucks", -2.5f), ("suck", -2f), ("poor", -2f), ("poorly", -2f), ("hopeless", -2.8f), ("incompetent", -2.8f),
        ("unprofessional", -2.5f), ("rude", -2.5f), ("disrespect*", -2.5f), ("dismiss*", -2.2f), ("ignor*", -2.2f),
        ("fail*", -2f), ("letdown", -2f), ("disappoint*", -2.2f),
        ("frustrat*", -2.2f), ("annoy*", -2f), ("irritat*", -1.8f), ("angry", -2.5f), ("anger", -2.2f), ("furious", -3f),
        ("livid", -3f), ("fuming", -2.8f), ("mad", -1.8f), ("sadness", -2f),
        ("unhappy", -2.2f), ("miserable", -2.5f),         ("scary", -2f),
                        ("hurtful", -2.2f),         ("hate", -2.8f), ("hated", -2.8f), ("hates", -2.8f), ("hating", -2.5f),
        ("dislike*", -1.8f), ("unfair", -2.2f), ("unsupported", -2.2f), ("unheard", -2.2f),
        ("unhelpful", -2.5f), ("uncaring", -2.5f), ("unreliable", -2.2f), ("unacceptable", -2.8f), ("inadequate", -2.2f),
        ("inconsistent", -1.8f), ("confus*", -1.5f), ("complicated", -1.2f),                 ("complain*", -1.5f), ("complaint*", -1.5f), ("mess", -1.8f), ("messed", -2f), ("chaos", -2f), ("chaotic", -2f),
        ("wrong", -1.8f), ("mistake*", -1.5f),
        ("blame*", -1.8f), ("judged", -2f), ("judg*", -1.2f), ("judgemental", -2.2f), ("patronis*", -2.2f),
        ("condescend*", -2.2f), ("lied", -2.5f), ("lie", -1.8f), ("lies", -2.2f), ("lying", -2.2f), ("liar*", -2.5f),
        ("betray*", -2.5f), ("ashamed", -2f), ("shame", -1.8f), ("embarrass*", -1.8f), ("humiliat*", -2.5f),
                ("joke", -1.5f), ("farce", -2.5f),
        ("shambles", -2.8f), ("waste", -2f), ("wasted", -2.2f), ("pointless", -2.5f), ("worthless", -2.8f),
        ("helpless", -2.2f), ("powerless", -2.2f), ("desperate", -2.2f),
        ("hopelessly", -2.2f), ("broken", -1.8f), ("dire", -2.2f), ("cold", -0.8f), ("uncomfortable", -1.5f),
        ("awkward", -1.2f), ("insensitive", -2.2f), ("invasive", -1.8f), ("intrusive", -1.8f),         ("chase*", -1.2f),
        ("chasing", -1.5f), ("unanswered", -2f), ("gutted", -2.2f), ("fed", -0.5f), ("ugh", -1.5f),
        ("argh", -1.5f), ("ffs", -2.5f), ("wtf", -2.5f), ("fml", -2.5f), ("smh", -1.5f), ("meh", -0.8f),                                 ("horrid", -2.5f), ("nasty", -2.5f), ("mean", -0.5f), ("cruel", -2.8f), ("evil", -2.8f),
        ("toxic", -2.5f), ("damag*", -2f),         ("excuse*", -1.2f),
        ("avoid*", -1f), ("fobbed", -2.2f), ("brushed", -1.5f), ("passed", -0.2f), ("ridiculous", -2.5f),
        ("absurd", -2.2f), ("outrageous", -2.8f), ("unbelievable", -1.5f), ("insult*", -2.2f), ("offensive", -2.2f),
                ("unreachable", -2f), ("uncontactable", -2f), 
        ("afford", 0.6f), ("consent", 0.8f), ("lose", -1f), ("losing", -1f), ("still", -0.5f), ("anyway", -0.5f), ("angel", 2f), ("angels", 2f), ("thriv*", 2f), ("medal", 2f), ("deserve*", 1.2f),
        ("clearer", 1.2f), ("improvement", 1.5f), ("enjoyable", 2f), ("class", 0f), ("banging", 1.2f),
    ];

    /// <summary>
    /// Hard situations and topics told as facts ("he hits me", "waiting list", "anxiety"). In this feedback they are
    /// nearly always the writer's bad experience, so they count as negative; but next to clear praise they are the
    /// subject of the thanks, not a complaint, and count less (see <see cref="SentimentScorer"/>).
    /// </summary>
    public static readonly (string Pattern, float Valence)[] Situations =
    [
        ("anxious", -1.5f), ("anxiety", -0.8f), ("depress*", -1.2f), ("bully*", -1.2f), ("bullied", -1.8f),
        ("bullies", -1.5f), ("harass*", -2.2f), ("abus*", -2.2f), ("threat*", -2f), ("attack*", -2f),
        ("violen*", -2f), ("danger*", -1.8f), ("suicid*", -2f), ("traumati*", -2.2f), ("trauma", -1.8f),
        ("victim*", -1.2f), ("harm*", -1.5f), ("kill*", -2f), ("die", -2f), ("dead", -1.5f), ("sick", -1.2f),
        ("ill", -0.8f), ("lonely", -2f), ("alone", -1.2f), ("isolated", -2f), ("scared", -2f), ("afraid", -2f),
        ("frightened", -2.2f), ("terrified", -2.8f), ("fear*", -1.8f), ("worried", -1.5f), ("worry", -1.2f),
        ("worries", -1.2f), ("worrying", -1.5f), ("stress*", -1.8f), ("overwhelm*", -1.8f), ("tired", -1.2f),
        ("exhaust*", -1.8f), ("lost", -1.2f), ("hurt", -2f), ("hurts", -2f), ("pain*", -1.8f),
        ("cry*", -1.8f), ("cried", -2f), ("tears", -1.5f), ("problem", -1.2f), ("problems", -1.2f), ("issue", -0.8f),
        ("issues", -0.8f), ("difficult", -1.2f), ("hard", -0.8f), ("struggl*", -1.5f), ("excluded", -1.2f),
                ("stuck", -1.5f), ("trapped", -2.2f), ("sad", -2f), ("upset*", -2f), ("nightmare", -2.5f), ("neglect*", -2f),
        ("abandon*", -2.5f), ("rejected", -2f), ("shortage*", -1.2f), ("overstretched", -1.8f),
        ("stretched", -1.2f), ("burnout", -2f), ("burnt", -1.5f), ("unmanageable", -2.2f), ("impossible", -1.8f),
        ("scream*", -1.5f), ("shout*", -1.5f), ("racis*", -2.5f),
        ("homophob*", -2.5f), ("transphob*", -2.5f), ("biphob*", -2.5f), ("discriminat*", -2.2f), ("unsafe", -2.2f),
        ("bored", -1.5f), ("boring", -1.8f), ("nothing", -0.4f), ("nobody", -0.8f), ("never", -0.8f),
        ("nowhere", -1f), ("sorry", -0.4f), ("hit", -1.5f), ("hits", -1.8f), ("hitting", -1.8f), ("punch*", -1.8f),
        ("kick*", -1.5f), ("pushed", -1.5f), ("shove*", -1.5f), ("slap*", -1.8f), ("smash*", -1.8f),
        ("threw", -1.2f), ("strangl*", -2.5f), ("chok*", -2f), ("beat", -1.2f), ("beaten", -2f), ("batter*", -2f),
        ("stab*", -2.2f), ("knife", -1.2f), ("knives", -1.2f), ("weapon*", -1.5f), ("gun", -1.2f), ("guns", -1.2f),
        ("blood*", -1.2f), ("bruis*", -1.8f), ("injur*", -1.5f), ("burn", -1.2f), ("burns", -1.2f),
        ("burned", -1.2f), ("cut", -0.8f), ("cuts", -1f), ("cutting", -1.2f), ("scratch*", -1f), ("overdos*", -2f),
        ("starv*", -2f), ("hungry", -1.5f), ("forget*", -0.8f), ("forgot", -0.8f), ("forgotten", -1.2f),
        ("locks", -1.2f), ("locked", -1.2f), ("rape*", -2.8f), ("grope*", -2.5f), ("groom*", -2f), ("exploit*", -2f),
        ("trafficked", -2.5f), ("trafficking", -2.5f), ("dealer*", -1.5f), ("dealing", -1f), ("drug", -1f),
        ("drugs", -1.2f), ("weed", -0.8f), ("cannabis", -1f), ("blackmail*", -2.5f), ("stalk*", -2f),
        ("fake", -1.2f), ("missing", -1.2f), ("fight", -1.5f), ("fights", -1.5f), ("fighting", -1.5f),
        ("argue*", -1.2f), ("arguing", -1.2f), ("argument*", -1.2f), ("shut", -1f), ("shuts", -0.8f),
        ("closed", -0.8f), ("closing", -0.8f), ("boredom", -1.8f), ("dying", -1.5f), ("death", -1.5f), ("trap", -1f),
        ("tiny", -0.8f), ("expensive", -1.5f), ("unaffordable", -2f), ("costs", -0.5f), ("isolation", -1.2f),
        ("exclusion*", -1.2f), ("suspended", -1.2f), ("expelled", -1.8f), ("detention*", -1f), ("illegal", -2f),
        ("wish", -0.8f), ("cant", -0.4f), ("neither", -0.5f), ("only", -0.4f), ("reallocat*", -0.8f),
        ("caseload*", -0.8f), ("pressure*", -1f), ("vacanc*", -0.8f), ("turnover", -1f), ("duplicat*", -1f),
        ("paperwork", -0.8f), ("burden*", -1.5f), ("barrier*", -1.2f), ("gap", -0.8f), ("gaps", -1f),
        ("backlog*", -1.5f), ("threshold*", -0.8f), ("waiting", -0.5f), ("waited", -0.8f), ("wait", -0.4f),
        ("police", -0.3f), ("arrest*", -1.2f), ("crime", -1.2f), ("gang*", -1.2f), ("scar*", -1.5f),
        ("nightmares", -1.5f), ("cry", -1.8f), ("homeless*", -1.8f), ("evict*", -1.8f), ("damp", -1.2f),
        ("mould", -1.5f), ("overcrowd*", -1.5f), ("cramped", -1.5f), ("far", -0.3f), ("miles", -0.5f),
        ("moved", -0.3f), ("alcohol", -0.8f), ("drunk", -1.5f), ("drinks", -0.5f), ("vape*", -0.5f),
        ("vaping", -0.5f), ("racist", -2.2f), ("peak", -1f), ("long", -0.3f), ("longer", -0.3f), ("busy", -0.5f),
    ];

    /// <summary>Multi-word patterns: complaints and gratitude that single words miss.</summary>
    public static readonly (string Pattern, float Valence)[] Phrases =
    [
        // Complaints.
        ("still waiting", -2.2f), ("still wait*", -2f), ("still not", -1.5f), ("still no", -1.8f), ("still have not", -1.8f),
        ("still havent", -1.8f), ("still hasnt", -1.8f), ("still dont", -1.5f), ("still nothing", -2f),
        ("no one", -1.2f), ("not one", -1f), ("no body", -1f), ("nobody cares", -2.5f), ("no one cares", -2.5f),
        ("dont care", -2.2f), ("didnt care", -2.2f), ("doesnt care", -2.2f), ("couldnt care", -2.5f),
        ("waste of time", -2.8f), ("waste of space", -2.8f), ("let down", -2.2f), ("let me down", -2.2f),
        ("let us down", -2.2f), ("let them down", -2.2f), ("fobbed off", -2.5f), ("brushed off", -2.2f),
        ("pushed aside", -2.2f), ("swept under", -2.2f), ("fell through the cracks", -2.5f), ("slipped through", -2f),
        ("pillar to post", -2.2f), ("passed around", -2f), ("passed from", -1.5f), ("over and over", -1.5f),
        ("again and again", -1.5f), ("time and time again", -2f), ("same questions", -1.5f), ("same story", -1.2f),
        ("had enough", -2.2f), ("fed up", -2.2f), ("sick of", -2.2f), ("sick and tired", -2.5f), ("tired of", -2f),
        ("whats the point", -2.2f), ("no point", -2f), ("nothing changes", -2.2f), ("nothing changed", -2.2f),
        ("nothing has changed", -2.2f), ("nothing happened", -2f), ("nothing happens", -2f), ("nothing was done", -2.5f),
        ("nothing is done", -2.2f), ("nothing gets done", -2.2f), ("nothing to do", -1.5f), ("not bad enough", -2.2f),
        ("not serious enough", -2f), ("not ill enough", -2.2f), ("not sick enough", -2.2f), ("not unwell enough", -2.2f),
        ("doesnt meet the threshold", -2f), ("didnt meet the threshold", -2f), ("not meet the threshold", -2f),
        ("treated like a number", -2.5f), ("treated like a case", -2.2f), ("just a number", -2.2f), ("just a case", -2f),
        ("another case", -1.5f), ("never heard back", -2.5f), ("never got back", -2.5f), ("never called back", -2.5f),
        ("never rang back", -2.5f), ("never returned", -2.2f), ("no response", -2.2f), ("no reply", -2.2f),
        ("no answer", -2f), ("no help", -2.2f), ("no support", -2.2f), ("no communication", -2.2f), ("no contact", -1.5f),
        ("no idea", -1f), ("no clue", -1.2f), ("no one to talk to", -2.2f), ("nobody to talk to", -2.2f),
        ("nowhere to go", -2f), ("nothing for us", -2f), ("nothing for young people", -2f), ("kept in the dark", -2.2f),
        ("left in the dark", -2.2f), ("left out", -1.8f), ("left alone", -1.5f), ("left to cope", -2.2f),
        ("left to struggle", -2.5f), ("on my own", -1.2f), ("on our own", -1.2f), ("too long", -1.8f), ("took ages", -2f),
        ("takes ages", -2f), ("taking ages", -2f),         ("too late", -2f), ("too little", -1.8f),
        ("crisis point", -1.5f), ("at breaking point", -2.5f), ("breaking point", -2.2f), ("end of my tether", -2.5f),
        ("at my wits end", -2.5f), ("wits end", -2.5f), ("banging my head", -2.2f), ("talking to a brick wall", -2.5f),
        ("brick wall", -2f), ("not listened to", -2.2f), ("not taken seriously", -2.5f), ("didnt take seriously", -2.5f),
        ("dont take seriously", -2.5f), ("not believed", -2.2f), ("didnt believe", -2.2f), ("made to feel", -1f),
        ("feel judged", -2.2f), ("felt judged", -2.2f), ("tick box", -1.8f), ("tick boxes", -1.8f),
        ("box ticking", -1.8f), ("too many changes", -2f), ("so many social workers", -2f), ("keep changing", -1.8f),
        ("kept changing", -1.8f), ("keeps changing", -1.8f), ("always changing", -1.8f), ("had to chase", -2.2f),
        ("have to chase", -2.2f), ("had to fight", -2.2f), ("have to fight", -2.2f), ("had to push", -1.8f),
        ("all talk", -1.8f), ("no action", -2f), ("empty promises", -2.5f), ("broke their promise", -2.5f),
        ("broken promises", -2.5f), ("went behind my back", -2.5f), ("behind my back", -2.2f), ("not good enough", -2.2f),
        ("could be better", -1f), ("could do better", -1.2f), ("need to improve", -1f), ("needs to improve", -1f),
        ("room for improvement", -0.8f), ("not fit for purpose", -2.8f), ("rock bottom", -2.2f), ("cut off", -1.2f),
        ("shut down", -1f), ("closed down", -1.2f), ("no longer", -0.8f), ("not enough", -1.5f), ("more needs to", -1f),
        ("why does", -0.5f), ("why do", -0.5f), ("why dont", -1f), ("why cant", -1f), ("why is it", -0.8f),

        ("make fun", -2f), ("made fun", -2f), ("making fun", -2f), ("makes fun", -2f), ("not allowed", -1.5f),
        ("wasnt allowed", -1.5f), ("werent allowed", -1.5f), ("arent allowed", -1.5f), ("no notice", -1.5f),
        ("dont know", -0.6f), ("dont even know", -1.2f), ("didnt know", -0.6f), ("never happened", -1.5f),
        ("never turn* up", -2f), ("i miss", -1.2f), ("cant afford", -2f), ("costs money", -1f), ("too expensive", -2f),
                        ("told everyone", -1.5f), ("everyone knows", -1.5f), ("without asking", -1.5f),
        ("without my permission", -2f), ("without permission", -1.8f), ("too many", -1.2f), ("too much", -1f),
        ("too high", -1.5f), ("no time", -1.5f), ("time consuming", -1.2f),                 ("nothing to do", -1.8f),
                ("a pain", -1.5f), ("killing me", -1.5f), ("killing us", -1.5f), ("in progress", -0.3f),
        ("only once", -1f), ("only open", -1f), ("it takes", -0.3f), ("takes like", -0.8f), ("took weeks", -1.5f),
        ("took months", -1.8f), ("not always", -1f), ("not sure", -0.6f), ("made up their mind", -1.5f),
        ("made up there mind", -1.5f), ("already made up", -1.2f), ("different things", -0.8f), ("not followed through", -1.5f),

        ("keep saying", -1.2f), ("keeps saying", -1.2f), ("kept saying", -1f), ("then dont", -1.5f), ("then didnt", -1.5f),
        ("like i wasnt", -1.5f), ("like im not", -1.5f), ("like i am not", -1.5f), ("like i was not", -1.5f),
        ("only found out", -1.2f), ("dont even", -1f), ("didnt even", -1f), ("not even", -1f), ("wasnt even", -1f),
        ("dont bother", -1.2f), ("didnt bother", -1.5f), ("never bother*", -1.5f), ("get it right", -0.8f),
        ("far too", -1.5f), ("too early", -1f), ("not just", -0.6f), ("no worries", 1f), ("its now", -0.5f),
        ("again", -0.5f), ("anymore", -0.8f), ("any more", -0.6f),

        ("to be honest", 0f), ("to be fair", 0f), ("not gonna lie", 0f), ("in my opinion", 0f), ("oh my god", 0f),

        // Gratitude and praise.
        ("thank you", 2.5f), ("thanks so much", 3f), ("many thanks", 2.5f), ("big thank", 3f), ("huge thank", 3f),
        ("cant thank", 3f), ("cannot thank", 3f), ("couldnt thank", 3f), ("made a difference", 2.5f),
        ("made a real difference", 3f), ("made a huge difference", 3f), ("made a big difference", 3f),
        ("makes a difference", 2.2f), ("difference to my", 1.5f), ("couldnt have done it without", 3f),
        ("couldnt have asked for", 3f), ("cant fault", 3f), ("cannot fault", 3f), ("couldnt fault", 3f),
        ("nothing but praise", 3f), ("nothing but good", 2.5f), ("no complaints", 2f), ("not a problem", 1f),
        ("not bad", 1.2f), ("not too bad", 1f), ("no problem", 1f), ("no problems", 1f), ("above and beyond", 3f),
        ("beyond the call", 3f), ("life saver", 3f), ("saved my life", 3f), ("saved us", 2.5f), ("turned my life around", 3f),
        ("turned things around", 3f), ("turned it around", 2.5f), ("changed my life", 3f), ("so much better", 2.5f),
        ("much better", 2f), ("a lot better", 2f), ("feel better", 2f), ("feel safe", 2f), ("felt safe", 2f),
        ("feel heard", 2.5f), ("felt heard", 2.5f), ("felt listened to", 2.5f), ("feel listened to", 2.5f),
        ("keep up the good work", 2.8f), ("well done", 2.5f), ("good job", 2.5f), ("great job", 2.8f),
        ("top notch", 2.8f), ("second to none", 3f), ("really helped", 2.5f), ("helped me", 1.8f), ("helped us", 1.8f),
        ("helped a lot", 2.5f), ("there for me", 2.2f), ("there for us", 2.2f), ("always there", 2.2f),
        ("on my side", 2f), ("in my corner", 2.2f), ("took the time", 2f), ("takes the time", 2f), ("got back to me", 1.5f),
        ("kept me informed", 2f), ("kept us informed", 2f), ("kept me updated", 2f), ("kept us updated", 2f),
        ("never judged", 2.2f), ("never judges", 2.2f), ("didnt judge", 2.2f), ("doesnt judge", 2.2f),
        ("without judgement", 2f), ("no judgement", 2f), ("worth it", 2f), ("glad i", 1.5f), ("so glad", 2.5f),
        ("really glad", 2.5f), ("goes the extra mile", 3f), ("went the extra mile", 3f), ("extra mile", 2.5f),
        ("really good", 2.2f), ("really nice", 2.2f), ("really kind", 2.2f), ("really listen*", 1.8f),
        ("actually listen*", 1.8f), ("finally listen*", 1.5f), ("finally got", 1.2f), ("finally have", 1f),
        ("such a difference", 2.5f), ("same day", 1.2f), ("time for us", 1.5f), ("time for me", 1.5f),
        ("have time", 1f), ("has been key", 2f), ("same social worker", 1f), ("same worker", 1f), ("its class", 1.8f),
        ("was class", 1.8f), ("so class", 2f), ("proper class", 2f), ("i like", 1.5f), ("we like", 1.5f), ("really like", 1.8f),
        ("i liked", 1.5f), ("like it", 1.2f), ("liked it", 1.5f), ("talk to each other now", 1.5f),
        ("looking forward", 1.8f), ("best thing", 2.5f), ("would recommend", 2.5f), ("would definitely recommend", 2.8f),
        ("would highly recommend", 2.8f), ("highly recommend", 2.8f), ("could not have been more", 2.5f), ("couldnt have been more", 2.5f),
        ("could not ask for", 2.5f), ("couldnt ask for", 2.5f), ("wouldnt be here", 2f), ("would not be here", 2f),

        // Praise told with words that look bad on their own (s14): "over the moon", being seen on your own (which
        // children ask for), not having to talk out loud, a service that is well run.
        ("over the moon", 3f), ("saw me on my own", 2f), ("see me on my own", 2f), ("seen on my own", 2f),
        ("spoke to me on my own", 2f), ("talk to me on my own", 1.5f), ("seen alone", 1.5f), ("seeing children alone", 1.5f),
        ("see children alone", 1.5f), ("seen on their own", 1.5f), ("seeing them alone", 1.2f), ("you dont have to", 1.2f),
        ("well run", 2f), ("well organised", 2f), ("well organized", 2f), ("runs well", 1.8f), ("cant complain", 1.5f),
        ("nothing to complain about", 2f), ("never had a problem", 2f), ("never had any problems", 2f), ("no issues", 1.2f),
        ("properly embedded", 2f), ("gets me", 1.8f), ("gets me down", -2f),

        // Requests and suggestions are neutral by the labelling conventions: what is asked for is not had, but it is
        // not a complaint either ("id like information on...", "would welcome a directory").
        ("would like", 0f), ("id like", 0f), ("would love", 0f), ("would welcome", 0f), ("would be nice", 0f),
        ("would be good", 0f), ("would be great", 0f), ("would be helpful", 0f), ("would be useful", 0f),
    ];

    /// <summary>Multi-word situations, treated like <see cref="Situations"/>.</summary>
    public static readonly (string Pattern, float Valence)[] SituationPhrases =
    [
        ("waiting list", -1.5f),
        ("waiting lists", -1.5f),
        ("on a list", -1f),
        ("for * months", -1.5f),
        ("for * weeks", -1f),
        ("for * years", -1.5f),
        ("waited * months", -1.8f),
        ("waited * weeks", -1.5f),
        ("waited * years", -2f),
        ("older men", -1.5f),
        ("older man", -1.5f),
        ("older boys", -1f),
        ("followed me", -1.5f),
        ("following me", -1.5f),
        ("ran away", -1.5f),
        ("run away", -1.2f),
        ("went missing", -1.8f),
        ("kicked out", -1.8f),
        ("thrown out", -1.8f),
        ("county lines", -2f),
        ("no food", -2f),
        ("dont tell anyone", -1.5f),
        ("cant sleep", -1.5f),
        ("going to jump", -2.5f),
        ("take them all", -2.5f),
        ("for months", -1.5f),
        ("for years", -1.2f),
        ("months and months", -2f),
        ("years and years", -1.8f),
        ("for ages", -1.5f),
        ("in front of", -0.8f),
        ("had to", -0.8f),
        ("have to", -0.5f),
        ("has to", -0.5f),
        ("made me", -1.2f),
        ("make me", -1f),
        ("makes me", -0.8f),
        ("call* me names", -2f),
        ("call* * names", -1.5f),
        ("tells everyone", -1.5f),
        ("told my mum", -0.6f),
        ("posted my", -1.2f),
        ("reads my messages", -1.2f),
        ("doing my head in", -2f),
        ("does my head in", -2f),
        ("done my head in", -2f),
        ("dont want to be alive", -3f),
        ("ending it", -2.5f),
        ("end it all", -3f),
        ("hurting myself", -2.5f),
        ("hurt* myself", -2.5f),
        ("harm* myself", -2.5f),
        ("kill myself", -3f),
        ("want to die", -3f),
        ("self harm", -1.5f),
        ("cut myself", -2.5f),
        ("one room", -1f),
        ("two buses", -0.8f),
        ("2 buses", -0.8f),
        ("temporary accommodation", -1.2f),
        ("out of school", -1.2f),
        ("no provision", -1.5f),
        ("cant wake", -2.5f),
        ("not breathing", -3f),
        ("rings out", -1.5f),
        ("owe them", -1.5f),
        ("work it off", -2f),
        ("takes me to parties", -1.5f),
        ("by accident", -0.8f),
    ];

    /// <summary>Words that negate what follows within a few words.</summary>
    public static readonly string[] Negators =
    [
        "not", "no", "never", "dont", "didnt", "doesnt", "cant", "cannot", "couldnt", "wont", "wouldnt", "isnt", "wasnt",
        "arent", "werent", "havent", "hasnt", "hadnt", "shouldnt", "aint", "nobody", "nothing", "nowhere", "neither",
        "nor", "without", "hardly", "barely", "rarely", "seldom", "lack", "lacks", "lacked", "lacking", "none", "unable",
        "mustnt", "neednt", "refuse", "refused", "refuses", "stopped", "failed", "fail", "fails", "instead",
    ];

    /// <summary>Words that strengthen the next sentiment word, with their factor.</summary>
    public static readonly (string Word, float Factor)[] Intensifiers =
    [
        ("very", 1.3f), ("really", 1.3f), ("so", 1.3f), ("extremely", 1.5f), ("super", 1.3f), ("absolutely", 1.5f),
        ("totally", 1.4f), ("completely", 1.4f), ("incredibly", 1.5f), ("truly", 1.3f), ("such", 1.2f), ("too", 1.1f),
        ("proper", 1.3f), ("dead", 1.2f), ("well", 1.2f), ("utterly", 1.5f), ("deeply", 1.4f), ("massively", 1.5f),
        ("hugely", 1.5f), ("highly", 1.3f), ("most", 1.2f), ("genuinely", 1.3f), ("seriously", 1.3f), ("bloody", 1.4f),
        ("fucking", 1.5f), ("effing", 1.4f), ("always", 1.1f),
        ("especially", 1.2f), ("particularly", 1.2f), ("amazingly", 1.4f), ("exceptionally", 1.5f), ("thoroughly", 1.3f),
        ("much", 1.2f), ("properly", 1.1f), ("constantly", 1.2f), ("continually", 1.2f),
    ];

    /// <summary>Words that soften the next sentiment word, with their factor.</summary>
    public static readonly (string Word, float Factor)[] Dampeners =
    [
        ("slightly", 0.6f), ("bit", 0.7f), ("little", 0.7f), ("somewhat", 0.7f), ("kind", 0.8f), ("sort", 0.8f),
        ("fairly", 0.8f), ("quite", 0.9f), ("partly", 0.7f), ("mostly", 0.9f), ("almost", 0.8f), ("nearly", 0.8f),
        ("sometimes", 0.7f), ("occasionally", 0.7f), ("pretty", 0.9f), ("reasonably", 0.8f), ("mildly", 0.6f),
    ];

    /// <summary>
    /// Words after which a positive word is wished for rather than had ("they should listen", "I wish they helped"):
    /// such positives are turned into a mild complaint.
    /// </summary>
    public static readonly string[] Irrealis =
    [
        "should", "shouldve", "wish", "wished", "wishes", "hope", "hoping", "would", "could", "need", "needs", "needed",
        "want", "wanted", "wants", "if", "must", "ought", "expect", "expected", "supposed", "meant",
        "waiting", "begging", "begged", "please",
    ];

    /// <summary>Words that turn the weight of a sentence to what follows them ("ok but slow").</summary>
    public static readonly string[] Contrast = ["but", "however", "although", "though", "yet", "whereas", "except", "apart", "unfortunately"];
}
