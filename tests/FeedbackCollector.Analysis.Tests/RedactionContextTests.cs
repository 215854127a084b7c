using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// Names that are also ordinary words, told apart by what surrounds them (a person's verb or trait, a person cue, a
/// phone number or email next to them), and addresses without a street (a flat, a named building, a postcode).
/// </summary>
public class RedactionContextTests
{
    private readonly PiiRedactor redactor = new();

    private string Redacted(string text, PiiType type) => PiiSpans.Of(redactor, text, type);

    // ---------- a word-name at the start of a sentence, followed by what only a person does or is
    [Theory]
    [InlineData("Hope is the best worker i've ever had", "Hope")]
    [InlineData("Grace never rings back", "Grace")]
    [InlineData("Ruby never answers her phone", "Ruby")]
    [InlineData("Autumn keeps cancelling on me", "Autumn")]
    [InlineData("Jade always helps me with my homework", "Jade")]
    [InlineData("Mark is really kind to me", "Mark")]
    [InlineData("Faith is a good friend", "Faith")]
    [InlineData("Jade is my best friend", "Jade")]
    [InlineData("Amber came round twice", "Amber")]
    [InlineData("Bill never turns up", "Bill")]
    [InlineData("Ok. Joy texted me back the same day", "Joy")]
    [InlineData("Will ignored me all term", "Will")]
    public void A_word_name_doing_what_a_person_does_is_a_name(string text, string name) =>
        Assert.Equal(name, Redacted(text, PiiType.Name));

    // ---------- a capitalised word the lists do not know, doing what only a person does
    [Theory]
    [InlineData("Tiegan is the best worker", "Tiegan")]
    [InlineData("Kacper always texts me back", "Kacper")]
    [InlineData("Skye is a good mentor but she left", "Skye")]
    [InlineData("Hope was the nicest sw i ever had", "Hope")]
    public void An_unknown_capitalised_word_doing_what_a_person_does_is_a_name(string text, string name) =>
        Assert.Equal(name, Redacted(text, PiiType.Name));

    [Theory]
    [InlineData("Adults never listened to us")]
    [InlineData("Reception never answers the phone")]
    [InlineData("Triage never rang back")]
    [InlineData("Yoga is really helpful")]
    [InlineData("Football is the best club")]
    [InlineData("Homework is the worst thing")]
    [InlineData("Therapy always helps")]
    public void Things_and_teams_doing_things_are_not_names(string text) =>
        Assert.DoesNotContain(redactor.Redact(text).Spans, s => s.Type == PiiType.Name);

    // ---------- lower case after a person cue
    [Theory]
    [InlineData("my sw jade is nice", "jade")]
    [InlineData("me and my mate rose went", "rose")]
    [InlineData("talk to rose at the youth club", "rose")]
    [InlineData("ask for mark", "mark")]
    [InlineData("grace never rings back", "grace")]
    [InlineData("ok. mark texted me at 11pm", "mark")]
    [InlineData("jade rings me every week", "jade")]
    [InlineData("i told will about it", "will")]
    [InlineData("you can speak to hope on tuesdays", "hope")]
    public void A_lower_case_word_name_after_a_person_cue_is_a_name(string text, string name) =>
        Assert.Equal(name, Redacted(text, PiiType.Name));

    // ---------- next to a phone number or email
    [Theory]
    [InlineData("jade 07700 900 643", "jade")]
    [InlineData("call bill on 07700 900123", "bill")]
    [InlineData("ring Summer 0161 496 0000", "Summer")]
    [InlineData("email faith at faith.w@example.com", "faith")]
    [InlineData("07700 900643 rose", "rose")]
    [InlineData("hope's number is 07700 900643", "hope")]
    public void A_word_name_next_to_a_phone_number_or_email_is_a_name(string text, string name) =>
        Assert.Equal(name, Redacted(text, PiiType.Name));

    // ---------- traps: the same words as words
    [Theory]
    [InlineData("hope is all i have")]
    [InlineData("hope texts get answered quicker")]
    [InlineData("i hope calls get returned")]
    [InlineData("will calls be returned")]
    [InlineData("will never listen to me")]
    [InlineData("Hope is all i have")]
    [InlineData("Hope is kind of all i have left")]
    [InlineData("will they ever listen")]
    [InlineData("Will you call me back")]
    [InlineData("Will calls be answered this time?")]
    [InlineData("may i say something")]
    [InlineData("May be better next time")]
    [InlineData("prices rose by 10%")]
    [InlineData("Rose petals everywhere")]
    [InlineData("mark my words nothing changes")]
    [InlineData("the bill was too much")]
    [InlineData("my dad will kill me when he sees the phone bill")]
    [InlineData("an older lad pays her phone bill and she owes him")]
    [InlineData("summer holidays are boring")]
    [InlineData("Summer is the worst time for us")]
    [InlineData("Summer came early this year")]
    [InlineData("there is a grace period")]
    [InlineData("Grace period ended")]
    [InlineData("she wore a jade necklace")]
    [InlineData("Faith in the system is gone")]
    [InlineData("Joy is hard to find")]
    [InlineData("Sky is the limit")]
    [InlineData("Hope you are well")]
    [InlineData("Hope keeps me going")]
    [InlineData("my sw will ring tomorrow")]
    [InlineData("my mum hope you get this")]
    [InlineData("my teacher mark my work late")]
    [InlineData("pay the bill on 0800 496 0000")]
    [InlineData("call 0161 496 0000 will do")]
    public void Word_names_used_as_words_stay(string text)
    {
        var result = redactor.Redact(text);
        Assert.DoesNotContain(result.Spans, s => s.Type == PiiType.Name);
    }

    // ---------- addresses of more shapes
    [Theory]
    [InlineData("i live at Flat 12, Waterloo House", "Flat 12, Waterloo House")]
    [InlineData("we are in Flat 3b Ash Court now", "Flat 3b Ash Court")]
    [InlineData("Apartment 4, Riverside Mill is where we stay", "Apartment 4, Riverside Mill")]
    [InlineData("house 3 Oakwood Lodge has damp", "house 3 Oakwood Lodge")]
    [InlineData("Flat 6 Grange Tower", "Flat 6 Grange Tower")]
    [InlineData("Unit 7, Canal Wharf", "Unit 7, Canal Wharf")]
    [InlineData("send it to 12 Victoria Road please", "12 Victoria Road")]
    [InlineData("we moved into flat 9 last week", "flat 9")]
    [InlineData("she is in Flat 2 now", "Flat 2")]
    [InlineData("Waterloo House, LS9 8AB", "Waterloo House")]
    public void Finds_addresses_without_a_street(string text, string address) =>
        Assert.Equal(address, Redacted(text, PiiType.Address));

    [Theory]
    [InlineData("room 12 was cold")]
    [InlineData("bus 42 never comes")]
    [InlineData("year 9 is hard")]
    [InlineData("i waited flat 5 days")]
    [InlineData("Flat 5 days of nothing")]
    [InlineData("the flat was cold")]
    [InlineData("Court hearing was scary")]
    [InlineData("stayed at my nans house 2 weeks")]
    [InlineData("Children's House was good")]
    [InlineData("the flat 3 floors up is empty")]
    [InlineData("unit 7 of the course is hard")]
    public void Numbers_near_building_words_are_not_addresses(string text) =>
        Assert.Empty(redactor.Redact(text).Spans);
}
