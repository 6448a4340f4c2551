using TaskChat.Contract;
using TaskChat.Data.Model;

namespace TaskChat.Data.Tasks;

/// <summary>
/// Applies checked field changes to a task, and builds a recurring task's next occurrence. Checks
/// that span fields live here too: a recurring task and a reminder "before" need a due date.
/// </summary>
public static class TaskEdits
{
    /// <summary>Sets every field <paramref name="changes"/> gives but the title; returns the message of the first broken rule, or null.</summary>
    /// <param name="task">The task to change.</param>
    /// <param name="changes">What to change (null leaves a field as it is).</param>
    /// <param name="owner">Whose task, and the zone its dates are read in.</param>
    /// <param name="now">
    /// The time of the edit (UTC): a repeat given without a due date starts on its first day from then, and a reminder
    /// whose moment is already behind it counts as passed (<see cref="ScheduleReminders"/>).
    /// </param>
    public static string? Apply(TaskItem task, TaskChanges changes, TaskOwner owner, DateTime now)
    {
        if (changes.Description is not null)
        {
            var description = TaskRules.Description(changes.Description);
            if (!description.IsValid)
            {
                return description.Error;
            }
            task.Description = description.Value;
        }
        if (changes.Due is not null)
        {
            if (changes.Due.Trim().Length == 0)
            {
                task.DueAt = null;
                task.DueDate = null;
            }
            else
            {
                var due = TaskFieldRules.Due(changes.Due, owner.TimeZone);
                if (!due.IsValid)
                {
                    return due.Error;
                }
                task.DueAt = due.Value.At;
                task.DueDate = due.Value.Date;
            }
        }
        if (changes.Priority is not null)
        {
            var priority = TaskFieldRules.Priority(changes.Priority);
            if (!priority.IsValid)
            {
                return priority.Error;
            }
            task.Priority = priority.Value;
        }
        if (changes.Tags is not null)
        {
            var tags = TaskFieldRules.Tags(changes.Tags);
            if (!tags.IsValid)
            {
                return tags.Error;
            }
            // Kept rows stay (a tag's key is (task, name): removing and re-adding one would collide in the change tracker).
            task.Tags.RemoveAll(t => !tags.Value.Contains(t.Name));
            task.Tags.AddRange(tags.Value.Where(name => !task.Tags.Any(t => t.Name == name)).Select(name => new TaskTag { Name = name }));
        }
        var ruleChanged = false;
        if (changes.Recurrence is not null)
        {
            if (changes.Recurrence.Trim().Length == 0)
            {
                task.Recurrence = null;
            }
            else
            {
                var rule = TaskRecurrence.Parse(changes.Recurrence);
                if (!rule.IsValid)
                {
                    return rule.Error;
                }
                if (task.Recurrence != rule.Value)
                {
                    task.Recurrence = rule.Value;
                    task.Occurrence = 1; // A new rule starts a new series: its COUNT counts from here.
                    ruleChanged = true;
                }
            }
        }
        if (changes.RepeatFrom is not null)
        {
            var from = TaskFieldRules.RepeatFrom(changes.RepeatFrom);
            if (!from.IsValid)
            {
                return from.Error;
            }
            task.RepeatFrom = from.Value;
        }
        if (changes.Reminders is not null)
        {
            var reminders = TaskFieldRules.Reminders(changes.Reminders, owner.TimeZone);
            if (!reminders.IsValid)
            {
                return reminders.Error;
            }
            // Kept rows stay, and with them whether they went off: a list sent again whole (the page adds one reminder
            // to those it shows) neither delivers a kept reminder twice nor loses one still waiting for delivery.
            task.Reminders.RemoveAll(r => !reminders.Value.Contains(new Reminder(r.At, r.MinutesBefore)));
            task.Reminders.AddRange(reminders.Value
                .Where(wanted => !task.Reminders.Any(r => r.At == wanted.At && r.MinutesBefore == wanted.MinutesBefore))
                .Select(r => new TaskReminder { UserId = task.UserId, At = r.At, MinutesBefore = r.MinutesBefore }));
        }

        var dueFromRule = false;
        if (task.Recurrence is not null && task.DueAt is null)
        {
            // "Water the plants every 3 days" is due today, "gym every monday" next Monday: as task apps do.
            if (TaskRecurrence.FirstDue(task.Recurrence, DateOnly.FromDateTime(TaskTime.ToLocal(now, owner.TimeZone)), owner.TimeZone) is not { } first)
            {
                return $"recurrence needs a due date for the first occurrence: give due as well, {TaskFieldRules.DueExample}.";
            }
            task.DueAt = first.At;
            task.DueDate = first.Date;
            dueFromRule = true;
        }
        else if (ruleChanged && changes.Due is null && task.DueAt is { } dueAt
            && TaskRecurrence.FirstOnOrAfter(task.Recurrence!, new Due(dueAt, task.DueDate), owner.TimeZone) is { } onRule
            && onRule.At != dueAt)
        {
            // "Call mom" due Friday made "every Sunday" is due that Sunday (its time kept), as task apps move it: the series
            // starts on one of its days (RFC 5545 asks it of DTSTART). Before, it stayed due Friday, one call on a Friday
            // and Sundays after. A due date given with the rule is kept as given; one past the series' end stays too.
            task.DueAt = onRule.At;
            task.DueDate = onRule.Date;
            dueFromRule = true;
        }
        if (task.DueAt is null && task.Reminders.Any(r => r.MinutesBefore is not null))
        {
            return $"a reminder before the due time (such as PT1H) needs a due date: give due as well, {TaskFieldRules.DueExample}, or a reminder at a fixed time.";
        }
        if (changes.Due is not null || changes.Reminders is not null || dueFromRule)
        {
            ScheduleReminders(task, owner.TimeZone, now);
        }
        return null;
    }

    /// <summary>
    /// How long after its moment a reminder set (or moved) then still goes off: "remind me now", or a time given to the
    /// minute within that minute. Older than this, its moment has passed and it is not delivered.
    /// </summary>
    public static readonly TimeSpan JustPassed = TimeSpan.FromMinutes(1);

    /// <summary>
    /// When each reminder goes off, from its own time or from the task's due time. A reminder whose moment this sets is
    /// pending when that moment is ahead of <paramref name="now"/>, and passed when it is already behind (more than
    /// <see cref="JustPassed"/>): claimed at once (SentAt), so the delivery worker never sees it, as task apps do with a
    /// reminder set for a time gone by. A reminder whose moment does not change keeps its state: delivered or passed stays
    /// so, and one still waiting (its moment went by while the web was down) is still delivered.
    /// </summary>
    public static void ScheduleReminders(TaskItem task, TimeZoneInfo zone, DateTime now)
    {
        DateTime? anchor = task.DueDate is { } date ? TaskTime.ToUtc(date.ToDateTime(TaskReminders.AllDayTime), zone) : task.DueAt;
        foreach (var reminder in task.Reminders)
        {
            var fireAt = reminder.MinutesBefore is { } minutes ? anchor?.AddMinutes(-minutes) : reminder.At;
            if (fireAt == reminder.FireAt)
            {
                continue;
            }
            reminder.FireAt = fireAt;
            reminder.SentAt = fireAt < now - JustPassed ? now : null;
        }
    }

    /// <summary>
    /// The occurrence after <paramref name="task"/>: the same title, description, priority, tags, rule
    /// and reminders (a reminder at a fixed time moves with the due date), due at <paramref name="due"/>.
    /// </summary>
    public static TaskItem NextOccurrence(TaskItem task, Due due, TaskOwner owner, DateTime now)
    {
        var shift = due.At - (task.DueAt ?? due.At);
        var next = new TaskItem
        {
            UserId = task.UserId,
            Title = task.Title,
            Description = task.Description,
            DueAt = due.At,
            DueDate = due.Date,
            Priority = task.Priority,
            Recurrence = task.Recurrence,
            RepeatFrom = task.RepeatFrom,
            Occurrence = task.Occurrence + 1,
            FollowsTaskId = task.Id,
            Tags = [.. task.Tags.Select(t => new TaskTag { Name = t.Name })],
            Reminders = [.. task.Reminders.Select(r => new TaskReminder { UserId = task.UserId, At = r.At + shift, MinutesBefore = r.MinutesBefore })],
            CreatedAt = now,
            UpdatedAt = now,
        };
        ScheduleReminders(next, owner.TimeZone, now);
        return next;
    }
}
