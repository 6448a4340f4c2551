using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Accounts;
using TaskChat.Data.Connection;
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

    private static readonly string TouchUpsert = TouchUpsertSql("VALUES ({0}, 0, 1, {1})", "last_number AS \"Value\"");

    /// <summary>The upsert that bumps the version, its row from <paramref name="row"/> (user, 0, 1, time), returning <paramref name="returning"/>.</summary>
    private static string TouchUpsertSql(string row, string returning) => $"""
        INSERT INTO user_task_counters (user_id, last_number, version, changed_at) {row}
        ON CONFLICT (user_id) DO UPDATE SET version = user_task_counters.version + 1, changed_at = excluded.changed_at
        RETURNING {returning}
        """;

    /// <summary>
    /// The upsert that hands out the next number, with the placeholders given for the user and the time.
    /// With <paramref name="belowLimit"/>, an existing counter is bumped only while its last number is below
    /// that limit, and otherwise returns no row (the row is still locked): what lets <see cref="TaskInsertStatement"/>
    /// add a task in one statement without counting the user's tasks. A deleted account gets no number and no row
    /// (<see cref="DeletedAccounts"/>): its counter was deleted with it, so the insert is the path a new number takes.
    /// </summary>
    internal static string NextNumberUpsertSql(string user, string now, string? belowLimit = null) => $"""
        INSERT INTO user_task_counters (user_id, last_number, version, changed_at) SELECT {user}, 1, 1, {now} WHERE {DeletedAccounts.NotDeleted(user)}
        ON CONFLICT (user_id) DO UPDATE SET last_number = user_task_counters.last_number + 1,
            version = user_task_counters.version + 1, changed_at = excluded.changed_at
        {(belowLimit is null ? "" : $"WHERE user_task_counters.last_number < {belowLimit}")}
        RETURNING last_number AS "Value"
        """;

    /// <summary>The next task number of <paramref name="userId"/>, bumping the version too; null when the account was deleted.</summary>
    public static Task<long?> NextNumberAsync(TaskChatDbContext db, string userId, DateTime now, CancellationToken cancellationToken) =>
        UpsertAsync(db, NextNumberUpsert, userId, now, cancellationToken);

    /// <summary>Records that <paramref name="userId"/>'s tasks changed (what live updates watch).</summary>
    public static Task TouchAsync(TaskChatDbContext db, string userId, DateTime now, CancellationToken cancellationToken) =>
        UpsertAsync(db, TouchUpsert, userId, now, cancellationToken);

    // The touch's text after a write of n arguments (its placeholders are numbered after the write's), built
    // once per n: the callers' writes take a handful of arguments, so this holds a few strings.
    private static readonly ConcurrentDictionary<int, string> TouchAfterWrite = new();

    /// <summary>
    /// A task's UPDATE or DELETE and the counter's touch in one statement, on PostgreSQL: one round trip where the
    /// write and the touch were two. Only when <paramref name="write"/> changed a row is the counter touched and
    /// "tasks changed" sent (by the upsert's RETURNING, once per upserted row): a write that found nothing (a
    /// concurrent request got there first) leaves the version alone and announces nothing, as before.
    /// The write is an UPDATE or DELETE of tasks without RETURNING; what comes back is how many rows it changed.
    /// The write is the last statement of <paramref name="transaction"/>: when that is a transaction of its own, the
    /// COMMIT goes in the same command (see <see cref="CommitWithStatement"/>) and the transaction is marked committed.
    /// </summary>
    public static async Task<int> WriteAndTouchOnPostgresAsync(TaskChatDbContext db, TaskStoreTransaction transaction, string userId, DateTime now,
        FormattableString write, CancellationToken cancellationToken)
    {
        var commit = transaction.CanCommitWithStatement;
        var touch = TouchAfterWrite.GetOrAdd(write.ArgumentCount, static next =>
            TouchUpsertSql($"SELECT {{{next}}}, 0, 1, {{{next + 1}}} WHERE EXISTS (SELECT 1 FROM written)", $"pg_notify({{{next + 2}}}, {{{next + 3}}})"));
        var sql = FormattableStringFactory.Create($"""
            WITH written AS ({write.Format} RETURNING 1), counter AS ({touch})
            SELECT (SELECT count(*)::int FROM written) AS "Value", (SELECT count(*) FROM counter) AS touched{(commit ? ";\nCOMMIT" : "")}
            """, [.. write.GetArguments(), userId, now, UserEventChannel.Name, UserEventMessage.TasksChanged(userId).ToPayload()]);
        var changed = (await db.Database.SqlQuery<int>(sql).ToListAsync(cancellationToken)).Single();
        if (commit)
        {
            transaction.CommittedWithStatement();
        }
        return changed;
    }

    private static async Task<long?> UpsertAsync(TaskChatDbContext db, string upsert, string userId, DateTime now, CancellationToken cancellationToken)
    {
        // On PostgreSQL the notification rides in the upsert's statement (a void function in FROM is one
        // row): every task write saves the round trip a SELECT pg_notify of its own took.
        var sql = db.Database.IsNpgsql()
            ? FormattableStringFactory.Create($"WITH counter AS ({upsert}) SELECT counter.\"Value\" FROM counter, pg_notify({{2}}, {{3}})",
                userId, now, UserEventChannel.Name, UserEventMessage.TasksChanged(userId).ToPayload())
            : FormattableStringFactory.Create(upsert, userId, now);
        return await db.Database.SqlQuery<long>(sql).ToListAsync(cancellationToken) is [var value] ? value : null;
    }
}
