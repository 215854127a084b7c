using FeedbackCollector.LocalHost;

namespace FeedbackCollector.LocalHost.Tests;

public class HostJsonTests
{
    [Fact]
    public void Missing_values_take_the_functions_host_defaults()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "version": "2.0" }""");
            var h = HostJson.Load(path);
            Assert.Equal("api", h.RoutePrefix);
            Assert.Equal(5, h.MaxDequeueCount);
            Assert.Equal(16, h.BatchSize);
            Assert.Equal(8, h.NewBatchThreshold);
            Assert.Equal(TimeSpan.FromMinutes(1), h.MaxPollingInterval);
            Assert.Equal("base64", h.MessageEncoding);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("0 0 6 1 1,4,7,10 *", "2026-11-26T00:00:00Z", "2027-01-01T06:00:00Z")]
    [InlineData("0 0 6 1 1,4,7,10 *", "2027-01-01T06:00:00Z", "2027-04-01T06:00:00Z")]
    [InlineData("*/5 * * * *", "2026-11-26T00:01:00Z", "2026-11-26T00:05:00Z")]
    public void Schedules_fire_as_ncrontab_says(string expression, string now, string next)
    {
        var s = TimerScheduler.Parse(expression, "X");
        var n = s.GetNextOccurrence(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Equal(DateTime.Parse(next, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), n);
    }

    [Fact]
    public void A_bad_schedule_names_the_function()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TimerScheduler.Parse("every quarter", "QuarterlyDigest"));
        Assert.Contains("QuarterlyDigest", ex.Message);
    }
}
