using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TaskChat.Data.Idempotency;

/// <summary>
/// Prunes expired idempotency keys every hour in the api and the mcp. Several replicas may prune at
/// once: a delete of old rows is harmless to repeat. A database outage is one warning, not a crash.
/// </summary>
public sealed class IdempotencyPruning(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyPruning> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
                var pruned = await IdempotencyRecords.PruneAsync(db, clock.GetUtcNow().UtcDateTime, stoppingToken);
                logger.LogDebug("Pruned {Count} expired idempotency keys", pruned);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not prune expired idempotency keys: {Reason}", Connection.DatabaseErrors.ShortReason(e));
            }
        }
    }
}

public static class IdempotencyPruningExtensions
{
    /// <summary>Hourly pruning of the idempotency keys older than <see cref="IdempotencyRecords.Retention"/>.</summary>
    public static IServiceCollection AddIdempotencyPruning(this IServiceCollection services) =>
        services.AddHostedService<IdempotencyPruning>();
}
