using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using TaskChat.Contract;

namespace TaskChat.Mcp.OAuth;

/// <summary>
/// The scopes a validated token grants on the mcp. A first-party token (audience AUTH_AUDIENCE: the
/// web mints it for its own pages and the api's agent, for the signed-in person) grants every scope:
/// it is the person acting in TaskChat itself, with no consent step to narrow it. A token issued for
/// the mcp's resource grants exactly the scopes the person consented to, from its `scope` claim
/// (RFC 9068: space-separated; a JSON array of scopes, or `scp`, is read too).
/// </summary>
public static class TokenScopes
{
    public static IReadOnlySet<string> Granted(ClaimsPrincipal user, string firstPartyAudience)
    {
        if (user.FindAll(JwtRegisteredClaimNames.Aud).Any(aud => aud.Value == firstPartyAudience))
        {
            return McpScopes.All.ToHashSet(StringComparer.Ordinal);
        }
        return user.FindAll("scope").Concat(user.FindAll("scp"))
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
    }
}
