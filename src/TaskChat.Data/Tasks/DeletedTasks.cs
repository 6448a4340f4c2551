using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskChat.Contract;
using TaskChat.Data.Hosting;

namespace TaskChat.Data.Tasks;

/// <summary>
/// Deleted tasks wait here for their undo (<see cref="TaskStore.RestoreAsync"/>), then go for good: a week is longer
/// than anyone takes to notice a deletion they did not mean, and short enough that a deleted task is not kept around.
/// </summary>
public static class DeletedTasks
{
    public static readonly TimeSpan Retention = DeletedTaskRetention.Period;

    /// <summary>Removes the tasks deleted more than <see cref="Retention"/> before <paramref name="now"/> (their tags and reminders by cascade).</summary>
    public static Task<int> PurgeAsync(TaskChatDbContext db, DateTime now, CancellationToken cancellationToken = default)
    {
        var cutoff = now - Retention;
        return db.Tasks.Where(t => t.DeletedAt != null && t.DeletedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>
/// Purges deleted tasks past their retention every hour in the api and the mcp (where the idempotency keys are pruned).
/// Several replicas may purge at once: a delete of old rows is harmless to repeat.
/// </summary>
public sealed class DeletedTaskPurging(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeletedTaskPurging> logger)
    : PeriodicDatabaseJob(Interval, scopes, clock, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override string Description => "purge deleted tasks";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var purged = await DeletedTasks.PurgeAsync(services.GetRequiredService<TaskChatDbContext>(), Clock.GetUtcNow().UtcDateTime, cancellationToken);
        Logger.LogDebug("Purged {Count} deleted tasks", purged);
    }
}

public static class DeletedTaskPurgingExtensions
{
    /// <summary>Hourly purge of the tasks deleted more than <see cref="DeletedTasks.Retention"/> ago.</summary>
    public static IServiceCollection AddDeletedTaskPurging(this IServiceCollection services) =>
        services.AddHostedService<DeletedTaskPurging>();
}
