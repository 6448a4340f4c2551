using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.DeployTests;

public sealed class DeploymentVariablesTests
{
    [Fact]
    public void Host_and_port_references_become_the_contracts_urls()
    {
        var derived = DeploymentVariables.Derive(new Dictionary<string, string>
        {
            ["MCP_SERVER_HOSTPORT"] = "taskchat-mcp:8001",
            ["API_HOSTPORT"] = "taskchat-api:8000",
            ["AUTH_JWKS_HOSTPORT"] = "taskchat-web:3000",
            ["TASKCHAT_WEB_URL"] = "https://taskchat.example.com/",
        }.GetValueOrDefault);

        Assert.Equal("http://taskchat-mcp:8001", derived["MCP_SERVER_URL"]);
        Assert.Equal("http://taskchat-api:8000", derived["API_URL"]);
        Assert.Equal("http://taskchat-web:3000/api/auth/jwks", derived["AUTH_JWKS_URL"]);
        Assert.Equal("https://taskchat.example.com", derived["AUTH_ISSUER"]);
        Assert.Equal("https://taskchat.example.com", derived["CORS_ORIGINS"]);
    }

    [Fact]
    public void A_variable_that_is_set_wins_and_blank_sources_derive_nothing()
    {
        var derived = DeploymentVariables.Derive(new Dictionary<string, string>
        {
            ["MCP_SERVER_HOSTPORT"] = "taskchat-mcp:8001",
            ["MCP_SERVER_URL"] = "http://mcp.internal:9000",
            ["API_HOSTPORT"] = " ",
        }.GetValueOrDefault);

        Assert.Empty(derived);
    }
}
