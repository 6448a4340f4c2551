using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TaskChat.Data.Connection;

/// <summary>
/// Classifies database exceptions for health reports and error results. The reasons are short and
/// fixed: a driver's own message can name hosts, users or SQL, and none of that belongs in a reply.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>True when the database could not be reached or used, as opposed to a bug of ours.</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        NpgsqlException npgsql => npgsql is not PostgresException postgres || IsUnavailableState(postgres.SqlState),
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 10 or 11 or 13 or 14 or 26 // BUSY LOCKED IOERR CORRUPT FULL CANTOPEN NOTADB
            || IsMissingSchema(sqlite),
        TimeoutException or SocketException => true,
        Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException => true,
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };

    /// <summary>
    /// True only for a unique-key violation (PostgreSQL 23505, SQLite's UNIQUE or PRIMARY KEY
    /// constraint): the one database error that may be read as "already exists".
    /// </summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        _ => exception.InnerException is { } inner && IsUniqueViolation(inner),
    };

    /// <summary>A few words on why the database is unusable, for "error: &lt;reason&gt;".</summary>
    public static string ShortReason(Exception exception) => exception switch
    {
        PostgresException { SqlState: "28P01" or "28000" } => "authentication failed",
        PostgresException { SqlState: "3D000" } => "database does not exist",
        PostgresException { SqlState: "42P01" } => "schema not migrated",
        PostgresException { SqlState: "53300" } => "too many connections",
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => "server shutting down or starting",
        PostgresException => "server error",
        NpgsqlException { InnerException: SocketException socket } => SocketReason(socket),
        NpgsqlException { InnerException: TimeoutException } or TimeoutException => "timeout",
        NpgsqlException { InnerException: System.Security.Authentication.AuthenticationException } => "TLS handshake failed",
        NpgsqlException => "connection failed",
        SqliteException sqlite when IsMissingSchema(sqlite) => "schema not migrated",
        SqliteException { SqliteErrorCode: 5 or 6 } => "database is locked",
        SqliteException { SqliteErrorCode: 14 } => "cannot open database file",
        SqliteException { SqliteErrorCode: 26 or 11 } => "not a valid database file",
        SqliteException => "sqlite error",
        SocketException socket => SocketReason(socket),
        OperationCanceledException => "timeout",
        _ when exception.InnerException is { } inner => ShortReason(inner),
        _ => "unavailable",
    };

    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
        || sqlState.StartsWith("28", StringComparison.Ordinal) // authentication
        || sqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources
        || sqlState.StartsWith("57P", StringComparison.Ordinal) // shutdown, cannot connect now
        || sqlState is "3D000" or "42P01"; // missing database, missing table (not migrated)

    private static bool IsMissingSchema(SqliteException exception) =>
        exception.SqliteErrorCode == 1 && exception.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase);

    private static string SocketReason(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.TimedOut => "timeout",
        _ => "network error",
    };
}
