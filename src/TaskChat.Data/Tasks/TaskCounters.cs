using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Events;

namespace TaskChat.Data.Tasks;

/// <summary>
/// The per-user counter row (user_task_counters): task numbers handed out by one atomic upsert (the
/// same SQL on PostgreSQL and SQLite 3.35+), and a version bumped by every write. Call inside the
/// write's transaction: on PostgreSQL the row lock then orders concurrent adds of one user, on
/// SQLite the transaction is already the only writer. On PostgreSQL both also send "tasks changed"
/// on <see cref="UserEventChannel"/>, delivered at the write's commit: what open tasks pages on every
/// web replica listen for (on SQLite the web polls the version instead).
/// </summary>
internal static class TaskCounters
{
    /// <summary>The next task number of <paramref name="userId"/>; bumps the version too.</summary>
    public static async Task<long> NextNumberAsync(TaskChatDbContext db, string userId, DateTime now, CancellationToken cancellationToken)
    {
        var numbers = await db.Database.SqlQuery<long>($"""
            INSERT INTO user_task_counters (user_id, last_number, version, changed_at) VALUES ({userId}, 1, 1, {now})
            ON CONFLICT (user_id) DO UPDATE SET last_number = user_task_counters.last_number + 1,
                version = user_task_counters.version + 1, changed_at = excluded.changed_at
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken);
        await UserEventChannel.NotifyAsync(db, UserEventMessage.TasksChanged(userId), cancellationToken);
        return numbers.Single();
    }

    /// <summary>Records that <paramref name="userId"/>'s tasks changed (what live updates watch).</summary>
    public static async Task TouchAsync(TaskChatDbContext db, string userId, DateTime now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO user_task_counters (user_id, last_number, version, changed_at) VALUES ({userId}, 0, 1, {now})
            ON CONFLICT (user_id) DO UPDATE SET version = user_task_counters.version + 1, changed_at = excluded.changed_at
            """, cancellationToken);
        await UserEventChannel.NotifyAsync(db, UserEventMessage.TasksChanged(userId), cancellationToken);
    }
}
