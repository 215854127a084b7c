using FeedbackCollector.Cli;
using FeedbackCollector.Cli.Commands;

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

public class CliCommandCatalogTests
{
    private static CliCommandCatalog NewCatalog() =>
        new CliCommandCatalog().Add<AnalyzeCommand>().Add<EvaluateCommand>().Add<KeysCommand>().Add<PoisonCommand>();

    [Fact]
    public void Looking_up_one_command_constructs_only_that_one()
    {
        var catalog = NewCatalog();
        Assert.True(catalog.TryGetValue("ANALYZE", out var command));
        Assert.Equal("analyze", command.Name);
        Assert.True(catalog.IsCreated("analyze"));
        Assert.All(catalog.Keys.Where(k => k != "analyze"), k => Assert.False(catalog.IsCreated(k), k));
        Assert.False(catalog.TryGetValue("no-such-command", out _));
    }

    [Fact]
    public void Every_command_name_matches_its_type()
    {
        var catalog = CliApp.Commands;
        Assert.Equal(["analyze", "digest", "evaluate", "import", "keys", "poison", "projection", "reanalyse", "surveys"], catalog.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, command) in catalog)
        {
            Assert.Equal(name, command.Name);
            Assert.Equal(name, CliCommandCatalog.NameOf(command.GetType()));
        }
    }

    [Fact]
    public async Task Help_lists_every_command_with_its_summary()
    {
        var output = new StringWriter();
        var code = await CliApp.RunAsync(["--help"], new CliConsole(TextReader.Null, output, new StringWriter(), false), default);
        Assert.Equal(0, code);
        foreach (var command in CliApp.Commands.Values)
        {
            Assert.Contains($"  {command.Name,-12} {command.Summary}", output.ToString());
        }
    }

    [Fact]
    public void Every_command_class_is_registered()
    {
        // Commands are registered by hand (the native build cannot find them by reflection): a new command class
        // that is not added to CliApp would silently be missing.
        var classes = typeof(CliApp).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsNested: false } && typeof(ICliCommand).IsAssignableFrom(t))
            .Select(CliCommandCatalog.NameOf);
        Assert.Equal(classes.Order(StringComparer.Ordinal), CliApp.Commands.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_JIT_build_has_every_storage_command()
    {
        // Both directions: the names the native build refuses are exactly the JIT build's commands beyond analyze and
        // evaluate, so a storage command added to one list and not the other fails here.
        Assert.Equal(
            CliApp.Commands.Keys.Where(k => k is not ("analyze" or "evaluate")).Order(StringComparer.Ordinal),
            CliApp.StorageCommandNames.Order(StringComparer.Ordinal));
        foreach (var name in CliApp.StorageCommandNames)
        {
            Assert.Equal(name, CliApp.Commands[name].Name);
            Assert.DoesNotContain("not in this build", CliApp.Commands[name].Summary);
        }
    }

    [Fact]
    public void Flags_come_from_the_command_class_attribute()
    {
        Assert.Equal(["json"], CliApp.Commands.FlagsOf("evaluate"));
        Assert.Equal(["open"], CliApp.Commands.FlagsOf("surveys"));
        Assert.Empty(CliApp.Commands.FlagsOf("analyze"));
    }

    [Fact]
    public async Task A_command_left_out_of_the_build_says_so_and_exits_2()
    {
        var catalog = new CliCommandCatalog().AddUnavailable("keys", "Run it with the JIT build.");
        Assert.True(catalog.TryGetValue("keys", out var command));
        Assert.Equal("keys", command.Name);
        var err = new StringWriter();
        var code = await command.RunAsync(CliArgs.Parse([]), new CliConsole(TextReader.Null, new StringWriter(), err, false), default);
        Assert.Equal(2, code);
        Assert.Contains("feedback keys: not in this build. Run it with the JIT build.", err.ToString());
    }

    [Fact]
    public async Task Command_help_prints_its_usage()
    {
        var output = new StringWriter();
        var code = await CliApp.RunAsync(["analyze", "--help"], new CliConsole(TextReader.Null, output, new StringWriter(), false), default);
        Assert.Equal(0, code);
        Assert.Contains(CliApp.Commands["analyze"].Usage, output.ToString());
    }
}
