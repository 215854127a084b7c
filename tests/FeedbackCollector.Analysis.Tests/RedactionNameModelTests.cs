using FeedbackCollector.Analysis;
using FeedbackCollector.Analysis.Evaluation;
using FeedbackCollector.Analysis.Redaction;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

/// <summary>
/// The learned recall layer for names (<see cref="NameModel"/>, embedded), on my own sentences (not DevSet lines): it
/// adds the kinds of name the rules miss, and leaves the traps alone. The rules alone are the comparison, so that each
/// case shows the model's doing and not the rules'.
/// </summary>
public class RedactionNameModelTests
{
    private readonly PiiRedactor withModel = new();
    private readonly PiiRedactor rulesAlone = new(null);

    [Fact]
    public void The_shipped_model_loads_with_thresholds_between_0_and_1()
    {
        var model = NameModel.Default;
        Assert.NotNull(model);
        Assert.InRange(model.Threshold, 0.01f, 0.99f);
        Assert.InRange(model.WordThreshold, model.Threshold, 1f);
    }

    [Theory]
    [InlineData("deividas never gets picked for football", "deividas")]
    [InlineData("Kai-Jun shared his idea for a gaming night", "Kai-Jun")]
    [InlineData("nikolai petrov, NI number to follow", "nikolai petrov")]
    [InlineData("the Okafor family have been waiting a year for a house", "Okafor")]
    [InlineData("the Mensah children are all at the same school", "Mensah")]
    [InlineData("the worker (Faith) was the only one who listened", "Faith")]
    [InlineData("spoke to a girl in the group (Ruby, Y9) about the bus", "Ruby")]
    [InlineData("mrs adeyemi-clarke is the best teacher in the school", "adeyemi-clarke")]
    [InlineData("Mr P. Osei came to the review meeting", "Osei")]
    [InlineData("my little brother, she calls him 'Deano' all the time", "Deano")]
    [InlineData("we met with tamsin and rahel at the hub", "rahel")]
    public void The_model_adds_a_name_the_rules_miss(string text, string name)
    {
        Assert.DoesNotContain(name, PiiSpans.Of(rulesAlone, text, PiiType.Name), StringComparison.Ordinal);
        Assert.Contains(name, PiiSpans.Of(withModel, text, PiiType.Name), StringComparison.Ordinal);
        Assert.DoesNotContain(name, withModel.Redact(text).RedactedText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("i will ring you tomorrow")]
    [InlineData("it may be better next time")]
    [InlineData("hope so anyway")]
    [InlineData("Summer holidays are boring with nothing to do")]
    [InlineData("CAMHS never rang back")]
    [InlineData("the Nurse Practitioner was really helpful")]
    [InlineData("St John Ambulance did the first aid course")]
    [InlineData("we moved from Doncaster to Rotherham last year")]
    [InlineData("Year 9 is the worst year")]
    [InlineData("my sw will sort it out")]
    [InlineData("Mark my words nothing changes")]
    [InlineData("the youth club should be open on Fridays")]
    [InlineData("the Rochdale Family Hub was great")]
    [InlineData("we need an interpreter who speaks Tigrinya")]
    [InlineData("the IROs and PCSOs were at the meeting")]
    [InlineData("Joy is not how i would describe it")]
    [InlineData("I'm Autistic and the school doesn't get it")]
    [InlineData("Questa è la mia scuola.")]
    [InlineData("café")]
    [InlineData("now im far from my brother theres gangs near the park")]
    public void The_model_leaves_the_traps_alone(string text) =>
        Assert.Equal(text, withModel.Redact(text).RedactedText);

    [Fact]
    public void A_model_name_joins_the_title_before_it_in_one_span()
    {
        // The title is the rules' cue, the surname the model's: one span, "mrs" and all, as the rules do with "Mr Patel".
        const string text = "mrs adeyemi-clarke is the best teacher in the school";
        Assert.Equal("", PiiSpans.Of(rulesAlone, text, PiiType.Name));
        Assert.Equal("mrs adeyemi-clarke", PiiSpans.Of(withModel, text, PiiType.Name));
        Assert.Equal("[name] is the best teacher in the school", withModel.Redact(text).RedactedText);
    }

    [Fact]
    public void A_model_round_trips_through_its_bytes_and_decides_the_same()
    {
        var model = NameModel.Default!;
        var again = NameModel.Read(new MemoryStream(model.ToBytes()));
        Assert.Equal(model.Threshold, again.Threshold);
        Assert.Equal(model.WordThreshold, again.WordThreshold);
        const string text = "the Okafor family and deividas came to the hub with jack and ty";
        Assert.Equal(new PiiRedactor(model).Redact(text).RedactedText, new PiiRedactor(again).Redact(text).RedactedText);
    }

    [Fact]
    public void A_model_read_back_writes_the_same_bytes_and_a_cut_file_is_refused()
    {
        var bytes = NameModel.Default!.ToBytes();
        Assert.Equal(bytes, NameModel.Read(new MemoryStream(bytes)).ToBytes());
        Assert.Throws<EndOfStreamException>(() => NameModel.Read(new MemoryStream(bytes[..^3])));
    }

    [Fact]
    public void A_model_file_of_another_kind_is_refused()
    {
        var bytes = NameModel.Default!.ToBytes();
        bytes[0] = (byte)'X';
        Assert.Throws<InvalidDataException>(() => NameModel.Read(new MemoryStream(bytes)));
    }

    [Fact]
    public void Training_is_deterministic_and_learns_names_from_their_context()
    {
        // A toy set: an unknown word after "met" or before "said" is a name; after "the" or before "centre" it is not.
        string[] names = ["zorvik", "quellan", "brixa", "tomasz", "yurena", "kivuli"];
        string[] things = ["plinth", "gazebo", "atrium", "annexe", "portakabin", "canteen"];
        var items = new List<LabelledItem>();
        for (var i = 0; i < names.Length; i++)
        {
            items.Add(Item($"n{i}", $"i met {names[i]} at the club and {names[i]} said hi", [names[i], names[i]]));
            items.Add(Item($"t{i}", $"i met my mum at the {things[i]} centre and it said closed", []));
        }

        var options = new NameTrainingOptions(Iterations: 60);
        var first = NameModelTrainer.Train(items, 0.5, 0.5, options);
        Assert.Equal(first, NameModelTrainer.Train(items, 0.5, 0.5, options));

        var redactor = new PiiRedactor(NameModel.Read(new MemoryStream(first)));
        Assert.Equal("i met [name] at the club", redactor.Redact("i met vintrel at the club").RedactedText);
        Assert.Equal("i met my mum at the cloister centre", redactor.Redact("i met my mum at the cloister centre").RedactedText);
    }

    private static LabelledItem Item(string id, string text, string[] names) =>
        new(id, Audience.Child, text, "en", [], SentimentLabel.Neutral, null, [.. names.Select(n => new LabelledPii(PiiType.Name, n))]);
}
