namespace TaskChat.Data.Model;

/// <summary>
/// A reminder that went off, kept for its user: what every open tab shows at once and what the
/// notifications list shows on the next visit when nobody was connected. A snapshot (the task's
/// number and title at the time), so it still reads right after the task is renamed or deleted.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The task's per-user number (what links and people use), not its internal key.</summary>
    public long TaskNumber { get; set; }

    public required string Title { get; set; }

    /// <summary>When the reminder was due to go off (UTC).</summary>
    public DateTime FireAt { get; set; }

    /// <summary>When the delivery worker claimed it (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the user read or dismissed it; null while unread.</summary>
    public DateTime? ReadAt { get; set; }
}
