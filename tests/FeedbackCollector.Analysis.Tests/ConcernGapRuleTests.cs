using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The rules added for the known gaps of 27 November (neglect told without harm words, indirect self-harm, coercive
/// control, debt work), on the rules alone so that the trained backstop cannot hide a rule that does not fire: each
/// pattern flags a disclosure with its category and evidence, and stays quiet on the ordinary sentence that looks most
/// like it.
/// </summary>
public class ConcernGapRuleTests
{
    [Theory]
    // neglect: care nobody gives
    [InlineData("no one wakes us up in the mornings so we are always late", "wakes us up in the mornings")]
    [InlineData("nobody takes me to the dentist and my tooth is black", "takes me to the dentist")]
    [InlineData("theres no adult up in the mornings so i get my sister ready", "adult up in the mornings")]
    // neglect: meals that are not there
    [InlineData("we have toast for dinner every night", "toast for dinner every")]
    [InlineData("the only food i get is at school", "food i get is at school")]
    [InlineData("havent had a hot meal at home in weeks", "havent had a hot meal at home")]
    [InlineData("dads never home so i do my own tea", "tea")]
    [InlineData("i cook my own dinner cos my mum is hardly ever in", "dinner cos my mum is hardly ever in")]
    [InlineData("my dad forgets to collect me from school all the time", "forgets to collect me from school all the time")]
    // neglect: clothes, warmth, being left, signs a practitioner sees
    [InlineData("i have to walk to school with no coat when its freezing", "walk to school with no coat when its freezing")]
    [InlineData("ive worn the same top for a week and it smells", "same top for a week")]
    [InlineData("the electric ran out on the meter and its been dark for days", "meter and its been dark")]
    [InlineData("the kids were left for the whole weekend", "kids were left for the whole weekend")]
    [InlineData("im left in charge of my baby sister every night", "left in charge of my baby")]
    [InlineData("she hoards food in her room", "hoards food")]
    [InlineData("child presented as hungry and tired again", "presented as hungry")]
    [InlineData("my stepdad shuts me in the cupboard for hours", "shuts me in the cupboard for hours")]
    [InlineData("got a right hiding off my dad for being late", "got a right hiding")]
    public void Flags_neglect_and_abuse_told_without_harm_words(string text, string evidence)
    {
        ConcernRuleAssert.Flags("child", text, ConcernCategory.AbuseNeglect, evidence);
    }

    [Theory]
    [InlineData("i dont think ill be alive much longer", ConcernCategory.SelfHarm, "dont think ill be alive much longer")]
    [InlineData("i wont be around much longer", ConcernCategory.SelfHarm, "wont be around much longer")]
    [InlineData("im so tired of being alive", ConcernCategory.SelfHarm, "tired of being alive")]
    [InlineData("honestly sick of living", ConcernCategory.SelfHarm, "sick of living")]
    [InlineData("im giving my games away cos i wont need them", ConcernCategory.SelfHarm, "giving my games away cos i wont")]
    [InlineData("her husband tracks her phone and where she goes", ConcernCategory.DomesticAbuse, "tracks her phone")]
    [InlineData("my partner calls me useless in front of the kids", ConcernCategory.DomesticAbuse, "partner calls me useless")]
    [InlineData("her boyfriend keeps her bank card", ConcernCategory.DomesticAbuse, "keeps her bank")]
    [InlineData("they said i have to work for them now", ConcernCategory.Exploitation, "said i have to work for them")]
    public void Flags_indirect_disclosures(string text, ConcernCategory category, string evidence)
    {
        ConcernRuleAssert.Flags("child", text, category, evidence);
    }

    [Theory]
    [InlineData("im gona kill myslef", ConcernCategory.SelfHarm, "kill myslef")]
    [InlineData("i keep thinkin bout endin it", ConcernCategory.SelfHarm, "thinkin bout endin")]
    [InlineData("my step dad beets me", ConcernCategory.AbuseNeglect, "beets me")]
    [InlineData("no1 feeds us at home", ConcernCategory.AbuseNeglect, "no1 feeds")]
    [InlineData("my uncle dose stuff 2 me", ConcernCategory.AbuseNeglect, "dose stuff 2 me")]
    public void Flags_phone_spellings(string text, ConcernCategory category, string evidence)
    {
        ConcernRuleAssert.Flags("child", text, category, evidence);
    }

    [Theory]
    [InlineData("nobody wakes me up on sundays its great")]
    [InlineData("no1 cares about the survey lol")]
    [InlineData("we grow beets at the allotment with my nan")]
    [InlineData("my dad does stuff 2 help me with homework")]
    [InlineData("nobody takes me seriously at school")]
    [InlineData("we have pizza for tea every friday")]
    [InlineData("the only food i like is pasta")]
    [InlineData("i havent had a proper meal today cuz of exams")]
    [InlineData("my dad is never home on time from work")]
    [InlineData("mum forgot to pick me up once")]
    [InlineData("i went out without a coat and it was freezing lol")]
    [InlineData("i wear the same hoodie every day cuz its my fav")]
    [InlineData("the electric meter is in the cupboard under the stairs")]
    [InlineData("we left for the weekend to go camping")]
    [InlineData("i was left in charge of the tuck shop")]
    [InlineData("we got a hiding at football on saturday")]
    [InlineData("ill be around later if you want to talk")]
    [InlineData("sick of living here the flat is so damp")]
    [InlineData("im giving my old games away to my cousin")]
    [InlineData("mum tracks my phone so she knows im safe")]
    [InlineData("my coach calls me useless when i miss a pass")]
    [InlineData("dad was annoyed cuz i broke the window with my ball")]
    [InlineData("there's no food i like at my dads")]
    [InlineData("my teacher said i have to work harder")]
    [InlineData("mum said i have to work for my pocket money")]
    public void Stays_quiet_on_near_misses(string text)
    {
        ConcernRuleAssert.Quiet("child", text);
    }

    [Fact]
    public void Debt_work_flags_with_the_shipped_model_too()
    {
        var result = new ConcernDetector().Detect("they gave me a phone and said i have to work off what i owe", Audience.Child);
        Assert.True(result.Flagged);
        Assert.Equal(ConcernCategory.Exploitation, result.Category);
    }
}
