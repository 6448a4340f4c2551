using ModelContextProtocol.Client;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>An mcp on a loopback port over its own migrated database, with a stand-in issuer to sign tokens.</summary>
public abstract class McpServerFixture(DatabaseProvider provider) : SystemFixture(provider)
{
    public RunningService Server => Running.Mcp;

    /// <summary>A connected MCP client acting as <paramref name="userId"/>; disposed with the fixture.</summary>
    public Task<McpClient> ClientForAsync(string userId) => Running.McpClientForAsync(userId);

    protected override SystemBuilder Describe(SystemBuilder system) => system.WithMcp();
}

public sealed class SqliteMcpServer() : McpServerFixture(DatabaseProvider.Sqlite);

public sealed class PostgresMcpServer() : McpServerFixture(DatabaseProvider.Postgres);
