using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskChat.Contract;
using TaskChat.Data.Tasks;
using TaskChat.ServiceDefaults.Authentication;
using D = TaskChat.Mcp.Tools.ToolDescriptions;

namespace TaskChat.Mcp.Tools;

/// <summary>
/// The task tools. The user is always the token's subject (the ClaimsPrincipal parameter is bound from
/// the authenticated request and is not part of any tool's input), so no argument and no prompt can
/// reach another user's tasks; dates are read in the token's time zone (`zoneinfo`). A task is named by
/// its per-user number. Descriptions are written for the model that chooses the tools (<see cref="ToolDescriptions"/>).
/// Arguments are checked against each tool's schema before these run (<see cref="ToolCallGuard"/>).
/// </summary>
[McpServerToolType]
public sealed class TaskTools(TaskStore tasks, TimeProvider clock)
{
    private static TaskOwner Owner(ClaimsPrincipal user) =>
        TaskOwner.From(user.GetUserId() ?? throw new InvalidOperationException("An authenticated MCP request has no subject."), user.GetTimeZoneId());

    [McpServerTool(Name = ToolNames.AddTask, Title = "Add a task", Destructive = false, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ToolEnvelope<TaskChange>))]
    [Description("Create a new task for the user. Use it when the user wants to add, create, remember or be reminded of something to do. " +
        "Call it once per task when the user lists several. Give a due date, priority, tags, recurrence or reminders only when the user " +
        "said them. Returns the new task's number (task_id), its title and its due date as understood.")]
    public async Task<CallToolResult> AddTask(
        ClaimsPrincipal user,
        [Description(D.Title)] string title,
        [Description(D.Description)] string? description = null,
        [Description(D.Due)] string? due = null,
        [Description(D.Priority), AllowedValues(TaskPriorities.None, TaskPriorities.Low, TaskPriorities.Medium, TaskPriorities.High)] string? priority = null,
        [Description(D.Tags)] string[]? tags = null,
        [Description(D.Recurrence)] string? recurrence = null,
        [Description(D.RepeatFrom), AllowedValues(RepeatFromValues.Due, RepeatFromValues.Completion)] string? repeat_from = null,
        [Description(D.Reminders)] string[]? reminders = null,
        CancellationToken cancellationToken = default)
    {
        var owner = Owner(user);
        var fields = new TaskChanges(title, description, null, due, priority, tags, recurrence, repeat_from, reminders);
        return ToolResults.From(await tasks.AddAsync(owner, fields, cancellationToken), TaskChangeStatus.Created, owner);
    }

    [McpServerTool(Name = ToolNames.ListTasks, Title = "List tasks", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ToolEnvelope<TaskList>))]
    [Description("List the user's tasks, one page at a time, with every field (number as id, title, description, done or not, due, overdue, " +
        "priority, tags, recurrence, reminders). Use it to answer questions about the tasks (what is left, what is due this week, what is " +
        "overdue, what was finished), to find a task's number from words of its title (use search) before completing, updating or " +
        "deleting it, and to read the tasks the user names by number (use task_ids) before changing them. Filters combine. " +
        "When next_cursor is not null there are more tasks: call again with that cursor.")]
    public async Task<CallToolResult> ListTasks(
        ClaimsPrincipal user,
        [Description(D.Status), AllowedValues(ListStatus.All, ListStatus.Pending, ListStatus.Completed)] string? status = ListStatus.All,
        [Description(D.DueBefore)] string? due_before = null,
        [Description(D.DueAfter)] string? due_after = null,
        [Description(D.Overdue)] bool? overdue = null,
        [Description(D.PriorityFilter), AllowedValues(TaskPriorities.None, TaskPriorities.Low, TaskPriorities.Medium, TaskPriorities.High)] string? priority = null,
        [Description(D.Tag)] string? tag = null,
        [Description(D.Search)] string? search = null,
        [Description(D.TaskIds)] long[]? task_ids = null,
        [Description(D.Sort), AllowedValues(TaskSorts.Created, TaskSorts.Due, TaskSorts.Priority, TaskSorts.Title, TaskSorts.Updated)] string? sort = null,
        [Description(D.Limit)] long? limit = null,
        [Description(D.Cursor)] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var owner = Owner(user);
        if (limit is < 1 or > int.MaxValue)
        {
            return ToolResults.Error(ToolErrorCodes.Validation, $"limit must be a whole number from 1 to {Data.FieldLimits.TaskPageMax}.");
        }
        var request = new TaskListRequest(status, due_before, due_after, overdue, priority, tag, search, sort, (int?)limit, cursor, task_ids);
        var query = TaskListQuery.From(request, owner.TimeZone);
        if (!query.IsValid)
        {
            return ToolResults.Error(ToolErrorCodes.Validation, query.Error!);
        }
        var page = await tasks.ListAsync(owner, query.Value, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return ToolResults.Success(new TaskList([.. page.Tasks.Select(t => t.ToView(owner, now))], page.Tasks.Count, page.NextCursor));
    }

    [McpServerTool(Name = ToolNames.CompleteTask, Title = "Complete a task", Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ToolEnvelope<TaskChange>))]
    [Description("Mark one of the user's tasks as done. Needs the task's number: when the user names the task by words, " +
        $"call {ToolNames.ListTasks} with search first and use the number of the one task that matches; if several match, ask the user which. " +
        "Completing a repeating task creates its next occurrence (next_task_id, next_due); completing it again changes nothing.")]
    public async Task<CallToolResult> CompleteTask(
        ClaimsPrincipal user,
        [Description(D.TaskId)] long task_id,
        CancellationToken cancellationToken = default)
    {
        var owner = Owner(user);
        var outcome = await tasks.CompleteAsync(owner, task_id, cancellationToken);
        var next = outcome.Succeeded ? await tasks.NextOccurrenceAsync(owner, outcome.Value!, cancellationToken) : null;
        return ToolResults.From(outcome, TaskChangeStatus.Completed, owner, next);
    }

    [McpServerTool(Name = ToolNames.ReopenTask, Title = "Reopen a task", Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ToolEnvelope<TaskChange>))]
    [Description($"Mark a completed task as not done again (the inverse of {ToolNames.CompleteTask}), e.g. when the user says \"I didn't finish 3 after all\". " +
        $"Needs the task's number (call {ToolNames.ListTasks} with status \"completed\" and search to find it). A pending task stays pending. " +
        "Reopening a repeating task removes the next occurrence its completion created while that one is still to do.")]
    public async Task<CallToolResult> ReopenTask(
        ClaimsPrincipal user,
        [Description(D.TaskId)] long task_id,
        CancellationToken cancellationToken = default)
    {
        var owner = Owner(user);
        return ToolResults.From(await tasks.ReopenAsync(owner, task_id, cancellationToken), TaskChangeStatus.Reopened, owner);
    }

    [McpServerTool(Name = ToolNames.SkipTask, Title = "Skip a repeating task's occurrence", Destructive = false, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ToolEnvelope<TaskChange>))]
    [Description("Skip the current occurrence of a repeating task without marking it done, e.g. \"skip the gym today\": the task moves to its " +
        "next occurrence after today (or after its due date when that is later) and its reminders move with it. Needs the task's number " +
        $"(call {ToolNames.ListTasks} with search first). Only a pending task that repeats can be skipped; to move any other task, " +
        $"change its due date with {ToolNames.UpdateTask}. Returns the new due date.")]
    public async Task<CallToolResult> SkipTask(
        ClaimsPrincipal user,
        [Description(D.TaskId)] long task_id,
        CancellationToken cancellationToken = default)
    {
        var owner = Owner(user);
        return ToolResults.From(await tasks.SkipAsync(owner, task_id, cancellationToken), TaskChangeStatus.Skipped, owner);
    }

    [McpServerTool(Name = ToolNames.DeleteTask, Title = "Delete a task", Destructive = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ToolEnvelope<TaskChange>))]
    [Description("Delete one of the user's tasks. Needs the task's number: when the user names the task by words, " +
        $"call {ToolNames.ListTasks} with search first; if several tasks match, ask the user which one instead of guessing. " +
        $"A deleted task can be brought back with {ToolNames.RestoreTask} for {DeletedTaskRetention.InWords}.")]
    public async Task<CallToolResult> DeleteTask(
        ClaimsPrincipal user,
        [Description(D.TaskId)] long task_id,
        CancellationToken cancellationToken = default)
    {
        var owner = Owner(user);
        return ToolResults.From(await tasks.DeleteAsync(owner, task_id, cancellationToken), TaskChangeStatus.Deleted, owner);
    }

    [McpServerTool(Name = ToolNames.RestoreTask, Title = "Restore a deleted task", Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ToolEnvelope<TaskChange>))]
    [Description($"Bring back a task deleted with {ToolNames.DeleteTask} (the undo of a deletion), as it was: the same number, title, " +
        "description, due date, completion, repeat, tags and reminders. Needs the number the task had (the task_id its deletion returned). " +
        $"A deleted task can be restored for {DeletedTaskRetention.InWords}. Fails with not_deleted when the task is not deleted, not_found when there is no such task.")]
    public async Task<CallToolResult> RestoreTask(
        ClaimsPrincipal user,
        [Description(D.TaskId)] long task_id,
        CancellationToken cancellationToken = default)
    {
        var owner = Owner(user);
        return ToolResults.From(await tasks.RestoreAsync(owner, task_id, cancellationToken), TaskChangeStatus.Restored, owner);
    }

    [McpServerTool(Name = ToolNames.UpdateTask, Title = "Update a task", Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ToolEnvelope<TaskChange>))]
    [Description("Change a task: its title, description, due date, priority, tags, recurrence or reminders. Give only what changes; " +
        "an empty value (\"\" or []) removes that field. Needs the task's number: when the user names the task by words, " +
        $"call {ToolNames.ListTasks} with search first. To mark a task done use {ToolNames.CompleteTask}, to undo that {ToolNames.ReopenTask}.")]
    public async Task<CallToolResult> UpdateTask(
        ClaimsPrincipal user,
        [Description(D.TaskId)] long task_id,
        [Description(D.NewTitle)] string? title = null,
        [Description(D.NewDescription)] string? description = null,
        [Description(D.NewDue)] string? due = null,
        [Description(D.NewPriority), AllowedValues(TaskPriorities.None, TaskPriorities.Low, TaskPriorities.Medium, TaskPriorities.High)] string? priority = null,
        [Description(D.NewTags)] string[]? tags = null,
        [Description(D.NewRecurrence)] string? recurrence = null,
        [Description(D.RepeatFrom), AllowedValues(RepeatFromValues.Due, RepeatFromValues.Completion)] string? repeat_from = null,
        [Description(D.NewReminders)] string[]? reminders = null,
        CancellationToken cancellationToken = default)
    {
        var owner = Owner(user);
        var changes = new TaskChanges(title, description, null, due, priority, tags, recurrence, repeat_from, reminders);
        return ToolResults.From(await tasks.UpdateAsync(owner, task_id, changes, cancellationToken), TaskChangeStatus.Updated, owner);
    }
}
