namespace TaskChat.Contract;

/// <summary>
/// A task's reminder on the wire (tools and REST): an ISO 8601 duration before the due time ("PT1H", "PT0S" at the due
/// time itself) or a moment ("2026-12-05T09:00:00+01:00").
/// </summary>
public static class TaskReminders
{
    /// <summary>
    /// All-day tasks have no time: reminders "before" them count back from this hour of their day, and the agent reminds
    /// "on friday" (a day without a time) at it.
    /// </summary>
    public static readonly TimeOnly AllDayTime = new(9, 0);

    /// <summary>
    /// True for a reminder that counts back from the due time: it needs a due date, so a client clearing the due date
    /// takes these reminders away with it (the task service refuses a due-less task that keeps them).
    /// </summary>
    public static bool CountsFromDue(string reminder) =>
        reminder.StartsWith('P') || reminder.StartsWith('p') || reminder.StartsWith("-P", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The reminders a task keeps when its due date is cleared (those at a set moment), or null when none counts back
    /// from the due date, so nothing needs to change.
    /// </summary>
    public static string[]? KeptWithoutDue(IReadOnlyList<string> reminders) =>
        reminders.Any(CountsFromDue) ? [.. reminders.Where(r => !CountsFromDue(r))] : null;
}
