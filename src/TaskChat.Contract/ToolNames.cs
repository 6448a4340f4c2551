namespace TaskChat.Contract;

/// <summary>The mcp's task tools, by the names a model and every MCP client call them.</summary>
public static class ToolNames
{
    public const string AddTask = "add_task";
    public const string ListTasks = "list_tasks";
    public const string CompleteTask = "complete_task";
    public const string ReopenTask = "reopen_task";
    public const string DeleteTask = "delete_task";
    public const string UpdateTask = "update_task";
    public const string SkipTask = "skip_task";

    /// <summary>Brings back a deleted task with its own number: the undo of <see cref="DeleteTask"/>.</summary>
    public const string RestoreTask = "restore_task";

    /// <summary>Every tool the mcp serves, for checks that a deployment lists them all.</summary>
    public static readonly IReadOnlyList<string> All = [AddTask, CompleteTask, DeleteTask, ListTasks, ReopenTask, RestoreTask, SkipTask, UpdateTask];
}
