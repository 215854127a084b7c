using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FeedbackCollector.Web;

/// <summary>A rate-limit decision: allowed, or refused with how long to wait.</summary>
/// <param name="Allowed">True when the request may go on.</param>
/// <param name="RetryAfterSeconds">When refused: whole seconds until it would be allowed (for Retry-After).</param>
/// <param name="Scope"><c>device</c> or <c>network</c>: which limit refused it.</param>
public readonly record struct RateDecision(bool Allowed, int RetryAfterSeconds = 0, string? Scope = null);

/// <summary>
/// Per-client submission limits that store no IP address. Each client is known only by a keyed hash: HMAC-SHA256 with
/// a random salt held in memory and replaced every UTC day, of the address (the network bucket: generous, so a
/// classroom of 30 phones behind one school address gets through at once) and of the address with the form's one-time
/// key (the device bucket: tight). A device over its limit is refused before it spends the network's allowance, so one
/// phone flooding does not lock out its classmates. Token buckets, in memory, bounded by <see cref="SurveyWebOptions.MaxTracked"/>.
/// </summary>
public sealed class RateLimiter(IOptions<SurveyWebOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<UInt128, Bucket> _devices = [];
    private readonly Dictionary<UInt128, Bucket> _networks = [];
    private byte[] _salt = RandomNumberGenerator.GetBytes(32);
    private DateOnly _saltDay = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>How many clients are tracked now (for tests and health).</summary>
    public int Tracked
    {
        get
        {
            lock (_lock)
            {
                return _devices.Count + _networks.Count;
            }
        }
    }

    /// <summary>
    /// Takes one submission from the device and network buckets of <paramref name="address"/> and
    /// <paramref name="deviceToken"/> (the form's key; null for API clients without one), or refuses.
    /// </summary>
    public RateDecision TryAcquire(IPAddress? address, string? deviceToken, string purpose = "submit")
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var ip = address?.IsIPv4MappedToIPv6 == true ? address.MapToIPv4() : address;
        var network = ip is null ? "unknown" : NetworkOf(ip);
        lock (_lock)
        {
            RotateSalt(now);
            var deviceKey = Key(purpose + "|d|" + network + "|" + (ip?.ToString() ?? "") + "|" + (deviceToken ?? ""));
            var networkKey = Key(purpose + "|n|" + network);
            Prune(now, o);
            var device = Get(_devices, deviceKey, o.DeviceBurst, now);
            var net = Get(_networks, networkKey, o.NetworkBurst, now);
            device.Refill(now, o.DeviceBurst, o.DevicePerMinute);
            net.Refill(now, o.NetworkBurst, o.NetworkPerMinute);
            if (device.Tokens < 1)
            {
                return new RateDecision(false, device.SecondsUntilOne(o.DevicePerMinute), "device");
            }
            if (net.Tokens < 1)
            {
                return new RateDecision(false, net.SecondsUntilOne(o.NetworkPerMinute), "network");
            }
            device.Tokens -= 1;
            net.Tokens -= 1;
            return new RateDecision(true);
        }
    }

    // IPv6 clients get a /64 each (a home or phone network); IPv4 clients their address.
    private static string NetworkOf(IPAddress ip)
    {
        if (ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return ip.ToString();
        }
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString();
    }

    private UInt128 Key(string text)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(text), mac);
        return new UInt128(BitConverter.ToUInt64(mac), BitConverter.ToUInt64(mac[8..]));
    }

    private void RotateSalt(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today == _saltDay)
        {
            return;
        }
        // Yesterday's hashes can no longer be linked to today's: forget them with the salt.
        CryptographicOperations.ZeroMemory(_salt);
        _salt = RandomNumberGenerator.GetBytes(32);
        _saltDay = today;
        _devices.Clear();
        _networks.Clear();
    }

    private void Prune(DateTimeOffset now, SurveyWebOptions o)
    {
        if (_devices.Count + _networks.Count < o.MaxTracked)
        {
            return;
        }
        // Full buckets carry no information: drop them first.
        RemoveFull(_devices, now, o.DeviceBurst, o.DevicePerMinute);
        RemoveFull(_networks, now, o.NetworkBurst, o.NetworkPerMinute);
        if (_devices.Count + _networks.Count >= o.MaxTracked)
        {
            // Still full under a flood of addresses: start again rather than grow without bound.
            _devices.Clear();
            _networks.Clear();
        }
    }

    private static void RemoveFull(Dictionary<UInt128, Bucket> buckets, DateTimeOffset now, int burst, double perMinute)
    {
        var full = new List<UInt128>();
        foreach (var (k, b) in buckets)
        {
            b.Refill(now, burst, perMinute);
            if (b.Tokens >= burst)
            {
                full.Add(k);
            }
        }
        foreach (var k in full)
        {
            buckets.Remove(k);
        }
    }

    private static Bucket Get(Dictionary<UInt128, Bucket> buckets, UInt128 key, int burst, DateTimeOffset now)
    {
        if (!buckets.TryGetValue(key, out var b))
        {
            b = new Bucket { Tokens = burst, Updated = now };
            buckets[key] = b;
        }
        return b;
    }

    private sealed class Bucket
    {
        public double Tokens;
        public DateTimeOffset Updated;

        public void Refill(DateTimeOffset now, int burst, double perMinute)
        {
            var elapsed = (now - Updated).TotalMinutes;
            if (elapsed > 0)
            {
                Tokens = Math.Min(burst, Tokens + (elapsed * perMinute));
                Updated = now;
            }
        }

        public int SecondsUntilOne(double perMinute) => Math.Max(1, (int)Math.Ceiling((1 - Tokens) / perMinute * 60));
    }
}
