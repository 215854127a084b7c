using System.Collections.Frozen;
using FeedbackCollector.Core.Analysis;
using L = FeedbackCollector.Analysis.Concerns.ConcernLexicon;

namespace FeedbackCollector.Analysis.Concerns;

/// <summary>
/// Rules over word classes, written as short sequences: <c>@Actor ~4 @Harm ~1 me|us|@Kid</c> is a word of class
/// Actor, then up to 4 other words, a harm verb, up to 1 other word, then "me", "us" or a child. They combine
/// classes by order and distance within a sentence, so that "mums new fella ... hurts her", "dad throws me
/// against the wall" and "my ex's new partner has been smacking my son" are one rule each, not one phrase each.
/// Options after the sequence: <c>+@A|@B</c> the sentence must also hold one of these classes, <c>-@A</c> it must
/// not, <c>neg</c> no negation just before or inside the match, <c>next!a,b</c> the word after the match is not
/// one of these, <c>not:parent</c> not for that audience.
/// </summary>
internal static class SignalRules
{
    private const string Sh = "SH", An = "AN", Ex = "EX", Da = "DA", Id = "ID";

    private static readonly (string Category, string Spec)[] Specs =
    [
        // Immediate danger.
        (Id, "@Weapon +@Imminent +@Actor|@Male -@WeaponTalk"),
        (Id, "@Future ~2 @Threat ~1 me|us|her|him|them|my +@Imminent neg"),
        (Id, "banging|knocking|kicking|bang|banged ~2 on|at ~1 door|window|doors|windows +@Imminent"),
        (Id, "banging|knocking|kicking|bang ~2 on|at ~1 door|window|doors|windows ~6 screaming|help|pls|please|scared"),
        (Id, "trying|tryna ~1 to ~0 get|break ~0 in|into"),
        (Id, "send|call|ring ~1 someone|help|police|999|ambulance ~3 pls|please|now|rn|quick|asap"),
        (Id, "pls|please|plz ~2 send|call|ring ~1 someone|help|police|999|ambulance"),
        (Id, "@Take ~3 @Quantity ~3 @Pills ~8 now|answering|unconscious|breathing|responding"),
        (Id, "@Family|she|he|they ~1 wont|isnt|wouldnt|not|cant|cannot ~1 wake|waking|breathing|breathe|responding"),
        (Id, "im|i ~2 on|at|standing|sitting|stood|sat ~2 @HighPlace"),
        (Id, "@Goodbye"),
        (Id, "hasnt|havent|not|didnt|hasn ~1 come|came|been ~0 home|back ~2 since|yesterday|last|for|all"),
        (Id, "sleeping|slept|sleep ~1 in|at|on|under ~2 bus|shelter|park|street|streets|car|tent|doorway|stairwell|bench|station"),
        (Id, "threatened|threatening|said ~3 kill|stab|hurt ~1 her|him|me ~2 this|today|tonight|now"),

        (Id, "@Take ~3 @Quantity ~4 @Pills ~6 ago|now|weird|dizzy|sleepy|tonight|just"),
        (Id, "kick|kicking|smash|smashing|break|breaking|bash|bashing ~1 the|my|our ~0 door|doors ~0 in|down"),
        (Id, "missing ~4 since|yesterday|hours"),

        // Danger tonight told plainly, and someone outside now (session 4): "scared to go home tonight", "im not safe at
        // home rn", "hes outside now n wont go away".
        (Id, "@Fear ~3 go|going|goin|get|be ~1 home|back ~0 tonight|tonite|2nite|tnite|rn|now|later|today neg"),
        (Id, "not|isnt|aint|nt ~0 safe ~2 home|house|here ~0 rn|now|tonight|tonite|2nite|right"),
        (Id, "he|hes|they|theyre|dad|dads|ex|@Partner ~1 outside ~3 now|rn|again ~8 scared|help|pls|please|wont|hiding|knife|terrified|frightened"),

        // Session 6: a break-in now, a young child who has gone floppy or blue or is fitting, a young person who ran off saying
        // they will kill themselves, tablets just taken. "someone broke into my dads van last week" is not one.
        (Id, "someone|somebody|some1|sum1|man|men|he|they|people|burglar|burglars ~3 broke|broken|breaking|smashed|smashing|kicked|kicking ~4 in|into|through|window|door|windows|doors ~10 hear|hiding|hide|under|upstairs|downstairs|scared|pls|please|help|rn|now -@PastMark -@Accident"),
        (Id, "burglar|burglars|intruder|intruders ~4 in|inside ~2 house|flat|home|kitchen|downstairs|upstairs|rn|now|here"),
        (Id, "gone|going|turned|turning|is|hes|shes|went|keeps|started|and ~1 floppy|unresponsive|fitting next!with,from,after,cos,because,about,over,for,in,into,well,nicely,properly,fine,ok,perfectly,the"),
        (Id, "gone|turned|going|turning ~0 blue ~8 respond|responding|breathing|breathe|wake|waking|move|moving"),
        (Id, "ran|run|runs|stormed|walked|left|gone|went ~2 off|out|away|unit|house|home ~12 kill|end|hang|drown|jump|harm|hurt ~0 herself|himself|themselves|myself"),
        (Id, "ran|run|runs|stormed|walked|left|gone|went ~2 off|out|away|unit|house|home ~12 end|take|ending|taking ~0 his|her|their|my ~0 life|own"),
        (Id, "ive|just|have|has|shes|hes ~1 taken|swallowed|took ~3 @Quantity ~4 @Pills -@PastMark"),
        (Id, "swallowed|swallow ~2 all|loads|lots|whole ~2 them|pills|tablets|meds|packet|box|bottle ~3 now|rn|ago|just|tonight"),

        // Session 7: in front of a train or a bus now ("the next train", at the station); the plan alone is self-harm below.
        (Id, "step|jump|walk|stepping|jumping|walking ~0 in ~0 front ~0 of ~1 the|a ~0 next ~0 train|bus|lorry|tube"),
        (Id, "station|platform|platforms|tracks ~12 step|jump|stepping|jumping|walk|walking ~0 in ~0 front"),
        (Id, "step|jump|stepping|jumping|walk|walking ~0 in ~0 front ~0 of +@Imminent neg"),

        // Self-harm and suicidal thoughts.
        (Sh, "@SelfHarmStrong neg next!the,a,an,holiday,trips,trip,my,school,buses,bus,it,with"),
        (Sh, "@Desire ~5 @DeathGoal neg next!my,her,his,your,laughing,of,from,for,in,on"),
        (Sh, "@SelfAct ~2 @Reflexive neg"),
        (Sh, "i|im|ive|been|keep|started|still ~3 @SelfAct ~1 my ~1 @Body neg"),
        (Sh, "she|shes|friend|mate|sister|daughter|bestie ~3 @SelfAct ~1 her ~1 @Body neg"),
        (Sh, "he|hes|friend|mate|brother|son ~3 @SelfAct ~1 his ~1 @Body neg"),
        (Sh, "@InjurySelf ~3 on|covered|all|over ~2 my|her|his|their ~1 @Body"),
        (Sh, "@Body ~4 covered|full ~2 @InjurySelf"),
        (Sh, "my|her|his|their ~1 @InjurySelf -@Accident"),
        (Sh, "razor|razors|sharpener +@First|@Reflexive"),
        (Sh, "@Take ~3 @Quantity ~4 @Pills neg"),
        (Sh, "thoughts|thinking|think|thought ~2 of|about ~1 suicide|killing|dying|ending"),
        (Sh, "whats|what ~0 the ~0 point ~6 meds|alive|living|life|anymore|here|trying|me|anything"),
        (Sh, "whats|what ~0 the ~0 point +@Pills"),
        (Sh, "@Body ~3 @InjurySelf -@Accident"),
        (Sh, "@InjurySelf ~2 to|on ~1 @Body -@Accident"),
        (Sh, "googled|searched|looked|research|researching|researched ~4 suicide|die|dying|overdose|paracetamol|pills|hang|kill"),
        (Sh, "dont|not|doubt ~2 ill|i ~1 be ~0 around|alive ~2 longer|long"),
        (Sh, "wont|not ~1 be ~0 around ~1 much|for ~0 longer"),
        (Sh, "tired|sick|exhausted ~1 of ~0 being ~0 alive neg"),
        (Sh, "tired|sick ~1 of ~0 living|existing neg next!here,in,with,at,like,there,on,near,round,around,somewhere,out"),
        (Sh, "gave|giving|given|give ~2 stuff|things|games|clothes|belongings|possessions ~2 away ~8 wont|need|anymore|goodbye|gone"),

        // Text-speak and hoarding (session 4): "hope i dont wake up 2moro", "dnt wanna b here n e more", saving up tablets,
        // "cut again", cuts "gettin deeper".
        (Sh, "hope|hopes|hoping|hopin|wish|wishing|want|wanna|wnt|pray|praying ~2 i|to|2 ~1 dont|dnt|never|wont|nvr|neva ~0 wake ~0 up next!late,early,in,at,before,for,till,until,when,on,with"),
        (Sh, "dont|dnt ~0 wanna|want|wnt|wana ~2 be|b|live ~0 here|alive|around ~0 anymore|any|n|no|nomore|nemore"),
        (Sh, "saving|savin|saved|stockpiling|stockpiled|stockpile|hoarding|hoarded|hoard|stashing|stashed|stash|collecting ~4 pills|tablets|meds|paracetamol|painkillers|antidepressants|medication|medicine"),
        (Sh, "pills|tablets|meds|paracetamol|painkillers|antidepressants ~1 saved|stashed|hoarded|stockpiled|hidden ~1 up|away|under|in"),
        (Sh, "i|ive|she|shes|he|hes|been ~1 cut|cutting|cuttin|relapsed ~0 again -@Accident"),
        (Sh, "getting|gettin|goin|going|gone|go|went ~1 deeper +@SelfAct -@Accident"),

        // Signs a professional sees and the young person will not explain (session 5): "new scarring on forearms noticed in
        // PE, denies". The denial carries it, so a games lesson in the sentence does not undo it.
        (Sh, "scarring|scars|scar|cuts|scratches|lacerations ~4 @Body ~10 denies|denied|deny|denying|unexplained|refuses|refused|wont|wouldnt|hiding|hides|hid|covering|covers"),
        (Sh, "new|fresh|recent|healing|linear|superficial ~0 scarring|scars|cuts|scratches|lacerations ~3 @Body -@Accident"),

        // Session 6 (27 November): goodbye notes drafted and deleted, not waking up told as a wish in a conditional, hair
        // pulled out and skin bitten or picked, a high place checked, no future; "goodbye letters to the youth worker who is
        // leaving" is not one (-@Education -@Trust).
        (Sh, "write|writes|writing|wrote|written|writ|drafted|drafting|draft|type|types|typed|typing|saved|keep|kept ~3 goodbye|suicide ~0 note|notes|letter|letters|message|messages|text|texts -@Education -@Trust"),
        (Sh, "if ~4 sleep|asleep|bed ~4 never|didnt|dont|wouldnt|not|wont|dnt|neva|nvr ~0 wake|woke|waking ~0 up next!till,until,til,in,on,for,when,early,late,at,before,with,cos,because,after,and,to"),
        (Sh, "pull|pulling|pulls|pulled|rip|ripping|rips|ripped ~1 my|her|his ~0 hair|eyelashes|lashes|eyebrows ~0 out next!with,over,about,trying,because,cos,waiting,at,here,the,this,dealing not:parent"),
        (Sh, "pull|pulling|pulls|pulled|rip|ripping|rips|ripped ~1 my|her|his ~0 hair|eyelashes|lashes|eyebrows ~4 clumps|bald|patch|patches|bleed|bleeds"),
        (Sh, "pulling|pulls|pulled|ripping|rips ~0 out ~1 her|his|my ~0 hair|eyelashes|lashes|eyebrows"),
        (Sh, "bite|biting|bites ~0 myself|herself|himself|meself"),
        (Sh, "bite|biting|bites ~1 my|her|his ~1 arms|arm|wrists|wrist|hands|hand|skin|legs|thighs ~6 till|until|til|bleed|bleeds|bleeding|purple|marks|bruise|bruises|cope|coping"),
        (Sh, "picking|picks|pick|scratching|scratches|scratch|digging|digs|carving ~3 skin|arms|arm|wrists|wrist|legs|thighs ~3 with ~2 compass|compasses|blade|razor|pin|pins|scissors|clip|glass|needle|sharpener"),
        (Sh, "@HighPlace|bridges|buildings|roofs|cliffs|floors ~4 high|tall ~1 enough"),
        (Sh, "letter|letters|note|notes|goodbye ~10 go|going|goin ~0 through ~0 with ~0 it"),
        (Sh, "dont|cant|dnt|never|cannot ~0 see ~0 myself|me ~2 here|alive|around next!at,in,with,for,after,when,this,him,her,them,people,much"),

        // Session 7: suicidal planning told without a death word: a noose or a rope hidden or ready, a train or a bus to step in
        // front of, belongings sorted out "after im gone".
        (Sh, "noose|nooses -@Awareness -@Hypothetical -@Trivial -@Laugh"),
        (Sh, "rope|ropes|noose ~4 in|under|inside|behind ~1 my|the ~0 wardrobe|bed|room|bedroom|drawer|cupboard -@Laugh -@Trivial"),
        (Sh, "got|have|bought|hid|hidden|ready ~2 a|the|my ~0 rope|belt|cord ~4 ready|tonight|hidden|room|wardrobe -@Laugh -@Trivial"),
        (Sh, "step|stepping|jump|walk|walking|throw|stand|lie|lay ~2 in ~0 front ~0 of ~2 train|trains|bus|buses|lorry|lorries|traffic|tube neg -@Awareness"),
        (Sh, "train|trains|bus|buses|lorry|lorries|tube ~3 step|jump|walk|throw|lie|lay ~1 in ~0 front ~0 of neg -@Awareness"),
        (Sh, "after|when|once ~0 im|i ~1 gone|dead next!to,for,home,out,back,away,on,abroad,off,from,in,the,a,shopping,up,round,over,into,through -@Laugh -@Trivial"),

        // Session 9: the method planned without a death word ("thinking about how id do it", "planning how ill do it"), a
        // goodbye to whoever reads the answer, tablets swallowed "like 20 mins ago".
        (Sh, "planning|plan|planned|think|thinking|thought|decided|worked|working ~2 how|when|where ~1 id|ill|i|to|im ~1 do ~0 it next!differently,better,again,right,properly,for,in,with,on,at,the,this,that,without,because,cos,cuz -@Trivial -@Laugh"),
        (Id, "goodbye|bye ~3 whoever|anyone|anybody|everyone ~0 reads|reading -@Laugh"),
        (Id, "swallowed|swallow ~1 them|all ~4 ago|mins|minutes|feel|feeling|weird|dizzy|sorry|now -@Laugh"),

        // Exploitation.
        (Ex, "@Carry ~3 @Goods +@Coerce|@Older"),
        (Ex, "@Goods ~2 to ~0 @Carry +@Coerce|@Older"),
        (Ex, "make|makes|making|made ~0 me|him|her|us ~0 @Carry ~3 @Goods"),
        (Ex, "@ExStrong"),
        (Ex, "@AdultAge ~0 yr|year|yo|years|yrs ~0 old +@ChildAge|@Online|@Kid"),
        (Ex, "@Male|friend|guy|man|he|boyfriend|bf ~4 @AdultAge"),
        (Ex, "@Male|@Older|@Partner|friend|who ~10 buys|bought|gave|gives|giving|buying|sends|sent|get|gets|got ~1 him|her|me|us|them ~3 @Gift"),
        (Ex, "dont|stop|didnt|doesnt ~1 send|sending ~1 more|them|pics|any ~6 show|post|share|send|tell|leak"),
        (Ex, "pay|paying ~0 back|off +@Coerce"),
        (Ex, "run|running|runs ~1 for ~0 them|him|some|older|these|those|the|a"),
        (Ex, "do|did|doing|done|another ~1 run|runs|drop|drops +@Coerce|@Threat"),
        (Ex, "owe|owes ~1 them|him|her|these|those|some|the|money|loads|@AdultAge"),
        (Ex, "@Burner"),
        (Ex, "@Partner|@Male|he|hes|she|shes|boyfriend|whos ~2 @AdultAge +@ChildAge|@Online"),
        (Ex, "@Male|@Online|@Partner|someone|he|hes|she ~6 want|wants|wanted|asked|asks|asking|keeps|begging ~2 me|her|him|us ~1 to ~1 come|go|meet|visit|stay ~2 his|flat|house|car|hotel|place|up|back|theirs|round|over"),
        (Ex, "asked|asking|asks|wants|wanted|want|begging|pressuring|pressured|made|keeps|kept ~4 @Image"),
        (Ex, "@Image ~2 of ~0 me|myself"),
        (Ex, "take|taking|took ~1 my|her|his|off ~1 top|clothes|shirt|bra|trousers|knickers +@Online|@Image|@Male"),
        (Ex, "post|share|send|leak|show|posting|sharing|sending|put ~3 it|them|pic|pics|photo|photos|video|nudes|picture|pictures ~3 unless|everywhere|everyone|online"),
        (Ex, "threaten|threatening|threatened|threatens ~1 to ~0 post|share|send|leak|show"),
        (Ex, "sends|sent|gives|gave|buys|bought|giving|sending|buying ~1 me|her|him ~2 @Gift ~8 want|wants|wanted|asked|asks|asking"),
        (Ex, "sell|sells|selling|sold|shotting|dealing|deals ~1 for ~2 them|him|some|older|guys|lads|men|gang|people"),
        (Ex, "comes|came|coming|come ~0 home|back|in ~1 with ~3 cash|money|trainers|phone|phones|clothes|gifts"),
        (Ex, "disappearing|disappears|disappeared|missing ~2 overnight|nights|days|weekends|weekend"),
        (Ex, "doesnt|dont|didnt|never|not ~1 come|comes ~0 home ~1 for|till|until|til ~1 days|nights|weekend|3am|2am|4am|ages"),
        (Ex, "using|used|use ~0 him|her|me|my|them +@Older|@Male"),
        (Ex, "taken|taking|took|take ~1 to ~0 parties|party|flats|houses|hotels|hotel|flat ~3 by|with ~2 @Older|@Male"),
        (Ex, "@Older|@Male ~6 give|gives|gave|given|giving|offering|offered|buying|buys|bought|get|gets|got ~3 alcohol|vodka|drink|drinks|drugs|weed|cigs|vapes|money"),
        (Ex, "given|giving|gave|give ~0 alcohol|vodka|drugs|weed ~3 by|from ~2 @Older|@Male"),

        // Session 6: someone met on a game or an app who wants an address or secrecy.
        (Ex, "@Online ~10 wants|wanted|asked|asking|asks|keeps ~2 my ~0 address|postcode|location|school"),
        (Ex, "@Online ~12 @Secret +@Male|@Pronoun"),
        (Ex, "older|adult|unknown ~0 male|males|man|men ~2 collecting|collected|collects|picking|picked|picks"),
        (Ex, "hotel ~0 key|room ~0 card|cards|keys|keycard"),

        // Missing and found far away, and the man she was warned about (session 4).
        (Ex, "turned|turns|turning|turn ~0 up ~1 in|at ~1 another|different|other ~0 town|city|county|area"),
        (Ex, "found|located|traced ~1 in ~0 another|different ~0 town|city|county|area"),
        (Ex, "reported ~0 missing ~2 times|again|twice|three|3|four|4|several|repeatedly"),
        (Ex, "@Male|@Partner|@Older|man|male ~5 warned ~0 about|off|away|from"),
        (Ex, "@Male|male|males|man ~1 known ~1 to ~0 police|pose|children"),
        (Ex, "@Trust|@Older|@Male ~6 message|messages|messaged|messaging|texts|texted|texting|snaps|dms|calls|rings ~2 me|her|him|my ~4 night|late|midnight"),
        (An, "asked|told|tells|made|makes|says|said ~2 me|her|him|us ~2 keep|promise ~2 it|this|quiet ~2 @Secret|secret|quiet +@Actor"),

        // Domestic abuse.
        (Da, "@Partner|dad|daddy|father|stepdad|stepfather|step|he ~8 @Harm ~2 her|mum|mam|mom|mother|mummy|wife|girlfriend|partner neg"),

        // Session 6: an adult son, brother, grandad or uncle who hurts mum or nan is domestic abuse too; a weapon waved at mum
        // "when they argue" is domestic abuse (danger now only with a word of now, see ConcernDetector.Recategorise).
        (Da, "brother|bro|son|grandad|grandpa|uncle ~8 @Harm ~2 mum|mam|mom|mother|mummy|nan|nana|gran|grandma|wife neg"),
        (Da, "waves|waved|waving|holds|held|holding|pulls|pulled|points|pointed|pointing|brandishes|brandished|grabs|grabbed|gets|got ~2 @Weapon ~2 at|to|up|on|against ~1 @Mum|her|nan|mums"),
        (Da, "threaten|threatens|threatening|threatened ~3 burn|kill|stab|hurt|torch ~6 mum|nan|@Mum|mums|nans"),
        (Da, "what|things|stuff ~1 he|dad|@Partner ~0 does|did|do|dose ~0 to|2 ~0 mum|her|@Mum|nan"),
        (Da, "@Partner|dad|stepdad|he|grandad|brother ~2 goes|went|go|going ~0 for ~1 @Mum|her|nan next!birthday,sake,dinner,tea,lunch,drink,drinks,walk,walks,a,the,food"),
        (Da, "broke|broken|smashed|fractured|bust|busted ~1 mums|mum|nans|wifes|mams|moms ~0 nose|jaw|arm|ribs|wrist|cheekbone|eye|face|teeth|tooth|leg"),
        (Da, "keeps|kept|locks|locked|lock ~1 mum|nan|@Mum ~2 in|inside|indoors ~2 house|flat|home|room|bedroom|indoors"),
        (Da, "he|@Partner ~8 locked|locks|lock ~0 me ~1 in|inside ~2 house|flat|bedroom|room|home|bathroom +@Kid|@Partner not:child"),
        (Da, "set|setting|burn|torch ~1 fire|the|our ~4 house|flat|home ~3 with ~0 mum|her|nan|@Mum"),
        (Da, "knocking|knocks|knocked|knock ~2 @Mum|her ~0 about|around"),
        (Da, "he|dad|@Partner ~3 stood|standing|stands ~0 over ~0 her|mum"),
        (Da, "@Mum ~6 @InjuryHarm|@Bleed -@Accident"),
        (Da, "parents|they|mum|dad ~4 @Fight ~6 police|bad|violent|hit|hits|hurt|hurts|throw|throws|scream|screaming|blood|bleeding"),
        (Da, "police ~3 called|rang|came|come|round|phoned +@Fight"),
        (Da, "neighbours ~2 rang|called|phoned ~1 police"),
        (Da, "@Smash ~3 stuff|things|walls|wall|doors|door|phone|tv|plates|windows|window +@Family|@Partner|@Pronoun -@Accident"),
        (Da, "hide|hides|hiding|hid ~4 bathroom|room|bedroom|cupboard|upstairs|wardrobe ~3 with|from ~0 us|me|my|the|him"),
        (Da, "hide|hides|hiding|hid ~2 from ~0 him|dad|them"),
        (Da, "@Fear ~1 of ~1 my|him|her ~0 ex|partner|husband|boyfriend"),
        (Da, "@Fear ~1 of ~0 him|her"),
        (Da, "controls|controlling|controlled ~2 money|everything|phone|finances"),
        (Da, "checks|checking ~1 my|her|mums ~0 phone +@Partner|@Pronoun"),
        (Da, "tracks|tracking|tracked|monitors|monitoring|follows ~2 where|my|her|mums ~1 go|goes|phone|location|car +@Partner"),
        (Da, "@Partner ~3 tells|calls|told|called ~1 me|her|mum ~2 worthless|useless|pathetic|nothing|stupid|ugly|fat"),
        (Da, "takes|took|taken|keeps|kept ~1 her|my|mums ~0 bank|card|cards|money|keys|benefits +@Partner"),

        // Police talk for a domestic-abuse call-out, and violence told as shouting and hitting (session 4).
        (Da, "a|another|for|of|re|to|about|2 ~0 domestic|domestics next!abuse,violence,incident,incidents,goddess,cleaner,cleaners,appliance,appliances,flight,flights,chore,chores,work,worker,workers,help,staff,champion,champions,training,awareness,policy,team,charity,charities,service,services,course,courses,notification,notifications,duties,duty,bliss,life,tasks,support,advisor,adviser,homicide,abuser,abusers,matters,setting,violence"),
        (Da, "domestic ~0 incident|incidents|disturbance|callout|callouts -@Education|@Awareness|@Hypothetical"),
        (Da, "@Fight ~2 and|n|an|then ~0 hitting|punching|kicking|pushing|smashing|throwing|violence|slapping|hittin ~3 between|mum|dad|parents|adults|them|each"),

        // After separation (session 5): an ex who keeps turning up and threatening, stalking, an injunction that does not
        // hold. Turning up needs a partner or a "since I left" in the text, so a coach shouting at a match is not one.
        (Da, "he|hes|she|shes|ex|@Partner ~3 keeps|kept|keep|still|always|constantly|been ~1 turning|turns|turned|showing|shows|coming|comes|hanging|waiting ~1 up|round|outside|about|at ~8 threatening|threatens|threatened|threaten|following|watching|harassing|intimidating|abusing|abuse +@Partner|@PastMark"),
        (Da, "@Partner ~3 stalking|stalks|stalked|harassing|harasses|harassed|hounding|hounds ~1 me|her|us|mum|@Mum"),
        (Da, "since|after ~1 i|we|she|mum ~0 left|split|separated ~8 keeps|kept|still|wont|constantly ~1 turning|turns|coming|comes|messaging|messages|calling|calls|ringing|rings|following|follows|threatening|threatens|harassing|stalking|texting|texts|watching|leave -@Venue"),
        (Da, "injunction|injunctions|molestation|restraining ~4 hasnt|havent|didnt|doesnt|isnt|wont|not ~1 stopped|stop|stopping|working|worked"),
        (Da, "breached|breaches|breaching|broke|broken|ignores|ignored|ignoring ~3 injunction|injunctions|molestation|restraining"),

        // Abuse and neglect.
        (An, "@Actor ~4 @Harm ~1 me|us|@Kid|him|her|them neg next!up,at,in"),
        (An, "i|we|me|us ~2 get|got|gets|getting|been|was|were|am ~1 @Harm -@Accident neg"),
        (An, "@Actor ~4 @HarmMe neg"),
        (An, "@Actor ~8 @SexualAct neg"),
        (An, "showed|shows|show|showing ~1 me|her|him|us ~3 videos|pics|pictures|photos|films|porn|naked|rude"),
        (An, "gives|gave|give|giving|get|gets|got ~2 a ~1 hiding|beating|battering|slap|smack|kicking|belting|thrashing|leathering -@Accident"),
        (An, "@Harm ~1 me|us ~3 with|against|into|down|across|round|around|till|until|til neg"),
        (An, "@Actor ~4 @Harm ~1 my|his|her ~1 @Body neg -@Accident"),
        (An, "@InjuryHarm ~4 @Body -@Accident"),
        (An, "@Body ~3 @InjuryHarm -@Accident"),
        (An, "@Sexual ~1 me|my|her|him|@Kid|@Body neg next!base"),
        (An, "@Actor ~4 come|comes|came|coming|gets|got|get ~1 in|into ~1 my|her|his ~0 room|bed|bedroom neg"),
        (An, "does|did|do|done|doing|dose|duz ~1 stuff|things|stuf ~1 to|2 ~0 me|her|him|us"),
        (An, "made|makes|make|making ~0 me|her|him ~0 do ~1 stuff|things|sexual|stuf"),
        (An, "@Family|@Partner|@Male|@Trust|he ~8 @Secret"),
        (An, "@Fear ~3 go|going|goin|be ~1 home|back"),
        (An, "@Fear ~2 of|off ~1 @Family|@Partner|him"),
        (An, "@Leave ~1 me|us|@Kid ~5 @Alone"),
        (An, "@NoFood -@Venue next!i,that,we,he,she,they,ive,id,my"),
        (An, "@Incapable +@Family|@Partner|@Pronoun"),
        (An, "@Squalor not:parent"),
        (An, "calls|called|call ~0 me|us ~1 worthless|useless|pathetic|mistake|waste|disgusting|scum +@Family|@Partner"),
        (An, "makes|made|make ~0 me|us ~0 sleep ~1 on|in|outside ~1 floor|outside|garden|shed|car"),
        (An, "wont|doesnt|never|dont ~0 let ~0 me|us ~0 out|eat|leave"),
        (An, "wishes|wished ~0 i ~0 was|were|wasnt|had ~1 never|born|dead"),

        // Session 6: a threat to make a child keep quiet ("hed hurt my little sister if i told"), a dog set on a child.
        (An, "hurt|batter|beat|hit|stab|smack|slap|punch|hurts|batters|hits ~3 me|us|my|you|her|him|@Kid ~3 if ~2 tell|told|tells|say|snitch|grass|grassed -@Laugh -@Trivial"),
        (An, "he|hed|hell|she|shed|shell|they|theyd|theyll|@Partner|@Male|@Trust|uncle|stepdad|step|cousin|grandad ~1 kill ~1 me|us|my|you|her|him|@Kid ~3 if ~2 tell|told|tells|say|snitch|grass|grassed -@Laugh -@Trivial"),
        (An, "set|sets|setting ~1 the|his|her|their|a|our ~0 dog|dogs ~0 on ~0 me|us|him|her|my"),
        (An, "@Actor ~4 put|held|holds|puts|pushed|forced|shoved|stuck ~1 my|her|his ~0 hand|hands|arm|face|head|fingers ~2 on|in|under|against|onto|into ~1 cooker|hob|oven|fire|iron|radiator|kettle|water|toilet|bath|stove"),

        // Empty cupboards and a home visit in practitioner words (session 4).
        (An, "cupboards|cupboard|fridge|fridges ~3 always|never|constantly|still|allways|alwayz ~1 empty|bare"),
        (An, "faeces|excrement|urine|faecal ~4 floor|floors|carpet|carpets|kitchen|bedroom|bedrooms|mattress|mattresses|walls|cot|sofa|bed|beds|house|home|property|flat"),
        (An, "nappy|nappies|nappys ~3 not|never|hasnt|hadnt|wasnt|werent|isnt ~2 changed"),

        // Neglect told without harm words: care nobody gives, meals that are not there, a child left in charge,
        // clothes unwashed, basic needs unmet. Each needs a second sign, so a late night or a fussy tea is not one.
        (An, "nobody|noone|no1|no ~1 wakes|wake ~1 me|us ~0 up|for|in ~2 school|morning|mornings|time"),
        (An, "nobody|noone|no1|no ~1 takes|took|take ~1 me|us ~0 to ~1 school|doctors|doctor|dentist|appointments|hospital|gp|opticians"),
        (An, "no ~0 adult|adults|grown|parent|parents ~2 up|home|around|there|in ~2 morning|mornings|night|nights|days|weekend|weekends"),
        (An, "cereal|crisps|biscuits|toast|bread|noodles|sweets ~1 for ~0 tea|dinner|supper ~3 most|every|all|again|nights|night|days|week"),
        (An, "only ~0 food|meal|meals ~6 school|breakfast|dinners|lunch"),
        (An, "hasnt|havent|not|never|dont|doesnt|didnt ~2 proper|hot|decent|real ~0 meal|meals|dinner|tea ~4 home|house|days|weeks|since|ages|week"),
        (An, "@Family ~3 never|hardly|rarely ~1 in|home|around|there|about ~8 tea|dinner|food|bed|myself|ourselves"),
        (An, "tea|dinner|food|meals|myself|ourselves ~8 @Family ~3 never|hardly|rarely ~1 in|home|around|there|about"),
        (An, "forgets|forgot|forget ~1 to ~0 pick|collect|feed ~1 me|us|@Kid ~6 always|again|every|time|times|dark|hours|week"),
        (An, "sent|send|sends|go|goes|walk|walks ~3 without|no ~2 coat|coats|shoes|jumper|socks ~6 snow|snowing|freezing|cold|winter|rain|raining"),
        (An, "same ~0 clothes|trousers|top|jumper|socks|uniform|pants|knickers|tshirt ~8 stink|stinks|smell|smells|smelly|dirty|unwashed|filthy|days|week|weeks"),
        (An, "meter|electric|electricity|gas|heating ~6 dark|cold|freezing|candles|torch|torches"),
        (An, "@Kid|we|us|i ~2 are|were|get|got|been|is|was ~1 left ~3 for|all|alone ~2 days|nights|weekends|weekend|overnight|hours|night|day"),
        (An, "left ~1 in ~0 charge ~4 @Kid|brother|sister|siblings|baby|eldest|us"),
        (An, "only ~1 the ~0 eldest|oldest ~3 in ~0 charge"),
        (An, "hoarding|hoards|hoarded|hoard ~1 food|snacks|bread"),
        (An, "presents|presented|arrived ~2 hungry|starving|unkempt|unwashed|dishevelled|smelly|filthy +@Kid|@Pronoun|@First"),
        (An, "shuts|shut|shutting|locks|locked ~1 me|us|him|her|them ~1 in ~2 room|bedroom|cupboard|shed|cellar|garage|garden|outside ~8 hours|days|weekend|weekends|night|nights|all|punishment"),

        // Young children left alone, told by a neighbour or a practitioner (session 5): "the two little ones next door are left
        // on their own every night till gone midnight". A time or a habit is needed, so "left alone at lunch" at school is not.
        (An, "@Kid|kids|ones|uns|we|us|they|them ~4 are|were|get|got|been|is|was|being|keeps|kept|often|always|regularly ~2 left ~1 @Alone|alone|unattended|unsupervised ~8 night|nights|midnight|overnight|hours|evening|evenings|weekend|weekends|days|every|late|regularly|often|always|while|whilst|time -@Venue"),
        (An, "@Leave|leaves ~1 them|the|both|those|@Kid ~3 @Alone|alone|unattended|unsupervised ~6 night|nights|midnight|overnight|hours|evening|evenings|weekend|weekends|days|every|late|while|whilst -@Venue"),

        // Session 7, from safeguarding practice rather than from a test set. Neglect told plainly: no heating, electric or hot
        // water for a time (a power cut "for two hours" or a broken school boiler is not one: a duration of days, or the cold
        // and the candles, is needed, and not in a lesson or at a venue); food stolen, begged for or taken from bins because
        // there is none; the only meal at school; a shared mattress on the floor; a doctor or dentist withheld while a child
        // is ill or in pain; appointments missed; untreated conditions.
        (An, "no|without|havent|hasnt|aint|hadnt ~3 gas|electric|electricity|heating|leccy|lecky ~8 weeks|week|days|months|ages|coats|candles|freezing|cold|dark|torch|torches -@Venue -@Trivial -@ResolvedNow"),
        (An, "gas|electric|electricity|heating|leccy|lecky ~2 off|cut|disconnected ~5 since|weeks|days|months|ages -@Venue -@Trivial -@ResolvedNow"),
        (An, "no|without|havent|hasnt|aint|hadnt ~2 hot ~0 water ~8 wash|washed|shower|bath|smell|stink|stinks|weeks|days|months -@Venue"),
        (An, "nick|nicking|nicked|steal|stealing|stole|beg|begging|begged|ask|asking|asked ~6 food|eat|leftovers|tea|dinner|breakfast ~8 nothing|no|none|hungry|starving|empty -@Laugh"),
        (An, "beg|begging|begged|ask|asking|asks ~2 people|strangers|neighbours|everyone ~2 for ~1 change|money|food ~10 eat|food|hungry|starving|tea|dinner"),
        (An, "i|we|me|us|@Kid ~4 through|from|raid|raiding|raided|searching|search|rooting|root|in|out ~2 bins|bin|skips ~6 food|eat|eating|hungry -@Laugh"),
        (An, "only ~1 proper|real|hot|decent|actual ~0 meal|meals|food|dinner ~3 get|have|eat|gets|eats ~4 school|dinners|lunch|lunches|breakfast"),

        // Tenth session, quiet kinds told in passing: no food at home said flatly ("i dont really eat at home cos theres
        // nothing", "theres never anything in at home"), and harm told as a habit of drink ("he gets rough when hes had a drink").
        (An, "dont|never|hardly|barely|rarely|cant ~2 eat|eaten ~2 at|in ~0 home|house ~6 nothing|no|never|empty|hungry|starving|none -@Laugh"),
        (An, "nothing|never|no ~2 food|eat|anything ~3 home|house -@Laugh -@Trivial"),
        (An, "gets|get|got|getting ~1 rough|handy|nasty|violent|physical ~7 drink|drunk|drinking|drinks|pissed|beer|beers -@Laugh"),
        (An, "share|sharing|shares ~3 mattress|mattresses ~2 on ~1 floor|floors"),
        (An, "only|one ~2 mattress|mattresses ~2 on ~1 floor|floors -@Venue"),
        (An, "months|weeks|ages|pain|hurting|killing|ill|sick|infection|infected|bleeding|agony ~12 wont|doesnt|never|refuses|refused|wouldnt ~1 take|takes ~1 me|us|him|her ~2 to ~1 the ~0 doctors|doctor|gp|dentist|dentists|hospital next!till,until,til,on,tomorrow,next,after,before,unless,cos,because"),
        (An, "wont|doesnt|never|refuses|refused|wouldnt ~1 take|takes ~1 me|us|him|her ~2 to ~1 the ~0 doctors|doctor|gp|dentist|dentists|hospital ~12 months|weeks|ages|pain|hurting|killing|ill|sick|infection|infected|bleeding|agony"),
        (An, "not|never|wasnt|werent|isnt|arent|missed ~1 brought|taken ~2 to ~2 medical|health|dental|hospital|gp|clinic ~0 appointments|appointment"),
        (An, "untreated ~2 wound|wounds|infection|infections|injury|injuries|tooth|teeth|decay|rash|burn|burns|eczema|condition|nits"),

        // Domestic abuse told in case-note style or reported speech: "YP disclosed dad is violent to mum when drinking",
        // "a violent incident at home between the adults", an Operation Encompass notification (not a briefing about it).
        (Da, "violent|violence|aggressive|abusive ~2 to|towards|toward|with|against ~1 @Mum|mums|nan|nana|gran|mother neg -@Awareness"),
        (Da, "violent|violence|physical|domestic ~4 between ~1 the|her|his|my ~0 adults|parents|carers|mum|dad -@Awareness"),
        (Da, "operation ~0 encompass ~1 notification|call|callout ~4 received|today|overnight|morning|night|weekend|regarding|re|about|for|yesterday -@Awareness"),
        (Da, "received|had|got|receive ~2 operation ~0 encompass ~0 notification|call|callout -@Awareness"),

        // Criminal exploitation: a phone handed over with a threat or a debt attached is a gang's phone, not a present.
        (Ex, "gave|given|give|gives|handed|hands ~3 a ~0 phone ~20 threaten|threatened|threatens|threatening|stab|hurt|kill|batter|beat|shank|owe|owes|smash -@Family"),
        (Ex, "@Burner ~20 threaten|threatened|threatens|threatening|stab|hurt|kill|batter|beat|shank|owe|owes|smash"),

        // Food locked away; "its our special game"; rows heard as screaming and smashing below; girls collected by adult males.
        (An, "locks|locked|lock|padlock|padlocked|padlocks|chains|chained ~1 the|our|her|his|up|away ~1 fridge|fridges|cupboards|cupboard|kitchen|food"),
        (An, "says|said|calls|called|its|it's|tells ~2 our|a ~1 special|secret|little ~0 game|games|thing ~0 next!at,on,for,in,with,to +@Family|@Male|@Trust|@Partner|@Pronoun"),
        (Da, "screaming|screamin|shouting|shoutin|yelling|yellin ~3 smashing|smashin|banging|bangin|crashing|crashin ~6 downstairs|every|nights|night -@Laugh"),
        (Ex, "picked|picking ~0 up ~2 by ~0 adult|older|unknown|grown ~0 males|male|men|man"),
        (Ex, "collected|collecting ~1 by ~0 adult|older|unknown|grown ~0 males|male|men|man"),

        // Sexual abuse told afterwards, without a harm word: "forced himself on me".
        (An, "forced|forces|forcing|force ~0 himself|herself|themselves ~0 on|onto|upon ~0 me|her|him|us"),
        (An, "made|makes|forced|forces|force|make ~1 me|her|him|us ~2 have ~0 sex"),
    ];

    /// <summary>Every class of <see cref="ConcernLexicon"/> by its name, so that a rule can name any of them.</summary>
    private static readonly Dictionary<string, ulong> ClassNames = typeof(ConcernLexicon)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(ulong))
        .ToDictionary(f => f.Name, f => (ulong)f.GetRawConstantValue()!, StringComparer.Ordinal);

    private static readonly Dictionary<string, int> LiteralIds = new(StringComparer.Ordinal);

    /// <summary>The parsed rules, in the order of <see cref="Specs"/>.</summary>
    public static readonly SignalRule[] All = Specs.Select(s => Parse(s.Category, s.Spec)).ToArray();

    /// <summary>How many distinct literal words the rules use.</summary>
    public static readonly int LiteralCount = LiteralIds.Count;

    /// <summary>Every literal word used by some rule, with its id.</summary>
    public static IReadOnlyDictionary<string, int> Literals => LiteralIds;

    private static SignalRule Parse(string category, string spec)
    {
        var cat = category switch
        {
            Sh => ConcernCategory.SelfHarm,
            An => ConcernCategory.AbuseNeglect,
            Ex => ConcernCategory.Exploitation,
            Da => ConcernCategory.DomesticAbuse,
            _ => ConcernCategory.ImmediateDanger,
        };
        var elements = new List<SignalElement>();
        var need = new List<ulong>();
        ulong forbid = 0;
        var negation = false;
        string[] notNext = [];
        Audience? notFor = null;
        var gap = 0;
        foreach (var part in spec.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part[0] == '~')
            {
                gap = int.Parse(part[1..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (part[0] is '+' or '-')
            {
                var mask = part[1..].Split('|').Aggregate(0UL, (m, c) => m | ClassNames[c.TrimStart('@')]);
                if (part[0] == '+')
                {
                    need.Add(mask);
                }
                else
                {
                    forbid |= mask;
                }
            }
            else if (part == "neg")
            {
                negation = true;
            }
            else if (part.StartsWith("next!", StringComparison.Ordinal))
            {
                notNext = part[5..].Split(',');
            }
            else if (part.StartsWith("not:", StringComparison.Ordinal))
            {
                notFor = part[4..] switch { "parent" => Audience.Parent, "child" => Audience.Child, _ => throw new FormatException(part) };
            }
            else
            {
                ulong mask = 0;
                var words = new List<int>();
                foreach (var alt in part.Split('|'))
                {
                    if (alt[0] == '@')
                    {
                        mask |= ClassNames[alt[1..]];
                    }
                    else
                    {
                        if (!LiteralIds.TryGetValue(alt, out var id))
                        {
                            LiteralIds[alt] = id = LiteralIds.Count;
                        }

                        words.Add(id);
                    }
                }

                elements.Add(new SignalElement(mask, words.ToArray(), elements.Count == 0 ? 0 : gap));
                gap = 0;
            }
        }

        return new SignalRule(cat, spec, elements.ToArray(), need.ToArray(), forbid, negation, notNext, notFor);
    }
}

/// <summary>One position of a rule: a word of one of the classes in <see cref="Mask"/> or one of the literal words
/// <see cref="Words"/> (ids), at most <see cref="Gap"/> words after the previous position.</summary>
internal sealed record SignalElement(ulong Mask, int[] Words, int Gap)
{
    /// <summary><see cref="Words"/> as a bit per id, so that a token is tested in one step instead of a loop over the
    /// words: the matcher asks it for every word of every text that the rule's cheaper checks let through.</summary>
    private readonly ulong[] wordBits = BitsOf(Words);

    /// <summary>Whether literal id <paramref name="id"/> (not negative) is one of <see cref="Words"/>.</summary>
    public bool HasWord(int id)
    {
        var k = id >> 6;
        return k < wordBits.Length && (wordBits[k] & (1UL << (id & 63))) != 0;
    }

    private static ulong[] BitsOf(int[] words)
    {
        var max = -1;
        foreach (var w in words)
        {
            max = Math.Max(max, w);
        }

        var bits = new ulong[(max >> 6) + 1];
        foreach (var w in words)
        {
            bits[w >> 6] |= 1UL << (w & 63);
        }

        return bits;
    }
}

/// <summary>A parsed signal rule.</summary>
internal sealed record SignalRule(
    ConcernCategory Category,
    string Spec,
    SignalElement[] Elements,
    ulong[] Need,
    ulong Forbid,
    bool Negation,
    string[] NotNext,
    Audience? NotFor);
