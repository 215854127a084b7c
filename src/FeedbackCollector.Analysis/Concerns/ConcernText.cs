using System.Runtime.CompilerServices;

namespace FeedbackCollector.Analysis.Concerns;

/// <summary>
/// The normalised form the concern patterns run on: " i dont want to be here . ok " from "I don't want to be here!! ok".
/// Lower case; apostrophes dropped; Polish letters folded to ASCII; runs of three or more of a letter cut to one
/// ("pleeease", "hellllp"); every other mark a single space; sentence ends a lone '.'; padded with a space both
/// ends. <see cref="Map"/> gives each character's offset in the original, so evidence is quoted from it.
/// </summary>
internal sealed class ConcernText
{
    [ThreadStatic]
    private static ConcernText? cached;

    private char[] chars = new char[256];
    private int[] map = new int[256];

    public int Length { get; private set; }

    public ReadOnlySpan<char> Text => chars.AsSpan(0, Length);

    public ReadOnlySpan<int> Map => map.AsSpan(0, Length);

    /// <summary>The normalised form of <paramref name="text"/> in a per-thread buffer (valid until the next call on this thread).</summary>
    public static ConcernText For(string text)
    {
        var n = cached ??= new ConcernText();
        n.Fill(text);
        return n;
    }

    /// <summary>The original span [start, end) behind normalised [from, to), trimmed of padding.</summary>
    public (int Start, int End) Original(int from, int to)
    {
        while (from < to && chars[from] is ' ' or '.')
        {
            from++;
        }

        while (to > from && chars[to - 1] is ' ' or '.')
        {
            to--;
        }

        return from >= to ? (0, 0) : (map[from], map[to - 1] + 1);
    }

    private void Fill(string text)
    {
        var need = text.Length * 2 + 4;
        if (chars.Length < need)
        {
            chars = new char[need];
            map = new int[need];
        }

        var n = 0;
        Put(' ', 0, ref n);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 128 ? AsciiLetterOrDigit(c) : char.IsLetterOrDigit(c))
            {
                var folded = FoldLower(c);

                // "sooo", "hellllp": three or more of a letter is emphasis, so the run becomes one letter.
                var run = 1;
                while (i + run < text.Length && FoldLower(text[i + run]) == folded)
                {
                    run++;
                }

                if (run >= 3 && char.IsLetter(c))
                {
                    Put(folded, i, ref n);
                    i += run - 1;
                    continue;
                }

                Put(folded, i, ref n);
            }
            else if (c is '\'' or '’' or '‘' or '`' or '´')
            {
                // "don't" -> "dont", "mum's" -> "mums".
            }
            else if (c is '.' or '!' or '?' or ';' or '\n' or '\r')
            {
                if (chars[n - 1] != '.')
                {
                    if (chars[n - 1] != ' ')
                    {
                        Put(' ', i, ref n);
                    }

                    Put('.', i, ref n);
                    Put(' ', i, ref n);
                }
            }
            else if (chars[n - 1] != ' ')
            {
                Put(' ', i, ref n);
            }
        }

        if (chars[n - 1] != ' ')
        {
            Put(' ', text.Length == 0 ? 0 : text.Length - 1, ref n);
        }

        Length = n;
    }

    /// <summary><see cref="char.IsLetterOrDigit(char)"/> of an ASCII character, without the Latin-1 table.</summary>
    private static bool AsciiLetterOrDigit(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || char.IsAsciiDigit(c);

    /// <summary>
    /// <c>Fold(char.ToLowerInvariant(c))</c>; ASCII (nearly every character) is lowered by hand, as the invariant
    /// culture does, since the profile showed the general path (~3 % of a run, two calls a character).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char FoldLower(char c) => c < 128
        ? (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c
        : FoldLowerNonAscii(c);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static char FoldLowerNonAscii(char c) => Fold(char.ToLowerInvariant(c));

    private void Put(char c, int at, ref int n)
    {
        chars[n] = c;
        map[n] = at;
        n++;
    }

    private static char Fold(char c) => c switch
    {
        'ą' => 'a',
        'ć' => 'c',
        'ę' => 'e',
        'ł' => 'l',
        'ń' => 'n',
        'ó' => 'o',
        'ś' => 's',
        'ź' or 'ż' => 'z',
        _ => c,
    };
}
