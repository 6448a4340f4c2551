using TaskChat.Data.Connection;

namespace TaskChat.Web.Sessions;

/// <summary>
/// Deletes sessions past their end every hour. A dead session is already refused when used (and then
/// deleted); this removes the ones nobody comes back with. Every replica prunes: deleting twice is harmless.
/// </summary>
internal sealed class SessionPruning(SessionRecords sessions, TimeProvider clock, ILogger<SessionPruning> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var pruned = await sessions.PruneAsync(stoppingToken);
                if (pruned > 0)
                {
                    logger.LogInformation("Pruned {Count} expired sessions.", pruned);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not prune expired sessions: {Reason}", DatabaseErrors.ShortReason(e));
            }
        }
    }
}
