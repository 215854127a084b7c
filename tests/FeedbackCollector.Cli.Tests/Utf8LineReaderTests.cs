using System.Text;
using FeedbackCollector.Cli;

namespace FeedbackCollector.Cli.Tests;

public class Utf8LineReaderTests
{
    private static List<string> ReadAll(byte[] bytes, int bufferSize)
    {
        var reader = new Utf8LineReader(new MemoryStream(bytes), bufferSize);
        var lines = new List<string>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add(Encoding.UTF8.GetString(line));
        }
        return lines;
    }

    /// <summary>What <see cref="StreamReader.ReadLine"/> makes of the same bytes: the reader must agree with it.</summary>
    private static List<string> ReadAllAsText(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, true);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }

    public static TheoryData<string> Inputs => new()
    {
        "a\nb\nc",
        "a\nb\n",
        "a\r\nb\r\n\r\nc",
        "a\rb\r\r\nc\r",
        "\n\n\nx",
        "",
        "\uFEFF{\"text\":\"bom\"}\n{\"text\":\"two\"}",
        "zażółć gęślą jaźń 😡\nمرحبا\r\n",
        string.Concat(Enumerable.Repeat("a long line that crosses block boundaries many times ", 40)) + "\r\n" + new string('x', 333) + "\rend",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Splits_lines_as_a_stream_reader_does_whatever_the_block_size(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var expected = ReadAllAsText(bytes);
        foreach (var size in new[] { 4, 5, 7, 64, 1 << 16 })
        {
            Assert.Equal(expected, ReadAll(bytes, size));
        }
    }

    [Fact]
    public void A_carriage_return_at_the_end_of_a_block_before_a_line_feed_is_one_line_end()
    {
        // With 4-byte blocks "abc\r" fills the first block and "\n" starts the next.
        Assert.Equal(["abc", "def"], ReadAll(Encoding.UTF8.GetBytes("abc\r\ndef"), 4));
    }

    [Fact]
    public void Invalid_utf8_comes_out_as_a_stream_reader_decodes_it()
    {
        byte[] bytes = [(byte)'o', (byte)'k', 0xC3, (byte)'\n', 0xE2, 0x82, (byte)'x', (byte)'\n', 0xFF, 0xFE, (byte)'y'];
        Assert.Equal(ReadAllAsText(bytes), ReadAll(bytes, 4));
        Assert.Equal(["ok\uFFFD", "\uFFFDx", "\uFFFD\uFFFDy"], ReadAll(bytes, 64));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B, 0x00 }, true)]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x7B }, true)]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF }, true)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x7B }, false)]
    [InlineData(new byte[] { 0x7B, 0x22 }, false)]
    [InlineData(new byte[] { }, false)]
    public void Knows_the_byte_order_marks_it_cannot_read(byte[] head, bool other)
    {
        Assert.Equal(other, Utf8LineReader.StartsWithNonUtf8Bom(head));
    }
}
