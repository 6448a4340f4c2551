using TaskChat.Data.Limits;

namespace TaskChat.Web.Auth.Throttling;

/// <summary>
/// Deletes lockout counters that no longer count (no failure within the lockout period, no lock), so a
/// flood over many emails leaves no lasting rows. Any replica may run it: deleting twice is harmless.
/// </summary>
internal sealed partial class SignInLockoutCleanup(IServiceScopeFactory scopes, WebSettings web, TimeProvider clock, ILogger<SignInLockoutCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SignInLockout>().DeleteStaleAsync(web.AuthLimits.LockoutPeriod, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be down for a while; the next round will catch up.
                LogCleanupFailed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete stale sign-in lockout counters ({Error}); retrying in 15 minutes.")]
    private static partial void LogCleanupFailed(ILogger logger, string error);
}
