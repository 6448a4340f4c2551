using System.Net;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// The api takes first-party tokens only (`aud` = AUTH_AUDIENCE): a token the web issued to an outside MCP client (`aud` =
/// the mcp's public URL, with its scopes) is refused here, so it is never forwarded to the mcp as the person's own token
/// (docs/connect-mcp-clients.md: no token passthrough).
/// </summary>
public sealed class AudienceTests(SqliteApiServer server) : IClassFixture<SqliteApiServer>
{
    [Theory]
    [InlineData("http://localhost:8001/mcp")]
    [InlineData("https://mcp.example.com/mcp")]
    [InlineData("taskchat/")]
    [InlineData("TASKCHAT")]
    public async Task ATokenForAnotherAudienceIsUnauthorizedEvenWithTheMcpsScopes(string audience)
    {
        var token = server.Jwks.CreateToken("outside-client", audience: audience,
            claims: new Dictionary<string, object> { ["scope"] = "tasks:read tasks:write", ["client_id"] = "https://client.example/metadata.json" });
        using var http = server.Server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/tasks");
        request.Headers.Authorization = new("Bearer", token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AFirstPartyTokenIsAccepted()
    {
        using var http = server.Server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/tasks");
        request.Headers.Authorization = new("Bearer", server.Jwks.CreateToken("first-party"));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
