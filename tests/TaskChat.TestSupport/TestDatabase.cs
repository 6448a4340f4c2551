using TaskChat.Data;
using TaskChat.Data.Connection;

namespace TaskChat.TestSupport;

/// <summary>A migrated, empty database of its own for one test class.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>The value to give DATABASE_URL.</summary>
    public abstract string Url { get; }

    public DatabaseConnection Connection => DatabaseUrl.Parse(Url, "unused.db");

    public Data.TaskChatDbContext CreateDbContext() => DataServiceCollectionExtensions.CreateDbContext(Connection);

    public abstract ValueTask DisposeAsync();

    /// <summary>A database of the given provider: "sqlite" or "postgres".</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        TestDatabase database = provider == DatabaseProvider.Postgres
            ? await PostgresTestDatabase.CreateAsync()
            : new SqliteTestDatabase();
        await DatabaseMigrator.MigrateAsync(database.Connection);
        return database;
    }
}
