namespace TaskChat.Contract;

/// <summary>
/// How long a deleted task can be brought back (<c>restore_task</c>, <c>POST /api/tasks/{id}/restore</c>, the chat's
/// "undo") before it is purged. Part of the contract: the tools' descriptions, the api's and the chat's words say it,
/// and the purge keeps to it.
/// </summary>
public static class DeletedTaskRetention
{
    public const int Days = 7;

    /// <summary><see cref="Days"/> in words, for descriptions that must be constants (attributes): "7 days".</summary>
    public const string InWords = "7 days";

    public static readonly TimeSpan Period = TimeSpan.FromDays(Days);
}
