namespace TaskChat.Data.Tasks;

/// <summary>What a task operation did: the task, or an error a user can read.</summary>
public readonly record struct TaskOutcome<T>(T? Value, TaskError? Error)
{
    public bool Succeeded => Error is null;
    public static implicit operator TaskOutcome<T>(T value) => new(value, null);
    public static implicit operator TaskOutcome<T>(TaskError error) => new(default, error);
}
