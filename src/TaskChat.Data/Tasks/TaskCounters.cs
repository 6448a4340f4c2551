using System.Runtime.CompilerServices;
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
    // {0} the user, {1} the time. Each returns the counter's last number as "Value" (EF's name for a scalar column).
    private static readonly string NextNumberUpsert = NextNumberUpsertSql("{0}", "{1}");

    private const string TouchUpsert = """
        INSERT INTO user_task_counters (user_id, last_number, version, changed_at) VALUES ({0}, 0, 1, {1})
        ON CONFLICT (user_id) DO UPDATE SET version = user_task_counters.version + 1, changed_at = excluded.changed_at
        RETURNING last_number AS "Value"
        """;

    /// <summary>
    /// The upsert that hands out the next number, with the placeholders given for the user and the time.
    /// With <paramref name="belowLimit"/>, an existing counter is bumped only while its last number is below
    /// that limit, and otherwise returns no row (the row is still locked): what lets <see cref="TaskInsertStatement"/>
    /// add a task in one statement without counting the user's tasks.
    /// </summary>
    internal static string NextNumberUpsertSql(string user, string now, string? belowLimit = null) => $"""
        INSERT INTO user_task_counters (user_id, last_number, version, changed_at) VALUES ({user}, 1, 1, {now})
        ON CONFLICT (user_id) DO UPDATE SET last_number = user_task_counters.last_number + 1,
            version = user_task_counters.version + 1, changed_at = excluded.changed_at
        {(belowLimit is null ? "" : $"WHERE user_task_counters.last_number < {belowLimit}")}
        RETURNING last_number AS "Value"
        """;

    /// <summary>The next task number of <paramref name="userId"/>; bumps the version too.</summary>
    public static Task<long> NextNumberAsync(TaskChatDbContext db, string userId, DateTime now, CancellationToken cancellationToken) =>
        UpsertAsync(db, NextNumberUpsert, userId, now, cancellationToken);

    /// <summary>Records that <paramref name="userId"/>'s tasks changed (what live updates watch).</summary>
    public static Task TouchAsync(TaskChatDbContext db, string userId, DateTime now, CancellationToken cancellationToken) =>
        UpsertAsync(db, TouchUpsert, userId, now, cancellationToken);

    private static async Task<long> UpsertAsync(TaskChatDbContext db, string upsert, string userId, DateTime now, CancellationToken cancellationToken)
    {
        // On PostgreSQL the notification rides in the upsert's statement (a void function in FROM is one
        // row): every task write saves the round trip a SELECT pg_notify of its own took.
        var sql = db.Database.IsNpgsql()
            ? FormattableStringFactory.Create($"WITH counter AS ({upsert}) SELECT counter.\"Value\" FROM counter, pg_notify({{2}}, {{3}})",
                userId, now, UserEventChannel.Name, UserEventMessage.TasksChanged(userId).ToPayload())
            : FormattableStringFactory.Create(upsert, userId, now);
        return (await db.Database.SqlQuery<long>(sql).ToListAsync(cancellationToken)).Single();
    }
}
