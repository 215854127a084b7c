using System.Net;
using System.Text;
using FeedbackCollector.Core.Surveys;
using FeedbackCollector.Web;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedbackCollector.LocalHost.Tests;

/// <summary>The page renderer, its text resources and the rate limiter, without I/O.</summary>
public sealed class SurveyPagesUnitTests
{
    [Fact]
    public void Every_language_has_every_key_and_says_its_direction()
    {
        var english = PageText.English.Keys.ToHashSet();
        foreach (var t in PageText.All)
        {
            Assert.Empty(english.Except(t.Keys));
            Assert.Empty(t.Keys.Except(english));
            Assert.Contains(t.Dir, new[] { "ltr", "rtl" });
        }
        Assert.Equal("rtl", PageText.Find("ur")!.Dir);
    }

    [Theory]
    [InlineData(null, null, "en")]
    [InlineData(null, "ur-PK,ur;q=0.9,en;q=0.8", "ur")]
    [InlineData(null, "en-GB,en;q=0.9,ur;q=0.8", "en")]
    [InlineData(null, "pl,ur;q=0.5", "ur")]
    [InlineData(null, "ur;q=0,en;q=0.1", "en")]
    [InlineData("en", "ur", "en")]
    [InlineData("ur", "en", "ur")]
    [InlineData("xx", "ur", "ur")]
    public void The_language_comes_from_the_switch_then_the_browser_then_english(string? chosen, string? accept, string expected) =>
        Assert.Equal(expected, PageText.Choose(chosen, accept).Lang);

    [Fact]
    public void Every_default_survey_page_is_under_30_kb_in_both_languages_and_escapes_what_it_shows()
    {
        foreach (var code in DefaultSurveys.Codes)
        {
            var d = DefaultSurveys.Load(code);
            var survey = new Survey { Code = code, Title = d.Title!, Audience = d.Audience!.Value, Intro = d.Intro, Questions = d.Questions!, Status = SurveyStatus.Open };
            foreach (var t in PageText.All)
            {
                var page = SurveyPages.Survey(survey, t, new FormState { Key = FormState.NewKey(), Venue = "oak-youth" });
                var bytes = Encoding.UTF8.GetByteCount(page.Html);
                Assert.True(bytes < 30 * 1024, $"{code} in {t.Lang}: {bytes:N0} bytes");
                Assert.Contains($"<html lang=\"{t.Lang}\" dir=\"{t.Dir}\"", page.Html);
            }
        }
        var evil = new Survey
        {
            Code = "evil", Title = "<script>alert(1)</script>", Audience = Core.Analysis.Audience.Parent, Status = SurveyStatus.Open,
            Questions = [new Question { Id = "q", Kind = QuestionKind.FreeText, Text = "\"><img src=x onerror=alert(1)>" }],
        };
        var html = SurveyPages.Survey(evil, PageText.English, new FormState { Key = "k", Values = new Dictionary<string, IReadOnlyList<string>> { ["q"] = ["</textarea><script>x</script>"] } }).Html;
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("</textarea><script>", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script>"));
    }

    [Fact]
    public void The_policy_hashes_match_the_inline_style_and_script()
    {
        var policy = Assets.ContentSecurityPolicy;
        Assert.Contains($"style-src '{Assets.Hash(Assets.Css)}'", policy);
        Assert.Contains($"script-src '{Assets.Hash(Assets.Script)}'", policy);
        var html = SurveyPages.Message(404, PageText.English, "notFoundTitle", "notFoundBody").Html;
        Assert.Contains("<style>" + Assets.Css + "</style>", html);
        Assert.Contains("<script>" + Assets.Script + "</script>", html);
    }

    [Fact]
    public void Help_is_always_there_and_comes_first_after_a_worrying_answer()
    {
        var d = DefaultSurveys.Load("children");
        var survey = new Survey { Code = "children", Title = d.Title!, Audience = d.Audience!.Value, Questions = d.Questions!, Status = SurveyStatus.Open };
        var calm = SurveyPages.Thanks(survey, PageText.English, "ABCDE-FGHJK", needsHelp: false).Html;
        var worried = SurveyPages.Thanks(survey, PageText.English, "ABCDE-FGHJK", needsHelp: true).Html;
        Assert.Contains("0800 1111", calm);
        Assert.True(calm.IndexOf("<h1>Thank you!", StringComparison.Ordinal) < calm.IndexOf("class=\"help", StringComparison.Ordinal));
        Assert.True(worried.IndexOf("class=\"help first", StringComparison.Ordinal) < worried.IndexOf("<h1>Thank you!", StringComparison.Ordinal));
        Assert.StartsWith("<section class=\"help first\"", worried[(worried.IndexOf("<main", StringComparison.Ordinal) + "<main class=\"wrap\" id=\"main\">".Length)..]);
    }

    private static RateLimiter Limiter(FakeTimeProvider time, int deviceBurst = 6, int networkBurst = 120) =>
        new(Options.Create(new SurveyWebOptions { DeviceBurst = deviceBurst, DevicePerMinute = 2, NetworkBurst = networkBurst, NetworkPerMinute = 120 }), time);

    [Fact]
    public void A_device_is_limited_before_it_spends_its_networks_allowance_and_refills_over_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
        var limiter = Limiter(time, networkBurst: 10);
        var school = IPAddress.Parse("203.0.113.7");
        for (var i = 0; i < 6; i++)
        {
            Assert.True(limiter.TryAcquire(school, "phone-a").Allowed);
        }
        var refused = limiter.TryAcquire(school, "phone-a");
        Assert.False(refused.Allowed);
        Assert.Equal("device", refused.Scope);
        Assert.Equal(30, refused.RetryAfterSeconds);
        for (var i = 0; i < 20; i++)
        {
            limiter.TryAcquire(school, "phone-a");
        }
        // Refusals spent nothing: the network still has 4 of its 10 for the rest of the class.
        for (var i = 0; i < 4; i++)
        {
            Assert.True(limiter.TryAcquire(school, $"phone-{i}").Allowed);
        }
        var full = limiter.TryAcquire(school, "phone-z");
        Assert.Equal("network", full.Scope);
        Assert.Equal(1, full.RetryAfterSeconds);
        Assert.True(limiter.TryAcquire(IPAddress.Parse("198.51.100.1"), "phone-a").Allowed);

        time.Advance(TimeSpan.FromSeconds(31));
        Assert.True(limiter.TryAcquire(school, "phone-a").Allowed);
    }

    [Fact]
    public void A_classroom_of_30_phones_on_one_address_is_allowed_at_once_with_the_defaults()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var limiter = new RateLimiter(Options.Create(new SurveyWebOptions()), time);
        var school = IPAddress.Parse("2001:db8:1:2::17");
        for (var i = 0; i < 30; i++)
        {
            Assert.True(limiter.TryAcquire(IPAddress.Parse($"2001:db8:1:2::{i + 100:x}"), $"phone-{i}").Allowed);
            Assert.True(limiter.TryAcquire(school, $"phone-{i}-second-survey").Allowed);
        }
    }

    [Fact]
    public void Memory_stays_bounded_and_the_salt_rotation_forgets_yesterday()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 23, 59, 0, TimeSpan.Zero));
        var limiter = new RateLimiter(Options.Create(new SurveyWebOptions { MaxTracked = 1000 }), time);
        for (var i = 0; i < 5000; i++)
        {
            limiter.TryAcquire(new IPAddress(BitConverter.GetBytes(i)), "x");
        }
        Assert.True(limiter.Tracked <= 1000 + 2, $"{limiter.Tracked} tracked");
        for (var i = 0; i < 6; i++)
        {
            limiter.TryAcquire(IPAddress.Loopback, "same");
        }
        Assert.False(limiter.TryAcquire(IPAddress.Loopback, "same").Allowed);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(limiter.TryAcquire(IPAddress.Loopback, "same").Allowed);
        Assert.Equal(2, limiter.Tracked);
    }

    [Fact]
    public void A_posted_form_becomes_the_apis_submission()
    {
        var d = DefaultSurveys.Load("children");
        var survey = new Survey { Code = "children", Title = d.Title!, Audience = d.Audience!.Value, Questions = d.Questions!, Status = SurveyStatus.Open };
        var form = new Dictionary<string, IReadOnlyList<string>>
        {
            ["a.listened"] = ["4"],
            ["a.trusted"] = ["family", "friend"],
            ["a.one-thing"] = ["  "],
            ["a.age"] = [""],
            ["k"] = ["form-key-1234"],
        };
        var json = SurveyForm.ToSubmission(survey, form, "oak-youth", "qr").ToJsonString();
        Assert.Equal("""{"answers":{"listened":4,"trusted":["family","friend"]},"channel":"qr","venue":"oak-youth"}""", json);
    }
}
