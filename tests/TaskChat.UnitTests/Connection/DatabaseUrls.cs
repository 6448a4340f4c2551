using Npgsql;
using TaskChat.Data.Connection;

namespace TaskChat.UnitTests.Connection;

internal static class DatabaseUrls
{
    /// <summary>The password in every invalid URL of these tests: no error message may contain it.</summary>
    public const string Password = "Hunter2Secret";

    public static readonly string DefaultSqlitePath = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "taskchat-unit", "default.db"));

    public static NpgsqlConnectionStringBuilder Npgsql(string url) =>
        new(DatabaseUrl.Parse(url, DefaultSqlitePath).ConnectionString);

    public static string SqlitePath(string? url)
    {
        var connection = DatabaseUrl.Parse(url, DefaultSqlitePath);
        Assert.Equal(DatabaseProvider.Sqlite, connection.Provider);
        return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
    }
}
