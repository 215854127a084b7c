using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// Word-like first names (may, will, grace, mark, bill, june) in a name's position: the subject of "has been" + a role,
/// followed by a role in commas or brackets, before a role and a verb ("grace my sw gave me"), the object of a contact
/// verb ("tell may to ring me"), "is always there for me", a possessive used as a place, and a name a few words before
/// a phone number ("Will can be reached on ..."). Then the everyday uses of the same words, which must stay, and the
/// Italian "mia" (my), which is not the name Mia.
/// </summary>
public class RedactionNamePositionTests
{
    private readonly PiiRedactor redactor = new();

    private string Names(string text) => PiiSpans.Of(redactor, text, PiiType.Name);

    // ---------- capitalised at the start, then "has been" + a role, or a role in commas or brackets
    [Theory]
    [InlineData("May has been our social worker for two years", "May")]
    [InlineData("May has been my sw since year 7", "May")]
    [InlineData("June has been our family support worker since march", "June")]
    [InlineData("Will has always been there for me", "Will")]
    [InlineData("Grace had been his key worker before she left", "Grace")]
    [InlineData("Bill, the team manager, promised to ring us back", "Bill")]
    [InlineData("Mark, our social worker, never turns up", "Mark")]
    [InlineData("Hope, my key worker, sorted my bus pass", "Hope")]
    [InlineData("May, the duty sw, took the call", "May")]
    [InlineData("Mark (stepdad) can be reached on 07700 900123", "Mark")]
    [InlineData("Grace (my sw) is off sick again", "Grace")]
    [InlineData("Rose (nan) picks me up on fridays", "Rose")]
    [InlineData("Ruby is always there for me", "Ruby")]
    [InlineData("Joy has rung me every week since", "Joy")]
    public void A_capitalised_word_name_in_a_names_position_is_a_name(string text, string name) =>
        Assert.Equal(name, Names(text));

    // ---------- a few words before a phone number or email
    [Theory]
    [InlineData("Will can be reached on 07700 900789 after 5", "Will")]
    [InlineData("May can be contacted on 07700 900456", "May")]
    [InlineData("you can get hold of grace on 07700 900321", "grace")]
    public void A_word_name_a_few_words_before_a_contact_is_a_name(string text, string name) =>
        Assert.Equal(name, Names(text));

    // ---------- lower case: the object of a contact verb, before a role and a verb, "always there for me"
    [Theory]
    [InlineData("tell may to ring me", "may")]
    [InlineData("can you ask may to call my mum", "may")]
    [InlineData("please tell will to text me back", "will")]
    [InlineData("i told may about it and she sorted it", "may")]
    [InlineData("i want to talk to may about it", "may")]
    [InlineData("ask grace to come to the meeting", "grace")]
    [InlineData("grace my sw gave me her number", "grace")]
    [InlineData("mark my keyworker said he would sort it", "mark")]
    [InlineData("will my sw is the best", "will")]
    [InlineData("may my old sw rang me yesterday", "may")]
    [InlineData("jade our youth worker helped me loads", "jade")]
    [InlineData("will is always there for me", "will")]
    [InlineData("joy is always there for us", "joy")]
    [InlineData("bill, the manager, never rings back", "bill")]
    [InlineData("will (my sw) is leaving", "will")]
    public void A_lower_case_word_name_in_a_names_position_is_a_name(string text, string name) =>
        Assert.Equal(name, Names(text));

    // ---------- a possessive used as a place
    [Theory]
    [InlineData("im at grace's this weekend", "grace")]
    [InlineData("sleeping at will's again", "will")]
    [InlineData("i go to rose's after school", "rose")]
    [InlineData("staying at grace's tonight cos mum is kicking off", "grace")]
    [InlineData("im round jade's till sunday", "jade")]
    [InlineData("staying at Grace's tonight", "Grace")]
    public void A_possessive_word_name_used_as_a_place_is_a_name(string text, string name) =>
        Assert.Equal(name, Names(text));

    // ---------- the same words used as words
    [Theory]
    [InlineData("may i ask why nobody called back")]
    [InlineData("May I ask a question?")]
    [InlineData("i will")]
    [InlineData("will do")]
    [InlineData("Will do, thanks")]
    [InlineData("there is a grace period of a week")]
    [InlineData("Grace period ends tomorrow")]
    [InlineData("i hope so")]
    [InlineData("hope so")]
    [InlineData("Hope so!")]
    [InlineData("mark my words")]
    [InlineData("Mark my words, nothing will change")]
    [InlineData("i have a bill to pay")]
    [InlineData("Bill to pay every month and no help")]
    [InlineData("May half term was hard")]
    [InlineData("in may half term we had no help")]
    [InlineData("May has been a hard month")]
    [InlineData("May has been busy")]
    [InlineData("Summer has been the worst time")]
    [InlineData("Will has been signed by both parents")]
    [InlineData("Will you ring me back")]
    [InlineData("will my sw ring me back?")]
    [InlineData("may my sw come to the meeting?")]
    [InlineData("hope my sw is ok")]
    [InlineData("hope my sw gets better soon")]
    [InlineData("hope is always there")]
    [InlineData("May, June and July are the worst months")]
    [InlineData("Hope, the thing that keeps me going")]
    [InlineData("Bill, the electric one, is late again")]
    [InlineData("Mark (out of 10) was 8")]
    [InlineData("Hope (and a bit of luck) got me through")]
    [InlineData("my text may not arrive")]
    [InlineData("the call may be recorded")]
    [InlineData("phone may die so text me")]
    [InlineData("ask, may i come?")]
    [InlineData("they told us in may")]
    [InlineData("i was told may half term")]
    [InlineData("i am 14 and in year 9")]
    [InlineData("camhs and childline were good")]
    [InlineData("my mum is always there for me")]
    [InlineData("i was at the doctor's tonight")]
    [InlineData("staff can leave at will")]
    [InlineData("the bill can be paid on 0800 123 4567")]
    [InlineData("you can call childline on 0800 1111")]
    public void Everyday_uses_of_word_names_are_not_names(string text) =>
        Assert.Equal(string.Empty, Names(text));

    // ---------- Italian "mia" (my) is not the name Mia; the name still is
    [Theory]
    [InlineData("La mia assistente sociale non mi ascolta.")]
    [InlineData("Mia madre è malata e nessuno ci aiuta.")]
    [InlineData("Questa è la mia scuola.")]
    [InlineData("Non mi piace la mia casa famiglia.")]
    [InlineData("È cambiata la mia assistente sociale tre volte.")]
    public void Italian_mia_is_not_a_name(string text) =>
        Assert.Equal(string.Empty, Names(text));

    [Theory]
    [InlineData("Mia said she would call", "Mia")]
    [InlineData("i told mia", "mia")]
    [InlineData("me and mia fell out", "mia")]
    [InlineData("my sw mia is nice", "mia")]
    public void The_name_mia_is_still_a_name(string text, string name) =>
        Assert.Equal(name, Names(text));
}
