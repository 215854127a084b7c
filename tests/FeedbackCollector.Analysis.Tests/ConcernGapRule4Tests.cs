using FeedbackCollector.Analysis;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The rules added on 27 November (session 6) for what concerns-fresh-6 and concerns-train-6 showed: goodbye notes drafted,
/// not waking up wished in a conditional, hair pulled out and skin bitten or picked, a break-in now, a young child gone
/// floppy or blue, a young person who ran off saying they will kill themselves, tablets just taken, an online contact
/// asking for an address or secrecy, an adult son or brother hurting mum, a weapon waved at mum in a row; and the category
/// fixes: a threat that keeps a secret is abuse, not danger now; "throws me against the wall" is abuse, not domestic abuse.
/// Re-applied in session 7 without the session's suppressions (past-resolved words, animals and accidents, "wont let me go
/// on", trivial causes): the category fixes now change the category and keep the flag. On the rules alone, so the trained
/// backstop cannot hide a rule that does not fire.
/// </summary>
public class ConcernGapRule4Tests
{
    [Theory]
    [InlineData("child", "most nights i type goodbye notes on my phone and then delete them", ConcernCategory.SelfHarm, "goodbye notes")]
    [InlineData("child", "does it matter if i go to sleep tonight and dont wake up", ConcernCategory.SelfHarm, "dont wake up")]
    [InlineData("child", "i just hope i never wake up", ConcernCategory.SelfHarm, "never wake up")]
    [InlineData("child", "i keep ripping my hair out till theres bald patches", ConcernCategory.SelfHarm, "ripping my hair out")]
    [InlineData("child", "i bite myself when everything gets too loud", ConcernCategory.SelfHarm, "bite myself")]
    [InlineData("child", "im biting my arms till they go purple again", ConcernCategory.SelfHarm, "biting my arms")]
    [InlineData("practitioner", "She has been scratching her arms with a pencil sharpener blade in lessons.", ConcernCategory.SelfHarm, "scratching her arms")]
    [InlineData("child", "been checking how high the car park roof is, high enough i think", ConcernCategory.SelfHarm, "high enough")]
    [InlineData("child", "i cant see myself still being alive next summer", ConcernCategory.SelfHarm, "see myself still being alive")]
    [InlineData("child", "i smash my fists into the door until they bleed", ConcernCategory.SelfHarm, "until they bleed")]
    [InlineData("child", "somebody has broken in through the back door i can hear them downstairs", ConcernCategory.ImmediateDanger, "broken in")]
    [InlineData("child", "theres an intruder in the house right now", ConcernCategory.ImmediateDanger, "intruder in the house")]
    [InlineData("child", "my baby brother has gone floppy and mum isnt here", ConcernCategory.ImmediateDanger, "gone floppy")]
    [InlineData("child", "my baby sister has turned blue and wont move", ConcernCategory.ImmediateDanger, "turned blue")]
    [InlineData("parent", "He walked out twenty minutes ago saying he would kill himself.", ConcernCategory.ImmediateDanger, "walked out")]
    [InlineData("parent", "She ran away from home after saying she wants to end her life.", ConcernCategory.ImmediateDanger, "ran away")]
    [InlineData("child", "ive just swallowed a whole packet of paracetamol", ConcernCategory.ImmediateDanger, "swallowed a whole packet of paracetamol")]
    [InlineData("child", "some account on roblox wants my address and my school", ConcernCategory.Exploitation, "roblox wants my address")]
    [InlineData("child", "a man from tiktok sends me stuff and says its our secret", ConcernCategory.Exploitation, "tiktok")]
    [InlineData("parent", "There are always men in flash cars waiting for my daughter after school.", ConcernCategory.Exploitation, "men in flash cars")]
    [InlineData("child", "my uncle who lives with us slaps nan when hes drunk", ConcernCategory.DomesticAbuse, "uncle who lives with us slaps nan")]
    [InlineData("child", "my brother is 20 and kicks mum when she says no to him", ConcernCategory.DomesticAbuse, "kicks mum")]
    [InlineData("child", "dad pulls a knife on mum when he is drunk", ConcernCategory.DomesticAbuse, "knife")]
    [InlineData("child", "theres a note in my drawer for when i go through with it", ConcernCategory.SelfHarm, "go through with it")]
    [InlineData("child", "i swallowed the whole lot of them a minute ago", ConcernCategory.ImmediateDanger, "swallowed the whole lot of them")]
    [InlineData("practitioner", "Older male seen collecting her from the children's home late at night.", ConcernCategory.Exploitation, "Older male seen collecting")]
    [InlineData("practitioner", "Returned from missing with a hotel key card in her bag.", ConcernCategory.Exploitation, "hotel key card")]
    [InlineData("child", "my stepdad held my hand on the hob to punish me", ConcernCategory.AbuseNeglect, "held my hand on the hob")]
    [InlineData("parent", "The kids next door get left by themselves all the time.", ConcernCategory.AbuseNeglect, "left by themselves all the time")]
    public void Flags_the_new_patterns(string audience, string text, ConcernCategory category, string evidence)
    {
        ConcernRuleAssert.Flags(audience, text, category, evidence);
    }

    [Theory]
    [InlineData("child", "my stepdad touches me and says hell kill me if i tell anyone", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "he said hed hurt my little sister if i told so i kept quiet", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "when dad gets angry he throws me against the wall", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "my dad throws stuff at me when hes had a drink", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "dad throws stuff at mum when they argue", ConcernCategory.DomesticAbuse)]
    [InlineData("forum-notes", "one girl said her foster carer pulls her hair and shouts at her when nobody is there", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "mums bf wont let her go out or see her friends", ConcernCategory.DomesticAbuse)]
    [InlineData("child", "when dad is drunk he holds a knife to mums throat", ConcernCategory.DomesticAbuse)]
    public void Names_the_right_category(string audience, string text, ConcernCategory category)
    {
        ConcernRuleAssert.Flags(audience, text, category);
    }

    [Theory]
    [InlineData("child", "he says hell kill me if i tell and hes outside my house now")]
    [InlineData("child", "dad has a knife and says hes going to kill mum tonight")]
    [InlineData("child", "some men wont let me leave the flat")]
    public void Danger_now_stays_danger_now(string audience, string text)
    {
        ConcernRuleAssert.Flags(audience, text, ConcernCategory.ImmediateDanger);
    }

    [Theory]
    [InlineData("child", "my cat scratched me by accident")]
    [InlineData("practitioner", "Dog hair on the sofa and a strong smell of smoke, otherwise a warm home.")]
    [InlineData("child", "we wrote goodbye letters to our teacher who is retiring")]
    [InlineData("forum-notes", "the group wrote goodbye messages for the youth worker who is leaving")]
    [InlineData("child", "i went to sleep at 3 and didnt wake up till lunch")]
    [InlineData("child", "if i go to bed now i wont wake up in time for school")]
    [InlineData("child", "i pull my hair into a ponytail for netball")]
    [InlineData("parent", "I am pulling my hair out with the council, nobody rings back.")]
    [InlineData("child", "this homework makes me want to pull my hair out")]
    [InlineData("child", "i bite my nails when im nervous")]
    [InlineData("child", "i swallowed all my vitamins this morning")]
    [InlineData("child", "my dad put my hands under the tap to wash them")]
    [InlineData("child", "someone broke into my nans shed last month and took her bike")]
    [InlineData("child", "he kicked the ball through the window and now mum is fuming")]
    [InlineData("child", "my little brother was floppy with a fever so mum took him to the gp")]
    [InlineData("parent", "My son stormed out after a row about his phone and came back an hour later.")]
    [InlineData("child", "i ordered a hoodie online and it needs my address")]
    [InlineData("child", "my birth parents neglected me but my adoptive family is amazing")]
    public void Does_not_flag_the_near_misses(string audience, string text)
    {
        ConcernRuleAssert.Quiet(audience, text);
    }

    [Theory]
    [InlineData("child", "my dad says it was an accident but he hit me with the remote")]
    [InlineData("child", "my step dad set the dog on me and it bit me")]
    [InlineData("child", "last year my dad started hitting me and things are much better at school")]
    public void An_excuse_or_a_partial_resolution_does_not_hide_abuse(string audience, string text)
    {
        ConcernRuleAssert.Flags(audience, text, ConcernCategory.AbuseNeglect);
    }
}
