using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The ninth session's kinds of rule false alarm on ordinary answers (SignalMatcher.OrdinaryUse), read off the rules'
/// out-of-fold false alarms over the DevSet as kinds, not lines: futility about telling a service, a worker who left
/// without a goodbye, panic attacks, post that goes missing, attendance fines, dinner money taken by peers, feeling
/// unsafe in a public place, drugs sold in the area. Each kind has sentences that must stay quiet and disclosures in the
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
    public void Still_flags_the_same_words_as_a_disclosure(string audience, string text, ConcernCategory category)
    {
        ConcernRuleAssert.Flags(audience, text, category);
    }
}
