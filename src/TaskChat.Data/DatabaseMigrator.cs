using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Connection;

namespace TaskChat.Data;

/// <summary>
/// Applies pending migrations. EF Core holds a database-wide lock while it migrates (an advisory lock
/// on PostgreSQL, a lock table on SQLite), so two processes migrating at once do not corrupt the
/// schema; deployments still migrate in one explicit step rather than in every replica.
/// </summary>
public static class DatabaseMigrator
{
    /// <returns>The migrations that were applied (empty when the database was up to date).</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(DatabaseConnection connection, CancellationToken cancellationToken = default)
    {
        await using var db = DataServiceCollectionExtensions.CreateDbContext(connection);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        return pending;
    }
}
