using System.Net;
using System.Text.Json;
using TaskChat.Contract;
using TaskChat.TestSupport;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>The three health endpoints, with the database up and with it unreachable.</summary>
public sealed class HealthTests(SqliteMcpServer server) : IClassFixture<SqliteMcpServer>
{
    [Theory]
    [InlineData("health", """{"status":"healthy","service":"mcp-server","database":"connected"}""")]
    [InlineData("health/ready", """{"status":"healthy","service":"mcp-server","database":"connected"}""")]
    [InlineData("health/live", """{"status":"healthy","service":"mcp-server"}""")]
    public async Task AHealthyServerAnswersInTheReferenceShape(string path, string expected)
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("health")]
    [InlineData("health/ready")]
    [InlineData("health/live")]
    public async Task HeadWorksOnEveryHealthEndpoint(string path)
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnUnreachableDatabaseMakesTheServerUnhealthyButAlive()
    {
        await using var jwks = await TestJwks.StartAsync();
        var closedPort = LoopbackServer.UnusedPort();
        await using var system = await new SystemBuilder($"postgres://taskchat:Sup3rSecretPw@127.0.0.1:{closedPort}/taskchat").SignedBy(jwks).WithMcp().StartAsync();
        using var http = system.Mcp.CreateHttpClient();

        using var health = await http.GetAsync("health");
        using var ready = await http.GetAsync("health/ready");
        using var live = await http.GetAsync("health/live");
        var body = await health.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("""{"status":"unhealthy","service":"mcp-server","database":"error: connection refused"}""", body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.DoesNotContain("Sup3rSecretPw", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AToolCallWhileTheDatabaseIsDownIsAnUnavailableResult()
    {
        await using var jwks = await TestJwks.StartAsync();
        await using var system = await new SystemBuilder($"postgres://taskchat:Sup3rSecretPw@127.0.0.1:{LoopbackServer.UnusedPort()}/taskchat").SignedBy(jwks).WithMcp().StartAsync();
        var client = await system.McpClientForAsync("offline-user");

        var reply = await ToolReply.CallAsync(client, ToolNames.AddTask, new Dictionary<string, object?> { [ToolArguments.Title] = "Buy milk" });

        Assert.True(reply.IsError);
        Assert.Equal(ToolErrorCodes.Unavailable, reply.Code);
        Assert.Equal("The task database is temporarily unavailable. Please try again.", reply.Error);
        Assert.DoesNotContain("Sup3rSecretPw", JsonSerializer.Serialize(reply.Json), StringComparison.Ordinal);
    }
}
