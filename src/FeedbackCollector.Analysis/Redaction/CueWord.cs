namespace FeedbackCollector.Analysis.Redaction;

/// <summary>
/// The words the name finder compares tokens with ("my name is", "thanks", "at the youth club"). Each token carries
/// the cue word it equals (ignoring case), looked up once with its flags, so the cue checks compare a byte instead of
/// comparing strings case-insensitively.
/// </summary>
internal enum CueWord : byte
{
    /// <summary>Not a cue word.</summary>
    None,
    /// <summary>"and".</summary>
    And,
    /// <summary>"miss".</summary>
    Miss,
    /// <summary>"sir".</summary>
    Sir,
    /// <summary>"auntie".</summary>
    Auntie,
    /// <summary>"aunty".</summary>
    Aunty,
    /// <summary>"uncle".</summary>
    Uncle,
    /// <summary>"nanna".</summary>
    Nanna,
    /// <summary>"grandma".</summary>
    Grandma,
    /// <summary>"grandad".</summary>
    Grandad,
    /// <summary>"called".</summary>
    Called,
    /// <summary>"named".</summary>
    Named,
    /// <summary>"name's".</summary>
    NamePossessive,
    /// <summary>"aka".</summary>
    Aka,
    /// <summary>"names".</summary>
    Names,
    /// <summary>"my".</summary>
    My,
    /// <summary>"her".</summary>
    Her,
    /// <summary>"his".</summary>
    His,
    /// <summary>"their".</summary>
    Their,
    /// <summary>"as".</summary>
    As,
    /// <summary>"known".</summary>
    Known,
    /// <summary>"me".</summary>
    Me,
    /// <summary>"call".</summary>
    Call,
    /// <summary>"name".</summary>
    Name,
    /// <summary>"is".</summary>
    Is,
    /// <summary>"was".</summary>
    Was,
    /// <summary>"its".</summary>
    Its,
    /// <summary>"it's".</summary>
    ItIs,
    /// <summary>"n".</summary>
    N,
    /// <summary>"&amp;" (a token is letters only, so never matched).</summary>
    Ampersand,
    /// <summary>"i".</summary>
    I,
    /// <summary>"told".</summary>
    Told,
    /// <summary>"asked".</summary>
    Asked,
    /// <summary>"thanks".</summary>
    Thanks,
    /// <summary>"thank".</summary>
    Thank,
    /// <summary>"love".</summary>
    Love,
    /// <summary>"hi".</summary>
    Hi,
    /// <summary>"dear".</summary>
    Dear,
    /// <summary>"with".</summary>
    With,
    /// <summary>"spoke".</summary>
    Spoke,
    /// <summary>"met".</summary>
    Met,
    /// <summary>"you".</summary>
    You,
    /// <summary>"to".</summary>
    To,
    /// <summary>"shoutout".</summary>
    Shoutout,
    /// <summary>"out".</summary>
    Out,
    /// <summary>"for".</summary>
    For,
    /// <summary>"at".</summary>
    At,
    /// <summary>"from".</summary>
    From,
    /// <summary>"x".</summary>
    X,
    /// <summary>"xx".</summary>
    Xx,
    /// <summary>"im".</summary>
    Im,
    /// <summary>"i'm".</summary>
    IAm,
    /// <summary>"this".</summary>
    This,
    /// <summary>"am".</summary>
    Am,
    /// <summary>"here".</summary>
    Here,
    /// <summary>"mum".</summary>
    Mum,
    /// <summary>"dad".</summary>
    Dad,
    /// <summary>"mam".</summary>
    Mam,
    /// <summary>"mom".</summary>
    Mom,
    /// <summary>"house".</summary>
    House,
    /// <summary>"family".</summary>
    Family,
    /// <summary>"parents".</summary>
    Parents,
    /// <summary>"carer".</summary>
    Carer,
    /// <summary>"birthday".</summary>
    Birthday,
    /// <summary>"phone".</summary>
    Phone,
    /// <summary>"room".</summary>
    Room,
    /// <summary>"dob".</summary>
    Dob,
    /// <summary>"the".</summary>
    The,
    /// <summary>"youth".</summary>
    Youth,
    /// <summary>"club".</summary>
    Club,
    /// <summary>"centre".</summary>
    Centre,
    /// <summary>"center".</summary>
    Center,
    /// <summary>"clinic".</summary>
    Clinic,
    /// <summary>"hub".</summary>
    Hub,
    /// <summary>"project".</summary>
    Project,
    /// <summary>"school".</summary>
    School,
    /// <summary>"lovely".</summary>
    Lovely,
    /// <summary>"happy".</summary>
    Happy,
    /// <summary>"lucky".</summary>
    Lucky,
    /// <summary>"sunny".</summary>
    Sunny,
    /// <summary>"precious".</summary>
    Precious,
    /// <summary>"unique".</summary>
    Unique,
    /// <summary>"divine".</summary>
    Divine,
    /// <summary>"royal".</summary>
    Royal,
    /// <summary>"rich".</summary>
    Rich,
    /// <summary>"ace".</summary>
    Ace,
    /// <summary>"golden".</summary>
    Golden,
    /// <summary>"gold".</summary>
    Gold,
    /// <summary>"ginger".</summary>
    Ginger,
    /// <summary>"rocky".</summary>
    Rocky,
    /// <summary>"misty".</summary>
    Misty,
    /// <summary>"best".</summary>
    Best,
    /// <summary>"worst".</summary>
    Worst,
    /// <summary>"a".</summary>
    A,
    /// <summary>"an".</summary>
    An,
    /// <summary>"on".</summary>
    On,
    /// <summary>"number".</summary>
    Number,
    /// <summary>"no".</summary>
    No,
    /// <summary>"mob".</summary>
    Mob,
    /// <summary>"mobile".</summary>
    Mobile,
    /// <summary>"tel".</summary>
    Tel,
    /// <summary>"email".</summary>
    Email,
    /// <summary>"of".</summary>
    Of,
    /// <summary>"will".</summary>
    Will,
    /// <summary>"be".</summary>
    Be,
    /// <summary>"about".</summary>
    About,
    /// <summary>"please".</summary>
    Please,
    /// <summary>"round".</summary>
    Round,
    /// <summary>"your".</summary>
    Your,
    /// <summary>"our".</summary>
    Our,
    /// <summary>"that".</summary>
    That,
    /// <summary>"helps".</summary>
    Helps,
    /// <summary>"visits".</summary>
    Visits,
    /// <summary>"visited".</summary>
    Visited,
    /// <summary>"comes".</summary>
    Comes,
    /// <summary>"came".</summary>
    Came,
    /// <summary>"turns".</summary>
    Turns,
    /// <summary>"turned".</summary>
    Turned,
    /// <summary>"shows".</summary>
    Shows,
    /// <summary>"showed".</summary>
    Showed,
    /// <summary>"picks".</summary>
    Picks,
    /// <summary>"picked".</summary>
    Picked,
    /// <summary>"sorts".</summary>
    Sorts,
    /// <summary>"sorted".</summary>
    Sorted,
    /// <summary>"checks".</summary>
    Checks,
    /// <summary>"checked".</summary>
    Checked,
    /// <summary>"college".</summary>
    College,
    /// <summary>"class".</summary>
    Class,
    /// <summary>"year".</summary>
    Year,
    /// <summary>"form".</summary>
    Form,
    /// <summary>"group".</summary>
    Group,
    /// <summary>"reception".</summary>
    Reception,
    /// <summary>"desk".</summary>
    Desk,
    /// <summary>"church".</summary>
    Church,
    /// <summary>"mosque".</summary>
    Mosque,
    /// <summary>"team".</summary>
    Team,
    /// <summary>"scared".</summary>
    Scared,
    /// <summary>"frightened".</summary>
    Frightened,
    /// <summary>"terrified".</summary>
    Terrified,
    /// <summary>"crying".</summary>
    Crying,
    /// <summary>"upset".</summary>
    Upset,
    /// <summary>"worried".</summary>
    Worried,
    /// <summary>"pregnant".</summary>
    Pregnant,
    /// <summary>"bullied".</summary>
    Bullied,
    /// <summary>"keep".</summary>
    Keep,
    /// <summary>"bully".</summary>
    Bully,
    /// <summary>"tease".</summary>
    Tease,
    /// <summary>"ignore".</summary>
    Ignore,
    /// <summary>"hit".</summary>
    Hit,
    /// <summary>"pick".</summary>
    Pick,
    /// <summary>"shout".</summary>
    Shout,
    /// <summary>"swear".</summary>
    Swear,
    /// <summary>"laugh".</summary>
    Laugh,
    /// <summary>"run".</summary>
    Run,
    /// <summary>"lead".</summary>
    Lead,
    /// <summary>"keeps".</summary>
    Keeps,
    /// <summary>"kept".</summary>
    Kept,
    /// <summary>"are".</summary>
    Are,
    /// <summary>"were".</summary>
    Were,
    /// <summary>"in".</summary>
    In,
    /// <summary>"like".</summary>
    Like,
    /// <summary>"tonight".</summary>
    Tonight,
    /// <summary>"last".</summary>
    Last,
    /// <summary>"said".</summary>
    Said,
    /// <summary>"says".</summary>
    Says,
    /// <summary>"has".</summary>
    Has,
    /// <summary>"had".</summary>
    Had,
    /// <summary>"been".</summary>
    Been,
    /// <summary>"there".</summary>
    There,
    /// <summary>"can".</summary>
    Can,
    /// <summary>"reached".</summary>
    Reached,
    /// <summary>"contacted".</summary>
    Contacted,
    /// <summary>"hope".</summary>
    Hope,
    /// <summary>"faith".</summary>
    Faith,
    /// <summary>"may".</summary>
    May,
    /// <summary>"mia".</summary>
    Mia,
    /// <summary>"st".</summary>
    St,
    /// <summary>"saint".</summary>
    Saint,
    /// <summary>"if".</summary>
    If,
    /// <summary>"he".</summary>
    He,
    /// <summary>"she".</summary>
    She,
    /// <summary>"we".</summary>
    We,
    /// <summary>"they".</summary>
    They,
    /// <summary>"it".</summary>
    It,
    /// <summary>"gave".</summary>
    Gave,
    /// <summary>"got".</summary>
    Got,
    /// <summary>"gets".</summary>
    Gets,
    /// <summary>"gives".</summary>
    Gives,
    /// <summary>"took".</summary>
    Took,
    /// <summary>"takes".</summary>
    Takes,
    /// <summary>"made".</summary>
    Made,
    /// <summary>"makes".</summary>
    Makes,
    /// <summary>"went".</summary>
    Went,
    /// <summary>"goes".</summary>
    Goes,
    /// <summary>"sent".</summary>
    Sent,
    /// <summary>"left".</summary>
    Left,
    /// <summary>"did".</summary>
    Did,
    /// <summary>"does".</summary>
    Does,
    /// <summary>"saw".</summary>
    Saw,
    /// <summary>"sees".</summary>
    Sees,
    /// <summary>"lady".</summary>
    Lady,
    /// <summary>"man".</summary>
    Man,
    /// <summary>"woman".</summary>
    Woman,
    /// <summary>"guy".</summary>
    Guy,
    /// <summary>"bloke".</summary>
    Bloke,
    /// <summary>"eldest".</summary>
    Eldest,
    /// <summary>"youngest".</summary>
    Youngest,
    /// <summary>"oldest".</summary>
    Oldest,
    /// <summary>"caretaker".</summary>
    Caretaker,
    /// <summary>"receptionist".</summary>
    Receptionist,
    /// <summary>"cleaner".</summary>
    Cleaner,
    /// <summary>"cook".</summary>
    Cook,
    /// <summary>"volunteer".</summary>
    Volunteer,
    /// <summary>"leader".</summary>
    Leader,
    /// <summary>"visitor".</summary>
    Visitor,
    /// <summary>"facilitator".</summary>
    Facilitator,
    /// <summary>"librarian".</summary>
    Librarian,
    /// <summary>"u".</summary>
    U,
    /// <summary>"shes".</summary>
    Shes,
    /// <summary>"hes".</summary>
    Hes,
    /// <summary>"action".</summary>
    Action,
    /// <summary>"actions".</summary>
    Actions,
    /// <summary>"idea".</summary>
    Idea,
    /// <summary>"ideas".</summary>
    Ideas,
    /// <summary>"mark".</summary>
    Mark,
}

/// <summary>The text of each <see cref="CueWord"/>.</summary>
internal static class CueWords
{
    /// <summary>The first of the names that are also describing words ("lovely", "happy"; see word-names.txt).</summary>
    public const CueWord FirstDescribing = CueWord.Lovely;

    /// <summary>The last of the describing names.</summary>
    public const CueWord LastDescribing = CueWord.Misty;

    /// <summary>The first of the verbs a person does that things do too ("helps", "came"): a name before one only after an adverb.</summary>
    public const CueWord FirstAction = CueWord.Helps;

    /// <summary>The last of those verbs.</summary>
    public const CueWord LastAction = CueWord.Checked;

    /// <summary>The first of the places and groups after a lower-case name ("from the youth club", "in my class"); the
    /// range runs from "youth" to "school" and on from "college" to "team".</summary>
    public const CueWord FirstPlace = CueWord.College;

    /// <summary>The last of the places and groups added with "college".</summary>
    public const CueWord LastPlace = CueWord.Team;

    /// <summary>The first of the states only a person is in ("scared", "crying"): "rose is scared to go home".</summary>
    public const CueWord FirstState = CueWord.Scared;

    /// <summary>The last of those states.</summary>
    public const CueWord LastState = CueWord.Bullied;

    /// <summary>The first of the plural verbs people do to a person ("keep", "bully", "ignore"): "mark and jade bully me".</summary>
    public const CueWord FirstGroupVerb = CueWord.Keep;

    /// <summary>The last of those verbs.</summary>
    public const CueWord LastGroupVerb = CueWord.Lead;

    /// <summary>The first of the past and third-person verbs that are not in the word lists ("gave", "gets", "took"): after
    /// "grace my sw" they make "grace" the subject, as "hope my sw gets better" cannot ("hope" is never taken there).</summary>
    public const CueWord FirstFinite = CueWord.Gave;

    /// <summary>The last of those verbs.</summary>
    public const CueWord LastFinite = CueWord.Sees;

    /// <summary>The first of the people named by what they are, not a role word: "lily the lollipop lady", "Summer, my eldest,".</summary>
    public const CueWord FirstPersonNoun = CueWord.Lady;

    /// <summary>The last of those words.</summary>
    public const CueWord LastPersonNoun = CueWord.Librarian;

    /// <summary>Every cue word with its text.</summary>
    public static readonly (CueWord Cue, string Word)[] All =
    [
        (CueWord.And, "and"),
        (CueWord.Miss, "miss"),
        (CueWord.Sir, "sir"),
        (CueWord.Auntie, "auntie"),
        (CueWord.Aunty, "aunty"),
        (CueWord.Uncle, "uncle"),
        (CueWord.Nanna, "nanna"),
        (CueWord.Grandma, "grandma"),
        (CueWord.Grandad, "grandad"),
        (CueWord.Called, "called"),
        (CueWord.Named, "named"),
        (CueWord.NamePossessive, "name's"),
        (CueWord.Aka, "aka"),
        (CueWord.Names, "names"),
        (CueWord.My, "my"),
        (CueWord.Her, "her"),
        (CueWord.His, "his"),
        (CueWord.Their, "their"),
        (CueWord.As, "as"),
        (CueWord.Known, "known"),
        (CueWord.Me, "me"),
        (CueWord.Call, "call"),
        (CueWord.Name, "name"),
        (CueWord.Is, "is"),
        (CueWord.Was, "was"),
        (CueWord.Its, "its"),
        (CueWord.ItIs, "it's"),
        (CueWord.N, "n"),
        (CueWord.Ampersand, "&"),
        (CueWord.I, "i"),
        (CueWord.Told, "told"),
        (CueWord.Asked, "asked"),
        (CueWord.Thanks, "thanks"),
        (CueWord.Thank, "thank"),
        (CueWord.Love, "love"),
        (CueWord.Hi, "hi"),
        (CueWord.Dear, "dear"),
        (CueWord.With, "with"),
        (CueWord.Spoke, "spoke"),
        (CueWord.Met, "met"),
        (CueWord.You, "you"),
        (CueWord.To, "to"),
        (CueWord.Shoutout, "shoutout"),
        (CueWord.Out, "out"),
        (CueWord.For, "for"),
        (CueWord.At, "at"),
        (CueWord.From, "from"),
        (CueWord.X, "x"),
        (CueWord.Xx, "xx"),
        (CueWord.Im, "im"),
        (CueWord.IAm, "i'm"),
        (CueWord.This, "this"),
        (CueWord.Am, "am"),
        (CueWord.Here, "here"),
        (CueWord.Mum, "mum"),
        (CueWord.Dad, "dad"),
        (CueWord.Mam, "mam"),
        (CueWord.Mom, "mom"),
        (CueWord.House, "house"),
        (CueWord.Family, "family"),
        (CueWord.Parents, "parents"),
        (CueWord.Carer, "carer"),
        (CueWord.Birthday, "birthday"),
        (CueWord.Phone, "phone"),
        (CueWord.Room, "room"),
        (CueWord.Dob, "dob"),
        (CueWord.The, "the"),
        (CueWord.Youth, "youth"),
        (CueWord.Club, "club"),
        (CueWord.Centre, "centre"),
        (CueWord.Center, "center"),
        (CueWord.Clinic, "clinic"),
        (CueWord.Hub, "hub"),
        (CueWord.Project, "project"),
        (CueWord.School, "school"),
        (CueWord.Lovely, "lovely"),
        (CueWord.Happy, "happy"),
        (CueWord.Lucky, "lucky"),
        (CueWord.Sunny, "sunny"),
        (CueWord.Precious, "precious"),
        (CueWord.Unique, "unique"),
        (CueWord.Divine, "divine"),
        (CueWord.Royal, "royal"),
        (CueWord.Rich, "rich"),
        (CueWord.Ace, "ace"),
        (CueWord.Golden, "golden"),
        (CueWord.Gold, "gold"),
        (CueWord.Ginger, "ginger"),
        (CueWord.Rocky, "rocky"),
        (CueWord.Misty, "misty"),
        (CueWord.Best, "best"),
        (CueWord.Worst, "worst"),
        (CueWord.A, "a"),
        (CueWord.An, "an"),
        (CueWord.On, "on"),
        (CueWord.Number, "number"),
        (CueWord.No, "no"),
        (CueWord.Mob, "mob"),
        (CueWord.Mobile, "mobile"),
        (CueWord.Tel, "tel"),
        (CueWord.Email, "email"),
        (CueWord.Of, "of"),
        (CueWord.Will, "will"),
        (CueWord.Be, "be"),
        (CueWord.About, "about"),
        (CueWord.Please, "please"),
        (CueWord.Round, "round"),
        (CueWord.Your, "your"),
        (CueWord.Our, "our"),
        (CueWord.That, "that"),
        (CueWord.Helps, "helps"),
        (CueWord.Visits, "visits"),
        (CueWord.Visited, "visited"),
        (CueWord.Comes, "comes"),
        (CueWord.Came, "came"),
        (CueWord.Turns, "turns"),
        (CueWord.Turned, "turned"),
        (CueWord.Shows, "shows"),
        (CueWord.Showed, "showed"),
        (CueWord.Picks, "picks"),
        (CueWord.Picked, "picked"),
        (CueWord.Sorts, "sorts"),
        (CueWord.Sorted, "sorted"),
        (CueWord.Checks, "checks"),
        (CueWord.Checked, "checked"),
        (CueWord.College, "college"),
        (CueWord.Class, "class"),
        (CueWord.Year, "year"),
        (CueWord.Form, "form"),
        (CueWord.Group, "group"),
        (CueWord.Reception, "reception"),
        (CueWord.Desk, "desk"),
        (CueWord.Church, "church"),
        (CueWord.Mosque, "mosque"),
        (CueWord.Team, "team"),
        (CueWord.Scared, "scared"),
        (CueWord.Frightened, "frightened"),
        (CueWord.Terrified, "terrified"),
        (CueWord.Crying, "crying"),
        (CueWord.Upset, "upset"),
        (CueWord.Worried, "worried"),
        (CueWord.Pregnant, "pregnant"),
        (CueWord.Bullied, "bullied"),
        (CueWord.Keep, "keep"),
        (CueWord.Bully, "bully"),
        (CueWord.Tease, "tease"),
        (CueWord.Ignore, "ignore"),
        (CueWord.Hit, "hit"),
        (CueWord.Pick, "pick"),
        (CueWord.Shout, "shout"),
        (CueWord.Swear, "swear"),
        (CueWord.Laugh, "laugh"),
        (CueWord.Run, "run"),
        (CueWord.Lead, "lead"),
        (CueWord.Keeps, "keeps"),
        (CueWord.Kept, "kept"),
        (CueWord.Are, "are"),
        (CueWord.Were, "were"),
        (CueWord.In, "in"),
        (CueWord.Like, "like"),
        (CueWord.Tonight, "tonight"),
        (CueWord.Last, "last"),
        (CueWord.Said, "said"),
        (CueWord.Says, "says"),
        (CueWord.Has, "has"),
        (CueWord.Had, "had"),
        (CueWord.Been, "been"),
        (CueWord.There, "there"),
        (CueWord.Can, "can"),
        (CueWord.Reached, "reached"),
        (CueWord.Contacted, "contacted"),
        (CueWord.Hope, "hope"),
        (CueWord.Faith, "faith"),
        (CueWord.May, "may"),
        (CueWord.Mia, "mia"),
        (CueWord.St, "st"),
        (CueWord.Saint, "saint"),
        (CueWord.If, "if"),
        (CueWord.He, "he"),
        (CueWord.She, "she"),
        (CueWord.We, "we"),
        (CueWord.They, "they"),
        (CueWord.It, "it"),
        (CueWord.Gave, "gave"),
        (CueWord.Got, "got"),
        (CueWord.Gets, "gets"),
        (CueWord.Gives, "gives"),
        (CueWord.Took, "took"),
        (CueWord.Takes, "takes"),
        (CueWord.Made, "made"),
        (CueWord.Makes, "makes"),
        (CueWord.Went, "went"),
        (CueWord.Goes, "goes"),
        (CueWord.Sent, "sent"),
        (CueWord.Left, "left"),
        (CueWord.Did, "did"),
        (CueWord.Does, "does"),
        (CueWord.Saw, "saw"),
        (CueWord.Sees, "sees"),
        (CueWord.Lady, "lady"),
        (CueWord.Man, "man"),
        (CueWord.Woman, "woman"),
        (CueWord.Guy, "guy"),
        (CueWord.Bloke, "bloke"),
        (CueWord.Eldest, "eldest"),
        (CueWord.Youngest, "youngest"),
        (CueWord.Oldest, "oldest"),
        (CueWord.Caretaker, "caretaker"),
        (CueWord.Receptionist, "receptionist"),
        (CueWord.Cleaner, "cleaner"),
        (CueWord.Cook, "cook"),
        (CueWord.Volunteer, "volunteer"),
        (CueWord.Leader, "leader"),
        (CueWord.Visitor, "visitor"),
        (CueWord.Facilitator, "facilitator"),
        (CueWord.Librarian, "librarian"),
        (CueWord.U, "u"),
        (CueWord.Shes, "shes"),
        (CueWord.Hes, "hes"),
        (CueWord.Action, "action"),
        (CueWord.Actions, "actions"),
        (CueWord.Idea, "idea"),
        (CueWord.Ideas, "ideas"),
        (CueWord.Mark, "mark"),
    ];
}
