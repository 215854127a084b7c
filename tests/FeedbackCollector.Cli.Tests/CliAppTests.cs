using FeedbackCollector.Cli;

namespace FeedbackCollector.Cli.Tests;

public class CliAppTests
{
    [Fact]
    public async Task Unknown_command_exits_2_and_lists_commands()
    {
        var err = new StringWriter();
        var code = await CliApp.RunAsync(["no-such-command"], new CliConsole(TextReader.Null, new StringWriter(), err, false), default);
        Assert.Equal(2, code);
        Assert.Contains("Unknown command 'no-such-command'", err.ToString());
    }

    [Fact]
    public void Args_parse_values_flags_and_dash()
    {
        var a = CliArgs.Parse(["--input", "-", "--output=out.jsonl", "--verbose", "pos"], "verbose");
        Assert.Equal("-", a.Get("input"));
        Assert.Equal("out.jsonl", a.Get("output"));
        Assert.True(a.Has("verbose"));
        Assert.Equal(["pos"], a.Positionals);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        var a = CliArgs.Parse(["--inptu", "x"]);
        a.Get("input");
        Assert.Throws<CliUsageException>(a.RejectUnknown);
    }

    [Fact]
    public void Missing_value_is_a_usage_error()
    {
        Assert.Throws<CliUsageException>(() => CliArgs.Parse(["--input"]));
    }
}
