using Microsoft.Data.Sqlite;
using Npgsql;
using TaskChat.Data.Connection;

namespace TaskChat.Data;

/// <summary>
/// One migrator at a time per database. EF Core's own migration lock is taken only after it has
/// created the history table, and two PostgreSQL sessions creating that table at once can still
/// collide (a duplicate pg_type row), so every migrator first takes this lock around the whole step:
/// a session-level advisory lock on PostgreSQL, an exclusive lock file beside the SQLite file.
/// The others wait, then find nothing pending.
/// </summary>
public static class MigrationLock
{
    /// <summary>The advisory lock key: "TaskChat" in ASCII, so that nothing else picks it by chance.</summary>
    public const long PostgresKey = 0x5461736B43686174;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <param name="connection">The database to migrate.</param>
    /// <param name="waiting">Called once when another migrator holds the lock (to say so).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public static async Task<IAsyncDisposable> AcquireAsync(DatabaseConnection connection, Action? waiting = null, CancellationToken cancellationToken = default)
    {
        if (connection.Provider == DatabaseProvider.Postgres)
        {
            return await AcquirePostgresAsync(connection, waiting, cancellationToken);
        }
        var file = LockFilePath(connection);
        return file is null ? NoLock.Instance : await AcquireFileAsync(file, waiting, cancellationToken);
    }

    /// <summary>The lock file of an SQLite database (its path plus ".migrate.lock"); null for an in-memory one, which no other process can see.</summary>
    public static string? LockFilePath(DatabaseConnection connection)
    {
        var builder = new SqliteConnectionStringBuilder(connection.ConnectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:"
            ? null
            : Path.GetFullPath(builder.DataSource) + ".migrate.lock";
    }

    private static async Task<IAsyncDisposable> AcquirePostgresAsync(DatabaseConnection connection, Action? waiting, CancellationToken cancellationToken)
    {
        // Its own connection, outside any pool: a session lock lives as long as the session.
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = false };
        var session = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await session.OpenAsync(cancellationToken);
            if (!await ExecuteAsync<bool>(session, "SELECT pg_try_advisory_lock(@key)", cancellationToken))
            {
                waiting?.Invoke();
                await ExecuteAsync<object>(session, "SELECT pg_advisory_lock(@key)", cancellationToken);
            }
            return new PostgresLock(session);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private static async Task<T> ExecuteAsync<T>(NpgsqlConnection session, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, session);
        command.Parameters.AddWithValue("key", PostgresKey);
        command.CommandTimeout = 0; // waiting for the lock is the point
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<IAsyncDisposable> AcquireFileAsync(string path, Action? waiting, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var announced = false;
        while (true)
        {
            try
            {
                // FileShare.None is an OS-level exclusive open: released by the OS when the holder dies.
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
            }
            catch (IOException)
            {
                if (!announced)
                {
                    waiting?.Invoke();
                    announced = true;
                }
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
    }

    private sealed class PostgresLock(NpgsqlConnection session) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Closing the session releases the lock too; unlocking first says so explicitly.
            try
            {
                await ExecuteAsync<bool>(session, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
            }
            finally
            {
                await session.DisposeAsync();
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class FileLock(FileStream stream) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}
