using System.Net.Http.Headers;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// The chat path for real: an issuer, a database, an mcp and an api on loopback ports, wired as in
/// production (the api reaches the mcp over HTTP with the caller's token), with the offline agent.
/// </summary>
public abstract class ChatSystem(DatabaseProvider provider) : IAsyncLifetime
{
    private TestJwks? _jwks;
    private TestDatabase? _database;
    private RunningService? _mcp;
    private RunningService? _api;
    private string? _skipReason;

    public TestJwks Jwks => Available(_jwks);
    public TestDatabase Database => Available(_database);
    public RunningService Api => Available(_api);
    public RunningService Mcp => Available(_mcp);

    public async Task InitializeAsync()
    {
        _jwks = await TestJwks.StartAsync();
        if (provider == DatabaseProvider.Postgres && PostgresTestDatabase.Server() is null)
        {
            _skipReason = $"PostgreSQL tests need a server: set {PostgresTestDatabase.ServerVariable} (bash .ci/run does).";
            return;
        }
        _database = await TestDatabase.CreateAsync(provider);
        _mcp = await StartMcpAsync(_jwks, _database.Url);
        _api = await StartApiAsync(new Uri(_mcp.BaseAddress, "/").ToString().TrimEnd('/'));
    }

    public static Task<RunningService> StartMcpAsync(TestJwks jwks, string databaseUrl, int port = 0) =>
        RunningService.StartAsync(TaskChat.Mcp.McpApp.Build, new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = databaseUrl,
            ["AUTH_JWKS_URL"] = jwks.JwksUrl.ToString(),
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>Another api over the same database and issuer (a second replica, or one with other settings).</summary>
    public Task<RunningService> StartApiAsync(string mcpServerUrl, IDictionary<string, string?>? extra = null)
    {
        var variables = ApiVariables.For(Jwks, Database.Url, mcpServerUrl);
        variables["LLM_PROVIDER"] = "offline";
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }
        return RunningService.StartAsync(ApiApp.Build, variables);
    }

    public HttpClient ClientFor(string userId, RunningService? api = null)
    {
        var http = (api ?? Api).CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Jwks.CreateToken(userId));
        return http;
    }

    public async Task DisposeAsync()
    {
        foreach (var part in new IAsyncDisposable?[] { _api, _mcp, _database, _jwks })
        {
            if (part is not null)
            {
                await part.DisposeAsync();
            }
        }
    }

    private T Available<T>(T? part) where T : class
    {
        Skip.If(_skipReason is not null, _skipReason);
        return part!;
    }
}

public sealed class SqliteChatSystem() : ChatSystem(DatabaseProvider.Sqlite);

public sealed class PostgresChatSystem() : ChatSystem(DatabaseProvider.Postgres);
