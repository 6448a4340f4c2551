using Npgsql;

namespace TaskChat.Data.Connection;

public static class DatabaseConnectionExtensions
{
    /// <summary>
    /// Caps the connections one process opens (DB_POOL_MAX). SQLite has no such cap: its connections
    /// are cheap file handles and writes are serialised by the file lock.
    /// </summary>
    public static DatabaseConnection WithPoolMax(this DatabaseConnection connection, int maxPoolSize)
    {
        if (connection.Provider != DatabaseProvider.Postgres)
        {
            return connection;
        }
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString) { MaxPoolSize = maxPoolSize };
        if (builder.MinPoolSize > maxPoolSize)
        {
            builder.MinPoolSize = maxPoolSize;
        }
        return connection with
        {
            ConnectionString = builder.ConnectionString,
            Summary = DatabaseUrl.PostgresSummary(builder),
        };
    }
}
