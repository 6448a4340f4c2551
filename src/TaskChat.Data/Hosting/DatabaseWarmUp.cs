using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Connection;

namespace TaskChat.Data.Hosting;

/// <summary>
/// Starts the database layer on a thread-pool thread while the host is still being built. A service
/// is not ready before its first query, and that first query costs about 0.3–0.5 s of one core, most
/// of it the JIT: EF Core's internal services over the compiled model, the provider's first
/// connection (Npgsql reads the server's types on it) and the commands of the migration check and the
/// readiness check. Begun here, that work overlaps building the host on the main thread instead of
/// following it (issue 13). The connection it opens goes back to the pool the service then uses (the
/// providers pool per connection string). It reports nothing: the readiness check and the development
/// migrations say what is wrong with a database, and a warm-up must not say it a second time.
/// </summary>
internal static class DatabaseWarmUp
{
    public static void Start(DatabaseConnection connection) => _ = Task.Run(async () =>
    {
        try
        {
            await using var db = DataServiceCollectionExtensions.CreateDbContext(connection);
            // What every start runs first: the development migration check (it opens the connection),
            // then the readiness query.
            await DatabaseMigrator.IsUpToDateAsync(db, CancellationToken.None);
            await db.Database.ExecuteSqlRawAsync(DatabaseHealthCheck.Query);
        }
        catch (Exception)
        {
            // Down, unmigrated or misconfigured: the checks that run next report it, once.
        }
    });
}
