using TaskChat.Data.Connection;
using TaskChat.Data.Events;
using TaskChat.Data.Model;
using TaskChat.Data.Notifications;

namespace TaskChat.Web.Live;

/// <summary>
/// The notifications of the signed-in user for the web's components. A scope per call: components of
/// one circuit may ask at the same time, and a DbContext takes one query at a time. Marking read tells
/// the user's other tabs (on SQLite here, in process; on PostgreSQL the store's NOTIFY does it).
/// </summary>
public sealed class NotificationInbox(IServiceScopeFactory scopes, UserEventHub hub, DatabaseConnection database)
{
    public Task<IReadOnlyList<Notification>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        WithStoreAsync(store => store.ListAsync(userId, cancellationToken));

    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default) =>
        WithStoreAsync(store => store.UnreadCountAsync(userId, cancellationToken));

    public async Task<bool> MarkReadAsync(string userId, long id, CancellationToken cancellationToken = default)
    {
        var changed = await WithStoreAsync(store => store.MarkReadAsync(userId, id, cancellationToken));
        TellOtherTabs(userId, changed);
        return changed;
    }

    public async Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        var changed = await WithStoreAsync(store => store.MarkAllReadAsync(userId, cancellationToken));
        TellOtherTabs(userId, changed > 0);
        return changed;
    }

    /// <summary>The user saw these in a page: they are not sent by email (other tabs need not hear of it).</summary>
    public Task<int> MarkShownAsync(string userId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default) =>
        WithStoreAsync(store => store.MarkShownAsync(userId, ids, cancellationToken));

    private void TellOtherTabs(string userId, bool changed)
    {
        if (changed && database.Provider != DatabaseProvider.Postgres)
        {
            hub.Dispatch(userId, LiveEvent.Of(UserEventKind.NotificationsChanged));
        }
    }

    private async Task<T> WithStoreAsync<T>(Func<NotificationStore, Task<T>> use)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<NotificationStore>());
    }
}
