using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskChat.Data.Connection;

namespace TaskChat.Data.Hosting;

/// <summary>
/// In development only, brings the database up to date at start-up so that `dotnet run --project
/// src/TaskChat.Mcp` works on a fresh clone on its own. Production never does this: there the
/// explicit migrate step runs once per deploy, not once per replica. A database that cannot be
/// reached is logged, not fatal: /health/ready reports it and the service recovers when it returns.
/// It runs before the service listens, so it first only looks, without the migration lock and with
/// the service's own context (whose model the readiness check needs anyway): under the launcher,
/// which migrated already and starts the three services at once, nobody then waits for the lock or
/// builds the model twice.
/// </summary>
internal sealed class DevelopmentMigrations(DatabaseConnection database, IServiceScopeFactory scopes, ILogger<DevelopmentMigrations> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                if (await DatabaseMigrator.IsUpToDateAsync(scope.ServiceProvider.GetRequiredService<TaskChatDbContext>(), cancellationToken))
                {
                    return;
                }
            }
            var applied = await DatabaseMigrator.MigrateAsync(database, cancellationToken);
            if (applied.Count > 0)
            {
                logger.LogInformation("Applied {Count} migration(s) to {Database}", applied.Count, database.Summary);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not migrate {Database}: {Reason}", database.Summary, DatabaseErrors.ShortReason(e));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
