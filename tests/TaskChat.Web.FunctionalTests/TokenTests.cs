using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;

namespace TaskChat.Web.FunctionalTests;

/// <summary>What /api/auth/token mints and what /api/auth/jwks publishes.</summary>
public abstract class TokenTests(WebServerFixture web)
{
    [SkippableFact]
    public async Task TheTokenIsAnEs256JwtForTheSignedInUser()
    {
        using var browser = web.Browser();
        var (email, userId) = await WebServers.SignUpAsync(browser, name: "Ada Lovelace");

        using var response = await browser.GetAsync("api/auth/token");
        var token = new JsonWebToken((await Json.ReadAsync(response)).GetProperty("token").GetString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("ES256", token.Alg);
        Assert.False(string.IsNullOrEmpty(token.Kid));
        Assert.Equal(WebServers.Issuer, token.Issuer);
        Assert.Equal([WebServers.Audience], token.Audiences);
        Assert.Equal(userId, token.Subject);
        Assert.Equal(email, token.GetClaim("email").Value);
        Assert.Equal("Ada Lovelace", token.GetClaim("name").Value);
        // The user's time zone (UTC until sign-up and the account page set it) as the OIDC zoneinfo claim: the api and the mcp read dates in it.
        Assert.Equal("UTC", token.GetClaim("zoneinfo").Value);
        var issuedAt = long.Parse(token.GetClaim("iat").Value, System.Globalization.CultureInfo.InvariantCulture);
        var expires = long.Parse(token.GetClaim("exp").Value, System.Globalization.CultureInfo.InvariantCulture);
        var notBefore = long.Parse(token.GetClaim("nbf").Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(900, expires - issuedAt);
        Assert.Equal(issuedAt, notBefore);
        Assert.InRange(token.IssuedAt, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    [SkippableFact]
    public async Task TheTokenVerifiesAgainstTheJwks()
    {
        using var browser = web.Browser();
        await WebServers.SignUpAsync(browser);

        var token = await WebServers.TokenAsync(browser);
        var result = await Jwks.ValidateAsync(token, await Jwks.FetchAsync(browser));

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [SkippableFact]
    public async Task TheJwksPublishesOnlyPublicEcKeys()
    {
        using var http = web.Server.CreateHttpClient();

        using var response = await http.GetAsync("api/auth/jwks");
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl?.MaxAge);
        var keys = body.GetProperty("keys").EnumerateArray().ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            Assert.Equal(["kty", "crv", "x", "y", "kid", "use", "alg"], key.EnumerateObject().Select(p => p.Name));
            Assert.Equal("EC", key.GetProperty("kty").GetString());
            Assert.Equal("P-256", key.GetProperty("crv").GetString());
            Assert.Equal("ES256", key.GetProperty("alg").GetString());
            Assert.Equal("sig", key.GetProperty("use").GetString());
            Assert.False(key.TryGetProperty("d", out _));
        }
    }

    [SkippableFact]
    public async Task TheKeyIsStoredProtectedNotInTheClear()
    {
        using var http = web.Server.CreateHttpClient();
        var published = Jwks.KeyIds(await Jwks.FetchAsync(http));

        await using var db = web.Database.CreateDbContext();
        var rows = db.SigningKeys.ToList();

        Assert.Contains(rows, r => published.Contains(r.Id));
        foreach (var row in rows)
        {
            Assert.Equal("ES256", row.Algorithm);
            Assert.StartsWith("CfDJ8", row.ProtectedKey, StringComparison.Ordinal); // Data Protection's payload header.
            Assert.DoesNotContain("PRIVATE KEY", row.ProtectedKey, StringComparison.Ordinal);
        }
        Assert.NotEmpty(db.DataProtectionKeys.ToList());
    }
}

public sealed class SqliteTokenTests(SqliteWebServer web) : TokenTests(web), IClassFixture<SqliteWebServer>;

public sealed class PostgresTokenTests(PostgresWebServer web) : TokenTests(web), IClassFixture<PostgresWebServer>;
