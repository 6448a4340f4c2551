namespace TaskChat.Data.Model;

/// <summary>
/// A reminder of a task: at a fixed time (<see cref="At"/>) or some minutes before the task is due
/// (<see cref="MinutesBefore"/>). <see cref="FireAt"/> is when it goes off, computed whenever the
/// reminder or the task's due time changes, so that a delivery worker needs one indexed query:
/// unsent reminders whose FireAt has passed.
/// </summary>
public sealed class TaskReminder
{
    public long Id { get; set; }
    public long TaskId { get; set; }

    /// <summary>The task's owner, copied so that delivery needs no join to know whom to tell.</summary>
    public required string UserId { get; set; }

    /// <summary>An absolute reminder's time (UTC).</summary>
    public DateTime? At { get; set; }

    /// <summary>A relative reminder: this many minutes before the task is due.</summary>
    public int? MinutesBefore { get; set; }

    /// <summary>When it goes off (UTC); null for a relative reminder of a task with no due date.</summary>
    public DateTime? FireAt { get; set; }

    /// <summary>
    /// When the delivery worker claimed it (a notification was created, or the task was completed by then
    /// and nothing was), or when its moment was set already passed (nothing is delivered:
    /// <see cref="Tasks.TaskEdits.ScheduleReminders"/>); null while it waits. A new moment (a new due time, a
    /// new reminder, a skip, the next occurrence) sets it again: null when ahead, passed when behind.
    /// </summary>
    public DateTime? SentAt { get; set; }
}
