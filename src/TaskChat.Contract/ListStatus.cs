namespace TaskChat.Contract;

/// <summary>Which tasks a list shows: list_tasks' <c>status</c> argument and GET /api/tasks?status=.</summary>
public static class ListStatus
{
    public const string All = "all";
    public const string Pending = "pending";
    public const string Completed = "completed";
}
