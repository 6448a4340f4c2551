using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TaskChat.Data.Connection;

/// <summary>
/// Puts every SQLite connection in WAL mode (readers never block the writer, so three processes can
/// share one file) with synchronous=NORMAL, the durable-enough setting WAL is designed for, and a busy
/// timeout as long as the connection string's Default Timeout.
/// </summary>
/// <remarks>
/// The busy timeout matters under concurrency. Without it SQLite answers SQLITE_BUSY at once whenever
/// another connection (of this process or another one) holds the write lock, and Microsoft.Data.Sqlite
/// (10.0) then retries the statement after a fixed <c>Thread.Sleep(150)</c>, blocking the thread: with
/// 16 chat turns in flight that made most writes wait 150 ms for a lock held for well under a
/// millisecond. With a busy timeout SQLite's own busy handler waits for the lock in steps of 1 to 100 ms
/// and takes it as soon as it is free; the driver's retry loop then only runs once SQLite has waited the
/// whole timeout. Write transactions start with BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default for
/// BeginTransaction), so a transaction never has to upgrade a read lock, which no busy handler can wait out.
/// </remarks>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    /// <summary>The statements run on every opened connection, for a connection whose Default Timeout is <paramref name="defaultTimeoutSeconds"/>.</summary>
    public static string Pragmas(int defaultTimeoutSeconds) =>
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout="
        + (defaultTimeoutSeconds <= 0 ? int.MaxValue : Math.Min((long)defaultTimeoutSeconds * 1000, int.MaxValue)).ToString(CultureInfo.InvariantCulture) + ";";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas(TimeoutOf(connection));
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas(TimeoutOf(connection));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static int TimeoutOf(DbConnection connection) => connection is SqliteConnection sqlite ? sqlite.DefaultTimeout : 30;
}
