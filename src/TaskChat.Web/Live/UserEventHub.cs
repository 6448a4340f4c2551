using TaskChat.Data.Events;
using TaskChat.Data.Model;
using TaskChat.Data.Notifications;

namespace TaskChat.Web.Live;

/// <summary>What an open page hears: the kind, and for reminders the notifications to show.</summary>
public sealed record LiveEvent(UserEventKind Kind, IReadOnlyList<Notification> Reminders)
{
    public static LiveEvent Of(UserEventKind kind) => new(kind, []);
}

/// <summary>
/// The web replica's in-process fan-out: every open page (a Blazor circuit) of a user subscribes with
/// the user's id, and each event for that user reaches all of them. Events come from
/// <see cref="PostgresEventListener"/> (every replica hears every write), or on SQLite from
/// <see cref="TaskVersionPoller"/> and <see cref="ReminderDeliveryWorker"/> in this process.
/// </summary>
public sealed class UserEventHub(IServiceScopeFactory scopes, ILogger<UserEventHub> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Func<LiveEvent, Task>>> _handlers = new(StringComparer.Ordinal);

    /// <summary>Calls <paramref name="handler"/> for each of the user's events until the result is disposed.</summary>
    public IDisposable Subscribe(string userId, Func<LiveEvent, Task> handler)
    {
        lock (_gate)
        {
            if (!_handlers.TryGetValue(userId, out var list))
            {
                _handlers[userId] = list = [];
            }
            list.Add(handler);
        }
        return new Subscription(this, userId, handler);
    }

    /// <summary>The users with at least one open page on this replica (what the SQLite poller asks about).</summary>
    public IReadOnlyList<string> ConnectedUsers()
    {
        lock (_gate)
        {
            return [.. _handlers.Keys];
        }
    }

    /// <summary>
    /// Hands a message from the channel to the user's pages; for reminders, first reads the
    /// notifications it names (the user's own only: the message carries ids, never content).
    /// </summary>
    public async Task DispatchAsync(UserEventMessage message, CancellationToken cancellationToken = default)
    {
        if (!HasSubscribers(message.UserId))
        {
            return;
        }
        IReadOnlyList<Notification> reminders = [];
        if (message.Kind == UserEventKind.Reminder)
        {
            await using var scope = scopes.CreateAsyncScope();
            reminders = await scope.ServiceProvider.GetRequiredService<NotificationStore>()
                .FindAsync(message.UserId, message.NotificationIds ?? [], cancellationToken);
            if (reminders.Count == 0)
            {
                return;
            }
        }
        Dispatch(message.UserId, new LiveEvent(message.Kind, reminders));
    }

    /// <summary>Hands <paramref name="live"/> to every open page of the user, without waiting for their renders.</summary>
    public void Dispatch(string userId, LiveEvent live)
    {
        Func<LiveEvent, Task>[] handlers;
        lock (_gate)
        {
            if (!_handlers.TryGetValue(userId, out var list))
            {
                return;
            }
            handlers = [.. list];
        }
        foreach (var handler in handlers)
        {
            _ = InvokeAsync(handler, live);
        }
    }

    /// <summary>Every open page re-reads what it shows: after the channel was down, events may have been missed.</summary>
    public void DispatchToEveryone(UserEventKind kind)
    {
        foreach (var user in ConnectedUsers())
        {
            Dispatch(user, LiveEvent.Of(kind));
        }
    }

    private bool HasSubscribers(string userId)
    {
        lock (_gate)
        {
            return _handlers.ContainsKey(userId);
        }
    }

    private async Task InvokeAsync(Func<LiveEvent, Task> handler, LiveEvent live)
    {
        try
        {
            await handler(live);
        }
        catch (Exception e)
        {
            // One page's failure (a circuit going away mid-render) must not stop the others' events.
            logger.LogDebug(e, "An open page failed to handle a {Kind} event", live.Kind);
        }
    }

    private void Unsubscribe(string userId, Func<LiveEvent, Task> handler)
    {
        lock (_gate)
        {
            if (_handlers.TryGetValue(userId, out var list) && list.Remove(handler) && list.Count == 0)
            {
                _handlers.Remove(userId);
            }
        }
    }

    private sealed class Subscription(UserEventHub hub, string userId, Func<LiveEvent, Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                hub.Unsubscribe(userId, handler);
            }
        }
    }
}
