using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

public class ConcernTests
{
    private readonly ConcernDetector detector = new();

    [Theory]
    // self-harm and suicidal thoughts, as children write them
    [InlineData("i just want to die", ConcernCategory.SelfHarm)]
    [InlineData("honestly i wanna die every day", ConcernCategory.SelfHarm)]
    [InlineData("sometimes i think about ending it all", ConcernCategory.SelfHarm)]
    [InlineData("i feel like i should just kms", ConcernCategory.SelfHarm)]
    [InlineData("im gonna kys", ConcernCategory.SelfHarm)]
    [InlineData("I dont want to be here anymore", ConcernCategory.SelfHarm)]
    [InlineData("i don't want to be alive", ConcernCategory.SelfHarm)]
    [InlineData("I cut myself last night", ConcernCategory.SelfHarm)]
    [InlineData("ive been cutting again", ConcernCategory.SelfHarm)]
    [InlineData("started cuttin again and nobody knows", ConcernCategory.SelfHarm)]
    [InlineData("i hurt myself when im stressed", ConcernCategory.SelfHarm)]
    [InlineData("i self harm when it gets bad", ConcernCategory.SelfHarm)]
    [InlineData("been selfharming since year 7", ConcernCategory.SelfHarm)]
    [InlineData("relapsed on sh last week", ConcernCategory.SelfHarm)]
    [InlineData("i took loads of pills on saturday", ConcernCategory.SelfHarm)]
    [InlineData("tried to overdose in the summer", ConcernCategory.SelfHarm)]
    [InlineData("i feel suicidal", ConcernCategory.SelfHarm)]
    [InlineData("everyone would be better off without me", ConcernCategory.SelfHarm)]
    [InlineData("wish i was never born", ConcernCategory.SelfHarm)]
    [InlineData("I’m going to kill myself", ConcernCategory.SelfHarm)]
    [InlineData("chcę umrzeć", ConcernCategory.SelfHarm)]
    [InlineData("main marna chahti hoon", ConcernCategory.SelfHarm)]
    // abuse and neglect
    [InlineData("he hits me when hes drunk", ConcernCategory.AbuseNeglect)]
    [InlineData("my step dad hurts me", ConcernCategory.AbuseNeglect)]
    [InlineData("mum's boyfriend hurts me", ConcernCategory.AbuseNeglect)]
    [InlineData("im not safe at home", ConcernCategory.AbuseNeglect)]
    [InlineData("I'm not safe", ConcernCategory.AbuseNeglect)]
    [InlineData("i dont feel safe there", ConcernCategory.AbuseNeglect)]
    [InlineData("scared to go home after school", ConcernCategory.AbuseNeglect)]
    [InlineData("they locked me in my room all weekend", ConcernCategory.AbuseNeglect)]
    [InlineData("there's no food at home", ConcernCategory.AbuseNeglect)]
    [InlineData("nobody looks after me", ConcernCategory.AbuseNeglect)]
    [InlineData("my uncle touched me", ConcernCategory.AbuseNeglect)]
    [InlineData("he made me do things i didnt want to", ConcernCategory.AbuseNeglect)]
    [InlineData("[name] hits me", ConcernCategory.AbuseNeglect)]
    [InlineData("tata bije mnie", ConcernCategory.AbuseNeglect)]
    [InlineData("abbu mujhe marte hain", ConcernCategory.AbuseNeglect)]
    // domestic abuse
    [InlineData("dad hits mum", ConcernCategory.DomesticAbuse)]
    [InlineData("my dad beats my mum when he drinks", ConcernCategory.DomesticAbuse)]
    [InlineData("mums boyfriend punched her", ConcernCategory.DomesticAbuse)]
    [InlineData("the police came to our house again last night", ConcernCategory.DomesticAbuse)]
    // exploitation
    [InlineData("this guy sends me pics", ConcernCategory.Exploitation)]
    [InlineData("he asked for nudes", ConcernCategory.Exploitation)]
    [InlineData("older boys give me money to carry stuff", ConcernCategory.Exploitation)]
    [InlineData("my brother is doing county lines", ConcernCategory.Exploitation)]
    [InlineData("they gave me weed to sell", ConcernCategory.Exploitation)]
    [InlineData("i owe them money and they said i have to work it off", ConcernCategory.Exploitation)]
    [InlineData("a man online wants to meet me", ConcernCategory.Exploitation)]
    [InlineData("my friend is being groomed", ConcernCategory.Exploitation)]
    // immediate danger
    [InlineData("someone is following me", ConcernCategory.ImmediateDanger)]
    [InlineData("he has a knife", ConcernCategory.ImmediateDanger)]
    [InlineData("they are going to hurt me tonight", ConcernCategory.ImmediateDanger)]
    [InlineData("i'm in danger right now", ConcernCategory.ImmediateDanger)]
    [InlineData("please help me hes outside", ConcernCategory.ImmediateDanger)]
    // phrasings beyond the examples above
    [InlineData("i keep thinking everyone would be happier if i was gone", ConcernCategory.SelfHarm)]
    [InlineData("i took a whole packet of paracetamol last night", ConcernCategory.SelfHarm)]
    [InlineData("been cuttin my thighs so no one sees", ConcernCategory.SelfHarm)]
    [InlineData("i just want it all to end", ConcernCategory.SelfHarm)]
    [InlineData("i stopped eating on purpose and make myself sick", ConcernCategory.SelfHarm)]
    [InlineData("my friend said she wants to kill herself", ConcernCategory.SelfHarm)]
    [InlineData("my stepdad hit me with a belt", ConcernCategory.AbuseNeglect)]
    [InlineData("my nan's boyfriend keeps coming in my room at night", ConcernCategory.AbuseNeglect)]
    [InlineData("he makes me keep secrets", ConcernCategory.AbuseNeglect)]
    [InlineData("mum drinks all day and forgets to feed us", ConcernCategory.AbuseNeglect)]
    [InlineData("mums partner punched a hole in the wall and then hit her", ConcernCategory.DomesticAbuse)]
    [InlineData("my dad chokes my mum when hes angry", ConcernCategory.DomesticAbuse)]
    [InlineData("these older boys make me hold stuff for them", ConcernCategory.Exploitation)]
    [InlineData("a man i met on roblox wants to meet me at the park", ConcernCategory.Exploitation)]
    [InlineData("my boyfriend is 22 and says i cant tell anyone", ConcernCategory.Exploitation)]
    [InlineData("he said he's going to stab me after school", ConcernCategory.ImmediateDanger)]
    [InlineData("my mum isnt breathing and i cant wake her up", ConcernCategory.ImmediateDanger)]
    [InlineData("i have the pills and im going to take them all tonight", ConcernCategory.ImmediateDanger)]
    public void Flags_disclosures_from_children(string text, ConcernCategory expected)
    {
        var result = detector.Detect(text, Audience.Child);
        Assert.True(result.Flagged, text);
        Assert.Contains(expected, result.Categories);
        Assert.Equal(result.Categories[0], result.Category);
        Assert.False(string.IsNullOrWhiteSpace(result.Evidence));
        Assert.Contains(result.Evidence!.Split("; ")[0], text.Replace('’', '\''));
    }

    [Theory]
    [InlineData("one young person said their step-dad hits them", Audience.ForumNotes, ConcernCategory.AbuseNeglect)]
    [InlineData("a girl on my caseload is self harming and waiting for camhs", Audience.Practitioner, ConcernCategory.SelfHarm)]
    [InlineData("a boy I work with told me his dad hits him", Audience.Practitioner, ConcernCategory.AbuseNeglect)]
    [InlineData("my daughter is being groomed online", Audience.Parent, ConcernCategory.Exploitation)]
    [InlineData("my son keeps going missing and comes back with new trainers", Audience.Parent, ConcernCategory.Exploitation)]
    public void Flags_third_party_disclosures(string text, Audience audience, ConcernCategory expected)
    {
        var result = detector.Detect(text, audience);
        Assert.True(result.Flagged, text);
        Assert.Contains(expected, result.Categories);
    }

    [Theory]
    [InlineData("the wait for camhs is killing me", Audience.Child)]
    [InlineData("this form is killing me", Audience.Child)]
    [InlineData("I'd die for a reply", Audience.Parent)]
    [InlineData("dying to join the club", Audience.Child)]
    [InlineData("I could kill my brother he ate my chips", Audience.Child)]
    [InlineData("I feel safe now", Audience.Child)]
    [InlineData("i feel safe at home and at school", Audience.Child)]
    [InlineData("it really hit me how much they care", Audience.Child)]
    [InlineData("hit me up on snap", Audience.Child)]
    [InlineData("we had training on domestic abuse and self-harm last month", Audience.Practitioner)]
    [InlineData("the threshold for neglect at the MASH is too high", Audience.Practitioner)]
    [InlineData("the MASH process for referrals on abuse takes too long", Audience.Practitioner)]
    [InlineData("we talked about exploitation in the session", Audience.ForumNotes)]
    [InlineData("we talked about exploitation in the session", Audience.Child)]
    [InlineData("self-harm support groups are great", Audience.Child)]
    [InlineData("knife crime is bad in our area", Audience.Child)]
    [InlineData("county lines awareness assembly was good", Audience.Child)]
    [InlineData("I wanted to die of embarrassment lol", Audience.Child)]
    [InlineData("staff listened and I felt heard", Audience.Child)]
    [InlineData("cutting the waiting list would help", Audience.Parent)]
    [InlineData("this homework makes me want to die lol", Audience.Child)]
    [InlineData("my mum will kill me if she finds out i went lol", Audience.Child)]
    [InlineData("my brother beats me at fifa every time", Audience.Child)]
    [InlineData("i didnt want to live with my dad so i moved", Audience.Child)]
    [InlineData("i used to self harm but ive been clean for a year", Audience.Child)]
    [InlineData("i dont feel safe walking home from the bus stop", Audience.Child)]
    [InlineData("we watched a documentary about county lines", Audience.Child)]
    [InlineData("we learnt about grooming in pshe", Audience.Child)]
    [InlineData("my dad hits the ball really far", Audience.Child)]
    [InlineData("exercise: what would you do if a friend told you they were being abused", Audience.ForumNotes)]
    public void Does_not_flag_hard_negatives(string text, Audience audience)
    {
        var result = detector.Detect(text, audience);
        Assert.False(result.Flagged, $"{text} -> {result.Category}: {result.Evidence}");
        Assert.Same(ConcernResult.None, result);
    }

    [Fact]
    public void Several_categories_are_all_reported_with_danger_leading()
    {
        var result = detector.Detect("my dad hits mum and he has a knife and i want to die", Audience.Child);
        Assert.Equal(ConcernCategory.ImmediateDanger, result.Category);
        Assert.Equal(
            [ConcernCategory.ImmediateDanger, ConcernCategory.SelfHarm, ConcernCategory.DomesticAbuse],
            result.Categories);
    }

    [Fact]
    public void Evidence_is_the_redacted_words_not_personal_data()
    {
        var redacted = new PiiRedactor().Redact("Sarah's step dad Kevin hits me").RedactedText;
        var result = detector.Detect(redacted, Audience.Child);
        Assert.True(result.Flagged);
        Assert.DoesNotContain("Kevin", result.Evidence);
        Assert.Contains("hits me", result.Evidence);
    }
}
