using Npgsql;
using Xunit;
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

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("taskchat-test-").FullName;

    public override string Url => "sqlite:" + Path.Combine(_directory, "taskchat.db");

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A process we started may still hold the file for a moment; the temp folder is cleaned eventually.
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A fresh database on the PostgreSQL server named by TASKCHAT_TEST_POSTGRES (a URL or key=value
/// string for a role that may create databases; .ci/run starts one). Without the variable the test
/// is skipped locally and fails under CI=true, where a missing PostgreSQL is an error.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ServerVariable = "TASKCHAT_TEST_POSTGRES";

    private readonly NpgsqlConnectionStringBuilder _admin;
    private readonly string _name;

    private PostgresTestDatabase(NpgsqlConnectionStringBuilder admin, string name)
    {
        _admin = admin;
        _name = name;
    }

    public override string Url => new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { Database = _name, Pooling = true }.ConnectionString;

    /// <summary>The server's admin connection, or null when no server is configured.</summary>
    public static NpgsqlConnectionStringBuilder? Server()
    {
        var value = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (IsCi)
            {
                throw new InvalidOperationException($"{ServerVariable} is not set: under CI the PostgreSQL tests must run (.ci/run starts a server).");
            }
            return null;
        }
        return new NpgsqlConnectionStringBuilder(DatabaseUrl.Parse(value, "unused.db").ConnectionString);
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = Server();
        Skip.If(admin is null, $"PostgreSQL tests need a server: set {ServerVariable} (bash .ci/run does).");
        var name = "taskchat_test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(admin!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(admin, name);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
