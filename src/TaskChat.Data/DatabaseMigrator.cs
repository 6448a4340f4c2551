using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Connection;

namespace TaskChat.Data;

/// <summary>
/// Applies pending migrations under <see cref="MigrationLock"/>, so two processes migrating at once
/// (two replicas' jobs, a retried pre-deploy step) take turns: one applies, the other finds nothing
/// pending. Deployments still migrate in one explicit step rather than in every replica.
/// </summary>
public static class DatabaseMigrator
{
    /// <returns>The migrations that were applied (empty when the database was up to date).</returns>
    public static Task<IReadOnlyList<string>> MigrateAsync(DatabaseConnection connection, CancellationToken cancellationToken = default) =>
        MigrateAsync(connection, waiting: null, cancellationToken);

    /// <param name="connection">The database.</param>
    /// <param name="waiting">Called when another migrator holds the lock.</param>
    /// <param name="cancellationToken">Stops the wait or the migration.</param>
    public static async Task<IReadOnlyList<string>> MigrateAsync(DatabaseConnection connection, Action? waiting, CancellationToken cancellationToken = default)
    {
        await using var migrationLock = await MigrationLock.AcquireAsync(connection, waiting, cancellationToken);
        await using var db = DataServiceCollectionExtensions.CreateDbContext(connection);
        if (await IsUpToDateAsync(db, cancellationToken))
        {
            return [];
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        return pending;
    }

    /// <summary>
    /// Whether the newest migration this build knows is in the history (EF applies them in order).
    /// One plain query: EF's own GetPendingMigrationsAsync first builds a model for the history table,
    /// about 0.5 s of each service's start-up (issue 13). Any failure (no history table yet, no
    /// database) counts as not up to date, and the migrator then says what is wrong.
    /// </summary>
    public static async Task<bool> IsUpToDateAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.GetMigrations().LastOrDefault() is not { } newest)
        {
            return true;
        }
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT 1 FROM {DataServiceCollectionExtensions.MigrationsHistoryTable} WHERE migration_id = @newest";
            command.AddParameter("@newest", newest);
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        }
        catch (DbException)
        {
            return false;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
