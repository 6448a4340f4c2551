using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Model;

namespace TaskChat.Data.Tasks;

/// <summary>
/// The task operations of one user, shared by the api and the mcp. Every query is scoped to the
/// user id it is given (a validated token's subject), so no argument can reach another user's task.
/// Database failures propagate as exceptions; rule violations and missing tasks are outcomes.
/// </summary>
public sealed class TaskStore(TaskChatDbContext db, TimeProvider clock)
{
    public async Task<TaskOutcome<TaskItem>> AddAsync(string userId, string? title, string? description, CancellationToken cancellationToken = default)
    {
        var validTitle = TaskRules.Title(title);
        if (!validTitle.IsValid)
        {
            return Invalid(validTitle.Error);
        }
        var validDescription = TaskRules.Description(description);
        if (!validDescription.IsValid)
        {
            return Invalid(validDescription.Error);
        }

        var now = Now();
        var task = new TaskItem
        {
            UserId = TaskRules.UserId(userId),
            Title = validTitle.Value,
            Description = validDescription.Value,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    public async Task<IReadOnlyList<TaskItem>> ListAsync(string userId, TaskStatusFilter status, CancellationToken cancellationToken = default)
    {
        var owner = TaskRules.UserId(userId);
        var query = db.Tasks.AsNoTracking().Where(t => t.UserId == owner);
        query = status switch
        {
            TaskStatusFilter.Pending => query.Where(t => !t.Completed),
            TaskStatusFilter.Completed => query.Where(t => t.Completed),
            _ => query,
        };
        return await query.OrderBy(t => t.Id).ToListAsync(cancellationToken);
    }

    public async Task<TaskOutcome<TaskItem>> GetAsync(string userId, long taskId, CancellationToken cancellationToken = default)
    {
        var validId = TaskRules.TaskId(taskId);
        if (!validId.IsValid)
        {
            return Invalid(validId.Error);
        }
        var owner = TaskRules.UserId(userId);
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId && t.UserId == owner, cancellationToken);
        return task is null ? NotFound(taskId) : task;
    }

    /// <summary>Changes what is given (null leaves a field as it is; an empty description clears it).</summary>
    public async Task<TaskOutcome<TaskItem>> UpdateAsync(string userId, long taskId, TaskChanges changes, CancellationToken cancellationToken = default)
    {
        var validId = TaskRules.TaskId(taskId);
        if (!validId.IsValid)
        {
            return Invalid(validId.Error);
        }
        if (changes.Title is null && changes.Description is null && changes.Completed is null)
        {
            return Invalid("Nothing to change: give a new title, description or completion state.");
        }
        RuleResult<string>? validTitle = changes.Title is null ? null : TaskRules.Title(changes.Title);
        if (validTitle is { IsValid: false } badTitle)
        {
            return Invalid(badTitle.Error);
        }
        RuleResult<string?>? validDescription = changes.Description is null ? null : TaskRules.Description(changes.Description);
        if (validDescription is { IsValid: false } badDescription)
        {
            return Invalid(badDescription.Error);
        }

        var owner = TaskRules.UserId(userId);
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId && t.UserId == owner, cancellationToken);
        if (task is null)
        {
            return NotFound(taskId);
        }
        if (validTitle is { } title)
        {
            task.Title = title.Value;
        }
        if (validDescription is { } description)
        {
            task.Description = description.Value;
        }
        if (changes.Completed is { } completed)
        {
            task.Completed = completed;
        }
        task.UpdatedAt = Now();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted by a concurrent request between our read and our write.
            return NotFound(taskId);
        }
        return task;
    }

    public Task<TaskOutcome<TaskItem>> CompleteAsync(string userId, long taskId, CancellationToken cancellationToken = default) =>
        UpdateAsync(userId, taskId, new TaskChanges(Completed: true), cancellationToken);

    /// <summary>Deletes the task and returns it as it was.</summary>
    public async Task<TaskOutcome<TaskItem>> DeleteAsync(string userId, long taskId, CancellationToken cancellationToken = default)
    {
        var validId = TaskRules.TaskId(taskId);
        if (!validId.IsValid)
        {
            return Invalid(validId.Error);
        }
        var owner = TaskRules.UserId(userId);
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId && t.UserId == owner, cancellationToken);
        if (task is null)
        {
            return NotFound(taskId);
        }
        var deleted = await db.Tasks.Where(t => t.Id == taskId && t.UserId == owner).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? NotFound(taskId) : task;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static TaskError Invalid(string? message) => new(TaskErrorKind.Validation, message ?? "Invalid input.");

    private static TaskError NotFound(long taskId) => new(TaskErrorKind.NotFound, $"Task {taskId} was not found.");
}
