using FeedbackCollector.Analysis;
using FeedbackCollector.Core.Analysis;

namespace FeedbackCollector.Analysis.Tests;

public class RedactionTests
{
    private readonly PiiRedactor redactor = new();

    [Theory]
    [InlineData(PiiType.Name, "[name]")]
    [InlineData(PiiType.Phone, "[phone]")]
    [InlineData(PiiType.Email, "[email]")]
    [InlineData(PiiType.Address, "[address]")]
    [InlineData(PiiType.Postcode, "[postcode]")]
    [InlineData(PiiType.School, "[school]")]
    [InlineData(PiiType.DateOfBirth, "[date-of-birth]")]
    [InlineData(PiiType.Handle, "[handle]")]
    [InlineData(PiiType.Url, "[url]")]
    [InlineData(PiiType.NhsNumber, "[nhs-number]")]
    [InlineData(PiiType.NiNumber, "[ni-number]")]
    public void Placeholder_is_kebab_case_type_in_brackets(PiiType type, string expected) =>
        Assert.Equal(expected, PiiRedactor.PlaceholderFor(type));

    // ---------- each kind, each usual spelling: (text, type, the personal data exactly)
    [Theory]
    [InlineData("call me on 07700 900123 please", PiiType.Phone, "07700 900123")]
    [InlineData("my number is 07700900123", PiiType.Phone, "07700900123")]
    [InlineData("ring +44 7700 900123 tonight", PiiType.Phone, "+44 7700 900123")]
    [InlineData("ring +447700900123", PiiType.Phone, "+447700900123")]
    [InlineData("office (0161) 496 0000 any time", PiiType.Phone, "(0161) 496 0000")]
    [InlineData("office 0161 496 0000.", PiiType.Phone, "0161 496 0000")]
    [InlineData("try 020 7946 0018", PiiType.Phone, "020 7946 0018")]
    [InlineData("try 0113-496-0000", PiiType.Phone, "0113-496-0000")]
    [InlineData("mob 07700-900-123", PiiType.Phone, "07700-900-123")]
    [InlineData("+44 (0) 161 496 0000 is the desk", PiiType.Phone, "+44 (0) 161 496 0000")]
    [InlineData("email me at sarah.jones99@gmail.com thanks", PiiType.Email, "sarah.jones99@gmail.com")]
    [InlineData("MUM.SMITH@Example.CO.UK is hers", PiiType.Email, "MUM.SMITH@Example.CO.UK")]
    [InlineData("we live at 12 Acacia Avenue now", PiiType.Address, "12 Acacia Avenue")]
    [InlineData("flat 3, 14 high st is ours", PiiType.Address, "flat 3, 14 high st")]
    [InlineData("she lives on Rose Lane with her nan", PiiType.Address, "Rose Lane")]
    [InlineData("i live at 23b station road", PiiType.Address, "23b station road")]
    [InlineData("my house is 7 Oak Close", PiiType.Address, "7 Oak Close")]
    [InlineData("postcode M1 1AE", PiiType.Postcode, "M1 1AE")]
    [InlineData("we moved to sw1a 1aa last year", PiiType.Postcode, "sw1a 1aa")]
    [InlineData("its b152tt", PiiType.Postcode, "b152tt")]
    [InlineData("LS6 3QW is near", PiiType.Postcode, "LS6 3QW")]
    [InlineData("I go to St Mary's Primary and like it", PiiType.School, "St Mary's Primary")]
    [InlineData("at Oakwood Academy the teachers listen", PiiType.School, "Oakwood Academy")]
    [InlineData("Hillside High School is ok", PiiType.School, "Hillside High School")]
    [InlineData("moving to Kingsway College in september", PiiType.School, "Kingsway College")]
    [InlineData("i go to oakwood academy", PiiType.School, "oakwood academy")]
    [InlineData("I'm at Park View High", PiiType.School, "Park View High")]
    [InlineData("dob 12/03/2011", PiiType.DateOfBirth, "12/03/2011")]
    [InlineData("I was born 3rd March 2011 in leeds", PiiType.DateOfBirth, "3rd March 2011")]
    [InlineData("my birthday is 14th of july", PiiType.DateOfBirth, "14th of july")]
    [InlineData("D.O.B: 01-02-10", PiiType.DateOfBirth, "01-02-10")]
    [InlineData("date of birth is March 3, 2011", PiiType.DateOfBirth, "March 3, 2011")]
    [InlineData("follow me @sarah_j99 lol", PiiType.Handle, "@sarah_j99")]
    [InlineData("my snap is jaydenx07", PiiType.Handle, "jaydenx07")]
    [InlineData("insta: kayla.m", PiiType.Handle, "kayla.m")]
    [InlineData("add me on tiktok @dancequeen", PiiType.Handle, "@dancequeen")]
    [InlineData("see https://example.com/page?id=3 for info", PiiType.Url, "https://example.com/page?id=3")]
    [InlineData("go on www.mysite.org.", PiiType.Url, "www.mysite.org")]
    [InlineData("it's on example.co.uk", PiiType.Url, "example.co.uk")]
    [InlineData("nhs number 943 476 5919", PiiType.NhsNumber, "943 476 5919")]
    [InlineData("my nhs no is 9434765919", PiiType.NhsNumber, "9434765919")]
    [InlineData("ref 943-476-5919", PiiType.NhsNumber, "943-476-5919")]
    [InlineData("NI number JT 12 34 56 C", PiiType.NiNumber, "JT 12 34 56 C")]
    [InlineData("ni: AB123456C", PiiType.NiNumber, "AB123456C")]
    [InlineData("his is ab 12 34 56 d", PiiType.NiNumber, "ab 12 34 56 d")]
    [InlineData("Reece Walsh 5/1/2011", PiiType.DateOfBirth, "5/1/2011")]
    [InlineData("im in Room 6, 88 Albion Street now", PiiType.Address, "Room 6, 88 Albion Street")]
    [InlineData("based at Unit 4, Kirkstall Road", PiiType.Address, "Unit 4, Kirkstall Road")]
    [InlineData("he goes to St Michael's and is horrible", PiiType.School, "St Michael's")]
    [InlineData("the bullying at St Anne's C of E is bad", PiiType.School, "St Anne's C of E")]
    [InlineData("in year 9 at Whitcliffe Mount", PiiType.School, "Whitcliffe Mount")]
    [InlineData("ellie_xo.x on tiktok keeps posting", PiiType.Handle, "ellie_xo.x")]
    public void Finds_each_kind(string text, PiiType type, string expected)
    {
        var result = redactor.Redact(text);
        var span = Assert.Single(result.Spans, s => s.Type == type);
        Assert.Equal(expected, text.Substring(span.Start, span.Length));
        Assert.Contains(PiiRedactor.PlaceholderFor(type), result.RedactedText);
        Assert.DoesNotContain(expected, result.RedactedText);
    }

    [Fact]
    public void Nhs_number_with_a_wrong_check_digit_and_no_cue_is_left()
    {
        var result = redactor.Redact("the code was 943 476 5918 on the letter");
        Assert.DoesNotContain(result.Spans, s => s.Type == PiiType.NhsNumber);
    }

    [Theory]
    [InlineData("code GB 12 34 56 A")] // GB is never issued
    [InlineData("code DA 12 34 56 A")] // D is never a first letter
    [InlineData("code AO 12 34 56 A")] // O is never a second letter
    public void Ni_numbers_with_unissued_prefixes_are_left(string text) =>
        Assert.DoesNotContain(redactor.Redact(text).Spans, s => s.Type == PiiType.NiNumber);

    // ---------- names
    [Theory]
    [InlineData("Our worker was lovely")]
    [InlineData("my sw is happy to help and rings back")]
    [InlineData("my social worker was ace tbh")]
    public void Praise_after_a_role_is_not_a_name(string text) =>
        Assert.DoesNotContain(redactor.Redact(text).Spans, s => s.Type == PiiType.Name);

    [Theory]
    [InlineData("Sarah was really kind to me", "Sarah")]
    [InlineData("i told sarah everything", "sarah")]
    [InlineData("my sw is sarah and she listens", "sarah")]
    [InlineData("My name is Kwabena and I am 14", "Kwabena")]
    [InlineData("my name is zoltan", "zoltan")]
    [InlineData("I'm called Precious", "Precious")]
    [InlineData("my social worker Dave never rings back", "Dave")]
    [InlineData("Mr Okonkwo helped me a lot", "Mr Okonkwo")]
    [InlineData("mrs patel is the best teacher", "mrs patel")]
    [InlineData("Dr. Khan was nice", "Dr. Khan")]
    [InlineData("Miss Hughes listens", "Miss Hughes")]
    [InlineData("me and Mohammed went to the club", "Mohammed")]
    [InlineData("Siobhan from school said it would be ok", "Siobhan")]
    [InlineData("I spoke to Will about it", "Will")]
    [InlineData("my friend Grace helped", "Grace")]
    [InlineData("thank you Hope for listening", "Hope")]
    [InlineData("my sw is will", "will")]
    [InlineData("Zbigniew said I could come back", "Zbigniew")]
    [InlineData("my foster carer Chidinma is great", "Chidinma")]
    [InlineData("worker Tendai came round", "Tendai")]
    [InlineData("Agnieszka and me are mates", "Agnieszka")]
    [InlineData("Olu's mum picked me up", "Olu")]
    [InlineData("me and Tyreese got excluded", "Tyreese")]
    [InlineData("thanks grace for asking me", "grace")]
    [InlineData("its lily, my insta is private", "lily")]
    [InlineData("Summer said she wasn't asked", "Summer")]
    [InlineData("big thanks to mo at the youth centre", "mo")]
    [InlineData("Lily-Rose has no place", "Lily-Rose")]
    public void Finds_names(string text, string name)
    {
        var result = redactor.Redact(text);
        var span = Assert.Single(result.Spans, s => s.Type == PiiType.Name);
        Assert.Equal(name, text.Substring(span.Start, span.Length));
    }

    [Theory]
    [InlineData("Sarah Jones was my sw", "Sarah Jones")]
    [InlineData("I saw Mohammed Ali Khan", "Mohammed Ali Khan")]
    [InlineData("ask for Ciara O'Neill", "Ciara O'Neill")]
    public void A_capitalised_surname_joins_the_first_name(string text, string name)
    {
        var result = redactor.Redact(text);
        var span = Assert.Single(result.Spans);
        Assert.Equal(name, text.Substring(span.Start, span.Length));
        Assert.Equal(PiiType.Name, span.Type);
    }

    // ---------- traps: nothing here is personal data
    [Theory]
    [InlineData("I will tell someone if it happens again")]
    [InlineData("Will they listen to me this time?")]
    [InlineData("May I have a say in the plan")]
    [InlineData("my birthday is in May")]
    [InlineData("I hope things get better")]
    [InlineData("it was a joy to be there")]
    [InlineData("there is grace in trying")]
    [InlineData("they mark my work late")]
    [InlineData("the gas bill is too high")]
    [InlineData("a rose in the garden")]
    [InlineData("we went in April and June")]
    [InlineData("this summer was hard")]
    [InlineData("I need to have faith in them")]
    [InlineData("it was sunny at the park")]
    [InlineData("I am 14 and in year 9")]
    [InlineData("im 14 yrs old in yr 10")]
    [InlineData("Y11 exams are stressful")]
    [InlineData("CAMHS took ages, Childline was better and Shout helped")]
    [InlineData("the NSPCC and Barnardo's came in")]
    [InlineData("MASH made a referral and the LCSS team rang")]
    [InlineData("I'm on a CP plan and have an EHCP")]
    [InlineData("The NHS, the council, the police and my GP all know")]
    [InlineData("On Monday in March I saw them")]
    [InlineData("Staff were nice. Everyone listened. Things are better.")]
    [InlineData("I hate school and my old school was worse")]
    [InlineData("after school club is good, secondary school is hard")]
    [InlineData("i go to high school now")]
    [InlineData("Boring school. Too much homework.")]
    [InlineData("my snap is private")]
    [InlineData("I have 2 friends close by")]
    [InlineData("we meet @ 5pm")]
    [InlineData("I waited 3 weeks for a call back")]
    [InlineData("it was 10/10 would recommend")]
    [InlineData("Mum said I could go")]
    [InlineData("I told Miss and she helped")]
    [InlineData("the score was 3-2 and we won 10 nil")]
    [InlineData("YP said school only helps once you kick off")]
    [InlineData("Step-down from CSC works with a proper handover")]
    [InlineData("they call me names cuz im trans")]
    [InlineData("my uncle touches me when no one is around")]
    [InlineData("nobody talks to each other. school didnt know")]
    [InlineData("Repeatedly told we were not bad enough")]
    [InlineData("the appointment is on 12/03/2026")]
    [InlineData("I hope May half term is better")]
    public void Ordinary_words_stay(string text)
    {
        var result = redactor.Redact(text);
        Assert.Empty(result.Spans);
        Assert.Equal(text, result.RedactedText);
    }

    // ---------- offsets and placeholders
    [Fact]
    public void Spans_point_into_the_original_sorted_and_without_overlap()
    {
        const string text = "Sarah Jones, 12 Acacia Avenue, M1 1AE, 07700 900123, sarah@example.com, dob 12/03/2011, goes to Oakwood Academy";
        var result = redactor.Redact(text);

        Assert.Equal(
            [PiiType.Name, PiiType.Address, PiiType.Postcode, PiiType.Phone, PiiType.Email, PiiType.DateOfBirth, PiiType.School],
            result.Spans.Select(s => s.Type));
        for (var i = 1; i < result.Spans.Count; i++)
        {
            Assert.True(result.Spans[i - 1].Start + result.Spans[i - 1].Length <= result.Spans[i].Start);
        }

        Assert.Equal(
            "[name], [address], [postcode], [phone], [email], dob [date-of-birth], goes to [school]",
            result.RedactedText);
        Assert.Equal("Sarah Jones", text.Substring(result.Spans[0].Start, result.Spans[0].Length));
        Assert.Equal("sarah@example.com", text.Substring(result.Spans[4].Start, result.Spans[4].Length));
    }

    [Fact]
    public void Rebuilding_from_spans_gives_the_redacted_text()
    {
        const string text = "hi im Priya, my snap is priya_k2 and my sw Mr Evans rang 0161 496 0000";
        var result = redactor.Redact(text);

        var rebuilt = new System.Text.StringBuilder();
        var at = 0;
        foreach (var s in result.Spans)
        {
            rebuilt.Append(text, at, s.Start - at).Append(PiiRedactor.PlaceholderFor(s.Type));
            at = s.Start + s.Length;
        }

        rebuilt.Append(text, at, text.Length - at);
        Assert.Equal(rebuilt.ToString(), result.RedactedText);
        Assert.Equal("hi im [name], my snap is [handle] and my sw [name] rang [phone]", result.RedactedText);
    }

    [Fact]
    public void An_email_is_one_span_not_a_handle_or_url_inside_it()
    {
        var result = redactor.Redact("write to kayla@school.org.uk");
        var span = Assert.Single(result.Spans);
        Assert.Equal(PiiType.Email, span.Type);
    }

    [Fact]
    public void Empty_text_is_returned_as_is()
    {
        var result = redactor.Redact("");
        Assert.Equal("", result.RedactedText);
        Assert.Empty(result.Spans);
    }

    [Fact]
    public void Text_without_personal_data_is_the_same_instance()
    {
        const string text = "the group was good and staff listened";
        Assert.Same(text, redactor.Redact(text).RedactedText);
    }
}
