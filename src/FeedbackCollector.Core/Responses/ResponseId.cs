using System.Security.Cryptography;

namespace FeedbackCollector.Core.Responses;

/// <summary>
/// Response ids double as the respondent's receipt code, so they are short, unguessable enough to withdraw with,
/// and carry their own storage partition: 2 characters of quarter, 1 of bucket, 7 random (35 bits), Crockford base32.
/// </summary>
public static class ResponseId
{
    /// <summary>Length of an id.</summary>
    public const int Length = 10;

    /// <summary>Buckets per quarter: spreads writes over partitions (a Table partition serves about 2,000 entities a second).</summary>
    public const int Buckets = 32;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new id for a response received at <paramref name="receivedUtc"/>.</summary>
    public static string New(DateTimeOffset receivedUtc)
    {
        var q = Quarter.Of(receivedUtc).Index;
        if (q < 0 || q >= 32 * 32)
        {
            throw new ArgumentOutOfRangeException(nameof(receivedUtc), "The date is outside the range response ids can encode.");
        }
        Span<char> c = stackalloc char[Length];
        c[0] = Alphabet[q / 32];
        c[1] = Alphabet[q % 32];
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        var bits = BitConverter.ToUInt64(random);
        for (var i = 2; i < Length; i++)
        {
            c[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }
        return new string(c);
    }

    /// <summary>
    /// An id derived from <paramref name="seed"/> instead of random bits, for items that must get the same id every time
    /// they are stored (points of an uploaded file, rows of an import): storing them again then finds them already
    /// there instead of counting them twice. The seed should itself be unguessable (a content hash and a position).
    /// </summary>
    public static string Derive(DateTimeOffset receivedUtc, ReadOnlySpan<byte> seed)
    {
        var q = Quarter.Of(receivedUtc).Index;
        if (q < 0 || q >= 32 * 32)
        {
            throw new ArgumentOutOfRangeException(nameof(receivedUtc), "The date is outside the range response ids can encode.");
        }
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(seed, hash);
        Span<char> c = stackalloc char[Length];
        c[0] = Alphabet[q / 32];
        c[1] = Alphabet[q % 32];
        var bits = BitConverter.ToUInt64(hash);
        for (var i = 2; i < Length; i++)
        {
            c[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }
        return new string(c);
    }

    /// <summary>
    /// The id of a response sent with an idempotency key: the quarter, then 40 bits of SHA-256 of the survey code and
    /// the key. A repeat of the same submission in the same quarter gets the same id, so it is stored once. The key is
    /// the client's secret (a random value in the form or the <c>Idempotency-Key</c> header), so the receipt stays unguessable.
    /// </summary>
    public static string FromIdempotencyKey(DateTimeOffset receivedUtc, string surveyCode, string key) =>
        Derive(receivedUtc, System.Text.Encoding.UTF8.GetBytes(surveyCode + "\n" + key));

    /// <summary>True for 8 to 100 characters of ASCII letters, digits, '-' and '_'.</summary>
    public static bool IsValidIdempotencyKey(string? key) =>
        key is { Length: >= 8 and <= 100 } && key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_');

    /// <summary>Reads an id, tolerating lower case, hyphens, spaces and the look-alikes O/I/L. False when it is not an id.</summary>
    public static bool TryNormalize(string? text, out string id)
    {
        id = string.Empty;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }
        Span<char> c = stackalloc char[Length];
        var n = 0;
        foreach (var ch in text)
        {
            if (ch is '-' or ' ')
            {
                continue;
            }
            var u = char.ToUpperInvariant(ch) switch { 'O' => '0', 'I' or 'L' => '1', var x => x };
            if (Alphabet.IndexOf(u) < 0 || n == Length)
            {
                return false;
            }
            c[n++] = u;
        }
        if (n != Length)
        {
            return false;
        }
        id = new string(c);
        return true;
    }

    /// <summary>The quarter a (normalised) id was received in.</summary>
    public static Quarter QuarterOf(string id) => Quarter.FromIndex((Alphabet.IndexOf(id[0]) * 32) + Alphabet.IndexOf(id[1]));

    /// <summary>The bucket (0 to <see cref="Buckets"/> - 1) of a (normalised) id.</summary>
    public static int BucketOf(string id) => Alphabet.IndexOf(id[2]);

    /// <summary>Length of the partition prefix of an id: 2 characters of quarter and 1 of bucket.</summary>
    public const int PartitionLength = 3;

    /// <summary>The storage partition of a (normalised) id: its first <see cref="PartitionLength"/> characters.</summary>
    public static string PartitionOf(string id) => id[..PartitionLength];

    /// <summary>True when ids can encode <paramref name="quarter"/> (from <see cref="Quarter.Epoch"/>, 1,024 quarters on).</summary>
    public static bool CanEncode(Quarter quarter) => quarter.Index is >= 0 and < 32 * 32;

    /// <summary>The partition of bucket <paramref name="bucket"/> of <paramref name="quarter"/>.</summary>
    public static string Partition(Quarter quarter, int bucket)
    {
        if (!CanEncode(quarter))
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), "Response ids cannot encode this quarter.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bucket, Buckets);
        var q = quarter.Index;
        return string.Create(PartitionLength, (q, bucket), static (c, s) =>
        {
            c[0] = Alphabet[s.q / 32];
            c[1] = Alphabet[s.q % 32];
            c[2] = Alphabet[s.bucket];
        });
    }

    /// <summary>Every partition of <paramref name="quarter"/>, one per bucket; empty when ids cannot encode it.</summary>
    public static IReadOnlyList<string> Partitions(Quarter quarter)
    {
        if (!CanEncode(quarter))
        {
            return [];
        }
        var all = new string[Buckets];
        for (var b = 0; b < Buckets; b++)
        {
            all[b] = Partition(quarter, b);
        }
        return all;
    }

    /// <summary>The id as shown to a respondent: <c>ABCDE-FGHJK</c>.</summary>
    public static string ToReceipt(string id) => string.Concat(id.AsSpan(0, 5), "-", id.AsSpan(5));
}
