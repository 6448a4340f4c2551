using Npgsql;
using TaskChat.Data.Connection;
using Xunit;

namespace TaskChat.TestSupport;

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
        // UTF-8 whatever the server's default: titles count characters, and an SQL_ASCII server would count bytes.
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0", connection);
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
