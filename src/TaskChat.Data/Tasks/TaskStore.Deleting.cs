using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Model;

namespace TaskChat.Data.Tasks;

public sealed partial class TaskStore
{
    /// <summary>
    /// Deletes the task and returns it as it was. The row stays, marked deleted (<see cref="TaskItem.DeletedAt"/>), with its
    /// number, tags and reminders, so that <see cref="RestoreAsync"/> brings it back the same; nothing else sees it, and
    /// <see cref="DeletedTasks"/> purges it after <see cref="DeletedTasks.Retention"/>.
    /// </summary>
    public async Task<TaskOutcome<TaskItem>> DeleteAsync(TaskOwner owner, long taskId, CancellationToken cancellationToken = default)
    {
        var validId = TaskRules.TaskId(taskId);
        if (!validId.IsValid)
        {
            return Invalid(validId.Error);
        }
        var now = Now();
        await using var transaction = await TaskStoreTransaction.BeginAsync(db, cancellationToken);
        var task = await Owned(owner, taskId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (task is null)
        {
            return NotFound(taskId);
        }
        // On PostgreSQL the UPDATE and the counter's touch are one statement, with the COMMIT in a transaction of its
        // own; elsewhere the touch follows. A concurrent delete that got there first leaves nothing to mark.
        var touchedWithWrite = db.Database.IsNpgsql();
        var deleted = touchedWithWrite
            ? await TaskCounters.WriteAndTouchOnPostgresAsync(db, transaction, owner.UserId, now,
                $"UPDATE tasks SET deleted_at = {now} WHERE id = {task.Id} AND deleted_at IS NULL", cancellationToken)
            : await Live.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.DeletedAt, now), cancellationToken);
        if (deleted == 0)
        {
            return NotFound(taskId);
        }
        if (!touchedWithWrite)
        {
            await TaskCounters.TouchAsync(db, owner.UserId, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return task;
    }

    /// <summary>
    /// Brings a deleted task back as it was: its number, created time, completion, due date, repeat, tags and reminders
    /// (a reminder whose moment went by while it was deleted stays passed: it never fired, and does not fire late).
    /// Not found when it is not the owner's, never existed or was purged; refused (<see cref="TaskErrorKind.NotDeleted"/>)
    /// when it is not deleted; and refused at the per-user limit, as an add would be.
    /// </summary>
    public async Task<TaskOutcome<TaskItem>> RestoreAsync(TaskOwner owner, long taskId, CancellationToken cancellationToken = default)
    {
        var validId = TaskRules.TaskId(taskId);
        if (!validId.IsValid)
        {
            return Invalid(validId.Error);
        }
        var now = Now();
        await using var transaction = await TaskStoreTransaction.BeginAsync(db, cancellationToken);
        var task = await db.Tasks.Include(t => t.Tags).Include(t => t.Reminders).AsSingleQuery().AsNoTracking()
            .SingleOrDefaultAsync(t => t.UserId == owner.UserId && t.Number == taskId, cancellationToken);
        if (task is null)
        {
            return NotFound(taskId);
        }
        if (task.DeletedAt is null)
        {
            return NotDeleted(taskId);
        }
        // The counter row first, as an add takes it before it counts: its lock serialises one user's restores and adds, so
        // two cannot both count one below the limit and both write (touched after the count, they could: session 47).
        // A restore that gives up rolls the touch back with it.
        await TaskCounters.TouchAsync(db, owner.UserId, now, cancellationToken);
        if (await Live.CountAsync(t => t.UserId == owner.UserId, cancellationToken) >= limits.MaxTasksPerUser)
        {
            return LimitReached();
        }
        var restored = await db.Tasks.Where(t => t.Id == task.Id && t.DeletedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DeletedAt, (DateTime?)null).SetProperty(t => t.UpdatedAt, now), cancellationToken);
        if (restored == 0)
        {
            // Purged, or restored by a concurrent request, between our read and our write: as it is now.
            await transaction.RollbackAsync(cancellationToken);
            return await GetAsync(owner, taskId, cancellationToken) is { Succeeded: true }
                ? NotDeleted(taskId)
                : NotFound(taskId);
        }
        await transaction.CommitAsync(cancellationToken);
        task.DeletedAt = null;
        task.UpdatedAt = now;
        return task;
    }
}
