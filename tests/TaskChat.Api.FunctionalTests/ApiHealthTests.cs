using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// The api's health endpoints: /health reports the database and the mcp, /health/ready only the
/// database (the api keeps serving REST while the mcp is down), /health/live nothing.
/// </summary>
public abstract class ApiHealthTests(ApiServerFixture server)
{
    [SkippableFact]
    public async Task WithTheMcpDownHealthIs503ButTheApiStaysReadyAndAlive()
    {
        using var http = server.Server.CreateHttpClient();

        using var health = await http.GetAsync("health");
        using var ready = await http.GetAsync("health/ready");
        using var live = await http.GetAsync("health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("application/json", health.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"unhealthy","service":"backend","database":"connected","mcp_server":"error: connection refused"}""", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("""{"status":"healthy","service":"backend","database":"connected"}""", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("""{"status":"healthy","service":"backend"}""", await live.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [InlineData("health", HttpStatusCode.ServiceUnavailable)]
    [InlineData("health/ready", HttpStatusCode.OK)]
    [InlineData("health/live", HttpStatusCode.OK)]
    public async Task HeadWorksOnEveryHealthEndpoint(string path, HttpStatusCode expected)
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/mcp")]
    [InlineData("/mcp/")]
    public async Task WithTheMcpRunningHealthIsHealthy(string suffix)
    {
        await using var mcp = await server.StartAsync(system => system.WithMcp());
        var mcpUrl = mcp.Mcp.BaseAddress.GetLeftPart(UriPartial.Authority) + suffix;
        // MCP_SERVER_URL as a person might write it: the variable under test.
        await using var api = await server.StartAsync(system => system.WithApi(new Dictionary<string, string> { ["MCP_SERVER_URL"] = mcpUrl }));
        using var http = api.Api.CreateHttpClient();

        using var health = await http.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"healthy","service":"backend","database":"connected","mcp_server":"connected"}""", await health.Content.ReadAsStringAsync());
        Assert.Equal(new Uri(mcp.Mcp.BaseAddress, "/mcp"), api.Api.Services.GetRequiredService<ApiSettings>().McpEndpoint);
    }
}

public sealed class SqliteApiHealthTests(SqliteApiServer server) : ApiHealthTests(server), IClassFixture<SqliteApiServer>;

public sealed class PostgresApiHealthTests(PostgresApiServer server) : ApiHealthTests(server), IClassFixture<PostgresApiServer>;

/// <summary>A database the api cannot reach, named by a URL with a password in it.</summary>
public sealed class ApiHealthWithoutADatabaseTests
{
    private const string Password = "Sup3rSecretPw";

    [Fact]
    public async Task AnUnreachableDatabaseIsReportedWithoutTheConnectionString()
    {
        await using var jwks = await TestJwks.StartAsync();
        var databaseUrl = $"postgres://taskchat:{Password}@127.0.0.1:{LoopbackServer.UnusedPort()}/taskchat";
        await using var api = await new SystemBuilder(databaseUrl).SignedBy(jwks).WithApi().StartAsync();
        using var http = api.Api.CreateHttpClient();

        using var health = await http.GetAsync("health");
        using var ready = await http.GetAsync("health/ready");
        using var live = await http.GetAsync("health/live");
        var body = await health.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("""{"status":"unhealthy","service":"backend","database":"error: connection refused","mcp_server":"error: connection refused"}""", body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        foreach (var text in new[] { body, await ready.Content.ReadAsStringAsync() })
        {
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("taskchat:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        }
    }
}
