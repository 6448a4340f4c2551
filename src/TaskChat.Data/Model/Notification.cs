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

    /// <summary>
    /// When an open page showed it where its user could see it (a tab in front, or the browser's own
    /// notification); null while no page has. A reminder nobody saw goes out by email (<see cref="FollowedUpAt"/>).
    /// </summary>
    public DateTime? ShownAt { get; set; }

    /// <summary>
    /// When the email follow-up looked at it, a short while after it went off (REMINDER_EMAIL_DELAY_SECONDS): it was
    /// mailed then if no page had shown it, it was still unread, its task still to do, and its user takes reminders by
    /// email. Null until then; every notification is looked at once, mailed or not.
    /// </summary>
    public DateTime? FollowedUpAt { get; set; }
}
