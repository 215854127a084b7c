namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// Short sentences in other Latin-script languages that hold English-looking words ("social", "no", "me", "a") or words
/// the English spelling corrector would take ("cambia", "mes"), and English that borrows a word or two of them.
/// </summary>
public class LanguageShortSentenceTests
{
    private static string Detect(string text) => TestAnalyzers.Default.DetectLanguage(text);

    [Theory]
    [InlineData("Mi trabajador social cambia cada mes.", "es")]
    [InlineData("Quiero otro trabajador social.", "es")]
    [InlineData("No me gusta la escuela.", "es")]
    [InlineData("Mi madre no tiene ayuda.", "es")]
    [InlineData("A minha assistente social muda todos os meses.", "pt")]
    [InlineData("O meu assistente social nunca liga.", "pt")]
    [InlineData("Minha filha tem medo.", "pt")]
    [InlineData("La mia assistente sociale cambia ogni mese.", "it")]
    [InlineData("Ho bisogno di aiuto con mio figlio.", "it")]
    [InlineData("Ma fille a peur.", "fr")]
    [InlineData("Mon assistante sociale change chaque mois.", "fr")]
    [InlineData("Mój nauczyciel nie słucha.", "pl")]
    [InlineData("Moja pracownica socjalna zmienia się co miesiąc.", "pl")]
    public void Short_sentences_with_english_looking_words_keep_their_language(string text, string code) =>
        Assert.Equal(code, Detect(text));

    [Theory]
    [InlineData("mi sw is nice")]
    [InlineData("my mum no speak english")]
    [InlineData("me no like school")]
    [InlineData("the profesor was rude lol")]
    [InlineData("no ayuda from anyone")]
    [InlineData("my sw cambia all the time")]
    [InlineData("he says si to everything")]
    [InlineData("Jose and Maria came to the club")]
    [InlineData("nada")]
    public void English_with_a_borrowed_word_stays_english(string text) => Assert.Equal("en", Detect(text));
}
