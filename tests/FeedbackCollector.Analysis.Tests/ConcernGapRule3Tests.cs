using FeedbackCollector.Analysis;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The rules added on 27 November (session 5) for the kinds the fourth session's honest set still missed or flagged
/// wrongly: self-harm signs a professional sees and the young person denies, young children left alone at night,
/// an ex who keeps turning up and threatening after separation; and, not concerns, a push into the lockers at school,
/// a meter topped up, a 17-year-old's 18-year-old partner. On the rules alone, so the trained backstop cannot hide a rule
/// that does not fire.
/// </summary>
public class ConcernGapRule3Tests
{
    [Theory]
    [InlineData("practitioner", "Student has scarring on her wrists noticed by the nurse, denies anything is wrong.", ConcernCategory.SelfHarm, "scarring on her wrists")]
    [InlineData("practitioner", "Scratches across both forearms seen in PE, he refused to say how.", ConcernCategory.SelfHarm, "Scratches across both forearms")]
    [InlineData("practitioner", "Fresh cuts on her thigh were seen by the school nurse.", ConcernCategory.SelfHarm, "cuts on her thigh")]
    [InlineData("parent", "The toddlers upstairs are left alone most nights while she goes out.", ConcernCategory.AbuseNeglect, "left alone most nights")]
    [InlineData("practitioner", "Neighbour says the little ones are often left by themselves till late.", ConcernCategory.AbuseNeglect, "left by themselves")]
    [InlineData("parent", "She leaves them on their own every evening and the youngest is three.", ConcernCategory.AbuseNeglect, "leaves them on their own every")]
    [InlineData("parent", "Since I left, my ex keeps turning up at my door threatening me.", ConcernCategory.DomesticAbuse, "keeps turning up")]
    [InlineData("parent", "My ex partner is stalking me and the kids are scared.", ConcernCategory.DomesticAbuse, "stalking me")]
    [InlineData("parent", "He has breached the injunction twice this month.", ConcernCategory.DomesticAbuse, "breached the injunction")]
    [InlineData("parent", "The restraining order hasnt stopped him coming to the house.", ConcernCategory.DomesticAbuse, "hasnt stopped")]
    [InlineData("child", "since mum split from him he still comes round messaging her threats", ConcernCategory.DomesticAbuse, "since mum split")]
    public void Flags_the_new_patterns(string audience, string text, ConcernCategory category, string evidence)
    {
        ConcernRuleAssert.Flags(audience, text, category, evidence);
    }

    [Theory]
    [InlineData("child", "a year 8 pushed me into the lockers after maths")]
    [InlineData("child", "some kid shoved me in the corridor at lunch")]
    [InlineData("child", "we had no electric for an evening till dad topped it up")]
    [InlineData("parent", "My 17 year old son has a girlfriend who is 18 and she is lovely.")]
    [InlineData("practitioner", "Cuts on his knee from falling in football, first aid given.")]
    [InlineData("child", "i got left on my own at lunch by my friends")]
    [InlineData("parent", "My ex keeps turning up late for contact which upsets the kids.")]
    [InlineData("parent", "The coach keeps turning up at matches and shouting at the ref.")]
    public void Does_not_flag_the_near_misses(string audience, string text)
    {
        ConcernRuleAssert.Quiet(audience, text);
    }

    [Theory]
    [InlineData("child", "my stepdad shoved me into the wall by the lockers", ConcernCategory.AbuseNeglect)]
    [InlineData("child", "a man pushed me over in the playground", ConcernCategory.AbuseNeglect)]
    [InlineData("parent", "My 14 year old has a boyfriend who is 18.", ConcernCategory.Exploitation)]
    public void A_school_place_or_a_peer_age_does_not_hide_an_adult(string audience, string text, ConcernCategory category)
    {
        ConcernRuleAssert.Flags(audience, text, category);
    }
}
