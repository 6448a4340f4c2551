using TaskChat.Contract;
using L = TaskChat.Data.FieldLimits.Text;

namespace TaskChat.Mcp.Tools;

/// <summary>
/// What the model reads about each tool and argument: when to use it, and an example of every value.
/// Numbers come from FieldLimits, so a description cannot promise what the rules refuse.
/// </summary>
internal static class ToolDescriptions
{
    public const string TaskId = $"The task's number, as {ToolNames.ListTasks} and {ToolNames.AddTask} give it (a positive whole number, e.g. 3).";

    public const string Title = $"What to do, as a short title, e.g. \"Buy milk\". 1 to {L.TaskTitle} characters.";
    public const string NewTitle = $"The new title, 1 to {L.TaskTitle} characters, e.g. \"Buy oat milk\". Leave out to keep the current title.";
    public const string Description = $"Optional details or notes, up to {L.TaskDescription} characters, e.g. \"2 litres, the organic one\". Leave out when the user gave none.";
    public const string NewDescription = $"The new description, up to {L.TaskDescription} characters; \"\" removes it. Leave out to keep the current one.";

    public const string Due = "When it is due, in ISO 8601: a date for the whole day, e.g. \"2026-12-05\", or a date and time with the offset, " +
        "e.g. \"2026-12-05T17:00:00+01:00\" (without an offset, the time is read in the user's time zone). Work out relative dates " +
        "(\"tomorrow\", \"next Friday\") from today's date before calling. Leave out when there is no due date.";
    public const string NewDue = Due + " \"\" removes the due date.";

    public const string Priority = $"How important: \"{TaskPriorities.None}\" (the default), \"{TaskPriorities.Low}\", \"{TaskPriorities.Medium}\" or \"{TaskPriorities.High}\" " +
        "(\"urgent\" or \"important\" means high).";
    public const string NewPriority = Priority + $" \"{TaskPriorities.None}\" removes it.";

    public const string Tags = $"Short labels, e.g. [\"work\", \"errands\"]: at most {L.TagsPerTask}, each up to {L.TaskTag} characters of letters, digits, " +
        "spaces and - _ . / & +. Stored in lower case, without a leading #.";
    public const string NewTags = Tags + " Replaces every tag; [] removes them all. Leave out to keep them.";

    public const string Recurrence = "Makes the task repeat: an iCalendar RRULE, e.g. \"FREQ=DAILY\" (every day), \"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\" (every weekday), " +
        "\"FREQ=WEEKLY;BYDAY=MO,TH\" (Mondays and Thursdays), \"FREQ=MONTHLY;BYMONTHDAY=15\" (the 15th), \"FREQ=MONTHLY;BYMONTHDAY=-1\" (the last day), " +
        "\"FREQ=DAILY;INTERVAL=3\" (every 3 days), \"FREQ=WEEKLY;INTERVAL=2;COUNT=5\" (every other week, 5 times), \"FREQ=MONTHLY;UNTIL=20271231\" (until a date). " +
        $"Supported: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, BYDAY, BYMONTHDAY, COUNT or UNTIL; up to {L.TaskRecurrence} characters. Needs a due date " +
        "(the first occurrence). Completing it creates the next occurrence.";
    public const string NewRecurrence = Recurrence + " \"\" stops it repeating.";

    public const string RepeatFrom = $"For a repeating task: \"{RepeatFromValues.Due}\" (the default: the next date of the rule after this due date, e.g. every Monday) " +
        $"or \"{RepeatFromValues.Completion}\" (counted from the day it is completed, e.g. water the plants 3 days after the last time).";

    public const string Reminders = $"When to remind the user, at most {L.RemindersPerTask}: each a time, e.g. \"2026-12-05T09:00:00+01:00\", or how long before the due time " +
        "as an ISO 8601 duration, e.g. \"PT15M\" (15 minutes), \"PT1H\" (1 hour), \"P1D\" (1 day), \"P1DT2H\". A reminder before an all-day task counts back from 09:00 of its day.";
    public const string NewReminders = Reminders + " Replaces every reminder; [] removes them all. Leave out to keep them.";

    public const string Status = $"Which tasks: \"{ListStatus.All}\" (the default), \"{ListStatus.Pending}\" (not done yet) or \"{ListStatus.Completed}\" (done; " +
        "with due_after/due_before or sort, e.g. what was finished this week).";
    public const string DueBefore = "Only tasks due before this moment, e.g. \"2026-12-08\" (before that day starts, in the user's time zone) or \"2026-12-05T17:00:00+01:00\".";
    public const string DueAfter = "Only tasks due at or after this moment, e.g. \"2026-12-01\" (from the start of that day) or \"2026-12-05T09:00:00+01:00\". " +
        "With due_before, a range: due_after \"2026-12-07\" and due_before \"2026-12-14\" is that week.";
    public const string Overdue = "true: only pending tasks whose due time has passed (an all-day task once its day is over). Leave out otherwise.";
    public const string PriorityFilter = $"Only tasks of this priority: \"{TaskPriorities.Low}\", \"{TaskPriorities.Medium}\", \"{TaskPriorities.High}\" or \"{TaskPriorities.None}\".";
    public const string Tag = "Only tasks with this tag, e.g. \"work\".";
    public const string Search = $"Only tasks whose title, description or tags contain every one of these words, e.g. \"milk\" or \"tax return\"; a word written \"#home\" is that tag exactly (up to {L.TaskSearch} characters).";
    public const string TaskIds = $"Only the tasks with these numbers (task_id), e.g. [3, 12], at most {L.TaskIdsMax}: to read a task's current fields before changing it. " +
        "A number the user has no task with is left out of the answer.";
    public const string Sort = $"Order: \"{TaskSorts.Created}\" (the default, oldest first), \"{TaskSorts.Due}\" (soonest due first, undated last), " +
        $"\"{TaskSorts.Priority}\" (highest first, then soonest due), \"{TaskSorts.Title}\" (A to Z) or \"{TaskSorts.Updated}\" (most recently changed first).";
    public const string Limit = $"How many tasks on this page: 1 to {L.TaskPageMax}, default {L.TaskPageDefault}.";
    public const string Cursor = "For the next page: the next_cursor of the previous answer, unchanged, with the same filters and sort. Leave out for the first page.";
}
