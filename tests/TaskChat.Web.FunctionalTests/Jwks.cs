using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TaskChat.Web.FunctionalTests;

/// <summary>Reads the web's JWKS and checks tokens against it, as a validator would.</summary>
public static class Jwks
{
    public static async Task<JsonWebKeySet> FetchAsync(HttpClient http)
    {
        using var response = await http.GetAsync("api/auth/jwks");
        response.EnsureSuccessStatusCode();
        return new JsonWebKeySet(await response.Content.ReadAsStringAsync());
    }

    public static IReadOnlyList<string> KeyIds(JsonWebKeySet set) => [.. set.Keys.Select(k => k.Kid)];

    /// <summary>Whether <paramref name="token"/> is signed by a key in <paramref name="set"/> for our issuer and audience (lifetime checked separately: tests move the web's clock).</summary>
    public static async Task<TokenValidationResult> ValidateAsync(string token, JsonWebKeySet set, string issuer = WebServers.Issuer) =>
        await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = set.GetSigningKeys(),
            ValidIssuer = issuer,
            ValidAudience = WebServers.Audience,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateLifetime = false,
        });
}
