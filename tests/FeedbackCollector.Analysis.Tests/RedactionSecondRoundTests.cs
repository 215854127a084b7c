using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The kinds that redaction-train-3a and -3b showed after the first round (my own examples, not their lines): a name found
/// once is a name again in the same text; names in a list; a word-name told by a bracket with an age, year group or date of
/// birth; the object of "tell"/"ask" before a clause; a title and a lower-case surname; "I'm" + an unknown name; "Action: X
/// to ..."; a person noun in apposition; a lower-case school before "high", a saint's school with no cue; a street with no
/// number after "on". And what must stay.
/// </summary>
public class RedactionSecondRoundTests
{
    private readonly PiiRedactor redactor = new();

    private string Spans(string text, PiiType type) => PiiSpans.Of(redactor, text, type);

    [Theory]
    [InlineData("My niece Ruby lives with us. Ruby doesn't see her dad any more.", "Ruby|Ruby")]
    [InlineData("Autumn's sw left. Autumn won't talk to the new one.", "Autumn|Autumn")]
    [InlineData("i met my sw ruby today and ruby was late", "ruby|ruby")]
    [InlineData("i told my sw will about it", "will")]
    [InlineData("Three workers this year: Jo, Mark and now Priya.", "Jo|Mark|Priya")]
    [InlineData("- Faith & Grace (sisters) said the bus is the problem", "Faith|Grace")]
    [InlineData("Ruby n Jade r my foster sisters", "Ruby|Jade")]
    [InlineData("Hope (Y9) is still on a part time timetable", "Hope")]
    [InlineData("Marley (DOB 02/03/2013) has waited a year for CAMHS", "Marley")]
    [InlineData("Grace (CLA, 14) says she never sees her worker", "Grace")]
    [InlineData("YP (Will, 15) said nobody listened at his review", "Will")]
    [InlineData("tell jade i said thanks", "jade")]
    [InlineData("ask mark he knows what happened", "mark")]
    [InlineData("ring joy shes my keyworker", "joy")]
    [InlineData("thank u grace", "grace")]
    [InlineData("can u tell will my old sw i said hi", "will")]
    [InlineData("my teacher mr hughes noticed", "mr hughes")]
    [InlineData("i told miss kaur and she did nothing", "miss kaur")]
    [InlineData("miss o'connor is the best teacher", "miss o'connor")]
    [InlineData("I'm Siobhan, mum of two, and the nurse was great", "Siobhan")]
    [InlineData("Action: Will to send the minutes by Friday", "Will")]
    [InlineData("Action: Tamsin to ring school", "Tamsin")]
    [InlineData("lily the lollipop lady is so nice", "lily")]
    [InlineData("Faith the social worker saw him on his own", "Faith")]
    [InlineData("jade, the woman at the hostel, said i can stay", "jade")]
    [InlineData("Summer, my eldest, has been out of school since Easter", "Summer")]
    [InlineData("June, our youngest, was born early", "June")]
    [InlineData("sunny said i can come on tuesday", "sunny")]
    [InlineData("- ruby thinks the youth club should open later", "ruby")]
    [InlineData("my twins Taiwo and Kehinde are always ill", "Taiwo|Kehinde")]
    [InlineData("Our granddaughter Ivy has lived with us for years", "Ivy")]
    [InlineData("liked rose's idea of a group chat", "rose")]
    [InlineData("joy and faith run the girls group", "joy|faith")]
    [InlineData("april is my little sister", "april")]
    public void Finds_the_names(string text, string names) =>
        Assert.Equal(names, Spans(text, PiiType.Name));

    [Theory]
    [InlineData("bullied at ferncliffe high and nobody helped", "ferncliffe high")]
    [InlineData("St Aidan's shared my notes with everyone", "St Aidan's")]
    [InlineData("i got kicked out of holy trinity in year 7", "holy trinity")]
    [InlineData("she goes to sacred heart now", "sacred heart")]
    public void Finds_the_schools(string text, string schools) =>
        Assert.Equal(schools, Spans(text, PiiType.School));

    [Theory]
    [InlineData("i stay at my nans on Rowan street most weekends", "Rowan street")]
    [InlineData("she lives on kelburn road with her dad", "kelburn road")]
    public void Finds_a_street_without_a_number(string text, string address) =>
        Assert.Equal(address, Spans(text, PiiType.Address));

    [Theory]
    [InlineData("its sunny and im stuck inside")]
    [InlineData("if im lucky i see my sister once a month")]
    [InlineData("im happy now")]
    [InlineData("I'm Autistic and school doesn't get it")]
    [InlineData("I'm Bengali and my mum speaks no English. Letters in Bengali please.")]
    [InlineData("I'm Pakistani, and proud of it")]
    [InlineData("i miss home so much")]
    [InlineData("i miss my mum")]
    [InlineData("i miss pakistan")]
    [InlineData("im going to miss lessons again")]
    [InlineData("dont miss the bus")]
    [InlineData("I'm gutted, nobody came")]
    [InlineData("will you tell me. Will i get a new sw?")]
    [InlineData("i hope so. hope is all i have")]
    [InlineData("May, June and July are busy")]
    [InlineData("i will ask will i be moved")]
    [InlineData("can i ask may i leave early")]
    [InlineData("tell them i said thanks")]
    [InlineData("feeling high all the time")]
    [InlineData("the price went sky high")]
    [InlineData("St George's Day parade was fun")]
    [InlineData("we went to St Paul's Cathedral on the trip")]
    [InlineData("she lives on our street")]
    [InlineData("we walk down the main road")]
    [InlineData("on the high street there are knives")]
    [InlineData("holy moly the wait is long")]
    [InlineData("Action: to send the minutes by Friday")]
    [InlineData("Hope to see you soon")]
    [InlineData("Summer is the worst time. Summer holidays are long")]
    [InlineData("the lady at reception was rude")]
    [InlineData("its lovely and quiet there")]
    public void Leaves_what_is_not_personal_data(string text) =>
        Assert.Empty(redactor.Redact(text).Spans);
}
