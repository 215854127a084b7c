using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The word-class signal rules: disclosures in phrasings no phrase rule lists (misspelt, euphemistic, third person),
/// and the traps that must stay quiet (hyperbole, hypotheticals, resolved past harm, awareness talk, negation).
/// </summary>
public class ConcernSignalTests
{
    private readonly ConcernDetector detector = new();

    [Theory]
    // self-harm: euphemism, misspelling, third person
    [InlineData("i keep thinking bout just not waking up one morning", Audience.Child, ConcernCategory.SelfHarm)]
    [InlineData("ngl ive been hurting my self again", Audience.Child, ConcernCategory.SelfHarm)]
    [InlineData("no one would miss me tbh", Audience.Child, ConcernCategory.SelfHarm)]
    [InlineData("relapsed last nite, the cuts are deeper this time", Audience.Child, ConcernCategory.SelfHarm)]
    [InlineData("my arms are covered in scars so i wear long sleeves", Audience.Child, ConcernCategory.SelfHarm)]
    [InlineData("i scratch my wrists with my compass in maths when the anxiety gets too much", Audience.Child, ConcernCategory.SelfHarm)]
    [InlineData("last year i self harmed but im better now", Audience.Child, ConcernCategory.SelfHarm)]
    [InlineData("Pupil presented with fresh lacerations to forearm; says she does it to cope.", Audience.Practitioner, ConcernCategory.SelfHarm)]
    // abuse and neglect
    [InlineData("he comes in my room at night when mum is at work", Audience.Child, ConcernCategory.AbuseNeglect)]
    [InlineData("dad batterd me last nite", Audience.Child, ConcernCategory.AbuseNeglect)]
    [InlineData("i get wacked if i dont do all the chores", Audience.Child, ConcernCategory.AbuseNeglect)]
    [InlineData("mum leaves me and my baby brother on our own most nights", Audience.Child, ConcernCategory.AbuseNeglect)]
    [InlineData("my foster carer pulls my hair and says no one will believe me", Audience.Child, ConcernCategory.AbuseNeglect)]
    [InlineData("someone at the party made me do stuff", Audience.Child, ConcernCategory.AbuseNeglect)]
    [InlineData("i havent eaten since friday theres no food", Audience.Child, ConcernCategory.AbuseNeglect)]
    [InlineData("A lad said his dad still gives him a hiding with a slipper", Audience.ForumNotes, ConcernCategory.AbuseNeglect)]
    // exploitation
    [InlineData("i get given stuff to carry for older lads", Audience.Child, ConcernCategory.Exploitation)]
    [InlineData("met a guy on snap hes 22 and he wants me to come to his flat", Audience.Child, ConcernCategory.Exploitation)]
    [InlineData("got paid 50 quid to take a bag to leeds on the train", Audience.Child, ConcernCategory.Exploitation)]
    [InlineData("he said if i dont send more he'll show my mum the ones i already sent", Audience.Child, ConcernCategory.Exploitation)]
    [InlineData("they want me to go cunch next weekend", Audience.Child, ConcernCategory.Exploitation)]
    // domestic abuse
    [InlineData("mums boyfriend hits her and i hide", Audience.Child, ConcernCategory.DomesticAbuse)]
    [InlineData("mums new fella gets nasty when hes had a drink and hurts her", Audience.Child, ConcernCategory.DomesticAbuse)]
    [InlineData("my dads always knocking my mum about", Audience.Child, ConcernCategory.DomesticAbuse)]
    [InlineData("Mum disclosed on a home visit that her partner kicked her while she was pregnant.", Audience.Practitioner, ConcernCategory.DomesticAbuse)]
    [InlineData("I had to go to A&E after my partner head-butted me.", Audience.Parent, ConcernCategory.DomesticAbuse)]
    // immediate danger
    [InlineData("theres a man outside with a knife", Audience.Child, ConcernCategory.ImmediateDanger)]
    [InlineData("hes banging on the door rn and mum is screaming pls send someone", Audience.Child, ConcernCategory.ImmediateDanger)]
    [InlineData("mum wont wake up and theres an empty bottle next to her", Audience.Child, ConcernCategory.ImmediateDanger)]
    [InlineData("im standing on the bridge and i cant do this anymore", Audience.Child, ConcernCategory.ImmediateDanger)]
    [InlineData("i swallowed a load of pills 20 mins ago and feel weird", Audience.Child, ConcernCategory.ImmediateDanger)]
    public void Flags_new_phrasings(string text, Audience audience, ConcernCategory expected)
    {
        var result = detector.Detect(text, audience);
        Assert.True(result.Flagged, text);
        Assert.Equal(expected, result.Category);
        Assert.False(string.IsNullOrWhiteSpace(result.Evidence));
        Assert.Contains(result.Evidence!.Split("; ")[0], text);
    }

    [Theory]
    // hyperbole and trivial causes
    [InlineData("this survey is killing me lol", Audience.Child)]
    [InlineData("school is so boring i wanna die lol", Audience.Child)]
    [InlineData("maths homework is torture i literally want to die", Audience.Child)]
    [InlineData("my teacher is gonna kill me i forgot my homework again", Audience.Child)]
    [InlineData("my little brother hits me with pillows when he wants attention lol", Audience.Child)]
    [InlineData("my anxiety is so bad i cant go on the bus", Audience.Child)]
    // hypotheticals, awareness, negation
    [InlineData("i would tell my teacher if someone was hurting me", Audience.Child)]
    [InlineData("YP asked for more info on where to go if they feel suicidal.", Audience.ForumNotes)]
    [InlineData("we learned how to spot when someone is being groomed online", Audience.Child)]
    [InlineData("i dont self harm i just get really anxious before school", Audience.Child)]
    [InlineData("The domestic abuse training last week was really useful, especially the session on coercive control.", Audience.Practitioner)]
    [InlineData("the police came into school to talk about knife crime", Audience.Child)]
    // resolved past harm
    [InlineData("used to cut myself but i havent for over a year now thanks to my counsellor", Audience.Child)]
    [InlineData("i was in care because my dad hurt me when i was little but im safe with my adoptive parents now", Audience.Child)]
    [InlineData("the bullies said theyd batter me but i told a teacher and it stopped", Audience.Child)]
    // look-alikes
    [InlineData("my sister sent me pics of her new puppy", Audience.Child)]
    [InlineData("the older lads at football give us lifts to matches", Audience.Child)]
    [InlineData("i carry my little brothers bag for him cos hes only 5", Audience.Child)]
    [InlineData("Several said they feel unsafe in the town centre after dark because of the gangs.", Audience.ForumNotes)]
    [InlineData("The domestic abuse worker helped us get the locks changed and feel safe at home again.", Audience.Parent)]
    public void Stays_quiet_on_traps(string text, Audience audience)
    {
        var result = detector.Detect(text, audience);
        Assert.False(result.Flagged, $"{text} -> {result.Category}: {result.Evidence}");
    }

    /// <summary>
    /// The rules read these as not disclosures, but the backstop, trained for recall first (0.98 in the seventh session,
    /// 0.97 out of fold on harder data since the ninth), flags them for a person to look at: it cannot hear the laugh, the
    /// negation, whose safety it is or whose hair was cut. That is the price of recall first (docs/analyzer.md,
    /// "Concerns: more data, seventh session" and "Recall work ... ninth session"); the rules must stay right.
    /// </summary>
    [Theory]
    [InlineData("i swear if i have to do another group session ill kill myself 😂", Audience.Child)]
    [InlineData("I had a young person threaten to punch me during a visit; better lone working policy needed.", Audience.Practitioner)]
    [InlineData("my dad never hits me", Audience.Child)]
    [InlineData("she cut her hair short", Audience.Child)]
    public void Rules_stay_quiet_on_traps_the_backstop_may_flag(string text, Audience audience)
    {
        var result = new ConcernDetector(null).Detect(text, audience);
        Assert.False(result.Flagged, $"{text} -> {result.Category}: {result.Evidence}");
    }

    [Fact]
    public void Carrying_for_a_little_brother_is_a_chore_but_carrying_for_older_lads_is_not()
    {
        Assert.False(detector.Detect("i carry my little brothers bag for him cos hes only 5", Audience.Child).Flagged);
        Assert.True(detector.Detect("older lads make me carry stuff for them to other towns and my little brother too", Audience.Child).Flagged);
        Assert.True(detector.Detect("i have to hold packages for my brothers mates or they say they'll hurt me", Audience.Child).Flagged);
    }

    [Fact]
    public void A_negated_act_is_not_a_disclosure_but_the_same_act_is()
    {
        Assert.False(detector.Detect("my dad doesnt hit me he just shouts sometimes", Audience.Child).Flagged);
        Assert.True(detector.Detect("my dad hits me he just shouts sometimes", Audience.Child).Flagged);
        // The backstop model reads a word in a negation's scope apart from the same word (n|hit), so it agrees.
        Assert.False(detector.Detect("my dad doesnt hit me", Audience.Child).Flagged);
        Assert.False(detector.Detect("my dad never hits me he just shouts sometimes", Audience.Child).Flagged);
        Assert.True(detector.Detect("nobody feeds me at home", Audience.Child).Flagged);
    }

    [Fact]
    public void The_writers_own_conditional_is_not_a_hypothetical()
    {
        var result = detector.Detect("sometimes i think everyone would be better off if i wasnt here", Audience.Child);
        Assert.Equal(ConcernCategory.SelfHarm, result.Category);
    }

    [Fact]
    public void Self_harm_shaped_act_by_someone_else_is_abuse()
    {
        var result = detector.Detect("dad shoved mum into the kitchen door and she cut her head", Audience.Child);
        Assert.Equal(ConcernCategory.DomesticAbuse, result.Category);
        Assert.DoesNotContain(ConcernCategory.SelfHarm, result.Categories);
    }

    [Fact]
    public void Long_texts_and_many_sentences_are_handled()
    {
        var text = string.Concat(Enumerable.Repeat("the youth club is good and my worker listens. ", 200)) + "my uncle sends me pics and says not to tell";
        var result = detector.Detect(text, Audience.Child);
        Assert.True(result.Flagged);
        Assert.Contains("not to tell", result.Evidence);
    }
}
