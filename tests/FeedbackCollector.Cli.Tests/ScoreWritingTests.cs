using System.Buffers;
using System.Text;
using System.Text.Json;
using FeedbackCollector.Cli.Commands;

namespace FeedbackCollector.Cli.Tests;

/// <summary>The fast score writer must give the same JSON text as the writer's general double formatting.</summary>
public class ScoreWritingTests
{
    [Fact]
    public void Every_three_decimal_score_is_written_as_the_general_formatter_writes_it()
    {
        for (var k = 0; k <= 1000; k++)
        {
            var value = Math.Round(k / 1000.0, 3);
            Assert.Equal(General(value), Fast(value));
            Assert.NotEqual(0, AnalyzeCommand.FormatThousandths(value, new byte[5]));
        }
    }

    [Theory]
    [InlineData(-0.0)]
    [InlineData(0.0005)]
    [InlineData(0.12345)]
    [InlineData(1e-5)]
    [InlineData(1.5)]
    [InlineData(-0.25)]
    [InlineData(0.1 + 0.2)]
    [InlineData(double.Epsilon)]
    public void Other_values_take_the_general_path_with_the_same_text(double value)
    {
        Assert.Equal(0, AnalyzeCommand.FormatThousandths(value, new byte[5]));
        Assert.Equal(General(value), Fast(value));
    }

    [Fact]
    public void Scores_sit_in_an_object_with_their_separators()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WritePropertyName("a");
            AnalyzeCommand.WriteScore(w, 0.25);
            w.WritePropertyName("b");
            AnalyzeCommand.WriteScore(w, 1);
            w.WriteEndObject();
        }
        Assert.Equal("{\"a\":0.25,\"b\":1}", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static string General(double value) => Write(w => w.WriteNumberValue(value));

    private static string Fast(double value) => Write(w => AnalyzeCommand.WriteScore(w, value));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
