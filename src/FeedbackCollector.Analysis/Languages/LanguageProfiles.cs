using System.Runtime.CompilerServices;

namespace FeedbackCollector.Analysis.Languages;

/// <summary>
/// Stop-word and letter profiles of the languages most written in English local authorities' feedback. Words are
/// lower case; a word that is also common English is ignored for the other language (it says nothing).
/// </summary>
internal static class LanguageProfiles
{
    /// <summary>
    /// This class's field initialisers run once, at start-up: compiled without optimisation (MinOpts), the
    /// JIT takes a fraction of the time a full optimisation of this long straight-line method takes (the CLI turns
    /// quick JIT off, so it would otherwise be fully optimised). See docs/analyzer.md, branch s12-speed.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoOptimization)]
    static LanguageProfiles()
    {
    }

    /// <summary>Common English words (function words and everyday words), used both for language and as stop words.</summary>
    public static readonly string[] EnglishCommon =
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "always", "am", "an", "and", "any", "anyone",
        "anything", "are", "around", "as", "at", "away", "back", "be", "because", "been", "before", "being", "below",
        "between", "both", "but", "by", "can", "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing",
        "done", "dont", "down", "during", "each", "even", "ever", "every", "everyone", "everything", "few", "for", "from",
        "further", "get", "gets", "getting", "give", "go", "goes", "going", "gone", "got", "had", "hadnt", "has", "hasnt",
        "have", "havent", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
        "into", "is", "isnt", "it", "its", "itself", "just", "know", "like", "make", "many", "me", "more", "most", "much",
        "must", "my", "myself", "need", "never", "no", "nor", "not", "nothing", "now", "of", "off", "often", "on", "once",
        "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "really", "same", "say", "said", "see",
        "she", "should", "so", "some", "someone", "something", "still", "such", "than", "that", "the", "their", "theirs",
        "them", "themselves", "then", "there", "these", "they", "thing", "things", "think", "this", "those", "though",
        "through", "to", "too", "under", "until", "up", "us", "very", "was", "wasnt", "we", "well", "were", "werent", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "wont", "would", "wouldnt", "yes", "yet",
        "you", "your", "yours", "yourself", "want", "feel", "felt", "help", "people", "time", "good", "bad", "school",
        "worker", "social", "kids", "child", "children", "young", "mum", "dad", "family", "friends", "home", "work", "told",
        "tell", "talk", "talked", "listen", "listened", "nobody", "because", "maybe", "lot", "lots", "way", "new", "old",
        "day", "days", "week", "weeks", "month", "months", "year", "years", "ok", "please", "thanks", "thank", "sorry",
        "again", "am", "im", "ive", "wanna", "gonna", "yeah", "nah", "lol", "omg", "idk", "tbh", "ppl", "u", "ur",
    ];

    /// <summary>Profiles of other languages written in Latin script: distinctive words and distinctive letters.</summary>
    public static readonly LanguageProfile[] Latin =
    [
        new("pl", "ąćęłńśźż",
            ["nie", "jest", "się", "sie", "że", "ze", "na", "do", "to", "jak", "ale", "mnie", "mi", "mój", "moj", "moja",
             "moje", "jestem", "był", "byl", "była", "byla", "bardzo", "dziękuję", "dziekuje", "dzięki", "dzieki", "pomoc",
             "pomocy", "szkoła", "szkola", "szkole", "dziecko", "dzieci", "syn", "córka", "corka", "tylko", "czy", "co",
             "tak", "już", "juz", "jeszcze", "także", "takze", "bo", "by", "ich", "dla", "od", "przez", "po", "ze",
             "który", "ktory", "która", "ktora", "mam", "ma", "są", "sa", "było", "bylo", "żeby", "zeby", "kiedy", "nic",
             "nikt", "wszystko", "dobrze", "źle", "zle", "pracownik", "socjalny", "rodzina", "moim", "mojego", "mojej",
             "ja", "ty", "on", "ona", "my", "wy", "oni", "tego", "tej", "jego", "jej", "gdy", "albo", "lub", "oraz",
             "nauczyciel", "nauczycielka", "miesiąc", "miesiac", "zmienia", "dzwoni", "oddzwania", "słucha", "slucha", "potrzebuję",
             "potrzebuje", "boję", "boje", "przyjaciele", "chcę", "chce", "mogę", "moge", "zawsze", "nigdy", "teraz", "pracownica", "socjalna"],
            ["dziękuję", "dziekuje", "jestem", "bardzo"]),
        new("ro", "ăâîșțşţ",
            ["și", "si", "nu", "este", "sunt", "în", "cu", "pe", "la", "de", "un", "o", "mai", "foarte", "pentru", "că",
             "ca", "ce", "care", "mă", "ma", "mi", "meu", "mea", "copilul", "copiii", "copil", "școala", "scoala", "școală",
             "ajutor", "mulțumesc", "multumesc", "mult", "bine", "rău", "rau", "am", "ai", "au", "fost", "avem", "nici",
             "doar", "dar", "sau", "iar", "acest", "această", "aceasta", "asta", "când", "cand", "unde", "cum", "noi",
             "voi", "ei", "ele", "lor", "lui", "familia", "asistentul", "social", "fiul", "fiica", "niciodată", "niciodata",
             "vor", "vrea", "vreau", "vrem", "avem", "aveți", "aveti", "tinerii", "tineri", "tineret", "tinerilor", "deschis",
             "închis", "inchis", "nimeni", "nimic", "suntem", "trebuie", "poate", "acum", "aici", "acolo", "despre", "după",
             "dupa", "fără", "fara", "prin", "din", "între", "intre", "acasă", "acasa", "părinții", "parintii", "mama", "tata",
             "seara", "noaptea", "parc", "siguranță", "siguranta", "simt", "ascultă", "asculta", "ajută", "ajuta", "drăguță"],
            ["mulțumesc", "multumesc", "foarte", "pentru"]),
        new("es", "ñ¿¡",
            ["el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "es", "no", "por", "para", "con", "se", "su",
             "sus", "al", "lo", "como", "más", "mas", "pero", "muy", "mi", "mis", "me", "nos", "hijo", "hija", "hijos",
             "escuela", "colegio", "ayuda", "gracias", "bien", "mal", "nunca", "nadie", "nada", "siempre", "está", "esta",
             "están", "estan", "estoy", "tengo", "tiene", "tenemos", "fue", "ha", "han", "hay", "porque", "cuando", "donde",
             "también", "tambien", "sí", "yo", "ella", "ellos", "nosotros", "del", "este", "esto", "eso", "sin", "sobre",
             "muchas", "mucho", "trabajadora", "trabajador", "familia", "ayudó", "ayudo", "escucha", "escuchan",
             "cada", "mes", "meses", "semana", "quiero", "quiere", "otro", "otra", "gusta", "cambia", "cambian", "llaman", "llamó", "madre",
             "padre", "profesor", "profesora", "maestro", "maestra", "miedo", "hace", "necesito", "puedo", "ahora", "bueno", "buena", "malo",
             "mala", "ningún", "ninguna", "trabajo"],
            ["gracias", "porque", "también", "tambien", "nadie"]),
        new("fr", "çœèêëàâîôûù",
            ["le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "que", "qui", "je", "il", "elle", "nous", "vous",
             "ils", "elles", "ne", "pas", "pour", "dans", "sur", "avec", "mais", "très", "tres", "mon", "ma", "mes", "son",
             "sa", "ses", "ce", "cette", "sont", "ont", "été", "ete", "avoir", "être", "etre", "fait", "merci", "beaucoup",
             "enfant", "enfants", "fils", "fille", "école", "ecole", "aide", "aider", "jamais", "personne", "rien",
             "toujours", "bien", "mal", "parce", "quand", "où", "aussi", "j'ai", "jai", "c'est", "cest", "n'est", "nest",
             "au", "aux", "leur", "leurs", "moi", "toi", "lui", "eux", "écoute", "ecoute", "assistante", "sociale", "famille",
             "peur", "chaque", "mois", "semaine", "professeur", "maison", "mère", "père", "pere", "amis", "veux", "peux", "besoin",
             "fois", "tout", "tous", "maintenant", "seulement", "appelle", "rappelle", "écouter", "ecouter", "aucun", "aucune"],
            ["merci", "beaucoup", "parce", "toujours", "jamais"]),
        new("pt", "ãõçáéíóúâêô",
            ["o", "a", "os", "as", "de", "do", "da", "dos", "das", "que", "e", "em", "um", "uma", "não", "nao", "por",
             "para", "com", "se", "seu", "sua", "mais", "mas", "muito", "muita", "meu", "minha", "meus", "minhas", "filho",
             "filha", "filhos", "escola", "ajuda", "obrigado", "obrigada", "bem", "mal", "nunca", "ninguém", "ninguem",
             "nada", "sempre", "está", "esta", "estão", "estao", "estou", "tenho", "tem", "temos", "foi", "há", "porque",
             "quando", "onde", "também", "tambem", "sim", "eu", "ele", "ela", "eles", "nós", "nos", "isso", "isto", "sem",
             "sobre", "ao", "aos", "na", "no", "nas", "nos", "pela", "pelo", "assistente", "família", "familia", "ajudou",
             "ouvem", "ouve",
             "muda", "mudam", "todos", "todas", "meses", "mês", "gosto", "clube", "jovens", "liga", "ligam", "escuta", "professora", "mãe",
             "pai", "medo", "faz", "quero", "preciso", "ajudar", "agora", "bom", "ruim", "cada", "semana", "nenhum", "nenhuma"],
            ["obrigado", "obrigada", "não", "ninguém", "também"]),
        new("it", "àèéìòù",
            ["il", "lo", "la", "gli", "le", "di", "che", "e", "è", "un", "una", "non", "per", "con", "del", "della", "sono",
             "ho", "ha", "mio", "mia", "miei", "figlio", "figlia", "scuola", "aiuto", "grazie", "bene", "male", "mai",
             "nessuno", "niente", "sempre", "perché", "perche", "quando", "dove", "anche", "molto", "ma", "io", "lui", "lei",
             "noi", "voi", "loro", "questo", "questa", "sempre", "stato", "stata", "famiglia",
             "ogni", "mese", "mesi", "settimana", "cambia", "cambiano", "professore", "professoressa", "assistente", "sociale", "bisogno",
             "paura", "figlio", "madre", "padre", "amici", "voglio", "posso", "ascolta", "ascoltano", "chiama", "adesso", "tutto",
             "tutti", "nessuna", "aiutare"],
            ["grazie", "perché", "nessuno", "molto"]),
        new("de", "äöüß",
            ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "ich", "sie", "er", "wir", "ihr", "mit", "für",
             "fur", "auf", "den", "dem", "des", "zu", "von", "auch", "aber", "sehr", "mein", "meine", "kind", "kinder",
             "sohn", "tochter", "schule", "hilfe", "danke", "gut", "schlecht", "nie", "niemand", "nichts", "immer", "weil",
             "wenn", "wo", "hat", "habe", "haben", "sind", "war", "waren", "wurde", "kein", "keine", "noch", "schon",
             "nur", "oder", "familie"],
            ["danke", "nicht", "niemand", "nichts"]),
        new("nl", "ĳ",
            ["de", "het", "een", "en", "is", "niet", "ik", "je", "zij", "wij", "met", "voor", "op", "van", "dat", "die",
             "maar", "heel", "erg", "mijn", "kind", "kinderen", "zoon", "dochter", "school", "hulp", "dank", "bedankt",
             "goed", "slecht", "nooit", "niemand", "niets", "altijd", "omdat", "wanneer", "waar", "heeft", "hebben",
             "zijn", "was", "waren", "geen", "nog", "al", "ook", "alleen", "of", "gezin", "familie"],
            ["bedankt", "niemand", "omdat", "altijd"]),
        new("so", "",
            ["waa", "iyo", "ka", "ku", "oo", "ay", "aan", "waxaan", "wax", "la", "ma", "si", "ee", "ah", "kale", "waxay",
             "waxa", "ayaa", "ayuu", "ayay", "iga", "ii", "igu", "hooyo", "aabe", "ilmaha", "carruurta", "caruurta", "wiilka",
             "gabadha", "dugsiga", "iskuulka", "caawimaad", "caawin", "mahadsanid", "fiican", "xun", "marnaba", "qofna",
             "waligay", "hadda", "sababtoo", "maxaa", "sidee", "waan", "waad", "wuu", "way", "ahay", "ahaa", "jiray",
             "badan", "aad", "aniga", "adiga", "isaga", "iyada", "annaga", "iyaga", "lahayn", "kuma", "kama", "ilaa",
             "kadib", "haddii", "laakiin", "qoyska", "shaqaale", "bulshada"],
            ["mahadsanid", "waxaan", "laakiin", "ayaa", "iyo"]),
        new("cy", "ŵŷ",
            ["mae", "yn", "y", "yr", "ac", "a", "ar", "o", "wedi", "ddim", "dw", "dwi", "rydw", "rwy", "fy", "eu", "ei",
             "gyda", "am", "ond", "hefyd", "iawn", "diolch", "ysgol", "plant", "plentyn", "mab", "merch", "help", "cymorth",
             "da", "drwg", "byth", "neb", "dim", "bob", "amser", "oherwydd", "pan", "lle", "roedd", "oedd", "bydd",
             "maen", "maent", "nhw", "ni", "chi", "fe", "fo", "hi", "hwn", "hon", "hyn", "yma", "yna", "efo", "fawr",
             "teulu", "gweithiwr", "cymdeithasol", "gwrando", "helpu", "cefnogaeth"],
            ["diolch", "oherwydd", "gweithiwr", "cymdeithasol", "gwrando"]),
        new("ur", "",
            ["mera", "meri", "mere", "mujhe", "mujhay", "humein", "hamen", "hamain", "nahi", "nahin", "nai", "hai", "hain",
             "tha", "thi", "thay", "the", "ko", "ki", "ka", "ke", "se", "mein", "main", "aur", "bhi", "bohat", "bahut",
             "boht", "bht", "kya", "kyun", "kyon", "koi", "kuch", "sab", "hum", "tum", "aap", "ap", "woh", "wo", "yeh",
             "ye", "unhon", "unhone", "unho", "ne", "beta", "beti", "bacha", "bachay", "bachon", "bache", "baccha",
             "school", "madad", "shukriya", "shukria", "acha", "achha", "accha", "bura", "kabhi", "koi", "sunte", "suna",
             "suni", "sunta", "baat", "bat", "karte", "karta", "karti", "kiya", "kiye", "gaya", "gayi", "raha", "rahi",
             "rahe", "hota", "hoti", "hote", "lekin", "magar", "jab", "kab", "kahan", "kaise", "sirf", "abhi", "phir",
             "theek", "thik", "hoon", "hun", "hamara", "hamari", "apna", "apni", "unka", "unki", "wala", "wali", "kar", "karo", "jata", "jati", "dena",
             "deta", "deti", "mila", "mili", "mile", "chahiye", "shukar", "kaam", "ghar", "dost", "dosto"],
            ["mujhe", "nahi", "nahin", "shukriya", "bohat", "bahut", "chahiye", "lekin", "kyun"]),
        new("pa", "",
            ["mainu", "menu", "tuhanu", "sanu", "vich", "nahi", "hai", "haan", "si", "da", "di", "de", "nu", "te", "tusi",
             "asi", "kiven", "kive", "kithe", "bahut", "changa", "mada", "dhanvaad", "dhanwad", "munda", "kudi", "ghar"],
            ["mainu", "tuhanu", "dhanvaad", "dhanwad", "kiven"]),
        new("lt", "ąčęėįšųūž",
            ["ir", "yra", "ne", "kad", "su", "į", "iš", "is", "man", "mano", "labai", "ačiū", "aciu", "vaikas", "vaikai",
             "mokykla", "mokykloje", "pagalba", "gerai", "blogai", "niekada", "niekas", "nieko", "visada", "nes", "kai",
             "kur", "bet", "arba", "jis", "ji", "mes", "jūs", "jus", "jie", "buvo", "bus", "turiu", "sūnus", "dukra", "šeima"],
            ["ačiū", "aciu", "labai", "niekada"]),
        new("tr", "ğışçöü",
            ["ve", "bir", "bu", "da", "de", "çok", "cok", "ben", "sen", "biz", "siz", "onlar", "değil", "degil", "var",
             "yok", "ile", "için", "icin", "ama", "ne", "mi", "mı", "benim", "çocuk", "cocuk", "çocuğum", "okul", "okulda",
             "yardım", "yardim", "teşekkür", "tesekkur", "teşekkürler", "iyi", "kötü", "kotu", "hiç", "hic", "kimse",
             "hiçbir", "her", "zaman", "çünkü", "cunku", "nerede", "nasıl", "nasil", "aile", "oğlum", "kızım"],
            ["teşekkürler", "teşekkür", "tesekkur", "değil", "çünkü"]),
        new("sq", "ëç",
            ["dhe", "është", "eshte", "jam", "në", "ne", "për", "per", "nuk", "me", "një", "nje", "që", "qe", "të", "te",
             "se", "ka", "më", "shumë", "shume", "faleminderit", "mirë", "mire", "por", "kam", "janë", "jane", "ishte",
             "unë", "une", "ti", "ai", "ajo", "ne", "ju", "ata", "fëmija", "femija", "fëmijët", "shkolla", "ndihmë",
             "ndihme", "kurrë", "kurre", "askush", "asgjë", "gjithmonë", "sepse", "kur", "ku", "familja", "djali", "vajza"],
            ["faleminderit", "shumë", "shume", "është", "eshte"]),
    ];

    /// <summary>Distinctive words of Arabic-script languages, used to tell Urdu, Arabic, Persian and Pashto apart.</summary>
    public static readonly LanguageProfile[] ArabicScript =
    [
        new("ur", "ٹڈڑںےۓہھ",
            ["ہے", "ہیں", "کے", "کی", "کا", "میں", "اور", "نہیں", "سے", "کو", "بھی", "تھا", "تھی", "یہ", "وہ", "کیا",
             "میرا", "میری", "میرے", "مجھے", "ہم", "آپ", "بہت", "شکریہ", "بچہ", "بچے", "اسکول", "مدد", "لیکن", "کوئی",
             "کچھ", "نے", "گیا", "رہا", "ہوں", "ہو"],
            ["ہے", "نہیں", "شکریہ", "مجھے"]),
        new("ar", "ةإأآىؤئ",
            ["في", "من", "على", "إلى", "الى", "أن", "ان", "لا", "هذا", "هذه", "التي", "الذي", "كان", "كانت", "مع", "عن",
             "لم", "لن", "ما", "هو", "هي", "نحن", "أنا", "انا", "ابني", "ابنتي", "المدرسة", "مساعدة", "شكرا", "شكراً",
             "جدا", "جداً", "لكن", "كل", "قد", "ليس", "عند", "بعد", "قبل", "أو", "او"],
            ["شكرا", "شكراً", "التي", "الذي", "المدرسة"]),
        new("fa", "پچژگ",
            ["است", "را", "این", "که", "با", "از", "برای", "به", "هست", "نیست", "من", "ما", "شما", "او", "آنها", "خیلی",
             "ممنون", "مرسی", "مدرسه", "کمک", "بچه", "پسرم", "دخترم", "اما", "ولی", "هم", "یک", "بود", "می", "نمی"],
            ["است", "ممنون", "نیست", "خیلی"]),
        new("ps", "ټډړږښګڼ",
            ["دی", "ده", "او", "په", "د", "چې", "نه", "زه", "موږ", "تاسو", "هغه", "ډېر", "ډیر", "مننه", "ښوونځی", "مرسته",
             "ماشوم", "زما", "ستاسو", "کې"],
            ["مننه", "ښوونځی", "موږ", "ډېر"]),
    ];
}

/// <summary>One language's profile.</summary>
/// <param name="Code">ISO 639-1 code.</param>
/// <param name="Letters">Letters that (nearly) only this language uses among the profiled ones.</param>
/// <param name="Words">Common words.</param>
/// <param name="StrongWords">Words so distinctive that one of them is nearly enough ("gracias").</param>
internal sealed record LanguageProfile(string Code, string Letters, string[] Words, string[] StrongWords);
