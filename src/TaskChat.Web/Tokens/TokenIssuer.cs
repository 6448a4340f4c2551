using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TaskChat.Data.Model;
using TaskChat.ServiceDefaults.Authentication;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Web.Tokens;

/// <summary>
/// Mints the JWTs the api and the mcp accept: ES256 with the current key's kid, iss AUTH_ISSUER,
/// aud AUTH_AUDIENCE, sub the user id, email, name, zoneinfo (the user's IANA time zone), 15 minutes.
/// </summary>
internal sealed class TokenIssuer(SigningKeyRing keys, KeySchedule schedule, TaskChatSettings settings, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<string> IssueAsync(TaskChatUser user, CancellationToken cancellationToken)
    {
        var ring = await keys.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Auth.Issuer,
            Audience = settings.Auth.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + schedule.TokenLifetime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id,
                [JwtRegisteredClaimNames.Email] = user.Email ?? "",
                [JwtRegisteredClaimNames.Name] = user.Name,
                // The api and the mcp read dates in this zone without a database read.
                [JwtAuthenticationExtensions.TimeZoneClaim] = user.TimeZone,
            },
            SigningCredentials = new SigningCredentials(ring.SigningKey, SigningKeyRing.Algorithm),
        });
    }
}
