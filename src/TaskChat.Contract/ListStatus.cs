namespace TaskChat.Contract;

/// <summary>Which tasks a list shows: list_tasks' <c>status</c> argument and GET /api/tasks?status=.</summary>
public static class ListStatus
{
    public const string All = "all";
    public const string Pending = "pending";
    public const string Completed = "completed";
}

/// <summary>A task's priority on the wire (tools and REST), lowest to highest.</summary>
public static class TaskPriorities
{
    public const string None = "none";
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";

    public static readonly IReadOnlyList<string> All = [None, Low, Medium, High];
}

/// <summary>Where a recurring task's next occurrence is counted from: <c>repeat_from</c>.</summary>
public static class RepeatFromValues
{
    public const string Due = "due";
    public const string Completion = "completion";
}

/// <summary>The orders of a task list: <c>sort</c>.</summary>
public static class TaskSorts
{
    /// <summary>Oldest first (task number order): the default.</summary>
    public const string Created = "created";

    /// <summary>Soonest due first; tasks without a due date last.</summary>
    public const string Due = "due";

    /// <summary>Highest priority first, then soonest due.</summary>
    public const string Priority = "priority";

    /// <summary>By title, A to Z.</summary>
    public const string Title = "title";

    /// <summary>Most recently changed first (added, edited, completed or reopened): what a short list of "my tasks" shows.</summary>
    public const string Updated = "updated";

    public static readonly IReadOnlyList<string> All = [Created, Due, Priority, Title, Updated];
}
