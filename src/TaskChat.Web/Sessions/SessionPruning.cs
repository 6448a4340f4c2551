using TaskChat.Data;
using TaskChat.Data.Accounts;
using TaskChat.Data.Hosting;

namespace TaskChat.Web.Sessions;

/// <summary>
/// Deletes sessions past their end every hour. A dead session is already refused when used (and then
/// deleted); this removes the ones nobody comes back with. It also drops the ids of deleted accounts whose last
/// tokens have expired (<see cref="DeletedAccounts.Kept"/>), having erased what writes running at the deletion left: the
/// web is where accounts are deleted. Every replica
/// prunes: deleting twice is harmless.
/// </summary>
internal sealed class SessionPruning(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SessionPruning> logger)
    : PeriodicDatabaseJob(Interval, scopes, clock, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override string Description => "prune expired sessions and deleted accounts' ids";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var pruned = await services.GetRequiredService<SessionRecords>().PruneAsync(cancellationToken);
        if (pruned > 0)
        {
            Logger.LogInformation("Pruned {Count} expired sessions.", pruned);
        }
        var (forgotten, erased) = await DeletedAccounts.PruneAsync(services.GetRequiredService<TaskChatDbContext>(), Clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (erased > 0)
        {
            Logger.LogInformation("Erased {Count} rows of deleted accounts that writes running at their deletion left.", erased);
        }
        if (forgotten > 0)
        {
            Logger.LogInformation("Pruned {Count} deleted accounts' ids whose tokens have all expired.", forgotten);
        }
    }
}
