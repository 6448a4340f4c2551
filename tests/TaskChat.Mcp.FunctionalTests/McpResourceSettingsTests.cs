using Microsoft.Extensions.Configuration;
using TaskChat.Mcp.OAuth;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>MCP_PUBLIC_URL: the mcp's canonical URL as outside clients use it, and the resource their tokens are for.</summary>
public sealed class McpResourceSettingsTests
{
    [Fact]
    public void UnsetItIsTheMcpServerUrlsEndpoint()
    {
        var (settings, problems) = Read(("MCP_SERVER_URL", "http://mcp.internal:8001/"));

        Assert.Empty(problems);
        Assert.Equal("http://mcp.internal:8001/mcp", settings.Resource.AbsoluteUri);
        Assert.Equal("http://mcp.internal:8001/.well-known/oauth-protected-resource/mcp", settings.MetadataUrl.AbsoluteUri);
    }

    [Fact]
    public void UnsetWithoutMcpServerUrlItIsThisServiceOnLocalhost()
    {
        var (settings, problems) = Read(("PORT", "9001"));

        Assert.Empty(problems);
        Assert.Equal("http://localhost:9001/mcp", settings.Resource.AbsoluteUri);
        Assert.Equal("http://localhost:3000", settings.AuthorizationServer);
        Assert.Equal("taskchat", settings.FirstPartyAudience);
    }

    [Theory]
    [InlineData("https://mcp.example.com/mcp", "https://mcp.example.com/.well-known/oauth-protected-resource/mcp")]
    [InlineData("https://example.com/tasks/mcp", "https://example.com/.well-known/oauth-protected-resource/tasks/mcp")]
    [InlineData("https://mcp.example.com:8443/mcp", "https://mcp.example.com:8443/.well-known/oauth-protected-resource/mcp")]
    public void ThePublicUrlIsTakenAsWrittenAndItsMetadataSitsBetweenItsHostAndPath(string publicUrl, string metadataUrl)
    {
        var (settings, problems) = Read(("MCP_PUBLIC_URL", publicUrl));

        Assert.Empty(problems);
        Assert.Equal(publicUrl, settings.Resource.AbsoluteUri);
        Assert.Equal(metadataUrl, settings.MetadataUrl.AbsoluteUri);
        Assert.Contains("mcp_public_url=" + publicUrl, settings.Summary(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://mcp.example.com", "ending in /mcp")]
    [InlineData("https://mcp.example.com/mcp/", "ending in /mcp")]
    [InlineData("https://mcp.example.com/mcp?tenant=a", "no query")]
    [InlineData("https://mcp.example.com/mcp#top", "no query and no fragment")]
    [InlineData("mcp.example.com/mcp", "absolute http:// or https:// URL")]
    [InlineData("ftp://mcp.example.com/mcp", "absolute http:// or https:// URL")]
    [InlineData("https://user:secret@mcp.example.com/mcp", "credentials")]
    public void AMalformedPublicUrlStopsStartUpNamingIt(string publicUrl, string why)
    {
        var (_, problems) = Read(("MCP_PUBLIC_URL", publicUrl));

        Assert.Contains(problems, p => p.StartsWith("MCP_PUBLIC_URL", StringComparison.Ordinal) && p.Contains(why, StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void InProductionALoopbackPublicUrlIsRefusedAndThePublicHostIsAnsweredTo()
    {
        var (_, loopback) = Read(("ENVIRONMENT", "production"), ("MCP_PUBLIC_URL", "http://localhost:8001/mcp"), ("AUTH_ISSUER", "https://tasks.example.com"), ("AUTH_JWKS_URL", "https://tasks.example.com/api/auth/jwks"));
        var configuration = Configuration(("ENVIRONMENT", "production"), ("MCP_PUBLIC_URL", "https://mcp.example.com/mcp"));

        Assert.Contains(loopback, p => p.StartsWith("MCP_PUBLIC_URL names localhost", StringComparison.Ordinal));
        Assert.Contains("mcp.example.com", configuration.Shared.AllowedHosts);
    }

    private static ServiceConfiguration Configuration(params (string Name, string Value)[] variables) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(variables.ToDictionary(v => v.Name, v => (string?)v.Value)).Build(), ServiceInfo.Of(TaskChatService.Mcp));

    private static (McpResourceSettings Settings, IReadOnlyList<string> Problems) Read(params (string Name, string Value)[] variables)
    {
        var configuration = Configuration(variables);
        var settings = McpResourceSettings.Read(configuration.Reader, configuration.Shared);
        return (settings, configuration.Problems);
    }
}
