using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskChat.Data.Connection;

namespace TaskChat.Data.Hosting;

/// <summary>
/// A clean-up that runs against the database every interval on the injected clock (a
/// FakeTimeProvider in tests), each run in its own DI scope so it gets a fresh DbContext. A run that
/// fails is never a crash of the host, and the next tick tries again: a database that is down or not
/// migrated yet is one warning line without a stack, anything else an error with its stack. Every replica may run the same job; each of ours is a delete or a check
/// that is harmless to repeat.
/// </summary>
/// <param name="interval">The time between two runs.</param>
/// <param name="scopes">Makes the scope of each run.</param>
/// <param name="clock">The clock the interval is measured on.</param>
/// <param name="logger">Takes the job's category, so its warnings can be told apart.</param>
public abstract class PeriodicDatabaseJob(TimeSpan interval, IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>What a run does, for the warning when it fails: "prune expired sessions".</summary>
    protected abstract string Description { get; }

    /// <summary>Whether the first run is at start-up rather than one interval after it.</summary>
    protected virtual bool RunsAtStart => false;

    /// <summary>The clock the job runs on.</summary>
    protected TimeProvider Clock => clock;

    /// <summary>The job's own logger (its category is the job's type).</summary>
    protected ILogger Logger => logger;

    /// <summary>One run, with the services of its own scope.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            if (RunsAtStart)
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping. A host whose start failed (its port taken) is disposed without being stopped, and the host
            // then logged this cancellation as a crash of the job ("BackgroundService failed", critical) beside the
            // real reason: seen in the launcher's output while a test held the api's port.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunAsync(scope.ServiceProvider, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            if (DatabaseErrors.IsUnavailable(e) || e is OperationCanceledException)
            {
                // No stack: the reason is the database's state, not a bug, and the next run tries again.
                logger.LogWarning("Could not {Job}: {Reason}; trying again in {Interval}.", Description, DatabaseErrors.ShortReason(e), interval);
            }
            else
            {
                // A bug of ours: the stack is what fixes it. The host keeps serving; the next run tries again.
                logger.LogError(e, "Could not {Job}; trying again in {Interval}.", Description, interval);
            }
        }
    }
}
