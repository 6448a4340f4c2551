using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TaskChat.Data.Connection;

/// <summary>
/// Puts every SQLite connection in WAL mode (readers never block the writer, so three processes can
/// share one file) with synchronous=NORMAL, the durable-enough setting WAL is designed for. Lock
/// waits are handled by the connection string's Default Timeout (Microsoft.Data.Sqlite retries a
/// busy database until it expires).
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
