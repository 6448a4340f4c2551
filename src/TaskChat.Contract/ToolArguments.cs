namespace TaskChat.Contract;

/// <summary>The task tools' argument names (snake_case, as the tools' input schemas spell them).</summary>
public static class ToolArguments
{
    public const string Title = "title";
    public const string Description = "description";
    public const string TaskId = "task_id";
    public const string TaskIds = "task_ids";

    /// <summary>list_tasks' filter: one of <see cref="ListStatus"/>.</summary>
    public const string Status = "status";

    public const string Due = "due";

    /// <summary>One of <see cref="TaskPriorities"/>.</summary>
    public const string Priority = "priority";
    public const string Tags = "tags";
    public const string Recurrence = "recurrence";

    /// <summary>One of <see cref="RepeatFromValues"/>.</summary>
    public const string RepeatFrom = "repeat_from";
    public const string Reminders = "reminders";

    // list_tasks' filters, order and paging.
    public const string DueBefore = "due_before";
    public const string DueAfter = "due_after";
    public const string Overdue = "overdue";
    public const string Tag = "tag";
    public const string Search = "search";

    /// <summary>One of <see cref="TaskSorts"/>.</summary>
    public const string Sort = "sort";
    public const string Limit = "limit";
    public const string Cursor = "cursor";
}
