using Microsoft.Data.Sqlite;
using TaskChat.Data.Connection;

namespace TaskChat.Launcher.Running;

/// <summary>The database every launched service shares.</summary>
/// <param name="Connection">What the launcher migrates and checks.</param>
/// <param name="UrlForServices">DATABASE_URL for the children: the user's value, except that an SQLite path is
/// made absolute, since each child runs in its own project folder and a relative path would give each its own file.</param>
internal sealed record LaunchDatabase(DatabaseConnection Connection, string UrlForServices)
{
    /// <summary>DATABASE_URL, or the checkout's .data/taskchat.db when unset.</summary>
    /// <exception cref="InvalidDatabaseUrlException">DATABASE_URL cannot be understood (the message names it, never its value).</exception>
    public static LaunchDatabase FromEnvironment(Checkout checkout)
    {
        var value = Environment.GetEnvironmentVariable(DatabaseUrl.VariableName);
        var connection = DatabaseUrl.Parse(value, DatabaseUrl.DefaultSqlitePath(checkout.Root));
        var forServices = connection.Provider == DatabaseProvider.Sqlite
            ? "sqlite:" + new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource
            : value!.Trim();
        return new LaunchDatabase(connection, forServices);
    }

    public override string ToString() => Connection.Summary;
}
