using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// A web on a loopback port over its own migrated database, signing its tokens as <see cref="WebServers.Issuer"/>;
/// the api it reports on is down.
/// </summary>
public abstract class WebServerFixture(DatabaseProvider provider) : SystemFixture(provider)
{
    public RunningService Server => Running.Web;

    /// <summary>A browser-like client: it keeps the session cookie.</summary>
    public HttpClient Browser() => WebServers.Browser(Server);

    protected override bool UsesStandInIssuer => false;

    protected override SystemBuilder Describe(SystemBuilder system) =>
        system.WithWeb().Wired(wiring => wiring with { Issuer = WebServers.Issuer });
}

public sealed class SqliteWebServer() : WebServerFixture(DatabaseProvider.Sqlite);

public sealed class PostgresWebServer() : WebServerFixture(DatabaseProvider.Postgres);
