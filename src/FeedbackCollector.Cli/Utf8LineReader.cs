using System.Text;
using System.Text.Unicode;

namespace FeedbackCollector.Cli;

/// <summary>
/// Reads lines of a UTF-8 stream as bytes, without decoding them to strings: JSON Lines input goes straight to
/// <see cref="System.Text.Json.Utf8JsonReader"/>. Lines end at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, as with
/// <see cref="TextReader.ReadLine"/>; a leading UTF-8 byte order mark is skipped. A line that is not valid UTF-8 is
/// handed out as <see cref="StreamReader"/> would have decoded it (each bad sequence as U+FFFD), so the results do
/// not depend on which reader read the file.
/// </summary>
internal sealed class Utf8LineReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly Stream _stream;
    private byte[] _buffer;
    private byte[] _repaired = [];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;

    /// <summary>Reads from <paramref name="stream"/> in blocks of <paramref name="bufferSize"/> bytes (grown for longer lines).</summary>
    public Utf8LineReader(Stream stream, int bufferSize = 1 << 16)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 4);
        _stream = stream;
        _buffer = new byte[bufferSize];
    }

    /// <summary>
    /// True when <paramref name="start"/> (the first bytes of a file) is a UTF-16 or UTF-32 byte order mark: such a
    /// file must be read through a <see cref="StreamReader"/>, which decodes it.
    /// </summary>
    public static bool StartsWithNonUtf8Bom(ReadOnlySpan<byte> start) =>
        start is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..];

    /// <summary>
    /// The next line without its terminator, valid only until the next call; false at the end of the stream.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        if (!_started)
        {
            _started = true;
            while (!_eof && _end < Utf8Bom.Length)
            {
                Fill();
            }
            if (_buffer.AsSpan(0, _end).StartsWith(Utf8Bom))
            {
                _start = Utf8Bom.Length;
            }
        }

        var searched = 0;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var at = pending[searched..].IndexOfAny((byte)'\n', (byte)'\r');
            if (at >= 0)
            {
                at += searched;
                if (pending[at] == '\r' && at + 1 == pending.Length && !_eof)
                {
                    // "\r" at the end of the block: whether "\n" follows decides where the next line starts.
                    searched = at;
                    Compact();
                    Fill();
                    continue;
                }
                var content = _buffer.AsSpan(_start, at);
                var terminator = pending[at] == '\r' && at + 1 < pending.Length && pending[at + 1] == '\n' ? 2 : 1;
                _start += at + terminator;
                line = Checked(content);
                return true;
            }
            if (_eof)
            {
                if (pending.IsEmpty)
                {
                    line = default;
                    return false;
                }
                _start = _end;
                line = Checked(pending);
                return true;
            }
            searched = pending.Length;
            Compact();
            Fill();
        }
    }

    /// <summary>Moves the unread bytes to the front of the buffer, growing it when a line fills it.</summary>
    private void Compact()
    {
        var pending = _end - _start;
        if (pending == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
        }
        _start = 0;
        _end = pending;
    }

    private void Fill()
    {
        if (_end == _buffer.Length)
        {
            Compact();
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        _end += read;
    }

    /// <summary>The line itself when it is valid UTF-8; else its bytes with each bad sequence replaced by U+FFFD.</summary>
    private ReadOnlySpan<byte> Checked(ReadOnlySpan<byte> content)
    {
        if (Utf8.IsValid(content))
        {
            return content;
        }
        var text = Encoding.UTF8.GetString(content);
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_repaired.Length < max)
        {
            _repaired = new byte[max];
        }
        var count = Encoding.UTF8.GetBytes(text, _repaired);
        return _repaired.AsSpan(0, count);
    }
}
