using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// An address that is a house number and a street name with no street word ("22 kingsway") after a place cue, a
/// saint's school written in lower case with no school word ("st marys"), and a handle after a platform cue with a
/// word between ("snap hes jdawg_2k11"). And the numbers, saints and platform talk that are not personal data.
/// </summary>
public class RedactionPlaceAndHandleTests
{
    private readonly PiiRedactor redactor = new();

    private string Spans(string text, PiiType type) => PiiSpans.Of(redactor, text, type);

    private bool Changed(string text) => redactor.Redact(text).Spans.Count > 0;

    // ---------- a house number and a street name with no street word, after a place cue
    [Theory]
    [InlineData("im at my dads this week, 22 kingsway", "22 kingsway")]
    [InlineData("at 9 hollins tonight", "9 hollins")]
    [InlineData("i live at 14 ashfield with my nan", "14 ashfield")]
    [InlineData("we moved to 3 Bramley last month", "3 Bramley")]
    [InlineData("my address is 47 kingsway", "47 kingsway")]
    [InlineData("staying at my nans, 8 hollybank", "8 hollybank")]
    [InlineData("im staying at 31 Westbourne till friday", "31 Westbourne")]
    public void Finds_a_house_number_and_street_name_without_a_street_word(string text, string address) =>
        Assert.Equal(address, Spans(text, PiiType.Address));

    [Theory]
    [InlineData("the 22 bus is always late")]
    [InlineData("meet at 9 tonight")]
    [InlineData("at 9 tonight i have to be home")]
    [InlineData("i am in year 9")]
    [InlineData("at 16 i moved out")]
    [InlineData("i live with my 2 brothers")]
    [InlineData("see you at 3 tmrw")]
    [InlineData("see you at 3 tomoz")]
    [InlineData("we meet at 5 oclock")]
    [InlineData("we meet at 4 pm")]
    [InlineData("im at my dads this week, 2 more days")]
    [InlineData("staying at my nans for 3 weeks")]
    [InlineData("i was at 2 schools last year")]
    [InlineData("at 14 yrs old i was in care")]
    [InlineData("at 9ish")]
    [InlineData("we moved to 3 different schools")]
    [InlineData("at 7 am the taxi comes")]
    [InlineData("at 12 noon")]
    [InlineData("i was in care at 13 years old")]
    [InlineData("we live at home with 3 siblings")]
    [InlineData("im at my dads, 2 nights a week")]
    [InlineData("at 11 camhs rang")]
    [InlineData("at 10 mins past")]
    [InlineData("got there at 8 sharp")]
    [InlineData("at 15 i was kicked out")]
    public void Numbers_after_place_words_that_are_not_addresses_stay(string text) =>
        Assert.False(Changed(text), redactor.Redact(text).RedactedText);

    // ---------- a saint's school in lower case with no school word, after a school cue
    [Theory]
    [InlineData("moving to st marys in september", "st marys")]
    [InlineData("i go to st johns and its ok", "st johns")]
    [InlineData("starting at st anne's next year", "st anne's")]
    [InlineData("she goes to st bedes now", "st bedes")]
    [InlineData("st marys high has a good mentoring thing", "st marys high")]
    public void Finds_a_lower_case_saints_school(string text, string school) =>
        Assert.Equal(school, Spans(text, PiiType.School));

    [Theory]
    [InlineData("st johns ambulance came to the school fair")]
    [InlineData("i did a st johns ambulance course")]
    [InlineData("we went to st ives on holiday")]
    [InlineData("we moved to st helens last year")]
    [InlineData("they took me to st thomas hospital")]
    [InlineData("we went to st james park for the match")]
    [InlineData("on the 1st of may")]
    [InlineData("went to st johns ambulance first aid")]
    public void Saints_that_are_not_schools_stay(string text) =>
        Assert.False(Changed(text), redactor.Redact(text).RedactedText);

    // ---------- a handle after a platform cue with a word in between
    [Theory]
    [InlineData("add me on snap hes jdawg_2k11", "jdawg_2k11")]
    [InlineData("add me on sc shes kayxo_07", "kayxo_07")]
    [InlineData("follow me on insta mines ellie_b08", "ellie_b08")]
    [InlineData("his tiktok is called jj_2010", "jj_2010")]
    [InlineData("my mates snap its tashh.x", "tashh.x")]
    [InlineData("add me on snap jdawg_2k11", "jdawg_2k11")]
    public void Finds_a_handle_after_a_platform_cue(string text, string handle) =>
        Assert.Equal(handle, Spans(text, PiiType.Handle));

    [Theory]
    [InlineData("on snap hes always online")]
    [InlineData("my snap is private")]
    [InlineData("tiktok shes so funny")]
    [InlineData("insta is toxic")]
    [InlineData("on snap hes called me names")]
    [InlineData("add me on snap if you want")]
    [InlineData("sc shes my best mate")]
    public void Platform_talk_without_a_handle_stays(string text) =>
        Assert.False(Changed(text), redactor.Redact(text).RedactedText);
}
