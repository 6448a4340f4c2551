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
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        return pending;
    }
}
