using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Events;
using TaskChat.Data.Model;

namespace TaskChat.Data.Notifications;

/// <summary>
/// Claims the reminders that are due and turns them into notifications, exactly once however many
/// workers run: the claim, the notifications and the event that announces them commit together.
/// On PostgreSQL the claim is <c>FOR UPDATE SKIP LOCKED</c> (replicas take disjoint batches and never
/// wait for each other); on SQLite the transaction holds the one write lock and the claim is
/// conditional (<c>AND sent_at IS NULL</c>), so a second worker finds nothing left.
/// A reminder of a completed task is claimed too, without a notification: it never fires, and it
/// leaves the due index. So is a reminder of a deleted task (DeletedAt): restored, it does not go off late.
/// </summary>
public sealed class ReminderDelivery(TaskChatDbContext db, TimeProvider clock)
{
    /// <summary>At most this many per transaction; the worker loops while batches come back full.</summary>
    public const int BatchSize = 200;

    /// <summary>One claimed row, as the UPDATE ... RETURNING gives it.</summary>
    private sealed record ClaimedReminder(long Id, long TaskId, string UserId, DateTime FireAt);

    /// <summary>Delivers up to <see cref="BatchSize"/> due reminders; returns the notifications created (with their ids).</summary>
    public async Task<DeliveryBatch> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The poll's usual answer is "nothing": a read on the partial index, no transaction, no write lock.
        if (!await db.TaskReminders.AnyAsync(r => r.SentAt == null && r.FireAt != null && r.FireAt <= now, cancellationToken))
        {
            return DeliveryBatch.Empty;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await Claim(now).ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return DeliveryBatch.Empty; // Another worker took them.
        }
        var taskIds = claimed.Select(c => c.TaskId).Distinct().ToList();
        var pending = await db.Tasks.AsNoTracking()
            .Where(t => taskIds.Contains(t.Id) && !t.Completed && t.DeletedAt == null)
            .Select(t => new { t.Id, t.Number, t.Title })
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        var notifications = claimed
            .Where(c => pending.ContainsKey(c.TaskId))
            .OrderBy(c => c.FireAt)
            .Select(c => new Notification
            {
                UserId = c.UserId,
                TaskNumber = pending[c.TaskId].Number,
                Title = pending[c.TaskId].Title,
                FireAt = DateTime.SpecifyKind(c.FireAt, DateTimeKind.Utc),
                CreatedAt = now,
            })
            .ToList();
        db.Notifications.AddRange(notifications);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var user in notifications.GroupBy(n => n.UserId))
        {
            await UserEventChannel.NotifyAsync(db, new UserEventMessage(user.Key, UserEventKind.Reminder, [.. user.Select(n => n.Id)]), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new DeliveryBatch(claimed.Count, notifications);
    }

    private IQueryable<ClaimedReminder> Claim(DateTime now) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<ClaimedReminder>($"""
            UPDATE task_reminders SET sent_at = {now}
            WHERE id IN (
                SELECT id FROM task_reminders
                WHERE sent_at IS NULL AND fire_at IS NOT NULL AND fire_at <= {now}
                ORDER BY fire_at LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING id, task_id, user_id, fire_at -- snake_case: the naming convention maps this type too
            """)
        : db.Database.SqlQuery<ClaimedReminder>($"""
            UPDATE task_reminders SET sent_at = {now}
            WHERE id IN (
                SELECT id FROM task_reminders
                WHERE sent_at IS NULL AND fire_at IS NOT NULL AND fire_at <= {now}
                ORDER BY fire_at LIMIT {BatchSize})
              AND sent_at IS NULL
            RETURNING id, task_id, user_id, fire_at -- snake_case: the naming convention maps this type too
            """);
}

/// <summary>What one delivery pass did: how many reminders it claimed, and the notifications it created for them.</summary>
public sealed record DeliveryBatch(int Claimed, IReadOnlyList<Notification> Notifications)
{
    public static readonly DeliveryBatch Empty = new(0, []);

    /// <summary>A full batch: more may be due at once (after an outage); deliver again without waiting.</summary>
    public bool MayHaveMore => Claimed >= ReminderDelivery.BatchSize;
}
