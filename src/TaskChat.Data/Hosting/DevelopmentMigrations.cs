using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskChat.Data.Connection;

namespace TaskChat.Data.Hosting;

/// <summary>
/// In development only, brings the database up to date at start-up so that `dotnet run --project
/// src/TaskChat.Mcp` works on a fresh clone on its own. Production never does this: there the
/// explicit migrate step runs once per deploy, not once per replica. A database that cannot be
/// reached is logged, not fatal: /health/ready reports it and the service recovers when it returns.
/// </summary>
internal sealed class DevelopmentMigrations(DatabaseConnection database, ILogger<DevelopmentMigrations> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
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
