using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// An api on a loopback port over its own migrated database, a stand-in issuer to sign tokens, and
/// no mcp where it expects one (REST must not need the mcp).
/// </summary>
public abstract class ApiServerFixture(DatabaseProvider provider) : SystemFixture(provider)
{
    public RunningService Server => Running.Api;

    /// <summary>An HttpClient acting as <paramref name="userId"/>.</summary>
    public HttpClient ClientFor(string userId) => Running.ClientFor(userId);

    protected override SystemBuilder Describe(SystemBuilder system) => system.WithApi();
}

public sealed class SqliteApiServer() : ApiServerFixture(DatabaseProvider.Sqlite);

public sealed class PostgresApiServer() : ApiServerFixture(DatabaseProvider.Postgres);
