using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>An mcp server on a loopback port over its own migrated database, with an issuer to sign tokens.</summary>
public abstract class McpServerFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly List<McpClient> _clients = [];

    private TestJwks? _jwks;
    private TestDatabase? _database;
    private RunningService? _server;
    private string? _skipReason;

    public TestJwks Jwks => Available(_jwks);
    public TestDatabase Database => Available(_database);
    public RunningService Server => Available(_server);

    public DatabaseProvider Provider => provider;

    public async Task InitializeAsync()
    {
        _jwks = await TestJwks.StartAsync();
        if (provider == DatabaseProvider.Postgres && PostgresTestDatabase.Server() is null)
        {
            // Skipped, not failed, on a machine without PostgreSQL; under CI=true Server() throws instead.
            _skipReason = $"PostgreSQL tests need a server: set {PostgresTestDatabase.ServerVariable} (bash .ci/run does).";
            return;
        }
        _database = await TestDatabase.CreateAsync(provider);
        _server = await RunningService.StartAsync(McpApp.Build, new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = Database.Url,
            ["AUTH_JWKS_URL"] = Jwks.JwksUrl.ToString(),
            ["AUTH_ISSUER"] = TestJwks.Issuer,
            ["AUTH_AUDIENCE"] = TestJwks.Audience,
        });
    }

    /// <summary>A connected MCP client acting as <paramref name="userId"/>; disposed with the fixture.</summary>
    public async Task<McpClient> ClientForAsync(string userId)
    {
        var client = await TestMcpClients.ConnectAsync(Server.BaseAddress, Jwks.CreateToken(userId));
        lock (_clients)
        {
            _clients.Add(client);
        }
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
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

public sealed class SqliteMcpServer() : McpServerFixture(DatabaseProvider.Sqlite);

public sealed class PostgresMcpServer() : McpServerFixture(DatabaseProvider.Postgres);

/// <summary>A tool result read the way an agent reads it: the JSON text, checked against the structured content.</summary>
public sealed record ToolReply(JsonElement Json, bool IsError)
{
    public string Status => Json.GetProperty("status").GetString()!;
    public JsonElement Data => Json.GetProperty("data");
    public string Error => Json.GetProperty("error").GetString()!;
    public string Code => Json.GetProperty("code").GetString()!;

    public static async Task<ToolReply> CallAsync(McpClient client, string tool, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? new Dictionary<string, object?>());
        return From(result);
    }

    public static ToolReply From(CallToolResult result)
    {
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        var json = JsonDocument.Parse(text).RootElement.Clone();
        Assert.NotNull(result.StructuredContent);
        Assert.Equal(Normalize(json), Normalize(result.StructuredContent!.Value));
        return new ToolReply(json, result.IsError == true);
    }

    private static string Normalize(JsonElement element) => JsonSerializer.Serialize(element);
}
