namespace TaskChat.Mcp.FunctionalTests;

/// <summary>Issue 8 §4: every mcp response, success or error, says nosniff and sends no Referer onwards.</summary>
public sealed class SecurityHeadersTests(SqliteMcpServer server) : IClassFixture<SqliteMcpServer>
{
    [Theory]
    [InlineData(true, "application/json")]
    [InlineData(false, "application/json")]
    [InlineData(true, "text/plain")]
    public async Task Every_mcp_response_says_nosniff(bool withToken, string contentType)
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, withToken ? server.Jwks.CreateToken("headers-user") : null, contentType));

        AssertHardened(response);
    }

    [Theory]
    [InlineData("health")]
    [InlineData("health/ready")]
    [InlineData("mcp")]
    [InlineData("no-such-route")]
    public async Task Every_other_mcp_answer_says_nosniff_too(string path)
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.GetAsync(path);

        AssertHardened(response);
    }

    private static void AssertHardened(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
