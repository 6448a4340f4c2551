using TaskChat.Contract;
using TaskChat.Data.Model;

namespace TaskChat.Data.Tasks;

public static class TaskViews
{
    /// <summary>
    /// The stored task as the wire shows it (REST and list_tasks): its per-user number as id, dates in
    /// <paramref name="owner"/>'s time zone with their offset, <c>overdue</c> as of <paramref name="now"/>.
    /// </summary>
    public static TaskView ToView(this TaskItem task, TaskOwner owner, DateTime now) => new(
        task.Number,
        task.Title,
        task.Description,
        task.Completed,
        task.CreatedAt,
        task.UpdatedAt,
        task.CompletedAt,
        DueText(task, owner.TimeZone),
        IsOverdue(task, owner.TimeZone, now),
        TaskFieldRules.Name(task.Priority),
        [.. task.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)],
        task.Recurrence,
        task.Recurrence is null ? null : task.RepeatFrom == RepeatFrom.Completion ? RepeatFromValues.Completion : RepeatFromValues.Due,
        [.. task.Reminders.OrderBy(r => r.MinutesBefore is null).ThenByDescending(r => r.MinutesBefore).ThenBy(r => r.At).Select(r => ReminderText(r, owner.TimeZone))]);

    public static string? DueText(TaskItem task, TimeZoneInfo zone) =>
        task.DueDate is { } date ? TaskTime.Format(date)
        : task.DueAt is { } at ? TaskTime.Format(at, zone)
        : null;

    /// <summary>Pending and past due: past its time, or, for an all-day task, its day is over in the owner's zone.</summary>
    public static bool IsOverdue(TaskItem task, TimeZoneInfo zone, DateTime now) =>
        !task.Completed && task.DueAt is { } at && (task.DueDate is { } date
            ? date < DateOnly.FromDateTime(TaskTime.ToLocal(now, zone))
            : at < now);

    private static string ReminderText(TaskReminder reminder, TimeZoneInfo zone) =>
        reminder.MinutesBefore is { } minutes ? TaskFieldRules.FormatMinutes(minutes)
        : TaskTime.Format(reminder.At ?? default, zone);
}
