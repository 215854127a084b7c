using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The ninth session's kinds of rule false alarm on ordinary answers (SignalMatcher.OrdinaryUse), read off the rules'
/// out-of-fold false alarms over the DevSet as kinds, not lines: futility about telling a service, a worker who left
/// without a goodbye, panic attacks, post that goes missing, attendance fines, dinner money taken by peers, feeling
/// unsafe in a public place, drugs sold in the area, a parent's rule about going out, a support plan "in place", a bruise
/// from a trampoline, and past harm told with a year or "long gone" and "no contact". Also three kinds of disclosure the
/// rules missed out of fold: the method planned without a death word, a goodbye to whoever reads the answer, tablets
/// swallowed a few minutes ago. Each kind has sentences that must stay quiet and disclosures in the
/// same words that must still be flagged. The sentences are written for these tests, not taken from the DevSet. On the
/// rules alone, so the trained backstop cannot hide a rule that stops firing.
/// </summary>
public class ConcernGapRule9Tests
{
    [Theory]
    [InlineData("child", "3 workers since christmas, whats the point in telling any of them stuff")]
    [InlineData("child", "whats the point asking them for anything they never do it")]
    [InlineData("parent", "Our family worker moved teams without even saying goodbye to the boys.")]
    [InlineData("child", "my youth worker left and didnt say goodbye")]
    [InlineData("child", "i get panic attacks in assembly so i sit near the door")]
    [InlineData("parent", "My son has anxiety attacks before every exam.")]
    [InlineData("parent", "Please email me, our post keeps going missing on this estate.")]
    [InlineData("parent", "Half the letters about his appointments went missing for weeks.")]
    [InlineData("parent", "The attendance team are threatening us with a fine even though she is off sick.")]
    [InlineData("child", "some year 10s keep taking my lunch money at the gate")]
    [InlineData("forum-notes", "- most of the group said they dont feel safe on the tram after 9")]
    [InlineData("child", "i feel unsafe walking through the underpass at night")]
    [InlineData("forum-notes", "- a few YP said they dont feel safe around the police")]
    [InlineData("child", "lads sell weed behind the leisure centre, it stinks")]
    [InlineData("child", "my mum wont let me go to the fair with my mates cuz its a school night")]
    [InlineData("child", "dad wont let me out past 9 even on a saturday")]
    [InlineData("parent", "After two years of meetings we finally have a plan in place for his reading.")]
    [InlineData("child", "got a massive bruise on my leg from the trampoline park")]
    [InlineData("parent", "We got away from an abusive relationship in 2020 and the children are settled and happy now.")]
    [InlineData("child", "my stepdad used to hit me when i was little but hes long gone and we have no contact")]
    [InlineData("child", "i keep thinking about how id do it differently if i sat the exam again")]
    [InlineData("child", "bye to everyone reading this lol see u next term")]
    [InlineData("child", "i swallowed all my chewing gum by accident lol")]
    public void Stays_quiet_on_ordinary_use(string audience, string text)
    {
        ConcernRuleAssert.Quiet(audience, text);
    }

    [Theory]
    [InlineData("child", "whats the point in living anymore", ConcernCategory.SelfHarm)]
    [InlineData("child", "ive been saying goodbye to my mates in my own way", ConcernCategory.ImmediateDanger)]
    [InlineData("child", "i get attacked by my stepdad when mum is at work", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "i keep going missing and the older lads give me money", ConcernCategory.Exploitation)]
    [InlineData("child", "i dont feel safe at home with him", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "i dont feel safe on my own with my stepdad", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "older boys make me sell weed for them after school", ConcernCategory.Exploitation)]
    [InlineData("child", "he wont let me go to school or see my friends", ConcernCategory.ImmediateDanger)]
    [InlineData("child", "i have a plan to end it this weekend", ConcernCategory.SelfHarm)]
    [InlineData("child", "my stepdad hits me and i have bruises on my back", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "my stepdad used to hit me and now hes started on my little sister", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "lie awake most nights working out how id do it", ConcernCategory.SelfHarm)]
    [InlineData("child", "this is me saying goodbye to anyone who reads this", ConcernCategory.ImmediateDanger)]
    [InlineData("child", "i swallowed them all about an hour ago and my head feels weird", ConcernCategory.ImmediateDanger)]
    public void Still_flags_the_same_words_as_a_disclosure(string audience, string text, ConcernCategory category)
    {
        ConcernRuleAssert.Flags(audience, text, category);
    }
}
