using FeedbackCollector.Analysis;
using FeedbackCollector.Core;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The rules added on 27 November (session 4) for what the fresh sets still missed: text-speak self-harm, saved-up
/// medication, practitioner squalor words, police talk for a domestic, shouting and hitting, a child found far away or
/// with a man she was warned about, danger tonight. On the rules alone, so the trained backstop cannot hide a rule that
/// does not fire: each flags its disclosure with category and evidence, and a near miss stays quiet (or, where a nearby
/// older rule rightly flags it, does not take the new rule's category).
/// </summary>
public class ConcernGapRule2Tests
{
    private readonly ConcernDetector rules = new(model: null);

    [Theory]
    [InlineData("child", "hope i dont wake up 2moro", ConcernCategory.SelfHarm, "hope i dont wake up")]
    [InlineData("child", "dnt wanna b here n e more", ConcernCategory.SelfHarm, "dnt wanna b here")]
    [InlineData("child", "been savin up my tablets in a sock", ConcernCategory.SelfHarm, "savin up my tablets")]
    [InlineData("parent", "My son has been stockpiling his antidepressants.", ConcernCategory.SelfHarm, "stockpiling his antidepressants")]
    [InlineData("child", "my pills are stashed away in my drawer", ConcernCategory.SelfHarm, "pills are stashed away")]
    [InlineData("child", "i cut again last night", ConcernCategory.SelfHarm, "i cut again")]
    [InlineData("child", "did my arm last nite n the cuts r gettin deeper", ConcernCategory.SelfHarm, "gettin deeper")]
    [InlineData("child", "im scared to go home tonight", ConcernCategory.ImmediateDanger, "scared to go home tonight")]
    [InlineData("child", "im not safe at home rn", ConcernCategory.ImmediateDanger, "not safe at home rn")]
    [InlineData("child", "my ex is outside the house now and im scared", ConcernCategory.ImmediateDanger, "ex is outside the house now")]
    [InlineData("parent", "He went missing and turned up in another town with a new phone.", ConcernCategory.Exploitation, "turned up in another town")]
    [InlineData("practitioner", "YP located in another county after two nights away.", ConcernCategory.Exploitation, "located in another county")]
    [InlineData("parent", "She has been reported missing three times this month.", ConcernCategory.Exploitation, "reported missing three")]
    [InlineData("practitioner", "She was seen with the man she was warned about.", ConcernCategory.Exploitation, "man she was warned about")]
    [InlineData("practitioner", "YP staying with an adult male known to police.", ConcernCategory.Exploitation, "male known to police")]
    [InlineData("child", "there was a domestic at ours again last nite", ConcernCategory.DomesticAbuse, "a domestic")]
    [InlineData("practitioner", "Domestic incident at the home overnight, children present.", ConcernCategory.DomesticAbuse, "Domestic incident")]
    [InlineData("child", "theres always shouting n hitting between mum n dad", ConcernCategory.DomesticAbuse, "shouting n hitting between")]
    [InlineData("child", "the cupboards r always empty at mine", ConcernCategory.AbuseNeglect, "cupboards r always empty")]
    [InlineData("child", "theres never any food in the cupboards", ConcernCategory.AbuseNeglect, "never any food")]
    [InlineData("practitioner", "Dog faeces on the kitchen floor and a strong smell.", ConcernCategory.AbuseNeglect, "faeces on the kitchen")]
    [InlineData("practitioner", "Baby's nappy not changed since the morning.", ConcernCategory.AbuseNeglect, "nappy not changed")]
    [InlineData("practitioner", "Home visit: no beds for the children.", ConcernCategory.AbuseNeglect, "no beds")]
    [InlineData("practitioner", "The flat was squalid.", ConcernCategory.AbuseNeglect, "squalid")]
    [InlineData("practitioner", "Health visitor notes faltering growth.", ConcernCategory.AbuseNeglect, "faltering growth")]
    [InlineData("child", "he touchs me wen mum is at work", ConcernCategory.AbuseNeglect, "touchs me")]
    public void Flags_the_new_patterns(string audience, string text, ConcernCategory category, string evidence)
    {
        ConcernRuleAssert.Flags(audience, text, category, evidence);
    }

    [Theory]
    [InlineData("child", "i hope i dont wake up late tomorrow")]
    [InlineData("child", "i dont want to be here at this school")]
    [InlineData("child", "we are saving up for a new tablet")]
    [InlineData("child", "i got my hair cut again")]
    [InlineData("child", "the water was getting deeper at the beach")]
    [InlineData("child", "the park is not safe at night")]
    [InlineData("parent", "We moved to another town last year.")]
    [InlineData("parent", "My mum found a new job in another town.")]
    [InlineData("parent", "He reported the missing dog to the council.")]
    [InlineData("parent", "A man known to the family fixed our boiler.")]
    [InlineData("parent", "She works as a domestic cleaner.")]
    [InlineData("practitioner", "We need training on responding to domestic incidents.")]
    [InlineData("child", "there was shouting and pushing in the lunch queue")]
    [InlineData("child", "the cupboards are always full at my nans")]
    [InlineData("practitioner", "Support after a domestic incident has improved since the notifications started.")]
    [InlineData("child", "my sw is outside now waiting to take me to contact")]
    [InlineData("forum-notes", "dog faeces in the park is a problem")]
    [InlineData("child", "theres never any food i like at school")]
    [InlineData("parent", "I feel neglected by the council, nobody returns my calls.")]
    [InlineData("parent", "We feel completely neglected by children's services.")]
    [InlineData("child", "teachers r gonna kill us wiv all these mocks")]
    [InlineData("child", "he never touchs me")]
    [InlineData("parent", "We had a hard year after I left my abusive ex, but we are safe now and the kids are thriving.")]
    public void Stays_quiet_on_near_misses(string audience, string text)
    {
        ConcernRuleAssert.Quiet(audience, text);
    }

    [Fact]
    public void A_negated_fear_of_going_home_is_not_danger_now()
    {
        var result = rules.Detect("im not scared to go home tonight", Audience.Child);
        Assert.NotEqual(ConcernCategory.ImmediateDanger, result.Category);
    }

    [Fact]
    public void Leaving_an_abuser_without_safety_is_still_flagged()
    {
        var result = rules.Detect("After I left my abusive ex he keeps turning up and threatening me.", Audience.Parent);
        Assert.True(result.Flagged);
    }

    [Fact]
    public void Neglect_by_a_parent_is_still_neglect()
    {
        var result = rules.Detect("the kids are neglected by their mum, no food and no heating", Audience.Parent);
        Assert.True(result.Flagged);
        Assert.Equal(ConcernCategory.AbuseNeglect, result.Category);
    }
}
