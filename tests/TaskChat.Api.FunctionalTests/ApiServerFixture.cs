using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// An api on a loopback port over its own migrated database, an issuer to sign tokens, and an mcp
/// address where nothing listens (REST must not need the mcp).
/// </summary>
public abstract class ApiServerFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestJwks? _jwks;
    private TestDatabase? _database;
    private RunningService? _server;
    private string? _skipReason;

    public TestJwks Jwks => Available(_jwks);
    public TestDatabase Database => Available(_database);
    public RunningService Server => Available(_server);

    public async Task InitializeAsync()
    {
        _jwks = await TestJwks.StartAsync();
        if (provider == DatabaseProvider.Postgres && PostgresTestDatabase.Server() is null)
        {
            _skipReason = $"PostgreSQL tests need a server: set {PostgresTestDatabase.ServerVariable} (bash .ci/run does).";
            return;
        }
        _database = await TestDatabase.CreateAsync(provider);
        _server = await RunningService.StartAsync(ApiApp.Build, ApiVariables.For(_jwks, _database.Url, mcpServerUrl: $"http://127.0.0.1:{LoopbackServer.UnusedPort()}"));
    }

    /// <summary>An HttpClient acting as <paramref name="userId"/>.</summary>
    public HttpClient ClientFor(string userId)
    {
        var http = Server.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Jwks.CreateToken(userId));
        return http;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        if (_jwks is not null)
        {
            await _jwks.DisposeAsync();
        }
    }

    private T Available<T>(T? part) where T : class
    {
        Skip.If(_skipReason is not null, _skipReason);
        return part!;
    }
}

public sealed class SqliteApiServer() : ApiServerFixture(DatabaseProvider.Sqlite);

public sealed class PostgresApiServer() : ApiServerFixture(DatabaseProvider.Postgres);

/// <summary>The variables an api under test gets.</summary>
public static class ApiVariables
{
    public static Dictionary<string, string?> For(TestJwks jwks, string databaseUrl, string mcpServerUrl) => new()
    {
        ["DATABASE_URL"] = databaseUrl,
        ["AUTH_JWKS_URL"] = jwks.JwksUrl.ToString(),
        ["AUTH_ISSUER"] = TestJwks.Issuer,
        ["AUTH_AUDIENCE"] = TestJwks.Audience,
        ["MCP_SERVER_URL"] = mcpServerUrl,
        ["CORS_ORIGINS"] = "http://localhost:3000",
    };
}

public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, object body) => http.PostAsJsonAsync(path, body);
}
