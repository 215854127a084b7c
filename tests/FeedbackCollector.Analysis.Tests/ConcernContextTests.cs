using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The tenth session's kinds of rule false alarm, read off the rules' false alarms over the DevSet as kinds, not lines:
/// past harm told with support in place in words the lexicon did not know ("when i was 13", "previously", "ive had
/// help", "doing much better now", "the police caught him", "dont anymore", "got him out"); practitioners and parents
/// talking about figures, reports, briefings and cases in general; a child hit "with a pillow"; a bruise from netball
/// or a fall; "kicked me out of school" and "kicked off the list"; thanks told as a debt ("i owe her"), a group that
/// "offered to run a session", peers posting pictures of a child to mock them; "i cant breathe" as panic; a note saying
/// where someone went; a public place said to feel unsafe; a laughing threat with no distress ("shes gonna kill me
/// lol"), "battered by paperwork", "threw us under the bus", "im gonna kill my sister". Also two quiet kinds of disclosure the rules missed:
/// no food at home said flatly ("i dont really eat at home cos theres nothing") and harm told as a habit of drink ("he
/// gets rough when hes had a drink"). Each kind has sentences that must stay quiet and
/// disclosures in the same words that must still be flagged. The sentences are written for these tests, not taken from
/// the DevSet. On the rules alone, so the trained backstop cannot hide a rule that stops firing.
/// </summary>
public class ConcernContextTests
{
    [Theory]
    [InlineData("child", "a couple of years back i was hurting myself but ive had help and im doing much better now")]
    [InlineData("child", "when i was 13 a man groomed me on snap but the police caught him and i get support now")]
    [InlineData("parent", "My son used to self-harm in Year 9. He is 18 now, at university, and it does get better.")]
    [InlineData("child", "my parents used to smack me when i was small but they dont anymore")]
    [InlineData("parent", "Two years ago my daughter was being exploited by older boys. The YOT worker got her out and she is at college now.")]
    [InlineData("practitioner", "YP previously self-harmed, no incidents since March, case stepped down to universal services.")]
    [InlineData("practitioner", "The exploitation figures in this year's annual report were higher than last year's.")]
    [InlineData("practitioner", "County lines cases take months to get an NRM decision back.")]
    [InlineData("child", "my brother whacked me with a pillow cos i took the remote")]
    [InlineData("child", "my sister hit me with her pillow then stole my charger")]
    [InlineData("child", "got a massive bruise on my arm from netball")]
    [InlineData("parent", "School rang me about a bruise on his leg from falling off his bike at the weekend.")]
    [InlineData("child", "they kicked me out of school in year 8 and now im at the pru")]
    [InlineData("child", "camhs kicked me off the list for missing one appointment")]
    [InlineData("child", "we dont eat at home on fridays, we get a chippy")]
    [InlineData("child", "theres nothing good on tv at home on a sunday")]
    [InlineData("child", "the lads get rough on the pitch when we play the year 11s")]
    [InlineData("child", "my form tutor got me through my gcses, honestly i owe her")]
    [InlineData("forum-notes", "- the group offered to run a session for the new staff")]
    [InlineData("child", "girls in my year keep posting pics of me on snap to make fun of me")]
    [InlineData("child", "i feel like i cant breathe before school every morning")]
    [InlineData("child", "left a note for my dad saying i went to the shop")]
    [InlineData("forum-notes", "- members said drunk adults at the bus station make them feel unsafe")]
    [InlineData("child", "if my dad sees my grades hes gonna kill me lol")]
    [InlineData("parent", "Every term I am battered by paperwork from three agencies.")]
    [InlineData("parent", "The school threw us under the bus at the review meeting.")]
    [InlineData("child", "im gonna kill my sister she used all my shampoo")]
    public void Stays_quiet_on_ordinary_use(string audience, string text)
    {
        ConcernRuleAssert.Quiet(audience, text);
    }

    [Theory]
    [InlineData("child", "i keep hurting myself and nobody knows", ConcernCategory.SelfHarm)]
    [InlineData("child", "a man groomed me on snap and he still messages me", ConcernCategory.Exploitation)]
    [InlineData("child", "my parents smack me when i get things wrong", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "my stepdad whacked me with a belt last night", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "my stepdad hits me and i have bruises on my arm", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "mum kicked me out last night and i slept on the street", ConcernCategory.ImmediateDanger)]
    [InlineData("child", "i dont really eat at home cos theres nothing", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "theres never anything in at home so i fill up on school dinners", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "he gets rough when hes had a drink", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "my stepdad gets nasty with us when hes been drinking", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "the older lads gave me weed and now they say i owe them", ConcernCategory.Exploitation)]
    [InlineData("child", "theres a man at the park who buys us food and now says we owe him", ConcernCategory.Exploitation)]
    [InlineData("child", "an older man on snap keeps asking me for pics", ConcernCategory.Exploitation)]
    [InlineData("child", "he has his hands round my neck and i cant breathe", ConcernCategory.ImmediateDanger)]
    [InlineData("child", "i wrote a note saying goodbye to everyone", ConcernCategory.SelfHarm)]
    [InlineData("child", "i dont feel safe at home with my stepdad", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "he keeps saying hes going to kill us lol im actually scared", ConcernCategory.ImmediateDanger)]
    [InlineData("child", "my stepdad says hes going to kill me tonight lol", ConcernCategory.ImmediateDanger)]
    [InlineData("child", "my stepdad battered me last night", ConcernCategory.AbuseNeglect)]
    public void Still_flags_the_same_words_as_a_disclosure(string audience, string text, ConcernCategory category)
    {
        ConcernRuleAssert.Flags(audience, text, category);
    }

    // With the shipped backstop: past harm with support in place, told in the lexicon's words and not the older regex's,
    // is not flagged by the model either (the detector checks the same classes as the rules before raising its flag).
    [Theory]
    [InlineData("child", "a few years back i was hurting myself but ive had help and im doing much better now")]
    [InlineData("child", "my parents used to smack me when i was small but they dont anymore")]
    [InlineData("parent", "Two years ago my daughter was being exploited by older boys. The YOT worker got her out and she is at college now.")]
    public void Backstop_stays_quiet_on_past_harm_with_support(string audience, string text)
    {
        var result = new ConcernDetector().Detect(text, ConcernRuleAssert.Parse(audience));
        Assert.False(result.Flagged, $"{text} -> {result.Category}: {result.Evidence}");
    }
}
