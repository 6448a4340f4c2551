using System.Net;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// The api accepts no token that lives longer than the issuer's (15 minutes plus the 30 s skew):
/// whoever leaks a signing key cannot mint a token that outlasts the key's replacement.
/// </summary>
public sealed class TokenLifetimeTests(SqliteApiServer server) : IClassFixture<SqliteApiServer>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ATokenLivingOneYearIsUnauthorized(bool withIssuedAt)
    {
        var status = await ListTasksWithAsync(server.Jwks.CreateToken("long-lived", lifetime: TimeSpan.FromDays(365), withIssuedAt: withIssuedAt));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ATokenLivingTheIssuersFifteenMinutesIsAccepted(bool withIssuedAt)
    {
        var status = await ListTasksWithAsync(server.Jwks.CreateToken("short-lived", lifetime: TimeSpan.FromMinutes(15), withIssuedAt: withIssuedAt));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private async Task<HttpStatusCode> ListTasksWithAsync(string token)
    {
        using var http = server.Server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/tasks");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
