using System.Diagnostics;
using System.Net;
using System.Text.Json;
using TaskChat.Contract;
using TaskChat.TestSupport;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>
/// Only tokens from the issuer's JWKS, for this audience, unexpired, signed with RS256 or ES256 get
/// in; every other request is a 401 that says "Bearer" and tells nothing about the token.
/// </summary>
public sealed class TokenTests(SqliteMcpServer server) : IClassFixture<SqliteMcpServer>
{
    private TestJwks Jwks => server.Jwks;

    private static readonly Dictionary<string, Func<TestJwks, string>> Forgeries = new()
    {
        { "expired a minute past the 30 s skew", jwks => jwks.CreateToken("alice", notBefore: DateTime.UtcNow.AddMinutes(-16).AddSeconds(-30)) },
        { "not valid for another five minutes", jwks => jwks.CreateToken("alice", notBefore: DateTime.UtcNow.AddMinutes(5)) },
        { "wrong issuer", jwks => jwks.CreateToken("alice", issuer: "https://evil.example") },
        { "an issuer that only starts like ours", jwks => jwks.CreateToken("alice", issuer: TestJwks.Issuer + ".evil.example") },
        { "no issuer", jwks => jwks.CreateToken("alice", issuer: null) },
        { "wrong audience", jwks => jwks.CreateToken("alice", audience: "another-app") },
        { "no audience", jwks => jwks.CreateToken("alice", audience: null) },
        { "signed by an unpublished key with a published kid", jwks => jwks.CreateToken("alice", key: TestJwks.UnpublishedKey(jwks.CurrentKey.KeyId!)) },
        { "signed by an unpublished key with an unknown kid", jwks => jwks.CreateToken("alice", key: TestJwks.UnpublishedKey("forged-kid")) },
        { "alg none", _ => TestJwks.CreateUnsignedToken("alice") },
        { "HS256 signed with the public key", jwks => jwks.CreateHs256TokenWithPublicKey("alice") },
        { "no subject", jwks => jwks.CreateToken("") },
        { "a subject longer than 255 characters", jwks => jwks.CreateToken(new string('u', 256)) },
        { "a tampered payload", jwks => Tamper(jwks.CreateToken("alice")) },
        { "not a JWT", _ => "not-a-token" },
        { "a lifetime of one year (what a leaked key would mint)", jwks => jwks.CreateToken("alice", lifetime: TimeSpan.FromDays(365)) },
        { "a lifetime of one year without iat", jwks => jwks.CreateToken("alice", lifetime: TimeSpan.FromDays(365), withIssuedAt: false) },
        { "a lifetime of 16 minutes, past the 15 plus the 30 s skew", jwks => jwks.CreateToken("alice", lifetime: TimeSpan.FromMinutes(16)) },
    };

    public static TheoryData<string> ForgedTokens => [.. Forgeries.Keys];

    [Fact]
    public async Task ARequestWithoutATokenIsUnauthorizedWithABearerChallenge()
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal(ProblemCodes.Unauthorized, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task AnInvalidTokenIsUnauthorized(string why)
    {
        using var http = server.Server.CreateHttpClient();
        var forged = Forgeries[why](Jwks);

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, forged));

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {response.StatusCode}");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.DoesNotContain(forged, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenWithAnotherSchemeIsUnauthorized()
    {
        using var http = server.Server.CreateHttpClient();
        using var request = RawMcpRequests.Post(RawMcpRequests.ToolsList);
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Jwks.CreateToken("alice"));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AValidTokenIsAcceptedAndATokenExpiredWithinTheClockSkewStillIs()
    {
        using var http = server.Server.CreateHttpClient();
        var expiredTenSecondsAgo = Jwks.CreateToken("alice", notBefore: DateTime.UtcNow.AddMinutes(-15).AddSeconds(-10));

        using var fresh = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, Jwks.CreateToken("alice")));
        using var skewed = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, expiredTenSecondsAgo));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(ToolNames.All.Count, (await RawMcpRequests.ReadMessageAsync(fresh)).GetProperty("result").GetProperty("tools").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, skewed.StatusCode);
    }

    [Fact]
    public async Task ATokenLivingTheIssuersFifteenMinutesIsAcceptedWithOrWithoutIat()
    {
        using var http = server.Server.CreateHttpClient();

        using var withIat = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, Jwks.CreateToken("alice", lifetime: TimeSpan.FromMinutes(15))));
        using var withoutIat = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, Jwks.CreateToken("alice", lifetime: TimeSpan.FromMinutes(15), withIssuedAt: false)));

        Assert.Equal(HttpStatusCode.OK, withIat.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withoutIat.StatusCode);
    }

    [Fact]
    public async Task AnIssuerWithATrailingSlashIsTheSameIssuer()
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, Jwks.CreateToken("alice", issuer: TestJwks.Issuer + "/")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnRs256TokenIsAcceptedAsWellAsEs256()
    {
        using var http = server.Server.CreateHttpClient();
        Jwks.Rotate(ecdsa: false);

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, Jwks.CreateToken("alice")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheFirstTokenSignedWithARotatedKeyIsAcceptedWithoutARestart()
    {
        using var http = server.Server.CreateHttpClient();
        using var before = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, Jwks.CreateToken("alice")));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var oldToken = Jwks.CreateToken("alice");

        var newKey = Jwks.Rotate(); // Within the second after the server's last JWKS fetch.
        using var after = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, Jwks.CreateToken("alice", key: newKey)));
        using var old = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, oldToken));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Fact]
    public async Task TokensWithMadeUpKeyIdsCannotFloodTheIssuer()
    {
        using var http = server.Server.CreateHttpClient();
        var stopwatch = Stopwatch.StartNew();
        var fetchesBefore = Jwks.RequestCount;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList,
                Jwks.CreateToken("alice", key: TestJwks.UnpublishedKey("made-up-" + i))));
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        // At most one refetch per second, whatever the speed of this machine.
        var allowed = (int)Math.Ceiling(stopwatch.Elapsed.TotalSeconds) + 1;
        Assert.InRange(Jwks.RequestCount - fetchesBefore, 0, allowed);
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]).Replace("\"alice\"", "\"mallory\"", StringComparison.Ordinal);
        return parts[0] + "." + Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload) + "." + parts[2];
    }
}
