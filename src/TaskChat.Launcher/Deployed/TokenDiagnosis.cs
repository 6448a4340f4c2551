using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaskChat.Launcher.Deployed;

/// <summary>
/// Why a service refuses a token the web just signed. The service's 401 does not say (on purpose), so
/// doctor compares the token's claims with the deployment's variables to name the one at fault.
/// </summary>
internal static class TokenDiagnosis
{
    /// <summary>Why a service refuses a token the web just signed, as precisely as the variables allow.</summary>
    public static string Fix(DeployedSystem system, string token, string service)
    {
        var issuer = Claim(token, "iss");
        var audience = Claim(token, "aud");
        if (system.Variable("AUTH_ISSUER") is { } configured && configured.TrimEnd('/') != issuer?.TrimEnd('/'))
        {
            return $"the {service}'s AUTH_ISSUER is {configured}, the web signs {issuer}: set AUTH_ISSUER={issuer} everywhere.";
        }
        if (system.Variable("AUTH_AUDIENCE") is { } expected && expected != audience)
        {
            return $"the {service}'s AUTH_AUDIENCE is {expected}, the web's tokens say {audience}: use one value everywhere.";
        }
        if (system.Variable("AUTH_JWKS_URL") is { } jwks)
        {
            return $"issuer and audience match, so the {service} cannot get the web's keys from AUTH_JWKS_URL={jwks}: it must be the web's JWKS as reachable from the {service}'s network (http://web:3000/api/auth/jwks in Compose), not a public or localhost URL it cannot reach.";
        }
        return $"the {service}'s AUTH_ISSUER must be {issuer}, AUTH_AUDIENCE {audience}, and AUTH_JWKS_URL the web's JWKS reachable from the {service} (pass --env for a precise answer).";
    }

    public static string? Claim(string token, string name)
    {
        var parts = token.Split('.');
        if (parts.Length < 2)
        {
            return null;
        }
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
            var node = JsonNode.Parse(Convert.FromBase64String(payload))?[name];
            return node is JsonArray array ? array.FirstOrDefault()?.ToString() : node?.ToString();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
