using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Model;

namespace TaskChat.Data.Tasks;

public sealed partial class TaskStore
{
    // A daily task overdue for 27 years is the most one skip walks past; beyond it the repeat is treated as ended.
    private const int MaxOccurrencesSkipped = 10_000;

    /// <summary>
    /// Moves a pending repeating task to its next occurrence without completing it ("skip the gym today"): the first
    /// occurrence on a day after today, or after its due date when that is later, found the way a completion finds the
    /// next one (from the due date, or from now for a task that repeats from completion). It stays the same task: no
    /// done occurrence is recorded and its reminders move with it. The occurrences passed count toward the repeat's
    /// COUNT; a repeat that ends before then cannot be skipped (complete or delete the task instead).
    /// </summary>
    public async Task<TaskOutcome<TaskItem>> SkipAsync(TaskOwner owner, long taskId, CancellationToken cancellationToken = default)
    {
        var validId = TaskRules.TaskId(taskId);
        if (!validId.IsValid)
        {
            return Invalid(validId.Error);
        }
        var now = Now();
        await using var transaction = await TaskStoreTransaction.BeginAsync(db, cancellationToken);
        var task = await Owned(owner, taskId).SingleOrDefaultAsync(cancellationToken);
        if (task is null)
        {
            return NotFound(taskId);
        }
        if (task.Completed)
        {
            return Invalid($"Task {taskId} is done: only a pending task that repeats can be skipped.");
        }
        if (task.Recurrence is null || task.DueAt is not { } dueAt)
        {
            return Invalid($"Task {taskId} does not repeat, so there is no next occurrence to skip to: change its due date instead.");
        }
        if (NextOccurrenceAfterToday(task, now, owner.TimeZone) is not { } next)
        {
            return Invalid($"Task {taskId}'s repeat ends before its next occurrence: complete or delete it instead.");
        }
        var shift = next.Due.At - dueAt;
        task.DueAt = next.Due.At;
        task.DueDate = next.Due.Date;
        task.Occurrence = next.Occurrence;
        foreach (var reminder in task.Reminders)
        {
            reminder.At += shift; // a reminder at a set moment keeps its distance to the due date, as in the next occurrence
        }
        TaskEdits.ScheduleReminders(task, owner.TimeZone, now);
        task.UpdatedAt = now;
        await TaskCounters.TouchAsync(db, owner.UserId, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return NotFound(taskId); // deleted by a concurrent request between our read and our write
        }
        await transaction.CommitAsync(cancellationToken);
        return task;
    }

    private static (Due Due, int Occurrence)? NextOccurrenceAfterToday(TaskItem task, DateTime now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TaskTime.ToLocal(now, zone));
        var probe = new TaskItem
        {
            UserId = task.UserId, Title = task.Title, Recurrence = task.Recurrence, RepeatFrom = task.RepeatFrom,
            Occurrence = task.Occurrence, DueAt = task.DueAt, DueDate = task.DueDate,
        };
        for (var step = 0; step < MaxOccurrencesSkipped; step++)
        {
            if (TaskRecurrence.NextDue(probe, now, zone) is not { } next)
            {
                return null;
            }
            (probe.DueAt, probe.DueDate, probe.Occurrence) = (next.At, next.Date, probe.Occurrence + 1);
            if ((next.Date ?? DateOnly.FromDateTime(TaskTime.ToLocal(next.At, zone))) > today)
            {
                return (next, probe.Occurrence);
            }
        }
        return null;
    }
}
