using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// Ninth session: lower-case streets whose street word is also an ordinary word ("9 larch way") where the text says
/// someone lives there, streets after "lives on" or "the care home on", flats; schools named in lower-case common words
/// after a school cue and schools in brackets; a second handle without its platform; and "The St John Ambulance" read as
/// a street. Each with the everyday phrases that must stay (my own sentences).
/// </summary>
public class RedactionAddressSchoolHandleTests
{
    private readonly PiiRedactor redactor = new();

    private string Spans(string text, PiiType type) => PiiSpans.Of(redactor, text, type);

    private bool Changed(string text) => redactor.Redact(text).Spans.Count > 0;

    // ---------- a house number, name words and a street word that is also an ordinary word, where someone lives
    [Theory]
    [InlineData("im at 9 larch way tonight", "9 larch way")]
    [InlineData("i'm staying at 27 sycamore walk with my aunt", "27 sycamore walk")]
    [InlineData("round at 9 rowan way all weekend", "9 rowan way")]
    [InlineData("they live on 12 tannery row", "12 tannery row")]
    [InlineData("we moved to 3 beacon view in march", "3 beacon view")]
    [InlineData("my nan lives at 22 hawthorn rise", "22 hawthorn rise")]
    [InlineData("my address is 7 birch croft", "7 birch croft")]
    [InlineData("we live at 8 sheepwash fold", "8 sheepwash fold")]
    [InlineData("im at 3 moor garth till sunday", "3 moor garth")]
    [InlineData("he lives at 2 meadow green", "2 meadow green")]
    [InlineData("we live at 19 station parade", "19 station parade")]
    [InlineData("we live at 9 castle hill", "9 castle hill")]
    [InlineData("we live at 4 kirk wynd", "4 kirk wynd")]
    [InlineData("we live at 41 holbeck towers", "41 holbeck towers")]
    [InlineData("im at my dads this week, 6 orchard view", "6 orchard view")]
    public void Finds_a_lower_case_street_with_an_everyday_street_word_where_someone_lives(string text, string address) =>
        Assert.Equal(address, Spans(text, PiiType.Address));

    [Theory]
    [InlineData("by the way my sw is nice")]
    [InlineData("no way am i going back there")]
    [InlineData("on the way home i got jumped")]
    [InlineData("half way through the year they changed my worker")]
    [InlineData("it was 2 hours each way on the bus")]
    [InlineData("we live 5 min walk from school")]
    [InlineData("we live at 2 mins walk from the shops")]
    [InlineData("i left at 9 half way through")]
    [InlineData("she came round at 6 on the way home")]
    [InlineData("i scored 3 in a row")]
    [InlineData("we sat at 4 in the front row")]
    [InlineData("the high road is busy")]
    [InlineData("we played on the green after school")]
    [InlineData("at 3 the green was empty")]
    [InlineData("its 10 min walk from my house")]
    public void Everyday_way_walk_row_and_green_stay(string text) =>
        Assert.False(Changed(text), redactor.Redact(text).RedactedText);

    // ---------- a street with no number, right after where someone lives
    [Theory]
    [InlineData("the care home on elm grove is nice", "elm grove")]
    [InlineData("im at my nans on lidgett lane", "lidgett lane")]
    [InlineData("they live on harehills road", "harehills road")]
    [InlineData("she lives on larch way now", "larch way")]
    [InlineData("my mums house on cherry tree walk", "cherry tree walk")]
    public void Finds_a_street_after_a_home_word(string text, string address) =>
        Assert.Equal(address, Spans(text, PiiType.Address));

    [Theory]
    [InlineData("she lives on main road")]
    [InlineData("they live on a busy road near town")]
    [InlineData("we live on the same street")]
    [InlineData("i live on my own now")]
    [InlineData("i live on the way to school")]
    [InlineData("went down memory lane with my nan")]
    [InlineData("got home on the last bus")]
    public void Streets_described_not_named_stay(string text) =>
        Assert.False(Changed(text), redactor.Redact(text).RedactedText);

    // ---------- flats
    [Theory]
    [InlineData("flat 3 41 holbeck towers", "flat 3 41 holbeck towers")]
    [InlineData("flat 2b, 14 beech court", "flat 2b, 14 beech court")]
    [InlineData("we got moved to apartment 7", "apartment 7")]
    [InlineData("its flat 2b at the back", "flat 2b")]
    public void Finds_a_flat_in_lower_case(string text, string address) =>
        Assert.Equal(address, Spans(text, PiiType.Address));

    [Theory]
    [InlineData("i felt flat 2 days running")]
    [InlineData("the apartment 5 minutes away was cheaper")]
    [InlineData("my phone went flat 3 times today")]
    public void Flat_as_a_word_stays(string text) =>
        Assert.False(Changed(text), redactor.Redact(text).RedactedText);

    // ---------- schools
    [Theory]
    [InlineData("she goes to maple leaf primary", "maple leaf primary")]
    [InlineData("there were fights outside oak tree academy", "oak tree academy")]
    [InlineData("i was at brook primary till year 4", "brook primary")]
    [InlineData("came from willow bank primary last year", "willow bank primary")]
    [InlineData("School (Northgate Academy) aware of the concerns", "Northgate Academy")]
    [InlineData("school (\"Ashby Vale High School\") said no", "Ashby Vale High School")]
    [InlineData("she goes to st bede's", "st bede's")]
    public void Finds_a_school_named_in_common_words_or_in_brackets(string text, string school) =>
        Assert.Equal(school, Spans(text, PiiType.School));

    [Theory]
    [InlineData("primary school was better than this")]
    [InlineData("the academy trust runs it now")]
    [InlineData("my college course is hard")]
    [InlineData("i go to night school on tuesdays")]
    [InlineData("she goes to a nice primary")]
    [InlineData("he goes to further education college")]
    [InlineData("at art college we do pottery")]
    [InlineData("he went to police academy")]
    [InlineData("i go to forest school on fridays")]
    [InlineData("in big school you get lost")]
    [InlineData("at football academy on saturdays")]
    [InlineData("they took me to St Mary's Hospital")]
    [InlineData("i was at the local primary")]
    public void School_words_in_ordinary_phrases_stay(string text) =>
        Assert.False(Changed(text), redactor.Redact(text).RedactedText);

    [Theory]
    [InlineData("started at ferncliffe in year 7", "ferncliffe")]
    [InlineData("i moved schools to oakdene in yr 9", "oakdene")]
    [InlineData("in year 9 at ferncliffe it was better", "ferncliffe")]
    [InlineData("she is in year 4 at maple leaf primary", "maple leaf primary")]
    [InlineData("my son attends Maple Leaf Primary", "Maple Leaf Primary")]
    public void Finds_a_school_in_a_sentence_about_school_years(string text, string school) =>
        Assert.Equal(school, Spans(text, PiiType.School));

    [Theory]
    [InlineData("i was at lunch in year 7 when it happened")]
    [InlineData("in year 9 at camhs they said no")]
    [InlineData("started at home in year 7 cos of covid")]
    [InlineData("in yr 10 at college i did a course")]
    public void School_years_without_a_school_stay(string text) =>
        Assert.False(Changed(text), redactor.Redact(text).RedactedText);

    [Theory]
    [InlineData("started at ferncliffe in year 7", true)]
    [InlineData("in yr9 at oakdene", true)]
    [InlineData("Y 10 at x", true)]
    [InlineData("year \u0669 at x", true)]
    [InlineData("the years went by", false)]
    [InlineData("yay points 10", false)]
    public void The_school_year_gate_holds_for_what_the_regex_needs(string text, bool expected)
    {
        text = System.Text.RegularExpressions.Regex.Unescape(text);
        Assert.Equal(expected, FeedbackCollector.Analysis.Redaction.SchoolFinder.HasSchoolYear(text));
        if (!expected)
        {
            Assert.DoesNotMatch(FeedbackCollector.Analysis.Redaction.PiiPatterns.SchoolYearPlace(), text);
        }
    }

    // ---------- a second handle without its platform
    [Theory]
    [InlineData("snap me at jay.k04 or my other one zayy.k", "jay.k04|zayy.k")]
    [InlineData("add me on insta its jaz_99 or jazzy.b2", "jaz_99|jazzy.b2")]
    [InlineData("add me @lil_dee and lil.dee2 for my spam", "@lil_dee|lil.dee2")]
    public void Finds_a_second_handle_after_the_first(string text, string handles) =>
        Assert.Equal(handles, Spans(text, PiiType.Handle));

    [Theory]
    [InlineData("my snap got hacked so add my new one kyle.b09", "kyle.b09")]
    [InlineData("insta deleted me, im zayy04 now", "zayy04")]
    public void Finds_a_handle_soon_after_a_platform_word(string text, string handles) =>
        Assert.Equal(handles, Spans(text, PiiType.Handle));

    [Theory]
    [InlineData("snap me later")]
    [InlineData("tiktok made me buy book2 of the series")]
    [InlineData("tiktok is full of year10 drama")]
    [InlineData("snap streaks are stupid, 100days lol")]
    [InlineData("i was on level10 before i went on snap")]
    [InlineData("insta is toxic, e.g. all the filters")]
    [InlineData("snap me at 7pm")]
    [InlineData("snap me at 10.30 after school")]
    [InlineData("im in yr10 and gr8 at maths")]
    public void Snap_talk_without_a_handle_stays(string text) =>
        Assert.False(Changed(text), redactor.Redact(text).RedactedText);

    [Theory]
    [InlineData("my insta is lil.k_ but e.g. dont add randoms", "lil.k_")]
    [InlineData("my snap is kay_22 and my mum pays 5.50 a month", "kay_22")]
    [InlineData("@dani_b told me, then we did 3 laps in yr10 pe", "@dani_b")]
    public void Only_handle_shaped_words_near_the_first_handle_join_it(string text, string handles) =>
        Assert.Equal(handles, Spans(text, PiiType.Handle));

    // ---------- "St" before a saint is not a street
    [Theory]
    [InlineData("The St John Ambulance people were great")]
    [InlineData("the St John Ambulance cadets came in")]
    [InlineData("Visited St Anne church with my nan")]
    public void A_saint_after_a_capitalised_word_is_no_street(string text) =>
        Assert.False(Changed(text), redactor.Redact(text).RedactedText);

    [Theory]
    [InlineData("we moved to Mill St last year", "Mill St")]
    [InlineData("i live on Acacia St. Then we moved", "Acacia St.")]
    public void A_capitalised_street_still_is(string text, string address) =>
        Assert.Equal(address, Spans(text, PiiType.Address));
}
