using Npgsql;
using TaskChat.Data.Connection;

namespace TaskChat.DeployTests.Support;

/// <summary>
/// An empty, unmigrated database for one test (the migrators under test create the schema): a fresh
/// PostgreSQL database on TASKCHAT_TEST_POSTGRES, or an SQLite file in a temporary folder.
/// Without TASKCHAT_TEST_POSTGRES a PostgreSQL test is skipped, except under CI=true, where it fails.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string? _server;
    private readonly string? _name;
    private readonly string? _directory;

    private ScratchDatabase(string url, string? server = null, string? name = null, string? directory = null)
    {
        Url = url;
        _server = server;
        _name = name;
        _directory = directory;
    }

    /// <summary>The value to give DATABASE_URL.</summary>
    public string Url { get; }

    public DatabaseConnection Connection => DatabaseUrl.Parse(Url, "unused.db");

    public static ScratchDatabase Sqlite()
    {
        var directory = Directory.CreateTempSubdirectory("taskchat-deploy-").FullName;
        return new ScratchDatabase("sqlite:" + Path.Combine(directory, "taskchat.db"), directory: directory);
    }

    public static async Task<ScratchDatabase> PostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable("TASKCHAT_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "TASKCHAT_TEST_POSTGRES must name a PostgreSQL server under CI.");
            Skip.If(true, "TASKCHAT_TEST_POSTGRES is not set.");
        }
        var serverConnection = DatabaseUrl.Parse(server, "unused.db").ConnectionString;
        var name = "taskchat_deploy_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(serverConnection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(serverConnection) { Database = name };
        return new ScratchDatabase(builder.ConnectionString, serverConnection, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A migrator process may hold the file a moment longer; the temp folder is cleaned eventually.
            }
        }
    }
}
