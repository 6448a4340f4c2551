using Microsoft.EntityFrameworkCore;
using TaskChat.Data;
using TaskChat.Data.Connection;
using TaskChat.Data.Events;

namespace TaskChat.Web.Live;

/// <summary>
/// On SQLite (no NOTIFY; one web replica), tasks changed by the api or the mcp are noticed by reading
/// the version that every task write bumps in user_task_counters: one query every
/// TASK_CHANGES_POLL_SECONDS for all users with an open page on this web, and a "tasks changed" event
/// for each user whose version moved.
/// </summary>
public sealed class TaskVersionPoller(IServiceScopeFactory scopes, UserEventHub hub, WebSettings settings, TimeProvider clock, ILogger<TaskVersionPoller> logger)
    : BackgroundService
{
    /// <summary>SQLite allows 999 parameters in old builds; ask in chunks well under that.</summary>
    private const int UsersPerQuery = 500;

    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A delay per round, not a PeriodicTimer: a clock that jumps (a test's fake clock moved by days) costs one round.
        try
        {
            while (true)
            {
                await Task.Delay(settings.Live.TaskChangesPollInterval, clock, stoppingToken);
                try
                {
                    await PollAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // The next tick tries again; an exception here would stop the whole web. One warning per outage.
                    if (!_failing)
                    {
                        _failing = true;
                        logger.LogWarning("Could not look for changed tasks: {Reason}", DatabaseErrors.ShortReason(e));
                    }
                    continue;
                }
                _failing = false;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One look at the versions of the connected users' tasks.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        var users = hub.ConnectedUsers();
        foreach (var gone in _seen.Keys.Except(users).ToList())
        {
            _seen.Remove(gone);
        }
        if (users.Count == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        foreach (var chunk in users.Chunk(UsersPerQuery))
        {
            var versions = await db.UserTaskCounters.AsNoTracking()
                .Where(c => chunk.Contains(c.UserId))
                .Select(c => new { c.UserId, c.Version })
                .ToDictionaryAsync(c => c.UserId, c => c.Version, StringComparer.Ordinal, cancellationToken);
            foreach (var user in chunk)
            {
                var version = versions.GetValueOrDefault(user); // No row yet: no task was ever written (0).
                // A user seen for the first time opened a page since the last look, and a task may have changed
                // between that page's load and now: one reload too many is cheap, a missed change is not.
                // (Version 0: no task was ever written, so there is nothing the page could have missed.)
                var changed = _seen.TryGetValue(user, out var before) ? before != version : version != 0;
                if (changed)
                {
                    hub.Dispatch(user, LiveEvent.Of(UserEventKind.TasksChanged));
                }
                _seen[user] = version;
            }
        }
    }
}
