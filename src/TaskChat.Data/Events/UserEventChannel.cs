using Microsoft.EntityFrameworkCore;

namespace TaskChat.Data.Events;

/// <summary>
/// The PostgreSQL channel that carries <see cref="UserEventMessage"/>s to every web replica. A write
/// sends its message inside its own transaction: PostgreSQL delivers it at commit, and never for a
/// write that rolled back. On SQLite there is no channel (one web replica by design): the web polls
/// the task counters and hears its own reminders in process. Task writes do not call
/// <see cref="NotifyAsync"/>: their "tasks changed" rides in the task counter's upsert
/// (<c>TaskCounters</c>), one round trip instead of two.
/// </summary>
public static class UserEventChannel
{
    public const string Name = "taskchat_events";

    /// <summary>PostgreSQL's limit is 8,000 bytes; ours are a user id and a few numbers.</summary>
    public const int MaxPayloadLength = 7900;

    /// <summary>Sends <paramref name="message"/> on PostgreSQL (at the current transaction's commit); nothing on SQLite.</summary>
    public static async Task NotifyAsync(TaskChatDbContext db, UserEventMessage message, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }
        var payload = message.ToPayload();
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Name}, {payload})", cancellationToken);
    }
}
