using TaskChat.Data.Hosting;
using TaskChat.Data.Limits;

namespace TaskChat.Web.Auth.Throttling;

/// <summary>
/// Deletes lockout counters that no longer count (no failure within the lockout period, no lock), so a
/// flood over many emails leaves no lasting rows. Any replica may run it: deleting twice is harmless.
/// </summary>
internal sealed class SignInLockoutCleanup(IServiceScopeFactory scopes, WebSettings web, TimeProvider clock, ILogger<SignInLockoutCleanup> logger)
    : PeriodicDatabaseJob(Interval, scopes, clock, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override string Description => "delete stale sign-in lockout counters";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SignInLockout>().DeleteStaleAsync(web.AuthLimits.LockoutPeriod, cancellationToken);
}
