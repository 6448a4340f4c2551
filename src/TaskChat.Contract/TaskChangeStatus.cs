namespace TaskChat.Contract;

/// <summary>What a tool did to a task: the <c>status</c> of <see cref="TaskChange"/>.</summary>
public static class TaskChangeStatus
{
    public const string Created = "created";
    public const string Completed = "completed";
    public const string Reopened = "reopened";
    public const string Deleted = "deleted";
    public const string Updated = "updated";
    public const string Skipped = "skipped";
    public const string Restored = "restored";
}
