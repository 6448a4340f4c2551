using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Events;
using TaskChat.Data.Model;

namespace TaskChat.Data.Notifications;

/// <summary>
/// One user's notifications: the list, the unread count, marking read. Every query is scoped to the
/// owner given (the signed-in user), so an id of someone else's notification changes nothing.
/// </summary>
public sealed class NotificationStore(TaskChatDbContext db, TimeProvider clock)
{
    /// <summary>How many the list shows (the newest); older ones stay in the database, read.</summary>
    public const int ListSize = 100;

    public async Task<IReadOnlyList<Notification>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.Id)
            .Take(ListSize)
            .ToListAsync(cancellationToken);

    /// <summary>The given notifications of <paramref name="userId"/> (others' ids are left out), oldest first.</summary>
    public async Task<IReadOnlyList<Notification>> FindAsync(string userId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var wanted = ids.Take(ReminderDelivery.BatchSize).ToList();
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && wanted.Contains(n.Id))
            .OrderBy(n => n.Id)
            .ToListAsync(cancellationToken);
    }

    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    /// <summary>Marks one notification read; false when it is not the user's (or does not exist) or was already read.</summary>
    public async Task<bool> MarkReadAsync(string userId, long id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Notifications.Where(n => n.UserId == userId && n.Id == id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (changed > 0)
        {
            await UserEventChannel.NotifyAsync(db, new UserEventMessage(userId, UserEventKind.NotificationsChanged), cancellationToken);
        }
        return changed > 0;
    }

    /// <summary>
    /// Notes that an open page showed these notifications where the user could see them, so that none goes out by
    /// email (<see cref="ReminderFollowUp"/>); others' ids and ones already noted change nothing. Returns how many changed.
    /// </summary>
    public async Task<int> MarkShownAsync(string userId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return 0;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var wanted = ids.Take(ReminderDelivery.BatchSize).ToList();
        return await db.Notifications.Where(n => n.UserId == userId && wanted.Contains(n.Id) && n.ShownAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ShownAt, now), cancellationToken);
    }

    /// <summary>Marks every unread notification of the user read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (changed > 0)
        {
            await UserEventChannel.NotifyAsync(db, new UserEventMessage(userId, UserEventKind.NotificationsChanged), cancellationToken);
        }
        return changed;
    }
}
