using System.Text;
using System.Text.Json;

namespace FeedbackCollector.Core.Security;

/// <summary>
/// Staff sign-in through Azure App Service authentication ("Easy Auth"), section <c>AppServiceAuth</c>. Off by default:
/// App Service strips the principal headers from outside requests and sets them itself, but an app not behind it would
/// take a forged header at its word, so the header is read only when this is switched on.
/// </summary>
public sealed class AppServiceAuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "AppServiceAuth";

    /// <summary>Read the App Service principal header and give its holder the roles its role claims map to.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The claim type that carries roles. Empty: the principal's own <c>role_typ</c> (Entra ID app roles arrive as
    /// <c>roles</c>), else <c>roles</c>.
    /// </summary>
    public string? RoleClaimType { get; set; }

    /// <summary>Role claim values (for example Entra ID app role values) that make a person an officer.</summary>
    public List<string> OfficerRoles { get; set; } = [];

    /// <summary>Role claim values that make a person a facilitator.</summary>
    public List<string> FacilitatorRoles { get; set; } = [];

    /// <summary>Role claim values that make a person a safeguarding lead.</summary>
    public List<string> SafeguardingRoles { get; set; } = [];

    /// <summary>The staff roles each claim value gives.</summary>
    public IEnumerable<(string Claim, StaffRole Role)> Mappings =>
        OfficerRoles.Select(c => (c, StaffRole.Officer))
            .Concat(FacilitatorRoles.Select(c => (c, StaffRole.Facilitator)))
            .Concat(SafeguardingRoles.Select(c => (c, StaffRole.Safeguarding)));

    /// <summary>Problems, empty when valid (checked only when enabled).</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }
        var mappings = Mappings.ToList();
        if (mappings.Count == 0)
        {
            yield return "AppServiceAuth: map at least one role claim value (OfficerRoles, FacilitatorRoles or SafeguardingRoles), or switch it off.";
        }
        foreach (var (claim, role) in mappings)
        {
            if (string.IsNullOrWhiteSpace(claim) || claim.Length > 200 || claim.Trim() != claim)
            {
                yield return $"AppServiceAuth:{role}Roles: a role claim value is 1 to 200 characters without surrounding spaces ('{claim}').";
            }
        }
        foreach (var twice in mappings.GroupBy(m => m.Claim, StringComparer.Ordinal).Where(g => g.Select(m => m.Role).Distinct().Count() > 1))
        {
            yield return $"AppServiceAuth: the role claim value '{twice.Key}' is mapped to more than one role ({string.Join(", ", twice.Select(m => m.Role).Distinct())}).";
        }
        if (RoleClaimType is { } type && (type.Length is 0 or > 300 || type.Trim() != type))
        {
            yield return "AppServiceAuth:RoleClaimType: a claim type of 1 to 300 characters, or leave it out.";
        }
    }
}

/// <summary>Who App Service authentication says the caller is.</summary>
/// <param name="Name">A name to show and to record in audit trails.</param>
/// <param name="Roles">The staff roles their role claims map to (none when they hold no mapped role).</param>
public sealed record AppServicePrincipal(string Name, IReadOnlyList<StaffRole> Roles);

/// <summary>Reads the <see cref="Header"/> header App Service authentication sets on every request it lets through.</summary>
public static class AppServicePrincipals
{
    /// <summary>Base64 JSON of the caller's claims: <c>{"auth_typ", "claims": [{"typ", "val"}], "name_typ", "role_typ"}</c>.</summary>
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The caller's name as the identity provider gives it.</summary>
    public const string NameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    /// <summary>
    /// The header the console sends with every call. A request signed in by App Service's cookie must carry it: a page
    /// on another site can make a browser send the cookie, but not a custom header, so this stops cross-site requests.
    /// </summary>
    public const string ConsoleHeader = "X-Feedback-Console";

    /// <summary>Longest header read (App Service principals are a few kilobytes).</summary>
    public const int MaxHeaderLength = 32 * 1024;

    /// <summary>
    /// Reads the principal header and maps its role claims with <paramref name="options"/>. False when the header is not
    /// base64 JSON of the documented shape.
    /// </summary>
    public static bool TryRead(string? header, string? nameHeader, AppServiceAuthOptions options, out AppServicePrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(options);
        principal = new AppServicePrincipal("", []);
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength)
        {
            return false;
        }
        byte[] json;
        try
        {
            json = Convert.FromBase64String(header.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return false;
            }
            var roleType = !string.IsNullOrEmpty(options.RoleClaimType) ? options.RoleClaimType
                : StringOf(root, "role_typ") is { Length: > 0 } rt ? rt : "roles";
            var nameType = StringOf(root, "name_typ");
            var map = options.Mappings.ToDictionary(m => m.Claim, m => m.Role, StringComparer.Ordinal);
            var roles = new List<StaffRole>();
            string? name = null;
            foreach (var claim in claims.EnumerateArray())
            {
                var typ = StringOf(claim, "typ");
                var val = StringOf(claim, "val");
                if (typ is null || val is null)
                {
                    continue;
                }
                if (typ == roleType && map.TryGetValue(val, out var role) && !roles.Contains(role))
                {
                    roles.Add(role);
                }
                if (name is null && nameType is not null && typ == nameType && val.Length > 0)
                {
                    name = val;
                }
            }
            roles.Sort();
            name ??= string.IsNullOrWhiteSpace(nameHeader) ? "Signed-in user" : nameHeader.Trim();
            // The name goes into audit trails: kept short and on one line.
            name = new string(name.Where(c => !char.IsControl(c)).Take(100).ToArray());
            principal = new AppServicePrincipal(name, roles);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The header value App Service would send for these claims (for tests and for the docs' example).</summary>
    public static string Encode(string nameType, string roleType, params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
            name_typ = nameType,
            role_typ = roleType,
        })));

    private static string? StringOf(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
