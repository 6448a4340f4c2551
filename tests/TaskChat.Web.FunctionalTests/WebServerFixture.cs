using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Web.FunctionalTests;

/// <summary>A web on a loopback port over its own migrated database; the api it reports on is down.</summary>
public abstract class WebServerFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private RunningService? _server;
    private string? _skipReason;

    public TestDatabase Database => Available(_database);
    public RunningService Server => Available(_server);

    public async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres && PostgresTestDatabase.Server() is null)
        {
            _skipReason = $"PostgreSQL tests need a server: set {PostgresTestDatabase.ServerVariable} (bash .ci/run does).";
            return;
        }
        _database = await TestDatabase.CreateAsync(provider);
        _server = await WebServers.StartAsync(WebServers.Variables(_database.Url));
    }

    /// <summary>A browser-like client: it keeps the session cookie.</summary>
    public HttpClient Browser() => WebServers.Browser(Server);

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
    }

    private T Available<T>(T? part) where T : class
    {
        Skip.If(_skipReason is not null, _skipReason);
        return part!;
    }
}

public sealed class SqliteWebServer() : WebServerFixture(DatabaseProvider.Sqlite);

public sealed class PostgresWebServer() : WebServerFixture(DatabaseProvider.Postgres);

public static class WebServers
{
    public const string Issuer = "http://localhost:3000";
    public const string Audience = "taskchat";
    public const string Password = "correct horse 42";

    public static Dictionary<string, string?> Variables(string databaseUrl, string issuer = Issuer, string? apiUrl = null) => new()
    {
        ["DATABASE_URL"] = databaseUrl,
        ["AUTH_ISSUER"] = issuer,
        ["AUTH_AUDIENCE"] = Audience,
        ["API_URL"] = apiUrl ?? $"http://127.0.0.1:{LoopbackServer.UnusedPort()}",
    };

    public static Task<RunningService> StartAsync(IDictionary<string, string?> variables, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? overrideServices = null) =>
        RunningService.StartAsync((args, configure) => WebApp.Build(args, configure, overrideServices), variables);

    public static HttpClient Browser(RunningService server) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.test";

    /// <summary>Signs up a new user (which signs the client in) and returns the user's email.</summary>
    public static async Task<(string Email, string UserId)> SignUpAsync(HttpClient browser, string name = "Ada Lovelace")
    {
        var email = NewEmail();
        using var response = await browser.PostAsJsonAsync("api/auth/sign-up/email", new { email, password = Password, name });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        return (email, body.GetProperty("user").GetProperty("id").GetString()!);
    }

    public static async Task<string> TokenAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync("api/auth/token");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json.ReadAsync(response)).GetProperty("token").GetString()!;
    }
}

public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
