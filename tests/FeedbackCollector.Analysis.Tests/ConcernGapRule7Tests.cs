using FeedbackCollector.Analysis;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The rules added on 27 November (session 7), written from safeguarding practice for kinds of disclosure the rules
/// missed, not from a test set: neglect told plainly (no heating or electric, food stolen or begged for, a mattress on the
/// floor, a doctor withheld, untreated conditions), domestic abuse in case-note words, a gang's phone with a threat,
/// sexual abuse told afterwards, and suicidal planning (a rope hidden, a train to step in front of). Each kind has near
/// misses in the same words. On the rules alone, so the trained backstop cannot hide a rule that does not fire.
/// </summary>
public class ConcernGapRule7Tests
{
    [Theory]
    [InlineData("child", "no gas or electric at ours, we sit in our coats with candles", ConcernCategory.AbuseNeglect, "no gas or electric")]
    [InlineData("child", "we havent had heating or electric for 2 weeks and its freezing at night", ConcernCategory.AbuseNeglect, "electric for 2 weeks")]
    [InlineData("practitioner", "Reports the electric has been off since last week and there is little food.", ConcernCategory.AbuseNeglect, "electric has been off since")]
    [InlineData("child", "we got no hot water so i cant wash and kids say i stink", ConcernCategory.AbuseNeglect, "no hot water")]
    [InlineData("child", "i steal food from the canteen cos im always starving", ConcernCategory.AbuseNeglect, "steal food")]
    [InlineData("child", "i ask my mates for their leftovers at lunch cos we got no food at home", ConcernCategory.AbuseNeglect, "no food at home")]
    [InlineData("child", "we ask people for change outside the shop so we can buy something to eat", ConcernCategory.AbuseNeglect, "ask people for change")]
    [InlineData("child", "me and my brother go through the bins behind the shop for food", ConcernCategory.AbuseNeglect, "bins")]
    [InlineData("child", "the only proper meal i get is free school dinners", ConcernCategory.AbuseNeglect, "only proper meal")]
    [InlineData("child", "me and my 3 sisters share one mattress on the floor", ConcernCategory.AbuseNeglect, "mattress on the floor")]
    [InlineData("child", "my tooth has been hurting for months but mum wont take me to the dentist", ConcernCategory.AbuseNeglect, "wont take me to the dentist")]
    [InlineData("child", "mum never takes me to the doctors even when im really sick", ConcernCategory.AbuseNeglect, "never takes me to the doctors")]
    [InlineData("practitioner", "Sibling group not brought to medical appointments since September.", ConcernCategory.AbuseNeglect, "not brought to medical appointments")]
    [InlineData("practitioner", "Eldest has an untreated infected wound on his leg.", ConcernCategory.AbuseNeglect, "untreated")]
    [InlineData("practitioner", "YP disclosed dad is violent to mum when he has been drinking.", ConcernCategory.DomesticAbuse, "violent to mum")]
    [InlineData("practitioner", "School informed that there was a violent incident at home between the adults.", ConcernCategory.DomesticAbuse, "between the adults")]
    [InlineData("practitioner", "Operation Encompass notification received for the family this week.", ConcernCategory.DomesticAbuse, "Operation Encompass notification")]
    [InlineData("practitioner", "YP disclosed dad is violent towards mum; social worker informed today.", ConcernCategory.DomesticAbuse, "violent towards mum")]
    [InlineData("child", "i think about stepping in front of a bus every day", ConcernCategory.SelfHarm, "stepping in front of a bus")]
    [InlineData("parent", "They gave my son a phone and now they threaten him if he does not answer it.", ConcernCategory.Exploitation, "phone")]
    [InlineData("child", "some lads gave me a phone and said theyll stab me if i dont pick up", ConcernCategory.Exploitation, "stab me")]
    [InlineData("child", "my foster carer padlocks the fridge at night so we cant eat", ConcernCategory.AbuseNeglect, "padlocks the fridge")]
    [InlineData("child", "my uncle does stuff when nobodys home and says its our special game", ConcernCategory.AbuseNeglect, "our special game")]
    [InlineData("child", "theres always shouting and smashing downstairs when im in bed", ConcernCategory.DomesticAbuse, "shouting and smashing downstairs")]
    [InlineData("practitioner", "Two Year 9 girls are being collected by adult males in cars after school.", ConcernCategory.Exploitation, "collected by adult males")]
    [InlineData("child", "my brothers mate forced himself on me at a sleepover", ConcernCategory.AbuseNeglect, "forced himself on me")]
    [InlineData("child", "he made me have sex with him when i was 13", ConcernCategory.AbuseNeglect, "made me have sex")]
    [InlineData("child", "i was raped by a boy in the year above last year and i still see him every day", ConcernCategory.AbuseNeglect, "raped")]
    [InlineData("child", "ive written a note for mum explaining why", ConcernCategory.SelfHarm, "written a note")]
    [InlineData("child", "ive got everything ready, the rope is in my wardrobe", ConcernCategory.SelfHarm, "rope is in my wardrobe")]
    [InlineData("child", "i hid the rope in my room", ConcernCategory.SelfHarm, "rope")]
    [InlineData("child", "i made a noose last night", ConcernCategory.SelfHarm, "noose")]
    [InlineData("child", "i worked out which train id step in front of", ConcernCategory.SelfHarm, "step in front of")]
    [InlineData("child", "sometimes i think about stepping in front of a bus", ConcernCategory.SelfHarm, "stepping in front of a bus")]
    [InlineData("child", "ive been sorting out who gets my things after im gone", ConcernCategory.SelfHarm, "after im gone")]
    [InlineData("child", "im at the station and im going to step in front of the next train", ConcernCategory.ImmediateDanger, "step in front of the next train")]
    [InlineData("child", "standing on the platform, gonna jump in front", ConcernCategory.ImmediateDanger, "jump in front")]
    public void Flags_the_new_patterns(string audience, string text, ConcernCategory category, string evidence)
    {
        ConcernRuleAssert.Flags(audience, text, category, evidence);
    }

    [Theory]
    [InlineData("child", "the heating broke at school and we had to wear coats in maths")]
    [InlineData("child", "we had a power cut last night for two hours, it was actually fun with candles")]
    [InlineData("child", "we have to sit in our coats in the science block cos the heating never works")]
    [InlineData("child", "i nicked a chip off my mates plate at lunch haha")]
    [InlineData("child", "i asked my mum for money for food at the cinema")]
    [InlineData("child", "the foxes got into the bins looking for food again")]
    [InlineData("child", "we blew up an air mattress on the floor for the sleepover")]
    [InlineData("child", "my tooth hurts but mum cant take me to the dentist till monday")]
    [InlineData("child", "i was not taken to hospital cos it was only a sprain")]
    [InlineData("practitioner", "All staff attended domestic abuse awareness training, very useful on violence between partners.")]
    [InlineData("child", "my dad is never violent to mum, they just argue about money")]
    [InlineData("practitioner", "Operation Encompass briefing for new staff went well; everyone knows the process now.")]
    [InlineData("child", "my dad works nights so he sleeps all day and we sort our own tea")]
    [InlineData("child", "we did a lesson on consent and sexual assault in pshe")]
    [InlineData("child", "we did rope climbing in pe today")]
    [InlineData("child", "mum locks the front door at night and keeps the key by her bed")]
    [InlineData("child", "my grandad and me have a special game we play at christmas, its cards")]
    [InlineData("child", "the neighbours were shouting and banging on about the bins again lol")]
    [InlineData("child", "my grandad picked me up from school in his new car")]
    [InlineData("child", "my skipping rope is under my bed lol")]
    [InlineData("child", "the lollipop lady said never step in front of a bus")]
    [InlineData("child", "i googled how to revise for maths lol")]
    [InlineData("child", "im giving my old clothes to the charity shop")]
    [InlineData("child", "ill be sad when im gone to uni")]
    [InlineData("child", "once im gone from this school i wont miss it")]
    public void Does_not_flag_the_near_misses(string audience, string text)
    {
        ConcernRuleAssert.Quiet(audience, text);
    }
}
