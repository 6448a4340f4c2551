using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Mcp;
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
        var database = server.Database;
        await using var mcp = await RunningService.StartAsync(McpApp.Build, new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database.Url,
            ["AUTH_JWKS_URL"] = server.Jwks.JwksUrl.ToString(),
        });
        var mcpUrl = mcp.BaseAddress.GetLeftPart(UriPartial.Authority) + suffix;
        await using var api = await RunningService.StartAsync(ApiApp.Build, ApiVariables.For(server.Jwks, database.Url, mcpUrl));
        using var http = api.CreateHttpClient();

        using var health = await http.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"healthy","service":"backend","database":"connected","mcp_server":"connected"}""", await health.Content.ReadAsStringAsync());
        Assert.Equal(new Uri(mcp.BaseAddress, "/mcp"), api.Services.GetRequiredService<ApiSettings>().McpEndpoint);
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
        await using var api = await RunningService.StartAsync(ApiApp.Build, ApiVariables.For(jwks, databaseUrl, $"http://127.0.0.1:{LoopbackServer.UnusedPort()}"));
        using var http = api.CreateHttpClient();

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
