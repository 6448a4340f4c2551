using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Connection;
using TaskChat.Data.Model;

namespace TaskChat.Data.Tasks;

/// <summary>
/// The task operations of one user, shared by the api and the mcp. Every query is scoped to the
/// owner it is given (a validated token's subject), and a task is named by its per-user number, so
/// no argument can reach another user's task. Database failures propagate as exceptions; rule
/// violations, missing tasks and the per-user limit are outcomes.
/// </summary>
public sealed partial class TaskStore(TaskChatDbContext db, TimeProvider clock, TaskLimits limits)
{
    public Task<TaskOutcome<TaskItem>> AddAsync(TaskOwner owner, string? title, string? description, CancellationToken cancellationToken = default) =>
        AddAsync(owner, new TaskChanges(title, description), cancellationToken);

    /// <summary>Creates a task with the given fields (Completed is ignored: a new task is pending).</summary>
    public async Task<TaskOutcome<TaskItem>> AddAsync(TaskOwner owner, TaskChanges fields, CancellationToken cancellationToken = default)
    {
        var validTitle = TaskRules.Title(fields.Title);
        if (!validTitle.IsValid)
        {
            return Invalid(validTitle.Error);
        }
        var now = Now();
        var task = new TaskItem { UserId = owner.UserId, Title = validTitle.Value, CreatedAt = now, UpdatedAt = now };
        if (TaskEdits.Apply(task, fields with { Title = null, Completed = null }, owner, now) is { } problem)
        {
            return Invalid(problem);
        }

        // PostgreSQL adds a plain task in one statement (TaskInsertStatement): on its own, its own transaction.
        var inOneStatement = TaskInsertStatement.AppliesTo(db, task);
        if (inOneStatement && db.Database.CurrentTransaction is null
            && await TaskInsertStatement.TryAddAsync(db, task, limits.MaxTasksPerUser, cancellationToken))
        {
            return task;
        }
        await using var transaction = await TaskStoreTransaction.BeginAsync(db, cancellationToken);
        if (inOneStatement && transaction.IsNested && await TaskInsertStatement.TryAddAsync(db, task, limits.MaxTasksPerUser, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
            return task;
        }
        // EF's path: SQLite, a task with tags or reminders, and a user whose numbers have passed the limit.
        if (await TaskCounters.NextNumberAsync(db, owner.UserId, now, cancellationToken) is not { } number)
        {
            return AccountDeleted();
        }
        task.Number = number;
        // Numbers are never reused and every task takes one, so a user whose new number is within the limit
        // has fewer tasks than the limit: only past it are they counted (one statement less for nearly every add).
        // Counted after the counter's upsert: that row lock serialises one user's adds, so two cannot both pass at the limit.
        if (task.Number > limits.MaxTasksPerUser
            && await Live.CountAsync(t => t.UserId == owner.UserId, cancellationToken) >= limits.MaxTasksPerUser)
        {
            return LimitReached();
        }
        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return task;
    }

    public async Task<TaskOutcome<TaskItem>> GetAsync(TaskOwner owner, long taskId, CancellationToken cancellationToken = default)
    {
        var validId = TaskRules.TaskId(taskId);
        if (!validId.IsValid)
        {
            return Invalid(validId.Error);
        }
        var task = await Owned(owner, taskId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return task is null ? NotFound(taskId) : task;
    }

    /// <summary>Changes what is given (see <see cref="TaskChanges"/>: null leaves a field as it is, an empty value clears it).</summary>
    public async Task<TaskOutcome<TaskItem>> UpdateAsync(TaskOwner owner, long taskId, TaskChanges changes, CancellationToken cancellationToken = default)
    {
        var validId = TaskRules.TaskId(taskId);
        if (!validId.IsValid)
        {
            return Invalid(validId.Error);
        }
        if (changes.IsEmpty)
        {
            return Invalid("Nothing to change: give a new title, description, due date, priority, tags, recurrence, reminders or completion state.");
        }
        if (changes.Title is not null && TaskRules.Title(changes.Title) is { IsValid: false } badTitle)
        {
            return Invalid(badTitle.Error);
        }
        if (changes.Completed is { } completed)
        {
            // Completion has its own rules (the next occurrence of a recurring task): apply the rest first.
            var rest = changes with { Completed = null };
            if (!rest.IsEmpty)
            {
                var updated = await UpdateAsync(owner, taskId, rest, cancellationToken);
                if (!updated.Succeeded)
                {
                    return updated;
                }
            }
            return completed ? await CompleteAsync(owner, taskId, cancellationToken) : await ReopenAsync(owner, taskId, cancellationToken);
        }

        await using var transaction = await TaskStoreTransaction.BeginAsync(db, cancellationToken);
        var task = await Owned(owner, taskId).SingleOrDefaultAsync(cancellationToken);
        if (task is null)
        {
            return NotFound(taskId);
        }
        if (changes.Title is not null)
        {
            task.Title = TaskRules.Title(changes.Title).Value;
        }
        if (TaskEdits.Apply(task, changes with { Title = null }, owner, Now()) is { } problem)
        {
            return Invalid(problem);
        }
        var now = Now();
        task.UpdatedAt = now;
        await TaskCounters.TouchAsync(db, owner.UserId, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted by a concurrent request between our read and our write.
            return NotFound(taskId);
        }
        await transaction.CommitAsync(cancellationToken);
        return task;
    }

    /// <summary>
    /// Marks the task done. A recurring task's next occurrence is created in the same transaction,
    /// once: completing an already completed task changes nothing, and the unique FollowsTaskId
    /// refuses a second next occurrence even to a concurrent completion.
    /// </summary>
    public async Task<TaskOutcome<TaskItem>> CompleteAsync(TaskOwner owner, long taskId, CancellationToken cancellationToken = default)
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
        if (task.Completed)
        {
            return task;
        }
        // A task that does not repeat touches the counter in the UPDATE's statement on PostgreSQL (a repeating one
        // takes a number for its next occurrence instead, which touches it too).
        // Then it is the last statement, and in a transaction of its own it carries the COMMIT too.
        var touchedWithWrite = task.Recurrence is null && db.Database.IsNpgsql();
        var completed = touchedWithWrite
            ? await TaskCounters.WriteAndTouchOnPostgresAsync(db, transaction, owner.UserId, now,
                $"UPDATE tasks SET completed = TRUE, completed_at = {now}, updated_at = {now} WHERE id = {task.Id} AND NOT completed AND deleted_at IS NULL", cancellationToken)
            : await Live.Where(t => t.Id == task.Id && !t.Completed)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Completed, true).SetProperty(t => t.CompletedAt, now).SetProperty(t => t.UpdatedAt, now), cancellationToken);
        if (completed == 0)
        {
            // A concurrent request completed (or deleted) it first: report the task as it is now (a transaction
            // that committed with the write committed nothing).
            if (!transaction.IsCommittedByStatement)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            return await GetAsync(owner, taskId, cancellationToken);
        }
        task.Completed = true;
        task.CompletedAt = now;
        task.UpdatedAt = now;

        // A deleted next occurrence counts too (it may be restored): the unique FollowsTaskId would refuse a second one.
        if (TaskRecurrence.NextDue(task, now, owner.TimeZone) is { } nextDue
            && !await db.Tasks.AnyAsync(t => t.FollowsTaskId == task.Id, cancellationToken))
        {
            var next = TaskEdits.NextOccurrence(task, nextDue, owner, now);
            if (await TaskCounters.NextNumberAsync(db, owner.UserId, now, cancellationToken) is not { } nextNumber)
            {
                await transaction.RollbackAsync(cancellationToken); // The account was deleted under this completion.
                return AccountDeleted();
            }
            next.Number = nextNumber;
            db.Tasks.Add(next);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                await transaction.RollbackAsync(cancellationToken);
                return await GetAsync(owner, taskId, cancellationToken);
            }
        }
        else if (!touchedWithWrite)
        {
            await TaskCounters.TouchAsync(db, owner.UserId, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return task;
    }

    /// <summary>
    /// Marks a completed task pending again. A repeating task's next occurrence, made by its completion, goes while it is
    /// still to do: the task reopened is that occurrence again (before, unticking a weekly task left two of it). One already
    /// completed stays, as the record of that occurrence.
    /// </summary>
    public async Task<TaskOutcome<TaskItem>> ReopenAsync(TaskOwner owner, long taskId, CancellationToken cancellationToken = default)
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
            task.Completed = false;
            task.CompletedAt = null;
            task.UpdatedAt = now;
            if (task.Recurrence is not null)
            {
                // Deleted or not: a next occurrence still to do is no longer one (it goes for good, not to be restored).
                await db.Tasks.Where(t => t.UserId == owner.UserId && t.FollowsTaskId == task.Id && !t.Completed).ExecuteDeleteAsync(cancellationToken);
            }
            await TaskCounters.TouchAsync(db, owner.UserId, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return task;
    }

    /// <summary>The occurrence created when <paramref name="task"/> (a recurring task) was completed, if any.</summary>
    public async Task<TaskItem?> NextOccurrenceAsync(TaskOwner owner, TaskItem task, CancellationToken cancellationToken = default) =>
        task.Recurrence is null ? null
        : await Live.AsNoTracking().SingleOrDefaultAsync(t => t.UserId == owner.UserId && t.FollowsTaskId == task.Id, cancellationToken);

    /// <summary>
    /// One task with its tags and reminders in one statement. Split, it was three round trips (the task,
    /// its tags, its reminders) in every read, change, completion and deletion of a task: a third of the
    /// mcp's statements in "mark the milk one done" (issue 13). One statement repeats the task's columns per
    /// tag × reminder, a few rows for a task as people keep them and at most 200 (20 tags × 10 reminders,
    /// FieldLimits), for one task only: lists attach them per page instead (TaskStore.Listing).
    /// </summary>
    private IQueryable<TaskItem> Owned(TaskOwner owner, long number) =>
        Live.Include(t => t.Tags).Include(t => t.Reminders).AsSingleQuery()
            .Where(t => t.UserId == owner.UserId && t.Number == number);

    /// <summary>The tasks not deleted: what every read and change starts from (a deleted task is not found).</summary>
    private IQueryable<TaskItem> Live => db.Tasks.Where(t => t.DeletedAt == null);

    // To the microsecond, PostgreSQL's precision: what a write returns is then what a later read gives back.
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private static TaskError Invalid(string? message) => new(TaskErrorKind.Validation, message ?? "Invalid input.");

    private TaskError LimitReached() => new(TaskErrorKind.LimitReached,
        $"You already have {limits.MaxTasksPerUser:N0} tasks, the most one account can keep. Delete tasks you no longer need (completed ones too), then add again.");

    private static TaskError AccountDeleted() => new(TaskErrorKind.AccountDeleted, Accounts.DeletedAccounts.Detail);

    private static TaskError NotFound(long taskId) => new(TaskErrorKind.NotFound, $"Task {taskId} was not found.");

    private static TaskError NotDeleted(long taskId) => new(TaskErrorKind.NotDeleted, $"Task {taskId} is not deleted: there is nothing to restore.");
}
