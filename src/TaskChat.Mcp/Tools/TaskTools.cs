using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskChat.Contract;
using TaskChat.Data.Tasks;
using TaskChat.ServiceDefaults.Authentication;

namespace TaskChat.Mcp.Tools;

/// <summary>
/// The five task tools. The user is always the token's subject (the ClaimsPrincipal parameter is bound
/// from the authenticated request and is not part of any tool's input), so no argument and no prompt can
/// reach another user's tasks. Descriptions are written for the model that chooses the tools.
/// Arguments are checked against each tool's schema before these run (<see cref="ToolCallGuard"/>).
/// </summary>
[McpServerToolType]
public sealed class TaskTools(TaskStore tasks)
{
    private static string UserId(ClaimsPrincipal user) =>
        user.GetUserId() ?? throw new InvalidOperationException("An authenticated MCP request has no subject.");

    [McpServerTool(Name = ToolNames.AddTask, Title = "Add a task", Destructive = false, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ToolEnvelope<TaskChange>))]
    [Description("Create a new task for the user. Use it when the user wants to add, create, remember or be reminded of something to do. " +
        "Call it once per task when the user lists several. Returns the new task's id and title.")]
    public async Task<CallToolResult> AddTask(
        ClaimsPrincipal user,
        [Description("What to do, as a short title, e.g. \"Buy milk\". 1 to 200 characters.")] string title,
        [Description("Optional details or notes, up to 1000 characters. Leave out when the user gave none.")] string? description = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.From(await tasks.AddAsync(UserId(user), title, description, cancellationToken), TaskChangeStatus.Created);

    [McpServerTool(Name = ToolNames.ListTasks, Title = "List tasks", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ToolEnvelope<TaskList>))]
    [Description("List the user's tasks with their ids, titles, descriptions and whether they are done, oldest first. " +
        "Use it to answer questions about the tasks (what is left, what is done), and to find a task's id from words of " +
        "its title before completing, updating or deleting it.")]
    public async Task<CallToolResult> ListTasks(
        ClaimsPrincipal user,
        [Description($"Which tasks to list: \"{ListStatus.All}\" (the default), \"{ListStatus.Pending}\" (not done yet) or \"{ListStatus.Completed}\" (done).")]
        [AllowedValues(ListStatus.All, ListStatus.Pending, ListStatus.Completed)] string? status = ListStatus.All,
        CancellationToken cancellationToken = default)
    {
        var filter = TaskRules.StatusFilter(status);
        if (!filter.IsValid)
        {
            return ToolResults.Error(ToolErrorCodes.Validation, filter.Error!);
        }
        var list = await tasks.ListAsync(UserId(user), filter.Value, cancellationToken);
        return ToolResults.Success(new TaskList([.. list.Select(TaskViews.ToView)], list.Count));
    }

    [McpServerTool(Name = ToolNames.CompleteTask, Title = "Complete a task", Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ToolEnvelope<TaskChange>))]
    [Description("Mark one of the user's tasks as done. Needs the task's id: when the user names the task by words, " +
        $"call {ToolNames.ListTasks} first and use the id of the one task that matches; if several match, ask the user which.")]
    public async Task<CallToolResult> CompleteTask(
        ClaimsPrincipal user,
        [Description($"The id of the task to mark as done (a positive whole number from {ToolNames.ListTasks} or {ToolNames.AddTask}).")] long task_id,
        CancellationToken cancellationToken = default) =>
        ToolResults.From(await tasks.CompleteAsync(UserId(user), task_id, cancellationToken), TaskChangeStatus.Completed);

    [McpServerTool(Name = ToolNames.DeleteTask, Title = "Delete a task", Destructive = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ToolEnvelope<TaskChange>))]
    [Description("Permanently delete one of the user's tasks. Needs the task's id: when the user names the task by words, " +
        $"call {ToolNames.ListTasks} first; if several tasks match, ask the user which one instead of guessing.")]
    public async Task<CallToolResult> DeleteTask(
        ClaimsPrincipal user,
        [Description($"The id of the task to delete (a positive whole number from {ToolNames.ListTasks} or {ToolNames.AddTask}).")] long task_id,
        CancellationToken cancellationToken = default) =>
        ToolResults.From(await tasks.DeleteAsync(UserId(user), task_id, cancellationToken), TaskChangeStatus.Deleted);

    [McpServerTool(Name = ToolNames.UpdateTask, Title = "Update a task", Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ToolEnvelope<TaskChange>))]
    [Description("Rename a task or change its description. Give only what changes. Needs the task's id: when the user " +
        $"names the task by words, call {ToolNames.ListTasks} first. To mark a task done use {ToolNames.CompleteTask} instead.")]
    public async Task<CallToolResult> UpdateTask(
        ClaimsPrincipal user,
        [Description($"The id of the task to change (a positive whole number from {ToolNames.ListTasks} or {ToolNames.AddTask}).")] long task_id,
        [Description("The new title, 1 to 200 characters. Leave out to keep the current title.")] string? title = null,
        [Description("The new description, up to 1000 characters; an empty string removes it. Leave out to keep the current one.")] string? description = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.From(await tasks.UpdateAsync(UserId(user), task_id, new TaskChanges(title, description), cancellationToken), TaskChangeStatus.Updated);
}
