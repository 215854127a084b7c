namespace FeedbackCollector.Analysis.Tests;

public class LanguageTests
{
    private static string Detect(string text) => TestAnalyzers.Default.DetectLanguage(text);

    [Theory]
    [InlineData("Nikt mnie nie słucha w szkole, jestem bardzo smutna.", "pl")]
    [InlineData("Nikt mnie nie slucha w szkole i nie mam pomocy", "pl")]
    [InlineData("Asistentul social nu mă ascultă niciodată.", "ro")]
    [InlineData("tinerii vor un club de tineret deschis in weekend", "ro")]
    [InlineData("Nadie me escucha en el colegio y no tengo ayuda.", "es")]
    [InlineData("Personne ne m'écoute à l'école, c'est très difficile.", "fr")]
    [InlineData("Ninguém me ouve na escola e não tenho ajuda.", "pt")]
    [InlineData("Mera beta school mein bohat pareshan hai aur koi madad nahi karta", "ur")]
    [InlineData("میرے بیٹے کو اسکول میں کوئی مدد نہیں ملتی", "ur")]
    [InlineData("لا أحد يستمع إلي في المدرسة", "ar")]
    [InlineData("ਮੈਨੂੰ ਸਕੂਲ ਵਿੱਚ ਕੋਈ ਮਦਦ ਨਹੀਂ ਮਿਲਦੀ", "pa")]
    [InlineData("আমার ছেলে স্কুলে কোনো সাহায্য পায় না", "bn")]
    [InlineData("Waxaan u baahanahay caawimaad, qofna ima caawiyo iskuulka", "so")]
    [InlineData("Does neb yn gwrando arna i yn yr ysgol, diolch", "cy")]
    [InlineData("Gracias", "es")]
    [InlineData("Dziękuję bardzo", "pl")]
    public void Recognises_other_languages(string text, string code) => Assert.Equal(code, Detect(text));

    [Theory]
    [InlineData("idk tbh")]
    [InlineData("ngl my sw is sound")]
    [InlineData("u r so nice")]
    [InlineData("no")]
    [InlineData("ok")]
    [InlineData("Bullying.")]
    [InlineData("camhs!!")]
    [InlineData("me and my mum")]
    [InlineData("la la la so bored")]
    [InlineData("the main thing is they dont listen")]
    public void Short_english_and_text_speak_stay_english(string text) => Assert.Equal("en", Detect(text));

    [Theory]
    [InlineData("😡😡😡")]
    [InlineData("")]
    [InlineData("?!")]
    [InlineData("12345")]
    public void Undetermined_when_there_is_nothing_to_go_on(string text) => Assert.Equal("und", Detect(text));

    [Fact]
    public void No_profiles_distinctive_letter_is_a_surrogate_so_emoji_never_score_as_letters()
    {
        // The detector leaves surrogates (emoji halves) out of the letter scan on this ground.
        foreach (var p in FeedbackCollector.Analysis.Languages.LanguageProfiles.Latin.Concat(FeedbackCollector.Analysis.Languages.LanguageProfiles.ArabicScript))
        {
            Assert.DoesNotContain(p.Letters, char.IsSurrogate);
        }
    }

    [Theory]
    [InlineData("Nikt mnie nie słucha w szkole 😢😢", "pl")]
    [InlineData("my sw never listens 😡😡😡", "en")]
    [InlineData("😡😡", "und")]
    public void Emoji_beside_the_words_do_not_change_the_language(string text, string expected)
    {
        Assert.Equal(expected, Detect(text));
    }
}
