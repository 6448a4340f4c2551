namespace TaskChat.Data.Tasks;

public enum TaskErrorKind
{
    /// <summary>The caller's input broke a rule; the message says which.</summary>
    Validation,
    /// <summary>No such task for this user: another user's task is indistinguishable from a missing one.</summary>
    NotFound,
}

public sealed record TaskError(TaskErrorKind Kind, string Message);

/// <summary>What a task operation did: the task, or an error a user can read.</summary>
public readonly record struct TaskOutcome<T>(T? Value, TaskError? Error)
{
    public bool Succeeded => Error is null;
    public static implicit operator TaskOutcome<T>(T value) => new(value, null);
    public static implicit operator TaskOutcome<T>(TaskError error) => new(default, error);
}
