using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskChat.Data.Hosting;

namespace TaskChat.Data.Idempotency;

/// <summary>
/// Prunes expired idempotency keys every hour in the api and the mcp. Several replicas may prune at
/// once: a delete of old rows is harmless to repeat.
/// </summary>
public sealed class IdempotencyPruning(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyPruning> logger)
    : PeriodicDatabaseJob(Interval, scopes, clock, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override string Description => "prune expired idempotency keys";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var pruned = await IdempotencyRecords.PruneAsync(services.GetRequiredService<TaskChatDbContext>(), Clock.GetUtcNow().UtcDateTime, cancellationToken);
        Logger.LogDebug("Pruned {Count} expired idempotency keys", pruned);
    }
}

public static class IdempotencyPruningExtensions
{
    /// <summary>Hourly pruning of the idempotency keys older than <see cref="IdempotencyRecords.Retention"/>.</summary>
    public static IServiceCollection AddIdempotencyPruning(this IServiceCollection services) =>
        services.AddHostedService<IdempotencyPruning>();
}
