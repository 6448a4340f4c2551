namespace TaskChat.Contract;

/// <summary>The task tools' argument names (snake_case, as the tools' input schemas spell them).</summary>
public static class ToolArguments
{
    public const string Title = "title";
    public const string Description = "description";
    public const string TaskId = "task_id";

    /// <summary>list_tasks' filter: one of <see cref="ListStatus"/>.</summary>
    public const string Status = "status";
}
