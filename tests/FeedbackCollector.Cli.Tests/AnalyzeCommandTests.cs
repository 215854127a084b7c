using System.Text;
using System.Text.Json;
using FeedbackCollector.Cli;

namespace FeedbackCollector.Cli.Tests;

public class AnalyzeCommandTests
{
    private static async Task<(int Code, string Out, string Err)> Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["analyze", .. args], new CliConsole(new StringReader(stdin), output, error, false), default);
        return (code, output.ToString(), error.ToString());
    }

    private static List<JsonElement> Lines(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task Json_lines_in_json_lines_out_with_every_field()
    {
        const string input = """
            {"id":"r1","text":"My socail worker never listens and we have been waiting months for camhs 😡","audience":"child"}
            {"id":"r2","text":"Thank you so much, Sarah was amazing! Ring me on 07700 900123","audience":"parent"}
            """;
        var (code, output, err) = await Run(input, "--input", "-", "--output", "-");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, err);
        var lines = Lines(output);
        Assert.Equal(2, lines.Count);

        var r1 = lines[0];
        Assert.Equal("r1", r1.GetProperty("id").GetString());
        Assert.Equal("en", r1.GetProperty("language").GetString());
        var themes = r1.GetProperty("themes").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("listen-to-me", themes);
        Assert.Contains("mental-health", themes);
        foreach (var t in themes)
        {
            Assert.InRange(r1.GetProperty("themeScores").GetProperty(t!).GetDouble(), 0, 1);
            Assert.NotEmpty(r1.GetProperty("themeEvidence").GetProperty(t!).EnumerateArray());
        }
        Assert.Equal("negative", r1.GetProperty("sentiment").GetString());
        var scores = r1.GetProperty("sentimentScores");
        Assert.Equal(1.0, scores.GetProperty("positive").GetDouble() + scores.GetProperty("neutral").GetDouble() + scores.GetProperty("negative").GetDouble(), 3);
        Assert.False(r1.GetProperty("concern").GetProperty("flagged").GetBoolean());
        Assert.Contains("social worker", r1.GetProperty("keyPhrases").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("local", r1.GetProperty("analyzer").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(r1.GetProperty("analyzer").GetProperty("taxonomyVersion").GetString()));
        Assert.EndsWith("😡", r1.GetProperty("redactedText").GetString());

        var r2 = lines[1];
        Assert.Equal("positive", r2.GetProperty("sentiment").GetString());
        Assert.Contains("praise", r2.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        var redacted = r2.GetProperty("redactedText").GetString()!;
        Assert.DoesNotContain("07700", redacted);
        Assert.DoesNotContain("Sarah", redacted);
        var pii = r2.GetProperty("pii").EnumerateArray().ToList();
        Assert.Contains(pii, p => p.GetProperty("type").GetString() == "phone");
        Assert.All(pii, p => Assert.True(p.GetProperty("length").GetInt32() > 0));
        Assert.DoesNotContain("07700", output.Split('\n')[1].Replace(redacted, string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_lines_are_reported_with_line_numbers_and_the_rest_go_on()
    {
        var input = string.Join('\n',
            """{"id":"ok1","text":"they never listen"}""",
            "this is not json",
            """{"id":"no-text"}""",
            "",
            """{"id":"bad-audience","text":"hi","audience":"alien"}""",
            """{"id":"num","text":123}""",
            """{"text":"no id here, the line number is used"}""",
            """{"id":"trail","text":"x"} junk""",
            """{"id":"ok2","text":"thank you","audience":"forum-notes","extra":{"nested":[1,2]}}""");
        var (code, output, err) = await Run(input, "--input", "-", "--output", "-");
        Assert.Equal(1, code);
        var ids = Lines(output).Select(l => l.GetProperty("id").GetString()).ToList();
        Assert.Equal(["ok1", "7", "ok2"], ids);
        Assert.Contains("line 2: not valid JSON", err);
        Assert.Contains("line 3: \"text\" is missing", err);
        Assert.Contains("line 5: unknown audience \"alien\"", err);
        Assert.Contains("line 6: \"text\" must be a string", err);
        Assert.Contains("line 8: ", err);
        Assert.DoesNotContain("line 4", err); // a blank line is not a text
        Assert.Contains("5 failed", err);
    }

    [Fact]
    public async Task Csv_in_with_quoted_multi_line_cells_and_line_numbers()
    {
        const string input = "id,audience,text\n" +
                             "c1,child,\"they never listen,\nnot once, \"\"ever\"\"\"\n" +
                             "c2,parent,\n" +
                             "c3,,thank you for everything\n" +
                             "c4,robot,hello\n";
        var (code, output, err) = await Run(input, "--input", "-", "--input-format", "csv", "--output", "-", "--format", "jsonl");
        Assert.Equal(1, code);
        var lines = Lines(output);
        Assert.Equal(["c1", "c3"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal("they never listen,\nnot once, \"ever\"", lines[0].GetProperty("redactedText").GetString());
        Assert.Contains("line 4: the text is missing", err);
        Assert.Contains("line 6: unknown audience \"robot\"", err);
    }

    [Fact]
    public async Task Csv_out_quotes_properly()
    {
        const string input = """{"id":"a,1","text":"nobody rang back, \"again\"\nso angry"}""";
        var (code, output, _) = await Run(input, "--input", "-", "--output", "-", "--format", "csv");
        Assert.Equal(0, code);
        var rows = output.Split('\n');
        Assert.StartsWith("id,language,themes,themeScores,themeEvidence,sentiment,positive,neutral,negative,concernFlagged", rows[0]);
        Assert.True(rows[1].StartsWith("\"a,1\",en,", StringComparison.Ordinal), output);
        Assert.Contains("\"nobody rang back, \"\"again\"\"\nso angry\"", output);
        Assert.Contains(",negative,", output);
    }

    [Fact]
    public async Task Csv_without_a_text_column_fails_clearly()
    {
        var (code, output, err) = await Run("id,comment\n1,hello\n", "--input", "-", "--input-format", "csv", "--output", "-");
        Assert.Equal(1, code);
        Assert.True(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 1, "only the header, no result rows");
        Assert.Contains("no \"text\" column", err);
    }

    [Theory]
    [InlineData(new[] { "--output", "-" }, "--input is required")]
    [InlineData(new[] { "--input", "-" }, "--output is required")]
    [InlineData(new[] { "--input", "-", "--output", "-", "--format", "xml" }, "--format must be jsonl or csv")]
    [InlineData(new[] { "--input", "-", "--output", "-", "--fromat", "csv" }, "Unknown option: --fromat")]
    [InlineData(new[] { "--input", "/no/such/dir/in.jsonl", "--output", "-" }, "Cannot read /no/such/dir/in.jsonl")]
    [InlineData(new[] { "--input", "-", "--output", "-", "--taxonomy", "/no/such/taxonomy.json" }, "taxonomy.json")]
    public async Task Usage_errors_exit_2(string[] args, string message)
    {
        var (code, _, err) = await Run("{\"text\":\"hi\"}", args);
        Assert.Equal(2, code);
        Assert.Contains(message, err);
    }

    [Fact]
    public async Task Non_english_lines_are_marked_and_not_themed()
    {
        var (code, output, _) = await Run("""{"id":"p","text":"Nikt mnie nie słucha w szkole, jestem bardzo smutna."}""", "--input", "-", "--output", "-");
        Assert.Equal(0, code);
        var line = Assert.Single(Lines(output));
        Assert.Equal("pl", line.GetProperty("language").GetString());
        Assert.Empty(line.GetProperty("themes").EnumerateArray());
        // Not themed, but the writer's feeling is read from the Polish word list ("nikt", "nie słucha", "smutna").
        Assert.Equal("negative", line.GetProperty("sentiment").GetString());
    }

    [Fact]
    public async Task Summary_goes_to_a_terminal_only()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["analyze", "--input", "-", "--output", "-"],
            new CliConsole(new StringReader("{\"text\":\"hello\"}\n"), output, error, errorIsTerminal: true), default);
        Assert.Equal(0, code);
        Assert.Contains("Analysed 1 texts, 0 failed", error.ToString());
        Assert.Single(Lines(output.ToString()));
    }

    /// <summary>Runs analyze on an input file whose bytes are given (opened from memory, no disk).</summary>
    private static async Task<(int Code, string Out, string Err)> RunOnFile(byte[] file, string name = "in.jsonl")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var command = new FeedbackCollector.Cli.Commands.AnalyzeCommand(
            _ => FeedbackCollector.Analysis.LocalAnalyzer.CreateDefault(),
            path => path == name ? new MemoryStream(file) : throw new FileNotFoundException("no such file", path));
        var args = CliArgs.Parse(["--input", name, "--output", "-"], []);
        var code = await command.RunAsync(args, new CliConsole(TextReader.Null, output, error, false), default);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_json_lines_file_read_as_bytes_reports_malformed_lines_by_number_and_goes_on()
    {
        // CRLF line ends, a byte order mark, a blank line of spaces, bad JSON, a bad byte and a last line without an end.
        var text = "\uFEFF" + string.Join("\r\n",
            """{"id":"ok1","text":"they never listen"}""",
            "not json at all",
            "   ",
            """{"id":"no-text"}""",
            """{"id":"bad-audience","text":"hi","audience":"alien"}""",
            """{"text":"no id here","audience":" Parent "}""",
            """{"id":"bad-byte","text":"caf\u00E9 X"}""",
            """{"id":"ok2","text":"thank you","audience":"forum-notes"}""");
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes[Array.LastIndexOf(bytes, (byte)'X')] = 0xFF;

        var (code, output, err) = await RunOnFile(bytes);

        Assert.Equal(1, code);
        var lines = Lines(output);
        Assert.Equal(["ok1", "6", "bad-byte", "ok2"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal("caf\u00E9 \uFFFD", lines[2].GetProperty("redactedText").GetString());
        Assert.Contains("line 2: not valid JSON", err);
        Assert.Contains("line 4: \"text\" is missing", err);
        Assert.Contains("line 5: unknown audience \"alien\"", err);
        Assert.DoesNotContain("line 3", err);
        Assert.DoesNotContain("line 6", err);
        Assert.Contains("3 failed", err);
    }

    [Fact]
    public async Task A_file_gives_the_same_results_as_standard_input()
    {
        var input = string.Join('\n',
            """{"id":"a","text":"My socail worker never listens 😡 ring 07700 900123","audience":"child"}""",
            """{"id":"b","text":"Nikt mnie nie słucha w szkole.","audience":"parent"}""",
            """{"id":"c","text":"Caseloads are too high.","audience":"practitioner"}""");
        var fromStdin = await Run(input, "--input", "-", "--output", "-");
        var fromFile = await RunOnFile(Encoding.UTF8.GetBytes(input));
        Assert.Equal(0, fromFile.Code);
        Assert.Equal(fromStdin.Out, fromFile.Out);
    }

    [Fact]
    public async Task A_utf16_file_is_decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"id\":\"u\",\"text\":\"they never listen\"}\n")).ToArray();
        var (code, output, err) = await RunOnFile(bytes);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, err);
        Assert.Equal("u", Assert.Single(Lines(output)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Many_lines_stream_through_in_order()
    {
        var input = string.Join('\n', Enumerable.Range(1, 3000).Select(i => $$"""{"id":"{{i}}","text":"waiting list number {{i}} is too long"}"""));
        var (code, output, _) = await Run(input, "--input", "-", "--output", "-");
        Assert.Equal(0, code);
        var ids = Lines(output).Select(l => l.GetProperty("id").GetString()).ToList();
        Assert.Equal(3000, ids.Count);
        Assert.Equal(Enumerable.Range(1, 3000).Select(i => i.ToString()), ids);
    }
}
