using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Sentiment;

/// <summary>
/// Sentiment of text in the languages most written in English local authorities' feedback after English, which the
/// language detector marks and the English models do not read: Polish, Romanian, Spanish, Portuguese, Urdu (Latin
/// and Arabic script) and Arabic. Small hand-written lists of clear judgement words (good, thanks, kind, helped;
/// bad, nobody, never, afraid, waiting) with each language's negators ("nie pomaga", "no me escuchan", "acha nahi"):
/// a text with words of both kinds is mixed, of one kind positive or negative, of neither neutral. Accents are optional
/// (people type "dziekuje" and "multumesc"). A coarse judgement, far below the English model, but the writers of these
/// lines labelled real feelings and neutral was always wrong for them.
/// </summary>
internal static class ForeignSentiment
{
    /// <summary>
    /// This class's field initialisers run once, at start-up: compiled without optimisation (MinOpts), as the other
    /// long word tables are (see docs/analyzer.md, branch s12-speed).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoOptimization)]
    static ForeignSentiment()
    {
    }

    private const sbyte Good = 1;
    private const sbyte Bad = -1;
    private const sbyte Not = 0;

    /// <summary>"Nobody", "never": bad in itself and turning what follows ("nadie me escucha").</summary>
    private const sbyte BadNot = -2;

    /// <summary>How many words on a negator reaches.</summary>
    private const int NegationReach = 2;

    private static readonly Dictionary<string, Dictionary<string, sbyte>> Lexicons = new(StringComparer.Ordinal)
    {
        ["pl"] = Build(
            good: "dobry dobra dobre dobrze świetny świetna świetnie wspaniały wspaniała wspaniale super dziękuję dzięki "
                + "dziekujemy dziękujemy pomocny pomocna pomocni pomogła pomógł pomogli pomaga miła miły mili zadowolony "
                + "zadowolona zadowoleni szczęśliwy szczęśliwa polecam kocham lubię fajny fajna fajnie bezpieczny "
                + "bezpiecznie słucha słuchają rozumie cudowny cudowna cudownie najlepszy najlepsza wdzięczny wdzięczna",
            bad: "zły zła złe źle okropny okropna okropnie straszny straszna strasznie beznadziejny beznadziejna "
                + "beznadziejnie smutny smutna smutno boję strach problem problemy rozczarowany rozczarowana "
                + "czekamy czekam brak samotny samotna nienawidzę gorzej gorszy gorsza niebezpiecznie przemoc płaczę "
                + "trudno ignoruje ignorują martwię",
            not: "nie bez",
            badNot: "nikt nigdy"),
        ["ro"] = Build(
            good: "bun bună buni bine mulțumesc mulțumim minunat minunată excelent excelentă ajutat ajută ajutăm drăguț "
                + "drăguță mulțumit mulțumită mulțumiți fericit fericită super frumos recomand iubesc place ascultă "
                + "amabil amabilă recunoscător recunoscătoare",
            bad: "rău rea prost proastă groaznic groaznică oribil oribilă nimic trist tristă frică "
                + "teamă problemă probleme dezamăgit dezamăgită așteptăm aștept greu ignorat ignorată ignoră urăsc "
                + "nesigur violență singur singură supărat supărată",
            not: "nu fără",
            badNot: "nimeni niciodată"),
        ["es"] = Build(
            good: "bueno buena buenos buenas bien gracias excelente genial maravilloso maravillosa amable amables ayudó "
                + "ayudan ayudaron contento contenta contentos feliz felices encanta gusta agradecido agradecida "
                + "agradecidos estupendo estupenda fantástico fantástica perfecto mejor escucha escuchan recomiendo "
                + "cariñosa cariñoso",
            bad: "malo mala malos mal terrible horrible miedo triste tristes problema problemas esperando "
                + "decepcionado decepcionada peor difícil sola ignoran odio preocupado preocupada enfadado enfadada "
                + "cansado cansada nada abandonados",
            not: "no sin ni jamás tampoco",
            badNot: "nadie nunca"),
        ["pt"] = Build(
            good: "bom boa bons boas bem obrigado obrigada ótimo ótima excelente maravilhoso maravilhosa gentil ajudou "
                + "ajudam ajudaram feliz felizes adoro gosto contente satisfeito satisfeita melhor incrível seguro segura "
                + "escuta ouvem recomendo simpática simpático carinhosa carinhoso agradecido agradecida",
            bad: "mau má ruim péssimo péssima terrível horrível nada medo triste problema problemas "
                + "esperando decepcionado decepcionada pior difícil sozinho sozinha ignoram odeio preocupado preocupada "
                + "cansado cansada mal abandonados",
            not: "não nem sem jamais",
            badNot: "ninguém nunca"),
        ["ur"] = Build(
            good: "shukriya shukria shukar acha achha accha achi achhi acchi achay ache achhe behtar behtareen behtreen zabardast "
                + "khush madad pyaar pyar meharbani sukoon mehfooz sunte sunta sunti khayal "
                + "شکریہ اچھا اچھی اچھے بہترین خوش مدد مہربانی",
            bad: "bura buri bure kharab pareshan pareshani mushkil dukh dukhi udaas udas ganda gandi intezar intezaar "
                + "naraz akela akeli takleef masla masail zulm dar "
                + "برا بری خراب پریشان مشکل دکھ اداس انتظار",
            not: "nahi nahin nai mat bina نہیں نہ"),
        ["ar"] = Build(
            good: "شكرا شكراً شكرًا جيد جيدة ممتاز ممتازة رائع رائعة ساعد ساعدت ساعدونا ساعدني سعيد سعيدة لطيف لطيفة "
                + "جميل جميلة أحب احب مفيد مفيدة آمن بأمان ممتن ممتنة الحمد أفضل افضل يسمع يستمع",
            bad: "سيء سيئ سيئة سيئه سئ أبدا ابدا خوف خائف خائفة حزين حزينة مشكلة مشكله مشاكل ننتظر انتظار صعب صعبة "
                + "وحيد وحيدة محبط مخيب تعبت متعب أسوأ اسوأ فظيع مزعج أحد احد",
            not: "لا لم لن ليس ليست بدون غير"),
    };

    /// <summary>
    /// The sentiment of <paramref name="text"/> written in <paramref name="language"/>, or null when there is no word
    /// list for the language.
    /// </summary>
    public static SentimentResult? Score(string text, string language)
    {
        if (!Lexicons.TryGetValue(language, out var lexicon))
        {
            return null;
        }
        // A negator turns the words just after it ("nie pomaga", "no me escuchan", "koi nahi sunta"); Urdu's also turns
        // the word just before it ("acha nahi hai", "madad nahi mili").
        var negatorFollows = language == "ur";
        var lookup = lexicon.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[48];
        float positive = 0, negative = 0;
        var lastNegator = -10;
        var index = 0;
        var pending = 0; // Urdu: the last judgement word not yet negated (1 good, -1 bad), which a negator after it turns
        var pendingAt = -10;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark))
            {
                i++;
            }
            var word = text.AsSpan(start, i - start);
            if (word.Length > buffer.Length)
            {
                index++;
                continue;
            }
            var lower = buffer[..word.ToLowerInvariant(buffer)];
            if (!TryFind(lookup, lower, language, out var kind))
            {
                index++;
                continue;
            }
            if (kind == Not)
            {
                lastNegator = index;
                if (negatorFollows && pending != 0 && index - pendingAt <= NegationReach)
                {
                    // "acha nahi": undo the word as counted and count it turned.
                    Count(pending, negated: false, ref positive, ref negative, undo: true);
                    Count(pending, negated: true, ref positive, ref negative, undo: false);
                    pending = 0;
                }
            }
            else
            {
                var negated = index - lastNegator <= NegationReach;
                if (kind == BadNot)
                {
                    lastNegator = index;
                    kind = Bad;
                }
                Count(kind, negated, ref positive, ref negative, undo: false);
                if (negatorFollows && !negated)
                {
                    pending = kind;
                    pendingAt = index;
                }
            }
            index++;
        }
        return ToResult(positive, negative);
    }

    private static void Count(int kind, bool negated, ref float positive, ref float negative, bool undo)
    {
        var sign = undo ? -1f : 1f;
        if (kind == Good)
        {
            // A good word negated is a complaint: "nie pomaga", "no me escuchan".
            if (negated)
            {
                negative += sign;
            }
            else
            {
                positive += sign;
            }
        }
        else if (!negated)
        {
            negative += sign;
        }
        // A bad word negated ("nie jest źle") counts for neither side: "not bad" is rarely praise on its own.
    }

    private static bool TryFind(Dictionary<string, sbyte>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> word, string language, out sbyte kind)
    {
        if (lookup.TryGetValue(word, out kind))
        {
            return true;
        }
        // Arabic joins "and" (و) and "so" (ف) to the next word: "وشكرا", "فالمدرسة".
        if (language == "ar" && word.Length > 3 && word[0] is 'و' or 'ف' && lookup.TryGetValue(word[1..], out kind))
        {
            return true;
        }
        return false;
    }

    /// <summary>Both kinds: mixed; one kind: that one; neither: neutral. Scores sum to 1.</summary>
    internal static SentimentResult ToResult(float positive, float negative)
    {
        var total = positive + negative + 1f;
        var p = Math.Round(positive / total, 3);
        var n = Math.Round(negative / total, 3);
        var label = positive > 0 && negative > 0 ? SentimentLabel.Mixed
            : positive > 0 ? SentimentLabel.Positive
            : negative > 0 ? SentimentLabel.Negative
            : SentimentLabel.Neutral;
        return new SentimentResult(label, p, Math.Round(1 - p - n, 3), n);
    }

    /// <summary>A word list: each word as written and without its accents (people type both).</summary>
    private static Dictionary<string, sbyte> Build(string good, string bad, string not, string badNot = "")
    {
        var words = new Dictionary<string, sbyte>(StringComparer.Ordinal);
        foreach (var (list, kind) in new[] { (good, Good), (bad, Bad), (not, Not), (badNot, BadNot) })
        {
            foreach (var w in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                words[w] = kind;
                words.TryAdd(Fold(w), kind);
            }
        }
        return words;
    }

    /// <summary>The word without accents: "dziękuję" → "dziekuje", "mulțumesc" → "multumesc", "ótimo" → "otimo".</summary>
    internal static string Fold(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark && c < '\u0600')
            {
                continue;
            }
            builder.Append(c switch { 'ł' => 'l', 'ș' or 'ş' => 's', 'ț' or 'ţ' => 't', _ => c });
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
