using Microsoft.Data.Sqlite;

namespace TaskChat.Data.Connection;

internal static class SqliteFiles
{
    /// <summary>SQLite creates the file but not its folder (.data/ on a fresh clone).</summary>
    public static void EnsureDirectoryFor(DatabaseConnection connection)
    {
        var path = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory) && path != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}
