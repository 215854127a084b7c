using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// Names children type in lower case, including names that are also words (will, hope, grace, jade, rose, mark, bill,
/// faith, joy, ruby), told by their clause: a person's predicate at the start of a sentence, "me and X", "X and Y" doing
/// what people do, a place or group after the name, a possessive at a home. And the everyday uses of the same words,
/// which must stay.
/// </summary>
public class RedactionLowerCaseNameTests
{
    private readonly PiiRedactor redactor = new();

    private string Names(string text) => PiiSpans.Of(redactor, text, PiiType.Name);

    // ---------- 1. at the start of a sentence, before a person's predicate
    [Theory]
    [InlineData("rose is scared to go home", "rose")]
    [InlineData("mark keeps copying my homework", "mark")]
    [InlineData("hope was the best worker i ever had", "hope")]
    [InlineData("ruby is my best mate", "ruby")]
    [InlineData("bill was really kind to me", "bill")]
    [InlineData("jade is scared of her dad", "jade")]
    [InlineData("school is ok. faith keeps telling lies about me", "faith")]
    [InlineData("rose was crying at school", "rose")]
    [InlineData("jade says shes staying but they all say that", "jade")]
    [InlineData("my foster mum hope is the kindest person", "hope")]
    public void A_lower_case_word_name_before_a_persons_predicate_is_a_name(string text, string name) =>
        Assert.Equal(name, Names(text));

    // ---------- 2. joined with "and", or after "me and"
    [Theory]
    [InlineData("jade and rose keep posting stuff about me", "jade|rose")]
    [InlineData("mark and jade bully me", "mark|jade")]
    [InlineData("ruby and faith are my mates", "ruby|faith")]
    [InlineData("me and bill got detention", "bill")]
    [InlineData("me n jade got kicked out", "jade")]
    [InlineData("me and will went to the park", "will")]
    [InlineData("me n kayla fell out", "kayla")]
    [InlineData("jack and me both waited ages", "jack")]
    public void Lower_case_names_joined_with_and_are_names(string text, string names) =>
        Assert.Equal(names, Names(text));

    // ---------- 3. before a place or group
    [Theory]
    [InlineData("will from the youth club is sound", "will")]
    [InlineData("mark in my class hits people", "mark")]
    [InlineData("grace at the front desk is nice", "grace")]
    [InlineData("sam from camhs rang me", "sam")]
    [InlineData("joy from the youth club is the best", "joy")]
    [InlineData("grace in year 9 is nasty", "grace")]
    [InlineData("i get on with hope from the youth centre", "hope")]
    [InlineData("thank you to grace at the family hub", "grace")]
    [InlineData("new youth worker will at the hub is great", "will")]
    public void A_lower_case_name_before_a_place_or_group_is_a_name(string text, string name) =>
        Assert.Equal(name, Names(text));

    // ---------- 4. a possessive at a home
    [Theory]
    [InlineData("im staying at grace's tonight", "grace")]
    [InlineData("i was at ellie's house", "ellie")]
    [InlineData("i stayed at ruby's last night", "ruby")]
    [InlineData("we went round jade's", "jade")]
    [InlineData("i was at the park with will's mum", "will")]
    public void A_lower_case_possessive_at_a_home_is_a_name(string text, string name) =>
        Assert.Equal(name, Names(text));

    // ---------- the same words used as words
    [Theory]
    [InlineData("will they ever listen")]
    [InlineData("hope is all i have")]
    [InlineData("hope is scary when you have none")]
    [InlineData("may i say something")]
    [InlineData("prices rose by 10%")]
    [InlineData("mark my words")]
    [InlineData("the bill was huge")]
    [InlineData("summer holidays are boring")]
    [InlineData("there is a grace period")]
    [InlineData("the joy of it")]
    [InlineData("i will ring them")]
    [InlineData("i hope so")]
    [InlineData("my mum may come")]
    [InlineData("it will be fine")]
    [InlineData("me and my mum argue")]
    [InlineData("me and my sw get on")]
    [InlineData("will and testament")]
    [InlineData("in may we moved")]
    [InlineData("camhs is rubbish")]
    [InlineData("kooth helped me")]
    [InlineData("childline is good")]
    [InlineData("will is not enough")]
    [InlineData("rose is my favourite flower")]
    [InlineData("mark is out of 10")]
    [InlineData("hope keeps me going")]
    [InlineData("mark in the register")]
    [InlineData("will from now on be better")]
    [InlineData("hope from the start was gone")]
    [InlineData("there is hope in my school")]
    [InlineData("hope and faith got me through")]
    [InlineData("joy and sadness")]
    [InlineData("i stayed at my nan's")]
    [InlineData("i was at the doctor's")]
    [InlineData("the bill's due")]
    [InlineData("my sw will at least ring")]
    [InlineData("i want to hope for the best")]
    [InlineData("my mum will be there")]
    [InlineData("hope my sw is ok")]
    public void Everyday_uses_of_word_names_are_not_names(string text) =>
        Assert.Equal(string.Empty, Names(text));
}
