using System.Security.Cryptography;
using System.Text;

namespace FeedbackCollector.Core.Security;

/// <summary>Staff roles. Wire form is kebab-case.</summary>
public enum StaffRole
{
    /// <summary>Participation officer: surveys, responses, digests.</summary>
    Officer,
    /// <summary>Youth-forum facilitator: session notes.</summary>
    Facilitator,
    /// <summary>Safeguarding lead: concerns.</summary>
    Safeguarding,
}

/// <summary>A stored role key: only a salted hash of its secret is kept.</summary>
/// <param name="KeyId">Public id, part of the key.</param>
/// <param name="Role">What the key may do.</param>
/// <param name="Label">Who holds it (shown in audit trails), for example "Safeguarding lead, north".</param>
/// <param name="Salt">Random salt, base64.</param>
/// <param name="Hash">SHA-256 of salt and secret, base64.</param>
/// <param name="CreatedUtc">When issued.</param>
/// <param name="RevokedUtc">When revoked, or null.</param>
public sealed record RoleKeyRecord(string KeyId, StaffRole Role, string Label, string Salt, string Hash, DateTimeOffset CreatedUtc, DateTimeOffset? RevokedUtc);

/// <summary>
/// Issues and checks role keys of the form <c>fck_{keyId}_{secret}</c>. The secret has 256 random bits, so a salted
/// SHA-256 is enough (a slow hash protects guessable passwords, which these are not) and keeps each request cheap.
/// </summary>
public static class RoleKeys
{
    /// <summary>The HTTP header that carries a key.</summary>
    public const string Header = "X-Feedback-Key";

    private const string Prefix = "fck_";

    /// <summary>A new key: the full secret (shown once) and the record to store.</summary>
    public static (string Key, RoleKeyRecord Record) Issue(StaffRole role, string label, DateTimeOffset nowUtc)
    {
        if (string.IsNullOrWhiteSpace(label) || label.Length > 100)
        {
            throw new ArgumentException("A label of 1 to 100 characters says who holds the key.", nameof(label));
        }
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var salt = RandomNumberGenerator.GetBytes(16);
        var record = new RoleKeyRecord(keyId, role, label.Trim(), Convert.ToBase64String(salt), Convert.ToBase64String(HashOf(salt, secret)), nowUtc, null);
        return ($"{Prefix}{keyId}_{secret}", record);
    }

    /// <summary>Splits a presented key into id and secret; false when it is not of the key form.</summary>
    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        keyId = secret = string.Empty;
        if (key is null || key.Length > 200 || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = key.AsSpan(Prefix.Length);
        var sep = rest.IndexOf('_');
        if (sep != 12 || rest.Length - sep - 1 < 20)
        {
            return false;
        }
        keyId = rest[..sep].ToString();
        secret = rest[(sep + 1)..].ToString();
        return true;
    }

    /// <summary>True when <paramref name="secret"/> matches the record's hash (constant time).</summary>
    public static bool Verify(RoleKeyRecord record, string secret)
    {
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(record.Salt);
            expected = Convert.FromBase64String(record.Hash);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(HashOf(salt, secret), expected);
    }

    private static byte[] HashOf(byte[] salt, string secret)
    {
        var s = Encoding.UTF8.GetBytes(secret);
        var buffer = new byte[salt.Length + s.Length];
        salt.CopyTo(buffer, 0);
        s.CopyTo(buffer, salt.Length);
        return SHA256.HashData(buffer);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
