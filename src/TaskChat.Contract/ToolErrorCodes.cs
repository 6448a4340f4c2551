namespace TaskChat.Contract;

/// <summary>The <c>code</c> of a failed tool call's envelope.</summary>
public static class ToolErrorCodes
{
    /// <summary>A bad or missing argument; the message says which.</summary>
    public const string Validation = "validation";

    /// <summary>No such task for this user (another user's task looks the same).</summary>
    public const string NotFound = "not_found";

    /// <summary>The user keeps as many tasks as TASKS_PER_USER_MAX allows: delete some first.</summary>
    public const string TaskLimitReached = "task_limit_reached";

    /// <summary>restore_task on a task that is not deleted: there is nothing to bring back.</summary>
    public const string NotDeleted = "not_deleted";

    /// <summary>The caller's account was deleted (a token minted before that): nothing is written. Not kept under an idempotency key.</summary>
    public const string AccountDeleted = "account_deleted";

    /// <summary>The task database cannot be reached.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>A bug, logged on the server and never shown.</summary>
    public const string Internal = "internal";
}
