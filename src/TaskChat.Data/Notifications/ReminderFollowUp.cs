using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Model;

namespace TaskChat.Data.Notifications;

/// <summary>
/// Looks at each notification once, a short while after its reminder went off, and picks the ones to send by email: no
/// open page showed it (<see cref="Notification.ShownAt"/>), it is unread, its task is still to do, and its user takes
/// reminders by email (<see cref="TaskChatUser.EmailReminders"/>) at an address it confirmed (Identity's
/// <c>EmailConfirmed</c>: anyone may sign up with a stranger's email, whom the reminders must not reach). Claimed exactly once however many web replicas run
/// it, as <see cref="ReminderDelivery"/> claims reminders: <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, a conditional
/// update inside the one write lock on SQLite. The claim commits before anything is sent, so a message is sent at most
/// once: a web that stops between the two loses it (the notification is still in the list), never sends it twice.
/// </summary>
public sealed class ReminderFollowUp(TaskChatDbContext db, TimeProvider clock)
{
    /// <summary>At most this many per transaction; the worker loops while batches come back full.</summary>
    public const int BatchSize = 200;

    /// <summary>One claimed row, as the UPDATE ... RETURNING gives it.</summary>
    private sealed record ClaimedNotification(long Id, string UserId, long TaskNumber, string Title, DateTime FireAt, DateTime? ShownAt, DateTime? ReadAt);

    /// <summary>
    /// Claims the notifications created at least <paramref name="delay"/> ago that were not looked at yet, and returns
    /// the emails to send for them: one per user, their reminders oldest first. With <paramref name="mailing"/> false
    /// (the web sends no mail) they are claimed all the same and nothing is returned: turning mail on later does not
    /// send what went off long before.
    /// </summary>
    public async Task<FollowUpBatch> FollowUpAsync(TimeSpan delay, bool mailing, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - delay;
        // The poll's usual answer is "nothing": a read of the partial index, no transaction, no write lock.
        if (!await db.Notifications.AnyAsync(n => n.FollowedUpAt == null && n.CreatedAt <= cutoff, cancellationToken))
        {
            return FollowUpBatch.Empty;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await Claim(now, cutoff).ToListAsync(cancellationToken);
        var unseen = mailing ? claimed.Where(c => c.ShownAt is null && c.ReadAt is null).ToList() : [];
        IReadOnlyList<ReminderEmail> emails = unseen.Count == 0 ? [] : await EmailsForAsync(unseen, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FollowUpBatch(claimed.Count, emails);
    }

    private async Task<IReadOnlyList<ReminderEmail>> EmailsForAsync(List<ClaimedNotification> unseen, CancellationToken cancellationToken)
    {
        var userIds = unseen.Select(c => c.UserId).Distinct().ToList();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.EmailReminders && u.EmailConfirmed && u.Email != null)
            .Select(u => new { u.Id, Email = u.Email!, u.Name, u.TimeZone })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        // A task done or deleted since its reminder went off (on another device, by the chat) needs no email.
        var numbers = unseen.Where(c => recipients.ContainsKey(c.UserId)).Select(c => c.TaskNumber).Distinct().ToList();
        var stillToDo = (await db.Tasks.AsNoTracking()
                .Where(t => userIds.Contains(t.UserId) && numbers.Contains(t.Number) && !t.Completed && t.DeletedAt == null)
                .Select(t => new { t.UserId, t.Number })
                .ToListAsync(cancellationToken))
            .Select(t => (t.UserId, t.Number))
            .ToHashSet();
        return [.. unseen
            .Where(c => recipients.ContainsKey(c.UserId) && stillToDo.Contains((c.UserId, c.TaskNumber)))
            .GroupBy(c => c.UserId)
            .Select(user =>
            {
                var to = recipients[user.Key];
                return new ReminderEmail(user.Key, to.Email, to.Name, to.TimeZone, [.. user
                    .OrderBy(c => c.FireAt).ThenBy(c => c.Id)
                    .Select(c => new MissedReminder(c.Id, c.TaskNumber, c.Title, DateTime.SpecifyKind(c.FireAt, DateTimeKind.Utc)))]);
            })];
    }

    private IQueryable<ClaimedNotification> Claim(DateTime now, DateTime cutoff) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<ClaimedNotification>($"""
            UPDATE notifications SET followed_up_at = {now}
            WHERE id IN (
                SELECT id FROM notifications
                WHERE followed_up_at IS NULL AND created_at <= {cutoff}
                ORDER BY created_at LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING id, user_id, task_number, title, fire_at, shown_at, read_at -- snake_case: the naming convention maps this type too
            """)
        : db.Database.SqlQuery<ClaimedNotification>($"""
            UPDATE notifications SET followed_up_at = {now}
            WHERE id IN (
                SELECT id FROM notifications
                WHERE followed_up_at IS NULL AND created_at <= {cutoff}
                ORDER BY created_at LIMIT {BatchSize})
              AND followed_up_at IS NULL
            RETURNING id, user_id, task_number, title, fire_at, shown_at, read_at -- snake_case: the naming convention maps this type too
            """);
}

/// <summary>A reminder to mail: the notification's id, its task's number and title, and when it went off (UTC).</summary>
public sealed record MissedReminder(long NotificationId, long TaskNumber, string Title, DateTime FireAt);

/// <summary>One email to send: to whom, in which time zone its times are read, and the reminders it carries.</summary>
public sealed record ReminderEmail(string UserId, string Email, string Name, string TimeZone, IReadOnlyList<MissedReminder> Reminders);

/// <summary>What one follow-up pass did: how many notifications it looked at, and the emails to send for them.</summary>
public sealed record FollowUpBatch(int Claimed, IReadOnlyList<ReminderEmail> Emails)
{
    public static readonly FollowUpBatch Empty = new(0, []);

    /// <summary>A full batch: more may be waiting (after an outage); follow up again without waiting.</summary>
    public bool MayHaveMore => Claimed >= ReminderFollowUp.BatchSize;
}
