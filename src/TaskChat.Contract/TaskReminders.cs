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
    /// A reminder that counts back from the due time, in words, as the chat and the tasks page both say it: "1 hour before",
    /// "2 days before", "30 minutes before", "at the due time". Null for a reminder at a set moment (each writes a moment in
    /// its own way) or a value that is not a duration. A leading minus reads as before, as the task service reads it.
    /// </summary>
    public static string? DescribeBefore(string reminder)
    {
        if (!CountsFromDue(reminder))
        {
            return null;
        }
        long minutes;
        try
        {
            minutes = (long)System.Xml.XmlConvert.ToTimeSpan(reminder.TrimStart('-').ToUpperInvariant()).TotalMinutes;
        }
        catch (FormatException)
        {
            return null;
        }
        return minutes switch
        {
            <= 0 => "at the due time",
            _ when minutes % 1440 == 0 => Count(minutes / 1440, "day") + " before",
            _ when minutes % 60 == 0 => Count(minutes / 60, "hour") + " before",
            _ => Count(minutes, "minute") + " before",
        };

        static string Count(long n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
    }

    /// <summary>
    /// The reminders a task keeps when its due date is cleared (those at a set moment), or null when none counts back
    /// from the due date, so nothing needs to change.
    /// </summary>
    public static string[]? KeptWithoutDue(IReadOnlyList<string> reminders) =>
        reminders.Any(CountsFromDue) ? [.. reminders.Where(r => !CountsFromDue(r))] : null;
}
